/**
 * Figures in one article: every number that counts something, with its
 * bounds, qualifier, unit, category, date, cited source and event.
 *
 * Numbers are read as digits ("12,450", "2.5 million"), words ("two
 * million", "a dozen"), ranges ("12 to 14", "between 12 and 14", "12-14") and
 * vague counts ("dozens" = 24-99, "hundreds" = 200-999, see
 * pipeline/lexicons/number-words.json). Numbers that are not counts (years,
 * dates, ordinals, times, ages, percentages, phone numbers, references,
 * identifiers, durations, page furniture, "one" as a pronoun, numbers with no
 * unit and no governing word) are skipped and counted by reason.
 *
 * One linear pass over each sentence's tokens; regexes compiled once.
 */
import type { ActorMentionX, Document, EventMentionX, FigureX } from '../../schemas/pipeline.ts';
import {
  asOf,
  attribution,
  categorize,
  currencyBefore,
  hitCost,
  eventOf,
  governingHits,
  isGenericPeople,
  PERSON_CATEGORIES,
  placeCountry,
  singular,
  STRONG,
  unitAfter,
  unitBefore,
  subjectBefore,
  voteNounBefore,
  unitCountry,
  type GoverningHit,
  type UnitPhrase,
  type UnitVerbs,
} from './figures/context.ts';
import {
  ADDRESS_WORDS,
  CURRENCY_SYMBOLS,
  DEMONYM_COUNTRY,
  DURATION_UNITS,
  GOVERNING,
  METRE_EVENTS,
  FURNITURE_UNITS,
  IDENTIFIER_WORDS,
  MEASURE_UNITS,
  MONTHS,
  PEOPLE_NOUNS,
  HUMAN_NOUNS,
  PLACE_COUNTRY,
  QUALIFIERS_AFTER,
  QUALIFIERS_BEFORE,
  RANK_WORDS,
  RESULT_NOUNS,
  RESULT_VERBS,
  UNIT_CATEGORY,
  SHARE_SUBJECTS,
  SUB_MEASURES,
  UNIT_STOP,
} from './figures/lexicon.ts';
import { isOrdinalWord, numberAt, tokenize, type NumberAt, type Token } from './figures/tokens.ts';
import { percentAt, shareOf } from './figures/shares.ts';
import type { FigureCategory, FigureQualifier, SkipReason } from './figures/types.ts';
import numberWords from '../lexicons/number-words.json' with { type: 'json' };
import { annotate, sentenceDates, type AnnotatedDocument } from '../nlp/document.ts';

const SCALES: Readonly<Record<string, number>> = numberWords.scales;
const SCALE_ABBR: Readonly<Record<string, number>> = numberWords.scaleAbbreviations;

export type { SkipReason } from './figures/types.ts';

/** Figures of one article and the numbers skipped, counted by reason. */
export interface FigureScan {
  readonly figures: FigureX[];
  readonly skipped: Partial<Record<SkipReason, number>>;
}

