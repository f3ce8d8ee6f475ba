/**
 * Deterministic synthetic corpora for dedupe tests and the dedupe benchmark:
 * invented words from a seeded generator, stories on shared "topics", and
 * planted copies (a reprint with another headline, furniture and a few edits;
 * a reprint cut short).
 */
import { articleRow } from '../support/article-row.ts';
import type { Document } from '../../schemas/pipeline.ts';

export { rng } from '../support/rng.ts';

const SYL = ['ka', 'lo', 'mi', 'ren', 'ta', 'su', 'vor', 'en', 'del', 'pa', 'ri', 'nok', 'sa', 'tem', 'bu', 'ga', 'hol', 'zi'];

export function vocabulary(size: number, rand: () => number): string[] {
  const out = new Set<string>();
  while (out.size < size) out.add(Array.from({ length: 2 + Math.floor(rand() * 3) }, () => SYL[Math.floor(rand() * SYL.length)]).join(''));
  return [...out];
}

/** A story: paragraphs of sentences drawn from the vocabulary, topic words sprinkled in. */
export function story(rand: () => number, vocab: readonly string[], topic: readonly string[], paragraphs = 5): string[] {
  return Array.from({ length: paragraphs }, () => {
    const sentences = Array.from({ length: 3 }, () => {
      const ws = Array.from({ length: 12 + Math.floor(rand() * 8) }, () =>
        rand() < 0.25 ? topic[Math.floor(rand() * topic.length)]! : vocab[Math.floor(rand() * vocab.length)]!,
      );
      return ws[0]!.charAt(0).toUpperCase() + ws.join(' ').slice(1) + '.';
    });
    return sentences.join(' ');
  });
}

/** Replaces `n` words of the body at seeded positions. */
export function edit(paras: readonly string[], n: number, rand: () => number, vocab: readonly string[]): string[] {
  const out = paras.map((p) => p.split(' '));
  for (let k = 0; k < n; k++) {
    const p = out[Math.floor(rand() * out.length)]!;
    p[Math.floor(rand() * p.length)] = vocab[Math.floor(rand() * vocab.length)]!;
  }
  return out.map((p) => p.join(' '));
}

/** A minimal Document around a title and body paragraphs (sentences not needed by dedupe). */
export function doc(id: string, title: string, body: readonly string[], published_date: string | null = null): Document {
  const text = [title, ...body].join('\n\n');
  return {
    article: articleRow(id, { title, published_date, published_basis: published_date ? 'stated' : 'unknown', sentence_count: 1 }),
    text,
    sentences: [],
    removed: [],
  };
}
