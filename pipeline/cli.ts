/**
 * `make dataset` entry point: the only file touching argv, the file system,
 * the environment and the exit status.
 *
 *   tsx pipeline/cli.ts --raw raw --out output [--max-bytes N] [--max-chars N] [--list-removed] [--quiet]
 *                       [--jobs N] [--cache DIR | --no-cache] [--shard i/N --shard-dir DIR | --merge DIR]
 *
 * --jobs: worker threads for the per-article work (default: one per core from
 * 10 MB of input, else 1 = everything in this thread). --cache: the
 * per-article cache (default .cache beside pipeline/; see
 * pipeline/cache/store.ts). --shard i/N: only the per-article stages on
 * shard i of N, results to --shard-dir; --merge DIR: a full build that reuses
 * the shard results in DIR (pipeline/parallel/shard.ts, docs/scale.md).
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cacheProblem, pipelineVersion } from './cache/store.ts';
import { CacheWriter } from './cache/writer.ts';
import { itemRunner } from './parallel/items.ts';
import { defaultJobs, WorkerPool } from './parallel/pool.ts';
import { parseShard, readShards, shardOf, writeShard } from './parallel/shard.ts';
import { defaultConfig, OPTIONAL_FORMATS, type Config, type OptionalFormat } from './config.ts';
import { readRaw } from './io/read-raw.ts';
import { progressMeter } from './progress.ts';
import { readPrevious } from './io/previous.ts';
import { checkOutput, checkRoom, lockOutput, openOutput, OutputRefused, recoverOutput } from './io/write-output.ts';
import { PipelineError, UsageError } from './issues.ts';
import { buildDatasetAsync, buildShard } from './run.ts';
import { normalize } from './stages/01-normalize.ts';

const USAGE =
  'usage: tsx pipeline/cli.ts --raw <input folder> --out <output folder> [--formats LIST] [--no-text] [--max-bytes N] [--max-chars N] [--list-removed] [--quiet | --verbose] [--jobs N] [--cache DIR | --no-cache] [--shard i/N --shard-dir DIR | --merge DIR]' +
  `\n  --formats: optional formats beside the CSV tables, datapackage.json, codebook and quality.json, comma separated (default all: ${OPTIONAL_FORMATS.join(',')}; "none" for CSV only)` +
  '\n  --no-text: publish offsets and hashes without the article text (sentences, quotes, event sentences and summaries empty), for sources that may not be republished' +
  '\n  --out: a new or empty folder, or a previous output of this pipeline (never the input folder, a parent or a folder inside it); a lock .OUT.lock beside it keeps two runs apart' +
  '\n  progress per stage (items read, items per second, wall and CPU time) goes to stderr when it is a terminal or with --verbose; --quiet silences it; errors always show' +
  `\n  limits (over a limit an input is rejected as too-large, never truncated): --max-bytes N largest input file in bytes, for a JSONL feed largest line (default ${defaultConfig.maxBytes}), --max-chars N longest article text in characters (default ${defaultConfig.maxChars})` +
  `\n  --time-budget S: seconds one input may take in one stage (reading and parsing, cleaning, extraction; default ${defaultConfig.timeBudgetMs / 1000}, 0 for none); over it the input is interrupted and rejected as too-slow, and the build goes on`;

/** The project folder (cache default and pipeline version are relative to it, not to the working folder). */
const PROJECT = fileURLToPath(new URL('..', import.meta.url));

/**
 * A count option (--max-bytes, --max-chars, --jobs): digits only, "_" allowed
 * between groups (20_000_000), positive and a safe integer; "1e3", "0x10",
 * "12.0", "-5" and "" are usage errors, never a silent default.
 */
