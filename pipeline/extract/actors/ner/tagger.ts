/**
 * The name tagger: BIO tags (PER, ORG, LOC, MISC) for the sentences of one
 * document, greedy left to right over the averaged perceptron, and the
 * spans they make. Tag sequences are repaired the CoNLL way: an I-X after O
 * or another type opens a new X.
 */
import { capsLine, docContext, dynamicFeatures, gazetteerTags, staticFeatures, type NameGazetteer } from './features.ts';
import { Perceptron } from './perceptron.ts';

/** A name span over the words of one sentence: words [from, to). */
export interface NameSpan {
  readonly sentence: number; readonly from: number; readonly to: number; readonly cls: string;
  /** The tagger's confidence: over the span's words, the least margin of the chosen tag over O. */
  readonly margin: number;
}

/** Class of a tag's word for the document memory: the type of a capitalized word's tag. */
const typeOf = (tag: string): string => (tag === 'O' ? 'O' : tag.slice(2));

/**
 * One document's tags. `step` is called for every word with its features and
 * the gold tag index when training; it returns the tag index to continue with.
 */
export function walkDocument(
  sentences: readonly (readonly string[])[], gaz: NameGazetteer, tags: readonly string[],
  step: (fs: string[], s: number, i: number) => number,
): string[][] {
  const ctx = docContext(sentences);
  const memory = new Map<string, string>();
  const out: string[][] = [];
  for (let s = 0; s < sentences.length; s++) {
    const words = sentences[s]!;
    const gt = gazetteerTags(words, gaz);
    const caps = capsLine(words);
    const res: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const lw = words[i]!.toLowerCase();
      const fs = staticFeatures(words, i, gt, ctx, caps);
      for (const f of dynamicFeatures(words, i, res[i - 1] ?? '<s>', res[i - 2] ?? '<s>', memory.get(lw))) fs.push(f);
      const tag = tags[step(fs, s, i)]!;
      res.push(tag);
      if (/^\p{Lu}/u.test(words[i]!)) memory.set(lw, typeOf(tag));
    }
    out.push(res);
  }
  return out;
}

export class NameTagger {
  private readonly model: Perceptron;
  constructor(model: Perceptron, private readonly gaz: NameGazetteer) { this.model = model; }
  /** BIO tags of each sentence's words, with each word's margin of its tag over O. */
  tagWithMargins(sentences: readonly (readonly string[])[]): { tags: string[][]; margins: number[][] } {
    const tags = this.model.file.tags;
    const scores = new Float64Array(tags.length);
    const margins: number[][] = sentences.map(() => []);
    const out = walkDocument(sentences, this.gaz, tags, (fs, s) => {
      this.model.scores(fs, scores);
      let best = 0;
      for (let c = 1; c < tags.length; c++) if (scores[c]! > scores[best]!) best = c;
      margins[s]!.push(scores[best]! - scores[0]!);
      return best;
    });
    return { tags: out, margins };
  }
  tag(sentences: readonly (readonly string[])[]): string[][] { return this.tagWithMargins(sentences).tags; }
  /** Name spans of each sentence. */
  spans(sentences: readonly (readonly string[])[]): NameSpan[] {
    const { tags, margins } = this.tagWithMargins(sentences);
    return tags.flatMap((t, s) => spansOf(t).map((x) => {
      let margin = Infinity;
      for (let i = x.from; i < x.to; i++) margin = Math.min(margin, margins[s]![i]!);
      return { sentence: s, ...x, margin };
    }));
  }
}

/** Spans of a BIO tag sequence; a stray I-X opens a new X. */
export function spansOf(tags: readonly string[]): { from: number; to: number; cls: string }[] {
  const out: { from: number; to: number; cls: string }[] = [];
  let cur: { from: number; cls: string } | null = null;
  for (let i = 0; i <= tags.length; i++) {
    const t = tags[i] ?? 'O';
    const cls = t === 'O' ? null : t.slice(2);
    if (cur && (t === 'O' || t.startsWith('B-') || cls !== cur.cls)) { out.push({ from: cur.from, to: i, cls: cur.cls }); cur = null; }
    if (cls && !cur) cur = { from: i, cls };
  }
  return out;
}
