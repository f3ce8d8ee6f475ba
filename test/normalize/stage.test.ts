/** Stage 01 over several invented files: outlet blurbs across stories, manifest matching, JSONL rejects. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfig } from '../../pipeline/config.ts';
import { normalize } from '../../pipeline/stages/01-normalize.ts';
import type { RawFile } from '../../schemas/pipeline.ts';

const file = (path: string, text: string): RawFile => {
  const bytes = new TextEncoder().encode(text);
  return { path, size: bytes.length, bytes, read_error: null };
};
const BLURB = 'The Valley Courier is an independent paper funded by its readers and you can support its work every month.';
const QUOTE = '"We will not give up on this valley," the governor told reporters on the steps of the court.';
const stories = [
  [
    'Bridge Reopens After Repairs',
    'The old bridge reopened on Monday after eight months of repairs that cost more than planned.',
    'Traffic was heavy in the morning as commuters returned to the shorter route into the town.',
  ],
  [
    'School Budget Cut by a Tenth',
    'The school board cut its budget by a tenth on Tuesday, citing lower tax receipts this year.',
    'Teachers said the cuts would fall hardest on the music and sports programmes of the district.',
  ],
  [
    'Farmers Protest Water Prices',
    'Several hundred farmers drove tractors to the capital on Wednesday to protest higher water prices.',
    'The ministry said the prices had not changed for twelve years and had to rise with costs.',
  ],
];

test('a paragraph closing three different stories is an outlet blurb: removed and counted; a quote shared by stories is kept', () => {
  const files = stories.map(([t, a, b], i) =>
    file(
      `courier/${i}.txt`,
      [t, '', a, '', i < 2 ? QUOTE : `Officials said the ${t!.split(' ')[0]!.toLowerCase()} plan was final.`, '', b, '', BLURB].join('\n'),
    ),
  );
  const { data, stats } = normalize.run({ files, manifest: [] }, defaultConfig);
  for (const d of data.documents) {
    assert.ok(!d.text.includes(BLURB), d.article.source_path);
    assert.deepEqual(
      d.removed.map((r) => [r.reason, r.line]),
      [['outlet-blurb', 8]],
    );
  }
  assert.equal(stats?.['boilerplate:outlet-blurb'], 3);
  assert.ok(data.documents[0]!.text.includes(QUOTE) && data.documents[1]!.text.includes(QUOTE));
});

test('three copies of one story do not make their last paragraph a blurb', () => {
  const [t, a, b] = stories[0]!;
  const files = [0, 1, 2].map((i) =>
    file(`wire/${i}.txt`, [`${t} ${i}`, '', a, '', b, '', 'Officials will meet again next week to discuss the next steps of the plan.'].join('\n')),
  );
  const { data } = normalize.run({ files, manifest: [] }, defaultConfig);
  for (const d of data.documents) assert.ok(d.text.includes('Officials will meet again'));
});

test('manifest rows match by path or bare file name; unmatched rows are reported; JSONL bad lines become rejects', () => {
  const files = [
    file('a/one.txt', stories[0]!.join('\n\n')),
    file('feed.jsonl', [JSON.stringify({ title: 'T', text: stories[1]![1] }), 'not json'].join('\n')),
  ];
  const manifest = [
    { file: 'one.txt', url: 'https://x.example/1', outlet: 'Courier', published_date: '2024-01-02', author: null, license: 'CC-BY' },
    { file: 'missing.txt', url: null, outlet: null, published_date: null, author: null, license: null },
  ];
  const { data, issues } = normalize.run({ files, manifest }, defaultConfig);
  const one = data.documents.find((d) => d.article.source_path === 'a/one.txt')!;
  assert.deepEqual([one.article.published_date, one.article.published_basis, one.article.outlet], ['2024-01-02', 'metadata', 'Courier']);
  assert.ok(issues.some((i) => i.code === 'manifest-unmatched' && i.message.includes('missing.txt')));
  assert.deepEqual(
    data.rejects.map((r) => [r.path, r.reason]),
    [['feed.jsonl#2', 'bad-json']],
  );
  assert.equal(data.documents.length, 2);
});
