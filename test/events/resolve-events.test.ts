import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveFixture, type ArticleSpec } from '../support/resolve-events.ts';

/** Articles with their story (default: every article one story, "s") and the actor ids that are countries; mentions default to a planned meeting. */
const setup = (articles: ArticleSpec[], countries: readonly string[] = []) =>
  resolveFixture(articles, { defaults: { status: 'planned' }, firstSentence: 1, countries });

test('one meeting reported with different dates by two articles is one event with date_conflict', () => {
  const r = setup([
    {
      id: 'a1',
      published: '2024-03-01',
      events: [
        {
          who: [
            ['norway', 'source'],
            ['chile', 'participant'],
          ],
          place: 'Oslo',
          country: 'NOR',
          date_text: 'on March 10',
          date_start: '2024-03-10',
          date_end: '2024-03-10',
          date_precision: 'day',
        },
      ],
    },
    {
      id: 'a2',
      published: '2024-03-03',
      events: [
        {
          who: [['chile', 'participant']],
          place: 'Oslo',
          country: 'NOR',
          date_text: 'March 13-14',
          date_start: '2024-03-13',
          date_end: '2024-03-14',
          date_precision: 'day',
        },
      ],
    },
  ]);
  assert.equal(r.events.length, 1);
  const e = r.events[0]!;
  assert.equal(e.article_count, 2);
  assert.equal(e.date_conflict, true);
  assert.deepEqual(e.dates_reported, ['a1=2024-03-10', 'a2=2024-03-13/2024-03-14']);
  assert.equal(e.first_reported, '2024-03-01');
  assert.equal(r.eventMentions.length, 2);
});

test('two meetings of the same actors months apart stay two events', () => {
  const r = setup([
    {
      id: 'a1',
      published: '2024-03-01',
      events: [
        {
          who: [
            ['norway', 'participant'],
            ['chile', 'participant'],
          ],
          date_start: '2024-03-10',
          date_end: '2024-03-10',
          date_precision: 'day',
        },
      ],
    },
    {
      id: 'a2',
      published: '2024-03-03',
      events: [
        {
          who: [
            ['norway', 'participant'],
            ['chile', 'participant'],
          ],
          status: 'occurred',
          date_start: '2023-10-26',
          date_end: '2023-10-26',
          date_precision: 'day',
        },
      ],
    },
  ]);
  assert.equal(r.events.length, 2);
  assert.ok(r.events.every((e) => !e.date_conflict));
});

test('different frames and different sources are not merged', () => {
  const r = setup([
    {
      id: 'a1',
      published: '2024-03-01',
      events: [
        {
          who: [
            ['peru', 'source'],
            ['chile', 'target'],
          ],
          frame: 'accuse',
          event_type: 'ACCUSE',
          trigger: 'accused',
          status: 'occurred',
        },
      ],
    },
    {
      id: 'a2',
      published: '2024-03-01',
      events: [
        {
          who: [
            ['bolivia', 'source'],
            ['chile', 'target'],
          ],
          frame: 'accuse',
          event_type: 'ACCUSE',
          trigger: 'blamed',
          status: 'occurred',
        },
        {
          who: [
            ['peru', 'participant'],
            ['chile', 'participant'],
          ],
          frame: 'invite',
          trigger: 'invited',
          status: 'occurred',
        },
      ],
    },
  ]);
  assert.equal(r.events.length, 3);
});

test('an undated mention joins a dated event of its story, never one of another story, never bridging two dated events', () => {
  const r = setup([
    {
      id: 'a1',
      published: '2024-03-01',
      events: [{ who: [['norway', 'participant']], date_start: '2024-03-10', date_end: '2024-03-10', date_precision: 'day', place: 'Oslo' }],
    },
    {
      id: 'a2',
      published: '2024-03-01',
      events: [{ who: [['norway', 'participant']], status: 'occurred', date_start: '2023-01-10', date_end: '2023-01-10', date_precision: 'day' }],
    },
    { id: 'a3', published: '2024-03-02', story: 'other', events: [{ who: [['norway', 'participant']] }] },
    { id: 'a4', published: '2024-03-02', events: [{ who: [['norway', 'participant']], place: 'Oslo' }] },
  ]);
  // a3 is another story: apart; a4 shares the actor and the town: joins the planned meeting, not the old one
  assert.equal(r.events.length, 3);
  const planned = r.events.find((e) => e.date_start === '2024-03-10')!;
  assert.equal(planned.article_count, 2);
});

