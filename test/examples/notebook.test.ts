/**
 * examples/explore.ipynb stays a valid, runnable notebook: it is nbformat 4
 * with a Python 3 kernel and no stored outputs, and every SQL query it holds
 * (each a triple-quoted string assigned to a `q_*` variable and passed to
 * `duckdb.sql(...).df()`) runs on the committed output/ and returns rows.
 *
 * No Python kernel is available on the build machine (python3 is there, but
 * not Jupyter/ipykernel, pandas, pyarrow or the duckdb Python package), so
 * this test does not execute the notebook: it extracts the SQL from the code
 * cells, rewrites the notebook's relative '../output/' paths to this
 * project's output/ folder and runs each query through DuckDB in Node
 * (@duckdb/node-api, the engine behind the Python duckdb package too). The
 * pandas lines are not executed (the code cells were only checked, once by
 * hand, to parse with python3's ast module).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

const NOTEBOOK = fileURLToPath(new URL('../../examples/explore.ipynb', import.meta.url));
const OUTPUT = fileURLToPath(new URL('../../output/', import.meta.url));

interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: unknown[];
  execution_count?: number | null;
}
interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: { kernelspec?: { name?: string; language?: string } };
  cells: Cell[];
}

const nb = JSON.parse(readFileSync(NOTEBOOK, 'utf8')) as Notebook;
const text = (c: Cell) => (Array.isArray(c.source) ? c.source.join('') : c.source);
const codeCells = nb.cells.filter((c) => c.cell_type === 'code');

/** Each `name = """..."""` in the code cells, in order. */
const queries = codeCells.flatMap((c) =>
  [...text(c).matchAll(/(\w+)\s*=\s*"""([\s\S]*?)"""/g)].map((m) => ({ name: m[1]!, sql: m[2]!, cell: text(c) })),
);

/** The notebook's SQL with '../output/x' turned into the absolute path, quoted for an SQL string literal. */
const absolute = (sql: string) => sql.replaceAll('../output/', OUTPUT.replace(/'/g, "''"));

let duck: DuckDBConnection;
let instance: DuckDBInstance;

before(async () => {
  instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false' });
  duck = await instance.connect();
});

after(() => {
  duck?.closeSync();
  instance?.closeSync();
});

describe('examples/explore.ipynb', () => {
  it('is an nbformat 4 notebook with a Python 3 kernel', () => {
    assert.equal(nb.nbformat, 4);
    assert.equal(typeof nb.nbformat_minor, 'number');
    assert.equal(nb.metadata.kernelspec?.name, 'python3');
    assert.equal(nb.metadata.kernelspec?.language, 'python');
    assert.ok(Array.isArray(nb.cells) && nb.cells.length > 0);
    for (const c of nb.cells) assert.ok(['code', 'markdown', 'raw'].includes(c.cell_type), `cell type ${c.cell_type}`);
  });

  it('stores no outputs and no execution counts', () => {
    assert.ok(codeCells.length > 0);
    for (const c of codeCells) {
      assert.deepEqual(c.outputs, [], `outputs stored in:\n${text(c)}`);
      assert.equal(c.execution_count, null, `execution_count stored in:\n${text(c)}`);
    }
  });

  it('holds the three questions, each query run through duckdb.sql(...).df() in its own cell', () => {
    assert.deepEqual(queries.map((q) => q.name).sort(), ['q_actors', 'q_conflicts', 'q_figures']);
    for (const q of queries) {
      assert.match(q.cell, new RegExp(`duckdb\\.sql\\(${q.name}\\)\\.df\\(\\)`), `${q.name} is run with duckdb.sql(${q.name}).df()`);
      assert.equal(queries.filter((o) => o.cell === q.cell).length, 1, `${q.name} shares its cell with another query`);
    }
  });

  it('reads only Parquet files that exist in output/', () => {
    for (const q of queries) {
      const files = [...q.sql.matchAll(/'\.\.\/output\/([^']+)'/g)].map((m) => m[1]!);
      assert.ok(files.length > 0, `${q.name} reads from ../output/`);
      for (const f of files) {
        assert.match(f, /\.parquet$/, `${q.name} reads ${f}`);
        assert.ok(existsSync(OUTPUT + f), `${q.name}: output/${f} exists`);
      }
    }
  });

  for (const name of ['q_actors', 'q_figures', 'q_conflicts']) {
    it(`${name} runs on the committed output/ and returns rows`, async () => {
      const q = queries.find((x) => x.name === name);
      assert.ok(q, `${name} is in the notebook`);
      const reader = await duck.runAndReadAll(absolute(q.sql));
      assert.ok(reader.currentRowCount > 0, `${name} returned no rows`);
      if (name === 'q_figures') {
        const cats = reader.getRowObjects().map((r) => String(r.category));
        assert.ok(cats.some((c) => c === 'killed' || c === 'injured'), 'a casualty figure is reported more than once');
        const firstOther = cats.findIndex((c) => c !== 'killed' && c !== 'injured');
        if (firstOther >= 0) assert.ok(cats.slice(firstOther).every((c) => c !== 'killed' && c !== 'injured'), 'killed and injured come first');
      }
      if (name === 'q_conflicts') {
        for (const r of reader.getRowObjects()) assert.ok(r.dates_reported !== null, `${String(r.event_id)} lists its reported dates`);
      }
    });
  }
});
