/**
 * Two builds of the same input are byte-identical, whatever the time zone,
 * locale or working folder; the committed output/ is exactly a fresh build.
 */
import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, readTree, runCli, tempDir } from '../support/cli.ts';

describe('determinism', () => {
  const dir = tempDir('determinism');
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  const ra = runCli(['--raw', join(ROOT, 'raw'), '--out', a]);
  const rb = runCli(['--raw', join(ROOT, 'raw'), '--out', b], { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' }, dir);

  it('both builds succeed', () => {
    assert.equal(ra.status, 0, ra.stderr);
    assert.equal(rb.status, 0, rb.stderr);
  });

  it('two builds (different TZ, locale and working folder) are byte-identical', () => {
    const ta = readTree(a);
    const tb = readTree(b);
    assert.deepEqual([...ta.keys()], [...tb.keys()]);
    for (const [name, bytes] of ta) assert.ok(bytes.equals(tb.get(name)!), `${name} differs between builds`);
  });

  it('the committed output/ equals a fresh build (run `make dataset` and commit when this fails)', () => {
    // `make dataset` builds into output/, which holds the previous build: its history (the changes table,
    // CHANGELOG.md) is kept when the data is the same, so the rebuild runs on a copy of output/
    const c = join(dir, 'c');
    cpSync(join(ROOT, 'output'), c, { recursive: true });
    const rc = runCli(['--raw', join(ROOT, 'raw'), '--out', c]);
    assert.equal(rc.status, 0, rc.stderr);
    const fresh = readTree(c);
    const committed = readTree(join(ROOT, 'output'));
    assert.deepEqual([...committed.keys()], [...fresh.keys()]);
    for (const [name, bytes] of fresh) assert.ok(bytes.equals(committed.get(name)!), `output/${name} is stale`);
  });
});
