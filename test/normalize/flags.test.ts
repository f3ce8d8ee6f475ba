import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentFlags } from '../../pipeline/normalize/flags.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

test('a paywall notice beside a short body flags the article; a long story that mentions subscribing does not', () => {
  const teaser = 'The council voted to close two libraries in the north of the city.';
  assert.deepEqual(contentFlags('Libraries to close', ['Libraries to close', teaser, 'Subscribe to continue reading.'], [teaser, words(60)], 73), ['paywall']);
  assert.deepEqual(contentFlags('Libraries to close', ['Already a subscriber? Log in', words(400)], [words(400)], 400), []);
});

test('a gallery by its title or by a body made of captions', () => {
  assert.deepEqual(contentFlags('In pictures: floods across the delta', ['x'], [words(80)], 80), ['gallery']);
  const captions = ['Photo: a boat on a flooded street', 'Photo: volunteers fill sandbags', 'Image: the river at dawn', words(50)];
  assert.deepEqual(contentFlags('The flood', captions, captions, 70), ['gallery']);
  assert.deepEqual(contentFlags('The flood', [words(90)], [words(90)], 90), []);
});

test('a body of a few dozen words is a stub; flags are sorted', () => {
  assert.deepEqual(contentFlags('Bridge reopens', ['Bridge reopens', 'The bridge reopened on Monday.'], ['The bridge reopened on Monday.'], 5), ['stub']);
  assert.deepEqual(contentFlags('In pictures: the fair', ['Subscribe to read'], ['Photo: a stall'], 3), ['gallery', 'paywall', 'stub']);
});
