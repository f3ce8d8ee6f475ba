/**
 * Issue 15, crashes: file names that used to abort the whole build (edge
 * whitespace, bytes that are not UTF-8, "feed.jsonl#2" beside line 2 of
 * feed.jsonl) are keyed unambiguously (pipeline/io/path-key.ts), and a cache
 * folder that cannot be used is skipped with a warning.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Papa from 'papaparse';
import { keyToBytes, nameKey, pathKeyOfText } from '../../pipeline/io/path-key.ts';
import { runCli, tempDir } from '../support/cli.ts';
import { unescapeText } from '../support/csv-cells.ts';

type Row = Record<string, string>;
const csv = (dir: string, table: string): Row[] =>
  Papa.parse<Row>(readFileSync(join(dir, `${table}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
const ARTICLE = (what: string) =>
  `${what} Reopens After Repairs\n\nThe ${what.toLowerCase()} in the old town reopened on Tuesday after repairs that took ${what.length + 3} months, the council said.`;
const RECORD = (what: string) => JSON.stringify({ title: `${what} Resumes`, text: `The ${what.toLowerCase()} resumed service on Monday, the operator said.` });

describe('path keys', () => {
  it('escape "#", "%", bytes that are not UTF-8 and edge whitespace, and decode back to the bytes', () => {
    const b = (s: string | number[]) => (typeof s === 'string' ? new TextEncoder().encode(s) : new Uint8Array(s));
    assert.equal(nameKey(b('feed.jsonl#2')), 'feed.jsonl%232');
    assert.equal(nameKey(b('50%.txt')), '50%25.txt');
    assert.equal(nameKey(b(' a b.txt\n')), '%20a b.txt%0A');
    assert.equal(nameKey(b([0x78, 0xe9, 0x2e, 0x74])), 'x%E9.t');
    assert.equal(nameKey(b('été.txt')), 'été.txt');
    for (const raw of [' a b.txt\n', 'feed.jsonl#2', '50%.txt', 'été ']) assert.equal(new TextDecoder().decode(keyToBytes(nameKey(b(raw)))), raw);
    assert.deepEqual([...keyToBytes('x%E9.t')], [0x78, 0xe9, 0x2e, 0x74]);
    assert.equal(pathKeyOfText(' dir/a#1.txt'), '%20dir/a%231.txt');
  });
});

describe('odd names and a damaged cache (CLI)', () => {
  const root = tempDir('sec-names');
  const raw = join(root, 'raw');
  mkdirSync(raw);
  writeFileSync(join(raw, ' leading.txt'), ARTICLE('Library'));
  writeFileSync(join(raw, 'trailing.txt '), ARTICLE('Museum'));
  writeFileSync(join(raw, 'newline.txt\n'), ARTICLE('Theatre'));
  writeFileSync(join(raw, '\ttab.txt'), ARTICLE('Clinic'));
  mkdirSync(join(raw, ' spaced dir '));
  writeFileSync(join(raw, ' spaced dir ', 'inside.txt'), ARTICLE('Bakery'));
  writeFileSync(Buffer.concat([Buffer.from(join(raw, 'latin-')), Buffer.from([0xe9]), Buffer.from('.txt')]), ARTICLE('Chapel'));
  writeFileSync(Buffer.concat([Buffer.from(join(raw, 'latin-')), Buffer.from([0xe8]), Buffer.from('.txt')]), ARTICLE('Tower'));
  writeFileSync(join(raw, 'feed.jsonl'), `${RECORD('Ferry')}\n{broken\n`);
  writeFileSync(join(raw, 'feed.jsonl#2'), ARTICLE('Harbour'));

  const build = (out: string, ...extra: string[]) => {
    const r = runCli(['--raw', raw, '--out', out, '--jobs', '1', '--formats', 'none', ...extra]);
    assert.equal(r.status, 0, `the run finishes: ${r.stderr}`);
    return r;
  };

  it('every odd name is an article or a reject under its own key; no build aborts', () => {
    const out = join(root, 'out');
    build(out, '--no-cache');
    const articles = new Set(csv(out, 'articles').map((a) => unescapeText(a['source_path']!)));
    for (const k of ['%20leading.txt', '%09tab.txt', '%20spaced dir%20/inside.txt', 'latin-%E9.txt', 'latin-%E8.txt', 'feed.jsonl#1'])
      assert.ok(articles.has(k), `article ${k}: ${[...articles].join(', ')}`);
    const rejects = new Map(csv(out, 'rejects').map((r) => [unescapeText(r['path']!), r['reason']]));
    assert.equal(rejects.get('feed.jsonl#2'), 'bad-json', 'line 2 of feed.jsonl');
    // "x.txt " does not end in ".txt": an unsupported type, under its own key
    for (const k of ['trailing.txt%20', 'newline.txt%0A']) assert.equal(rejects.get(k), 'unsupported-type', k);
    assert.equal(rejects.get('feed.jsonl%232'), 'unsupported-type', 'the file named feed.jsonl#2');
  });

  it('a cache that is a file, or whose version folder is a link loop, is skipped with a warning', () => {
    const file = join(root, 'cache-file');
    writeFileSync(file, 'not a folder');
    const r1 = build(join(root, 'out-c1'), '--cache', file);
    assert.match(r1.stderr, /warning: the cache .* cannot be used/);
    // a cache root that is a loop of two links
    symlinkSync(join(root, 'cache-loop2'), join(root, 'cache-loop1'));
    symlinkSync(join(root, 'cache-loop1'), join(root, 'cache-loop2'));
    const r2 = build(join(root, 'out-c2'), '--cache', join(root, 'cache-loop1'));
    assert.match(r2.stderr, /warning: the cache .* cannot be used/);
    assert.equal(readFileSync(join(root, 'out-c1', 'articles.csv'), 'utf8'), readFileSync(join(root, 'out-c2', 'articles.csv'), 'utf8'));
  });
});
