/**
 * The name tagger: BIO tags (PER, ORG, LOC, MISC) for the sentences of one
 * document, greedy left to right over the averaged perceptron, and the
 * spans they make. Tag sequences are repaired the CoNLL way: an I-X after O
 * or another type opens a new X.
 */
import { capsLine, docContext, dynamicFeatures, gazetteerTags, staticFeatures, wordFeatures, wordsOf, type NameGazetteer, type Words } from './features.ts';
import { FastTagger, FeatureIndex } from './fast.ts';
import { Perceptron } from './perceptron.ts';

/** A name span over the words of one sentence: words [from, to). */
export interface NameSpan {
  readonly sentence: number;
  readonly from: number;
  readonly to: number;
  readonly cls: string;
  /** The tagger's confidence: over the span's words, the least margin of the chosen tag over O. */
  readonly margin: number;
}

/** Class of a tag's word for the document memory: the type of a capitalized word's tag. */
const typeOf = (tag: string): string => (tag === 'O' ? 'O' : tag.slice(2));

/**
 * One document's tags. `step` is called for every word with its context
 * features (the word's own features are wordFeatures(word)); it returns the
 * tag index to continue with (the gold one while counting features).
 */
export function walkDocument(
  sentences: readonly (readonly string[])[],
  gaz: NameGazetteer,
  tags: readonly string[],
  step: (fs: string[], x: Words, s: number, i: number) => number,
): string[][] {
  const ctx = docContext(sentences);
  const memory = new Map<string, string>();
  const out: string[][] = [];
  for (let s = 0; s < sentences.length; s++) {
    const x = wordsOf(sentences[s]!);
    const gt = gazetteerTags(x.words, gaz, x.lower);
    const caps = capsLine(x.words);
    const res: string[] = [];
    for (let i = 0; i < x.words.length; i++) {
      const lw = x.lower[i]!;
      const fs = dynamicFeatures(x, i, res[i - 1] ?? '<s>', res[i - 2] ?? '<s>', memory.get(lw), staticFeatures(x, i, gt, ctx, caps));
      const tag = tags[step(fs, x, s, i)]!;
      res.push(tag);
      const c0 = x.words[i]!.charCodeAt(0);
      if ((c0 >= 65 && c0 <= 90) || (c0 > 127 && /^\p{Lu}/u.test(x.words[i]!))) memory.set(lw, typeOf(tag));
    }
    out.push(res);
  }
  return out;
}

export class NameTagger {
  private readonly model: Perceptron;
  private readonly fast: FastTagger;
  /** Scores of each word's own features, cached per word (emptied when large): the reference path's. */
  private readonly own = new Map<string, Float64Array>();
  constructor(
    model: Perceptron,
    private readonly gaz: NameGazetteer,
  ) {
    this.model = model;
    this.fast = new FastTagger(model, new FeatureIndex(model), gaz);
  }
  private wordScores(w: string, lw: string, sh: string): Float64Array {
    let r = this.own.get(w);
    if (!r) {
      if (this.own.size >= 200_000) this.own.clear();
      r = this.model.scores(wordFeatures(w, lw, sh));
      this.own.set(w, r);
    }
    return r;
  }
  /** BIO tags of each sentence's words, with each word's margin of its tag over O (the fast path: fast.ts). */
  tagWithMargins(sentences: readonly (readonly string[])[]): { tags: string[][]; margins: number[][] } {
    return this.fast.tagWithMargins(sentences);
  }
  /** The reference: the feature strings training reads (walkDocument), scored one by one; the fast path must equal it. */
  referenceTagWithMargins(sentences: readonly (readonly string[])[]): { tags: string[][]; margins: number[][] } {
    const tags = this.model.file.tags;
    const scores = new Float64Array(tags.length);
    const margins: number[][] = sentences.map(() => []);
    const out = walkDocument(sentences, this.gaz, tags, (fs, x, s, i) => {
      this.model.scores(fs, scores);
      const own = this.wordScores(x.words[i]!, x.lower[i]!, x.shapes[i]!);
      for (let c = 0; c < tags.length; c++) scores[c]! += own[c]!;
      let best = 0;
      for (let c = 1; c < tags.length; c++) if (scores[c]! > scores[best]!) best = c;
      margins[s]!.push(scores[best]! - scores[0]!);
      return best;
    });
    return { tags: out, margins };
  }
  tag(sentences: readonly (readonly string[])[]): string[][] {
    return this.tagWithMargins(sentences).tags;
  }
  /** Name spans of each sentence. */
  spans(sentences: readonly (readonly string[])[]): NameSpan[] {
    const { tags, margins } = this.tagWithMargins(sentences);
    return tags.flatMap((t, s) =>
      spansOf(t).map((x) => {
        let margin = Infinity;
        for (let i = x.from; i < x.to; i++) margin = Math.min(margin, margins[s]![i]!);
        return { sentence: s, ...x, margin };
      }),
    );
  }
}

/** Spans of a BIO tag sequence; a stray I-X opens a new X. */
export function spansOf(tags: readonly string[]): { from: number; to: number; cls: string }[] {
  const out: { from: number; to: number; cls: string }[] = [];
  let cur: { from: number; cls: string } | null = null;
  for (let i = 0; i <= tags.length; i++) {
    const t = tags[i] ?? 'O';
    const cls = t === 'O' ? null : t.slice(2);
    if (cur && (t === 'O' || t.startsWith('B-') || cls !== cur.cls)) {
      out.push({ from: cur.from, to: i, cls: cur.cls });
      cur = null;
    }
    if (cls && !cur) cur = { from: i, cls };
  }
  return out;
}