const NUMBERISH = new RegExp(
  `\\d|\\b(?:${[...Object.keys(numberWords.units), ...Object.keys(numberWords.tens), 'dozens?', 'hundreds?', 'thousands?', 'millions?', 'billions?', 'scores', 'several'].join('|')})\\b`,
  'iu',
);
const ORDINAL_CHECK = /\b(?:first|second|third|\w+th|\w+-(?:first|second|third))\b/iu;
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){2,}/gu;
const NUMERIC_DATE = /\b(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})\b/gu;
const CLOCK = /\b\d{1,2}:\d{2}(?::\d{2})?\b/gu;
const TIME_AFTER = /^\s*(?:[ap]\.?\s?m\.?(?![\p{L}])|o['’]clock|gmt|utc|hrs\b|local time)/iu;
const AGE_AFTER = /^\s*-?\s*(?:years?|yrs?)[-\s]old\b|^-year\b|^\s*-?\s*month-old\b/iu;
const PERCENT_AFTER = /^\s*(?:%|percent\b|per\s?cent\b|percentage points?\b|pc\b)/iu;
const RANGE_WORDS = new Set(['to', '-', '–', '—', 'or']);

/** Marks tokens inside phone numbers, numeric dates and clock times. */
function markSpans(text: string, toks: readonly Token[]): (SkipReason | null)[] {
  const marks: (SkipReason | null)[] = toks.map(() => null);
  if (!/\d/.test(text)) return marks;
  const mark = (re: RegExp, reason: SkipReason, test: (m: string) => boolean = () => true) => {
    for (const m of text.matchAll(re)) {
      if (!test(m[0])) continue;
      const a = m.index!;
      const b = a + m[0].length;
      for (let k = 0; k < toks.length; k++) if (toks[k]!.start >= a && toks[k]!.end <= b && !marks[k]) marks[k] = reason;
    }
  };
  mark(NUMERIC_DATE, 'date');
  mark(CLOCK, 'time');
  mark(PHONE, 'phone', (m) => m.replace(/\D/g, '').length >= 8 && !/^\d{1,3}(?:,\d{3})+$/.test(m));
  return marks;
}

const isMonth = (t: Token | undefined) => !!t && MONTHS.has(t.lower.replace(/\.$/, ''));
const capitalized = (t: Token | undefined) => !!t && /^\p{Lu}/u.test(t.text);
const OPENERS = new Set([':', '"', '“', '‘', "'", '(', '[', '-', '–', '—', '|', '•', '*']);
const QUALIFIER_WORDS = new Set(QUALIFIERS_BEFORE.flatMap(([p]) => p.split(' ')));
/** A capitalized word that is part of a name (not a demonym, country, month or qualifier). */
const nameWord = (t: Token | undefined) =>
  !!t && /^\p{Lu}\p{L}/u.test(t.text) && !DEMONYM_COUNTRY.has(t.lower) && !PLACE_COUNTRY.has(t.lower) && !isMonth(t) && !QUALIFIER_WORDS.has(t.lower);
/** A plural acronym that is a counted noun ("MPs", "NGOs"). */
const pluralAcronym = (t: Token | undefined) => !!t && /^\p{Lu}{2,}s$/u.test(t.text);
/** True when most longer words of the sentence are capitalized (a title-case headline). */
function titleCase(toks: readonly Token[]): boolean {
  let words = 0;
  let caps = 0;
  for (const t of toks) {
    if (t.digits !== null || t.text.length < 4 || !/^\p{L}/u.test(t.text)) continue;
    words++;
    if (capitalized(t)) caps++;
  }
  return words >= 3 && caps / words >= 0.7;
}

/**
 * Why the number at tokens [i, end) is part of a name, title, rank, score,
 * ratio or age rather than a count, or null. `elliptic` is true when an
 * earlier figure of the sentence lends its unit ("38 of the seats, the MpD 30").
 */
function notACountInContext(toks: readonly Token[], i: number, end: number, n: NumberAt, title: boolean, elliptic: boolean): SkipReason | null {
  const t = toks[i]!;
  const prev = toks[i - 1];
  const next = toks[end];
  const digits = t.digits !== null;
  // glued to letters: "G8", "NM2", "Catch-22", "B-52"
  if (digits && prev && prev.end === t.start && /^\p{L}/u.test(prev.text)) return 'name';
  if (digits && prev?.text === '-' && prev.end === t.start && toks[i - 2]?.end === prev.start && capitalized(toks[i - 2])) return 'name';
  // "9/11", "24/7": a glued fraction or date
  if (digits && prev?.text === '/' && prev.end === t.start && toks[i - 2]?.digits != null && toks[i - 2]!.end === prev.start) return 'date';
  if (digits && next?.text === '/' && next.start === toks[end - 1]!.end && toks[end + 1]?.digits != null) return 'date';
  // rank or position: "top 10", "top-10", "No 1", "No. 1", "number one", "seeded 12"
  let rk = prev;
  if (rk && ((rk.text === '-' && rk.end === t.start && toks[i - 2]?.end === rk.start) || (rk.text === '.' && toks[i - 2]?.lower === 'no'))) rk = toks[i - 2];
  if (rk && RANK_WORDS.has(rk.lower) && !(rk.lower === 'number' && toks[i - 2]?.lower === 'a')) return 'rank';
  // ratio: "nine out of 10", "one in five", "1 in every 4"
  if (next?.lower === 'out' && toks[end + 1]?.lower === 'of' && numberAt(toks, end + 2)) return 'ratio';
  if (next?.lower === 'in' && n.value <= 10) {
    const k = toks[end + 1]?.lower === 'every' ? end + 2 : end + 1;
    const m = numberAt(toks, k);
    if (m && m.value > n.value && !(toks[k]!.digits !== null && /^\d{4}$/.test(toks[k]!.digits!))) return 'ratio';
  }
  // ages: "who is 14", "Jane Doe, 34, said", "(34)" after a name, "turned 40"
  if (digits && n.value <= 120 && !n.scaled) {
    if ((prev?.lower === 'is' || prev?.lower === 'was') && /^(?:who|he|she|i)$/.test(toks[i - 2]?.lower ?? '')) return 'age';
    if (/^(?:turned|turns|turning)$/.test(prev?.lower ?? '')) return 'age';
    if (prev?.text === ',' && capitalized(toks[i - 2]) && /^[,)]$/.test(next?.text ?? '') && !/^\d/.test(toks[i - 2]!.text)) return 'age';
  }
  if (title) {
    // list lines and title-case headlines: only "26 Firstname Lastname (Country)"-like runs
    if (!digits) return null;
    let k = end;
    while (nameWord(toks[k]) && k < end + 4) k++;
    const plain = (w: string) => !UNIT_OR_MEASURE(w) && !PEOPLE_NOUNS.has(w) && !GOVERNING_WORD(w);
    if (k > end + 1 && (!toks[k] || /^[(,]$/.test(toks[k]!.text)) && toks.slice(end, k).every((x) => plain(x.lower))) return 'name';
    return null;
  }
  // address: "10 Downing Street"
  for (let k = end; k < end + 4 && nameWord(toks[k]); k++) if (ADDRESS_WORDS.has(toks[k]!.lower)) return 'name';
  if (!digits && capitalized(t) && i > 0 && nameWord(next) && UNIT_OR_MEASURE(next!.lower)) return 'name';
  if (!digits && capitalized(t)) {
    // word numbers capitalized inside a sentence or before a name: "Six Nations", "Formula One", "Radio Five Live"
    if (i > 0 && prev && !OPENERS.has(prev.text)) return 'name';
    if (nameWord(next) && !pluralAcronym(next)) return 'name';
  }
  if (digits) {
    // a capitalized run after the digits that is not followed by a counted noun: "21 Grams", "50 Cent", "12 Guillermo Canas"
    let k = end;
    while (nameWord(toks[k]) && k < end + 4) k++;
    // a unit noun written capitalized is a title: "50 Cent", "21 Grams", "Six Feet Under"
    if (k > end && UNIT_OR_MEASURE(toks[end]!.lower)) return 'name';
    if (k > end && !pluralAcronym(toks[k - 1])) {
      const after = toks[k];
      const head = after && /^\p{Ll}/u.test(after.text) && !UNIT_STOP_LIKE.has(after.lower);
      if (!head) return 'name';
    }
    // after a capitalized word inside the sentence: "Radio 4", "Apollo 11", "Windows 95" (not the elliptic "the MpD 30")
    const lowerNext = next && /^\p{Ll}/u.test(next.text);
    if (i > 1 && nameWord(prev) && !OPENERS.has(toks[i - 2]!.text) && !elliptic && !lowerNext) return 'name';
  }
  return null;
}
const GOVERNING_WORD = (w: string) => GOVERNING.has(w) || DEMONYM_COUNTRY.has(w);
/**
 * Verbs that end a counted noun phrase, by sentence-relative start offset, as the tagger reads them:
 * `past` holds irregular past forms ("met", "fled", "sold"), which the unit reader's suffix rules
 * (-ed, -ing) do not catch; `base` holds base forms ("live", "gather"), which end the phrase only
 * after a plural ("50 families live"), since the tagger also reads noun modifiers so ("register
 * offices"). Forms in -s are left out: the tagger reads too many plural nouns as verbs ("packs").
 */
function finiteVerbs(ann: AnnotatedDocument, s: Document['sentences'][number]): UnitVerbs {
  const past = new Set<number>();
  const base = new Set<number>();
  const span = ann.sentences[s.sentence_index];
  for (let k = span?.first ?? 0; span && k < span.end; k++) {
    const t = ann.tokens[k]!;
    const w = t.text.toLowerCase();
    if ((t.pos !== 'VERB' && t.pos !== 'AUX') || !/^\p{Ll}/u.test(t.text) || /(?:ed|ing|s)$/.test(w)) continue;
    (t.lemma === w ? base : past).add(t.start - s.char_start);
  }
  return { past, base };
}

/**
 * The sub-measure of a figure with no unit that a care phrase right next to it names ("23 are in
 * hospital" → hospitalised), even when a farther word gave the category ("61 were injured; 23 are in
 * hospital"); empty otherwise.
 */
function subMeasure(
  toks: readonly Token[],
  hits: readonly GoverningHit[],
  from: number,
  end: number,
  unit: UnitPhrase | null,
  category: FigureCategory,
): { measure?: string } {
  if (unit) return {};
  const near = hits.find((h) => SUB_MEASURES.has(h.text) && GOVERNING.get(h.text) === category && hitCost(toks, h, from, end) <= NEAR_COST);
  return near ? { measure: SUB_MEASURES.get(near.text)! } : {};
}
/** Cost (see hitCost) within which a care phrase names the figure next to it. */
const NEAR_COST = 4;

/** Whether a unit phrase names people: its head a noun of people or groups, a people's name, or a word of a toll. */
function countsPeople(unit: { readonly text: string; readonly head: string }): boolean {
  if (/^\p{Lu}/u.test(unit.text.split(/\s+/).at(-1) ?? '')) return true;
  return HUMAN_NOUNS.has(unit.head) || HUMAN_NOUNS.has(singular(unit.head)) || TOLL_WORDS.has(unit.head);
}
/** Adjectives standing for the people they describe ("36 dead", "12 wounded") and nouns of a toll ("made 40 arrests", "12 deaths"). */
const TOLL_WORDS: ReadonlySet<string> = new Set([
  'dead',
  'wounded',
  'injured',
  'missing',
  'displaced',
  'detained',
  'abducted',
  'kidnapped',
  'others',
  'other',
  'arrests',
  'deaths',
  'casualties',
  'fatalities',
  'injuries',
]);
/** A subject noun that names what a count counts: a unit noun of a category other than money, or people ("residents reached 4,000"). */
const countedSubject = (w: string) => PEOPLE_NOUNS.has(w) || (UNIT_CATEGORY.has(singular(w)) && UNIT_CATEGORY.get(singular(w)) !== 'money');

/** Category of a unit named before its number (votes, seats, refugees, hostages), never money without a currency. */
function beforeCategory(unit: UnitPhrase): FigureCategory | undefined {
  const c = UNIT_CATEGORY.get(singular(unit.head));
  return c === 'money' ? undefined : c;
}

const UNIT_OR_MEASURE = (w: string) => UNIT_CATEGORY.has(singular(w)) || MEASURE_UNITS.has(w) || DURATION_UNITS.has(w);
const UNIT_STOP_LIKE = new Set([
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'will',
  'would',
  'and',
  'or',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'with',
  'by',
  'from',
  'the',
  'a',
  'an',
  'said',
  'says',
]);

/** A d-d score ("2-1 win", "won 3-0", "a 2-1 series victory"): the range tokens [i, end) are two glued digit numbers. */
function isScore(toks: readonly Token[], i: number, end: number): boolean {
  const a = toks[i]!;
  const dash = toks[i + 1];
  const b = toks[i + 2];
  if (a.digits === null || !dash || !b || b.digits === null || end !== i + 3 || !/^[-–]$/.test(dash.text)) return false;
  if (dash.start !== a.end || b.start !== dash.end) return false;
  if (Number(a.digits) > 200 || Number(b.digits) > 200) return false;
  let p = i - 1;
  if (toks[p]?.lower === 'a' || toks[p]?.lower === 'the') p--;
  if (toks[p] && RESULT_VERBS.has(toks[p]!.lower)) return true;
  for (let k = end; k < end + 3 && toks[k] && /^\p{L}/u.test(toks[k]!.text); k++) if (RESULT_NOUNS.has(toks[k]!.lower)) return true;
  return false;
}

/** True when the money at token i is a conversion in parentheses right after another amount ("€25 million ($29m)", "(£2.1m; $4.1m)"). */
function isConversion(toks: readonly Token[], i: number, last: FigureX | undefined, sentenceStart: number): boolean {
  if (!last || (last.category !== 'money' && last.unit === null)) return false;
  for (let k = i - 1; k >= 0 && k >= i - 12; k--) {
    const t = toks[k]!;
    if (t.text === ')') return false;
    if (t.text !== '(') continue;
    const before = toks[k - 1];
    return !!before && sentenceStart + before.end === last.char_end;
  }
  return false;
}

/** Index of the total in a partitive "38 of the 72 seats", "4,300 of the mine's roughly 6,000 workers", else -1. */
function partitiveTotal(toks: readonly Token[], end: number): number {
  if (toks[end]?.lower !== 'of') return -1;
  for (let k = end + 1; k < end + 6 && toks[k]; k++) {
    const t = toks[k]!;
    if (t.digits !== null || numberAt(toks, k)) return k;
    if (
      !/^(?:the|its|their|his|her|our|a|an|all|some|about|around|roughly|nearly|approximately|estimated|an|total|overall)$/.test(t.lower) &&
      !/['’]s$/.test(t.lower)
    )
      return -1;
  }
  return -1;
}

/** Why the number at tokens [i, end) is not a count, or null. */
function notACount(toks: readonly Token[], i: number, end: number, n: NumberAt, sentence: string): SkipReason | null {
  const t = toks[i]!;
  const prev = toks[i - 1];
  const prevWord = prev && (prev.text === '.' || (prev.text === ',' && /^\d{4}$/.test(t.digits ?? ''))) ? toks[i - 2] : prev;
  if (isMonth(prevWord) && t.digits !== null) return 'date';
  if (isMonth(toks[end]) || (toks[end]?.lower === 'of' && isMonth(toks[end + 1]))) return 'date';
  if (t.digits !== null && !n.scaled && /^\d{4}$/.test(t.digits) && n.value >= 1000 && n.value <= 2100) {
    const next = toks[end];
    const countNoun = next && (PEOPLE_NOUNS.has(next.lower) || UNIT_CATEGORY.has(singular(next.lower)));
    if (!countNoun || /^(?:in|since|by|of|from|until|before|after|year|summer|winter|spring|autumn|fall)$/.test(prev?.lower ?? '')) return 'year';
  }
  const rest = sentence.slice(toks[end - 1]!.end);
  if (TIME_AFTER.test(rest)) return 'time';
  if (AGE_AFTER.test(rest) || /^(?:aged|age|ages)$/.test(prev?.lower ?? '')) return 'age';
  if (PERCENT_AFTER.test(rest)) return 'percentage';
  if (prev?.text === '[' && toks[end]?.text === ']') return 'reference';
  if (t.digits !== null) {
    if (capitalized(prev) && IDENTIFIER_WORDS.has(prev!.lower)) return 'identifier';
    if (prev?.lower === 'of' && capitalized(toks[i - 2]) && IDENTIFIER_WORDS.has(toks[i - 2]!.lower)) return 'identifier';
    if (prev?.text === '#') return 'identifier';
  }
  return null;
}

/** Qualifier written just before token i, with the token where it starts. */
function qualifierBefore(toks: readonly Token[], i: number): { q: 'approx' | 'at_least' | 'at_most'; from: number } | null {
  let best: { q: 'approx' | 'at_least' | 'at_most'; from: number } | null = null;
  for (const [phrase, q] of QUALIFIERS_BEFORE) {
    const words = phrase.split(' ');
    const from = i - words.length;
    if (from < 0) continue;
    if (words.every((w, k) => toks[from + k]!.lower === w) && (!best || from < best.from)) best = { q, from };
  }
  return best;
}

/** Qualifier written just after token j ("or even more"), with the token after it. */
function qualifierAfter(toks: readonly Token[], j: number): { q: 'approx' | 'at_least' | 'at_most'; to: number } | null {
  for (const [phrase, q] of QUALIFIERS_AFTER) {
    const words = phrase.split(' ');
    if (words.every((w, k) => toks[j + k]?.lower === w)) return { q, to: j + words.length };
  }
  return null;
}

/** Product of the scale words ("million") and abbreviations in tokens [a, b). */
function scaleWithin(toks: readonly Token[], a: number, b: number): number {
  let scale = 1;
  for (let k = a; k < b; k++) {
    const t = toks[k]!;
    const w = SCALES[t.lower] ?? (t.digits !== null ? SCALE_ABBR[t.suffix] : undefined);
    if (w && w >= 1000) scale *= w;
  }
  return scale;
}

interface Found {
  readonly fig: FigureX;
  readonly unit: UnitPhrase | null;
  readonly country: string | null;
}

/**
 * Figures of one article and the numbers skipped, by reason. `mentions` and
 * `events` are the article's actor and event mentions (figures point at them
 * by index).
 */
export function scanFigures(
  doc: Document,
  mentions: readonly ActorMentionX[],
  events: readonly EventMentionX[],
  ann: AnnotatedDocument = annotate(doc),
): FigureScan {
  const figures: FigureX[] = [];
  const skipped: Partial<Record<SkipReason, number>> = {};
  const skip = (r: SkipReason) => {
    skipped[r] = (skipped[r] ?? 0) + 1;
  };
  const published = doc.article.published_date;
  let m0 = 0;
  for (const s of doc.sentences) {
    while (m0 < mentions.length && mentions[m0]!.char_start < s.char_start) m0++;
    const hasNumber = NUMBERISH.test(s.text);
    if (!hasNumber && !ORDINAL_CHECK.test(s.text)) continue;
    const toks = tokenize(s.text);
    const marks = markSpans(s.text, toks);
    let hits: GoverningHit[] | null = null;
    let dates: ReturnType<typeof asOf> | null = null;
    let inSentence: number[] | null = null;
    let verbs: UnitVerbs | null = null;
    let title: boolean | null = null;
    const found: Found[] = [];
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      const mark = marks[i];
      if (mark) {
        skip(mark);
        while (marks[i + 1] === mark) i++;
        continue;
      }
      if (t.digits !== null && t.suffix && numberAt(toks, i) === null) {
        skip(/^(?:st|nd|rd|th)$/.test(t.suffix) ? 'ordinal' : t.suffix === 's' ? 'year' : /^(?:am|pm|h|hrs)$/.test(t.suffix) ? 'time' : 'measurement-only');
        continue;
      }
      if (t.digits === null && isOrdinalWord(t.lower)) {
        skip('ordinal');
        continue;
      }
      if (!hasNumber) continue;
      const n = numberAt(toks, i);
      if (!n) continue;
      // range: "12 to 14", "12-14", "between 12 and 14", "two or three"
      let low: number | null = n.low;
      let high: number | null = n.high;
      let value = n.value;
      // "a dozen" is a round, loose count ("a dozen factions" may be eleven or fourteen); "twelve" is exact
      const dozen = t.lower === 'a' && toks[i + 1]?.lower === 'dozen' && n.next === i + 2;
      let qualifier: FigureQualifier = n.kind === 'vague' || dozen ? 'approx' : 'exact';
      let end = n.next;
      let from = i;
      // "half a million"
      if (n.kind === 'words' && t.lower === 'a' && toks[i - 1]?.lower === 'half') {
        value /= 2;
        from = i - 1;
      }
      const sep = toks[end];
      // "between 12 and 14", also with a currency sign before each number ("between £5m and £8m")
      const sign = currencyBefore(toks, i) ? (CURRENCY_SYMBOLS[`${toks[i - 2]?.text ?? ''}${toks[i - 1]!.text}`] ? 2 : 1) : 0;
      const between = toks[i - 1 - sign]?.lower === 'between';
      const signAgain = sign > 0 && toks.slice(i - sign, i).every((t, k) => toks[end + 1 + k]?.text === t.text) ? sign : 0;
      if (sep && n.kind !== 'vague' && (RANGE_WORDS.has(sep.lower) || (between && sep.lower === 'and'))) {
        const n2 = numberAt(toks, end + 1 + signAgain);
        if (n2 && n2.kind !== 'vague' && !(sep.lower === 'or' && n2.value <= n.value) && !(toks[i - 1]?.lower === 'up' && sep.lower === 'to')) {
          let a = n.value;
          if (!n.scaled && n2.scaled) {
            const scale = scaleWithin(toks, end + 1, n2.next);
            if (a * scale <= n2.value) a *= scale;
          }
          [low, high] = a <= n2.value ? [a, n2.value] : [n2.value, a];
          value = high;
          qualifier = 'range';
          end = n2.next;
          if (between || toks[i - 1 - sign]?.lower === 'from') from = i - 1 - sign;
        }
      } else if (between && sign === 0 && n.kind !== 'vague' && sep && /^\p{Ll}+$/u.test(sep.text) && toks[end + 1]?.lower === 'and') {
        // "between 250 euros and 600 euros": the unit written after each number; the second one is read as the unit
        const n2 = numberAt(toks, end + 2);
        if (n2 && n2.kind !== 'vague' && toks[n2.next]?.lower === sep.lower && n2.value > n.value) {
          [low, high, value, qualifier] = [n.value, n2.value, n2.value, 'range'];
          end = n2.next;
          from = i - 1;
        }
      }
      title ??= titleCase(toks);
      const reason =
        (![value, low ?? 0, high ?? 0].every(Number.isFinite) ? 'not-finite' : null) ??
        notACount(toks, i, end, n, s.text) ??
        (qualifier === 'range' && isScore(toks, i, end) ? 'score' : null) ??
        notACountInContext(toks, i, end, n, title, found.length > 0 && !!found[found.length - 1]!.unit);
      // a percentage of something named is a share ("40% of the vote"): published, not skipped
      const share = reason === 'percentage' ? shareFigure(doc, s, toks, { i, end, from, value, low, high, qualifier }, mentions, events, ann) : null;
      if (share) {
        figures.push(share.fig);
        i = share.next - 1;
        continue;
      }
      if (reason) {
        skip(reason);
        i = end - 1;
        if (reason === 'ratio') {
          const k = toks[end]!.lower === 'out' ? end + 2 : toks[end + 1]?.lower === 'every' ? end + 2 : end + 1;
          const m = numberAt(toks, k);
          if (m) i = m.next - 1;
        }
        continue;
      }
      // a currency symbol before the number: the hedge is before the symbol ("about $5bn", "up to £3m")
      const currency = currencyBefore(toks, i);
      if (currency) from = Math.min(from, i - 1);
      if (qualifier !== 'range') {
        const qb = qualifierBefore(toks, from) ?? (currency ? qualifierBefore(toks, from - 1) : null);
        if (qb) {
          qualifier = qb.q;
          from = qb.from;
        }
      }
      // unit
      let unitStart = end;
      if ((n.kind === 'vague' || (n.scaled && n.kind === 'words')) && toks[unitStart]?.lower === 'of') unitStart++;
      let textEnd = end;
      const qa0 = qualifierAfter(toks, end);
      if (qa0) unitStart = qa0.to;
      verbs ??= finiteVerbs(ann, s);
      let unit = unitAfter(toks, unitStart, s.text, verbs);
      // partitive "38 of the 72 seats": the count is 38, the unit is the total's
      const total = qualifier !== 'range' && n.kind !== 'vague' && !unit ? partitiveTotal(toks, end) : -1;
      const totalN = total >= 0 ? numberAt(toks, total) : null;
      const partitive = totalN !== null && totalN.value > value ? unitAfter(toks, totalN.next, s.text) : null;
      if (partitive) unit = partitive;
      if (unit) textEnd = unit.to;
      const firstUnitWord = unit ? toks[unit.from]!.lower : '';
      const qa = qa0 ?? (unit ? qualifierAfter(toks, unit.to) : null);
      if (qa && qualifier !== 'range') {
        qualifier = qa.q;
        textEnd = Math.max(textEnd, qa.to);
      }
      if (unit && (DURATION_UNITS.has(unit.head) || DURATION_UNITS.has(firstUnitWord))) {
        skip('duration');
        i = end - 1;
        continue;
      }
      if (unit && (FURNITURE_UNITS.has(unit.head) || FURNITURE_UNITS.has(unit.text.toLowerCase()))) {
        skip('page-furniture');
        i = end - 1;
        continue;
      }
      if (unit && MEASURE_UNITS.has(firstUnitWord)) {
        skip('measurement');
        i = end - 1;
        continue;
      }
      // "700 pounds (320kg)": a weight given with its metric conversion
      if (
        unit &&
        !currency &&
        toks[unit.to]?.text === '(' &&
        toks[unit.to + 1]?.digits != null &&
        MEASURE_UNITS.has(toks[unit.to + 1]!.suffix || toks[unit.to + 2]?.lower || '')
      ) {
        skip('measurement');
        i = end - 1;
        continue;
      }
      // a glued "m" with no currency: millions of a plural noun ("7m viewers"), else metres ("400m victory", "the 100m")
      if (
        t.suffix === 'm' &&
        !currency &&
        !(
          unit &&
          !METRE_EVENTS.has(firstUnitWord) &&
          (/s$/.test(unit.head) || PEOPLE_NOUNS.has(unit.head) || UNIT_CATEGORY.get(singular(unit.head)) === 'money')
        )
      ) {
        skip('measurement');
        i = end - 1;
        continue;
      }
      const money = !!currency || (unit !== null && UNIT_CATEGORY.get(singular(unit.head)) === 'money');
      let borrowed: Found | null = null;
      let named: 'subject-unit' | 'vote-noun' | null = null;
      if (!unit && !currency) {
        unit = unitBefore(toks, i, s.text);
        const nx = toks[end];
        const bare = !nx || !/^\p{L}/u.test(nx.text) || (UNIT_STOP.has(nx.lower) && nx.lower !== 'of');
        if (!unit && bare && (unit = subjectBefore(toks, from, s.text, countedSubject))) named = 'subject-unit';
        if (!unit && bare) {
          borrowed = found[found.length - 1] ?? null;
          unit = borrowed?.unit ?? null;
        }
        if (!unit && bare && (unit = voteNounBefore(toks, from, s.text))) named = 'vote-noun';
      }
      if (
        n.kind === 'words' &&
        t.lower === 'one' &&
        ((qualifier === 'exact' && (!unit || unit.from !== unitStart)) ||
          /^(?:no|every|each|any|the|this|that|which|any)$/.test(toks[i - 1]?.lower ?? '') ||
          toks[end]?.lower === 'of')
      ) {
        skip('pronoun');
        i = end - 1;
        continue;
      }
      if (money && currency && isConversion(toks, i, figures[figures.length - 1], s.char_start)) {
        skip('conversion');
        i = end - 1;
        continue;
      }
      hits ??= governingHits(toks, title);
      const cat = categorize(toks, hits, from, end, unit && unit.from >= end ? unit : null, money);
      const { hit, cost, byUnit } = cat;
      // a unit named before the number or borrowed from the figure before carries its category ("the challenger polled 48,210": votes)
      const category0 =
        cat.category !== 'other' ? cat.category : borrowed ? borrowed.fig.category : unit && unit.from < end ? (beforeCategory(unit) ?? 'other') : 'other';
      // a toll counts people: "four public bodies were abolished", "two tapes destroyed" count no dead (a capitalized
      // head is a people's name, "three Britons")
      const category = PERSON_CATEGORIES.has(category0) && unit && !countsPeople(unit) ? 'other' : category0;
      const governed = hit !== null && cost <= STRONG;
      if (!unit && !currency && !governed) {
        skip('no-unit');
        i = end - 1;
        continue;
      }
      // vague counts need a unit and a governing word ("thousands of people fled"); "billions" alone is not a figure
      if (n.kind === 'vague' && (!unit || !governed)) {
        skip('vague');
        i = end - 1;
        continue;
      }
      // small counts of generic things are not published ("two countries", "three wins"); see figure-words.json _trivialCount
      if (value <= 10 && !money && !governed && !(byUnit && PERSON_CATEGORIES.has(category))) {
        skip('trivial-count');
        i = end - 1;
        continue;
      }
      if (qualifier === 'at_least') low = low ?? value;
      if (qualifier === 'at_most') high = high ?? value;
      // place of the people counted
      let country = unitCountry(toks, unit);
      if (!country && borrowed && isGenericPeople(unit)) country = borrowed.country;
      if (!country && found.length && unit && PEOPLE_NOUNS.has(unit.head)) country = found[found.length - 1]!.country;
      country ??= placeCountry(toks, i);
      // source, date, event
      if (!inSentence) {
        inSentence = [];
        for (let k = m0; k < mentions.length && mentions[k]!.char_start < s.char_end; k++) inSentence.push(k);
      }
      dates ??= asOf(s.text, published, sentenceDates(ann, s.sentence_index, 'past'));
      const startTok = toks[from]!;
      const endTok = toks[Math.max(textEnd, end) - 1]!;
      const fig: FigureX = {
        sentence_index: s.sentence_index,
        char_start: s.char_start + startTok.start,
        char_end: s.char_start + endTok.end,
        text: s.text.slice(startTok.start, endTok.end),
        value,
        value_low: low,
        value_high: high,
        qualifier,
        category,
        unit: currency ?? unit?.text ?? null,
        as_of: dates?.as_of ?? null,
        as_of_basis: dates?.basis ?? null,
        country,
        attributed_to: attribution(s.text, s.char_start, mentions, inSentence, startTok.start),
        event: eventOf(events, s.sentence_index, category, hit?.text ?? null),
        ...subMeasure(toks, hits, from, end, borrowed ? null : unit, category),
        rule: currency
          ? 'currency'
          : partitive
            ? 'partitive'
            : !unit
              ? 'governed'
              : borrowed
                ? 'borrowed-unit'
                : named
                  ? named
                  : unit.from >= end
                    ? 'number-unit'
                    : 'unit-number',
      };
      found.push({ fig, unit, country });
      figures.push(fig);
      if (partitive) skip('partitive-total');
      i = Math.max(end, unit && unit.from >= end ? unit.to : end) - 1;
    }
  }
  return { figures, skipped };
}

/** A share figure at the number [i, end) followed by a percent and "of ...", with the token after it; else null. */
function shareFigure(
  doc: Document,
  s: Document['sentences'][number],
  toks: readonly Token[],
  n: { i: number; end: number; from: number; value: number; low: number | null; high: number | null; qualifier: FigureQualifier },
  mentions: readonly ActorMentionX[],
  events: readonly EventMentionX[],
  ann: AnnotatedDocument,
): { fig: FigureX; next: number } | null {
  const pct = percentAt(toks, n.end);
  if (pct <= 0) return null;
  let { qualifier, from, low, high } = n;
  const qb = qualifier === 'range' ? null : qualifierBefore(toks, from);
  if (qb) [qualifier, from] = [qb.q, qb.from];
  // "40% of the vote"; else a subject that is a share ("turnout was 61%"), the figure ending at the percent
  const of = shareOf(toks, n.end + pct, s.text);
  const subject = of ? null : subjectBefore(toks, from, s.text, (w) => SHARE_SUBJECTS.has(w), true);
  if (!of && !subject) return null;
  if (qualifier === 'at_least') low = low ?? n.value;
  if (qualifier === 'at_most') high = high ?? n.value;
  const inSentence = mentions.flatMap((m, k) => (m.char_start >= s.char_start && m.char_start < s.char_end ? [k] : []));
  const dates = asOf(s.text, doc.article.published_date, sentenceDates(ann, s.sentence_index, 'past'));
  const startTok = toks[from]!;
  const endTok = toks[of ? of.to - 1 : n.end + pct - 1]!;
  const fig: FigureX = {
    sentence_index: s.sentence_index,
    char_start: s.char_start + startTok.start,
    char_end: s.char_start + endTok.end,
    text: s.text.slice(startTok.start, endTok.end),
    value: n.value,
    value_low: low,
    value_high: high,
    qualifier,
    category: 'share',
    unit: '%',
    share_of: (of ?? subject)!.text,
    rule: 'share',
    as_of: dates?.as_of ?? null,
    as_of_basis: dates?.basis ?? null,
    country: null,
    attributed_to: attribution(s.text, s.char_start, mentions, inSentence, startTok.start),
    event: eventOf(events, s.sentence_index, 'share', null),
  };
  return { fig, next: of ? of.to : n.end + pct };
}

/** Figures of one article (see {@link scanFigures}); the extract stage's entry point. */
export function findFigures(
  doc: Document,
  mentions: readonly ActorMentionX[],
  events: readonly EventMentionX[],
  ann: AnnotatedDocument = annotate(doc),
): FigureX[] {
  return scanFigures(doc, mentions, events, ann).figures;
}

/** Numbers of one article that are not figures, counted by reason. */
export function skippedNumbers(doc: Document, ann: AnnotatedDocument = annotate(doc)): Partial<Record<SkipReason, number>> {
  return scanFigures(doc, [], [], ann).skipped;
}
