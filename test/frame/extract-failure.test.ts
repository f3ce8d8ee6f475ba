/** An extractor that throws on one article makes that article a reject extraction-failed, named with the error; the build goes on. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extract, extractItem, type ExtractItem } from '../../pipeline/stages/03-extract.ts';
import { REJECT_REASONS } from '../../schemas/rejects.ts';
import { defaultConfig } from '../../pipeline/config.ts';
import { doc } from '../events/fixture.ts';

test('a throwing extractor gives a failed result, and the join turns it (and its copies) into rejects with the error', () => {
  const good = doc(['Title', 'Kestrel Bank opened a branch in Lima on Monday.'], '2024-03-04', 'a1');
  // (an article with no text makes the layer throw: an invented fault standing for any extractor bug)
  const bad = { ...doc(['Title', 'Ana Bell resigned.'], '2024-03-04', 'a2'), text: null as unknown as string };
  const item = (d: typeof good): ExtractItem => ({ doc: d, copy: false, hint: null });
  const r = extractItem(item(bad));
  assert.equal(r.extraction, null);
  assert.match(r.failed ?? '', /Error/);
  assert.equal(extractItem(item(good)).failed, undefined);
  assert.ok('extraction-failed' in REJECT_REASONS);
  const plan = extract.perItem!;
  const input = { documents: [good, bad], rejects: [], passages: undefined } as unknown as Parameters<typeof plan.join>[0];
  const joined = plan.join(input, null, [extractItem(item(good)), r], defaultConfig);
  assert.deepEqual(
    joined.data.rejects.map((x) => [x.reason, /extraction failed \(/.test(x.message)]),
    [['extraction-failed', true]],
  );
  assert.deepEqual(
    joined.data.documents.map((d) => d.article.article_id),
    ['a1'],
  );
});