test('undated mentions of one frame and one actor join within a story, not across stories', () => {
  const r = setup([
    {
      id: 'a1',
      published: '2024-03-01',
      events: [
        {
          who: [
            ['norway', 'participant'],
            ['chile', 'participant'],
          ],
          date_start: '2024-03-10',
          date_end: '2024-03-10',
          date_precision: 'day',
        },
        { who: [['peru', 'source']], trigger: 'attack', frame: 'attack', event_type: 'ASSAULT', status: 'occurred', sentence_index: 4 },
      ],
    },
    {
      id: 'a2',
      published: '2024-03-02',
      events: [
        { who: [['norway', 'participant']], date_start: '2024-03-10', date_end: '2024-03-10', date_precision: 'day' },
        { who: [['peru', 'source']], trigger: 'attack', frame: 'attack', event_type: 'ASSAULT', status: 'occurred', sentence_index: 4 },
      ],
    },
    {
      id: 'a3',
      published: '2024-03-02',
      story: 'other',
      events: [{ who: [['peru', 'source']], trigger: 'attack', frame: 'attack', event_type: 'ASSAULT', status: 'occurred' }],
    },
  ]);
  const attacks = r.events.filter((e) => e.event_type === 'ASSAULT');
  assert.deepEqual(attacks.map((e) => e.article_count).sort(), [1, 2]);
});

test('within one article, one frame told on two different days is two events', () => {
  const r = setup([
    {
      id: 'a1',
      published: '2024-03-05',
      events: [
        {
          who: [['peru', 'source']],
          trigger: 'attack',
          frame: 'attack',
          event_type: 'ASSAULT',
          status: 'occurred',
          date_start: '2024-03-03',
          date_end: '2024-03-03',
          date_precision: 'day',
        },
        {
          who: [['peru', 'source']],
          trigger: 'attack',
          frame: 'attack',
          event_type: 'ASSAULT',
          status: 'occurred',
          date_start: '2024-03-04',
          date_end: '2024-03-04',
          date_precision: 'day',
        },
        { who: [['peru', 'source']], trigger: 'raid', frame: 'attack', event_type: 'ASSAULT', status: 'occurred', place: 'Cusco' },
        { who: [['peru', 'source']], trigger: 'raid', frame: 'attack', event_type: 'ASSAULT', status: 'occurred', place: 'Arequipa' },
      ],
    },
  ]);
  assert.ok(r.events.length >= 2);
  for (const e of r.events) {
    const days = new Set(r.eventMentions.filter((m) => m.event_id === e.event_id && m.date_start).map((m) => m.date_start));
    assert.ok(days.size <= 1, 'an event holds two different days');
  }
  const towns = setup([
    {
      id: 'a1',
      published: '2024-03-05',
      events: [
        { who: [['peru', 'source']], trigger: 'raid', frame: 'attack', event_type: 'ASSAULT', status: 'occurred', place: 'Cusco' },
        { who: [['peru', 'source']], trigger: 'raid', frame: 'attack', event_type: 'ASSAULT', status: 'occurred', place: 'Arequipa' },
      ],
    },
  ]);
  assert.equal(towns.events.length, 2);
});

test('clusters with no actor are not published; ids are stable under input order', () => {
  const articles = [
    {
      id: 'a1',
      published: '2024-03-01',
      events: [{ who: [] as [string, 'participant'][] }, { who: [['norway', 'participant']] as [string, 'participant'][], sentence_index: 5 }],
    },
    { id: 'a2', published: '2024-03-02', events: [{ who: [['norway', 'participant']] as [string, 'participant'][] }] },
  ];
  const r1 = setup(articles),
    r2 = setup([...articles].reverse());
  assert.ok(r1.events.every((e) => r1.eventActors.some((a) => a.event_id === e.event_id)));
  assert.deepEqual(r1.events.map((e) => e.event_id).sort(), r2.events.map((e) => e.event_id).sort());
});

test('across stories only a strong anchor joins: the same frame on the same day in the same town; two talks of one week sharing a country stay apart', () => {
  const talks = setup(
    [
      {
        id: 'a1',
        published: '2024-03-01',
        story: 's1',
        events: [
          {
            who: [
              ['peru', 'participant'],
              ['union-a', 'participant'],
            ],
            date_start: '2024-03-04',
            date_end: '2024-03-04',
            date_precision: 'day',
          },
        ],
      },
      {
        id: 'a2',
        published: '2024-03-02',
        story: 's2',
        events: [
          {
            who: [
              ['peru', 'participant'],
              ['miners-b', 'participant'],
            ],
            date_start: '2024-03-06',
            date_end: '2024-03-06',
            date_precision: 'day',
          },
        ],
      },
    ],
    ['peru'],
  );
  assert.equal(talks.events.length, 2);
  const anchored = setup([
    {
      id: 'a1',
      published: '2024-03-01',
      story: 's1',
      events: [{ who: [['union-a', 'participant']], place: 'Lima', date_start: '2024-03-04', date_end: '2024-03-04', date_precision: 'day' }],
    },
    {
      id: 'a2',
      published: '2024-03-05',
      story: 's2',
      events: [{ who: [['miners-b', 'participant']], place: 'Lima', date_start: '2024-03-04', date_end: '2024-03-04', date_precision: 'day' }],
    },
  ]);
  assert.equal(anchored.events.length, 1);
});

