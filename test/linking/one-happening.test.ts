/**
 * One event per happening: the rules that keep two happenings of one frame apart, within one article and
 * across the articles of a story (pipeline/resolve/events.ts). Each fixture is a handful of invented event
 * mentions with resolved actors; the assertion is on the event rows that come out.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveFixture, type ArticleSpec } from '../support/resolve-events.ts';

/** Mentions default to an occurred ban (COERCE). */
const run = (articles: ArticleSpec[]) => resolveFixture(articles, { defaults: { trigger: 'ban', event_type: 'COERCE', status: 'occurred', frame: 'coerce' } });

/** The event rows as sorted lists of the sentence indexes of their mentions, per article ("a1:0+2"). */
function clusters(r: ReturnType<typeof run>): string[] {
  const by = new Map<string, string[]>();
  for (const m of r.eventMentions) by.set(m.event_id, [...(by.get(m.event_id) ?? []), `${m.article_id}:${m.sentence_index}`]);
  return [...by.values()].map((xs) => xs.sort().join('+')).sort();
}

test('within one article, bans of two different people are two events, even when one body imposes both', () => {
  const r = run([
    {
      id: 'a1',
      published: '2024-05-10',
      events: [
        {
          who: [
            ['athletics-board', 'source'],
            ['ana-kestrel', 'target', 'person'],
          ],
        },
        {
          who: [
            ['athletics-board', 'source'],
            ['rui-loria', 'target', 'person'],
          ],
        },
        // the first ban told again: it joins the first, not the second
        { who: [['ana-kestrel', 'target', 'person']] },
      ],
    },
  ]);
  assert.deepEqual(clusters(r), ['a1:0+a1:2', 'a1:1']);
});

test('the one banned is the patient even when the extractor reads it as the subject ("X was banned")', () => {
  const r = run([
    {
      id: 'a1',
      published: '2024-05-10',
      events: [{ who: [['ana-kestrel', 'source', 'person']] }, { who: [['rui-loria', 'participant', 'person']] }],
    },
  ]);
  assert.equal(r.events.length, 2);
});

test('across the articles of one story, two arrests of different people sharing the police force stay apart', () => {
  const r = run([
    {
      id: 'a1',
      published: '2024-05-10',
      events: [
        {
          trigger: 'arrested',
          event_subtype: 'arrest',
          who: [
            ['city-police', 'source'],
            ['ana-kestrel', 'target', 'person'],
          ],
        },
      ],
    },
    {
      id: 'a2',
      published: '2024-05-11',
      events: [
        {
          trigger: 'arrested',
          event_subtype: 'arrest',
          who: [
            ['city-police', 'source'],
            ['rui-loria', 'target', 'person'],
          ],
        },
      ],
    },
    {
      id: 'a3',
      published: '2024-05-11',
      events: [{ trigger: 'arrest', event_subtype: 'arrest', who: [['ana-kestrel', 'target', 'person']] }],
    },
  ]);
  assert.deepEqual(clusters(r), ['a1:0+a3:0', 'a2:0']);
});

test('within one article, talks with one country and talks with another are two events; a shared party joins them', () => {
  const talks = { trigger: 'talks', event_type: 'CONSULT' as const, frame: 'meet', status: 'planned' as const };
  const r = run([
    {
      id: 'a1',
      published: '2024-05-10',
      events: [
        {
          ...talks,
          who: [
            ['trade-bloc', 'participant'],
            ['kestrel', 'participant', 'country'],
          ],
        },
        {
          ...talks,
          who: [
            ['loria', 'participant', 'country'],
            ['tarn', 'participant', 'country'],
          ],
        },
        { ...talks, who: [['kestrel', 'participant', 'country']] },
      ],
    },
  ]);
  assert.deepEqual(clusters(r), ['a1:0+a1:2', 'a1:1']);
});

test('one happening told from its two sides (a source in one sentence, a target in the other) stays one event', () => {
  const aid = { trigger: 'aid', event_type: 'AID' as const, frame: 'aid' };
  const r = run([
    {
      id: 'a1',
      published: '2024-05-10',
      events: [
        { ...aid, who: [['relief-fund', 'source']] },
        { ...aid, who: [['loria', 'target', 'country']] },
      ],
    },
  ]);
  assert.deepEqual(clusters(r), ['a1:0+a1:1']);
});

