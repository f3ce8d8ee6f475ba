/**
 * Organizations recognized from the form of their names, without a
 * gazetteer:
 * - head nouns: a run of capitalized words (with "of", "for", "and", "the"
 *   between them) that ends with an organization head noun ("People's
 *   Renewal Party", "National Police Service", "Terrence Higgins Trust",
 *   "Delta Airlines") or starts with one followed by "of"/"for" ("Movement
 *   for Democracy", "Union of Journalists");
 * - company cues: one capitalized word after "state-owned", "company",
 *   "carmaker"..., or before "Inc", "Ltd", "plc", or with "'s shares",
 *   "'s chief executive";
 * - acronym definitions: "Long Name (ABC)" when ABC spells the long name's
 *   initials, when its letters are word or syllable starts of the long name
 *   in order, or (unambiguous form) a capitalized multi-word name right
 *   before a parenthesized ALLCAPS or CamelCase token ("(PAICV)", "(MpD)");
 *   also "Long Name, or ABC," / "Long Name, known as ABC" and a one-word
 *   apposition after an organization name ("National Service of
 *   Meteorology and Hydrology, Senamhi,").
 * Compiled once at module load; pure functions over tokens.
 */
import { joins, type Token } from './text.ts';

/** Head nouns that make a capitalized multi-word name an organization when they end it. */
export const ORG_END_HEADS: ReadonlySet<string> = new Set([
  'party',
  'movement',
  'union',
  'front',
  'council',
  'commission',
  'institute',
  'institution',
  'agency',
  'service',
  'services',
  'society',
  'trust',
  'association',
  'federation',
  'confederation',
  'bank',
  'group',
  'corporation',
  'company',
  'ministry',
  'court',
  'army',
  'police',
  'forces',
  'force',
  'committee',
  'authority',
  'university',
  'college',
  'foundation',
  'fund',
  'programme',
  'program',
  'office',
  'department',
  'alliance',
  'league',
  'coalition',
  'organization',
  'organisation',
  'board',
  'bureau',
  'centre',
  'center',
  'network',
  'assembly',
  'parliament',
  'congress',
  'senate',
  'directorate',
  'secretariat',
  'inc',
  'ltd',
  'plc',
  'corp',
  'llc',
  'gmbh',
  'ag',
  'sa',
  'airlines',
  'airline',
  'airways',
  'holdings',
  'industries',
  'enterprise',
  'enterprises',
  'brigade',
  'brigades',
  'guard',
  'guards',
  'observatory',
  'tribunal',
  'cabinet',
  'inspectorate',
  'regulator',
  'exchange',
  'club',
  'fc',
  'press',
  'times',
  'post',
  'herald',
  'tribune',
  'journal',
  'telegraph',
  'gazette',
  'news',
  'motors',
  'pharmaceuticals',
  'telecom',
  'telecommunications',
  'energy',
  'oil',
  'petroleum',
  'mining',
  'railways',
  'railway',
  'studios',
  'records',
  'pictures',
  'entertainment',
  'media',
  'systems',
  'technologies',
  'partners',
  'capital',
  'investments',
  'insurance',
  'watch',
  'international',
  'mission',
  'battalion',
  'regiment',
  'division',
  'command',
  'navy',
  'corps',
  'militia',
  'unit',
  'cooperative',
  'syndicate',
  'chamber',
  'commissariat',
  'council',
]);

/** Head nouns that make a name an organization when they start it and "of"/"for"/"on" follows ("Movement for Democracy"). */
export const ORG_START_HEADS: ReadonlySet<string> = new Set([
  'movement',
  'union',
  'front',
  'council',
  'commission',
  'institute',
  'association',
  'federation',
  'bank',
  'office',
  'department',
  'party',
  'society',
  'organization',
  'organisation',
  'league',
  'committee',
  'coalition',
  'alliance',
  'agency',
  'fund',
  'army',
  'forces',
  'ministry',
  'court',
  'university',
  'college',
  'confederation',
  'centre',
  'center',
  'authority',
  'board',
  'bureau',
  'assembly',
  'congress',
  'friends',
  'volunteers',
  'campaign',
  'network',
  'federation',
  'order',
  'brotherhood',
  'sisterhood',
  'corps',
  'directorate',
  'observatory',
]);

/** Heads too generic to make an organization of a two-word name whose other word is a place or common adjective. */
const WEAK_HEADS: ReadonlySet<string> = new Set([
  'times',
  'post',
  'press',
  'news',
  'capital',
  'energy',
  'oil',
  'media',
  'international',
  'watch',
  'mission',
  'unit',
  'command',
  'division',
  'guard',
  'club',
  'exchange',
  'records',
  'pictures',
  'partners',
  'systems',
  'mining',
  'ag',
  'sa',
]);

