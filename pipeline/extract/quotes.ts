/** Quotations in one article: text between matching quotation marks. */
import type { ActorMentionX, Document, QuoteX } from '../../schemas/pipeline.ts';

export function findQuotes(doc: Document, mentions: readonly ActorMentionX[]): QuoteX[] {
  const out: QuoteX[] = [];
  for (const m of doc.text.matchAll(/[“"]([^“”"\n]{12,}?)[”"]/gu)) {
    const start = m.index + 1;
    const s = doc.sentences.find((x) => x.char_start <= start && start < x.char_end);
    if (!s) continue;
    const speakerIdx = mentions.findIndex((x) => x.sentence_index === s.sentence_index && x.type === 'person');
    out.push({ sentence_index: s.sentence_index, char_start: start, char_end: start + m[1]!.length, text: m[1]!, speaker: speakerIdx >= 0 ? speakerIdx : null });
  }
  return out;
}
