/**
 * Base noun phrases ("the flooded river valley", "Port Amel's mayor", "1,200
 * villagers") from the layer's POS tags: an optional determiner or
 * possessive pronoun, then adjectives, numbers and nouns, ending on a noun or
 * proper noun (the head). A possessive "'s" joins two phrases into one ("the
 * city's mayor"); a hyphen glued between two words stays inside ("low-lying
 * areas"). No clause structure: a verb, an adposition or punctuation ends a
 * chunk.
 */
import type { Token } from './document.ts';

/** A base noun phrase: tokens [first, end) of one sentence, its head token and its character span. */
export interface NounChunk {
  readonly sentence: number;
  readonly first: number;
  readonly end: number;
  /** Index of the head token (the last noun or proper noun). */
  readonly head: number;
  readonly start: number;
  readonly stop: number;
}

const INSIDE = new Set(['ADJ', 'NUM', 'NOUN', 'PROPN']);
const HEAD = new Set(['NOUN', 'PROPN']);
const POSSESSIVE_PRONOUNS = new Set(['my', 'your', 'his', 'her', 'its', 'our', 'their']);

const glued = (a: Token | undefined, b: Token | undefined): boolean => !!a && !!b && a.end === b.start;

/** Base noun phrases of `tokens` (one article's, in order). */
export function nounChunks(tokens: readonly Token[]): NounChunk[] {
  const out: NounChunk[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const opens = t.pos === 'DET' || (t.pos === 'PRON' && POSSESSIVE_PRONOUNS.has(t.text.toLowerCase()));
    if (!opens && !INSIDE.has(t.pos)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (; j < tokens.length && tokens[j]!.sentence === t.sentence; j++) {
      const u = tokens[j]!;
      if (INSIDE.has(u.pos)) continue;
      // "the city's mayor": a possessive after a noun, followed by more of the phrase
      if (u.pos === 'PART' && /^['’]s?$/i.test(u.text) && HEAD.has(tokens[j - 1]!.pos) && INSIDE.has(tokens[j + 1]?.pos ?? '')) continue;
      // "low-lying": a hyphen glued on both sides
      if (u.text === '-' && glued(tokens[j - 1], u) && glued(u, tokens[j + 1]) && INSIDE.has(tokens[j + 1]?.pos ?? '')) continue;
      break;
    }
    let end = j;
    while (end > i && !HEAD.has(tokens[end - 1]!.pos)) end--;
    if (end > i) out.push({ sentence: t.sentence, first: i, end, head: end - 1, start: t.start, stop: tokens[end - 1]!.end });
    i = Math.max(j, i + 1);
  }
  return out;
}

/** The first index of `chunks` (in order) whose `key` is not below x. */
function lowerBound(chunks: readonly NounChunk[], x: number, key: 'first' | 'end'): number {
  let lo = 0,
    hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (chunks[mid]![key] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The chunk whose first token is token k, or undefined. */
export function chunkFrom(chunks: readonly NounChunk[], k: number): NounChunk | undefined {
  const c = chunks[lowerBound(chunks, k, 'first')];
  return c?.first === k ? c : undefined;
}

/** The chunk whose last token is token k, or undefined. */
export function chunkEndingAt(chunks: readonly NounChunk[], k: number): NounChunk | undefined {
  const c = chunks[lowerBound(chunks, k + 1, 'end')];
  return c?.end === k + 1 ? c : undefined;
}

/** A token that may stand between a subject and its verb: an auxiliary, an adverb or a negation ("has also", "will not"). */
export const beforeVerb = (k: Token): boolean => k.pos === 'AUX' || k.pos === 'ADV' || (k.pos === 'PART' && /^(?:not|n['’]t)$/i.test(k.text));

/** The last token of the span [start, end) that begins at token `at` (a trigger of several words). */
export function lastTokenOf(tokens: readonly Token[], at: number, end: number): number {
  let last = at;
  while (tokens[last + 1] && tokens[last + 1]!.end <= end) last++;
  return last;
}