test('two floods in two provinces of one country told in one article are two events', () => {
  const flood = { trigger: 'floods', event_type: 'OTHER' as const, event_subtype: 'natural_disaster' as const, frame: 'disaster', rule: 'agentless' as const };
  const r = run([
    {
      id: 'a1',
      published: '2024-04-02',
      events: [
        { ...flood, place: 'Piura', country: 'PER', who: [['peru', 'participant', 'country']] },
        { ...flood, place: 'Cusco', country: 'PER', who: [['peru', 'participant', 'country']] },
        { ...flood, place: 'Piura', country: 'PER', who: [['peru', 'participant', 'country']] },
      ],
    },
  ]);
  assert.deepEqual(clusters(r), ['a1:0+a1:2', 'a1:1']);
});

test('the undated news of the lead does not absorb a happening the article dates years before', () => {
  const economic = { trigger: 'bankruptcy', event_type: 'OTHER' as const, event_subtype: 'economic' as const, frame: 'economic' };
  const year2019 = { date_text: 'in 2019', date_start: '2019-01-01', date_end: '2019-12-31', date_precision: 'year' as const };
  const r = run([
    {
      id: 'a1',
      published: '2024-05-10',
      events: [
        { ...economic, who: [['kestrel-air', 'source']] },
        { ...economic, who: [['kestrel-air', 'source']] },
        { ...economic, ...year2019, who: [['kestrel-air', 'source']] },
      ],
    },
    // an undated article: a date to the year only is told as background as well
    {
      id: 'a2',
      published: null,
      story: 't',
      events: [
        { ...economic, who: [['loria-steel', 'source']] },
        { ...economic, ...year2019, who: [['loria-steel', 'source']] },
      ],
    },
  ]);
  assert.deepEqual(clusters(r), ['a1:0+a1:1', 'a1:2', 'a2:0', 'a2:1']);
});

test('an undated mention further down does not absorb a happening the article dates to an earlier year either', () => {
  // (sentences 10 to 12: no lead; "the election" and "unlike in 2000" are two elections)
  const election = { trigger: 'election', event_type: 'OTHER' as const, event_subtype: 'election' as const, frame: 'elect' };
  const year2000 = { date_text: 'in 2000', date_start: '2000-01-01', date_end: '2000-12-31', date_precision: 'year' as const };
  const r = resolveFixture(
    [
      {
        id: 'a1',
        published: null,
        events: [
          { ...election, who: [['ruritania', 'participant']] },
          { ...election, who: [['ruritania', 'participant']] },
          { ...election, ...year2000, who: [['ruritania', 'participant']] },
        ],
      },
    ],
    { firstSentence: 10 },
  );
  assert.deepEqual(clusters(r), ['a1:10+a1:11', 'a1:12']);
});

test('a lead mention joins a mention dated a few days before publication (the same news)', () => {
  const r = run([
    {
      id: 'a1',
      published: '2024-05-10',
      events: [
        { who: [['ana-kestrel', 'target', 'person']] },
        { date_text: 'on Tuesday', date_start: '2024-05-07', date_end: '2024-05-07', date_precision: 'day', who: [['ana-kestrel', 'target', 'person']] },
      ],
    },
  ]);
  assert.deepEqual(clusters(r), ['a1:0+a1:1']);
});

test('subtypes that disagree keep two happenings of one frame apart; two ways of telling one attack do not', () => {
  const r = run([
    {
      id: 'a1',
      published: '2024-05-10',
      events: [
        { trigger: 'seized', event_subtype: 'arrest', who: [['border-guard', 'source']] },
        { trigger: 'seized', event_subtype: 'disrupted_weapons', who: [['border-guard', 'source']] },
      ],
    },
    {
      id: 'a2',
      published: '2024-05-10',
      story: 't',
      events: [
        { trigger: 'attack', event_type: 'ASSAULT', frame: 'attack', event_subtype: 'shelling', who: [['tarn-front', 'source']] },
        { trigger: 'strike', event_type: 'ASSAULT', frame: 'attack', event_subtype: 'air_strike', who: [['tarn-front', 'source']] },
      ],
    },
  ]);
  assert.deepEqual(clusters(r), ['a1:0', 'a1:1', 'a2:0+a2:1']);
});