test('within a story, undated mentions sharing only a country stay apart; a named actor joins them', () => {
  const country = setup(
    [
      {
        id: 'a1',
        published: '2024-03-01',
        events: [
          {
            who: [
              ['peru', 'participant'],
              ['union-a', 'participant'],
            ],
          },
        ],
      },
      {
        id: 'a2',
        published: '2024-03-02',
        events: [
          {
            who: [
              ['peru', 'participant'],
              ['miners-b', 'participant'],
            ],
          },
        ],
      },
    ],
    ['peru'],
  );
  assert.equal(country.events.length, 2);
  const named = setup(
    [
      {
        id: 'a1',
        published: '2024-03-01',
        events: [
          {
            who: [
              ['peru', 'participant'],
              ['union-a', 'participant'],
            ],
          },
        ],
      },
      { id: 'a2', published: '2024-03-02', events: [{ who: [['union-a', 'participant']] }] },
    ],
    ['peru'],
  );
  assert.equal(named.events.length, 1);
  assert.equal(named.events[0]!.story_id, 's');
});

test('event ids do not depend on the actor ids resolution gives (only on the earliest mention)', () => {
  const base = [{ id: 'a1', published: '2024-03-01', events: [{ who: [['norway', 'participant']] as [string, 'participant'][] }] }];
  const renamed = [{ id: 'a1', published: '2024-03-01', events: [{ who: [['kingdom-of-norway', 'participant']] as [string, 'participant'][] }] }];
  assert.equal(setup(base).events[0]!.event_id, setup(renamed).events[0]!.event_id);
});

test('within a story, two statements of one speaker are two events unless they share two named actors or say the same', () => {
  const accuse = { frame: 'accuse', event_type: 'ACCUSE' as const, trigger: 'accused', status: 'occurred' as const };
  const two = setup([
    {
      id: 'a1',
      published: '2024-03-01',
      events: [
        {
          ...accuse,
          who: [
            ['mayor-a', 'source'],
            ['council-b', 'target'],
          ],
          text: 'The mayor accused the council of wasting money on the new stadium.',
        },
      ],
    },
    {
      id: 'a2',
      published: '2024-03-02',
      events: [{ ...accuse, who: [['mayor-a', 'source']], text: 'The mayor later accused rivals of hiding the cost of the road scheme.' }],
    },
  ]);
  assert.equal(two.events.length, 2);
  const same = setup([
    {
      id: 'a1',
      published: '2024-03-01',
      events: [{ ...accuse, who: [['mayor-a', 'source']], text: 'The mayor accused the council of wasting money on the new stadium.' }],
    },
    {
      id: 'a2',
      published: '2024-03-02',
      events: [{ ...accuse, who: [['mayor-a', 'source']], text: 'On Friday the mayor accused the council of wasting money on the stadium.' }],
    },
  ]);
  assert.equal(same.events.length, 1);
});

test('two statements sharing a party only in crossed roles are two events (one makes it, the other is about it)', () => {
  const reject = { frame: 'reject', event_type: 'REJECT' as const, status: 'occurred' as const };
  const r = setup([
    {
      id: 'a1',
      published: '2024-03-01',
      events: [
        { ...reject, trigger: 'denied', who: [['kofi-mensah', 'source', 'person']], text: 'Kofi Mensah denied he had been pressed.' },
        { ...reject, trigger: 'refused', who: [['kofi-mensah', 'target', 'person']], text: 'The cabinet refused to publish the advice of Kofi Mensah.' },
      ],
    },
  ]);
  assert.equal(r.events.length, 2, JSON.stringify(r.events.map((e) => e.summary)));
  // the same party in the same role in both: one event
  const one = setup([
    {
      id: 'a1',
      published: '2024-03-01',
      events: [
        { ...reject, trigger: 'denied', who: [['kofi-mensah', 'source', 'person']], text: 'Kofi Mensah denied he had been pressed.' },
        { ...reject, trigger: 'denied', who: [['kofi-mensah', 'source', 'person']], text: 'Kofi Mensah denied it again.' },
      ],
    },
  ]);
  assert.equal(one.events.length, 1);
});

test('within an article, two statements of one trigger word that share no party are two events', () => {
  const request = { frame: 'request', event_type: 'REQUEST' as const, trigger: 'called for', status: 'occurred' as const };
  const r = setup([
    {
      id: 'a1',
      published: '2024-03-01',
      events: [
        { ...request, who: [['union-a', 'source']], text: 'The union called for a higher wage.' },
        { ...request, who: [['council-b', 'target']], text: 'Employers called for the council to pause.' },
      ],
    },
  ]);
  assert.equal(r.events.length, 2);
});