/** Lowercase connectors inside an organization name. */
const CONNECTORS: ReadonlySet<string> = new Set([
  'of',
  'for',
  'and',
  'the',
  'on',
  'de',
  'del',
  'della',
  'da',
  'do',
  'dos',
  'das',
  'des',
  'du',
  'la',
  'le',
  'y',
  'et',
  'al',
  'against',
  '&',
]);

/** Capitalized words that open a sentence or a clause and never start an organization's name. */
const NOT_START: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'your',
  'in',
  'on',
  'at',
  'but',
  'and',
  'or',
  'as',
  'for',
  'if',
  'when',
  'while',
  'after',
  'before',
  'since',
  'according',
  'meanwhile',
  'however',
  'earlier',
  'later',
  'now',
  'then',
  'also',
  'with',
  'from',
  'to',
  'by',
  'of',
  'under',
  'over',
  'both',
  'all',
  'some',
  'many',
  'most',
  'each',
  'every',
  'other',
  'another',
  'such',
  'last',
  'next',
  'former',
  'ex',
  'outgoing',
  'incoming',
  'acting',
  'interim',
  'said',
  'says',
  'mr',
  'mrs',
  'ms',
  'dr',
  'sir',
  'dame',
  'lord',
  'lady',
  'president',
  'minister',
  'secretary',
  'chairman',
  'chief',
  'director',
  'leader',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'head',
  'members',
  'member',
  'both',
  'neither',
  'either',
  'state',
  'senior',
]);

/** Plural or collective words whose possessive belongs to a name ("People's Party", "Workers' Union", "Children's Fund"). */
const COLLECTIVE =
  /^(?:people|children|women|men|workers|farmers|citizens|veterans|journalists|teachers|doctors|nurses|students|miners|employers|writers|peoples|nations|states|soldiers|mothers|fathers|friends|pilots|lawyers|consumers|taxpayers)$/;

/** Days and months: never part of an organization's name ("the Greek Parliament on Tuesday"). */
const CALENDAR =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december)$/;

