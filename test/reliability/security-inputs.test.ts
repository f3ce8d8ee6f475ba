/**
 * Issue 15, security: nothing whose real path lies outside RAW is read, no
 * special file is opened, and no cell of any CSV runs as a spreadsheet formula
 * (the guard being exactly reversible). One hostile RAW, one CLI build.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import { FORMULA_START } from '../../pipeline/publish/csv.ts';
import { unescapeText } from '../support/csv-cells.ts';
import { runCli, tempDir } from '../support/cli.ts';

type Row = Record<string, string>;
const csv = (dir: string, table: string): Row[] =>
  Papa.parse<Row>(readFileSync(join(dir, `${table}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
const ARTICLE = (what: string) =>
  `${what} Reopens After Repairs\n\nThe ${what.toLowerCase()} in the old town reopened on Tuesday after repairs that took ${what.length + 3} months, the council said.`;

/** A value only the environment of the build holds: it must appear in no output file. */
const SECRET = 'invented-secret-7f3a9c';
/** A value only a CSV outside RAW holds (the target of manifest.csv as a link). */
const OUTSIDE_OUTLET = 'Outlet From Outside 4e1b';

const root = tempDir('sec-inputs');
const raw = join(root, 'raw');
const out = join(root, 'out');
const outside = join(root, 'outside');
let server: Server | null = null;
let stderr = '';
let hasFifo = false;

