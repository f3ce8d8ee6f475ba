/**
 * Incremental rebuilds, shard mode and the worker pool give the bytes of a
 * clean single-thread build: adding one article works only that article's
 * per-article stage, corrupt cache entries are misses, three shards plus a
 * merge equal one run, and --jobs 2 equals --jobs 1.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../pipeline/config.ts';
import { readRaw } from '../../pipeline/io/read-raw.ts';
import { itemRunner } from '../../pipeline/parallel/items.ts';
import { WorkerPool } from '../../pipeline/parallel/pool.ts';
import { readShards, shardOf, writeShard } from '../../pipeline/parallel/shard.ts';
import { buildDataset, buildDatasetAsync, buildShard, type BuildResult } from '../../pipeline/run.ts';
import type { RawFile } from '../../schemas/pipeline.ts';
import { ROOT, readTree, runCli, tempDir } from '../support/cli.ts';

/** An invented, undated article (so the corpus year hint of the others does not move). */
const INVENTED: RawFile = (() => {
  const text =
    'Floodwaters cut off three villages\n\nHeavy rain swept away a bridge on Tuesday, cutting off three villages in the highlands, the regional governor said.\n\nAt least 40 families were moved to a school, according to the local Red Cross.';
  const bytes = new TextEncoder().encode(text);
  return { path: 'zz-invented-flood.txt', size: bytes.length, bytes, read_error: null };
})();

const VERSION = 'test-version-01';

function sameFiles(a: BuildResult, b: BuildResult): void {
  assert.deepEqual([...a.files.keys()], [...b.files.keys()]);
  for (const [name, bytes] of a.files) assert.deepEqual(Buffer.from(b.files.get(name)!), Buffer.from(bytes), `${name} differs`);
}

function cacheFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(join(d, e.name));
    }
  };
  walk(root);
  return out.sort();
}

describe('incremental, shards and pool', async () => {
  const { files, manifest } = await readRaw(join(ROOT, 'raw'), defaultConfig.maxBytes);
  const all = [...files, INVENTED];
  const clean = buildDataset({ files: all, manifest }, defaultConfig);

  it('adding one article works only that article, and the result is the clean build', async () => {
    const root = tempDir('cache');
    const counts: Record<string, { reused: number; worked: number }> = {};
    const items = itemRunner({ pool: null, cache: { root, version: VERSION }, config: defaultConfig, onTask: (t, c) => (counts[t] = c) });
    await buildDatasetAsync({ files, manifest }, defaultConfig, items);
    assert.deepEqual(counts['01-normalize'], { reused: 0, worked: files.length });
    assert.deepEqual(counts['03-extract'], { reused: 0, worked: files.length });
    const again = await buildDatasetAsync({ files: all, manifest }, defaultConfig, items);
    assert.deepEqual(counts['01-normalize'], { reused: files.length, worked: 1 });
    assert.deepEqual(counts['03-extract'], { reused: files.length, worked: 1 });
    sameFiles(clean, again);
  });

  it('corrupt or truncated cache entries are ignored and redone', async () => {
    const root = tempDir('cache');
    const counts: Record<string, { reused: number; worked: number }> = {};
    const items = itemRunner({ pool: null, cache: { root, version: VERSION }, config: defaultConfig, onTask: (t, c) => (counts[t] = c) });
    await buildDatasetAsync({ files: all, manifest }, defaultConfig, items);
    const entries = cacheFiles(root).filter((f) => f.includes('03-extract'));
    assert.equal(entries.length, all.length);
    writeFileSync(entries[0]!, 'not a cache entry');
    writeFileSync(entries[1]!, readFileSync(entries[1]!, 'utf8').slice(0, 100));
    const text = readFileSync(entries[2]!, 'utf8');
    writeFileSync(entries[2]!, text.slice(0, 65) + text.slice(65).replace(/"char_start":\d+/, '"char_start":999999'));
    const rebuilt = await buildDatasetAsync({ files: all, manifest }, defaultConfig, items);
    assert.deepEqual(counts['03-extract'], { reused: all.length - 3, worked: 3 });
    sameFiles(clean, rebuilt);
  });

  it('three shards and a merge publish the bytes of a single build', async () => {
    const dir = tempDir('shards');
    const spread = new Set<number>();
    for (let i = 1; i <= 3; i++) {
      const recorded: { task: string; key: string; result: unknown }[] = [];
      const mine = all.filter((f) => shardOf(f.path, 3) === i);
      mine.forEach(() => spread.add(i));
      const items = itemRunner({ pool: null, cache: null, config: defaultConfig, record: (task, key, result) => void recorded.push({ task, key, result }) });
      if (mine.length) await buildShard({ files: mine, manifest }, defaultConfig, items);
      writeShard(dir, { index: i, count: 3 }, VERSION, recorded);
    }
    assert.ok(spread.size >= 2, 'the inputs fall in more than one shard');
    const { count, results } = readShards(dir, VERSION);
    assert.equal(count, 3);
    const counts: Record<string, { reused: number; worked: number }> = {};
    const merged = await buildDatasetAsync(
      { files: all, manifest },
      defaultConfig,
      itemRunner({ pool: null, cache: null, config: defaultConfig, preloaded: results, onTask: (t, c) => (counts[t] = c) }),
    );
    assert.ok(counts['03-extract']!.reused > 0, 'the merge reuses shard results');
    assert.deepEqual(counts['01-normalize'], { reused: all.length, worked: 0 });
    sameFiles(clean, merged);
    assert.throws(() => readShards(dir, 'another-version'), /pipeline version/);
  });

  it('a worker pool gives the same bytes as one thread', async () => {
    const pool = new WorkerPool(2);
    try {
      const pooled = await buildDatasetAsync({ files: all, manifest }, defaultConfig, itemRunner({ pool, cache: null, config: defaultConfig }));
      sameFiles(clean, pooled);
    } finally {
      await pool.close();
    }
  });

  it('the CLI with --jobs 2 and a cache equals --jobs 1 --no-cache; a second cached run too', () => {
    const dir = tempDir('cli-jobs');
    const cache = join(dir, 'cache');
    const a = runCli(['--raw', join(ROOT, 'raw'), '--out', join(dir, 'a'), '--jobs', '1', '--no-cache']);
    const b = runCli(['--raw', join(ROOT, 'raw'), '--out', join(dir, 'b'), '--jobs', '2', '--cache', cache]);
    const c = runCli(['--raw', join(ROOT, 'raw'), '--out', join(dir, 'c'), '--jobs', '2', '--cache', cache]);
    for (const r of [a, b, c]) assert.equal(r.status, 0, r.stderr);
    const ta = readTree(join(dir, 'a'));
    for (const other of ['b', 'c']) {
      const t = readTree(join(dir, other));
      assert.deepEqual([...t.keys()], [...ta.keys()]);
      for (const [name, bytes] of ta) assert.ok(bytes.equals(t.get(name)!), `${other}/${name} differs`);
    }
  });
});
