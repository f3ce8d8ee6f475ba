/**
 * The bundle `make dataset` runs (pipeline/bundle.mjs) publishes byte for byte
 * what the TypeScript sources publish, also through its pool workers.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT, readTree, runCli, tempDir } from '../support/cli.ts';

const name = `.bundle-test-${process.pid}`;
const dir = tempDir('bundle');
after(() => {
  rmSync(join(ROOT, name), { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

describe('the CLI bundle', () => {
  it('builds from the sources and publishes the same files as tsx pipeline/cli.ts, with two workers', () => {
    const built = spawnSync(process.execPath, [join(ROOT, 'pipeline/bundle.mjs'), name], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr);
    const raw = join(dir, 'raw');
    mkdirSync(raw);
    writeFileSync(
      join(raw, 'flood.txt'),
      'River Flood Forces Hundreds From Homes\n\nFloodwaters forced 300 families from their homes in the river town of Norvale on Tuesday, the regional council said.\n\n"We worked through the night," said Ana Ruiz, the mayor.\n',
    );
    writeFileSync(
      join(raw, 'feed.jsonl'),
      `${JSON.stringify({ id: 7, title: 'Bridge reopens', date: '2024-03-05', text: 'The Kell Bridge reopened on Monday after 12 days of repairs, the transport ministry said.' })}\n`,
    );
    const fromSources = runCli(['--raw', raw, '--out', join(dir, 'a'), '--no-cache', '--jobs', '1']);
    assert.equal(fromSources.status, 0, fromSources.stderr);
    const bundled = spawnSync(process.execPath, [join(ROOT, name, 'cli.mjs'), '--quiet', '--raw', raw, '--out', join(dir, 'b'), '--no-cache', '--jobs', '2'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(bundled.status, 0, bundled.stderr);
    const a = readTree(join(dir, 'a'));
    const b = readTree(join(dir, 'b'));
    assert.deepEqual([...b.keys()], [...a.keys()]);
    for (const [f, bytes] of a) assert.ok(bytes.equals(b.get(f)!), `${f} differs`);
  });
});