function positiveInt(name: string, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = /^\d+(?:_\d+)*$/.test(v.trim()) ? Number(v.trim().replace(/_/g, '')) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive integer, got "${v}"`);
  return n;
}

/** `--time-budget S`: seconds (a decimal number such as 90 or 0.5), 0 for no budget; in milliseconds, at least 1. */
function timeBudget(v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = /^\d+(?:\.\d+)?$/.test(v.trim()) ? Number(v.trim()) : NaN;
  if (!Number.isFinite(n)) throw new UsageError(`--time-budget takes seconds (a number such as 90 or 0.5, 0 for none), got "${v}"`);
  return n === 0 ? 0 : Math.max(1, Math.round(n * 1000));
}

/** `--formats arrow,parquet` (any of OPTIONAL_FORMATS, or "none"); absent = all. */
function parseFormats(v: string | undefined): readonly OptionalFormat[] {
  if (v === undefined) return OPTIONAL_FORMATS;
  const items = v
    .split(',')
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);
  if (items.length === 1 && items[0] === 'none') return [];
  const bad = items.filter((x) => !(OPTIONAL_FORMATS as readonly string[]).includes(x));
  if (bad.length || items.length === 0) throw new UsageError(`--formats takes ${OPTIONAL_FORMATS.join(', ')} or none, got "${v}"`);
  return OPTIONAL_FORMATS.filter((f) => items.includes(f));
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      raw: { type: 'string', default: 'raw' },
      out: { type: 'string', default: 'output' },
      'max-bytes': { type: 'string' },
      'max-chars': { type: 'string' },
      'time-budget': { type: 'string' },
      'list-removed': { type: 'boolean', default: false },
      'no-text': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      formats: { type: 'string' },
      jobs: { type: 'string' },
      cache: { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
      shard: { type: 'string' },
      'shard-dir': { type: 'string' },
      merge: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config: Config = {
    ...defaultConfig,
    maxBytes: positiveInt('max-bytes', values['max-bytes'], defaultConfig.maxBytes),
    maxChars: positiveInt('max-chars', values['max-chars'], defaultConfig.maxChars),
    timeBudgetMs: timeBudget(values['time-budget'], defaultConfig.timeBudgetMs),
    formats: parseFormats(values.formats),
    noText: values['no-text'] ?? false,
  };
  if (values.quiet && values.verbose) throw new UsageError('--quiet and --verbose are opposites: give one');
  const showProgress = values.verbose || (!values.quiet && process.stderr.isTTY === true);
  // inside a stage: items done, items/s and ETA on one line rewritten in place, on a terminal only
  const meter = !values.quiet && process.stderr.isTTY === true ? progressMeter((t) => process.stderr.write(t)) : null;
  const log =
    showProgress || values['list-removed']
      ? (m: string) => {
          meter?.clear();
          process.stderr.write(`${m}\n`);
        }
      : () => {};
  const raw = values.raw!;
  const out = values.out!;
  // OUT is checked and locked before anything else: a refused or unwritable OUT costs no build, and a kill
  // of an earlier run between its publishing renames is repaired now, before this run can fail
  const publishes = values.shard === undefined;
  if (publishes) checkOutput(out, raw);
  const lock = publishes ? lockOutput(out, process.pid) : null;
  if (publishes) await recoverOutput(out);
  const onSignal = (sig: NodeJS.Signals) => {
    lock?.release();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  log(`reading ${raw}`);
  const { files, manifest, issues } = await readRaw(raw, config.maxBytes);
  if (files.length === 0) throw new UsageError(`no input files in "${raw}": nothing to publish (${out} left as it was)`);
  // default: one worker per core when the input is large enough to repay starting them (pipeline/parallel/pool.ts)
  const inputBytes = files.reduce((n, f) => n + f.size, 0);
  // the output is a few times the input at most (CSV + Arrow + Parquet + xlsx + report); a rough floor
  if (publishes) checkRoom(out, 4 * inputBytes + 8 * 1024 * 1024);
  const jobs = positiveInt('jobs', values.jobs, defaultJobs(inputBytes));
  const version = pipelineVersion(PROJECT);
  let cache = values['no-cache'] ? null : { root: values.cache ?? `${PROJECT}.cache`, version };
  const cacheBad = cache ? cacheProblem(cache.root, version) : null;
  if (cache && cacheBad) {
    // a damaged cache (a file where its folder is, a link loop) is skipped, never fatal: it only saves time
    process.stderr.write(`warning: the cache "${cache.root}" cannot be used (${cacheBad}): building without it\n`);
    cache = null;
  }
  const shard = values.shard === undefined ? null : parseShard(values.shard);
  if (shard && !values['shard-dir']) throw new UsageError('--shard needs --shard-dir <folder for the shard results>');
  if (shard && values.merge !== undefined) throw new UsageError('--shard and --merge are separate runs');
  const preloaded = values.merge === undefined ? undefined : readShards(values.merge, version).results;
  const recorded: { task: string; key: string; result: unknown }[] = [];
  const onTask = (task: string, c: { reused: number; worked: number }) => log(`${task}: ${c.worked} item(s) worked, ${c.reused} reused (cache or shards)`);
  // the pool starts while the inputs are normalized on this thread; workers load the extractors meanwhile
  const pool = jobs > 1 ? new WorkerPool(jobs, { budgetMs: config.timeBudgetMs }) : null;
  const writer = cache ? new CacheWriter() : null;
  const stop = async () => {
    await pool?.close();
    await writer?.close();
  };
  const items = itemRunner({
    pool,
    cache,
    config,
    onTask,
    ...(meter ? { onProgress: meter.update } : {}),
    ...(writer ? { writer } : {}),
    ...(preloaded ? { preloaded } : {}),
    ...(shard ? { record: (task: string, key: string, result: unknown) => void recorded.push({ task, key, result }) } : {}),
  });
  if (shard) {
    try {
      const mine = files.filter((f) => shardOf(f.path, shard.count) === shard.index);
      log(`shard ${shard.index}/${shard.count}: ${mine.length} of ${files.length} input file(s)`);
      if (mine.length) await buildShard({ files: mine, manifest }, config, items, log);
    } finally {
      await stop();
    }
    const path = writeShard(values['shard-dir']!, shard, version, recorded);
    log(`wrote ${path}: ${recorded.length} per-item result(s)`);
    return 0;
  }
  // the previous output in OUT, for the changes table (an interrupted swap is put back first)
  await recoverOutput(out);
  const previous = readPrevious(out);
  let result;
  // the files go into the temporary output folder as publish makes them; the swap into OUT comes after the build
  const output = await openOutput(out, process.pid);
  try {
    result = await buildDatasetAsync({ files, manifest }, config, items, issues, log, { previous }, (name, bytes) => output.put(name, bytes));
  } catch (e) {
    await output.abort();
    lock?.release();
    throw e;
  } finally {
    await stop();
  }
  if (values['list-removed']) {
    // debug listing: normalize is pure, so running it again gives the same documents with their removed lines
    const byReason: Record<string, number> = {};
    for (const d of normalize.run({ files, manifest }, config).data.documents) {
      log(`${d.article.source_path}: ${d.removed.length} line(s) removed`);
      for (const r of d.removed) {
        byReason[r.reason] = (byReason[r.reason] ?? 0) + 1;
        log(`  line ${r.line + 1} [${r.reason}] ${r.text}`);
      }
    }
    log(
      `removed by reason: ${
        Object.entries(byReason)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, n]) => `${k} ${n}`)
          .join(', ') || 'none'
      }`,
    );
  }
  try {
    await output.commit();
  } finally {
    lock?.release();
  }
  const q = result.quality;
  log(
    `published ${out}: ${q.inputs.articles} articles (${q.inputs.duplicates} duplicates), ${q.inputs.rejects} rejects, ${Object.entries(q.tables)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    // parseArgs' own errors (an unknown option, "--max-chars -5" read as a missing value) are usage errors too
    const parseError = String((e as NodeJS.ErrnoException)?.code ?? '').startsWith('ERR_PARSE_ARGS');
    if (e instanceof OutputRefused) {
      process.stderr.write(`error: ${(e as Error).message}\n`);
      process.exit(2);
    }
    if (e instanceof UsageError || parseError) {
      process.stderr.write(`error: ${parseError ? (e as Error).message.split('\n')[0] : (e as Error).message}\n${USAGE}\n`);
      process.exit(2);
    }
    if (e instanceof PipelineError) {
      process.stderr.write(`pipeline error: ${e.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
