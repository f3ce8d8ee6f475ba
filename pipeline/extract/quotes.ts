/**
 * Direct quotations in one article, with the speaker when the text names one.
 *
 * The quote spans come from the annotated document (pipeline/nlp/quotes.ts:
 * which marks, lost marks, scare quotes left out).
 *
 * Speaker: "…," said X / "…," X said / X said: "…" / according to X / he
 * said (a pronoun is the last person named before the quote).
 */
import type { ActorMentionX, Document, QuoteX } from '../../schemas/pipeline.ts';
import { annotate, type AnnotatedDocument } from '../nlp/document.ts';

export { quoteSpans } from '../nlp/quotes.ts';

const REPORT =
  '(?:said|says|say|told|tells|added|adds|declared|stressed|emphasi[sz]ed|noted|responded|replied|wrote|insisted|explained|warned|asked|continued|according to)';
/** Right after the closing mark: ', said X' / ', X said' / ', he said'. */
const AFTER_SAID_X = new RegExp(`^[\\s,.]*(?:\\p{Ll}+\\s+){0,2}?${REPORT}\\b`, 'u');
const AFTER_X_SAID = new RegExp(`^[\\s,]*[^.!?"“”]{1,80}?\\s${REPORT}\\b`, 'u');
const PRONOUN_SAID = new RegExp(`^[\\s,]*(?:he|she|they)\\s+(?:\\p{Ll}+\\s+)?${REPORT}\\b|^[\\s,]*${REPORT}\\s+(?:he|she)\\b`, 'iu');
/** Before the opening mark: 'X said:' / 'X told Y that' / 'according to X,'. */
const BEFORE_SAID = new RegExp(`${REPORT}\\b[^.!?"“”]{0,80}?[:,]?\\s*$`, 'u');

interface Span {
  readonly start: number;
  readonly end: number;
}

/** The index of the speaker's mention, or null. */
function speakerOf(doc: Document, q: Span, mentions: readonly ActorMentionX[], persons: readonly number[]): number | null {
  const text = doc.text;
  const after = text.slice(q.end + 1, q.end + 120).split('\n\n')[0]!;
  const nearestAfter = (limit: number) => {
    const i = mentions.findIndex((m) => m.char_start > q.end && m.char_start - q.end <= limit);
    return i >= 0 ? i : null;
  };
  const lastPersonBefore = (at: number) => {
    let best: number | null = null;
    for (const i of persons) if (mentions[i]!.char_end <= at) best = i;
    return best;
  };
  if (PRONOUN_SAID.test(after)) return lastPersonBefore(q.start);
  if (AFTER_SAID_X.test(after) || AFTER_X_SAID.test(after)) {
    const m = nearestAfter(100);
    if (m !== null) return m;
  }
  const before = text.slice(Math.max(0, q.start - 140), Math.max(0, q.start - 1));
  const said = BEFORE_SAID.exec(before);
  if (said || /:\s*$/.test(before)) {
    const base = Math.max(0, q.start - 140);
    const verbAt = said ? base + said.index : q.start;
    const verbEnd = said ? verbAt + (/^\S+(?:\s+to)?/.exec(said[0])?.[0].length ?? 0) : q.start;
    // "said X" (the mention right after the verb) or "X said" (right before it)
    const afterVerb = mentions.findIndex((m) => m.char_start >= verbEnd && m.char_start - verbEnd <= 40 && m.char_end <= q.start);
    if (afterVerb >= 0) return afterVerb;
    let best: number | null = null;
    for (let i = 0; i < mentions.length; i++) if (mentions[i]!.char_end <= verbAt && verbAt - mentions[i]!.char_end < 60) best = i;
    if (best !== null) return best;
    if (/\b(?:he|she)\s+\p{Ll}*\s*$/iu.test(before) || /\b(?:he|she)\b[^.]{0,30}$/iu.test(before)) return lastPersonBefore(q.start);
  }
  return null;
}

/** Direct quotations in `doc` (the annotated document's quote spans); speakers are indexes into `mentions`. */
export function findQuotes(doc: Document, mentions: readonly ActorMentionX[], ann: AnnotatedDocument = annotate(doc)): QuoteX[] {
  const text = doc.text;
  const persons = mentions
    .map((m, i) => [m, i] as const)
    .filter(([m]) => m.type === 'person')
    .map(([, i]) => i);
  const out: QuoteX[] = [];
  let previous: number | null = null;
  let lastEnd = 0;
  for (const q of ann.quotes) {
    // a quote with no attribution of its own continues the previous speaker of its paragraph
    if (text.slice(lastEnd, q.start).includes('\n\n')) previous = null;
    lastEnd = q.end;
    // trim spaces and trailing punctuation marks kept outside
    let s = q.start,
      e = q.end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    const sentence = doc.sentences.find((x) => x.char_start <= s && s < x.char_end) ?? doc.sentences.find((x) => x.char_start >= s);
    if (!sentence) continue;
    const speaker: number | null = speakerOf(doc, { start: s, end: e }, mentions, persons) ?? previous;
    previous = speaker;
    out.push({ sentence_index: sentence.sentence_index, char_start: s, char_end: e, text: text.slice(s, e), speaker, rule: q.rule });
  }
  return out;
}
