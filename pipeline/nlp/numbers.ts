/**
 * Numbers of the annotated document: digits ("1,200", "3.5"), digits with a
 * scale word ("2.5 million"; a glued "4bn" is one token, left to the figures'
 * reader), and number words ("twenty-six", "two hundred and
 * five", "a dozen"), each with its value. Read over the layer's tokens, so the
 * span is whole tokens of one sentence. Ordinals ("26th", "second") and
 * vague counts ("dozens") are not numbers here.
 */
import type { NumberSpan, Token } from './document.ts';

/** The number words of a language (pipeline/lexicons/number-words.json for English). */
export interface NumberWords {
  readonly units: Readonly<Record<string, number>>;
  readonly tens: Readonly<Record<string, number>>;
  readonly scales: Readonly<Record<string, number>>;
  readonly dozen: number;
}

const DIGITS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;

/** Value of a digit token ("1,200" -> 1200), else null ("20.02.2024", "1990s"). */
const digitValue = (s: string): number | null => (DIGITS.test(s) ? Number(s.replace(/,/g, '')) : null);

/** Numbers in `tokens` (one article's, in order), none crossing a sentence. */
export function findNumbers(text: string, tokens: readonly Token[], words: NumberWords): NumberSpan[] {
  const out: NumberSpan[] = [];
  const lower = (k: number) => tokens[k]?.lemma ?? '';
  const same = (k: number, s: number) => tokens[k]?.sentence === s;
  // the word as written, lower-cased once ("tens" is not "ten": the lemma would read it as a number)
  const lowered = tokens.map((t) => t.text.toLowerCase());
  const word = (k: number): number | null => {
    const w = lowered[k];
    return w === undefined ? null : (words.units[w] ?? words.tens[w] ?? null);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const first = t.text.charCodeAt(0);
    // most tokens start neither a digit nor a number word nor "a"/"an"
    if (!(first >= 48 && first <= 57) && word(i) === null && t.lemma !== 'a' && t.lemma !== 'an') continue;
    const s = t.sentence;
    let value: number | null = null;
    let j = i;
    const digits = digitValue(t.text);
    if (digits !== null) {
      value = digits;
      j = i + 1;
      while (same(j, s) && words.scales[lower(j)] && words.scales[lower(j)]! > 1) value *= words.scales[lower(j++)]!;
    } else if (word(i) !== null || ((lower(i) === 'a' || lower(i) === 'an') && same(i + 1, s) && (lower(i + 1) === 'dozen' || words.scales[lower(i + 1)]))) {
      // words: "two hundred and five", "twenty-six", "a dozen", "a million"
      let total = 0;
      let current = 0;
      let seen = false;
      j = i;
      if (word(i) === null) {
        current = 1;
        seen = true;
        j = i + 1;
      }
      for (; same(j, s); j++) {
        const v = word(j);
        const w = lower(j);
        if (v !== null) {
          // "twenty-six": tens, a hyphen, a unit below ten
          current += v;
          seen = true;
          if (v >= 20 && v < 100 && tokens[j + 1]?.text === '-' && tokens[j + 1]!.start === tokens[j]!.end && same(j + 2, s)) {
            const u = word(j + 2);
            if (u !== null && u > 0 && u < 10 && tokens[j + 2]!.start === tokens[j + 1]!.end) {
              current += u;
              j += 2;
            }
          }
          continue;
        }
        if (w === 'dozen' && seen) {
          current = (current || 1) * words.dozen;
          continue;
        }
        const scale = words.scales[w];
        if (scale && seen) {
          if (scale === 100) current = (current || 1) * 100;
          else {
            total += (current || 1) * scale;
            current = 0;
          }
          continue;
        }
        if (w === 'and' && seen && total + current >= 100 && word(j + 1) !== null && same(j + 1, s)) continue;
        break;
      }
      if (seen) value = total + current;
    }
    if (value === null || j <= i) continue;
    const last = tokens[j - 1]!;
    out.push({ start: t.start, end: last.end, sentence: s, text: text.slice(t.start, last.end), value });
    i = j - 1;
  }
  return out;
}
