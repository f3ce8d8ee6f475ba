import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashId, slug } from '../../pipeline/lib/ids.ts';
import { stableJson } from '../../pipeline/lib/json.ts';
import { compareValues, sortRows } from '../../pipeline/lib/sort.ts';
import { formatNumber, inertText } from '../../pipeline/publish/csv.ts';

describe('ids', () => {
  it('hashId depends on every part and on nothing else', () => {
    assert.equal(hashId('a', 'x.txt', 'abc'), hashId('a', 'x.txt', 'abc'));
    assert.notEqual(hashId('a', 'x.txt', 'abc'), hashId('a', 'x.txt', 'abd'));
    assert.notEqual(hashId('a', 'ab', 'c'), hashId('a', 'a', 'bc'), 'parts are delimited');
    assert.match(hashId('f', 1, null), /^f[0-9a-f]{16}$/);
  });
  it('slug is readable ASCII', () => {
    assert.equal(slug('Zürich’s Mayor Ana-María  O’Neil'), 'zurichs-mayor-ana-maria-oneil');
    assert.equal(slug('!!!'), 'x');
  });
});

describe('sort', () => {
  it('orders nulls first, numbers numerically, strings by code unit', () => {
    assert.ok(compareValues(null, 'a') < 0);
    assert.ok(compareValues(2, 10) < 0);
    assert.ok(compareValues('B', 'a') < 0);
  });
  it('sorts a table by its sort key then primary key', () => {
    const rows = [
      { article_id: 'b', sentence_index: 2 },
      { article_id: 'a', sentence_index: 10 },
      { article_id: 'a', sentence_index: 9 },
    ];
    assert.deepEqual(
      sortRows('sentences', rows).map((r) => `${r.article_id}${r.sentence_index}`),
      ['a9', 'a10', 'b2'],
    );
  });
});

describe('stableJson', () => {
  it('sorts keys at every depth and ends with a newline', () => {
    assert.equal(
      stableJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } }),
      '{\n  "a": {\n    "c": null,\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });
});

describe('csv cells', () => {
  it('numbers have no exponent or separators', () => {
    assert.equal(formatNumber(1e21), '1000000000000000000000');
    assert.equal(formatNumber(28985), '28985');
    assert.equal(formatNumber(0.5), '0.5');
  });
  it('formula starts are made inert, other text is not touched', () => {
    for (const s of ['=SUM(A1)', '+1', '-x', '@me', '\tx', '\rx']) assert.equal(inertText(s), `'${s}`);
    for (const s of ['plain', ' =not at start']) assert.equal(inertText(s), s);
    assert.equal(inertText("'quoted"), "''quoted", 'a real leading apostrophe is doubled, so un-escaping is always: drop one');
  });
});
