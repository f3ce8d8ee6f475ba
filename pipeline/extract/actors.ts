/**
 * Actor mentions in one article.
 *
 * 1. Gazetteer (compiled once, token trie): countries and their aliases,
 *    demonyms standing for a state ("Israeli forces"), capitals and seats of
 *    government that act ("Moscow has sent", "the Kremlin said"),
 *    international organizations, parties, armed groups, news agencies,
 *    leaders. Territories ("Gaza", "West Bank") are places, never actors.
 * 2. Acronyms defined in the text, "Long Name (ABC)", and their later uses.
 * 3. Government bodies by pattern ("Ministry of Health in X").
 * 4. People by cue: a title or role before the name, an apposition after it
 *    (", a senior fellow at"), a reporting verb, a kinship word. A title
 *    alone is not an actor.
 * 5. Within the article, a surname or short form refers back to the full
 *    name (method alias); a misspelt surname within a small edit distance of
 *    a full name's surname resolves to it (method fuzzy).
 */
import type { ActorMentionX, Document } from '../../schemas/pipeline.ts';
import { findBodies } from './actors/bodies.ts';
import { AMBIGUOUS_COUNTRY_FORMS, COUNTRY_NAME, ENTRIES, matchAt, type GazEntry, type GazHit, type Payload } from './actors/lexicon.ts';
import {
  ABBREVIATED_TITLES,
  ACTING_VERB,
  APPOSITION,
  HONORIFICS,
  KIN_BEFORE,
  PARTY_WORDS,
  TITLE_SPLIT,
  NOT_NAME,
  ORG_HEADS,
  PARTICLES,
  PLACE_BEFORE,
  STATE_NOUNS,
  STATE_POSSESSED,
  modifiedNouns,
  groundEntered,
  HEAD_WORDS,
  SURNAME_PARTICLES,
  TITLE_BEFORE,
  TITLE_WORDS,
  VERB_AFTER,
  VERB_BEFORE,
  titleAt,
} from './actors/people.ts';
import { pushTo } from '../lib/maps.ts';
import { editDistance, fold, joins, nameKey, possessiveAt, surnameTolerance, tokenize, type Token } from './actors/text.ts';
import {
  COMPANY_CUE,
  NOT_ACTOR_TAIL,
  STATE_HEADS,
  acronymLike,
  findCompanyWords,
  findHeadOrgs,
  hasHeadNoun,
  runBefore,
  spells,
  type OrgSpan,
} from './actors/orgs.ts';
import { findGeneric } from './actors/generic.ts';
import { arbitrate, taggedSpans, taggerCandidates, type ActorRule } from './actors/arbitrate.ts';
import { actorCues, checkTaggerNames, isSportText, joinAmpersands, type ActorCues } from './actors/works.ts';
import cueData from '../lexicons/en/actor-cues.json' with { type: 'json' };
import { countryByName, placesNamed } from '../lib/geo.ts';
import { projectTagger } from './actors/ner/model.ts';
import type { NameTagger } from './actors/ner/tagger.ts';
import { tokensOf } from './actors/ner/tokens.ts';
import type { AnnotatedDocument } from '../nlp/document.ts';
import { isTriggerWord } from './events/lexicon.ts';

export type Fields = Omit<ActorMentionX, 'sentence_index' | 'char_start' | 'char_end' | 'text' | 'rule'>;
/** An organization recognized by form, for the tokens it covers: blocks person names and gives affiliations. */
interface OrgRef {
  readonly name: string;
  readonly country: string | null;
  readonly to: number;
}
export interface Cand {
  readonly start: number;
  readonly end: number;
  readonly rule: ActorRule;
  readonly f: Fields;
}

