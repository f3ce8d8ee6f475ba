/**
 * Word lists the figure extractor reads, built once from the JSON lexicons
 * (pipeline/lexicons/figure-words.json, territories.json, world-countries).
 * Everything here is immutable.
 */
import countriesModule, { type Country } from 'world-countries';
import words from '../../lexicons/figure-words.json' with { type: 'json' };
import territories from '../../lexicons/territories.json' with { type: 'json' };
import partyNouns from '../../lexicons/en/party-nouns.json' with { type: 'json' };
import wordnetNouns from '../../lexicons/en/party-nouns.wordnet.json' with { type: 'json' };
import type { FigureCategory } from './types.ts';
import { MONTHS as CALENDAR_MONTHS } from '../../lib/dates.ts';

/** The package is CommonJS: its default export is the array itself. */
const worldCountries = ((countriesModule as unknown as { default?: Country[] }).default ?? countriesModule) as unknown as readonly Country[];

/** Governing words and phrases (lowercase, one or more words) → category. */
export const GOVERNING: ReadonlyMap<string, FigureCategory> = new Map(
  Object.entries(words.governing).flatMap(([cat, list]) => list.map((w) => [w, cat as FigureCategory] as const)),
);
/** Longest governing phrase, in words. */
export const GOVERNING_MAX_WORDS = Math.max(...[...GOVERNING.keys()].map((k) => k.split(' ').length));

/** Singular head noun → category it implies ("hostage" → abducted). */
export const UNIT_CATEGORY: ReadonlyMap<string, FigureCategory> = new Map(
  Object.entries(words.unitCategories).flatMap(([cat, list]) => list.map((w) => [w, cat as FigureCategory] as const)),
);

export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = words.currencySymbols;
export const PEOPLE_NOUNS: ReadonlySet<string> = new Set(words.peopleNouns);
/**
 * Nouns of people and of groups of people (the people and groups classes of the party nouns, hand-made and from
 * WordNet, with the figure lexicon's own): what a toll of killed, injured or arrested can count.
 */
export const HUMAN_NOUNS: ReadonlySet<string> = new Set([
  ...words.peopleNouns,
  ...[partyNouns, wordnetNouns]
    .flatMap((l) => [...(l as Record<string, unknown> as { people: string[] }).people, ...(l as Record<string, unknown> as { groups: string[] }).groups])
    .map((w) => w.toLowerCase()),
]);
export const UNIT_SYNONYMS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(words.unitSynonyms).filter(([k]) => !k.startsWith('_')));
export const DURATION_UNITS: ReadonlySet<string> = new Set(words.durationUnits);
export const FURNITURE_UNITS: ReadonlySet<string> = new Set(words.furnitureUnits);
export const IDENTIFIER_WORDS: ReadonlySet<string> = new Set(words.identifierWords);
/** Units of length, distance, speed, area, body-scale weight, temperature and sports scoring (a measurement, not a count). */
export const MEASURE_UNITS: ReadonlySet<string> = new Set(words.measureUnits);
/** Words after a glued "m" that make it metres ("60m hurdles"). */
export const METRE_EVENTS: ReadonlySet<string> = new Set(words.metreEvents);
/** Singular head nouns of things (homes, cases, votes): their counts are never counts of people harmed. */
export const THING_NOUNS: ReadonlySet<string> = new Set(words.thingNouns);
/** Words after which a number is a rank or a name part ("top 10", "No 1", "number one"). */
export const RANK_WORDS: ReadonlySet<string> = new Set(words.rankWords);
/** Nouns after a d-d score ("2-1 win") and verbs before it ("won 3-0"). */
export const RESULT_NOUNS: ReadonlySet<string> = new Set(words.resultNouns);
export const RESULT_VERBS: ReadonlySet<string> = new Set(words.resultVerbs);
/** Street words: a number before a capitalized "... Street" is an address. */
export const ADDRESS_WORDS: ReadonlySet<string> = new Set(words.addressWords);
/** Adjectives used as the counted noun ("23 dead", "41 missing"): they carry the category. */
export const PERSON_ADJECTIVES: ReadonlySet<string> = new Set(words.personAdjectives);
/** Verbs predicating a count of its subject ("arrivals reached", "turnout was"), as word arrays, longest first. */
export const LINKING_VERBS: readonly (readonly string[])[] = words.linkingVerbs.map((v) => v.split(' ')).sort((a, b) => b.length - a.length);
/** Forms of be: they link a share to its subject, never a count (an age, a score). */
export const COPULAS: readonly (readonly string[])[] = words.copulas.map((v) => [v]);
/** Verbs of winning a count in a vote ("polled", "secured"). */
export const OBTAIN_VERBS: ReadonlySet<string> = new Set(words.obtainVerbs);
/** Governing phrase → the sub-measure it names ("in hospital" → hospitalised): a part of its category's measure. */
export const SUB_MEASURES: ReadonlyMap<string, string> = new Map(
  Object.entries(words.subMeasures).flatMap(([measure, list]) => list.map((w) => [w, measure] as const)),
);
/** Subject nouns whose percentage is a share ("turnout was 61%"). */
export const SHARE_SUBJECTS: ReadonlySet<string> = new Set(words.shareSubjects);

