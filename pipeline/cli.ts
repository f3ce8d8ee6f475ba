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
    for (const d of result.dataset.articles) log(`${d.source_path}: ${d.boilerplate_removed} line(s) removed`);
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
