/**
 * The name tagger alone on CoNLL-style raw stories (to-raw.py output): tags
 * every paragraph as one sentence and writes score.py's --pred-json file.
 * Prints the tagger's speed (tokens/s, MB/s) on stderr.
 *
 *   tsx bench/ner-conll.ts --raw /tmp/conll-dev/raw --out /tmp/ner-pred.json
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectTagger } from '../pipeline/extract/actors/ner/model.ts';
import { tokenizeRange, type Token } from '../pipeline/extract/actors/ner/tokens.ts';

const args = process.argv.slice(2);
const arg = (k: string) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : undefined;
};
const raw = arg('--raw')!,
  out = arg('--out')!,
  minMargin = Number(arg('--min-margin') ?? '-Infinity');
const tagger = projectTagger();
const documents: Record<string, { start: number; end: number; cls: string; text: string; label: string }[]> = {};
let tokens = 0,
  bytes = 0;
const t0 = process.hrtime.bigint();
for (const name of readdirSync(raw)
  .filter((f) => f.endsWith('.txt'))
  .sort()) {
  const text = readFileSync(join(raw, name), 'utf8');
  bytes += Buffer.byteLength(text);
  const sents: Token[][] = [];
  for (const m of text.matchAll(/[^\n]+/g)) sents.push(tokenizeRange(text, m.index, m.index + m[0].length, sents.length));
  tokens += sents.reduce((a, s) => a + s.length, 0);
  const spans = tagger.spans(sents.map((s) => s.map((t) => t.text)));
  documents[name] = spans
    .filter((x) => (x.cls === 'PER' || x.cls === 'ORG') && x.margin >= minMargin)
    .map((x) => {
      const s = sents[x.sentence]!;
      const start = s[x.from]!.start,
        end = s[x.to - 1]!.end;
      return { start, end, cls: x.cls, text: text.slice(start, end), label: x.cls };
    });
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
process.stderr.write(
  `${tokens} tokens, ${(bytes / 1e6).toFixed(2)} MB in ${secs.toFixed(2)} s: ${Math.round(tokens / secs)} tokens/s, ${(bytes / 1e6 / secs).toFixed(2)} MB/s\n`,
);
writeFileSync(out, JSON.stringify({ system: 'ner-tagger', documents }));