/** Month names and abbreviations (the calendar's one list). */
export const MONTHS: ReadonlySet<string> = new Set(Object.keys(CALENDAR_MONTHS));

/** Words that end a unit phrase: function words, auxiliaries, common verbs. */
export const UNIT_STOP: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'this',
  'that',
  'these',
  'those',
  'its',
  'their',
  'his',
  'her',
  'our',
  'my',
  'your',
  'of',
  'in',
  'on',
  'at',
  'from',
  'to',
  'by',
  'for',
  'with',
  'without',
  'and',
  'or',
  'but',
  'nor',
  'while',
  'whereas',
  'as',
  'than',
  'till',
  'until',
  'since',
  'after',
  'before',
  'during',
  'per',
  'each',
  'who',
  'whom',
  'whose',
  'which',
  'what',
  'where',
  'when',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'am',
  'have',
  'has',
  'had',
  'will',
  'would',
  'can',
  'could',
  'may',
  'might',
  'must',
  'shall',
  'should',
  'do',
  'does',
  'did',
  'include',
  'includes',
  'included',
  'including',
  'among',
  'amid',
  'more',
  'less',
  'fewer',
  'even',
  'so',
  'not',
  'no',
  'also',
  'already',
  'now',
  'reportedly',
  'said',
  'says',
  'say',
  'according',
  'mostly',
  'mainly',
  'most',
  'all',
  'both',
  'some',
  'many',
  'remain',
  'remained',
  'remains',
  'still',
  'just',
  'only',
  'about',
  'over',
  'under',
  'into',
  'onto',
  'across',
  'against',
  'between',
  'through',
  'via',
  'if',
  'because',
  'then',
  'there',
  'here',
  'yet',
  'ago',
  'earlier',
  'later',
  'today',
  'yesterday',
  'tomorrow',
  'tonight',
  'again',
  'too',
  'very',
  'it',
  'they',
  'them',
  'he',
  'she',
  'we',
  'you',
  'i',
  'want',
  'wants',
  'went',
  'go',
  'goes',
  'come',
  'came',
  'get',
  'got',
  'make',
  'made',
  'take',
  'took',
  'taken',
  'give',
  'gave',
  'given',
  'need',
  'needs',
  'seem',
  'seems',
  'became',
  'become',
  'becomes',
  'left',
  'set',
  'put',
  'across',
  'near',
  'inside',
  'outside',
  'around',
  'last',
  'next',
  'this',
  'every',
  'a',
  'per',
  'out',
  'apiece',
  'each',
  'respectively',
  'off',
  'away',
  'back',
  'up',
  'down',
  'ahead',
  'behind',
  'alone',
  'together',
]);

