/**
 * The one arbitration between actor candidates of one article, with its
 * priority table. Every recognizer (gazetteer, acronyms, patterns, cues,
 * the trained tagger) proposes spans with its rule id; here they meet.
 *
 * 1. The tagger decides boundaries a pattern cannot see: a rule span that
 *    holds two or more tagger names ("Ford and General Motors") yields to
 *    them; a place name inside a longer tagger name ("Air Peru", "Bank of
 *    Chile") is part of that name, not a country mention.
 * 2. The tagger vetoes a pattern it reads as no name or as a place: a
 *    capitalized phrase ending in a head noun with no tagger name on any of
 *    its words ("Results Operation Center" in a table), a role-less person
 *    the tagger reads as a place ("New Lima") or, with the same words, as an
 *    organization ("Kestrel Mining said").
 * 3. Then, over what is left: the lower priority wins an overlap, then the
 *    longer span, then the earlier one.
 */
import type { ACTOR_RULES } from '../../../schemas/vocab.ts';
import type { Cand, Fields } from '../actors.ts';
import type { NameTagger } from './ner/tagger.ts';
import type { Token } from './ner/tokens.ts';
import { editDistance, fold, surnameTolerance } from './text.ts';
import { pushTo } from '../../lib/maps.ts';
import { SpanSet } from '../../lib/spans.ts';
import { COMPANY_CUE } from './orgs.ts';

export type ActorRule = keyof typeof ACTOR_RULES;

/** Lower wins an overlap. Back-references are made after arbitration, from the chosen people. */
export const RULE_PRIORITY: Readonly<Record<ActorRule, number>> = {
  'gazetteer-entry': 0,
  'acronym-use': 0,
  'alias-apposition': 0,
  'gazetteer-country': 1,
  'national-side': 1,
  'acronym-definition': 1,
  'government-body': 1,
  'org-head-noun': 1.5,
  'company-cue': 1.5,
  'seat-metonym': 2,
  'generic-collective': 2,
  'generic-named-force': 2,
  'person-cue': 3,
  'tagger-person': 3.5,
  'tagger-organization': 3.5,
  'capital-metonym': 4,
  'demonym-state': 5,
  'demonym-ground': 5,
  'person-back-reference': 6,
  'person-fuzzy': 6,
};

/** Rules whose span is a place or people word that a longer tagger name may contain. */
const INSIDE_NAMES: ReadonlySet<ActorRule> = new Set([
  'gazetteer-country',
  'national-side',
  'capital-metonym',
  'seat-metonym',
  'demonym-state',
  'demonym-ground',
]);
/** Pattern rules whose boundaries the tagger may correct or whose span it may veto. */
const PATTERNS: ReadonlySet<ActorRule> = new Set(['org-head-noun', 'company-cue', 'person-cue']);

/** A tagger span (with what the tagger called it, LOC and MISC included, for vetoes). */
export interface TaggedSpan {
  readonly start: number;
  readonly end: number;
  readonly cls: string;
  readonly margin: number;
}

/** The tagger's spans over the article's tokens, as char offsets. */
export function taggedSpans(tagger: NameTagger, tokens: readonly Token[]): TaggedSpan[] {
  const sents: Token[][] = [];
  for (const t of tokens) {
    const last = sents[sents.length - 1];
    if (last && last[0]!.sentence === t.sentence) last.push(t);
    else sents.push([t]);
  }
  return tagger.spans(sents.map((s) => s.map((t) => t.text))).map((x) => {
    const s = sents[x.sentence]!;
    return { start: s[x.from]!.start, end: s[x.to - 1]!.end, cls: x.cls, margin: x.margin };
  });
}