test('within an article, a conviction and the jailing of the same person are one event, an arrest before them another', () => {
  const court = { event_type: 'COERCE' as const, status: 'occurred' as const };
  const r = setup([
    {
      id: 'a1',
      published: '2024-03-01',
      events: [
        { ...court, frame: 'sentence', trigger: 'jailed', event_subtype: 'arrest', who: [['ana-ruiz', 'target', 'person']] },
        { ...court, frame: 'sentence', trigger: 'convicted', event_subtype: 'legal_action', who: [['ana-ruiz', 'target', 'person']] },
        { ...court, frame: 'coerce', trigger: 'arrested', event_subtype: 'arrest', who: [['ana-ruiz', 'target', 'person']] },
      ],
    },
  ]);
  assert.deepEqual(r.events.map((e) => e.mention_count).sort(), [1, 2], JSON.stringify(r.events.map((e) => e.summary)));
});

test('within an article, a statement that names no one joins a named one only nearby or when it points back', () => {
  const support = { frame: 'support', event_type: 'SUPPORT' as const, trigger: 'welcomed', status: 'occurred' as const };
  const r = setup([
    {
      id: 'a1',
      published: '2024-03-01',
      events: [
        { ...support, sentence_index: 1, who: [['union-a', 'source']], text: 'The union welcomed the rise.' },
        { ...support, sentence_index: 2, who: [], text: 'The rise was welcomed on the shop floor.' },
        { ...support, sentence_index: 9, who: [], text: 'Readers wrote in: any rise is welcome.' },
        { ...support, sentence_index: 12, who: [], text: 'The union leader said the members welcomed it.' },
        // a pronoun's antecedent is near: far off, "they" is anyone; "the union" still points back
        { ...support, sentence_index: 30, who: [], text: 'They welcomed it, as they always do.' },
        { ...support, sentence_index: 40, who: [], text: 'Later the union welcomed the second rise too.' },
        // a pronoun that is not the subject of the trigger points to no one
        { ...support, sentence_index: 20, who: [], text: 'Any rise is welcomed in homes where they struggle.' },
      ],
    },
  ]);
  const withUnion = r.events.find((e) => r.eventMentions.some((m) => m.event_id === e.event_id && m.sentence_index === 1))!;
  assert.deepEqual(
    r.eventMentions
      .filter((m) => m.event_id === withUnion.event_id)
      .map((m) => m.sentence_index)
      .sort((a, b) => a - b),
    [1, 2, 12, 40],
  );
});

test('within an article, arrests of people counted apart ("two men", "a woman") are apart; told again with the same count they join', () => {
  const arrest = { frame: 'coerce', event_type: 'COERCE' as const, event_subtype: 'arrest' as const, trigger: 'arrested', status: 'occurred' as const };
  const r = setup([
    {
      id: 'a1',
      published: '2024-03-01',
      events: [
        { ...arrest, who: [['police-x', 'source']], text: 'Two men from Tarn were arrested by police on Monday.' },
        { ...arrest, who: [['police-x', 'source']], text: 'A 30-year-old woman was arrested by police at the port.' },
        { ...arrest, who: [['police-x', 'source']], text: 'The two men were arrested after a raid, police said.' },
      ],
    },
  ]);
  assert.equal(r.events.length, 2, JSON.stringify(r.events.map((e) => e.summary)));
});

test('a purchase of one firm and a purchase of another by the same buyer are two events, across articles too', () => {
  const buy = { frame: 'economic', event_type: 'OTHER' as const, event_subtype: 'economic' as const, trigger: 'bought', status: 'occurred' as const };
  const r = setup([
    {
      id: 'a1',
      published: '2024-03-01',
      events: [
        {
          ...buy,
          who: [
            ['kestrel', 'source'],
            ['loria-soft', 'target'],
          ],
          text: 'Kestrel bought Loria Soft.',
        },
      ],
    },
    {
      id: 'a2',
      published: '2024-03-02',
      events: [
        {
          ...buy,
          who: [
            ['kestrel', 'source'],
            ['tarn-labs', 'target'],
          ],
          text: 'Kestrel bought Tarn Labs.',
        },
      ],
    },
    {
      id: 'a3',
      published: '2024-03-02',
      events: [
        {
          ...buy,
          who: [
            ['kestrel', 'source'],
            ['loria-soft', 'target'],
          ],
          text: 'Kestrel has bought Loria Soft.',
        },
      ],
    },
  ]);
  assert.deepEqual(r.events.map((e) => e.article_count).sort(), [1, 2], JSON.stringify(r.events.map((e) => e.summary)));
});
