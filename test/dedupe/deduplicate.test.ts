/** Exact, near and contained copies; different stories on one topic kept apart; repeated passages; scale. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { candidatePairs, containment, jaccard, shingles, signature } from '../../pipeline/dedupe/minhash.ts';
import { findDuplicates, findRepeatedPassages } from '../../pipeline/stages/02-deduplicate.ts';
import type { Document } from '../../schemas/pipeline.ts';
import { doc, edit, rng, story, vocabulary } from './synthetic.ts';

const rand = rng(7);
const vocab = vocabulary(3000, rand);
const topic = vocab.slice(0, 30);

test('jaccard and containment on shingle sets', () => {
  const a = shingles('one two three four five six seven eight nine ten');
  const b = shingles('one two three four five six seven eight');
  assert.equal(containment(a, b), 1);
  assert.ok(jaccard(a, b) > 0.6 && jaccard(a, b) < 1);
  assert.equal(jaccard(a, shingles('alpha beta gamma delta epsilon zeta')), 0);
});

test('identical signatures for identical texts; LSH pairs them', () => {
  const t = story(rand, vocab, topic).join(' ');
  const s1 = signature(shingles(t));
  assert.deepEqual(s1, signature(shingles(t)));
  assert.deepEqual(candidatePairs([s1, signature(shingles(story(rand, vocab, topic).join(' '))), s1]), [[0, 2]]);
});

test('a wire story reprinted with another headline, furniture and small edits is a near copy of the earlier one', () => {
  const body = story(rand, vocab, topic, 8);
  const docs = [
    doc('a2', 'Second Outlet Headline', [...edit(body, 3, rand, vocab), 'Follow us for more news on this topic every single day of the week.'], '2024-03-02'),
    doc('a1', 'Wire Headline', body, '2024-03-01'),
    doc('a3', 'Other Story Same Topic', story(rand, vocab, topic, 8), '2024-03-01'),
  ];
  const d = findDuplicates(docs, 0.8);
  assert.deepEqual([...d.keys()], [0]);
  assert.equal(d.get(0)!.of, 1);
  assert.equal(d.get(0)!.kind, 'near');
  assert.ok(d.get(0)!.similarity >= 0.8 && d.get(0)!.similarity < 1);
});

test('an exact copy (different spacing and punctuation) has similarity 1; the earliest by date then id is the original', () => {
  const body = story(rand, vocab, topic);
  const docs = [
    doc('b', 'T', body),
    doc(
      'a',
      'T2',
      body.map((p) => p.replace(/\./g, ' .')),
    ),
    doc('c', 'T3', body, '2020-01-01'),
  ];
  const d = findDuplicates(docs, 0.8);
  assert.deepEqual(d.get(0), { of: 2, similarity: 1, kind: 'exact' });
  assert.deepEqual(d.get(1), { of: 2, similarity: 1, kind: 'exact' });
  assert.equal(d.has(2), false);
});

test('a reprint cut short is a contained copy', () => {
  const body = story(rand, vocab, topic, 10);
  const docs = [doc('x', 'Full', body, '2024-01-01'), doc('y', 'Cut', body.slice(0, 4), '2024-01-02')];
  const d = findDuplicates(docs, 0.8);
  assert.equal(d.get(1)?.kind, 'contained');
  assert.equal(d.get(1)?.of, 0);
});

test('different stories on the same topic, sharing one quoted paragraph, are not copies; the paragraph is a repeated passage', () => {
  const quote = 'The minister said the river would be cleaned before the summer and that every village along its banks would get water.';
  const docs = [
    doc('p', 'One', [...story(rand, vocab, topic, 6), quote]),
    doc('q', 'Two', [quote, ...story(rand, vocab, topic, 6)]),
    doc('r', 'Three', story(rand, vocab, topic, 6)),
  ];
  assert.equal(findDuplicates(docs, 0.8).size, 0);
  const passages = findRepeatedPassages(docs, (i) => i);
  assert.equal(passages.length, 1);
  assert.equal(passages[0]!.text, quote);
  assert.deepEqual(passages[0]!.occurrences, [
    { article_id: 'p', paragraph_index: 7 },
    { article_id: 'q', paragraph_index: 1 },
  ]);
});

test('paragraphs shared only by copies of one story are not repeated passages', () => {
  const body = story(rand, vocab, topic);
  const docs = [doc('a', 'A', body), doc('b', 'B', body)];
  assert.deepEqual(
    findRepeatedPassages(docs, () => 0),
    [],
  );
});

test('20,000 generated documents: every planted pair found, no false pair', () => {
  const r = rng(11);
  const docs: Document[] = [];
  const planted = new Map<number, number>();
  for (let i = 0; i < 20_000; i++) {
    if (i % 100 === 99) {
      const src = i - 1 - Math.floor(r() * 50);
      const orig = docs[src]!;
      const body = orig.text.split('\n\n').slice(1);
      docs.push(doc(`d${String(i).padStart(5, '0')}`, `Reprint ${i}`, i % 200 === 199 ? body.slice(0, 3) : edit(body, 2, r, vocab), '2025-01-01'));
      planted.set(i, src);
    } else docs.push(doc(`d${String(i).padStart(5, '0')}`, `Story ${i}`, story(r, vocab, vocab.slice((i % 40) * 20, (i % 40) * 20 + 20), 4), '2024-01-01'));
  }
  const found = findDuplicates(docs, 0.8);
  assert.deepEqual(
    [...found].map(([c, l]) => [c, l.of]).sort((a, b) => a[0]! - b[0]!),
    [...planted].sort((a, b) => a[0] - b[0]),
  );
});

test('a story copied more times than an LSH bucket holds: every copy points at the earliest', () => {
  const body = story(rand, vocab, topic, 6);
  const docs = Array.from({ length: 150 }, (_, i) =>
    doc(`c${String((i * 37) % 150).padStart(3, '0')}`, `Copy ${i}`, [...body, `Closing line ${i} differs in each copy of the story here.`]),
  );
  const d = findDuplicates(docs, 0.8);
  const earliest = docs.findIndex((x) => x.article.article_id === 'c000');
  assert.equal(d.size, 149);
  for (const [, l] of d) assert.equal(l.of, earliest);
});
