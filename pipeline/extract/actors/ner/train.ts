/**
 * `make train`: trains the name tagger on a CoNLL-2003 file and writes the
 * weights (models/ner-en.json). Byte for byte reproducible: fixed feature
 * order, fixed-seed shuffle, weights rounded to 1/1000, tiny ones pruned,
 * keys sorted. The training text is read, never copied.
 *
 *   tsx pipeline/extract/actors/ner/train.ts --conll <train.txt> --out models/ner-en.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { wordFeatures, type NameGazetteer, type Words } from './features.ts';
import { Trainer, shuffled, type ModelFile } from './perceptron.ts';
import { walkDocument } from './tagger.ts';

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;

export interface TrainOptions {
  readonly iterations: number;
  readonly seed: number;
  readonly minCount: number;
  readonly scale: number;
  readonly minAbs: number;
}
export const DEFAULT_OPTIONS: TrainOptions = { iterations: 10, seed: 2003, minCount: 2, scale: 1000, minAbs: 5 };

interface Doc {
  readonly words: string[][];
  readonly tags: string[][];
}

/** Documents of a CoNLL file (-DOCSTART- lines), sentences by blank lines; IOB1 or IOB2 tags read as IOB2. */
export function readConll(text: string): Doc[] {
  const docs: Doc[] = [];
  let doc: Doc = { words: [], tags: [] };
  let w: string[] = [],
    t: string[] = [];
  const endSentence = () => {
    if (w.length) {
      doc.words.push(w);
      doc.tags.push(toIob2(t));
    }
    w = [];
    t = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('-DOCSTART-')) {
      endSentence();
      if (doc.words.length) docs.push(doc);
      doc = { words: [], tags: [] };
      continue;
    }
    if (!line.trim()) {
      endSentence();
      continue;
    }
    const cols = line.split(' ');
    w.push(cols[0]!);
    t.push(cols[cols.length - 1]!);
  }
  endSentence();
  if (doc.words.length) docs.push(doc);
  return docs;
}

const toIob2 = (tags: readonly string[]): string[] =>
  tags.map((tag, i) => {
    if (!tag.startsWith('I-')) return tag;
    const prev = tags[i - 1] ?? 'O';
    return prev === 'O' || prev.slice(2) !== tag.slice(2) ? `B-${tag.slice(2)}` : tag;
  });

/** Every feature of word i: its own (wordFeatures) first, then its context's. */
const withWord = (fs: readonly string[], x: Words, i: number): string[] => [...wordFeatures(x.words[i]!, x.lower[i]!, x.shapes[i]!), ...fs];

export function trainModel(docs: readonly Doc[], gaz: NameGazetteer, opt: TrainOptions = DEFAULT_OPTIONS): ModelFile {
  const index = new Map<string, number>(TAGS.map((t, i) => [t, i]));
  const gold = (d: Doc, s: number, i: number) => index.get(d.tags[s]![i]!) ?? 0;
  // features seen at least minCount times along the gold path
  const counts = new Map<string, number>();
  for (const d of docs)
    walkDocument(d.words, gaz, TAGS, (fs, x, s, i) => {
      for (const f of withWord(fs, x, i)) counts.set(f, (counts.get(f) ?? 0) + 1);
      return gold(d, s, i);
    });
  const trainer = new Trainer(
    TAGS,
    [...counts].filter(([, c]) => c >= opt.minCount).map(([f]) => f),
  );
  counts.clear();
  const ids: number[] = [];
  const scores = new Float64Array(TAGS.length);
  for (let it = 0; it < opt.iterations; it++) {
    let wrong = 0,
      all = 0;
    for (const d of shuffled(docs, opt.seed + it)) {
      walkDocument(d.words, gaz, TAGS, (fs, x, s, i) => {
        ids.length = 0;
        trainer.idsOf(withWord(fs, x, i), ids);
        const guess = trainer.predict(ids, scores);
        const truth = gold(d, s, i);
        trainer.update(ids, truth, guess);
        all++;
        if (guess !== truth) wrong++;
        return guess;
      });
    }
    process.stderr.write(`iteration ${it + 1}: ${(1 - wrong / all).toFixed(4)} token accuracy on the training data\n`);
  }
  return trainer.export(opt.scale, opt.minAbs);
}

/** The model file's text: one feature per line, keys sorted (export order). */
export function serializeModel(m: ModelFile): string {
  const lines = Object.entries(m.weights).map(([f, row]) => `${JSON.stringify(f)}:${JSON.stringify(row)}`);
  return `{"format":${JSON.stringify(m.format)},"tags":${JSON.stringify(m.tags)},"scale":${m.scale},"weights":{\n${lines.join(',\n')}\n}}\n`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (k: string) => {
    const i = args.indexOf(k);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const conll = arg('--conll'),
    out = arg('--out');
  if (!conll || !out) {
    process.stderr.write('usage: train.ts --conll <train.txt> --out <model.json>\n');
    process.exit(2);
  }
  const { projectGazetteer } = await import('./model.ts');
  const docs = readConll(readFileSync(conll, 'utf8'));
  const model = trainModel(docs, projectGazetteer());
  writeFileSync(out, serializeModel(model));
  process.stderr.write(`${out}: ${Object.keys(model.weights).length} features\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