/** A gap between two tokens of one organization name: a space or hyphen, or a collective possessive ("People's Renewal Party"). */
const orgJoins = (text: string, a: Token, b: Token): boolean =>
  (joins(text, a, b) ||
    text.slice(a.end, b.start) === ' & ' ||
    (/^['’]s? $/.test(text.slice(a.end, b.start)) && COLLECTIVE.test(a.fold)) ||
    (/^['’] $/.test(text.slice(a.end, b.start)) && a.fold.endsWith('s'))) &&
  !CALENDAR.test(b.fold) &&
  !CALENDAR.test(a.fold);

/** An organization name found by form: tokens [from, to). */
export interface OrgSpan {
  readonly from: number;
  readonly to: number;
}

/** The run of capitalized words (with inner connectors) that ends at token `last`, walking back; [from, last + 1). */
export function runBefore(text: string, toks: readonly Token[], last: number, known: (k: number) => boolean, max = 14): number {
  let from = last;
  let k = last - 1;
  while (k >= 0 && last - k < max && orgJoins(text, toks[k]!, toks[k + 1]!) && !known(k)) {
    const w = toks[k]!;
    if (w.cap) {
      from = k;
      k--;
      continue;
    }
    if (CONNECTORS.has(w.fold)) {
      k--;
      continue;
    }
    break;
  }
  while (from <= last && (NOT_START.has(toks[from]!.fold) || !toks[from]!.cap)) from++;
  return from;
}

/** True when tokens [from, to) carry an organization head at the end of a name, or inside it before "of"/"for". */
export function hasHeadNoun(toks: readonly Token[], from: number, to: number): boolean {
  const last = toks[to - 1]!;
  if (ORG_END_HEADS.has(last.fold)) {
    if (to - from === 2 && WEAK_HEADS.has(last.fold)) return false;
    return true;
  }
  for (let q = from; q < to - 1; q++) {
    if (!toks[q]!.cap) continue;
    const nx = toks[q + 1]!.fold;
    if (!/^(?:of|for|on|in|against|to)$/.test(nx)) continue;
    if (q === from ? ORG_START_HEADS.has(toks[q]!.fold) : ORG_END_HEADS.has(toks[q]!.fold) && !WEAK_HEADS.has(toks[q]!.fold)) return true;
  }
  return false;
}

/**
 * Capitalized multi-word names with an organization head noun. `known(k)`
 * is true where token k belongs to a gazetteer organization or person (the
 * run stops there; country names and demonyms may be part of the name).
 */
export function findHeadOrgs(text: string, toks: readonly Token[], known: (k: number) => boolean): OrgSpan[] {
  const out: OrgSpan[] = [];
  const n = toks.length;
  for (let i = 0; i < n; i++) {
    if (!toks[i]!.cap || known(i)) continue;
    let j = i + 1;
    let lastCap = i;
    while (j < n && !known(j)) {
      const a = toks[j - 1]!,
        w = toks[j]!;
      if (!orgJoins(text, a, w)) {
        // "Peru's National Institute": the name starts after a possessive that is not part of it
        if (/^['’]s? $/.test(text.slice(a.end, w.start)) && w.cap && lastCap === j - 1) break;
        break;
      }
      if (w.cap) {
        lastCap = j;
        j++;
        continue;
      }
      if (CONNECTORS.has(w.fold) && j + 1 < n) {
        j++;
        continue;
      }
      break;
    }
    const to = lastCap + 1;
    let from = i;
    while (from < to && (NOT_START.has(toks[from]!.fold) || !toks[from]!.cap)) from++;
    i = to - 1;
    if (to - from < 2) continue;
    if (!hasHeadNoun(toks, from, to)) continue;
    // "Paul Hofheinz of the Lisbon Council": a head-less part before "of"/"for" is not part of the name
    for (let q = from + 1; q < to - 1; q++) {
      if (!/^(?:of|for)$/.test(toks[q]!.fold)) continue;
      let anyHead = false;
      for (let r = from; r < q; r++) if (ORG_END_HEADS.has(toks[r]!.fold) || ORG_START_HEADS.has(toks[r]!.fold)) anyHead = true;
      let r0 = q + 1;
      while (r0 < to && !toks[r0]!.cap) r0++;
      if (!anyHead && to - r0 >= 2 && hasHeadNoun(toks, r0, to)) from = r0;
      break;
    }
    // "Citizens Bank and Canal Bank": two names
    let cut = -1;
    let right = -1;
    for (let q = from + 2; q < to - 1; q++) {
      if (toks[q]!.fold !== 'and') continue;
      const r0 = toks[q + 1]!.fold === 'the' ? q + 2 : q + 1;
      // "Citizens Bank and Canal Bank"; "... and the Institute for Applied Research"
      if (
        (ORG_END_HEADS.has(toks[q - 1]!.fold) && hasHeadNoun(toks, r0, to) && to - r0 >= 2) ||
        (r0 > q + 1 && ORG_START_HEADS.has(toks[r0]!.fold) && /^(?:of|for|on)$/.test(toks[r0 + 1]?.fold ?? ''))
      ) {
        cut = q;
        right = r0;
        break;
      }
    }
    if (cut > 0) {
      if (hasHeadNoun(toks, from, cut) && cut - from >= 2) out.push({ from, to: cut });
      out.push({ from: right, to });
      continue;
    }
    out.push({ from, to });
  }
  return out;
}

/** Folded words that, before a capitalized word, make it a company or club ("state-owned Codelco", "carmaker Nissan"). */
export const COMPANY_CUE =
  /^(?:company|firm|carmaker|automaker|airline|carrier|retailer|conglomerate|giant|maker|producer|operator|insurer|lender|broadcaster|supermarket|chain|subsidiary|miner|manufacturer|distributor|publisher|label|studio|startup|developer|outfit|club|side|bank|brewer|supplier|exporter|importer|refiner|telecoms|group|network|newspaper|tabloid|magazine|rivals?)$/;
/** After "Name's": the name is a company ("Apple's shares", "Boeing's chief executive"). */
const COMPANY_POSSESSED =
  /^['’]s?\s+(?:[\p{Ll}-]+\s+)?(?:shares|share price|stock|profits?|revenues?|sales|earnings|chief executive|boss|board|shareholders|stake|headquarters|subsidiary|employees|workforce|customers|stores|shops|factories|factory|plants?|brand|products|takeover|bid|merger|accounts|debts?|bosses|executives|directors|chairman)(?![\p{L}])/u;
/** Right after the name: "Apple shares", "Boeing said it would cut 1,000 jobs" is not enough; a legal suffix is. */
const COMPANY_AFTER = /^\s+(?:Inc|Ltd|plc|PLC|Corp|Co|LLC|GmbH|AG|SA|NV|shares|stock)(?![\p{L}])/u;

/**
 * One capitalized word that a company cue types as an organization; returns
 * the folded words (every use of the word in the article is that company).
 */
export function findCompanyWords(text: string, toks: readonly Token[], eligible: (k: number) => boolean): Set<string> {
  const out = new Set<string>();
  const initial = (k: number) => k === 0 || /(?:^|[.!?:"“”]\s*|\n\s*)$/.test(text.slice(Math.max(0, toks[k]!.start - 4), toks[k]!.start));
  const midCap = new Set<string>();
  for (let k = 0; k < toks.length; k++) if (toks[k]!.cap && !initial(k)) midCap.add(toks[k]!.fold);
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (!t.cap || !eligible(k) || t.text.length < 3 || !midCap.has(t.fold)) continue;
    const next = toks[k + 1];
    if (next && (next.cap || /^\d/.test(next.text)) && joins(text, t, next)) continue; // part of a longer name ("Fathers 4 Justice")
    const prev = toks[k - 1];
    const joined = !!prev && !prev.cap && joins(text, prev, t);
    const owned =
      joined && /^(?:owned|run|controlled|backed|listed)$/.test(prev.fold) && /^(?:state|government|publicly|family|privately)$/.test(toks[k - 2]?.fold ?? '');
    const cueBefore = joined && (COMPANY_CUE.test(prev.fold) || owned);
    if (cueBefore || COMPANY_POSSESSED.test(text.slice(t.end, t.end + 40)) || COMPANY_AFTER.test(text.slice(t.end, t.end + 8))) out.add(t.fold);
  }
  return out;
}

/** An acronym-like token: ALLCAPS (2-8 letters, digits allowed) or CamelCase with two capitals ("MpD", "PiS"). */
export const acronymLike = (w: string): boolean => /^(?=.*\p{Lu}.*\p{Lu})[\p{Lu}\p{Ll}\d]{2,10}$/u.test(w) && (/^[\p{Lu}\d]+$/u.test(w) || /^\p{Lu}/u.test(w));

/**
 * Whether `acr` (letters only, lowercase) is the concatenation, in order, of
 * prefixes of `words` (folded), the first word giving at least one letter:
 * initials ("UCID"), syllabic forms ("Cochilco" of a Spanish name, "Benelux").
 */
export function spells(acr: string, words: readonly string[]): boolean {
  const a = acr.toLowerCase().replace(/[^a-z]/g, '');
  if (!a || !words.length) return false;
  // reachable[p]: acronym letters [0, p) consumed by the words so far
  let reach = new Set<number>([0]);
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    const next = new Set<number>(w === 0 ? [] : reach);
    for (const p of reach)
      for (let l = 1; l <= word.length && p + l <= a.length; l++) {
        if (word[l - 1] !== a[p + l - 1]) break;
        next.add(p + l);
      }
    reach = next;
    if (!reach.size) return false;
  }
  return reach.has(a.length);
}

/** Head nouns of state and political bodies: such a body named by pattern may take the article's country. */
export const STATE_HEADS: ReadonlySet<string> = new Set([
  'party',
  'movement',
  'front',
  'union',
  'commission',
  'council',
  'ministry',
  'police',
  'army',
  'forces',
  'force',
  'court',
  'assembly',
  'parliament',
  'congress',
  'senate',
  'authority',
  'agency',
  'service',
  'directorate',
  'secretariat',
  'office',
  'department',
  'committee',
  'tribunal',
  'guard',
  'guards',
  'brigade',
  'brigades',
  'militia',
  'alliance',
  'coalition',
  'institute',
  'inspectorate',
  'regulator',
  'cabinet',
  'navy',
  'corps',
  'volunteers',
  'federation',
  'confederation',
  'association',
  'society',
]);

/** Last words of a long form that is a thing, not an actor ("Multi-Fibre Agreement (MFA)", "Severe Acute Respiratory Syndrome (SARS)"). */
export const NOT_ACTOR_TAIL =
  /\b(?:Agreement|Treaty|Accords?|Declaration|Regulation|Resolution|Charter|Principles|Guidelines|Hall|Photos?|Print|Act|Bill|Law|Directive|Protocol|Syndrome|Disease|Virus|Index|Rate|Rates|Shares|Scheme|Plan|Test|System|Standard|Strategy|Policy|Project|Report|Survey|Conference|Summit|Games|Championships?|Cup|Award|Awards|Prize|Festival|Exhibition|Show|Fair|Day|Week|Year|Tax|Allowance|Credit|Account|Bonds?|Certificate|Card|Licence|License|Code|Zone|Area|Park|Road|Street|Airport|Station|Stadium|Centre of Excellence)$/;
