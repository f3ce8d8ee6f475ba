/**
 * examples/explore.ipynb stays a valid, runnable notebook: it is nbformat 4
 * with a Python 3 kernel, committed executed (outputs stored), and every SQL query it holds
 * (each a triple-quoted string assigned to a `q_*` variable and passed to
 * `duckdb.sql(...).df()`) runs on the committed output/ and returns rows.
 *
 * The build machine has no Jupyter kernel by default, so this test does not
 * execute the notebook: it extracts the SQL from the code cells, rewrites the
 * notebook's relative '../output/' paths to this project's output/ folder and
 * runs each query through DuckDB in Node (@duckdb/node-api, the engine behind
 * the Python duckdb package too), then checks that the table the notebook
 * stored for that query has as many rows as DuckDB returns now: stale outputs
 * (output/ rebuilt, notebook not rerun) fail here. The stored outputs come
 * from a real run (nbclient, Python 3 kernel, pandas, pyarrow, duckdb), as the
 * notebook's first cell says.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

const NOTEBOOK = fileURLToPath(new URL('../../examples/explore.ipynb', import.meta.url));
const OUTPUT = fileURLToPath(new URL('../../output/', import.meta.url));

interface Output {
  output_type: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
}
interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: Output[];
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
const joined = (t: string | string[] | undefined) => (Array.isArray(t) ? t.join('') : (t ?? ''));

/** Rows of the DataFrame a cell displayed: the <tr> of its HTML table body, or pandas' "N rows × M columns" footer when it was truncated. */
function storedRows(c: Cell): number | null {
  for (const o of c.outputs ?? []) {
    const html = joined(o.data?.['text/html']);
    if (!html) continue;
    const footer = /(\d+) rows × \d+ columns/.exec(html);
    if (footer) return Number(footer[1]);
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html);
    if (body) return (body[1]!.match(/<tr\b/g) ?? []).length;
  }
  return null;
}

/** Each `name = """..."""` in the code cells, in order. */
const queries = codeCells.flatMap((c) => [...text(c).matchAll(/(\w+)\s*=\s*"""([\s\S]*?)"""/g)].map((m) => ({ name: m[1]!, sql: m[2]!, cell: text(c) })));

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

  it('is committed executed: every code cell ran in order, shows an output and no error', () => {
    assert.ok(codeCells.length > 0);
    codeCells.forEach((c, i) => {
      assert.equal(c.execution_count, i + 1, `cell ${i + 1} not run in order:\n${text(c)}`);
      // the first code cell only imports and sets OUT: nothing to show
      if (i > 0) assert.ok((c.outputs ?? []).length > 0, `no output stored for:\n${text(c)}`);
      for (const o of c.outputs ?? []) assert.notEqual(o.output_type, 'error', `error stored for:\n${text(c)}`);
    });
    assert.match(text(nb.cells[0]!), /outputs below were produced by running this notebook/i, 'the first cell says where the outputs come from');
  });

  it('shows the loading call that gives real dates (dtype_backend="pyarrow")', () => {
    const c = codeCells.find((x) => /dtype_backend="pyarrow"/.test(text(x)));
    assert.ok(c, 'a cell reads Parquet with dtype_backend="pyarrow"');
    assert.match(text(c), /\.dt\./, 'and uses the .dt accessor');
    assert.ok(
      (c.outputs ?? []).some((o) => /date32\[day\]\[pyarrow\]/.test(joined(o.text))),
      'the stored output shows a date32 column',
    );
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
      const cell = codeCells.find((c) => text(c) === q.cell)!;
      assert.equal(
        storedRows(cell),
        reader.currentRowCount,
        `${name}: the stored table has a different number of rows than the query gives on output/ (rerun the notebook)`,
      );
      if (name === 'q_figures') {
        const cats = reader.getRowObjects().map((r) => String(r.category));
        assert.ok(
          cats.some((c) => c === 'killed' || c === 'injured'),
          'a casualty figure is reported more than once',
        );
        const firstOther = cats.findIndex((c) => c !== 'killed' && c !== 'injured');
        if (firstOther >= 0)
          assert.ok(
            cats.slice(firstOther).every((c) => c !== 'killed' && c !== 'injured'),
            'killed and injured come first',
          );
      }
      if (name === 'q_conflicts') {
        for (const r of reader.getRowObjects()) assert.ok(r.dates_reported !== null, `${String(r.event_id)} lists its reported dates`);
      }
    });
  }
});
