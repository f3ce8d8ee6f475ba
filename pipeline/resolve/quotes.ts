/** Quote groups: the same words (folded) quoted by several articles share a group. */
import type { QuoteRow } from '../../schemas/index.ts';
import type { Extraction } from '../../schemas/pipeline.ts';
import { hashId } from '../lib/ids.ts';
import { ref, type RefMap } from './refs.ts';

const fold = (s: string) => s.normalize('NFKD').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export function groupQuotes(extractions: readonly Extraction[], actorOf: RefMap): QuoteRow[] {
  return extractions.flatMap((ex) =>
    ex.quotes.map((q) => ({
      quote_id: hashId('q', ex.article_id, q.char_start, q.char_end),
      article_id: ex.article_id,
      sentence_index: q.sentence_index,
      speaker_actor_id: q.speaker === null ? null : actorOf.get(ref(ex.article_id, q.speaker)) ?? null,
      text: q.text,
      char_start: q.char_start,
      char_end: q.char_end,
      group_id: hashId('qg', fold(q.text)),
    })),
  );
}
