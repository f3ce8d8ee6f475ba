/** Sentence spans: abbreviations, initials, "U.S.", glued sentences, quotes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSentences } from '../../pipeline/lib/sentences.ts';

const split = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

test('titles and abbreviations do not end a sentence', () => {
  assert.deepEqual(split('Mr. Diaz met Dr. Chen and Gen. Okafor on Monday. They spoke for an hour.'), [
    'Mr. Diaz met Dr. Chen and Gen. Okafor on Monday.',
    'They spoke for an hour.',
  ]);
});

test('initials stay inside the sentence', () => {
  assert.deepEqual(split('The report by J. R. Mendes was published. It was long.'), ['The report by J. R. Mendes was published.', 'It was long.']);
});

test('"U.S." inside a sentence does not split it; at the end of a sentence it does', () => {
  assert.deepEqual(split('The U.S. Treasury imposed sanctions. Officials agreed.'), ['The U.S. Treasury imposed sanctions.', 'Officials agreed.']);
  assert.deepEqual(split('The aid came from the U.S. The minister thanked them.'), ['The aid came from the U.S.', 'The minister thanked them.']);
});

test('"U.N." and "No." and "Feb." stay inside', () => {
  assert.deepEqual(split('The U.N. envoy arrived on Feb. 3 with resolution No. 12 in hand. He left.'), [
    'The U.N. envoy arrived on Feb. 3 with resolution No. 12 in hand.',
    'He left.',
  ]);
});

test('glued sentences are split; web addresses are not', () => {
  assert.deepEqual(split('Rain fell in the East.They left the town. See example.com for more.'), [
    'Rain fell in the East.',
    'They left the town.',
    'See example.com for more.',
  ]);
});

test('a glued sentence after a closing quote is split', () => {
  assert.deepEqual(split('“We will rebuild,” she said.The work starts today.'), ['“We will rebuild,” she said.', 'The work starts today.']);
});

test('a quotation ending the sentence stays with it', () => {
  assert.deepEqual(split('He said: "We are ready." Then he left.'), ['He said: "We are ready."', 'Then he left.']);
});

test('offsets are absolute when a range is given', () => {
  const t = 'Title\n\nFirst one. Second one.';
  const spans = splitSentences(t, 7, t.length);
  assert.deepEqual(
    spans.map((s) => t.slice(s.start, s.end)),
    ['First one.', 'Second one.'],
  );
});

test('decimal numbers and times are not sentence ends', () => {
  assert.deepEqual(split('Prices rose 3.5 percent by 10.30 a.m. on Monday. Traders were calm.'), [
    'Prices rose 3.5 percent by 10.30 a.m. on Monday.',
    'Traders were calm.',
  ]);
});