/** Clause boundaries crossed between a number and its governing word, with their cost. */
export const BOUNDARY_COST: ReadonlyMap<string, number> = new Map([
  ['while', 10],
  ['whereas', 10],
  ['but', 10],
  [';', 10],
  [':', 6],
  ['although', 10],
  ['though', 10],
  ['meanwhile', 10],
  ['and', 4],
  ['or', 4],
  [',', 1],
  ['(', 1],
  [')', 1],
  ['"', 2],
  ['“', 2],
  ['”', 2],
]);

export const QUALIFIERS_BEFORE: readonly (readonly [string, 'approx' | 'at_least' | 'at_most'])[] = [
  ['close to', 'approx'],
  ['nearly', 'approx'],
  ['about', 'approx'],
  ['around', 'approx'],
  ['roughly', 'approx'],
  ['approximately', 'approx'],
  ['almost', 'approx'],
  ['some', 'approx'],
  ['an estimated', 'approx'],
  ['estimated', 'approx'],
  ['circa', 'approx'],
  ['approx', 'approx'],
  ['just over', 'approx'],
  ['just under', 'approx'],
  ['more or less', 'approx'],
  ['an approximate', 'approx'],
  ['nearly', 'approx'],
  ['more than', 'at_least'],
  ['over', 'at_least'],
  ['at least', 'at_least'],
  ['upwards of', 'at_least'],
  ['in excess of', 'at_least'],
  ['no fewer than', 'at_least'],
  ['no less than', 'at_least'],
  ['not less than', 'at_least'],
  ['not fewer than', 'at_least'],
  ['above', 'at_least'],
  ['a minimum of', 'at_least'],
  ['exceeding', 'at_least'],
  ['more then', 'at_least'],
  ['up to', 'at_most'],
  ['as many as', 'at_most'],
  ['no more than', 'at_most'],
  ['not more than', 'at_most'],
  ['fewer than', 'at_most'],
  ['less than', 'at_most'],
  ['at most', 'at_most'],
  ['under', 'at_most'],
  ['below', 'at_most'],
  ['a maximum of', 'at_most'],
  ['as much as', 'at_most'],
];

export const QUALIFIERS_AFTER: readonly (readonly [string, 'approx' | 'at_least' | 'at_most'])[] = [
  ['or even more', 'at_least'],
  ['or more', 'at_least'],
  ['and more', 'at_least'],
  ['or so', 'approx'],
  ['plus', 'at_least'],
  ['+', 'at_least'],
  ['at least', 'at_least'],
  ['or fewer', 'at_most'],
  ['or less', 'at_most'],
  ['at most', 'at_most'],
  ['or even fewer', 'at_most'],
];

/** Lowercase place name → ISO3: countries (names, alternative spellings, capitals), demonyms, territories. */
export const PLACE_COUNTRY: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const c of worldCountries) {
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((a) => a.length > 3), ...(c.capital ?? [])];
    for (const n of names) if (!m.has(n.toLowerCase())) m.set(n.toLowerCase(), c.cca3);
  }
  for (const t of territories.entries) for (const n of [t.name, ...t.aliases]) m.set(n.toLowerCase(), t.iso3);
  return m;
})();

/** Lowercase demonym (singular and plural) → ISO3. */
export const DEMONYM_COUNTRY: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const c of worldCountries) {
    const d = c.demonyms?.eng;
    for (const n of d ? [d.m, d.f] : []) {
      if (!n) continue;
      const k = n.toLowerCase();
      if (!m.has(k)) m.set(k, c.cca3);
      const plural = /(?:ese|ss|sh|ch)$/.test(k) ? k : `${k}s`;
      if (!m.has(plural)) m.set(plural, c.cca3);
    }
  }
  return m;
})();
