/**
 * Shard mode: the per-item work of a build split over N independent runs
 * (machines), then one merge run.
 *
 * - A shard run (`--shard i/N`) reads the input files assigned to shard i
 *   (by a hash of the file's path, so adding a file never moves another one),
 *   runs the stages up to 03-extract on them and writes every per-item result
 *   with its key to `<dir>/shard-<i>-of-<N>.arrow` (Arrow IPC: task, key,
 *   result as JSON; the pipeline version in the schema metadata).
 * - The merge run (`--merge <dir>`) reads all N shard files, checks they were
 *   made by this pipeline version, and runs the whole build over all inputs
 *   with those results preloaded: per-item work found there is not done
 *   again. The stages are pure and keyed by content, so the dataset is byte
 *   for byte the one a single run would publish; an item whose key depends
 *   on the corpus (an undated article's year hint, say) and so differs from
 *   its shard's is simply worked again in the merge.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Schema, Field, Utf8, tableFromIPC, tableToIPC, vectorFromArray, Table, RecordBatch, Struct, makeData } from 'apache-arrow';
import { UsageError } from '../issues.ts';

export interface ShardSpec {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** "i/N" → { index: i, count: N } (1 ≤ i ≤ N). */
export function parseShard(spec: string): ShardSpec {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard must be i/N with 1 <= i <= N, got "${spec}"`);
  return { index, count };
}

/** The shard (1-based) an input file belongs to: a hash of its path, so the split does not depend on the other files. */
export function shardOf(path: string, count: number): number {
  const h = createHash('sha256').update(path).digest();
  return (h.readUInt32BE(0) % count) + 1;
}

export const shardFileName = (s: ShardSpec): string => `shard-${s.index}-of-${s.count}.arrow`;

const utf8Field = (name: string) => new Field(name, new Utf8(), false);

/** Writes one shard's per-item results (atomic rename). */
export function writeShard(dir: string, spec: ShardSpec, version: string, entries: readonly { task: string; key: string; result: unknown }[]): string {
  mkdirSync(dir, { recursive: true });
  const fields = [utf8Field('task'), utf8Field('key'), utf8Field('result')];
  const schema = new Schema(
    fields,
    new Map([
      ['pipeline_version', version],
      ['shard', `${spec.index}/${spec.count}`],
    ]),
  );
  const cols = [entries.map((e) => e.task), entries.map((e) => e.key), entries.map((e) => JSON.stringify(e.result))];
  const children = cols.map((c) => vectorFromArray(c, new Utf8()).data[0]!);
  const data = makeData({ type: new Struct(fields), length: entries.length, nullCount: 0, children });
  const bytes = tableToIPC(new Table(schema, new RecordBatch(schema, data)), 'file');
  const path = join(dir, shardFileName(spec));
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
  return path;
}

/** Reads every shard file of a run of N shards; by task, then key → result. Missing shards or another pipeline version are usage errors. */
export function readShards(dir: string, version: string): { count: number; results: Map<string, Map<string, unknown>> } {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => /^shard-\d+-of-\d+\.arrow$/.test(n))
      .sort();
  } catch {
    throw new UsageError(`no shard folder "${dir}"`);
  }
  if (names.length === 0) throw new UsageError(`no shard files in "${dir}"`);
  const counts = new Set(names.map((n) => Number(/-of-(\d+)\./.exec(n)![1])));
  if (counts.size !== 1) throw new UsageError(`"${dir}" mixes shard files of runs with different N (${[...counts].join(', ')})`);
  const count = [...counts][0]!;
  const missing = Array.from({ length: count }, (_, i) => shardFileName({ index: i + 1, count })).filter((n) => !names.includes(n));
  if (missing.length) throw new UsageError(`shard file(s) missing in "${dir}": ${missing.join(', ')}`);
  const results = new Map<string, Map<string, unknown>>();
  for (const n of names) {
    const t = tableFromIPC(readFileSync(join(dir, n)));
    const v = t.schema.metadata.get('pipeline_version');
    if (v !== version) throw new UsageError(`${n} was made by pipeline version ${v ?? 'unknown'}, this is ${version}: run the shards again`);
    const task = t.getChild('task')!;
    const key = t.getChild('key')!;
    const result = t.getChild('result')!;
    for (let i = 0; i < t.numRows; i++) {
      const k = task.get(i) as string;
      let m = results.get(k);
      if (!m) results.set(k, (m = new Map()));
      m.set(key.get(i) as string, JSON.parse(result.get(i) as string));
    }
  }
  return { count, results };
}
