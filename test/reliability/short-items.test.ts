/**
 * Issue 15, wrong output: short items are articles. Headline-only items are
 * not near-duplicates of one another by emptiness, a one-paragraph .txt takes
 * its first sentence as the title (not the whole paragraph), and a JSON
 * `text` given as an array is rejected with a message that says so.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Papa from 'papaparse';
import { runCli, tempDir } from '../support/cli.ts';

type Row = Record<string, string>;
const csv = (dir: string, table: string): Row[] =>
  Papa.parse<Row>(readFileSync(join(dir, `${table}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;

describe('short items (CLI)', () => {
  const root = tempDir('sec-short');
  const raw = join(root, 'raw');
  const out = join(root, 'out');
  mkdirSync(raw);
  writeFileSync(join(raw, 'h1.txt'), 'Ferry service resumes after the storm\n');
  writeFileSync(join(raw, 'h2.txt'), 'Council approves the new school budget\n');
  writeFileSync(join(raw, 'h3.txt'), 'Museum reopens its western wing\n');
  writeFileSync(
    join(raw, 'para.txt'),
    'The harbour authority closed the northern pier on Friday after a crane collapsed. No one was hurt, a spokesperson said. Repairs are expected to take three weeks.\n',
  );
  writeFileSync(
    join(raw, 'feed.jsonl'),
    [JSON.stringify({ title: 'Bridge Reopens', text: ['The bridge reopened on Monday.', 'Traffic resumed.'] })].join('\n'),
  );
  const r = runCli(['--raw', raw, '--out', out, '--jobs', '1', '--no-cache', '--formats', 'none']);

  it('the run finishes', () => assert.equal(r.status, 0, r.stderr));

  it('headline-only items are articles, none a duplicate of another', () => {
    const articles = csv(out, 'articles');
    for (const p of ['h1.txt', 'h2.txt', 'h3.txt', 'para.txt']) {
      const a = articles.find((x) => x['source_path'] === p);
      assert.ok(a, `${p} is an article`);
      assert.equal(a['duplicate_of'], '', `${p} is no copy`);
    }
  });

  it('a one-paragraph .txt: the title is its first sentence, the rest is the body', () => {
    const a = csv(out, 'articles').find((x) => x['source_path'] === 'para.txt')!;
    assert.equal(a['title'], 'The harbour authority closed the northern pier on Friday after a crane collapsed.');
    const s = csv(out, 'sentences').filter((x) => x['article_id'] === a['article_id']);
    assert.ok(
      s.some((x) => x['paragraph_index'] === '1' && x['text'] === 'No one was hurt, a spokesperson said.'),
      JSON.stringify(s),
    );
  });

  it('"text" as an array is rejected with a message naming the array', () => {
    const rej = csv(out, 'rejects').find((x) => x['path'] === 'feed.jsonl#1')!;
    assert.equal(rej['reason'], 'no-text');
    assert.match(rej['message']!, /"text" field is an array/);
  });
});
