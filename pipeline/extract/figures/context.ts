/**
 * What surrounds a number: the unit it counts, the words that govern its
 * category, the place of the people counted, who is cited for it, the date it
 * refers to and the event it quantifies. Pure functions over one sentence's
 * tokens.
 */
import type { ActorMentionX, EventMentionX } from '../../../schemas/pipeline.ts';
import type { DateHit } from '../../lib/temporal.ts';
import {
  BOUNDARY_COST,
  CURRENCY_SYMBOLS,
  DEMONYM_COUNTRY,
  GOVERNING,
  GOVERNING_MAX_WORDS,
  COPULAS,
  LINKING_VERBS,
  OBTAIN_VERBS,
  PEOPLE_NOUNS,
  PERSON_ADJECTIVES,
  PLACE_COUNTRY,
  THING_NOUNS,
  UNIT_CATEGORY,
  UNIT_STOP,
} from './lexicon.ts';
import type { Token } from './tokens.ts';
import type { FigureCategory } from './types.ts';

/** Singular of an English noun (enough for head nouns of units). */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (w === 'people' || w === 'police' || w === 'staff' || w === 'personnel' || w.endsWith('ss') || w.length < 4) return w;
  if (w === 'children') return 'child';
  if (w === 'men') return 'man';
  if (w === 'women') return 'woman';
  if (w.endsWith('men')) return `${w.slice(0, -3)}man`;
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (/(?:ch|sh|x|ss)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

const WORD = /^\p{L}[\p{L}'’\-]*$/u;

/** A unit phrase: token range and its head (last) word. */
export interface UnitPhrase {
  readonly from: number;
  readonly to: number;
  readonly text: string;
  readonly head: string;
}

/**
 * The noun phrase counted, starting at token i: up to three words, stopping
 * at function words, verbs that govern a category ("were", "killed"),
 * participles followed by a stop ("abducted.") and punctuation.
 */
/** Verbs that end a counted noun phrase, by token start (see finiteVerbs in figures.ts). */
export interface UnitVerbs {
  readonly past: ReadonlySet<number>;
  readonly base: ReadonlySet<number>;
}

export function unitAfter(toks: readonly Token[], i: number, sentence: string, verbs?: UnitVerbs): UnitPhrase | null {
  let j = i;
  const take: Token[] = [];
  while (j < toks.length && take.length < 3) {
    const t = toks[j]!;
    if (!WORD.test(t.text) || UNIT_STOP.has(t.lower)) break;
    const gov = GOVERNING.get(t.lower);
    if (gov && !UNIT_CATEGORY.has(singular(t.lower))) break;
    // a finite verb the tagger sees ("ten unions met", "40 families fled") ends the noun phrase
    if (take.length && verbs && (verbs.past.has(t.start) || (verbs.base.has(t.start) && /s$/.test(take[take.length - 1]!.lower)))) break;
    // a governing phrase of several words ends the unit ("133 people lost their lives": the unit is people)
    if (take.length && governingPhraseAt(toks, j)) break;
    // "taken 17 soldiers prisoner": a singular governing noun after a plural one is a complement
    if (gov && take.length && singular(t.lower) === t.lower && /s$/.test(take[take.length - 1]!.lower)) break;
    const nxt = toks[j + 1];
    const endsClause = !nxt || !WORD.test(nxt.text) || UNIT_STOP.has(nxt.lower);
    const lowercase = t.text[0] === t.lower[0];
    // participles: "250 were abducted", "5 armed men" (kept), "20 trucks carrying aid"
    if (lowercase && (/ing$/.test(t.lower) || (/ed$/.test(t.lower) && endsClause))) break;
    take.push(t);
    j++;
  }
  if (!take.length) return null;
  // a trailing adjective-like demonym alone is fine ("36 Palestinian"), a trailing "-ly" word is not
  while (take.length > 1 && /ly$/.test(take[take.length - 1]!.lower)) take.pop();
  const first = take[0]!;
  const last = take[take.length - 1]!;
  return { from: i, to: i + take.length, text: sentence.slice(first.start, last.end), head: last.lower };
}

/** True when a governing phrase of two or more words starts at token j ("lost their lives", "death toll"). */
function governingPhraseAt(toks: readonly Token[], j: number): boolean {
  let key = toks[j]!.lower;
  for (let n = 2; n <= GOVERNING_MAX_WORDS && j + n - 1 < toks.length; n++) {
    key += ` ${toks[j + n - 1]!.lower}`;
    if (GOVERNING.has(key)) return true;
  }
  return false;
}

/** The unit written before the number: "the death toll in the province ... reached 1,240". */
export function unitBefore(toks: readonly Token[], numberAt: number, sentence: string): UnitPhrase | null {
  for (let k = numberAt - 2; k >= 1 && k >= numberAt - 14; k--) {
    if (toks[k]!.lower !== 'of') continue;
    const noun = toks[k - 1]!.lower;
    if (!/^(?:toll|tolls|number|numbers|total|tally|count|figure|figures)$/.test(noun)) continue;
    const at = toks[k + 1]?.lower === 'the' ? k + 2 : k + 1;
    return unitAfter(toks, at, sentence);
  }
  return null;
}

/** Prepositions inside a subject noun phrase ("arrivals at the camp", "support for the plan"). */
const SUBJECT_PREPOSITIONS = new Set(['of', 'in', 'at', 'on', 'for', 'from', 'across', 'among', 'to']);

/**
 * The head noun of the subject a count is predicated of, when a linking verb
 * ends just before the number at `from`: "refugees in the camps reached
 * 12,500" gives "refugees", "turnout was 61%" gives "turnout". The head is the
 * word before the first preposition of the subject (at most six words back),
 * or the word before the verb; `accept` decides whether it counts. For a
 * share (`share`) a form of be links too ("turnout was 61%"), and the phrase
 * runs from the head to the verb ("support for the plan"); "a turnout of 61%"
 * names it just before. Null otherwise.
 */
export function subjectBefore(toks: readonly Token[], from: number, sentence: string, accept: (head: string) => boolean, share = false): UnitPhrase | null {
  const before = toks[from - 2];
  if (share && toks[from - 1]?.lower === 'of' && before && WORD.test(before.text) && accept(before.lower))
    return { from: from - 2, to: from - 1, text: sentence.slice(before.start, before.end), head: before.lower };
  const linking = (v: readonly string[]) => from - v.length >= 1 && v.every((w, k) => toks[from - v.length + k]!.lower === w);
  const verb = LINKING_VERBS.find(linking) ?? (share ? COPULAS.find(linking) : undefined);
  if (!verb) return null;
  const last = from - verb.length - 1;
  let head = last;
  for (let k = last; k >= 0 && k >= last - 6; k--) {
    const t = toks[k]!;
    if (!WORD.test(t.text)) break;
    if (SUBJECT_PREPOSITIONS.has(t.lower)) head = k - 1;
  }
  const t = toks[head];
  if (!t || !WORD.test(t.text) || !accept(t.lower)) return null;
  const to = share ? last + 1 : head + 1;
  return { from: head, to, text: sentence.slice(t.start, toks[to - 1]!.end), head: t.lower };
}

/**
 * The vote noun a bare count after a verb of winning refers to: "in the
 * runoff vote the challenger polled 48,210" counts votes. The nearest noun of
 * the votes or seats category earlier in the sentence; null when the verb
 * before `from` is not one of winning or no such noun comes before it.
 */
export function voteNounBefore(toks: readonly Token[], from: number, sentence: string): UnitPhrase | null {
  if (!OBTAIN_VERBS.has(toks[from - 1]?.lower ?? '')) return null;
  for (let k = from - 2; k >= 0; k--) {
    const t = toks[k]!;
    const c = WORD.test(t.text) ? UNIT_CATEGORY.get(singular(t.lower)) : undefined;
    if (c === 'votes' || c === 'seats') return { from: k, to: k + 1, text: sentence.slice(t.start, t.end), head: t.lower };
  }
  return null;
}

/** Currency named by a symbol just before the number ("$", "US$", "€"), else null. */
export function currencyBefore(toks: readonly Token[], i: number): string | null {
  const p = toks[i - 1];
  if (!p) return null;
  const two = `${toks[i - 2]?.text ?? ''}${p.text}`;
  return CURRENCY_SYMBOLS[two] ?? CURRENCY_SYMBOLS[p.text] ?? null;
}

/** A governing word or phrase in a sentence, by token range. */
export interface GoverningHit {
  readonly from: number;
  readonly to: number;
  readonly category: FigureCategory;
  readonly text: string;
}

/**
 * Every governing word of a sentence (longest phrase first at each token).
 * A word capitalized inside a sentence is part of a name ("Dead Man's Shoes",
 * "Killing Eve"), not a governing word, unless the sentence is in title case.
 */
export function governingHits(toks: readonly Token[], titleCase = false): GoverningHit[] {
  const out: GoverningHit[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!titleCase && i > 0 && /^\p{Lu}/u.test(toks[i]!.text) && !/^[:"“‘'(\[|•*\-–—]$/.test(toks[i - 1]!.text)) continue;
    for (let n = Math.min(GOVERNING_MAX_WORDS, toks.length - i); n >= 1; n--) {
      let key = toks[i]!.lower;
      for (let k = 1; k < n; k++) key += ` ${toks[i + k]!.lower}`;
      const cat = GOVERNING.get(key);
      if (cat) {
        out.push({ from: i, to: i + n, category: cat, text: key });
        i += n - 1;
        break;
      }
    }
  }
  return out;
}

/** Cost of reaching a governing hit from the figure's tokens [from, to): token distance plus boundaries crossed. */
export function hitCost(toks: readonly Token[], hit: GoverningHit, from: number, to: number): number {
  const [a, b] = hit.to <= from ? [hit.to, from] : [to, hit.from];
  if (b < a) return 0;
  let cost = b - a;
  for (let k = a; k < b; k++) cost += BOUNDARY_COST.get(toks[k]!.lower) ?? 0;
  // a verb after the unit governs it in the passive or as a predicate; before it, as the object
  return hit.to <= from ? cost : cost + 1;
}

/** Strong governing words win over the unit's own category within this cost. */
export const STRONG = 12;
/** Beyond this cost a governing word is not related to the number. */
const WEAK = 30;

/**
 * Category of a figure: a nearby harm verb or noun first ("killed 1,139
 * people", "3,412 others were injured"), then the unit's own category
 * ("14 factions" → participants, "50 hostages" → abducted), then a more
 * distant governing word in the sentence, else other.
 */
export function categorize(
  toks: readonly Token[],
  hits: readonly GoverningHit[],
  from: number,
  to: number,
  unit: UnitPhrase | null,
  money: boolean,
): Categorized {
  if (money) return { category: 'money', hit: null, cost: 0, byUnit: false };
  // "23 dead", "41 missing": the adjective counted carries the category
  if (unit && unit.from >= to && PERSON_ADJECTIVES.has(unit.head)) {
    const c = GOVERNING.get(unit.head) ?? UNIT_CATEGORY.get(unit.head);
    if (c) return { category: c, hit: null, cost: 0, byUnit: true };
  }
  let best: GoverningHit | null = null;
  let bestCost = Infinity;
  for (const h of hits) {
    if (h.from >= from && h.to <= to) continue;
    if (unit && h.from >= unit.from && h.to <= unit.to) continue;
    const c = hitCost(toks, h, from, to);
    if (c < bestCost) [best, bestCost] = [h, c];
  }
  const things = unit !== null && THING_NOUNS.has(singular(unit.head));
  const harm = best && best.category !== 'participants';
  // people harmed are people: "1,150 homes destroyed" is a count of homes (other)
  if (best && harm && bestCost <= STRONG)
    return things ? { category: 'other', hit: best, cost: bestCost, byUnit: false } : { category: best.category, hit: best, cost: bestCost, byUnit: false };
  const unitCat = unit ? UNIT_CATEGORY.get(singular(unit.head)) : undefined;
  if (unitCat)
    return best && bestCost <= STRONG
      ? { category: unitCat, hit: best, cost: bestCost, byUnit: true }
      : { category: unitCat, hit: null, cost: Infinity, byUnit: true };
  if (best && bestCost <= WEAK && !(things && PERSON_CATEGORIES.has(best.category)))
    return { category: best.category, hit: best, cost: bestCost, byUnit: false };
  return { category: 'other', hit: null, cost: Infinity, byUnit: false };
}

/** Categories that count people harmed. */
export const PERSON_CATEGORIES: ReadonlySet<FigureCategory> = new Set<FigureCategory>(['killed', 'injured', 'abducted', 'displaced', 'arrested', 'missing']);

/** Category of a figure, the governing word that gave it (if any) and its cost; byUnit when the unit noun alone gave it. */
export interface Categorized {
  readonly category: FigureCategory;
  readonly hit: GoverningHit | null;
  readonly cost: number;
  readonly byUnit: boolean;
}

/** True when the unit names people in general ("people", "others", "Palestinians"). */
export function isGenericPeople(unit: UnitPhrase | null): boolean {
  if (!unit) return true;
  return PEOPLE_NOUNS.has(unit.head) || (DEMONYM_COUNTRY.has(unit.head) && unit.head.endsWith('s'));
}

/** Country named by a demonym in the unit ("Palestinian factions", "Israelis"), else null. */
export function unitCountry(toks: readonly Token[], unit: UnitPhrase | null): string | null {
  if (!unit) return null;
  for (let k = unit.from; k < unit.to; k++) {
    const c = DEMONYM_COUNTRY.get(toks[k]!.lower) ?? PLACE_COUNTRY.get(toks[k]!.lower);
    if (c && /^\p{Lu}/u.test(toks[k]!.text)) return c;
  }
  return null;
}

const LOCATIVE = new Set(['in', 'on', 'across', 'throughout', 'inside', 'into', 'near', 'at']);

/** Country of the nearest "in/on/across <Place>" in the sentence, else null. */
export function placeCountry(toks: readonly Token[], from: number): string | null {
  let best: string | null = null;
  let bestDist = Infinity;
  for (let k = 0; k + 1 < toks.length; k++) {
    if (!LOCATIVE.has(toks[k]!.lower)) continue;
    let at = k + 1;
    if (toks[at]?.lower === 'the') at++;
    if (!toks[at] || !/^\p{Lu}/u.test(toks[at]!.text)) continue;
    for (let n = 3; n >= 1; n--) {
      if (at + n > toks.length) continue;
      let name = toks[at]!.lower;
      for (let q = 1; q < n; q++) name += ` ${toks[at + q]!.lower}`;
      const c = PLACE_COUNTRY.get(name);
      if (c) {
        const d = Math.abs(k - from);
        if (d < bestDist) [best, bestDist] = [c, d];
        break;
      }
    }
  }
  return best;
}

const ACCORDING = /\baccording to\s+(?:the\s+)?/giu;
const SPEECH =
  /\b(?:said|says|say|told|tells|reported|reports|announced|announces|stated|states|confirmed|confirms|added|noted|claimed|claims|estimated|estimates|quoted|cited|declared)\b/giu;
const SUBJECT_GAP = /^[\s\p{L}'’\-]*$/u;
const CITING = /\b(?:citing|quoting)\s+(?:the\s+)?/giu;

/** Clause boundaries inside a sentence: a source cited in one clause is not the source of a figure in another. */
const CLAUSE_BREAK =
  /;|,?\s+(?:where|whereas|while|but|although|though|meanwhile|which)\s+|\s+[-–—]\s+|\.\s+|,(?=\s*(?:[\p{L}'’.\-]+\s+){0,8}?(?:said|says|reported|reports|announced|told reporters|added|stated)(?:\s+(?:on|in|late|early|at)(?:\s+[\p{L}\d]+){1,3})?\s*[.!?"”’]*\s*$)/giu;
const HAS_NUMBER =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|dozens?)\b/iu;

/** Source cited inside sentence[a, b) (offsets relative to the sentence), or null. */
function sourceIn(
  sentence: string,
  a: number,
  b: number,
  sentenceStart: number,
  mentions: readonly ActorMentionX[],
  inSentence: readonly number[],
): number | null {
  const text = sentence.slice(a, b);
  const here = inSentence.filter((i) => mentions[i]!.char_start - sentenceStart >= a && mentions[i]!.char_end - sentenceStart <= b);
  if (!here.length) return null;
  const rel = (i: number) => ({ s: mentions[i]!.char_start - sentenceStart - a, e: mentions[i]!.char_end - sentenceStart - a });
  for (const m of text.matchAll(ACCORDING)) {
    const at = m.index! + m[0].length;
    const hit = here.find((i) => rel(i).s >= at && rel(i).s <= at + 1);
    if (hit !== undefined) return hit;
    const near = here.find((i) => rel(i).s > at && rel(i).s - at <= 24 && !/[,;.]/.test(text.slice(at, rel(i).s)));
    if (near !== undefined && /^[\p{Lu}]/u.test(text.slice(at))) return near;
  }
  for (const m of text.matchAll(SPEECH)) {
    const v0 = m.index!;
    const v1 = v0 + m[0].length;
    // subject before the verb, a few words back at most, no clause break between
    let best: number | null = null;
    for (const i of here) {
      const { e } = rel(i);
      if (e <= v0 && v0 - e <= 30 && SUBJECT_GAP.test(text.slice(e, v0))) best = i;
    }
    if (best !== null) return best;
    const after = here.find((i) => rel(i).s >= v1 && rel(i).s - v1 <= 30 && !/[,;.:]/.test(text.slice(v1, rel(i).s)));
    if (after !== undefined) return after;
  }
  for (const m of text.matchAll(CITING)) {
    const at = m.index! + m[0].length;
    const hit = here.find((i) => rel(i).s >= at && rel(i).s <= at + 1);
    if (hit !== undefined) return hit;
  }
  return null;
}

/**
 * Index (into `mentions`) of the source cited for the figure at `at`
 * (offset in the sentence): "according to X", then the subject of a speech
 * verb ("X said", "said X"), then "citing X" — first in the figure's own
 * clause, else in a reporting clause of the sentence that carries no figure
 * of its own (", the ministry said."; "X said that ..."). A source cited in
 * another clause about something else ("..., where the UN estimates that 3.5
 * million ...") is not the figure's. `inSentence` are the indexes of mentions
 * inside the sentence.
 */
export function attribution(sentence: string, sentenceStart: number, mentions: readonly ActorMentionX[], inSentence: readonly number[], at = 0): number | null {
  if (!inSentence.length) return null;
  const cuts = [0];
  for (const m of sentence.matchAll(CLAUSE_BREAK)) cuts.push(m.index!, m.index! + m[0].length);
  cuts.push(sentence.length);
  const clauses: [number, number][] = [];
  for (let k = 0; k + 1 < cuts.length; k += 2) if (cuts[k + 1]! > cuts[k]!) clauses.push([cuts[k]!, cuts[k + 1]!]);
  const own = clauses.find(([a, b]) => at >= a && at < b) ?? [0, sentence.length];
  const mine = sourceIn(sentence, own[0], own[1], sentenceStart, mentions, inSentence);
  if (mine !== null || clauses.length <= 1) return mine;
  // a reporting frame: the clause before the figure's that ends in "said (that)" / "says", or a later clause with no number
  for (const [a, b] of clauses) {
    if (a === own[0]) continue;
    const text = sentence.slice(a, b);
    const frameBefore = b <= own[0] && /\b(?:said|says|say|told|reported|reports|announced|stated|estimated|estimates|added)\s*(?:that)?\s*$/iu.test(text);
    if (!frameBefore && HAS_NUMBER.test(text)) continue;
    if (!frameBefore && b <= own[0]) continue;
    const src = sourceIn(sentence, a, b, sentenceStart, mentions, inSentence);
    if (src !== null) return src;
  }
  return null;
}

/** How as_of was found. */
export type AsOfBasis = 'stated' | 'now' | 'published';

const NOW = /\b(?:till now|until now|so far|to date|thus far|as of now|as of today|currently|at present|at the moment)\b/iu;
const AS_OF_BEFORE = /\b(?:as of|as at|by|until|till|up to|through|updated)\s+(?:the\s+)?$/iu;
const SPEECH_NEAR = /\b(?:said|says|told|reported|announced|stated|confirmed|added|published|released|updated|tallied|counted)\b/iu;
const EVENT_AFTER = /^\s*(?:attack|attacks|assault|raid|strike|strikes|offensive|massacre|pogrom|invasion|bombing|war|meeting|talks)\b/iu;
const SAID_AFTER = /^\s*,?\s*(?:[\p{L}'’\-]+\s+){0,6}?(?:said|reported|announced|told|confirmed)\b/iu;

/**
 * The date a figure refers to: a past day stated in its sentence as the date
 * of the count ("as of Sunday", "by Sunday") or of the report ("On Sunday,
 * the ministry said", "said on Sunday"); dates of events ("since October 7",
 * "the attack on October 7") are not. "So far"/"till now" → the publication
 * date; else the publication date as the date of the report. Null when the
 * article has no publication date. `dates` are the sentence's dates read as
 * past (the annotated document's, offsets in the sentence).
 */
export function asOf(sentence: string, published: string | null, dates: readonly DateHit[]): { as_of: string | null; basis: AsOfBasis | null } {
  if (!published) return { as_of: null, basis: null };
  for (const h of dates) {
    if (h.start > published || h.precision !== 'day' || /\b(?:now|today|tonight)\b/i.test(h.text)) continue;
    const before = sentence.slice(Math.max(0, h.index - 30), h.index);
    const after = sentence.slice(h.index + h.text.length, h.index + h.text.length + 60);
    if (EVENT_AFTER.test(after)) continue;
    const lastWords = before.trim().split(/\s+/).slice(-3).join(' ');
    const report = AS_OF_BEFORE.test(before) || SPEECH_NEAR.test(lastWords) || SAID_AFTER.test(after);
    if (report) return { as_of: h.end, basis: 'stated' };
  }
  if (NOW.test(sentence)) return { as_of: published, basis: 'now' };
  return { as_of: published, basis: 'published' };
}

const COMPATIBLE: Readonly<Record<FigureCategory, readonly string[]>> = {
  killed: ['ASSAULT'],
  injured: ['ASSAULT'],
  abducted: ['ASSAULT', 'COERCE'],
  displaced: ['ASSAULT', 'COERCE', 'OTHER'],
  arrested: ['COERCE'],
  missing: ['ASSAULT', 'OTHER'],
  participants: ['CONSULT', 'AGREE', 'PROTEST', 'COOPERATE'],
  money: ['AID', 'SANCTION', 'AGREE'],
  votes: [],
  seats: [],
  share: [],
  other: [],
};

/**
 * Index of the event mention the figure quantifies: one in the same sentence
 * whose trigger is the figure's governing word, else the only one there of a
 * compatible type; else null.
 */
export function eventOf(events: readonly EventMentionX[], sentenceIndex: number, category: FigureCategory, governing: string | null): number | null {
  const here = eventsBySentence(events).get(sentenceIndex) ?? [];
  if (governing) {
    const g = here.find(([e]) => e.trigger.toLowerCase() === governing);
    if (g) return g[1];
  }
  const ok = here.filter(([e]) => COMPATIBLE[category].includes(e.event_type));
  return ok.length === 1 ? ok[0]![1] : null;
}

/** Event mentions (with their index) by sentence, made once per list (a scan of every event per figure was quadratic in a long article). */
const bySentence = new WeakMap<readonly EventMentionX[], Map<number, (readonly [EventMentionX, number])[]>>();
function eventsBySentence(events: readonly EventMentionX[]): Map<number, (readonly [EventMentionX, number])[]> {
  let m = bySentence.get(events);
  if (!m) {
    m = new Map();
    events.forEach((e, i) => {
      const list = m!.get(e.sentence_index);
      if (list) list.push([e, i]);
      else m!.set(e.sentence_index, [[e, i]]);
    });
    bySentence.set(events, m);
  }
  return m;
}
