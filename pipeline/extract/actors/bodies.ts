/**
 * Government bodies by pattern: "the Foreign Ministry", "Russian Foreign
 * Ministry", "X Ministry of Health", "Ministry of Health in X", "Department
 * of the Treasury". The qualifier (country, demonym, capital, territory or a
 * known organization) gives the body's country.
 */
import { countryOf, matchAt } from './lexicon.ts';
import { tokenize } from './text.ts';

const PORTFOLIOS: Readonly<Record<string, string>> = {
  'foreign affairs': 'Foreign',
  foreign: 'Foreign',
  'external affairs': 'Foreign',
  defense: 'Defense',
  defence: 'Defense',
  health: 'Health',
  'public health': 'Health',
  interior: 'Interior',
  'home affairs': 'Interior',
  home: 'Interior',
  finance: 'Finance',
  treasury: 'Treasury',
  justice: 'Justice',
  education: 'Education',
  economy: 'Economy',
  'economic affairs': 'Economy',
  trade: 'Trade',
  commerce: 'Commerce',
  agriculture: 'Agriculture',
  energy: 'Energy',
  environment: 'Environment',
  labor: 'Labor',
  labour: 'Labor',
  transport: 'Transport',
  information: 'Information',
  culture: 'Culture',
  tourism: 'Tourism',
  communications: 'Communications',
  industry: 'Industry',
  immigration: 'Immigration',
  'public security': 'Public Security',
  'state security': 'State Security',
  'homeland security': 'Homeland Security',
  'emergency situations': 'Emergencies',
  emergencies: 'Emergencies',
  'social affairs': 'Social Affairs',
  water: 'Water',
  housing: 'Housing',
  'religious affairs': 'Religious Affairs',
  awqaf: 'Religious Affairs',
  youth: 'Youth',
  planning: 'Planning',
  infrastructure: 'Infrastructure',
  oil: 'Oil',
  petroleum: 'Oil',
  mines: 'Mines',
  intelligence: 'Intelligence',
  "prisoners' affairs": 'Prisoners',
  'prisoners affairs': 'Prisoners',
  'local government': 'Local Government',
};

/** "[Hh]ealth" for each word, so the pattern accepts both cases of the first letter only. */
const ci = (w: string) =>
  w
    .split(' ')
    .map((x) => `[${x[0]!.toUpperCase()}${x[0]}]${x.slice(1).replace(/'/g, "['’]")}`)
    .join('\\s+');
const PORT = `(${Object.keys(PORTFOLIOS)
  .sort((a, b) => b.length - a.length)
  .map(ci)
  .join('|')})`;
const HEAD = `([Mm]inistry|[Dd]epartment)`;
const LOC = `(\\p{Lu}[\\p{L}.]*(?:\\s\\p{Lu}[\\p{L}.]*)?)`;
const AFTER = `(?:\\s+(?:of|in|for)\\s+(?:the\\s+)?${LOC})?`;
/** "[LOC ]Portfolio Ministry[ of/in LOC]" */
const FORM_A = new RegExp(`(?<![\\p{L}])(?:${LOC}(?:['’]s)?\\s+)?${PORT}\\s+${HEAD}(?![\\p{L}])${AFTER}`, 'gu');
/** "Ministry of [the ]Portfolio[ of/in LOC]" */
const FORM_B = new RegExp(`(?<![\\p{L}])(?:${LOC}(?:['’]s)?\\s+)?${HEAD}\\s+of\\s+(?:the\\s+)?${PORT}(?![\\p{L}])${AFTER}`, 'gu');

const HAS_HEAD = /[Mm]inistry|[Dd]epartment/;

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'this', 'that', 'on', 'in', 'but', 'and', 'while', 'when', 'according']);

/** A government body found by pattern. */
export interface BodyHit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly name: string;
  readonly portfolio: string;
  readonly head: 'Ministry' | 'Department';
  readonly country: string | null;
  /** The place qualifier as written when it is not a country name ("Gaza"), else null. */
  readonly place: string | null;
  /** Resolver key: gov:<ISO3|?>:<portfolio>[:<place>]; "?" or a trailing ":~" marks a partial qualifier. */
  readonly key: string;
}

interface Qualifier {
  readonly country: string | null;
  readonly place: string | null;
  readonly label: string;
  readonly full: boolean;
}

function qualifier(raw: string | undefined): Qualifier | null {
  if (!raw) return null;
  const words = raw.split(/\s+/);
  while (words.length && DETERMINERS.has(words[0]!.toLowerCase())) words.shift();
  if (!words.length) return null;
  const label = words.join(' ');
  const toks = tokenize(label);
  const hit = toks.length ? matchAt(label, toks, 0) : null;
  if (hit) {
    const p = hit.payloads[0]!;
    const phrase = toks
      .slice(0, hit.to)
      .map((t) => t.text)
      .join(' ');
    if (p.kind === 'territory') return { country: p.iso3, place: p.name, label: phrase, full: true };
    if (p.kind === 'entry') return p.entry.type === 'person' ? null : { country: p.entry.country, place: null, label: phrase, full: false };
    return { country: p.iso3, place: null, label: phrase, full: true };
  }
  const c = countryOf(label);
  if (c) return { country: c, place: null, label, full: true };
  return null;
}

/** Government bodies by pattern in `text`. */
export function findBodies(text: string): BodyHit[] {
  const out: BodyHit[] = [];
  if (!HAS_HEAD.test(text)) return out;
  const push = (m: RegExpMatchArray, pre: string | undefined, port: string, head: string, post: string | undefined) => {
    const before = qualifier(pre);
    const after = qualifier(post);
    const q = before ?? after;
    let start = m.index!;
    let matched = m[0];
    if (pre && !before) {
      const cut = matched.indexOf(pre) + pre.length;
      matched = matched
        .slice(cut)
        .replace(/^['’]s/, '')
        .trimStart();
      start = m.index! + m[0].length - matched.length;
    } else if (pre && before && before.label !== pre) {
      const at = matched.indexOf(before.label);
      if (at > 0) {
        matched = matched.slice(at);
        start = m.index! + at;
      }
    }
    if (post && !after) {
      matched = matched.slice(0, matched.lastIndexOf(post)).replace(/\s+(?:of|in|for)\s+(?:the\s+)?$/, '');
    }
    const portfolio = PORTFOLIOS[port.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'")] ?? port;
    const H = (head[0]!.toUpperCase() + head.slice(1).toLowerCase()) as 'Ministry' | 'Department';
    const name = q ? `${q.label} ${portfolio} ${H}` : `${portfolio} ${H}`;
    const iso = q?.country ?? '?';
    const key = `gov:${iso}:${portfolio}${q?.place ? `:${q.place.toLowerCase()}` : ''}${q && !q.full ? ':~' : ''}`;
    out.push({ start, end: start + matched.length, text: matched, name, portfolio, head: H, country: q?.country ?? null, place: q?.place ?? null, key });
  };
  for (const m of text.matchAll(FORM_A)) push(m, m[1], m[2]!, m[3]!, m[4]);
  for (const m of text.matchAll(FORM_B)) push(m, m[1], m[3]!, m[2]!, m[4]);
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