const PRIORITY: Record<Payload['kind'], number> = { entry: 0, country: 1, seat: 2, territory: 3, capital: 4, demonym: 5 };
const pick = (ps: readonly Payload[]): Payload =>
  [...ps].sort(
    (a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || (a.kind === 'entry' && b.kind === 'entry' ? Number(a.contextOnly) - Number(b.contextOnly) : 0),
  )[0]!;

const entryFields = (e: GazEntry, role: string | null = null): Fields => ({
  name: e.name,
  type: e.type,
  country: e.country,
  role,
  method: 'gazetteer',
  key: `actors:${e.key}`,
});
const countryFields = (iso3: string, name: string, method: Fields['method']): Fields => ({
  name,
  type: 'country',
  country: iso3,
  role: null,
  method,
  key: `countries:${iso3}`,
});

/** A country's ground, sea or sky, after its demonym. */
/** A gazetteer hit with the payload chosen for it. */
interface Gaz {
  readonly hit: GazHit;
  readonly p: Payload;
}

const isNameToken = (t: Token): boolean => t.cap && /\p{Ll}/u.test(t.text) && !NOT_NAME.has(t.fold) && t.text.length > 1;
const isAllCaps = (t: Token): boolean => !/\p{Ll}/u.test(t.text);

/** Finds every actor mention in one cleaned article. Pure and deterministic. */
/** The project's work, product, reporting and sport cue words (pipeline/lexicons/en/actor-cues.json). */
export const PROJECT_CUES: ActorCues = actorCues(cueData);

/**
 * A country right before the name of a body, one space between, opens that name ("China Construction Bank", "Kestrel
 * Airways Group"): the tagger saw the body without the country, the gazetteer the country alone.
 */
function countriesOpeningNames(text: string, chosen: Cand[]): Cand[] {
  const sorted = [...chosen].sort((a, b) => a.start - b.start);
  const drop = new Set<Cand>();
  for (let i = 0; i + 1 < sorted.length; i++) {
    const c = sorted[i]!,
      o = sorted[i + 1]!;
    if (c.f.type !== 'country' || o.f.type !== 'organization' || o.f.key || o.start !== c.end + 1 || text[c.end] !== ' ') continue;
    drop.add(c);
    const name = text.slice(c.start, o.end);
    sorted[i + 1] = {
      ...o,
      start: c.start,
      f: { ...o.f, name: o.f.name === text.slice(o.start, o.end) ? name : o.f.name, country: o.f.country ?? c.f.country },
    };
  }
  return sorted.filter((c) => !drop.has(c));
}

/**
 * Whether a country name ending at `end` only modifies the common nouns after it (see modifiedNouns): unless a word of
 * the run's ends names a happening ("a US drone strike", "Iran jails blogger").
 */
function modifierOnly(ann: AnnotatedDocument, at: ReadonlyMap<number, number>, end: number): boolean {
  const run = modifiedNouns(ann, at, end);
  return !!run && !isTriggerWord(run.head.text) && !isTriggerWord(run.first.text);
}

export function findActorMentions(
  doc: Document,
  _ann?: AnnotatedDocument,
  tagger: NameTagger = projectTagger(),
  cues: ActorCues = PROJECT_CUES,
): ActorMentionX[] {
  const text = doc.text;
  let annIndex: Map<number, number> | null = null;
  const annAt = () => (annIndex ??= new Map((_ann?.tokens ?? []).map((t, i) => [t.start, i] as const)));
  const toks = tokenize(text);
  const n = toks.length;
  const cands: Cand[] = [];
  const add = (start: number, end: number, rule: ActorRule, f: Fields) => {
    if (end > start) cands.push({ start, end, rule, f });
  };

  // --- 1. gazetteer hits over tokens
  const gazAt: (Gaz | undefined)[] = new Array(n);
  const hits: Gaz[] = [];
  for (let i = 0; i < n;) {
    const hit = matchAt(text, toks, i);
    if (!hit) {
      i++;
      continue;
    }
    const g = { hit, p: pick(hit.payloads) };
    hits.push(g);
    for (let k = hit.from; k < hit.to; k++) gazAt[k] = g;
    i = hit.to;
  }
  const countriesHere = new Set<string>();
  for (const g of hits) if (g.p.kind !== 'entry' && g.p.iso3) countriesHere.add(g.p.iso3);

  const dominant = dominantCountry(hits);

  // --- 2a. organizations by the form of their names (head nouns), companies by cue
  const knownOrgStop = (k: number) => {
    const g = gazAt[k];
    return !!g && (g.p.kind === 'entry' || g.p.kind === 'seat');
  };
  const orgAt: (OrgRef | undefined)[] = new Array(n);
  const markOrg = (from: number, to: number, f: Fields) => {
    const r = { name: f.name, country: f.country, to };
    for (let k = from; k < to; k++) orgAt[k] = r;
  };
  const countryInside = (from: number, to: number): string | null => {
    for (let k = from; k < to; k++) {
      const g = gazAt[k];
      if (g && g.p.kind !== 'entry' && g.p.kind !== 'territory' && g.p.iso3) return g.p.iso3;
      if (g && g.p.kind === 'territory' && g.p.iso3) return g.p.iso3;
    }
    // "Peru's National Institute ...": the possessor right before the name
    if (from < 1 || possessiveAt(text, toks[from - 1]!.end) === 0) return null;
    const prev = gazAt[from - 1];
    if (prev && prev.p.kind !== 'entry' && prev.p.iso3) return prev.p.iso3;
    if (prev && prev.p.kind === 'entry' && prev.p.entry.type !== 'person' && GOVERNING.has(prev.p.entry.category)) return prev.p.entry.country;
    return orgAt[from - 1]?.country ?? null;
  };
  // government bodies first: they give their country to what they own ("the Treasury Department's Office of ...")
  const bodies = findBodies(text);
  for (const b of bodies) {
    const from = tokenIndexAt(toks, b.start);
    let to = from;
    while (to < n && toks[to]!.end <= b.end) to++;
    if (to > from) markOrg(from, to, { name: b.name, type: 'organization', country: b.country, role: null, method: 'exact', key: b.key });
  }
  const headOrgs = findHeadOrgs(text, toks, knownOrgStop);
  const headOrgEnd = new Map<number, OrgSpan>();
  for (const o of headOrgs) {
    const start = toks[o.from]!.start,
      end = toks[o.to - 1]!.end;
    const f: Fields = {
      name: text.slice(start, end).replace(/\s+/g, ' '),
      type: 'organization',
      country: countryInside(o.from, o.to),
      role: null,
      method: 'exact',
      key: null,
    };
    add(start, end, 'org-head-noun', f);
    markOrg(o.from, o.to, f);
    headOrgEnd.set(o.to - 1, o);
  }

  // --- 2b. acronyms defined in the text
  const acronyms = new Map<string, Fields>();
  const definitionSpans: [number, number][] = [];
  const longFormFields = (from: number, to: number): Fields => {
    const g = gazAt[from];
    if (g && g.hit.from === from && g.hit.to === to && (g.p.kind === 'entry' || g.p.kind === 'country')) {
      return g.p.kind === 'entry' ? entryFields(g.p.entry) : countryFields(g.p.iso3, g.p.name, 'gazetteer');
    }
    const start = toks[from]!.start,
      end = toks[to - 1]!.end;
    const f: Fields = {
      name: text.slice(start, end).replace(/\s+/g, ' '),
      type: 'organization',
      country: countryInside(from, to),
      role: null,
      method: 'exact',
      key: null,
    };
    add(start, end, 'acronym-definition', f);
    markOrg(from, to, f);
    return f;
  };
  const capWords = (from: number, to: number) => {
    let c = 0;
    for (let k = from; k < to; k++) if (toks[k]!.cap) c++;
    return c;
  };
  for (let i = 1; i < n; i++) {
    const t = toks[i]!;
    if (!t.cap || acronyms.has(t.text)) continue;
    const acrLike = acronymLike(t.text);
    const plainWord = !acrLike && t.text.length >= 4 && !gazAt[i] && isNameToken(t) && !TITLE_WORDS.has(t.fold);
    if (!acrLike && !plainWord) continue;
    const paren = text[t.start - 1] === '(' && text[t.end] === ')';
    const lead = text.slice(Math.max(0, t.start - 24), paren ? t.start - 1 : t.start);
    let last = -1;
    let form: 'paren' | 'or' | 'appo' | null = null;
    if (paren && /^[ \u00a0]?$/.test(text.slice(toks[i - 1]!.end, t.start - 1))) {
      last = i - 1;
      form = 'paren';
    } else if (!paren) {
      const m = /(,\s+or|,?\s+(?:also\s+)?known\s+as|,\s+or\s+simply)\s+$/.exec(lead);
      if (m && acrLike) {
        const at = t.start - m[0].length;
        const q = tokenIndexAt(toks, at) - 1;
        if (q >= 0 && toks[q]!.end === at) {
          last = q;
          form = 'or';
        }
      } else if (
        plainWord &&
        text.slice(toks[i - 1]!.end, t.start) === ', ' &&
        headOrgEnd.has(i - 1) &&
        /^(?:\s*,|\s+\p{Ll})/u.test(text.slice(t.end, t.end + 3))
      ) {
        last = i - 1;
        form = 'appo';
      }
    }
    if (!form || last < 0) continue;
    const from = form === 'appo' ? headOrgEnd.get(last)!.from : runBefore(text, toks, last, () => false);
    if (from > last) continue;
    const letters = t.text.replace(/[^\p{Lu}]/gu, '');
    const initialsOf = (s: number) => {
      let r = '';
      for (let k = s; k <= last; k++) if (toks[k]!.cap) r += toks[k]!.text[0]!.toUpperCase();
      return r;
    };
    // the smallest suffix whose capitals spell the acronym; else one whose words' prefixes spell it (syllabic)
    let start = -1;
    for (let s2 = last; s2 >= from; s2--)
      if (toks[s2]!.cap && acrLike && initialsOf(s2) === letters) {
        start = s2;
        break;
      }
    if (start < 0)
      for (let s2 = last - 1; s2 >= from; s2--) {
        if (!toks[s2]!.cap || capWords(s2, last + 1) < 2) continue;
        if (
          spells(
            t.text,
            toks
              .slice(s2, last + 1)
              .filter((w) => w.cap)
              .map((w) => w.fold),
          )
        ) {
          start = s2;
          break;
        }
      }
    const initials = new Set(
      toks
        .slice(from, last + 1)
        .filter((w) => w.cap)
        .map((w) => w.fold[0]),
    );
    if (start < 0) {
      // unambiguous forms: a capitalized multi-word name before "(ABC)"; an organization name before "(Word)", ", Word," or ", or ABC"
      // (a known body's acronym or a country's code is no definition: "Ana Ruiz (UK)" gives her country)
      const gazAcr = gazAt[i] && (gazAt[i]!.p.kind === 'entry' || gazAt[i]!.p.kind === 'country');
      if (capWords(from, last + 1) < 2 || gazAcr) continue;
      // (one of its capitals opens the acronym, or it has an organization's head noun: "Ana Ruiz (NGGF)" names her body, not her)
      if (form === 'paren' && acrLike && (initials.has(t.fold[0]) || hasHeadNoun(toks, from, last + 1))) start = from;
      else if (initials.has(t.fold[0]) && (form === 'appo' || hasHeadNoun(toks, from, last + 1) || (form === 'or' && acrLike))) start = from;
      else continue;
    }
    if (NOT_ACTOR_TAIL.test(text.slice(toks[start]!.start, toks[last]!.end))) {
      definitionSpans.push([t.start, t.end]);
      continue;
    }
    const f = longFormFields(start, last + 1);
    acronyms.set(t.text, f);
    definitionSpans.push(form === 'paren' ? [t.start - 1, t.end + 1] : [t.start, t.end]);
    // the acronym in its definition is a mention of the long form: it lets other articles' bare uses join it
    if (form === 'paren' && acrLike) add(t.start, t.end, 'acronym-use', { ...f, method: 'acronym' });
  }

  // later uses of acronyms the gazetteer does not know
  if (acronyms.size)
    for (let i = 0; i < n; i++) {
      const t = toks[i]!;
      const f = acronyms.get(t.text);
      if (f && !gazAt[i] && !definitionSpans.some(([a, b]) => t.start >= a && t.end <= b)) {
        add(t.start, t.end, 'acronym-use', { ...f, method: 'acronym' });
        markOrg(i, i + 1, f);
      }
    }

  // --- emit gazetteer mentions
  const sport = isSportText(text, cues);
  let placeEnd = -1; // end of the last country named as a place
  /** Countries named only as a modifier or a place: no actor mention, and no tagger reading of the same words either. */
  const quietCountries: (readonly [number, number])[] = [];
  for (const g of hits) {
    const { hit, p } = g;
    const first = toks[hit.from]!,
      last = toks[hit.to - 1]!;
    const surface = text.slice(first.start, last.end);
    if (acronyms.has(surface)) {
      if (!definitionSpans.some(([a, b]) => first.start >= a && last.end <= b))
        add(first.start, last.end, 'acronym-use', { ...acronyms.get(surface)!, method: 'acronym' });
      continue;
    }
    const next = toks[hit.to];
    const nextJoined = next !== undefined && joins(text, last, next) && next.cap;
    const prev = toks[hit.from - 1];
    const prevJoined = prev !== undefined && joins(text, prev, first) && prev.cap && isNameToken(prev) && !TITLE_WORDS.has(prev.fold);
    const before = text.slice(Math.max(0, first.start - 40), first.start);
    const after = text.slice(last.end + possessiveAt(text, last.end), last.end + 60);
    switch (p.kind) {
      case 'entry': {
        const e = p.entry;
        if (p.contextOnly && !(e.country && countriesHere.has(e.country))) break;
        if (e.standalone && nextJoined) break;
        if (nextJoined && ORG_HEADS.has(next!.fold)) break;
        if (e.type === 'person' && prevJoined) break;
        if (e.type === 'person') {
          const tb = prev && HEAD_WORDS.has(prev.fold) ? TITLE_BEFORE.exec(before) : null;
          add(first.start, last.end, 'gazetteer-entry', entryFields(e, tb ? tb[1]!.trim() : null));
          break;
        }
        // "UNRWA, the UN refugee agency": a descriptive alias in apposition names the organization before it
        const appo = /,\s+(?:the|a|an)\s+$/.exec(before);
        if (appo && tokenize(surface).some((w) => !w.cap && !FUNCTION_WORDS.has(w.fold))) {
          const prevOrg = cands.find((c) => c.end === first.start - appo[0].length && c.f.type !== 'person' && c.f.type !== 'country');
          if (prevOrg) {
            add(first.start, last.end, 'alias-apposition', { ...prevOrg.f, method: 'alias' });
            break;
          }
        }
        add(first.start, last.end, 'gazetteer-entry', entryFields(e));
        break;
      }
      case 'country':
        // a country name closing the name of a region is that region ("South America", "Latin America"): no country,
        // and no tagger reading of its words either
        if (prev && joins(text, prev, first) && prev.cap && cues.regions.has(fold(`${prev.text} ${surface}`))) {
          quietCountries.push([prev.start, last.end]);
          break;
        }
        if (AMBIGUOUS_COUNTRY_FORMS.has(surface) && (prevJoined || (nextJoined && isNameToken(next!)))) break;
        // a country that opens a firm's or a body's name is part of it ("Chile Airways", "Peru Holdings")
        if (nextJoined && (cues.companyLast.has(next!.fold) || ORG_HEADS.has(next!.fold))) break;
        // a country that only modifies the common noun after it ("a UK tour", "the US economy", "US retailer X") is where
        // or whose, no actor mention (kept before its state or people, "US officials", what it put forward, "the US
        // offer", or a happening it wages, "a US drone strike")
        if (_ann && modifierOnly(_ann, annAt(), last.end)) {
          quietCountries.push([first.start, last.end]);
          break;
        }
        // a country named only as a place ("floods in Peru", "a meeting across the US") is not an actor mention
        // (and the countries listed with it: "in Peru and Chile")
        if (
          (COUNTRY_AS_PLACE.test(before) || (placeEnd >= 0 && /^(?:,\s*|\s+(?:and|or)\s+)$/.test(text.slice(placeEnd, first.start)))) &&
          possessiveAt(text, last.end) === 0
        ) {
          placeEnd = last.end;
          quietCountries.push([first.start, last.end]);
          break;
        }
        add(first.start, last.end, 'gazetteer-country', countryFields(p.iso3, p.name, 'gazetteer'));
        break;
      case 'demonym': {
        const m = /^\s+([\p{Ll}]+)/u.exec(text.slice(last.end, last.end + 30));
        if (m && STATE_NOUNS.has(m[1]!)) add(first.start, last.end, 'demonym-state', countryFields(p.iso3, p.name, 'demonym'));
        // a country's ground entered or struck ("an incursion onto Kestrelian territory", "strikes on Lorian soil"): the
        // country is acted on (in its ground, "fishing in Lorian waters", it is only the place)
        else if (groundEntered(before, text.slice(last.end, last.end + 30)))
          add(first.start, last.end, 'demonym-ground', countryFields(p.iso3, p.name, 'demonym'));
        break;
      }
      case 'capital': {
        const poss = possessiveAt(text, last.end) > 0;
        const acting = poss ? STATE_POSSESSED.test(after) : ACTING_VERB.test(after) && !PLACE_BEFORE.test(before);
        if (acting && !nextJoined) add(first.start, last.end, 'capital-metonym', countryFields(p.iso3, p.name, 'metonym'));
        break;
      }
      case 'seat':
        if (!PLACE_BEFORE.test(before)) add(first.start, last.end, 'seat-metonym', countryFields(p.iso3, p.name, 'metonym'));
        break;
      case 'territory':
        // in a sport article, a part of a state that fields its own national side ("Wales beat Italy", "England's
        // captain") is that side, unless it is named as a place ("the final in Wales")
        if (sport && cues.sportingNations.has(p.name) && !COUNTRY_AS_PLACE.test(before) && !/(?:^|[^\p{L}])(?:from|to|of)\s+$/u.test(before))
          add(first.start, last.end, 'national-side', { name: p.name, type: 'organization', country: p.iso3, role: null, method: 'exact', key: null });
        break;
    }
  }

  // --- 3. government bodies
  for (const b of bodies) {
    add(b.start, b.end, 'government-body', { name: b.name, type: 'organization', country: b.country, role: null, method: 'exact', key: b.key });
  }

  // --- 3b. companies typed by a cue ("state-owned Codelco", "Apple's shares"): every use of the word in the article
  const companies = findCompanyWords(text, toks, (k) => !gazAt[k] && !orgAt[k] && isNameToken(toks[k]!) && !TITLE_WORDS.has(toks[k]!.fold));
  if (companies.size) {
    const stateOwned = new Set<string>();
    for (let k = 1; k < n; k++)
      if (
        companies.has(toks[k]!.fold) &&
        /^(?:state|government)[\s-](?:owned|run|controlled)\s+$/.test(
          text.slice(Math.max(0, toks[k]!.start - 24), toks[k]!.start).replace(/^.*?(?=(?:state|government)[\s-])/s, ''),
        )
      )
        stateOwned.add(toks[k]!.fold);
    const firstText = new Map<string, string>();
    for (let k = 0; k < n; k++) {
      const t = toks[k]!;
      if (!companies.has(t.fold) || gazAt[k] || orgAt[k] || !t.cap) continue;
      if ((toks[k - 1]?.cap && joins(text, toks[k - 1]!, t)) || (toks[k + 1]?.cap && joins(text, t, toks[k + 1]!))) continue;
      if (!firstText.has(t.fold)) firstText.set(t.fold, t.text);
      const f: Fields = {
        name: firstText.get(t.fold)!,
        type: 'organization',
        country: stateOwned.has(t.fold) ? dominant : null,
        role: null,
        method: 'exact',
        key: null,
      };
      add(t.start, t.end, 'company-cue', f);
      markOrg(k, k + 1, f);
    }
  }

  // --- 3c. generic state forces and collectives ("the army", "Kenyan police", "protesters")
  const geo = (k: number): string | null => {
    const g = gazAt[k];
    return g && g.p.kind !== 'entry' && g.p.iso3 ? g.p.iso3 : null;
  };
  for (const h of findGeneric(text, toks, (k) => !geo(k))) {
    let iso: string | null = null;
    const before = toks[h.from - 1];
    if (before && (joins(text, before, toks[h.from]!) || /^['’]s? $/.test(text.slice(before.end, toks[h.from]!.start)))) iso = geo(h.from - 1);
    const after = toks[h.to];
    if (!iso && after && /^(?:of|in)$/.test(after.fold) && joins(text, toks[h.to - 1]!, after))
      iso = geo(h.to + 1) ?? (toks[h.to + 1]?.fold === 'the' ? geo(h.to + 2) : null);
    iso ??= dominant;
    const cname = iso ? (COUNTRY_NAME.get(iso) ?? iso) : null;
    const name = cname ? `${h.kind.label} (${cname})` : h.kind.label;
    const key = `generic:${h.kind.id}:${iso ?? '?'}${h.kind.perArticle ? ':@' : ''}`;
    // "police" after "the National Police Service": the one named force of that kind (and country) in the article
    const head = FORCE_HEAD[h.kind.id];
    if (head) {
      const named = new Set<Fields>();
      for (const c of cands)
        if (c.f.type === 'organization' && !c.f.key && head.test(c.f.name) && (!iso || !c.f.country || c.f.country === iso)) named.add(c.f);
      const names = new Set([...named].map((f) => f.name));
      if (names.size === 1) {
        add(toks[h.from]!.start, toks[h.to - 1]!.end, 'generic-named-force', { ...[...named][0]!, method: 'alias' });
        continue;
      }
    }
    add(toks[h.from]!.start, toks[h.to - 1]!.end, 'generic-collective', { name, type: h.kind.type, country: iso, role: null, method: 'generic', key });
  }

  // --- 4. people
  const people = findPeople(text, toks, gazAt, cands, orgAt);
  for (const c of people) cands.push(c);

  // --- 4c. names the trained tagger proposes (people and organizations), then one arbitration
  const tagged = taggerCandidates(text, joinAmpersands(text, taggedSpans(tagger, tokensOf(text, doc.sentences))));
  // (a country the gazetteer left out as a modifier or a place is no organization either: "US regulators", "in the US")
  for (const c of refineTagged(text, toks, tagged.cands, gazAt, acronyms, definitionSpans, doc.sentences, cues))
    if (!quietCountries.some(([a, b]) => a <= c.start && c.end <= b)) cands.push(c);
  // a place the gazetteer knows (a country, a capital) or a GeoNames town, by its population
  const placeSize = (w: string): number =>
    hits.some((g) => g.p.kind !== 'entry' && fold(text.slice(toks[g.hit.from]!.start, toks[g.hit.to - 1]!.end)) === fold(w)) || countryByName(w)
      ? Infinity
      : (placesNamed(w)[0]?.population ?? 0);
  const chosen = countriesOpeningNames(text, arbitrate(text, checkTaggerNames({ text, cands, tagged: tagged.all, cues, placeSize }), tagged.all));
  chosen.sort((a, b) => a.start - b.start);

  // --- 4b. country from the article: a person or an organization named by pattern with no country of its own,
  // not tied to an international body, takes the article's dominant country (companies only when state-owned)
  if (dominant)
    for (let q = 0; q < chosen.length; q++) {
      const c = chosen[q]!;
      // a government body named without its state ("the health ministry") in an article about one country is that country's
      if (c.rule === 'government-body' && !c.f.country && c.f.key?.startsWith('gov:?:')) {
        chosen[q] = { ...c, f: { ...c.f, country: dominant, key: `gov:${dominant}:${c.f.key.slice(6)}` } };
        continue;
      }
      if (c.f.country || c.f.key) continue;
      const f = c.f;
      const intl = (f.affiliation && (INTERNATIONAL.test(f.affiliation) || INTERNATIONAL_NAMES.has(f.affiliation))) || (f.role && INTERNATIONAL.test(f.role));
      if (f.type === 'organization' && !companies.has(fold(f.name)) && !INTERNATIONAL.test(f.name) && stateBody(f.name))
        chosen[q] = { ...c, f: { ...f, country: dominant } };
      else if (f.type === 'person' && !intl && !!f.role && STATE_ROLE.test(f.role)) chosen[q] = { ...c, f: { ...f, country: dominant } };
    }
  // a person takes the country of the organization the text affiliates them with ("Its leader, X" of a national party)
  const orgCountryByName = new Map<string, string>();
  for (const c of chosen) if (c.f.type !== 'person' && c.f.country) orgCountryByName.set(c.f.name, c.f.country);
  for (let q = 0; q < chosen.length; q++) {
    const c = chosen[q]!;
    if (c.f.type === 'person' && !c.f.country && c.f.affiliation && orgCountryByName.has(c.f.affiliation))
      chosen[q] = { ...c, f: { ...c.f, country: orgCountryByName.get(c.f.affiliation)! } };
  }

  // a governor or a mayor with no country governs a place of the article: the country of the places it names most
  if (chosen.some((c) => c.f.type === 'person' && !c.f.country && c.f.role && LOCAL_ROLE.test(c.f.role))) {
    const iso = placeCountry(text, toks, gazAt);
    if (iso)
      for (let q = 0; q < chosen.length; q++) {
        const c = chosen[q]!;
        if (c.f.type === 'person' && !c.f.country && c.f.role && LOCAL_ROLE.test(c.f.role)) {
          for (let r = 0; r < chosen.length; r++)
            if (chosen[r]!.f.type === 'person' && chosen[r]!.f.name === c.f.name && !chosen[r]!.f.country)
              chosen[r] = { ...chosen[r]!, f: { ...chosen[r]!.f, country: iso } };
        }
      }
  }

  // a person with no country introduced as someone's (a country's or a leader's) role takes the possessor's country
  // ("Chile's mining minister Ana Soto", "President Lagos's chief of staff, Ana Soto")
  for (let q = 0; q < chosen.length; q++) {
    const c = chosen[q]!;
    if (c.f.type !== 'person' || c.f.country) continue;
    let owner: Cand | undefined;
    for (let r = q - 1; r >= 0; r--) {
      const o = chosen[r]!;
      if (c.start - o.end > 100 || /[.!?;]\s/.test(text.slice(o.end, c.start))) break;
      if (o.f.type === 'person' && !o.f.country) break;
      if ((o.f.type === 'person' || o.f.type === 'country') && o.f.country && possessiveAt(text, o.end) > 0) {
        owner = o;
        break;
      }
      if (o.f.type === 'person') break;
    }
    if (owner) {
      const country = owner.f.country;
      for (let r = 0; r < chosen.length; r++)
        if (chosen[r]!.f.type === 'person' && chosen[r]!.f.name === c.f.name && !chosen[r]!.f.country)
          chosen[r] = { ...chosen[r]!, f: { ...chosen[r]!.f, country } };
    }
  }

  // --- 5. back-references to people: surnames, short forms, misspellings, and given names
  const refs = backReferences(text, toks, chosen, gazAt);
  const all = givenNamesJoined([...chosen, ...refs].sort((a, b) => a.start - b.start));

  const sents = doc.sentences;
  const out: ActorMentionX[] = [];
  let si = 0;
  for (const c of all) {
    while (si < sents.length && sents[si]!.char_end <= c.start) si++;
    const s = sents[si];
    if (!s || s.char_start > c.start) continue;
    out.push({ sentence_index: s.sentence_index, char_start: c.start, char_end: c.end, text: text.slice(c.start, c.end), ...c.f, rule: c.rule });
  }
  return out;
}

/**
 * Tagger names checked against what the rules know: the long form before
 * "(ABC)" is the definition's, a defined acronym is that organization, a
 * title word after a name is not part of it ("Acme Chairman"), a portfolio
 * before a title is not an organization ("Finance Minister"), and a demonym
 * alone is not a name.
 */
function refineTagged(
  text: string,
  toks: readonly Token[],
  tagged: readonly Cand[],
  gazAt: readonly (Gaz | undefined)[],
  acronyms: ReadonlyMap<string, Fields>,
  definitions: readonly [number, number][],
  sentences: Document['sentences'],
  cues: Pick<ActorCues, 'holidays' | 'numberedHeads'>,
): Cand[] {
  const out: Cand[] = [];
  const lines = sentenceLines(text, toks, sentences);
  for (const c0 of tagged) {
    let c = c0;
    if (definitions.some(([a, b]) => c.start < b && a < c.end)) continue;
    const line = lines.find((l) => l.start <= c.start && c.start < l.end);
    if (line?.credit) continue;
    let from = tokenIndexAt(toks, c.start);
    // a company noun opening a longer name is its description ("Rival Kestrel", "Miner Bramble Gold" at a sentence start):
    // the company is the rest
    const head = toks[from];
    if (head && COMPANY_CUE.test(head.fold) && toks[from + 1] && toks[from + 1]!.end <= c.end && toks[from + 1]!.cap) {
      from++;
      const start = toks[from]!.start;
      c = { ...c, start, rule: 'tagger-organization', f: { ...c.f, type: 'organization', name: text.slice(start, c.end).replace(/\s+/g, ' ') } };
    }
    let to = from;
    while (to < toks.length && toks[to]!.end <= c.end) to++;
    while (to > from && TITLE_WORDS.has(toks[to - 1]!.fold) && !acronymLike(toks[to - 1]!.text)) to--;
    if (to <= from) continue;
    // a small number right after a name whose head takes one is part of it ("Channel 4", "Radio 2"), unless a
    // score or an amount goes on (after any other name it is a score, a rank or an amount: "Kestrel 2")
    const num = toks[to];
    const past = toks[to + 1];
    if (
      c.rule === 'tagger-organization' &&
      cues.numberedHeads.has(toks[to - 1]!.fold) &&
      num &&
      /^\d{1,2}$/.test(num.text) &&
      text.slice(toks[to - 1]!.end, num.start) === ' ' &&
      !(past && num.end === past.start - 1 && (past.cap || /^[\d-]/.test(past.text) || AMOUNT_AFTER.has(past.fold))) &&
      !(past && /^[-–:]/.test(past.text)) &&
      !(from > 0 && /^\d{1,2}$/.test(toks[from - 1]!.text))
    )
      to++;
    const end = toks[to - 1]!.end;
    const surface = text.slice(c.start, end);
    const acr = acronyms.get(surface);
    if (acr) {
      out.push({ start: c.start, end, rule: 'acronym-use', f: { ...acr, method: 'acronym' } });
      continue;
    }
    const next = toks[to];
    if (to - from === 1 && next && TITLE_WORDS.has(next.fold) && joins(text, toks[from]!, next) && !acronymLike(toks[from]!.text)) continue;
    const g = gazAt[from];
    if (g && g.p.kind === 'demonym' && g.hit.from === from && g.hit.to === to) continue;
    // an ambiguous acronym the gazetteer declined without its country in the article ("PA system")
    if (g && g.hit.from === from && g.hit.to === to && g.p.kind === 'entry' && g.p.contextOnly) continue;
    if (NOT_ACTOR_TAIL.test(surface)) continue;
    if (to - from === 1 && CALENDAR.test(surface)) continue;
    // a holiday is a date ("Christmas", "New Year's Eve"), however the tagger reads it
    if (cues.holidays.has(fold(surface))) continue;
    // one capitalized word the article also writes in lowercase ("Tobacco" beside "tobacco sales"): a common word, not a name
    if (to - from === 1 && !acronymLike(surface) && lines.lowercase.has(toks[from]!.fold)) continue;
    // one word for the followers of a creed or a movement ("Marxist", "Islamists"): a description, not a named actor
    if (to - from === 1 && /\p{Ll}(?:ist|ists|ism)$/u.test(surface)) continue;
    // a plural acronym is a common noun ("DJs", "GPs", "MEPs", "DVDs"), not a body
    if (to - from === 1 && /^\p{Lu}{2,5}s$/u.test(surface)) continue;
    // a name cut short: the capitalized word right after it is left out ("Acme Grand" of "Acme Grand Hotel"),
    // or the article or particle that opens it ("Nina" of "La Nina", "Rioja" of "La Rioja")
    if (next && next.cap && joins(text, toks[to - 1]!, next) && !TITLE_WORDS.has(next.fold) && !gazAt[to]) continue;
    // ... or by a demonym after it ("North" of "North American", "Latin" of "Latin American")
    const dem = gazAt[to];
    if (to - from === 1 && next && dem && dem.p.kind === 'demonym' && dem.hit.from === to && joins(text, toks[from]!, next)) continue;
    const prev = toks[from - 1];
    // a capital "The" inside a sentence opens a plural name ("the new record by The Kestrels"): a band or a team, and
    // "The" is part of it (not after another capitalized word: that is a title cut short, "Meet The Kestrels")
    const theName = prev && prev.text === 'The' && /\p{Ll}s$/u.test(surface) && !(toks[from - 2]?.cap && joins(text, toks[from - 2]!, prev));
    if (prev && prev.cap && NAME_PARTICLES.has(prev.fold) && joins(text, prev, toks[from]!)) continue;
    // ... or, for one word, the capitalized word right before it inside a sentence ("Globe" of "Golden Globe"), unless that
    // word is a title, a known place or body, or an acronym ("MP Ana Soto", "Peruvian Ana Soto")
    if (
      to - from === 1 &&
      prev &&
      prev.cap &&
      !theName &&
      /\p{Ll}/u.test(prev.text) &&
      joins(text, prev, toks[from]!) &&
      !TITLE_WORDS.has(prev.fold) &&
      !HONORIFICS.has(prev.fold) &&
      !gazAt[from - 1] &&
      !sentences.some((s) => s.char_start === prev.start) &&
      !/[.!?:"“‘(]\s*$/.test(text.slice(Math.max(0, prev.start - 3), prev.start))
    )
      continue;
    // a name before a place or facility noun is a place ("the Tamboril mine", "the Ancash region"), unless it opens
    // with a body the gazetteer knows and goes on: that body's branch for the place ("the Acme Front Sahel province")
    const branch = g !== undefined && g.p.kind === 'entry' && g.hit.from === from && g.hit.to < to;
    if (!branch && next && !next.cap && PLACE_HEADS.has(next.fold) && joins(text, toks[to - 1]!, next)) continue;
    // a dateline ("LIMA, March 3 (Agency) -"): the place and the date, not a name
    if (line && c.start === line.start && DATELINE.test(text.slice(c.start, c.start + 60))) continue;
    // a title-case headline: only words the article also capitalizes mid-sentence are names
    if (line?.titleCase && toks.slice(from, to).some((t) => !lines.capitalizedElsewhere.has(t.fold))) continue;
    if (
      prev &&
      theName &&
      joins(text, prev, toks[from]!) &&
      !sentences.some((s) => s.char_start === prev.start) &&
      !/[.!?:;"“‘(\n]\s*$/.test(text.slice(Math.max(0, prev.start - 3), prev.start)) &&
      !line?.titleCase
    ) {
      // nobody is named "The X": a band, a club, a title (the checks after arbitration drop the titles)
      const f = { ...c.f, name: text.slice(prev.start, end).replace(/\s+/g, ' '), type: 'organization' as const };
      out.push({ ...c, start: prev.start, end, rule: 'tagger-organization', f });
      continue;
    }
    out.push(end === c.end ? c : { ...c, end, f: { ...c.f, name: surface.replace(/\s+/g, ' ') } });
  }
  return out;
}

/** Words after a number that make it an amount or a score, not part of a name before it. */
const AMOUNT_AFTER: ReadonlySet<string> = new Set([
  'million',
  'billion',
  'bn',
  'm',
  'per',
  'percent',
  '%',
  'points',
  'goals',
  'years',
  'months',
  'weeks',
  'days',
  'times',
  'of',
]);

/** Words a proper name may hold in lowercase ("Front for the Liberation of"); any other lowercase word makes a description. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'of',
  'for',
  'the',
  'and',
  'in',
  'on',
  'at',
  'to',
  'de',
  'du',
  'des',
  'la',
  'le',
  'el',
  'al',
  'van',
  'von',
  'der',
  'y',
  'e',
  'et',
  '&',
]);

/** Prepositions that make the country after them a place: where something happens, not who acts. */
const COUNTRY_AS_PLACE = /(?:^|[^\p{L}])(?:in|at|across|throughout|inside|within|into|around|near|outside)\s+(?:the\s+)?$/iu;

/** Capitalized articles and particles that open a name ("La Paz", "El Nino", "Los Angeles", "Al Ahly"). */
const NAME_PARTICLES: ReadonlySet<string> = new Set(['el', 'la', 'le', 'les', 'los', 'las', 'al', 'de', 'del', 'du', 'da', 'di', 'van', 'von', 'der', 'den']);
/** Nouns after a name that make it a place or a facility, not an actor. */
const PLACE_HEADS: ReadonlySet<string> = new Set([
  'mine',
  'mines',
  'field',
  'oilfield',
  'plant',
  'refinery',
  'dam',
  'port',
  'airport',
  'province',
  'region',
  'district',
  'county',
  'valley',
  'river',
  'lake',
  'mountains',
  'desert',
  'camp',
  'prison',
  'stadium',
  'hospital',
  'border',
  'crossing',
  'highway',
  'corridor',
]);

/** Month and weekday names and their abbreviations: dates, never names ("on Feb 26"). */
const CALENDAR =
  /^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Mon(?:day)?|Tue(?:s|sday)?|Wed(?:nesday)?|Thu(?:rs|rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)\.?$/;

const DATELINE = /^[\p{Lu}][\p{Lu}\s.'’-]*(?:,\s*[\p{L} ]+?)?,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\p{L}*\.?\s+\d/u;

/**
 * Per sentence: a photo or image credit line ("Photo: X/Agency", "© Agency"),
 * a title-case headline (first paragraph, most words capitalized); and the words
 * the article capitalizes inside ordinary sentences.
 */
function sentenceLines(text: string, toks: readonly Token[], sentences: Document['sentences']) {
  const lines = sentences.map((s) => {
    const ws = toks.slice(tokenIndexAt(toks, s.char_start), tokenIndexAt(toks, s.char_end));
    const long = ws.filter((t) => t.text.length > 3 && /\p{L}/u.test(t.text));
    const body = text.slice(s.char_start, s.char_end);
    return {
      start: s.char_start,
      end: s.char_end,
      ws,
      credit: /©|^(?:photo|image|picture|video)s?(?:\s+\p{L}+)?\s*:/iu.test(body),
      // only the headline: results lines and line-ups are capitalized names too
      titleCase: s.paragraph_index === 0 && long.length >= 2 && long.filter((t) => t.cap).length * 5 >= long.length * 4,
    };
  });
  const capitalizedElsewhere = new Set<string>();
  for (const l of lines)
    if (!l.titleCase && !l.credit)
      for (let q = 1; q < l.ws.length; q++) {
        const t = l.ws[q]!;
        if (t.cap && /\p{Ll}/u.test(t.text) && !/[.!?:"“]\s*$/.test(text.slice(l.ws[q - 1]!.end, t.start))) capitalizedElsewhere.add(t.fold);
      }
  const lowercase = new Set<string>();
  for (const t of toks) if (!t.cap && /^\p{Ll}/u.test(t.text)) lowercase.add(t.fold);
  return Object.assign(lines, { capitalizedElsewhere, lowercase });
}

/**
 * The article's dominant country: the one its country names, demonyms,
 * capitals and territories point to at least twice and at least twice as
 * often as any other; else null.
 */
function dominantCountry(hits: readonly Gaz[]): string | null {
  const c = new Map<string, number>();
  for (const g of hits) if (g.p.kind !== 'entry' && g.p.iso3) c.set(g.p.iso3, (c.get(g.p.iso3) ?? 0) + 1);
  const ranked = [...c].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const [top, second] = ranked;
  if (!top || top[1] < 2 || (second && top[1] < 2 * second[1])) return null;
  return top[0];
}

/** Roles of people who govern a town or a region. */
const LOCAL_ROLE = /\b(?:governor|mayor|regional|provincial|prefect|deputy governor)\b/i;

/**
 * The country of most of the places the article names, when one leads: towns GeoNames places without doubt
 * (100,000+ people, no namesake a tenth the size) and countries named as places ("in Peru", "Peru's northern
 * coast"); a country or capital that acts ("Lima said") is not counted.
 */
function placeCountry(text: string, toks: readonly Token[], gazAt: readonly (Gaz | undefined)[]): string | null {
  const counts = new Map<string, number>();
  const add = (iso: string) => counts.set(iso, (counts.get(iso) ?? 0) + 1);
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!,
      g = gazAt[k];
    if (g) {
      if (
        g.hit.from === k &&
        g.p.kind === 'country' &&
        g.p.iso3 &&
        (COUNTRY_AS_PLACE.test(text.slice(Math.max(0, t.start - 30), t.start)) || possessiveAt(text, toks[g.hit.to - 1]!.end) > 0)
      )
        add(g.p.iso3);
      continue;
    }
    if (!t.cap || !/\p{Ll}/u.test(t.text) || t.text.length < 4) continue;
    const [first, second] = placesNamed(t.text);
    if (!first?.iso3 || first.population < 100_000 || (second && second.population * 10 > first.population)) continue;
    add(first.iso3);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return ranked[0] && (!ranked[1] || ranked[0][1] > ranked[1][1]) ? ranked[0][0] : null;
}

/** Names of international bodies: an organization so named, or a person affiliated to one, takes no country from the article. */
const INTERNATIONAL =
  /\b(?:International|World|Global|United Nations|UN|U\.N\.|European|African Union|Asian|Arab League|Commonwealth|Red Cross|Red Crescent|Amnesty|Human Rights Watch|Doctors Without Borders|Interpol|NATO|Nato)\b/;

/** A state or political body by its name: a state head noun ("Party", "Commission", "Police"), or "National/State/Federal ..." first. */
const stateBody = (name: string): boolean =>
  /^(?:National|State|Federal|Central|Supreme|Constitutional|Electoral)\b/.test(name) || tokenize(name).some((t) => STATE_HEADS.has(t.fold));

/** Roles of people who act for their state (a person with such a role and no country takes the article's country). */
const STATE_ROLE =
  /\b(?:president|prime minister|premier|minister|secretary|governor|mayor|senator|mp|lawmaker|legislator|deputy|speaker|chancellor|king|queen|prince|emir|sultan|general|gen|colonel|col|captain|capt|commander|police|official|spokes(?:man|woman|person)|ambassador|envoy|opposition|party|judge|prosecutor|attorney|commissioner|junta|army|military|resident|villager|farmer|protester|leader)\b/i;

/** Head word of a named force that a generic phrase of that kind refers back to. */
const FORCE_HEAD: Readonly<Record<string, RegExp>> = { police: /\bPolice\b/, military: /\b(?:Army|Armed Forces|Military|Defence Forces|Defense Forces)\b/ };

/** Gazetteer organizations without a country (international bodies, by name): their members take no country from the article. */
const INTERNATIONAL_NAMES: ReadonlySet<string> = new Set(ENTRIES.filter((e) => e.type !== 'person' && !e.country).map((e) => e.name));

/** Person candidate before within-article canonicalization. */
interface PersonCand {
  start: number;
  end: number;
  tokens: Token[];
  role: string | null;
  country: string | null;
  affiliation: string | null;
  full: boolean;
}

/** "its politburo": the nearest organization before `at`, in the same sentence. */
function itsOrg(text: string, cands: readonly Cand[], at: number): { country: string | null; affiliation: string | null } {
  let best: Cand | undefined;
  for (const c of cands) if (c.end <= at && c.f.type === 'organization' && (!best || c.end > best.end)) best = c;
  if (!best || /[.!?]\s/.test(text.slice(best.end, at))) return { country: null, affiliation: null };
  return { country: best.f.country, affiliation: best.f.name };
}

/** Categories of organization whose members take its country ("Hamas official", "PA Prime Minister"). */
const GOVERNING = new Set(['government', 'political_party', 'political_organization', 'armed_group', 'military', 'intelligence', 'legislature']);

function affiliationIn(
  span: readonly (Gaz | undefined)[],
  orgAt: readonly (OrgRef | undefined)[],
  from: number,
  to: number,
): { country: string | null; affiliation: string | null } {
  for (let k = from; k < to; k++) {
    const o = orgAt[k];
    if (o) return { country: o.country, affiliation: o.name };
    const g = span[k];
    if (!g) continue;
    if (g.p.kind === 'entry' && g.p.entry.type !== 'person')
      return { country: GOVERNING.has(g.p.entry.category) ? g.p.entry.country : null, affiliation: g.p.entry.name };
    if (g.p.kind === 'demonym' || g.p.kind === 'country') return { country: g.p.iso3, affiliation: null };
  }
  return { country: null, affiliation: null };
}

const tokenIndexAt = (toks: readonly Token[], offset: number): number => {
  let lo = 0,
    hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** A modifier joins the next word: a space or hyphen, or a possessive ("Kenya's President"). */
const joinsMod = (text: string, a: Token, b: Token): boolean => joins(text, a, b) || /^['’]s? $/.test(text.slice(a.end, b.start));
/** A title joins the name after it: a space, or ". " after an abbreviation ("Capt. Ibrahim Traore"). */
const joinsTitle = (text: string, a: Token, b: Token): boolean =>
  joins(text, a, b) || (ABBREVIATED_TITLES.has(a.fold) && /^\.\s?$/.test(text.slice(a.end, b.start)) && b.cap);

/** Length in tokens of a party label at token k ("Tory", "Lib Dem", "Liberal Democrat"), else 0. */
function partyAt(text: string, toks: readonly Token[], k: number): number {
  const a = toks[k];
  if (!a || !a.cap) return 0;
  const b = toks[k + 1];
  if (b && b.cap && joins(text, a, b) && PARTY_WORDS.has(`${a.fold} ${b.fold}`)) return 2;
  return PARTY_WORDS.has(a.fold) ? 1 : 0;
}

function findPeople(
  text: string,
  toks: readonly Token[],
  gazAt: readonly (Gaz | undefined)[],
  cands: readonly Cand[],
  orgAt: readonly (OrgRef | undefined)[],
): Cand[] {
  const n = toks.length;
  const folds = toks.map((t) => t.fold);
  const found: PersonCand[] = [];
  let pendingTitle: { role: string; end: number; country: string | null; affiliation: string | null } | null = null;
  const gazPersonAt = (k: number) => {
    const g = gazAt[k];
    return g && g.p.kind === 'entry' && g.p.entry.type === 'person';
  };
  const blocked = (k: number) => {
    if (orgAt[k]) return true;
    const g = gazAt[k];
    return !!g && !(g.p.kind === 'entry' && g.p.entry.type === 'person') && !(g.p.kind === 'country' && AMBIGUOUS_COUNTRY_FORMS.has(toks[k]!.text));
  };

  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    if (!t.cap) continue;
    // a run: a title phrase and/or a name, joined tokens on one line
    let k = i;
    let role: string | null = null;
    let country: string | null = null;
    let affiliation: string | null = null;
    let label = false;
    // modifiers: "Russian", "PA", "Hamas", "Kenya's", "Tory", "National Police Service" before a title
    let m = k;
    let party: string | null = null;
    for (;;) {
      if (m >= n || (m > k && !joinsMod(text, toks[m - 1]!, toks[m]!))) break;
      if (gazAt[m] && !gazPersonAt(m)) {
        m = gazAt[m]!.hit.to;
        continue;
      }
      if (orgAt[m]) {
        m = orgAt[m]!.to;
        continue;
      }
      const pl = partyAt(text, toks, m);
      if (pl) {
        party =
          PARTY_WORDS.get(
            toks
              .slice(m, m + pl)
              .map((x) => x.fold)
              .join(' '),
          ) ?? null;
        m += pl;
        continue;
      }
      break;
    }
    if (m > k && m < n && joinsMod(text, toks[m - 1]!, toks[m]!) && (titleAt(folds, m) || (party && toks[m]!.cap))) {
      const a = affiliationIn(gazAt, orgAt, k, m);
      country = a.country;
      affiliation = a.affiliation ?? (party !== 'independent' ? party : null);
      label = !titleAt(folds, m);
      k = m;
    }
    if (k < n && folds[k] === 'the' && k + 1 < n && titleAt(folds, k + 1)) k++;
    const tl = titleAt(folds, k);
    if (tl) {
      const titleFrom = k;
      k += tl;
      // "President of the Palestinian National Authority (PNA), NAME"
      if (k < n && /^(of|for|to)$/.test(folds[k]!) && joins(text, toks[k - 1]!, toks[k]!)) {
        role = text.slice(toks[titleFrom]!.start, toks[k - 1]!.end);
        let e = k + 1;
        while (e < n && joins(text, toks[e - 1]!, toks[e]!) && e - k < 10) e++;
        const a = affiliationIn(gazAt, orgAt, k, e);
        const close = /^(?:\s*\([^)]{1,12}\))?\s*,\s/.exec(text.slice(toks[e - 1]!.end, toks[e - 1]!.end + 20));
        if (close && (a.country || a.affiliation))
          pendingTitle = { role, end: toks[e - 1]!.end + close[0].length, country: a.country ?? country, affiliation: a.affiliation ?? affiliation };
        i = e - 1;
        continue;
      }
      // "Maj. Gen. X": further titles after an abbreviation
      while (k < n && joinsTitle(text, toks[k - 1]!, toks[k]!) && titleAt(folds, k) && (toks[k]!.cap || ABBREVIATED_TITLES.has(folds[k - 1]!)))
        k += titleAt(folds, k);
      role = text.slice(toks[titleFrom]!.start, toks[k - 1]!.end + (text[toks[k - 1]!.end] === '.' && ABBREVIATED_TITLES.has(folds[k - 1]!) ? 1 : 0));
      if (k >= n || !joinsTitle(text, toks[k - 1]!, toks[k]!)) {
        i = k - 1;
        continue;
      }
    } else if (k !== i && !label) {
      continue;
    }
    // name tokens (a capitalized title phrase inside the run is the role: "Labor Minister Carolina Soto")
    const runStart = k;
    while (k < n && k - runStart < 8) {
      const tk = toks[k]!;
      if (k > runStart && !joins(text, toks[k - 1]!, tk)) break;
      if (blocked(k)) break;
      if (isNameToken(tk) || (k > runStart && k + 1 < n && TITLE_SPLIT.has(tk.fold) && tk.cap)) {
        k++;
        continue;
      }
      if (PARTICLES.has(tk.fold) && k + 1 < n && joins(text, tk, toks[k + 1]!) && isNameToken(toks[k + 1]!) && k > runStart) {
        k++;
        continue;
      }
      break;
    }
    let nameStart = runStart;
    for (let q = k - 2; q >= runStart; q--)
      if (TITLE_SPLIT.has(folds[q]!) && toks[q]!.cap) {
        role = text.slice(toks[role ? i : runStart]!.start, toks[q]!.end).replace(/\s+/g, ' ');
        nameStart = q + 1;
        break;
      }
    while (k > nameStart && !isNameToken(toks[k - 1]!)) k--;
    if (k <= nameStart) {
      i = Math.max(i, k - 1);
      continue;
    }
    if (toks.slice(nameStart, k).every((x) => TITLE_WORDS.has(x.fold) || TITLE_SPLIT.has(x.fold))) {
      i = k - 1;
      continue;
    }
    let nameToks = toks.slice(nameStart, k);
    const start = nameToks[0]!.start,
      end = nameToks[nameToks.length - 1]!.end;
    const ctxStart = role || label ? toks[i]!.start : start;
    const before = text.slice(Math.max(0, ctxStart - 80), ctxStart);
    const after = text.slice(end + possessiveAt(text, end), end + 140);
    let cue = false;
    if (role) cue = true;
    if (label && nameToks.length >= 2) cue = true;
    if (!role && pendingTitle && start === pendingTitle.end) {
      role = pendingTitle.role;
      country = pendingTitle.country;
      affiliation = pendingTitle.affiliation;
      cue = true;
    }
    const prevWord = toks[nameStart - 1];
    if (!role && !label && prevWord && HEAD_WORDS.has(prevWord.fold)) {
      const tb = TITLE_BEFORE.exec(before);
      if (tb) {
        role = tb[1]!.trim();
        cue = true;
        const ti = tokenIndexAt(toks, start - (before.length - tb.index) + (tb[0].length - tb[0].trimStart().length));
        // modifiers right before the title: "Hamas official", "Russia's deputy foreign minister"
        const a =
          toks[ti - 1]?.fold === 'its' ? itsOrg(text, cands, ti > 0 ? toks[ti - 1]!.start : start) : affiliationIn(gazAt, orgAt, Math.max(0, ti - 2), ti);
        country = a.country;
        affiliation = a.affiliation;
      }
    }
    const ap = APPOSITION.exec(after);
    // ", Lib Dem chairman Matthew Taylor": the title belongs to the name after it, not to this word
    // ", a spokesman said": the title is the subject of a new clause, not an apposition
    if (ap && !/^\s+(?:\p{Lu}|(?:said|says|told|added|insisted|warned|confirmed|denied)(?!\p{L}))/u.test(ap[2] ?? '')) {
      cue = true;
      const phrase = ap[1]!.replace(/^(?:a|an|the|its|his|her|their)\s+/i, '');
      role ??= phrase;
      const from = tokenIndexAt(toks, end + possessiveAt(text, end));
      const to = tokenIndexAt(toks, end + possessiveAt(text, end) + ap[0].length);
      const a = affiliationIn(gazAt, orgAt, from, to);
      if (!country && !affiliation && /\bits\s/i.test(ap[0])) ({ country, affiliation } = itsOrg(text, cands, start));
      country ??= a.country;
      affiliation ??= a.affiliation;
    }
    const multi = nameToks.length >= 2;
    if (!cue && multi) {
      const near = before.slice(-24);
      // ("said X was ...": X opens the clause said, it is not the speaker; a firm as often as a person)
      const complement = /^\s+(?:was|is|were|are|had|has|have|would|will|could|should|may|might|must)(?![\p{L}])/u.test(after);
      if ((VERB_BEFORE.test(near) && !complement) || VERB_AFTER.test(after) || KIN_BEFORE.test(near)) cue = true;
    }
    if (nameToks.every((_, q) => gazPersonAt(nameStart + q))) cue = false; // already a known leader
    if (cue) {
      if (nameToks.length > 1 && isAllCaps(nameToks[nameToks.length - 1]!)) nameToks = nameToks.slice(0, -1);
      found.push({ start, end: nameToks[nameToks.length - 1]!.end, tokens: nameToks, role, country, affiliation, full: nameToks.length >= 2 });
    }
    pendingTitle = null;
    i = k - 1;
  }
  return canonicalPeople(text, found, (surname) => fullNameFor(text, toks, surname, blocked));
}

/**
 * The first "Given Surname" in the article for a surname seen alone with a
 * cue ("Mr Fallon" after "Conservative Michael Fallon", "Mr Tsuda" after
 * "succeed Shiro Tsuda"): one or two name words right before the surname.
 */
function fullNameFor(text: string, toks: readonly Token[], surname: string, blocked: (k: number) => boolean): Token[] | null {
  for (let q = 1; q < toks.length; q++) {
    if (toks[q]!.fold !== surname) continue;
    const p = toks[q - 1]!;
    if (
      !joins(text, p, toks[q]!) ||
      !isNameToken(p) ||
      TITLE_WORDS.has(p.fold) ||
      TITLE_SPLIT.has(p.fold) ||
      PARTY_WORDS.has(p.fold) ||
      blocked(q - 1) ||
      blocked(q)
    )
      continue;
    const pp = toks[q - 2];
    if (
      pp &&
      joins(text, pp, p) &&
      isNameToken(pp) &&
      !TITLE_WORDS.has(pp.fold) &&
      !TITLE_SPLIT.has(pp.fold) &&
      !PARTY_WORDS.has(pp.fold) &&
      !blocked(q - 2) &&
      /^\p{Lu}\p{Ll}/u.test(pp.text) &&
      !/[.!?]\s*$/.test(text.slice(Math.max(0, pp.start - 3), pp.start))
    )
      return [pp, p, toks[q]!];
    return [p, toks[q]!];
  }
  return null;
}

/** Merge person candidates of one article: same person when the surname matches and first names agree or are missing. */
function canonicalPeople(text: string, found0: readonly PersonCand[], fullFor: (surname: string) => Token[] | null): Cand[] {
  const fulls: { name: string; first: string; last: string; toks: Token[]; country: string | null; affiliation: string | null }[] = [];
  const out: Cand[] = [];
  const surnameOf = (ts: readonly Token[]) => ts[ts.length - 1]!.fold;
  // a surname seen only alone ("Mr Fallon") takes the full name written elsewhere without a cue ("Conservative Michael Fallon")
  const found = [...found0];
  const tails = new Map<PersonCand, (typeof fulls)[number]>();
  const fullSurnames = new Set(found0.filter((p) => p.full).map((p) => surnameOf(p.tokens)));
  for (const p of found0) {
    if (p.full || HONORIFICS.has(fold(p.role ?? '').replace(/\.$/, ''))) continue;
    const last = surnameOf(p.tokens);
    if (fullSurnames.has(last)) continue;
    const ts = fullFor(last);
    if (!ts) continue;
    fullSurnames.add(last);
    found.push({ start: ts[0]!.start, end: ts[ts.length - 1]!.end, tokens: ts, role: null, country: null, affiliation: null, full: true });
  }
  found.sort((a, b) => a.start - b.start);
  const foldsOf = (ts: readonly Token[]) => ts.map((t) => t.fold).join(' ');
  for (const p of [...found].filter((x) => x.full).sort((a, b) => b.tokens.length - a.tokens.length || a.start - b.start)) {
    const last = surnameOf(p.tokens),
      first = nameKey(p.tokens[0]!.text);
    // "Lopes Fortes" after "Eduardo Lopes Fortes": the last words of a longer name are that person
    const tail = fulls.find((f) => f.toks.length > p.tokens.length && foldsOf(f.toks).endsWith(` ${foldsOf(p.tokens)}`));
    if (tail) {
      tail.country ??= p.country;
      tail.affiliation ??= p.affiliation;
      tails.set(p, tail);
      continue;
    }
    const same = fulls.find(
      (f) =>
        (f.last === last || (f.last[0] === last[0] && editDistance(f.last, last, 2) <= surnameTolerance(Math.min(f.last.length, last.length)))) &&
        f.first === first,
    );
    if (!same)
      fulls.push({
        name: p.tokens.map((t, q) => (q ? text.slice(p.tokens[q - 1]!.end, t.start) : '') + t.text).join(''),
        first,
        last,
        toks: p.tokens,
        country: p.country,
        affiliation: p.affiliation,
      });
    else {
      same.country ??= p.country;
      same.affiliation ??= p.affiliation;
    }
  }
  for (const p of found) {
    const last = surnameOf(p.tokens);
    // "Sir Digby" is Sir Digby Jones: after an honorific a one-word name is a given name
    const honorific = !p.full && HONORIFICS.has(fold(p.role ?? '').replace(/\.$/, ''));
    let f =
      tails.get(p) ??
      (honorific
        ? fulls.find((x) => x.first === nameKey(p.tokens[0]!.text))
        : fulls.find((x) => x.last === last && (!p.full || x.first === nameKey(p.tokens[0]!.text))));
    let method: Fields['method'] = p.full && !tails.has(p) ? 'exact' : 'alias';
    if (!f && p.full)
      f = fulls.find(
        (x) =>
          x.first === nameKey(p.tokens[0]!.text) &&
          x.last[0] === last[0] &&
          editDistance(x.last, last, 2) <= surnameTolerance(Math.min(x.last.length, last.length)),
      );
    if (f && p.full && f.last !== last) method = 'fuzzy';
    const name = f ? f.name : p.tokens.map((t) => t.text).join(' ');
    out.push({
      start: p.start,
      end: p.end,
      rule: 'person-cue',
      f: {
        name,
        type: 'person',
        country: p.country ?? f?.country ?? null,
        role: p.role,
        method,
        key: null,
        affiliation: p.affiliation ?? f?.affiliation ?? null,
      },
    });
  }
  // every mention of one person carries the person's country and affiliation
  for (const c of out) {
    const f = fulls.find((x) => x.name === c.f.name);
    if (f) (c as { f: Fields }).f = { ...c.f, country: c.f.country ?? f.country, affiliation: c.f.affiliation ?? f.affiliation };
  }
  return out;
}

/**
 * A one-word person named after a full name of the article whose given name it is ("Ana Ruiz ... Ana said") is that
 * person, when no other full name of the article has that given name or that surname (two Anas, or an Ana and a
 * Mr Ana, leave it alone). A report may call someone by the given name (a child, an athlete, a performer); read
 * alone it was a second person.
 */
function givenNamesJoined(all: readonly Cand[]): Cand[] {
  const fulls = new Map<string, Fields[]>(); // given name (folded) -> full-name people
  const surnames = new Set<string>();
  for (const c of all) {
    if (c.f.type !== 'person') continue;
    const ts = tokenize(c.f.name);
    if (ts.length < 2) continue;
    surnames.add(ts[ts.length - 1]!.fold);
    const list = fulls.get(ts[0]!.fold) ?? [];
    if (!list.some((f) => f.name === c.f.name)) list.push(c.f);
    fulls.set(ts[0]!.fold, list);
  }
  if (!fulls.size) return [...all];
  const firstAt = new Map<string, number>();
  for (const c of all) if (c.f.type === 'person' && !firstAt.has(c.f.name)) firstAt.set(c.f.name, c.start);
  return all.map((c) => {
    if (c.f.type !== 'person') return c;
    const ts = tokenize(c.f.name);
    if (ts.length !== 1) return c;
    const people = fulls.get(ts[0]!.fold);
    if (!people || people.length !== 1 || surnames.has(ts[0]!.fold)) return c;
    const p = people[0]!;
    if ((firstAt.get(p.name) ?? Infinity) > c.start) return c;
    return { ...c, f: { ...c.f, name: p.name, country: c.f.country ?? p.country, affiliation: c.f.affiliation ?? p.affiliation, method: 'alias' } };
  });
}

/** Surname and short-form back-references, and misspelt surnames, to people already recognized. */
function backReferences(text: string, toks: readonly Token[], chosen: readonly Cand[], gazAt: readonly (Gaz | undefined)[]): Cand[] {
  const persons = chosen.filter((c) => c.f.type === 'person');
  if (!persons.length) return [];
  // surname forms → person fields (full names only; the nearest earlier person wins on a clash). Indexed by
  // their first word, each form's mentions in text order, so a long article with thousands of person mentions
  // is read in one pass (a scan of every form at every token was quadratic)
  interface Form {
    readonly seq: readonly string[];
    /** The first mention giving this form. */
    readonly first: Fields;
    /** Mentions giving this form: fields and start offset, in text order. */
    readonly uses: { readonly f: Fields; readonly at: number }[];
  }
  const forms = new Map<string, Form>();
  // the first one-word form given by each person name (the fields a misspelling takes)
  const firstSingle = new Map<string, Fields>();
  const add = (seq: string[], f: Fields, at: number) => {
    const key = seq.join(' ');
    (forms.get(key) ?? forms.set(key, { seq, first: f, uses: [] }).get(key)!).uses.push({ f, at });
    if (seq.length === 1 && !firstSingle.has(f.name)) firstSingle.set(f.name, f);
  };
  for (const c of persons) {
    const ts = tokenize(c.f.name);
    if (ts.length < 2) continue;
    const f: Fields = { ...c.f, role: null, method: 'alias' };
    add([ts[ts.length - 1]!.fold], f, c.start);
    for (let q = ts.length - 2; q >= 1; q--) {
      if (!SURNAME_PARTICLES.has(ts[q]!.fold)) break;
      add(
        ts.slice(q).map((t) => t.fold),
        f,
        c.start,
      );
    }
  }
  // longest forms first (then first given), per first word
  const byFirst = new Map<string, Form[]>();
  for (const form of [...forms.values()].sort((a, b) => b.seq.length - a.seq.length)) pushTo(byFirst, form.seq[0]!, form);
  for (const form of forms.values()) form.uses.sort((a, b) => a.at - b.at);
  // the person a form names at an offset: the nearest earlier mention giving it (the first given of two at
  // one offset), else the first one given
  const personAt = (form: Form, at: number): Fields => {
    let lo = 0,
      hi = form.uses.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (form.uses[mid]!.at <= at) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return form.first;
    while (lo > 1 && form.uses[lo - 2]!.at === form.uses[lo - 1]!.at) lo--;
    return form.uses[lo - 1]!.f;
  };
  // one-word surnames by first letter, for misspellings (each with the persons giving it, first given first)
  const singlesByLetter = new Map<string, Form[]>();
  for (const form of forms.values()) if (form.seq.length === 1) pushTo(singlesByLetter, form.seq[0]![0]!, form);
  const taken = new Uint8Array(toks.length);
  for (const c of chosen) for (let k = tokenIndexAt(toks, c.start); k < toks.length && toks[k]!.start < c.end; k++) taken[k] = 1;
  const covered = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (taken[k]) return true;
    return false;
  };
  const out: Cand[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!t.cap || taken[i]) continue;
    let done = false;
    for (const form of byFirst.get(t.fold) ?? []) {
      const L = form.seq.length;
      if (i + L > toks.length) continue;
      let ok = true;
      for (let q = 0; q < L; q++)
        if (toks[i + q]!.fold !== form.seq[q] || (q > 0 && !joins(text, toks[i + q - 1]!, toks[i + q]!))) {
          ok = false;
          break;
        }
      if (!ok) continue;
      const e = toks[i + L - 1]!.end;
      if (covered(i, i + L)) continue;
      out.push({ start: t.start, end: e, rule: 'person-back-reference', f: personAt(form, t.start) });
      i += L - 1;
      done = true;
      break;
    }
    if (done || gazAt[i] || !isNameToken(t) || t.text.length < 5) continue;
    // a misspelt surname: same first letter, within the edit tolerance of one known surname
    const near = (singlesByLetter.get(t.fold[0]!) ?? []).filter(
      (x) => x.seq[0] !== t.fold && editDistance(x.seq[0]!, t.fold, 2) <= surnameTolerance(Math.min(x.seq[0]!.length, t.fold.length)),
    );
    const matches = new Set(near.flatMap((x) => x.uses.map((u) => u.f.name)));
    if (matches.size === 1) {
      const f = firstSingle.get([...matches][0]!)!;
      out.push({ start: t.start, end: t.end, rule: 'person-fuzzy', f: { ...f, method: 'fuzzy' } });
    }
  }
  return out;
}
