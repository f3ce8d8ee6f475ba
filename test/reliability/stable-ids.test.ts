/**
 * Ids are content-derived: adding, removing and reordering other inputs
 * leaves every remaining article's ids unchanged, in every table: article,
 * story, sentences, actors and actor mentions, events and event mentions,
 * figures and figure groups, quotes and quote groups.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { defaultConfig } from '../../pipeline/config.ts';
import { buildDataset } from '../../pipeline/run.ts';
import type { RawFile } from '../../schemas/pipeline.ts';

const enc = (s: string) => new TextEncoder().encode(s);

/** Invented articles, each with names, numbers, quotes and dates. */
const POOL: readonly [string, string][] = [
  [
    'peru-flood.txt',
    'Floods Hit Northern Peru\n\nLIMA - Heavy rains killed at least 12 people and displaced about 3,400 families in northern Peru on Monday, the civil defence agency said.\n\n"We are sending aid," President Ana Torres told reporters.',
  ],
  [
    'summit.txt',
    'Leaders Meet in Geneva\n\nThe leaders of France and Germany met in Geneva on Tuesday for talks on energy.\n\nGerman Chancellor Karl Weber said 40 delegates would attend a second round next month.',
  ],
  [
    'strike.md',
    '# Dock Workers Strike\n\nMore than 2,000 dock workers went on strike in Rotterdam, the union said on Friday.\n\n"This is the only way," said union leader Piet de Vries.',
  ],
  [
    'feed.jsonl',
    '{"title":"Quake Shakes Island","text":"An earthquake injured 35 people on the island of Sumba on Sunday, officials said.","date":"2024-05-05"}\n{"title":"Bridge Reopens","text":"The city reopened the bridge after 18 months of repairs, the mayor said."}\n',
  ],
  [
    'protest.txt',
    "Thousands Protest in Capital\n\nThousands of people protested in Nairobi on Saturday against new taxes, and police arrested 27 demonstrators, Kenya's interior ministry said.",
  ],
  [
    'aid.json',
    JSON.stringify({
      title: 'Aid Pledged',
      body: 'The European Union pledged 50 million euros in aid to Chad on Wednesday, its foreign policy chief said.',
      date: '2024-03-06',
    }),
  ],
];

type Ids = Map<string, string>;

function idsByArticle(files: readonly (readonly [string, string])[]): Ids {
  const raw: RawFile[] = files.map(([path, text]) => ({ path, size: enc(text).length, bytes: enc(text), read_error: null }));
  const { dataset: d } = buildDataset({ files: raw, manifest: [] }, defaultConfig);
  const out: Ids = new Map();
  for (const a of d.articles) {
    const own = <T extends { article_id: string }>(rows: readonly T[], key: (r: T) => string) =>
      rows
        .filter((r) => r.article_id === a.article_id)
        .map(key)
        .sort()
        .join(',');
    out.set(
      a.source_path,
      JSON.stringify({
        article: a.article_id,
        sentences: own(d.sentences, (s) => `${s.sentence_index}:${s.char_start}-${s.char_end}`),
        figures: own(d.figures, (f) => f.figure_id),
        quotes: own(d.quotes, (q) => q.quote_id),
        mentions: own(d.actor_mentions, (m) => m.mention_id),
        actors: own(d.actor_mentions, (m) => m.actor_id),
        story: a.story_id,
        stories: d.stories
          .filter((s) => s.story_id === a.story_id)
          .map((s) => `${s.story_id}:${s.title}:${s.article_count}`)
          .join(','),
        events: own(d.event_mentions, (m) => `${m.event_mention_id}>${m.event_id}`),
        event_rows: [...new Set(d.event_mentions.filter((m) => m.article_id === a.article_id).map((m) => m.event_id))].sort().join(','),
        figure_groups: own(d.figures, (f) => `${f.figure_id}>${f.group_id}`),
        quote_groups: own(d.quotes, (q) => `${q.quote_id}>${q.group_id}`),
      }),
    );
  }
  return out;
}

describe('stable ids', () => {
  const reference = idsByArticle(POOL);

  it('the pool builds and every article has ids', () => {
    assert.equal(reference.size, 7, 'six files, one of them JSONL with two records');
    const all = [...reference.values()].map((v) => JSON.parse(v) as Record<string, string>);
    for (const k of ['story', 'events', 'figure_groups', 'quote_groups'])
      assert.ok(
        all.some((x) => x[k]),
        `some article has ${k}`,
      );
  });

  it('any subset in any order gives every remaining article the same ids', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...POOL], { minLength: 1 }), (subset) => {
        const got = idsByArticle(subset);
        for (const [path, ids] of got) assert.equal(ids, reference.get(path), `ids of ${path} changed`);
      }),
      { numRuns: 25, seed: 42 },
    );
  });
});
