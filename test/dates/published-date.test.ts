import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corpusYearHint, inferPublishedDate, withInferredDate } from '../../pipeline/resolve/published-date.ts';
import { doc } from '../events/fixture.ts';

test('a cited dated report bounds the publication date', () => {
  const d = doc(
    ['Floods in the north', 'The minister said the river would peak soon, as reported by the Daily Herald, March 12. The floods began on March 2.'],
    null,
  );
  assert.equal(inferPublishedDate(d, '2024-03-10')?.published_date, '2024-03-12');
  const w = withInferredDate(d, '2024-03-10');
  assert.equal(w.article.published_date, '2024-03-12');
  assert.equal(w.article.published_basis, 'inferred');
});

test('dated happenings alone do not set it, and a stated date is kept', () => {
  const d = doc(['Floods', 'The floods began on March 2 and killed 12 people.'], null);
  assert.equal(inferPublishedDate(d, '2024-03-10'), null);
  const s = doc(['Floods', 'Officials said on March 12 that the river would peak.'], '2024-03-01');
  assert.equal(withInferredDate(s, '2024-03-10'), s);
});

test('without a year hint only dates with a year count', () => {
  const d = doc(['Floods', 'The governor said on March 12 that aid was coming, according to a statement dated 14 March 2024.'], null);
  assert.equal(inferPublishedDate(d, null)?.published_date, '2024-03-14');
  assert.equal(corpusYearHint([null, '2024-02-16', '2024-02-20', '2024-01-01']), '2024-02-16');
});
