/** For every table: CSV and Arrow written from rows read back to the same rows, with the declared header and types. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Papa from 'papaparse';
import { tableFromIPC } from 'apache-arrow';
import type { Column } from '../../schemas/columns.ts';
import { tableNames, tables } from '../../schemas/index.ts';
import type { TableDef } from '../../schemas/table.ts';
import { toArrow } from '../../pipeline/publish/arrow.ts';
import { FORMULA_START, toCsv } from '../../pipeline/publish/csv.ts';
import { fromCell } from '../support/csv-cells.ts';
import { sampleRows } from '../support/rows.ts';

/** Arrow values back to row values (dates to ISO days, lists to arrays). */
function fromArrow(c: Column, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (c.kind === 'date') return new Date(v as number).toISOString().slice(0, 10);
  if (c.kind === 'list') return [...(v as Iterable<string>)];
  return v;
}

for (const name of tableNames) {
  const def = tables[name] as unknown as TableDef;
  const rows = sampleRows(def).map((r) => def.row.parse(r) as Record<string, unknown>);

  describe(`${name} files`, () => {
    it('CSV header is the schema column order, ends with one newline, and reads back to the rows', () => {
      const csv = toCsv(def, rows);
      assert.ok(csv.endsWith('\n') && !csv.endsWith('\n\n'));
      assert.ok(!csv.includes('\r\n'), 'line ends are \\n');
      const parsed = Papa.parse<string[]>(csv.slice(0, -1), { header: false });
      assert.deepEqual(parsed.errors, []);
      assert.deepEqual(parsed.data[0], [...def.columnNames]);
      const back = parsed.data.slice(1).map((cells) => Object.fromEntries(def.columnNames.map((n, i) => [n, fromCell(def.columns[n]!, cells[i]!)])));
      // a one-item list holding "" and an empty list look alike in CSV; the generator never makes the former
      assert.deepEqual(back, rows);
    });

    it('free-text cells that start like a formula are inert in CSV; ids, numbers and dates are untouched', () => {
      const csv = toCsv(def, rows);
      const parsed = Papa.parse<string[]>(csv.slice(0, -1)).data.slice(1);
      for (const cells of parsed) {
        def.columnNames.forEach((n, i) => {
          const c = def.columns[n]!;
          if (c.freeText) assert.ok(!FORMULA_START.test(cells[i]!), `${name}.${n} = ${JSON.stringify(cells[i])}`);
          if (c.kind === 'float' || c.kind === 'int') assert.ok(!cells[i]!.startsWith("'"));
        });
      }
    });

    it('Arrow file has the declared types and nullability, and equal values', () => {
      const t = tableFromIPC(toArrow(def, rows));
      assert.deepEqual(
        t.schema.fields.map((f) => f.name),
        [...def.columnNames],
      );
      def.columnNames.forEach((n, i) => {
        const f = t.schema.fields[i]!;
        assert.equal(String(f.type), String(def.columns[n]!.arrow(i)), `${name}.${n} type`);
        assert.equal(f.nullable, def.columns[n]!.nullable, `${name}.${n} nullable`);
      });
      assert.equal(t.numRows, rows.length);
      for (let r = 0; r < rows.length; r++) {
        const got = t.get(r)!.toJSON() as Record<string, unknown>;
        for (const n of def.columnNames) assert.deepEqual(fromArrow(def.columns[n]!, got[n]), rows[r]![n], `${name} row ${r} ${n}`);
      }
    });

    it('Arrow bytes are identical when built twice in one process (fixed dictionary ids)', () => {
      assert.deepEqual(toArrow(def, rows), toArrow(def, rows));
    });

    it('an empty table still has its header and schema', () => {
      assert.equal(toCsv(def, []), `${def.columnNames.join(',')}\n`);
      assert.equal(tableFromIPC(toArrow(def, [])).schema.fields.length, def.columnNames.length);
    });
  });
}
