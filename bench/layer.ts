/**
 * The linguistic layer's own cost: `annotate` over the bench corpora on one
 * thread (cleaned text and sentences as 01-normalize makes them), in MB of
 * text per second, after a warm-up pass. Figures only, no assertions.
 *
 *   tsx bench/layer.ts --corpora ../shared/corpora [--only bbc-news-2225]
 */
import { parseArgs } from 'node:util';
import { defaultConfig } from '../pipeline/config.ts';
import { runStage } from '../pipeline/stage.ts';
import { normalize } from '../pipeline/stages/01-normalize.ts';
import { findDatesEachWay } from '../pipeline/lib/temporal.ts';
import { annotate } from '../pipeline/nlp/document.ts';
import { asRawFiles, loadCorpora } from './corpus.ts';

const { values } = parseArgs({
  options: {
    corpora: { type: 'string', default: '../shared/corpora' },
    only: { type: 'string', default: 'bbc-news-2225' },
    passes: { type: 'string', default: '2' },
  },
});
const files = asRawFiles(loadCorpora(values.corpora!, values.only!));
const docs = runStage(normalize, { files, manifest: [] }, defaultConfig).data.documents;
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
const t0 = performance.now();
annotate(docs[0]!);
const load = performance.now() - t0;
let tokens = 0;
const times: number[] = [];
const cpus: number[] = [];
for (let p = 0; p < Number(values.passes); p++) {
  const t = performance.now();
  const c = process.cpuUsage();
  tokens = 0;
  for (const d of docs) tokens += annotate(d).tokens.length;
  times.push((performance.now() - t) / 1000);
  const used = process.cpuUsage(c);
  cpus.push((used.user + used.system) / 1e6);
}
// of which dates: the chrono pass over every sentence, alone
const c0 = process.cpuUsage();
for (const d of docs) for (const s of d.sentences) findDatesEachWay(s.text, d.article.published_date);
const dc = process.cpuUsage(c0);
const datesCpu = (dc.user + dc.system) / 1e6;
const best = Math.min(...times);
const cpu = Math.min(...cpus);
// CPU time (garbage collection included) is steadier than wall time on a shared machine
console.log(
  `layer: ${docs.length} articles, ${(bytes / 1e6).toFixed(2)} MB, ${tokens} tokens; first call (model load) ${Math.round(load)} ms; annotate wall ${best.toFixed(2)} s = ${(bytes / 1e6 / best).toFixed(2)} MB/s, CPU ${cpu.toFixed(2)} s = ${(bytes / 1e6 / cpu).toFixed(2)} MB/s per CPU second (best of ${times.length} passes, one thread); of which dates about ${datesCpu.toFixed(2)} CPU s`,
);
