/**
 * The name tagger's cost per MB on a JSONL news corpus (one {"text": ...}
 * per line): tokens per second and MB per second of the tokenizer plus the
 * tagger, model loading excluded (reported apart), in CPU time (wall time
 * on a shared machine says more about the neighbours). `make bench-ner`.
 *
 *   tsx bench/ner-speed.ts --corpus <file.jsonl>
 */
import { readFileSync } from 'node:fs';
import { projectTagger } from '../pipeline/extract/actors/ner/model.ts';
import { tokenizeRange } from '../pipeline/extract/actors/ner/tokens.ts';

const args = process.argv.slice(2);
const file = args[args.indexOf('--corpus') + 1]!;
const texts = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text);
const t0 = process.hrtime.bigint();
const tagger = projectTagger();
const load = Number(process.hrtime.bigint() - t0) / 1e9;
let tokens = 0,
  bytes = 0,
  names = 0,
  tagCpu = 0;
const t1 = process.hrtime.bigint();
const c1 = process.cpuUsage();
for (const text of texts) {
  bytes += Buffer.byteLength(text);
  const sents: string[][] = [];
  for (const m of text.matchAll(/[^\n]+/g)) sents.push(tokenizeRange(text, m.index, m.index + m[0].length, sents.length).map((t) => t.text));
  for (const s of sents) tokens += s.length;
  const ct = process.cpuUsage();
  names += tagger.spans(sents).length;
  const u = process.cpuUsage(ct);
  tagCpu += (u.user + u.system) / 1e6;
}
const secs = Number(process.hrtime.bigint() - t1) / 1e9;
const cpu = (() => {
  const u = process.cpuUsage(c1);
  return (u.user + u.system) / 1e6;
})();
process.stdout.write(
  `ner tagger: ${texts.length} articles, ${(bytes / 1e6).toFixed(2)} MB, ${tokens} tokens, ${names} names in ${secs.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU: ${Math.round(tokens / cpu)} tokens per CPU second, ${(cpu / (bytes / 1e6)).toFixed(2)} CPU s per MB; the tagger alone ${tagCpu.toFixed(2)} s CPU, ${(tagCpu / (bytes / 1e6)).toFixed(2)} s per MB (model load ${load.toFixed(2)} s)\n`,
);
