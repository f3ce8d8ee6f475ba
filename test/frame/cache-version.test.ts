/** The cache is keyed by the pipeline's sources: a program that cannot see them must not use the cache. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cacheProblem, pipelineVersion, UNKNOWN_VERSION } from '../../pipeline/cache/store.ts';

test('a change to any source gives a new version; no sources gives no usable cache', () => {
  const root = mkdtempSync(join(tmpdir(), 'cache-version-'));
  try {
    assert.equal(pipelineVersion(root), UNKNOWN_VERSION);
    assert.match(cacheProblem(join(root, '.cache'), UNKNOWN_VERSION) ?? '', /version is unknown/);
    mkdirSync(join(root, 'pipeline'));
    writeFileSync(join(root, 'pipeline', 'a.ts'), 'export const a = 1;\n');
    const v1 = pipelineVersion(root);
    assert.match(v1, /^[0-9a-f]{16}$/);
    assert.equal(cacheProblem(join(root, '.cache'), v1), null);
    writeFileSync(join(root, 'pipeline', 'a.ts'), 'export const a = 2;\n');
    assert.notEqual(pipelineVersion(root), v1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
