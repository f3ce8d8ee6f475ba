/** tableDigests (one pass per table, no cell objects) gives the key and digest of keyOfCells / rowDigest over cellsOf. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tables, type TableName } from '../../schemas/index.ts';
import type { TableDef } from '../../schemas/table.ts';
import { cellsOf, COMPARED_TABLES, keyOfCells, rowDigest, tableDigests } from '../../pipeline/publish/release.ts';
import { BASE, buildInMemory } from '../reliability/bad-inputs-support.ts';

describe('release digests', () => {
  it('tableDigests equals the per-row definition on every compared table', () => {
    const d = buildInMemory(BASE).dataset;
    const fast = tableDigests(d);
    let rows = 0;
    for (const name of COMPARED_TABLES) {
      const def = tables[name as TableName] as unknown as TableDef;
      const slow = new Map<string, string>();
      for (const row of d[name] as readonly Record<string, unknown>[]) {
        const cells = cellsOf(def, row);
        slow.set(keyOfCells(def, cells), rowDigest(cells));
        rows++;
      }
      assert.deepEqual(fast.get(name), slow, name);
    }
    assert.ok(rows > 20, `${rows} rows compared`);
  });
});
