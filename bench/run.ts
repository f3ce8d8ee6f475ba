/**
 * `make bench`: speed and memory of the whole pipeline on the bench corpora
 * and synthetic scale-ups, each run in its own process (so peak RSS is its
 * own), with a baseline measured in the same run (Intl.Segmenter sentence
 * segmentation over the same text) so figures compare across machines.
 * Prints a table and writes BENCHMARKS.md (with the hand-written profile
 * notes of bench/profile.md). No assertions: figures only.
 *
 * Each run is a clean build as `make dataset` does it: a worker pool of one
 * thread per core for the per-article work and a fresh per-article cache
 * (written, not read). At ×1 it then adds one article and builds again on the
 * warm cache: the incremental rebuild time.
 *
 *   tsx bench/run.ts --corpora ../shared/corpora [--scales 1,5,20] [--jobs N] [--out BENCHMARKS.md]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pipelineVersion } from '../pipeline/cache/store.ts';
import { CacheWriter } from '../pipeline/cache/writer.ts';
import { defaultConfig } from '../pipeline/config.ts';
import { itemRunner } from '../pipeline/parallel/items.ts';
import { defaultJobs, WorkerPool } from '../pipeline/parallel/pool.ts';
import { buildDatasetAsync } from '../pipeline/run.ts';
import { asRawFiles, loadCorpora, scaleUp } from './corpus.ts';

interface Result {
  scale: number;
  articles: number;
  mb: number;
  wallS: number;
  stages: Record<string, number>;
  stageCpu: Record<string, number>;
  peakRssMb: number;
  baselineS: number;
  cpuS: number;
  jobs: number;
  rows: Record<string, number>;
  /** ×1 only: one article added, rebuilt on the warm cache. */
  incremental?: { wallS: number; worked: number; reused: number };
}

const PROJECT = join(import.meta.dirname, '..');

