/**
 * Figures on unseen text: numbers that are not counts (names, ranks, scores,
 * ratios, measurements, ages, durations, conversions, trivial and vague
 * counts), partitives, adjectives before the noun, categories by the people
 * counted, and attribution bounded by the clause. Invented sentences.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ActorMentionX, Document, FigureX } from '../../schemas/pipeline.ts';
import { sentenceDoc as doc } from '../support/docs.ts';
import { findFigures, skippedNumbers } from '../../pipeline/extract/figures.ts';

const figs = (s: string): FigureX[] => findFigures(doc([s]), [], []);
const none = (s: string, reason?: string) => {
  const fs = figs(s);
  assert.equal(fs.length, 0, `no figure in: ${s} (got ${fs.map((f) => f.text).join(' | ')})`);
  if (reason) assert.ok((skippedNumbers(doc([s])) as Record<string, number>)[reason]! >= 1, `skipped as ${reason}: ${s}`);
};
const only = (s: string): FigureX => {
  const fs = figs(s);
  assert.equal(fs.length, 1, `one figure in: ${s} (got ${fs.map((f) => f.text).join(' | ')})`);
  return fs[0]!;
};

describe('numbers inside names and titles', () => {
  for (const s of [
    'Fans packed the stadium for the Six Nations opener against the visitors.',
    'The rapper 50 Cent cancelled his tour.',
    'The minister returned to 10 Downing Street on Tuesday.',
    'The Formula One season opens in the desert.',
    'Leaders met at the G7 summit in the mountains.',
    'Critics called the rule a Catch-22 for small farms.',
    'She told BBC Radio Five Live that the plan would fail.',
    'The film 21 Grams won praise at the festival.',
  ])
    it(s, () => none(s));
  it('keeps counts of capitalized groups with a counted noun after them', () => {
    assert.equal(only('The motion was backed by 40 Labour councillors.').value, 40);
    assert.equal(only('Police said 14 Ukrainian refugees were rescued.').value, 14);
  });
  it('a list line "26 Firstname Lastname (Country)" is not a figure', () => none('26 Marta Kowalczyk (Poland)', 'name'));
});

describe('one, small counts and vague counts', () => {
  for (const s of [
    'The talks went one step further than expected.',
    'There is more than one issue on the table.',
    'No one was hurt when the roof collapsed.',
    'It is one of the oldest bridges in the valley.',
    'At one point the crowd fell silent.',
    'The two countries signed a trade pact.',
    'Both sides met in the capital with two leaders present.',
    'The company posted billions in profits.',
  ])
    it(s, () => none(s));
  it('small counts with a governing word are kept', () => {
    const f = only('Three people were killed when the bridge fell.');
    assert.deepEqual([f.value, f.category], [3, 'killed']);
    assert.equal(only('One person died in the fire.').category, 'killed');
  });
  it('vague counts need a governing word and a unit', () => {
    assert.equal(only('Thousands of people fled the flooding.').category, 'displaced');
    none('Thousands of fans lined the streets.', 'vague');
  });
});

describe('scores, ranks, ratios, measurements, ages, durations', () => {
  for (const [s, reason] of [
    ['The hosts secured a 2-1 series victory.', 'score'],
    ['City won 3-0 at home on Saturday.', 'score'],
    ['She is now a top-10 player.', 'rank'],
    ['He remains the world number one after the final.', 'rank'],
    ['The tennis star is seeded 12 this year.', 'rank'],
    ['Nine out of 10 voters backed the plan.', 'ratio'],
    ['One in five adults smokes.', 'ratio'],
    ['The village lies about 40 kilometres from the border.', 'measurement'],
    ['The convoy travelled 25 miles overnight.', 'measurement'],
    ['He won the 400m title in record time.', 'measurement'],
    ['The suspect, Tom Reyes, 34, was charged.', 'age'],
    ['My daughter who is 14 was scared to death.', 'age'],
    ['The project is five years off completion.', 'duration'],
    ['Listen to this article · 4 min read', 'duration'],
  ] as const)
    it(s, () => none(s, reason));
  it('a range of homes is still a range', () => {
    const f = only('The landslide buried 15-17 homes.');
    assert.deepEqual([f.qualifier, f.value_low, f.value_high], ['range', 15, 17]);
  });
  it('a glued "m" with a plural noun is millions', () => assert.equal(only('The final was watched by 7m viewers.').value, 7_000_000));
});

describe('partitives, adjectives and verbs', () => {
  it('"38 of the 72 seats" is 38 seats, the total is not a second figure', () => {
    const f = only('The alliance won 38 of the 72 seats in the chamber.');
    assert.deepEqual([f.value, f.unit, f.text], [38, 'seats', '38 of the 72 seats']);
  });
  it('"about 4,300 of the plant\'s roughly 6,000 workers"', () => {
    const f = only("The union represents about 4,300 of the plant's roughly 6,000 workers.");
    assert.deepEqual([f.value, f.qualifier], [4300, 'approx']);
  });
  it('an adjective between the number and the noun', () => {
    assert.equal(only('Clinics reported 2,410 suspected cases of measles.').value, 2410);
    assert.equal(only('Officials recorded 3,000 new infections.').unit, 'new infections');
  });
  it('a time phrase after the unit does not hide it', () => {
    const f = only('Drone strikes killed at least 900 civilians last year.');
    assert.deepEqual([f.value, f.category, f.qualifier], [900, 'killed', 'at_least']);
    assert.equal(only('Exports were worth about $3.4 billion last year.').value, 3_400_000_000);
  });
  it('a date "As of 12 May," does not swallow the count after it', () => {
    assert.equal(only('As of 12 May, 2,950 suspected cases had been reported.').value, 2950);
  });
});

describe('money conversions', () => {
  it('the amount in parentheses after an amount is a conversion', () => {
    const fs = figs('The bank pledged €40 million ($44m) in loans.');
    assert.deepEqual(
      fs.map((f) => f.value),
      [40_000_000],
    );
    const gs = figs('The fund raised 5m euros (£4.2m; $5.5m) for schools.');
    assert.deepEqual(
      gs.map((f) => f.value),
      [5_000_000],
    );
  });
});

describe('categories', () => {
  for (const [s, cat] of [
    ['Rebels said they had taken 12 soldiers prisoner.', 'abducted'],
    ['The army said it had neutralized more than 150 fighters.', 'killed'],
    ['The floods displaced 900 people and 1,400 homes were damaged.', 'displaced'],
    ['Storm kills 31, at least 23 dead, scores missing', 'killed'],
  ] as const)
    it(`${s} → ${cat}`, () => assert.equal(figs(s)[0]!.category, cat));
  it('homes are never people', () => {
    const fs = figs('The floods displaced 900 people and 1,400 homes were destroyed.');
    assert.deepEqual(
      fs.map((f) => f.category),
      ['displaced', 'other'],
    );
  });
  it('cases are other, deaths beside them are killed', () => {
    const fs = figs('Officials reported 2,100 suspected cases including 45 deaths.');
    assert.deepEqual(
      fs.map((f) => [f.value, f.category]),
      [
        [2100, 'other'],
        [45, 'killed'],
      ],
    );
  });
});

describe('attribution by clause', () => {
  const mention = (d: Document, text: string): ActorMentionX => {
    const at = d.text.indexOf(text);
    return {
      sentence_index: 0,
      char_start: at,
      char_end: at + text.length,
      text,
      name: text,
      type: 'organization',
      country: null,
      role: null,
      method: 'gazetteer',
      key: null,
    };
  };
  it('a source in a later clause about something else is not the source', () => {
    const d = doc(['The bank pledged an extra €30 million for the region, where the Relief Agency estimates that 40,000 people have been displaced.']);
    const fs = findFigures(d, [mention(d, 'Relief Agency')], []);
    assert.deepEqual(
      fs.map((f) => f.attributed_to),
      [null, 0],
    );
  });
  it('a reporting tail ", X said." covers the whole sentence', () => {
    const d = doc(['Police arrested 85 people in the capital while 200 protesters marched, the Interior Ministry said.']);
    const fs = findFigures(d, [mention(d, 'Interior Ministry')], []);
    assert.equal(fs[0]!.attributed_to, 0);
  });
});

describe('halves and weights', () => {
  it('"more than half a million" is 500,000, at least', () => {
    const f = only('More than half a million people have been relocated.');
    assert.deepEqual([f.value, f.qualifier], [500_000, 'at_least']);
  });
  it('pounds given with a metric conversion are a weight', () => none('The lorry was overloaded by 900 pounds (410kg).', 'measurement'));
});

describe('numbers too large for a double', () => {
  it('are skipped as not-finite, never published as Infinity', () => {
    const d = doc([`Officials said ${'9'.repeat(400)} people were killed in the storm.`]);
    assert.deepEqual(findFigures(d, [], []), []);
    assert.equal(skippedNumbers(d)['not-finite'], 1);
  });
});
