/** Minimal cleaned documents for extractor tests (invented text). */
import type { Document } from '../../schemas/pipeline.ts';

/** One sentence per non-empty line of `text`, all in paragraph 0. */
export function lineDoc(text: string, id = 'a1'): Document {
  const sentences = [];
  let start = 0;
  let i = 0;
  for (const line of text.split('\n')) {
    if (line.length) sentences.push({ article_id: id, sentence_index: i++, paragraph_index: 0, char_start: start, char_end: start + line.length, text: line });
    start += line.length + 1;
  }
  return { article: { article_id: id } as Document['article'], text, sentences, removed: [] };
}

/** One paragraph whose sentences are the given strings, joined by a space, published on `published`. */
export function sentenceDoc(sentences: readonly string[], published: string | null = '2024-03-11', id = 'a1'): Document {
  let at = 0;
  const rows = sentences.map((text, i) => {
    const row = { article_id: id, sentence_index: i, paragraph_index: 0, char_start: at, char_end: at + text.length, text };
    at += text.length + 1;
    return row;
  });
  return {
    article: { article_id: id, published_date: published, duplicate_of: null } as unknown as Document['article'],
    text: sentences.join(' '),
    sentences: rows,
    removed: [],
  };
}
