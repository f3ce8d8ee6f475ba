/**
 * `make bench`: speed and memory of the whole pipeline on the bench corpora
 * and synthetic scale-ups, each run in its own process (so peak RSS is its
 * own), with a baseline measured in the same run (Intl.Segmenter sentence
 * segmentation over the same text) so figures compare across machines.
 * Prints a table and writes BENCHMARKS.md. No assertions: figures only.
 *
 *   tsx bench/run.ts --corpora ../shared/corpora [--scales 1,5,20] [--out BENCHMARKS.md]
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { defaultConfig } from '../pipeline/config.ts';
import { buildDataset } from '../pipeline/run.ts';
import { asRawFiles, loadCorpora, scaleUp } from './corpus.ts';

interface Result {
  scale: number;
  articles: number;
  mb: number;
  wallS: number;
  stages: Record<string, number>;
  peakRssMb: number;
  baselineS: number;
  rows: Record<string, number>;
}

function child(corpora: string, scale: number): Result {
  const articles = scaleUp(loadCorpora(corpora), scale);
  const files = asRawFiles(articles);
  const bytes = files.reduce((n, f) => n + f.size, 0);
  const texts = articles.map((a) => `${a.title}\n\n${a.text}`);
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  const b0 = performance.now();
  let sentences = 0;
  for (const t of texts) for (const _ of seg.segment(t)) sentences++;
  const baselineS = (performance.now() - b0) / 1000;
  const stages: Record<string, number> = {};
  const t0 = performance.now();
  const { quality } = buildDataset({ files, manifest: [] }, defaultConfig, [], (m) => {
    const hit = /^(\d\d-[a-z-]+):.*\[(\d+) ms\]$/.exec(m);
    if (hit) stages[hit[1]!] = Number(hit[2]) / 1000;
  });
  const wallS = (performance.now() - t0) / 1000;
  return { scale, articles: articles.length, mb: bytes / 1e6, wallS, stages, peakRssMb: process.resourceUsage().maxRSS / 1024, baselineS: baselineS || 1e-9, rows: quality.tables };
}

function main() {
  const { values } = parseArgs({ options: { corpora: { type: 'string', default: '../shared/corpora' }, scales: { type: 'string', default: '1,5,20' }, out: { type: 'string', default: 'BENCHMARKS.md' }, child: { type: 'string' } } });
  if (values.child) {
    process.stdout.write(JSON.stringify(child(values.corpora!, Number(values.child))));
    return;
  }
  const results: Result[] = [];
  for (const scale of values.scales!.split(',').map(Number)) {
    process.stderr.write(`bench: ×${scale} ...\n`);
    const r = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', import.meta.filename, '--corpora', values.corpora!, '--child', String(scale)], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) {
      process.stderr.write(`bench: ×${scale} failed (status ${r.status}):\n${r.stderr.slice(-3000)}\n`);
      continue;
    }
    results.push(JSON.parse(r.stdout) as Result);
  }
  const stageNames = [...new Set(results.flatMap((r) => Object.keys(r.stages)))].sort();
  const head = ['scale', 'articles', 'MB', 'wall s', 'articles/s', 'MB/s', 'peak RSS MB', 'baseline s', '× baseline', ...stageNames.map((s) => `${s} s`)];
  const lines = results.map((r) => [
    `×${r.scale}`, r.articles, r.mb.toFixed(1), r.wallS.toFixed(2), Math.round(r.articles / r.wallS), (r.mb / r.wallS).toFixed(2), Math.round(r.peakRssMb), r.baselineS.toFixed(2), (r.wallS / r.baselineS).toFixed(1), ...stageNames.map((s) => (r.stages[s] ?? 0).toFixed(2)),
  ].join(' | '));
  const base = results.find((r) => r.scale === 1);
  const growth = base ? results.filter((r) => r.scale !== 1).map((r) => `×${r.scale} took ${(r.wallS / base.wallS).toFixed(1)}× the ×1 time`).join('; ') : '';
  const table = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...lines.map((l) => `| ${l} |`)].join('\n');
  const md = [
    '# Benchmarks',
    '',
    'Produced by `make bench` (bench/run.ts): the whole pipeline in one process per run, on the bench corpora of `../shared/corpora` (read in place, never copied) and deterministic synthetic scale-ups (mixed paragraphs plus ~5% planted near-duplicate reprints). "× baseline" divides wall time by the time Intl.Segmenter takes to segment the same text into sentences in the same run, so figures compare across machines.',
    '',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}.`,
    '',
    table,
    '',
    growth ? `Growth: ${growth}.` : '',
    '',
  ].join('\n');
  writeFileSync(values.out!, md);
  process.stdout.write(`${table}\n${growth}\n`);
}

main();
