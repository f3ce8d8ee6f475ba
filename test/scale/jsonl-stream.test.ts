/**
 * A JSONL feed larger than --max-bytes is read as a stream of lines: the
 * size limit applies to each record, not to the file. The feeds are invented
 * and generated here (nothing is stored in the repository).
 */
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { defaultConfig } from '../../pipeline/config.ts';
import { readRaw } from '../../pipeline/io/read-raw.ts';
import { normalize } from '../../pipeline/stages/01-normalize.ts';
import { buildInMemory } from '../reliability/bad-inputs-support.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'jsonl-stream-'));
  dirs.push(d);
  return d;
};
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const WORDS = ['river', 'council', 'market', 'harbour', 'school', 'storm', 'bridge', 'farmers', 'clinic', 'railway'];
/** One short invented record (about 175 bytes as JSON). */
const record = (i: number) =>
  JSON.stringify({
    id: i,
    title: `Update ${i}`,
    text: `Officials in the town of Norvale ${i % 977} said the ${WORDS[i % 10]} reopened on Monday after ${(i % 50) + 2} days of repairs, and local ${WORDS[(i * 7) % 10]} groups welcomed it.`,
  });

describe('JSONL feeds read as a stream', () => {
  it('a 35 MB feed of 200,000 short records is split into its 200,000 records, numbered in the whole file', async () => {
    const raw = tmp();
    const fd = openSync(join(raw, 'feed.jsonl'), 'w');
    const batch: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      batch.push(record(i));
      if (batch.length === 10_000) writeSync(fd, `${batch.splice(0).join('\n')}\n`);
    }
    closeSync(fd);
    const read = await readRaw(raw, defaultConfig.maxBytes);
    const [feed] = read.files;
    assert.ok(feed!.size > 34 * 1024 * 1024 && feed!.size > defaultConfig.maxBytes, `feed of ${feed!.size} bytes`);
    assert.equal(feed!.bytes, null);
    assert.ok((feed!.parts?.length ?? 0) > 1, 'read in several parts');
    const { items, state } = normalize.perItem!.split(read, defaultConfig);
    assert.equal(state.rejects.length, 0);
    assert.equal(items.length, 200_000);
    const paths = items.map((it: { rec: { source_path: string } }) => it.rec.source_path);
    // every record keeps its line number across the parts
    for (const i of [0, 1, 57_000, 123_456, 199_999]) assert.equal(paths[i], `feed.jsonl#${i + 1}`);
    assert.equal(new Set(paths).size, 200_000);
  });

  it('a streamed feed publishes what a feed read whole publishes; a line over the limit is a reject of its own', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => record(i * 31));
    const long = JSON.stringify({ id: 'long', text: `The ferry ran late. ${'x'.repeat(900)}` });
    const raw = tmp();
    writeFileSync(join(raw, 'news.jsonl'), `${[...lines.slice(0, 5), long, ...lines.slice(5)].join('\r\n')}\r\n`);
    const small = { ...defaultConfig, maxBytes: 600 };
    const streamed = await readRaw(raw, small.maxBytes);
    assert.ok(streamed.files[0]!.parts, 'over 600 bytes: streamed');
    assert.deepEqual(streamed.files[0]!.long_lines, [{ line: 6, size: long.length + 1 }]);
    const a = buildInMemory(streamed.files, small);
    assert.deepEqual(
      a.dataset.rejects.map((r) => [r.path, r.reason]),
      [['news.jsonl#6', 'too-large']],
    );
    assert.equal(a.dataset.articles.length, 12);
    assert.equal(a.quality.inputs.records, 13);
    // the same feed without the long line, read whole: the same articles
    const raw2 = tmp();
    writeFileSync(join(raw2, 'news.jsonl'), `${[...lines.slice(0, 5), '', ...lines.slice(5)].join('\r\n')}\r\n`);
    const whole = await readRaw(raw2, defaultConfig.maxBytes);
    assert.equal(whole.files[0]!.parts, undefined);
    const b = buildInMemory(whole.files, defaultConfig);
    assert.deepEqual(
      a.dataset.articles.map((r) => [r.source_path, r.title, r.article_id]),
      b.dataset.articles.map((r) => [r.source_path, r.title, r.article_id]),
    );
  });

  it('a UTF-16 feed over the limit is not cut at its newline bytes: rejected as too large, as before', async () => {
    const raw = tmp();
    const text = `${Array.from({ length: 10 }, (_, i) => record(i)).join('\n')}\n`;
    writeFileSync(join(raw, 'wide.jsonl'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const read = await readRaw(raw, 1000);
    assert.equal(read.files[0]!.parts, undefined);
    assert.equal(read.files[0]!.bytes, null);
    const { state } = normalize.perItem!.split(read, { ...defaultConfig, maxBytes: 1000 });
    assert.deepEqual(
      state.rejects.map((r: { path: string; reason: string }) => [r.path, r.reason]),
      [['wide.jsonl', 'too-large']],
    );
  });
});
