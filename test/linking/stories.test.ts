/**
 * Stories: articles of the same news are one story, by content, names and time; other news stays apart;
 * ids do not depend on input order; undated articles are read against their story's date.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Document, Extraction } from '../../schemas/pipeline.ts';
import { findEvents } from '../../pipeline/extract/events.ts';
import { dateByStory } from '../../pipeline/resolve/events.ts';
import { ref } from '../../pipeline/resolve/refs.ts';
import { resolveStories, storyReferenceDates } from '../../pipeline/resolve/stories.ts';
import stopWords from '../../pipeline/lexicons/stop-words.json' with { type: 'json' };
import { doc, mentionsOf } from '../events/fixture.ts';

const STOP = new Set(stopWords.words);

/** Invented articles: two reports of one flood, two of one transfer, one of a harvest festival. */
const ARTICLES: readonly [string, string | null, readonly string[], readonly string[]][] = [
  [
    'f1',
    '2024-04-02',
    [
      'Floods Sweep Through Piura Valley',
      'Torrential rains flooded the Piura valley in northern Peru, forcing thousands of farmers from their homes, the civil defence agency said.',
      'Rescue teams in boats reached villages cut off by the swollen Piura river.',
    ],
    ['Peru', 'Piura'],
  ],
  [
    'f2',
    '2024-04-03',
    [
      'Piura River Bursts Its Banks',
      'The Piura river burst its banks after days of torrential rains in northern Peru, and rescue teams in boats evacuated farmers from flooded villages.',
      'The civil defence agency said thousands were homeless.',
    ],
    ['Peru', 'Piura'],
  ],
  [
    't1',
    '2024-04-02',
    [
      'Striker Joins Valencia For Record Fee',
      'Forward Marco Delgado signed a five-year contract with Valencia, the club said, after a record transfer from Porto.',
      'Delgado scored thirty goals for Porto last season.',
    ],
    ['Valencia', 'Porto', 'Marco Delgado'],
  ],
  [
    't2',
    '2024-04-03',
    [
      'Delgado Completes Valencia Move',
      'Valencia completed the signing of Marco Delgado from Porto on a five-year contract, a record transfer for the club.',
      'The forward scored thirty goals last season.',
    ],
    ['Valencia', 'Porto', 'Marco Delgado'],
  ],
  [
    'h1',
    '2024-04-02',
    [
      'Village Celebrates Grape Harvest',
      'Thousands of visitors tasted new wine and watched folk dancers as a hillside village in Moldova celebrated its grape harvest.',
      'Organisers said the festival drew record crowds.',
    ],
    ['Moldova'],
  ],
];

function inputs(order: readonly number[] = ARTICLES.map((_, i) => i)) {
  const docs: Document[] = [],
    extractions: Extraction[] = [];
  const actorOf = new Map<string, string>();
  for (const i of order) {
    const [id, published, paragraphs, names] = ARTICLES[i]!;
    const d = doc(paragraphs, published, id);
    const mentions = mentionsOf(d, names, ['Marco Delgado']);
    mentions.forEach((m, k) => actorOf.set(ref(id, k), m.name.toLowerCase().replace(/\s+/g, '-')));
    docs.push(d);
    extractions.push({ article_id: id, mentions, figures: [], events: [], quotes: [] });
  }
  return { documents: docs, extractions, actorOf, stopWords: STOP };
}

describe('stories', () => {
  it('two reports of one flood and two of one transfer are two stories; the festival is a story of its own', () => {
    const { storyOf, stories } = resolveStories(inputs());
    assert.equal(storyOf.get('f1'), storyOf.get('f2'));
    assert.equal(storyOf.get('t1'), storyOf.get('t2'));
    assert.notEqual(storyOf.get('f1'), storyOf.get('t1'));
    assert.notEqual(storyOf.get('h1'), storyOf.get('f1'));
    assert.equal(stories.length, 3);
    const flood = stories.find((s) => s.story_id === storyOf.get('f1'))!;
    assert.deepEqual(
      [flood.article_count, flood.first_date, flood.last_date, flood.title],
      [2, '2024-04-02', '2024-04-03', 'Floods Sweep Through Piura Valley'],
    );
  });

  it('articles published weeks apart are two stories however alike', () => {
    const x = inputs();
    x.documents[1] = { ...x.documents[1]!, article: { ...x.documents[1]!.article, published_date: '2024-06-20' } };
    const { storyOf } = resolveStories(x);
    assert.notEqual(storyOf.get('f1'), storyOf.get('f2'));
  });

  it('story ids do not depend on the order of the inputs, and a story of one keeps its id when others go', () => {
    const a = resolveStories(inputs()).storyOf;
    const b = resolveStories(inputs([4, 3, 2, 1, 0])).storyOf;
    assert.deepEqual([...a].sort(), [...b].sort());
    const alone = resolveStories(inputs([4])).storyOf;
    assert.equal(alone.get('h1'), a.get('h1'));
  });
});

describe('undated articles take their story date', () => {
  it('"on Thursday" in an undated report resolves against the latest date of its story', () => {
    const d = doc(['Ministers Meet', 'The ministers of Peru and Chile met in Lima on Thursday to discuss the border.'], null, 'u1');
    const mentions = mentionsOf(d, ['Peru', 'Chile', 'Lima']);
    const ex: Extraction = { article_id: 'u1', mentions, figures: [], events: findEvents(d, mentions), quotes: [] };
    assert.ok(ex.events.length > 0 && ex.events.every((m) => m.date_start === null), 'undated without a reference');
    const storyOf = new Map([
      ['u1', 's1'],
      ['d1', 's1'],
    ]);
    const reference = storyReferenceDates(
      [
        { article_id: 'u1', published_date: null },
        { article_id: 'd1', published_date: '2024-03-02' },
      ],
      storyOf,
    );
    const [out] = dateByStory([d], [ex], storyOf, reference);
    const met = out!.events.find((m) => m.date_start)!;
    assert.equal(met.date_start, '2024-02-29');
    assert.equal(out!.events.length, ex.events.length, 'the mentions stay as extracted');
    const [solo0] = dateByStory([d], [ex], new Map([['u1', 's2']]), reference);
    assert.ok(
      solo0!.events.every((m) => m.date_start === null),
      'an article alone in its story is not dated',
    );
  });

  it('an undated report is read against the last day it tells, when that falls in the two weeks before its story date', () => {
    // the story's latest report is of Saturday 2 March; this one tells of Thursday 29 February and "hours ago"
    const d = doc(
      [
        'Talks Open',
        'On Thursday, February 29, the ministers of Peru and Chile opened talks in Lima.',
        'Chile condemned a raid by Peru that took place several hours ago.',
      ],
      null,
      'u1',
    );
    const mentions = mentionsOf(d, ['Peru', 'Chile', 'Lima']);
    const ex: Extraction = { article_id: 'u1', mentions, figures: [], events: findEvents(d, mentions), quotes: [] };
    const storyOf = new Map([
      ['u1', 's1'],
      ['d1', 's1'],
    ]);
    const reference = new Map([['s1', '2024-03-02']]);
    const [out] = dateByStory([d], [ex], storyOf, reference);
    const raid = out!.events.find((m) => m.event_type === 'ASSAULT');
    assert.equal(raid?.date_start, '2024-02-29', JSON.stringify(out!.events.map((m) => [m.trigger, m.date_start])));
    const [solo] = dateByStory([d], [ex], new Map([['u1', 's2']]), reference);
    assert.ok(solo!.events.every((m) => m.date_start === null));
  });
});