test('two bidders each in talks with one firm: two meetings; the same two parties in two reports: one', () => {
  const talks = { trigger: 'talks', event_type: 'CONSULT' as const, frame: 'meet', status: 'occurred' as const };
  const r = run([
    {
      id: 'a1',
      published: null,
      events: [
        {
          ...talks,
          who: [
            ['kestrel-exchange', 'participant'],
            ['loria-bourse', 'participant'],
          ],
        },
      ],
    },
    {
      id: 'a2',
      published: null,
      events: [
        {
          ...talks,
          who: [
            ['tarn-exchange', 'participant'],
            ['loria-bourse', 'participant'],
          ],
        },
      ],
    },
    {
      id: 'a3',
      published: null,
      events: [
        {
          ...talks,
          trigger: 'held talks',
          who: [
            ['loria-bourse', 'participant'],
            ['kestrel-exchange', 'participant'],
          ],
        },
      ],
    },
  ]);
  assert.deepEqual(clusters(r), ['a1:0+a3:0', 'a2:0']);
});

test('across articles, two undated mentions of one frame sharing a firm join only when a trigger word agrees', () => {
  const economic = { event_type: 'OTHER' as const, event_subtype: 'economic' as const, frame: 'economic', status: 'unknown' as const };
  const r = run([
    { id: 'a1', published: null, events: [{ ...economic, trigger: 'takeover bid', who: [['kestrel-oil', 'source']] }] },
    { id: 'a2', published: null, events: [{ ...economic, trigger: 'bankruptcy', who: [['kestrel-oil', 'source']] }] },
    { id: 'a3', published: null, events: [{ ...economic, trigger: 'bid', who: [['kestrel-oil', 'source']] }] },
  ]);
  assert.deepEqual(clusters(r), ['a1:0+a3:0', 'a2:0']);
});

test('across articles, the shared actor must play the same part: a firm that sues and a firm that is sued are two cases', () => {
  const legal = { event_type: 'OTHER' as const, event_subtype: 'legal_action' as const, frame: 'legal', status: 'occurred' as const };
  const r = run([
    { id: 'a1', published: null, events: [{ ...legal, trigger: 'sued', who: [['kestrel-oil', 'source']] }] },
    { id: 'a2', published: null, events: [{ ...legal, trigger: 'sued', who: [['kestrel-oil', 'target']] }] },
    { id: 'a3', published: null, events: [{ ...legal, trigger: 'sues', who: [['kestrel-oil', 'source']] }] },
  ]);
  assert.deepEqual(clusters(r), ['a1:0+a3:0', 'a2:0']);
});

test('an envoy named at talks of bodies is no other side: the person and the bodies tell one meeting', () => {
  const talks = { trigger: 'talks', event_type: 'CONSULT' as const, frame: 'meet', status: 'planned' as const };
  const r = run([
    {
      id: 'a1',
      published: '2024-05-10',
      events: [
        {
          ...talks,
          who: [
            ['kestrel', 'participant', 'country'],
            ['tarn-front', 'participant'],
          ],
        },
        { ...talks, who: [['ivo-marsh', 'participant', 'person']] },
      ],
    },
  ]);
  assert.deepEqual(clusters(r), ['a1:0+a1:1']);
});

test('within one article, mentions of one frame sharing no actor and no trigger word are two happenings; violence keeps its names', () => {
  const economic = { event_type: 'OTHER' as const, event_subtype: 'economic' as const, frame: 'economic' };
  const assault = { event_type: 'ASSAULT' as const, event_subtype: 'attack' as const, frame: 'attack' };
  const r = run([
    {
      id: 'a1',
      published: '2024-05-10',
      events: [
        { ...economic, trigger: 'agreed to buy', who: [['kestrel-telecom', 'source']] },
        { ...economic, trigger: 'bankruptcy', who: [['loria-networks', 'participant']] },
      ],
    },
    {
      id: 'a2',
      published: '2024-05-10',
      story: 't',
      events: [
        { ...assault, trigger: 'fired on', who: [['tarn-police', 'source']] },
        { ...assault, trigger: 'shot dead', who: [['marchers-union', 'participant']] },
      ],
    },
  ]);
  assert.deepEqual(clusters(r), ['a1:0', 'a1:1', 'a2:0+a2:1']);
});

