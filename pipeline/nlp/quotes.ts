/**
 * Quotation spans of the cleaned text, for the annotated document.
 *
 * Marks: typographic “…”, «…» and „…”, and straight "…" paired in order
 * within a paragraph. Outlets often lose one mark: a closing mark with no
 * opening one in its paragraph starts the quote at the paragraph start (or
 * after the sentence that followed the previous quote); an opening mark never
 * closed runs to the paragraph end (the convention for a quote that goes on
 * in the next paragraph). Quotes of fewer than three words are scare quotes
 * or titles ("the so-called “deal”") and are left out.
 */
import type { QuoteRow } from '../../schemas/index.ts';

/** Which marks delimit a quote (schemas/vocab.ts QUOTE_RULES). */
export type QuoteRule = QuoteRow['rule'];

/** The text between the marks, [start, end) of the cleaned text, and how it was delimited. */
export interface QuoteSpan {
  readonly start: number;
  readonly end: number;
  readonly rule: QuoteRule;
}

const OPEN = new Set(['“', '«', '„']);
const CLOSE = new Set(['”', '»']);
const MIN_WORDS = 3;

/** Words with a letter ("3" and "—" do not count). */
export const quoteWords = (s: string): number =>
  s
    .trim()
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w)).length;

/** Quote spans (inner text) in one paragraph [from, to) of `text`. */
function paragraphQuotes(text: string, from: number, to: number): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let open: number | null = null;
  let lastClose = -1;
  // a closing mark never opened: the quote starts at the paragraph, or after the sentence that followed the last quote
  const unopenedStart = (): number => {
    if (lastClose < 0) return from;
    const m = /[.!?](?=\s*\p{Lu})|[.!?]\s/u.exec(text.slice(lastClose + 1, to));
    return m ? lastClose + 1 + m.index + 1 : lastClose + 1;
  };
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (OPEN.has(c) && open === null) open = i + 1;
    else if (CLOSE.has(c) || (c === '"' && open !== null)) {
      out.push(open === null ? { start: unopenedStart(), end: i, rule: 'unopened' } : { start: open, end: i, rule: 'paired' });
      open = null;
      lastClose = i;
    } else if (c === '"') open = i + 1;
  }
  if (open !== null) out.push({ start: open, end: to, rule: 'unclosed' });
  return out;
}

/** Quote spans of `text` (paragraphs separated by a blank line), in order; quotes never cross a paragraph. */
export function quoteSpans(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let from = 0;
  while (from < text.length) {
    const next = text.indexOf('\n\n', from);
    const to = next < 0 ? text.length : next;
    for (const q of paragraphQuotes(text, from, to)) if (quoteWords(text.slice(q.start, q.end)) >= MIN_WORDS) out.push(q);
    from = to + 2;
  }
  return out;
}
