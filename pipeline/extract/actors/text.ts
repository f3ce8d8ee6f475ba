/**
 * Text helpers for actor recognition: a word tokenizer with offsets, folding,
 * name normalization for transliteration variants, and edit distance.
 */

/** One word of the text with its offsets. */
export interface Token {
  readonly text: string;
  /** Folded form: lowercase, no diacritics, straight apostrophes. */
  readonly fold: string;
  readonly start: number;
  readonly end: number;
  /** First character is an uppercase letter. */
  readonly cap: boolean;
}

const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’](?![sS]\b)[\p{L}\p{M}\p{N}]+)*/gu;

/** Lowercase, strip diacritics, straighten apostrophes. */
export const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’ʼ`]/g, "'")
    .toLowerCase();

/** Words of `text` with offsets (possessive "’s" is not part of a word). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const t = m[0];
    // the "s" of a possessive ("Kenya's") is not a word
    if ((t === 's' || t === 'S') && /\p{L}['’]$/u.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    out.push({ text: t, fold: fold(t), start: m.index, end: m.index + t.length, cap: /^\p{Lu}/u.test(t) });
  }
  return out;
}

/** The gap between two adjacent tokens joins them into one name (a space or a hyphen, no line break). */
export const joins = (text: string, a: Token, b: Token): boolean => {
  const gap = text.slice(a.end, b.start);
  return gap === ' ' || gap === '-' || gap === '\u00a0' || gap === '–' || gap === ' - ';
};

/** "’s" or "'" possessive right after offset `end`. */
export const possessiveAt = (text: string, end: number): number => {
  const m = /^['’]s?(?![\p{L}])/u.exec(text.slice(end, end + 3));
  return m ? m[0].length : 0;
};

/**
 * Transliteration-neutral key of one name token: folded, q/g/k and c(k) to k,
 * ph to f, dh/th/kh/gh simplified, doubled letters collapsed, every vowel run
 * (y counts as a vowel after a consonant) to "a". Mohammad, Muhammad and
 * Mohammed give "mahamad"; Mahmoud gives "mahmad"; Zelensky, Zelenskyy and
 * Zelenskiy give "zalanska"; Qaddafi, Gaddafi and Kadhafi give "kadafa".
 */
export function nameKey(token: string): string {
  let s = fold(token)
    .replace(/[^a-z]/g, '')
    .replace(/x/g, 'ks');
  s = s
    .replace(/ph/g, 'f')
    .replace(/([dtkg])h/g, '$1')
    .replace(/ck/g, 'k')
    .replace(/[qgc](?=[^hieyo]|$)/g, 'k')
    .replace(/^[qg]/, 'k');
  s = s.replace(/(.)\1+/g, '$1');
  s = s.replace(/(?<=[^aeiouy])y/g, 'i').replace(/[aeiouy]+/g, 'a');
  return s;
}

/** Damerau-Levenshtein (optimal string alignment) distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length,
    m = b.length;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[m]!;
}

/**
 * Edit distance allowed between two spellings of one surname: 1 for 5 to 8
 * letters, 2 from 9 letters, none below 5 (short names collide too easily).
 */
export const surnameTolerance = (len: number): number => (len >= 9 ? 2 : len >= 5 ? 1 : 0);