test("the first body sentence after a standfirst is lead too: an undated protest there is not last year's", () => {
  const protest = { trigger: 'protests', event_type: 'PROTEST' as const, frame: 'protest', status: 'unknown' as const };
  const lastYear = { date_text: 'last year', date_start: '2023-01-01', date_end: '2023-12-31', date_precision: 'year' as const };
  // sentence 0 a title with another happening, 1 a standfirst, 2 the first body sentence, 3 background
  const r = run([
    {
      id: 'a1',
      published: '2024-05-10',
      events: [
        { trigger: 'arrest', who: [['city-police', 'source']] },
        { trigger: 'fired', event_type: 'ASSAULT', frame: 'assault', who: [['city-police', 'source']] },
        { ...protest, who: [['fuel-levy-movement', 'source']] },
        { ...protest, ...lastYear, who: [['fuel-levy-movement', 'source']] },
      ],
    },
  ]);
  const c = clusters(r);
  assert.ok(!c.includes('a1:2+a1:3'), c.join(' '));
});

test('across one story, an undated mention joins the dated one when it names the same trigger and the same country struck', () => {
  const attack = { event_type: 'ASSAULT' as const, event_subtype: 'attack' as const, frame: 'attack', status: 'occurred' as const };
  const r = run([
    {
      id: 'a1',
      published: '2024-03-02',
      events: [
        {
          ...attack,
          trigger: 'incursion',
          date_start: '2023-10-07',
          date_end: '2023-10-07',
          date_precision: 'day',
          who: [
            ['lorian-front', 'source'],
            ['kestrel', 'target', 'country'],
          ],
        },
      ],
    },
    { id: 'a2', published: null, events: [{ ...attack, trigger: 'incursion', status: 'unknown', who: [['kestrel', 'target', 'country']] }] },
    // the country taking part, not struck, is no anchor; nor is the country struck by another kind of attack
    { id: 'a3', published: null, events: [{ ...attack, trigger: 'incursion', status: 'unknown', who: [['kestrel', 'participant', 'country']] }] },
    { id: 'a4', published: null, events: [{ ...attack, trigger: 'bombing', status: 'unknown', who: [['kestrel', 'target', 'country']] }] },
  ]);
  assert.deepEqual(clusters(r), ['a1:0+a2:0', 'a3:0', 'a4:0']);
});

test('a bankruptcy and a purchase are two happenings of the economic frame, even sharing a firm; two reports of one filing are one', () => {
  const economic = { event_type: 'OTHER' as const, event_subtype: 'economic' as const, frame: 'economic', status: 'unknown' as const };
  const r = run([
    {
      id: 'a1',
      published: null,
      events: [
        { ...economic, trigger: 'filed for bankruptcy', who: [['kestrel-oil', 'source']] },
        {
          ...economic,
          trigger: 'agreed to buy',
          who: [
            ['loria-gas', 'source'],
            ['kestrel-oil', 'target'],
          ],
        },
        { ...economic, trigger: 'bankruptcy', who: [] },
      ],
    },
  ]);
  assert.deepEqual(clusters(r), ['a1:0+a1:2', 'a1:1']);
});

test('a war told as going on, dated only by its report, joins the war the story dates months before', () => {
  const war = { event_type: 'ASSAULT' as const, event_subtype: 'armed_clash' as const, frame: 'war', trigger: 'war' };
  const r = run([
    {
      id: 'a1',
      published: '2024-03-01',
      events: [
        {
          ...war,
          status: 'ongoing',
          date_start: '2024-03-01',
          date_end: '2024-03-01',
          date_precision: 'day',
          date_text: null,
          who: [['kestrel', 'source', 'country']],
          place: 'Tarn',
        },
      ],
    },
    {
      id: 'a2',
      published: '2024-03-02',
      events: [
        {
          ...war,
          status: 'occurred',
          date_start: '2023-10-07',
          date_end: '2023-10-07',
          date_precision: 'day',
          date_text: '7 October',
          who: [['kestrel', 'source', 'country']],
          place: 'Tarn',
        },
      ],
    },
  ]);
  assert.deepEqual(clusters(r), ['a1:0+a2:0']);
  assert.equal(r.events[0]!.date_start, '2023-10-07');
});

test('one sentence reprinted word for word by two reports is one happening, whatever actors each resolved; a report holding more does not pull it in', () => {
  const text = 'The appeal court backed the ministry on Monday in a ruling on the new powers.';
  const legal = { event_type: 'SUPPORT' as const, frame: 'support', trigger: 'backed', status: 'occurred' as const, text };
  const r = run([
    { id: 'a1', published: null, events: [{ ...legal, who: [['appeal-court', 'source']] }] },
    { id: 'a2', published: null, events: [{ ...legal, who: [['kestrel-ministry', 'source']] }] },
  ]);
  assert.deepEqual(clusters(r), ['a1:0+a2:0']);
});
