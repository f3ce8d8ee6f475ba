/**
 * The release: provenance carried from JSONL fields and HTML metadata, the
 * package licence derived from the articles, events that cite their outlets
 * and urls with fatalities, currencies, and the changes table of a second
 * build into the same folder, read back with DuckDB (Parquet), polars
 * (Arrow) and the Frictionless library (datapackage.json). Invented articles.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import pl from 'nodejs-polars';
import Papa from 'papaparse';
import { Package } from 'datapackage';
import { defaultConfig, type Config } from '../../pipeline/config.ts';
import { readPrevious } from '../../pipeline/io/previous.ts';
import { readRaw } from '../../pipeline/io/read-raw.ts';
import { writeOutput } from '../../pipeline/io/write-output.ts';
import { buildDataset, type BuildResult } from '../../pipeline/run.ts';
import { HTML_METADATA } from '../../pipeline/normalize/html.ts';
import { JSON_FIELDS } from '../../pipeline/normalize/records.ts';
import { manifestEntry } from '../../schemas/pipeline.ts';

const FLOOD = [
  {
    id: 'wire-1001',
    title: 'Floods hit a river town',
    text: 'Floods hit a river town\n\nHeavy rains flooded the valley on Sunday. Interior Minister Ana Lopez said the floods killed 12 people. The mayor promised aid of about $20m.',
    url: 'https://wire.example.org/floods',
    source_name: 'Valley Wire',
    license: 'CC-BY-4.0',
    date: '2025-03-04',
    category: 'world',
  },
  {
    id: 1002,
    title: 'Rescue teams reach the valley',
    text: 'Rescue teams reach the valley\n\nRescue teams reached the valley on Tuesday. Interior Minister Ana Lopez said the floods had killed at least 15 people.',
    url: 'https://wire.example.org/rescue',
    outlet: 'Valley Wire',
    license: 'CC-BY-4.0',
    date: '2025-03-05',
  },
];
const page = (budget: string) => `<html><head><title>Council approves budget</title>
<link rel="license" href="https://creativecommons.org/licenses/by/4.0/">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council approves budget","datePublished":"2025-02-10","author":{"@type":"Person","name":"Ana Ruiz"},"publisher":{"@type":"Organization","name":"Coast Herald"},"url":"https://herald.example.com/budget","identifier":"ch-77","articleSection":"Local news"}</script>
</head><body><article><h1>Council approves budget</h1><p>The city council approved a budget of ${budget} euros on Monday, the mayor said. The budget includes up to £3m for a new bridge, officials said.</p><p>Opposition councillors criticised the plan on Tuesday.</p></article></body></html>`;

let work: string;
let raw: string;
let out: string;
let duck: DuckDBConnection;
let first: BuildResult;
let second: BuildResult;

async function build(dir: string, config: Config = defaultConfig): Promise<BuildResult> {
  const { files, manifest, issues } = await readRaw(raw, config.maxBytes);
  const r = buildDataset({ files, manifest }, config, issues, () => {}, { previous: readPrevious(dir) });
  await writeOutput(dir, r.files, process.pid);
  return r;
}

const csv = (dir: string, name: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(dir, name), 'utf8'), { header: true, skipEmptyLines: true }).data;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'publish-release-'));
  raw = join(work, 'raw');
  out = join(work, 'out');
  mkdirSync(raw);
  writeFileSync(join(raw, 'a-flood.jsonl'), FLOOD.map((r) => JSON.stringify(r)).join('\n') + '\n');
  writeFileSync(join(raw, 'b-page.html'), page('300 million'));
  first = await build(out);
  const db = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false' });
  duck = await db.connect();
});

after(() => {
  duck?.closeSync();
  if (work) rmSync(work, { recursive: true, force: true });
});

const rows = async (q: string) => (await duck.runAndReadAll(q)).getRowObjectsJson();

describe('provenance and licence', () => {
  it('articles carry source_id, license, url and outlet from JSONL fields and HTML metadata (DuckDB on Parquet)', async () => {
    const r = await rows(`SELECT source_id, license, url, outlet, author, section FROM read_parquet('${join(out, 'articles.parquet')}') ORDER BY source_id`);
    assert.deepEqual(r, [
      { source_id: '1002', license: 'CC-BY-4.0', url: 'https://wire.example.org/rescue', outlet: 'Valley Wire', author: null, section: null },
      {
        source_id: 'ch-77',
        license: 'https://creativecommons.org/licenses/by/4.0/',
        url: 'https://herald.example.com/budget',
        outlet: 'Coast Herald',
        author: 'Ana Ruiz',
        section: 'Local news',
      },
      { source_id: 'wire-1001', license: 'CC-BY-4.0', url: 'https://wire.example.org/floods', outlet: 'Valley Wire', author: null, section: 'world' },
    ]);
  });

  it('one licence stated two ways is the package licence; Frictionless reads the package and its new tables', async () => {
    const dp = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    assert.equal(dp.licenses[0].name, 'CC-BY-4.0');
    assert.match(dp.version, /^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
    assert.equal(dp.coverage.first_published, '2025-02-10');
    // created: the day the data is as of (its latest publication date), never the clock
    assert.equal(dp.created, '2025-03-05T00:00:00Z');
    const pkg = await Package.load(dp, { basePath: out });
    assert.deepEqual(
      pkg.errors.map((e: Error) => e.message),
      [],
    );
    assert.equal(pkg.valid, true);
    const changes = pkg.getResource('changes');
    assert.ok(changes, 'the changes table is a resource');
    const events = await pkg.getResource('events')!.read({ keyed: true });
    assert.ok(events.length > 0);
  });

  it('a corpus where one article states no licence has none: the package licence is unknown, not CC-BY', async () => {
    writeFileSync(join(raw, 'c-note.txt'), 'A short note\n\nThe council met on Monday to discuss the budget of the town.');
    const dir = join(work, 'unknown');
    await build(dir);
    rmSync(join(raw, 'c-note.txt'));
    const dp = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
    assert.equal(dp.licenses, undefined);
    assert.match(dp.license_statement, /^Unknown: 1 of 4 articles state no licence/);
    assert.match(readFileSync(join(dir, 'README.md'), 'utf8'), /License of the dataset: Unknown/);
  });
});

describe('codebook', () => {
  it('documents every accepted JSON field name, manifest column and HTML meta tag, with how to cite and the coverage', () => {
    const book = readFileSync(join(out, 'README.md'), 'utf8');
    for (const f of Object.values(JSON_FIELDS)) for (const n of f.names) assert.ok(book.includes(`\`${n}\``), `JSON field ${n}`);
    for (const c of Object.keys(manifestEntry.shape)) assert.ok(book.includes(`| \`${c}\` |`), `manifest column ${c}`);
    for (const f of Object.values(HTML_METADATA)) for (const n of f.meta) assert.ok(book.includes(`\`${n}\``), `meta ${n}`);
    assert.match(book, /## How to cite/);
    assert.match(book, /\*\*Coverage\*\*: 3 article\(s\)/);
  });
});

describe('events cite themselves; figures have a currency', () => {
  it('outlets and urls are list columns, fatalities from the killed figures (polars on Arrow)', () => {
    const df = pl.readIPC(readFileSync(join(out, 'events.arrow')));
    const evs = df.toRecords() as unknown as {
      outlets: string[];
      urls: string[];
      fatalities_best: number | null;
      fatalities_low: number | null;
      fatalities_high: number | null;
    }[];
    const withDeaths = evs.filter((e) => e.fatalities_best !== null);
    assert.ok(withDeaths.length > 0);
    for (const e of withDeaths) {
      assert.deepEqual(e.outlets, ['Valley Wire']);
      assert.ok(e.urls.every((u) => u.startsWith('https://wire.example.org/')));
      assert.ok(e.fatalities_low! <= e.fatalities_best! && e.fatalities_best! <= e.fatalities_high!);
    }
    assert.match(df.getColumn('outlets').dtype.toString(), /List\(.*String/);
  });

  it('money figures carry ISO 4217 and keep their hedge before the symbol', async () => {
    const r = await rows(
      `SELECT text, value, qualifier, currency FROM read_parquet('${join(out, 'figures.parquet')}') WHERE category = 'money' ORDER BY value`,
    );
    assert.deepEqual(r, [
      { text: 'up to £3m', value: 3000000, qualifier: 'at_most', currency: 'GBP' },
      { text: 'about $20m', value: 20000000, qualifier: 'approx', currency: 'USD' },
      { text: '300 million euros', value: 300000000, qualifier: 'exact', currency: 'EUR' },
    ]);
  });
});

describe('workbook', () => {
  it('every table sheet filters all its rows, with the defined names LibreOffice needs, and prints landscape with the header repeated', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'dataset.xlsx'));
    const ws = wb.getWorksheet('articles')!;
    assert.equal(ws.autoFilter, `A1:${ws.getRow(1).cellCount > 0 ? ws.getColumn(ws.actualColumnCount).letter : 'A'}${first.dataset.articles.length + 1}`);
    assert.equal(ws.pageSetup.orientation, 'landscape');
    assert.equal(ws.pageSetup.printTitlesRow, '1:1');
    const names = (wb.definedNames.model as { name: string }[]).map((d) => d.name);
    assert.ok(names.includes('_xlnm._FilterDatabase'));
  });
});

describe('versions and changes', () => {
  it('a first build has no changes; CHANGELOG.md says so', () => {
    assert.equal(first.dataset.changes.length, 0);
    assert.match(readFileSync(join(out, 'CHANGELOG.md'), 'utf8'), /First build in this folder/);
  });

  it("a second build with one article changed names exactly that article's rows", async () => {
    const before = new Map(['articles', 'sentences', 'figures', 'event_mentions', 'quotes', 'actor_mentions'].map((t) => [t, csv(out, `${t}.csv`)]));
    const oldId = first.dataset.articles.find((a) => a.source_path === 'b-page.html')!.article_id;
    writeFileSync(join(raw, 'b-page.html'), page('310 million'));
    second = await build(out);
    const newId = second.dataset.articles.find((a) => a.source_path === 'b-page.html')!.article_id;
    assert.notEqual(newId, oldId);
    const changes = csv(out, 'changes.csv');
    const keyOf: Record<string, (r: Record<string, string>) => string> = {
      articles: (r) => r['article_id']!,
      sentences: (r) => `${r['article_id']}/${r['sentence_index']}`,
      figures: (r) => r['figure_id']!,
      event_mentions: (r) => r['event_mention_id']!,
      quotes: (r) => r['quote_id']!,
      actor_mentions: (r) => r['mention_id']!,
    };
    const expected: string[] = [];
    for (const [t, rs] of before) for (const r of rs) if (r['article_id'] === oldId) expected.push(`${t} ${keyOf[t]!(r)} removed`);
    for (const [t, k] of Object.entries(keyOf)) for (const r of csv(out, `${t}.csv`)) if (r['article_id'] === newId) expected.push(`${t} ${k(r)} added`);
    const perArticle = changes.filter((c) => c['table']! in keyOf).map((c) => `${c['table']} ${c['id']} ${c['change']}`);
    assert.deepEqual(perArticle.sort(), expected.sort());
    // the other tables change only through that article (its events, actors seen in it, its figure groups)
    const otherArticles = first.dataset.articles.filter((a) => a.source_path !== 'b-page.html').map((a) => a.article_id);
    for (const c of changes.filter((x) => !(x['table']! in keyOf))) assert.ok(!otherArticles.some((a) => c['id']!.includes(a)), `${c['table']} ${c['id']}`);
    const log = readFileSync(join(out, 'CHANGELOG.md'), 'utf8');
    assert.match(log, /Articles added \(1\): `b-page\.html`/);
    assert.match(log, /First build in this folder/, 'the older entry is kept');
  });

  it('a rebuild of the same version writes the same changes and changelog (deterministic)', async () => {
    const bytes = ['changes.csv', 'CHANGELOG.md', 'datapackage.json'].map((f) => readFileSync(join(out, f), 'utf8'));
    await build(out);
    assert.deepEqual(
      ['changes.csv', 'CHANGELOG.md', 'datapackage.json'].map((f) => readFileSync(join(out, f), 'utf8')),
      bytes,
    );
  });

  it('--no-text publishes offsets without the text, under another version', async () => {
    const dir = join(work, 'notext');
    const r = await build(dir, { ...defaultConfig, noText: true });
    assert.ok(r.dataset.sentences.length > 0 && r.dataset.sentences.every((s) => s.text === ''));
    assert.ok(r.dataset.sentences.some((s) => s.char_end > s.char_start));
    const dp = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
    assert.equal(dp.text_included, false);
    assert.notEqual(dp.version, JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')).version);
  });
});
