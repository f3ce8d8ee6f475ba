/**
 * Tokens of one sentence with offsets, and parsing of the number expression
 * that starts at a token: digits ("12,450", "2.5 million"), words ("two
 * million", "twenty-six", "a dozen"), vague counts ("dozens", "tens of
 * thousands of") and ranges ("12 to 14", "between 12 and 14", "12-14",
 * "two or three"). Pure; the regexes are compiled once.
 */
import numberWords from '../../lexicons/number-words.json' with { type: 'json' };

export interface Token {
  /** Text as written. */
  readonly text: string;
  /** Lowercased text. */
  readonly lower: string;
  /** Offsets in the sentence. */
  readonly start: number;
  readonly end: number;
  /** Digits part of a digit token ("1990" of "1990s"), else null. */
  readonly digits: string | null;
  /** Letters glued after the digits ("s", "th", "bn", "km"), else "". */
  readonly suffix: string;
}

const TOKEN = /(\d+(?:[.,]\d+)*)(\p{L}*)|(\p{L}+(?:['’\-]\p{L}+)*)|(\S)/gu;

/** Split a sentence into word, digit and punctuation tokens (linear). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index!;
    out.push({ text: m[0], lower: m[0].toLowerCase(), start, end: start + m[0].length, digits: m[1] ?? null, suffix: (m[2] ?? '').toLowerCase() });
  }
  return out;
}

const UNITS: Readonly<Record<string, number>> = numberWords.units;
const TENS: Readonly<Record<string, number>> = numberWords.tens;
const SCALES: Readonly<Record<string, number>> = numberWords.scales;
const SCALE_ABBR: Readonly<Record<string, number>> = numberWords.scaleAbbreviations;
const VAGUE: Readonly<Record<string, readonly [number, number]>> = Object.fromEntries(
  Object.entries(numberWords.vague).filter(([k]) => !k.startsWith('_')) as [string, [number, number]][],
);
const ORDINALS = new Set(numberWords.ordinals);
const ORDINAL_WORD = /^(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)$/;

/** True for "second", "twenty-first", "hundredth". */
export const isOrdinalWord = (lower: string): boolean => ORDINALS.has(lower) || ORDINAL_WORD.test(lower);

/** Value of one number word or hyphenated compound ("twenty-six"), else null. */
function wordValue(lower: string): number | null {
  if (lower in UNITS) return UNITS[lower]!;
  if (lower in TENS) return TENS[lower]!;
  const m = /^(\p{L}+)-(\p{L}+)$/u.exec(lower);
  if (m && m[1]! in TENS && m[2]! in UNITS && UNITS[m[2]!]! > 0 && UNITS[m[2]!]! < 10) return TENS[m[1]!]! + UNITS[m[2]!]!;
  return null;
}

const isScale = (lower: string): boolean => lower in SCALES;

/** Value of a digit token, or null when it is not a plain number ("20.02.2024"). */
export function digitValue(digits: string): number | null {
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(digits)) return Number(digits.replace(/,/g, ''));
  if (/^\d+(?:\.\d+)?$/.test(digits)) return Number(digits);
  if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(digits)) return Number(digits.replace(/\./g, ''));
  return null;
}

/** A single number (no range) found at a token. */
export interface NumberAt {
  readonly value: number;
  /** For vague counts: the conventional span; else null. */
  readonly low: number | null;
  readonly high: number | null;
  /** Token index one past the number. */
  readonly next: number;
  readonly kind: 'digits' | 'words' | 'vague';
  /** A scale word or abbreviation was part of it ("million", "bn"). */
  readonly scaled: boolean;
}

/**
 * The number that starts at token i, or null. Digit tokens with a glued
 * suffix other than a scale abbreviation are not read here (callers classify
 * "1990s", "26th", "10km" first).
 */
export function numberAt(toks: readonly Token[], i: number): NumberAt | null {
  const t = toks[i];
  if (!t) return null;
  if (t.digits !== null) {
    const v = digitValue(t.digits);
    if (v === null) return null;
    if (t.suffix) {
      const s = SCALE_ABBR[t.suffix];
      return s === undefined ? null : { value: v * s, low: null, high: null, next: i + 1, kind: 'digits', scaled: true };
    }
    let value = v;
    let j = i + 1;
    let scaled = false;
    while (toks[j] && isScale(toks[j]!.lower) && SCALES[toks[j]!.lower]! > 1) {
      value *= SCALES[toks[j]!.lower]!;
      scaled = true;
      j++;
    }
    if (!scaled && toks[j] && SCALE_ABBR[toks[j]!.lower] !== undefined && toks[j]!.lower !== 'm' && toks[j]!.lower !== 'b') {
      value *= SCALE_ABBR[toks[j]!.lower]!;
      scaled = true;
      j++;
    }
    return { value, low: null, high: null, next: j, kind: 'digits', scaled };
  }
  // vague counts: "tens of thousands", "hundreds of thousands", "dozens"
  const two = `${t.lower} ${toks[i + 1]?.lower ?? ''} ${toks[i + 2]?.lower ?? ''}`;
  const m3 = /^(tens|hundreds) of (thousands|millions)$/.exec(two);
  if (m3 && VAGUE[`${m3[1]} of ${m3[2]}`]) {
    const [lo, hi] = VAGUE[`${m3[1]} of ${m3[2]}`]!;
    return { value: lo, low: lo, high: hi, next: i + 3, kind: 'vague', scaled: true };
  }
  if (VAGUE[t.lower]) {
    const [lo, hi] = VAGUE[t.lower]!;
    return { value: lo, low: lo, high: hi, next: i + 1, kind: 'vague', scaled: true };
  }
  // "several hundred", "a few thousand", "a few dozen"
  const fewAt = t.lower === 'several' ? i + 1 : t.lower === 'a' && toks[i + 1]?.lower === 'few' ? i + 2 : -1;
  if (fewAt > 0 && toks[fewAt]) {
    const w = toks[fewAt]!.lower;
    const plural = w === 'dozen' ? 'dozens' : isScale(w) ? `${w}s` : null;
    if (plural && VAGUE[plural]) {
      const [lo, hi] = VAGUE[plural]!;
      return { value: lo, low: lo, high: hi, next: fewAt + 1, kind: 'vague', scaled: true };
    }
  }
  // words: "two million", "a dozen", "one hundred and twenty", "twenty-six"
  let j = i;
  let total = 0;
  let current = 0;
  let seen = false;
  let scaled = false;
  if (t.lower === 'a' || t.lower === 'an') {
    const n = toks[i + 1]?.lower ?? '';
    if (n !== 'dozen' && !isScale(n)) return null;
    current = 1;
    seen = true;
    j = i + 1;
  }
  for (; j < toks.length; j++) {
    const w = toks[j]!.lower;
    const v = wordValue(w);
    if (v !== null) {
      current += v;
      seen = true;
      continue;
    }
    if (w === 'dozen' && seen) {
      current = (current || 1) * numberWords.dozen;
      continue;
    }
    if (isScale(w) && seen) {
      scaled = true;
      if (w === 'hundred') current = (current || 1) * 100;
      else {
        total += (current || 1) * SCALES[w]!;
        current = 0;
      }
      continue;
    }
    if (w === 'and' && seen && scaled && toks[j + 1] && wordValue(toks[j + 1]!.lower) !== null) continue;
    break;
  }
  if (!seen) return null;
  return { value: total + current, low: null, high: null, next: j, kind: 'words', scaled };
}
