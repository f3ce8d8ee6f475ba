/**
 * `make dataset` entry point: the only file touching argv, the file system,
 * the environment and the exit status.
 *
 *   tsx pipeline/cli.ts --raw raw --out output [--max-bytes N] [--max-chars N] [--list-removed] [--quiet]
 */
import { parseArgs } from 'node:util';
import { defaultConfig, type Config } from './config.ts';
import { readRaw } from './io/read-raw.ts';
import { writeOutput } from './io/write-output.ts';
import { PipelineError, UsageError } from './issues.ts';
import { buildDataset } from './run.ts';
import { normalize } from './stages/01-normalize.ts';

const USAGE = 'usage: tsx pipeline/cli.ts --raw <input folder> --out <output folder> [--max-bytes N] [--max-chars N] [--list-removed] [--quiet]';

function positiveInt(name: string, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive integer, got "${v}"`);
  return n;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      raw: { type: 'string', default: 'raw' },
      out: { type: 'string', default: 'output' },
      'max-bytes': { type: 'string' },
      'max-chars': { type: 'string' },
      'list-removed': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
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
  };
  const log = values.quiet ? () => {} : (m: string) => process.stderr.write(`${m}\n`);
  const raw = values.raw!;
  const out = values.out!;
  log(`reading ${raw}`);
  const { files, manifest, issues } = await readRaw(raw, config.maxBytes);
  if (files.length === 0) throw new UsageError(`no input files in "${raw}": nothing to publish (${out} left as it was)`);
  const result = buildDataset({ files, manifest }, config, issues, log);
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
    log(`removed by reason: ${Object.entries(byReason).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
  }
  await writeOutput(out, result.files, process.pid);
  const q = result.quality;
  log(`published ${out}: ${q.inputs.articles} articles (${q.inputs.duplicates} duplicates), ${q.inputs.rejects} rejects, ${Object.entries(q.tables).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n${USAGE}\n`);
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