/** Person and organization candidates from the tagger; LOC and MISC spans are kept (rule null) for vetoes only. */
export function taggerCandidates(text: string, spans: readonly TaggedSpan[]): { cands: Cand[]; all: readonly TaggedSpan[] } {
  const cands: Cand[] = [];
  for (const s of spans) {
    // a possessive is not part of the name ("Acme's")
    let end = s.end;
    const m = /['’]s?$/.exec(text.slice(s.start, end));
    if (m && end - m[0].length > s.start) end -= m[0].length;
    const name = text.slice(s.start, end).replace(/\s+/g, ' ');
    if (s.cls === 'PER')
      cands.push({
        start: s.start,
        end,
        rule: 'tagger-person',
        f: { name, type: 'person', country: null, role: null, method: 'exact', key: null } satisfies Fields,
      });
    else if (s.cls === 'ORG')
      cands.push({
        start: s.start,
        end,
        rule: 'tagger-organization',
        f: { name, type: 'organization', country: null, role: null, method: 'exact', key: null } satisfies Fields,
      });
  }
  return { cands, all: spans };
}

/** Between two names of a list: a comma, "and", "or". */
const LIST_GAP = /^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/;

const inside = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start >= b.start && a.end <= b.end;
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export function arbitrate(text: string, cands0: readonly Cand[], tagged: readonly TaggedSpan[]): Cand[] {
  const cands = personBoundaries(cands0);
  // the tagger names, the tagger spans and the candidates near a candidate, by span index (see SpanSet)
  const tagIndex = new SpanSet(cands.filter((c) => c.rule === 'tagger-person' || c.rule === 'tagger-organization'));
  const taggedIndex = new SpanSet(tagged);
  const candIndex = new SpanSet(cands);
  const keep = cands.filter((c) => {
    const tagNames = tagIndex.touching(c.start, c.end);
    if (INSIDE_NAMES.has(c.rule) && tagNames.some((t) => inside(c, t) && t.end - t.start > c.end - c.start)) return false;
    // a known organization inside a longer organization name is that other body ("Acme Bank Foundation")
    // (when it opens the longer name; a known body after a qualifier stays itself: "United Nations World Food Programme")
    if (c.rule === 'gazetteer-entry' && c.f.type !== 'person' && tagNames.some((t) => t.rule === 'tagger-organization' && t.start === c.start && t.end > c.end))
      return false;
    if (!PATTERNS.has(c.rule)) return true;
    const within = tagNames.filter((t) => inside(t, c)).sort((a, b) => a.start - b.start);
    if (within.length >= 2 && within.slice(1).every((t, q) => LIST_GAP.test(text.slice(within[q]!.end, t.start)))) return false;
    const touching = taggedIndex.touching(c.start, c.end).filter((t) => overlaps(t, c));
    if (c.rule === 'org-head-noun' && touching.length === 0) return false;
    if (c.rule === 'person-cue' && !c.f.role && touching.length > 0 && touching.every((t) => t.cls === 'LOC')) return false;
    // a verb cue alone ("X said") does not make a person of what the tagger reads as an organization
    if (c.rule === 'person-cue' && !c.f.role && tagNames.some((t) => t.rule === 'tagger-organization' && t.start === c.start && t.end === c.end)) return false;
    // ... nor of a company the tagger finds after a company noun ("Rival Kestrel said": the rival is Kestrel)
    if (
      c.rule === 'person-cue' &&
      !c.f.role &&
      tagNames.some(
        (t) => t.rule === 'tagger-organization' && t.end === c.end && t.start > c.start && COMPANY_CUE.test(fold(text.slice(c.start, t.start).trim())),
      )
    )
      return false;
    return true;
  });
  // the longer name spells the known one canonically ("ACME Foundation" -> "Acme Corporation Foundation" when ACME is Acme Corporation's acronym)
  const named = keep.map((t) => {
    if (t.rule !== 'tagger-organization') return t;
    const g = candIndex.touching(t.start, t.end).find((c) => c.rule === 'gazetteer-entry' && c.f.type !== 'person' && c.start === t.start && c.end < t.end);
    return g ? { ...t, f: { ...t.f, name: `${g.f.name}${t.f.name.slice(g.end - g.start)}` } } : t;
  });
  const chosen: Cand[] = [];
  const chosenIndex = new SpanSet<Cand>();
  const order = [...named].sort((a, b) => RULE_PRIORITY[a.rule] - RULE_PRIORITY[b.rule] || b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const c of order) {
    if (chosenIndex.touching(c.start, c.end).some((o) => overlaps(c, o))) continue;
    chosen.push(c);
    chosenIndex.add(c);
  }
  return resolveTaggedPeople(chosen).sort((a, b) => a.start - b.start);
}

/**
 * A person found by cue whose span starts with words the tagger leaves out
 * of the name it sees at the end ("... and Asia Ana Lopez": the tagger reads
 * "Asia" as a place, "Ana Lopez" as the person) takes the tagger's
 * boundary; every mention resolved to the longer name follows.
 */
function personBoundaries(cands: readonly Cand[]): Cand[] {
  const renames = new Map<string, string>();
  const taggerPeopleByEnd = new Map<number, Cand[]>();
  for (const x of cands) if (x.rule === 'tagger-person') pushTo(taggerPeopleByEnd, x.end, x);
  const out = cands.map((c) => {
    if (c.rule !== 'person-cue') return c;
    const t = taggerPeopleByEnd.get(c.end)?.find((x) => x.start > c.start && /\s/.test(x.f.name));
    if (!t) return c;
    renames.set(c.f.name, t.f.name);
    return { ...c, start: t.start, f: { ...c.f, name: t.f.name } };
  });
  return renames.size ? out.map((c) => (c.f.type === 'person' && renames.has(c.f.name) ? { ...c, f: { ...c.f, name: renames.get(c.f.name)! } } : c)) : out;
}

/**
 * Tagger people and the people named in full elsewhere in the article. A
 * one-word tagger person that is the surname of a full name is left to the
 * back-references (they pick the nearest earlier full name); a full name
 * whose surname matches and whose given name is a spelling variant ("Sergey"
 * / "Serguei") is that person. Two people sharing only a surname, or only a
 * given name, are never merged.
 */
function resolveTaggedPeople(chosen: readonly Cand[]): Cand[] {
  const words = (s: string) => s.split(/\s+/).map(fold);
  const fulls = chosen.filter((c) => c.f.type === 'person' && /\s/.test(c.f.name));
  // the distinct full names by last word (each with its words and first fields given): one long article
  // repeats one name thousands of times, and each tagger mention looks only at the names of its own surname
  const byLast = new Map<string, Map<string, { readonly w: string[]; readonly f: Fields }>>();
  const byLastNotTagger = new Map<string, Map<string, { readonly w: string[]; readonly f: Fields }>>();
  for (const c of fulls) {
    const w = words(c.f.name);
    for (const index of c.rule === 'tagger-person' ? [byLast] : [byLast, byLastNotTagger]) {
      const names = index.get(w[w.length - 1]!) ?? index.set(w[w.length - 1]!, new Map()).get(w[w.length - 1]!)!;
      if (!names.has(c.f.name)) names.set(c.f.name, { w, f: c.f });
    }
  }
  const surnamesByLetter = new Map<string, string[]>();
  for (const x of byLast.keys()) pushTo(surnamesByLetter, x[0]!, x);
  const out: Cand[] = [];
  for (const c of chosen) {
    if (c.rule !== 'tagger-person' && c.rule !== 'tagger-organization') {
      out.push(c);
      continue;
    }
    const w = words(c.f.name);
    // one word that is the surname, or a misspelt surname, of a person named in full: the back-references resolve it
    // (the article's evidence of a person outweighs the tagger's type)
    if (
      w.length === 1 &&
      (byLast.has(w[0]!) ||
        (w[0]!.length >= 5 &&
          (surnamesByLetter.get(w[0]![0]!) ?? []).some((x) => editDistance(x, w[0]!, 2) <= surnameTolerance(Math.min(x.length, w[0]!.length)))))
    )
      continue;
    if (w.length === 1 || c.rule !== 'tagger-person') {
      out.push(c);
      continue;
    }
    const last = w[w.length - 1]!,
      first = w[0]!;
    // the last words of a longer name ("Ferro Campos" of "Lucia Ferro Campos")
    const longer = [...(byLast.get(last)?.values() ?? [])].filter((o) => o.w.length > w.length && o.w.slice(-w.length).join(' ') === w.join(' '));
    if (longer.length === 1) {
      out.push({ ...c, f: { ...longer[0]!.f, role: null, method: 'alias' } });
      continue;
    }
    const same = [...(byLastNotTagger.get(last)?.values() ?? [])].filter(
      ({ w: v }) => v[0] !== first && v[0]![0] === first[0] && editDistance(v[0]!, first, 2) <= 2 && Math.min(v[0]!.length, first.length) >= 4,
    );
    out.push(same.length === 1 ? { ...c, f: { ...same[0]!.f, role: null, method: 'fuzzy' } } : c);
  }
  return out;
}