async function child(corpora: string, scale: number, jobsOption: number): Promise<Result> {
  const articles = scaleUp(loadCorpora(corpora), scale);
  const files = asRawFiles(articles);
  const bytes = files.reduce((n, f) => n + f.size, 0);
  const jobs = jobsOption || defaultJobs(bytes);
  const texts = articles.map((a) => `${a.title}\n\n${a.text}`);
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  const b0 = performance.now();
  let sentences = 0;
  for (const t of texts) for (const _ of seg.segment(t)) sentences++;
  const baselineS = (performance.now() - b0) / 1000;
  if (sentences === 0) throw new Error('bench: the corpora have no text');
  const stages: Record<string, number> = {};
  const stageCpu: Record<string, number> = {};
  const progress = (m: string) => {
    const hit = /^(\d\d-[a-z-]+):.*\[(\d+) ms, cpu (\d+) ms\]$/.exec(m);
    if (hit) {
      stages[hit[1]!] = Number(hit[2]) / 1000;
      stageCpu[hit[1]!] = Number(hit[3]) / 1000;
    }
  };
  const cacheRoot = mkdtempSync(join(tmpdir(), 'bench-cache-'));
  const cache = { root: cacheRoot, version: pipelineVersion(PROJECT) };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const pool = jobs > 1 ? new WorkerPool(jobs) : null;
  const writer = new CacheWriter();
  try {
    const { quality } = await buildDatasetAsync(
      { files, manifest: [] },
      defaultConfig,
      itemRunner({ pool, cache, config: defaultConfig, writer }),
      [],
      progress,
    );
    await writer.flush();
    const wallS = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const result: Result = {
      scale,
      articles: articles.length,
      mb: bytes / 1e6,
      wallS,
      stages,
      stageCpu,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      baselineS: baselineS || 1e-9,
      cpuS: (cpu.user + cpu.system) / 1e6,
      jobs,
      rows: quality.tables,
    };
    if (scale === 1) {
      // one more article (a mix of paragraphs no original has), then the same build on the warm cache
      const extra = scaleUp(loadCorpora(corpora), 2)[articles.length + 1]!;
      const plus = asRawFiles([...articles, { title: `Added: ${extra.title}`, text: extra.text }]);
      let counts = { reused: 0, worked: 0 };
      const t1 = performance.now();
      await buildDatasetAsync(
        { files: plus, manifest: [] },
        defaultConfig,
        itemRunner({ pool, cache, config: defaultConfig, writer, onTask: (_t, c) => (counts = c) }),
        [],
        () => {},
      );
      await writer.flush();
      result.incremental = { wallS: (performance.now() - t1) / 1000, ...counts };
    }
    return result;
  } finally {
    await pool?.close();
    await writer.close();
    rmSync(cacheRoot, { recursive: true, force: true });
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      corpora: { type: 'string', default: '../shared/corpora' },
      scales: { type: 'string', default: '1,5,20' },
      out: { type: 'string', default: 'BENCHMARKS.md' },
      child: { type: 'string' },
      jobs: { type: 'string' },
    },
  });
  // --jobs N: that many workers at every scale; default: what `make dataset` would use for each scale's input
  const jobs = values.jobs ? Number(values.jobs) : 0;
  if (values.child) {
    process.stdout.write(JSON.stringify(await child(values.corpora!, Number(values.child), jobs)));
    return;
  }
  const results: Result[] = [];
  const failures: string[] = [];
  for (const scale of values.scales!.split(',').map(Number)) {
    process.stderr.write(`bench: ×${scale} ...\n`);
    const r = spawnSync(
      process.execPath,
      ['--max-old-space-size=8192', '--import', 'tsx', import.meta.filename, '--corpora', values.corpora!, '--child', String(scale), '--jobs', String(jobs)],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    if (r.status !== 0) {
      process.stderr.write(`bench: ×${scale} failed (status ${r.status}):\n${r.stderr.slice(-3000)}\n`);
      const why = r.stderr.split('\n').find((l) => /Error/.test(l)) ?? `status ${r.status}`;
      failures.push(`×${scale} did not finish: ${why.trim()}`);
      continue;
    }
    results.push(JSON.parse(r.stdout) as Result);
  }
  const stageNames = [...new Set(results.flatMap((r) => Object.keys(r.stages)))].sort();
  const head = [
    'scale',
    'jobs',
    'articles',
    'MB',
    'wall s',
    'articles/s',
    'MB/s',
    'MB/s per core',
    'CPU s',
    'peak RSS MB',
    'baseline s',
    '× baseline',
    ...stageNames.map((s) => `${s} s`),
  ];
  const lines = results.map((r) =>
    [
      `×${r.scale}`,
      r.jobs,
      r.articles,
      r.mb.toFixed(1),
      r.wallS.toFixed(2),
      Math.round(r.articles / r.wallS),
      (r.mb / r.wallS).toFixed(2),
      (r.mb / r.wallS / Math.max(1, r.jobs)).toFixed(2),
      r.cpuS.toFixed(1),
      Math.round(r.peakRssMb),
      r.baselineS.toFixed(2),
      (r.wallS / r.baselineS).toFixed(1),
      ...stageNames.map((s) => (r.stages[s] ?? 0).toFixed(2)),
    ].join(' | '),
  );
  const cpuHead = ['scale', ...stageNames.map((s) => `${s} CPU s`), 'total CPU s'];
  const cpuTable = [
    `| ${cpuHead.join(' | ')} |`,
    `|${cpuHead.map(() => '---').join('|')}|`,
    ...results.map((r) => `| ×${r.scale} | ${stageNames.map((s) => (r.stageCpu[s] ?? 0).toFixed(2)).join(' | ')} | ${r.cpuS.toFixed(1)} |`),
  ].join('\n');
  const inc = results.find((r) => r.incremental);
  const incremental = inc?.incremental
    ? `Incremental (×1 plus one article, warm cache): ${inc.incremental.wallS.toFixed(2)} s, ${inc.incremental.worked} article(s) extracted, ${inc.incremental.reused} from the cache (clean build ${inc.wallS.toFixed(2)} s).`
    : '';
  let notes = '';
  try {
    notes = readFileSync(join(import.meta.dirname, 'profile.md'), 'utf8');
  } catch {
    notes = '';
  }
  const base = results.find((r) => r.scale === 1);
  const growth = base
    ? results
        .filter((r) => r.scale !== 1)
        .map(
          (r) =>
            `×${r.scale} (${(r.mb / base.mb).toFixed(1)}× the bytes) took ${(r.wallS / base.wallS).toFixed(1)}× the ×1 wall time and ${(r.cpuS / base.cpuS).toFixed(1)}× its CPU time`,
        )
        .join('; ')
    : '';
  const table = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...lines.map((l) => `| ${l} |`)].join('\n');
  const md = [
    '# Benchmarks',
    '',
    'Produced by `make bench` (bench/run.ts): the whole pipeline in one process per run, on the bench corpora of `../shared/corpora` (read in place, never copied) and deterministic synthetic scale-ups (articles as long as the originals made of rewritten paragraphs of several originals, plus ~5% planted near-duplicate reprints; bench/corpus.ts). "× baseline" divides wall time by the time Intl.Segmenter takes to segment the same text into sentences in the same run, so figures compare across machines.',
    '',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; worker threads for the per-article work as \`make dataset\` chooses them (column "jobs": one per core from 10 MB of input). "CPU s" is user + system time of all threads; "MB/s per core" divides MB/s by the cores used (the jobs). Wall times depend on what else the machine runs: "× baseline" corrects for that.`,
    '',
    table,
    '',
    'CPU time by stage (all threads; wall time on a busy machine grows, this does not):',
    '',
    cpuTable,
    '',
    growth ? `Growth: ${growth}.` : '',
    '',
    incremental,
    '',
    ...failures.map((f) => `${f}\n`),
    notes,
  ].join('\n');
  writeFileSync(values.out!, md);
  process.stdout.write(`${table}\n\n${cpuTable}\n${growth}\n${incremental}\n`);
}

await main();
