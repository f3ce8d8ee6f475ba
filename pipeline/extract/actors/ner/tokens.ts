/**
 * A small word tokenizer behind the shared layer's Token shape
 * (docs: LAYER-API, pipeline/nlp/document.ts). It splits the way the
 * tagger's training data is split: punctuation apart, clitics apart
 * ("Kenya's" -> "Kenya" "'s", "don't" -> "do" "n't"), dotted abbreviations
 * whole ("U.S.", "Corp."), hyphenated words and numbers whole ("post-war",
 * "1,200", "3-1"). Once the annotated document carries tokens, the tagger
 * reads `ann.tokens` instead: switching is the one call in tokensOf().
 */

/** The layer's Token (pos and lemma stay empty here): one shape for both tokenizers. */
import type { Token } from '../../../nlp/document.ts';
export type { Token };

/** Abbreviations that keep their final dot ("Corp.", "Mr."). */
const DOTTED = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'corp',
  'inc',
  'co',
  'ltd',
  'bros',
  'vs',
  'gen',
  'col',
  'capt',
  'lt',
  'sgt',
  'gov',
  'sen',
  'rep',
  'prof',
  'no',
  'jan',
  'feb',
  'aug',
  'sept',
  'sep',
  'oct',
  'nov',
  'dec',
  'mt',
  'ft',
]);

const PIECE =
  /(?:\p{L}\.){2,}|\.\.\.|['’](?:s|S|re|m|ve|ll|d|RE|M|VE|LL|D)(?![\p{L}\p{N}])|[\p{L}\p{M}\p{N}]+(?:(?:[-&./,:]|['’](?![sS](?![\p{L}\p{N}])))[\p{L}\p{M}\p{N}]+)*|[^\s]/uy;

/** Word shape: X for capitals, x for lowercase letters, d for digits, other characters kept; runs collapsed. */
export function shapeOf(s: string): string {
  let out = '';
  let last = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    const c =
      code >= 65 && code <= 90
        ? 'X'
        : code >= 97 && code <= 122
          ? 'x'
          : code >= 48 && code <= 57
            ? 'd'
            : code < 128
              ? ch
              : /\p{Lu}/u.test(ch)
                ? 'X'
                : /\p{L}/u.test(ch)
                  ? 'x'
                  : /\p{N}/u.test(ch)
                    ? 'd'
                    : ch;
    if (c !== last) {
      out += c;
      last = c;
    }
  }
  return out;
}

/** Tokens of text[from, to), numbered from `i0`, all in sentence `sentence`. */
export function tokenizeRange(text: string, from: number, to: number, sentence: number, i0 = 0): Token[] {
  const out: Token[] = [];
  const push = (t: string, start: number) =>
    out.push({ i: i0 + out.length, text: t, start, end: start + t.length, sentence, pos: '', lemma: t.toLowerCase(), shape: shapeOf(t) });
  let at = from;
  while (at < to) {
    while (at < to && /\s/u.test(text[at]!)) at++;
    if (at >= to) break;
    PIECE.lastIndex = at;
    const m = PIECE.exec(text);
    let t = m ? m[0] : text[at]!;
    if (at + t.length > to) t = text.slice(at, to);
    // words with inner "," or ":" split ("a,b"); numbers keep them ("1,200", "10:30")
    if (/[,:]/.test(t) && /\p{L}/u.test(t)) t = /^[^,:]+|^[,:]/u.exec(t)![0];
    // clitic n't: "don't" -> "do" "n't"; other inner apostrophes stay ("O'Brien")
    const nt = /^(.+)(n['’]t)$/iu.exec(t);
    if (nt) {
      push(nt[1]!, at);
      push(nt[2]!, at + nt[1]!.length);
      at += t.length;
      continue;
    }
    // a word followed by a dot keeps it when it is a known abbreviation or a single capital ("Corp.", "J.")
    if (text[at + t.length] === '.' && at + t.length < to && (DOTTED.has(t.toLowerCase()) || /^\p{Lu}$/u.test(t))) t += '.';
    push(t, at);
    at += t.length;
  }
  return out;
}

/** Tokens of a document, sentence by sentence (offsets into the cleaned text). */
export function tokensOf(
  text: string,
  sentences: readonly { readonly char_start: number; readonly char_end: number; readonly sentence_index: number }[],
): Token[] {
  const out: Token[] = [];
  for (const s of sentences) for (const t of tokenizeRange(text, s.char_start, s.char_end, s.sentence_index, out.length)) out.push(t);
  return out;
}
