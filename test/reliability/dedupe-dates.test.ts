/**
 * Issue 15, wrong output: an original and its syndicated copy. The original
 * states no publication date but cites a dated statement; the reprint carries
 * a later date in its metadata. The original is the earliest by the best date
 * known for each, so the reprint is the copy. Invented text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../pipeline/config.ts';
import { normalize } from '../../pipeline/stages/01-normalize.ts';
import { deduplicate } from '../../pipeline/stages/02-deduplicate.ts';
import { raw } from './bad-inputs-support.ts';

const BODY = [
  'The regional water board said on 3 March 2024 that the northern reservoir had reached its lowest level in a decade after a dry winter.',
  'Farmers in the valley have been asked to cut their use by a third until the spring rains arrive, the board said in its statement.',
  'Engineers are inspecting the old dam and expect to report on its condition within two weeks, officials added.',
].join('\n\n');

describe('original versus copy by the best-known date', () => {
  it('an undated original citing a dated statement is not made a copy of its later dated reprint', () => {
    const files = [
      raw('a-reprint.json', JSON.stringify({ title: 'Reservoir Falls to Decade Low', date: '2024-03-10', text: BODY })),
      raw('z-original.txt', `Reservoir at Lowest Level in a Decade\n\n${BODY}`),
    ];
    const n = normalize.run({ files, manifest: [] }, defaultConfig);
    const d = deduplicate.run(n.data, defaultConfig);
    const byPath = new Map(d.data.documents.map((x) => [x.article.source_path, x.article]));
    assert.equal(byPath.get('z-original.txt')!.duplicate_of, null);
    assert.equal(byPath.get('a-reprint.json')!.duplicate_of, byPath.get('z-original.txt')!.article_id);
  });
});