describe('hostile inputs: links out of RAW, special files, formula names (CLI)', () => {
  before(async () => {
    mkdirSync(raw, { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(raw, 'plain.txt'), ARTICLE('Library'));
    writeFileSync(join(outside, 'private.txt'), ARTICLE('Secret Bunker'));
    writeFileSync(join(outside, 'meta.csv'), `file,url,outlet,published_date,author,license\nplain.txt,,${OUTSIDE_OUTLET},2024-01-01,,\n`);
    // links to files outside RAW (system files, the environment, a sibling folder), folder links out of RAW
    symlinkSync('/etc/hosts', join(raw, 'one.txt'));
    symlinkSync('/proc/self/environ', join(raw, 'two.txt'));
    symlinkSync('/proc/self/status', join(raw, 'three.txt'));
    symlinkSync('/dev/zero', join(raw, 'four.txt'));
    symlinkSync(join(outside, 'private.txt'), join(raw, 'five.txt'));
    symlinkSync('../outside/private.txt', join(raw, 'six.txt'));
    symlinkSync('/etc', join(raw, 'dir-a'));
    symlinkSync('..', join(raw, 'dir-b'));
    symlinkSync(outside, join(raw, 'dir-c'));
    // manifest.csv itself a link to a file outside
    symlinkSync(join(outside, 'meta.csv'), join(raw, 'manifest.csv'));
    // a link that stays inside is followed
    symlinkSync('plain.txt', join(raw, 'alias.txt'));
    // special files: a FIFO (opening it would block the run) and a socket
    try {
      execFileSync('mkfifo', [join(raw, 'pipe.txt')]);
      hasFifo = true;
    } catch {
      /* no mkfifo: case skipped */
    }
    server = createServer();
    await new Promise<void>((res) => server!.listen(join(raw, 'sock.txt'), res));
    // formula names: a file that is published (source_path) and one that is rejected (rejects.path)
    writeFileSync(join(raw, '=HYPERLINK("http:__example.invalid","x").txt'), ARTICLE('Museum'));
    writeFileSync(join(raw, '=2+3.txt'), ARTICLE('Theatre'));
    writeFileSync(join(raw, '@SUM(1).md'), ARTICLE('Harbour'));
    writeFileSync(join(raw, '+1.txt'), ARTICLE('Stadium'));
    writeFileSync(join(raw, '-2.txt'), ARTICLE('Market'));
    writeFileSync(join(raw, "'quoted.txt"), ARTICLE('Bakery'));
    writeFileSync(join(raw, '=1+1.csv'), 'a,b\n1,2\n');
    // a text that really starts with an apostrophe (title) must survive the round trip
    writeFileSync(
      join(raw, 'apostrophe.txt'),
      `'Tis the Season for Repairs\n\nThe bridge reopened on Monday after repairs that took five months, the council said.`,
    );
    const r = runCli(['--raw', raw, '--out', out, '--jobs', '1', '--no-cache', '--formats', 'none'], { INVENTED_TOKEN: SECRET });
    stderr = r.stderr;
    assert.equal(r.status, 0, `the run finishes: ${r.stderr}`);
  });

  after(async () => {
    await new Promise<void>((res) => (server ? server.close(() => res()) : res()));
    rmSync(root, { recursive: true, force: true });
  });

  it('every link whose real path is outside RAW is a reject outside-input; nothing from it is published', () => {
    const rejects = new Map(csv(out, 'rejects').map((r) => [unescapeText(r['path']!), r]));
    for (const p of ['one.txt', 'two.txt', 'three.txt', 'four.txt', 'five.txt', 'six.txt', 'dir-a', 'dir-b', 'dir-c', 'manifest.csv']) {
      assert.equal(rejects.get(p)?.['reason'], 'outside-input', `${p}: ${JSON.stringify(rejects.get(p))}`);
    }
    const paths = csv(out, 'articles').map((a) => unescapeText(a['source_path']!));
    assert.ok(paths.includes('alias.txt'), 'a link inside RAW is followed');
    assert.ok(!paths.some((p) => p.startsWith('dir-')), `nothing listed through a folder link out of RAW: ${paths.join(', ')}`);
    const lib = csv(out, 'articles').find((a) => a['source_path'] === 'plain.txt')!;
    assert.notEqual(lib['outlet'], OUTSIDE_OUTLET, 'manifest.csv linked from outside is not read');
  });

  it('no output file holds the environment, a system file, the outside file or a link target', () => {
    const hosts = readFileSync('/etc/hosts', 'utf8')
      .split('\n')
      .find((l) => /\S/.test(l) && !l.startsWith('#'))
      ?.trim();
    for (const name of readdirSync(out)) {
      const text = readFileSync(join(out, name), 'latin1');
      for (const bad of [SECRET, 'Secret Bunker', OUTSIDE_OUTLET, '/etc', '/proc', '/dev/', 'environ', outside, 'VmRSS'])
        assert.ok(!text.includes(bad), `${name} holds "${bad}"`);
      if (hosts) assert.ok(!text.includes(hosts), `${name} holds a line of /etc/hosts`);
    }
    assert.ok(!stderr.includes(SECRET));
  });

  it('a FIFO and a socket are rejects not-a-regular-file (never opened: the run did not block)', () => {
    const rejects = new Map(csv(out, 'rejects').map((r) => [r['path']!, r['reason']]));
    assert.equal(rejects.get('sock.txt'), 'not-a-regular-file');
    if (hasFifo) assert.equal(rejects.get('pipe.txt'), 'not-a-regular-file');
  });

  it('no cell of any CSV starts like a formula; un-escaping (drop one leading apostrophe) gives the names and texts back', () => {
    for (const name of readdirSync(out).filter((n) => n.endsWith('.csv'))) {
      const rows = Papa.parse<string[]>(readFileSync(join(out, name), 'utf8'), { skipEmptyLines: true }).data;
      for (const row of rows) for (const cell of row) assert.ok(!FORMULA_START.test(cell), `${name}: ${JSON.stringify(cell)} would run as a formula`);
    }
    const paths = new Set(csv(out, 'articles').map((a) => unescapeText(a['source_path']!)));
    for (const p of ['=HYPERLINK("http:__example.invalid","x").txt', '=2+3.txt', '@SUM(1).md', '+1.txt', '-2.txt', "'quoted.txt"])
      assert.ok(paths.has(p), `article from ${p}: ${[...paths].join(', ')}`);
    const rejected = new Set(csv(out, 'rejects').map((r) => unescapeText(r['path']!)));
    assert.ok(rejected.has('=1+1.csv'));
    const titled = csv(out, 'articles').find((a) => unescapeText(a['source_path']!) === 'apostrophe.txt')!;
    assert.equal(titled['title'], "''Tis the Season for Repairs", 'a real leading apostrophe is doubled');
    assert.equal(unescapeText(titled['title']!), "'Tis the Season for Repairs");
  });
});
