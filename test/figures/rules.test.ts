import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findFigures } from '../../pipeline/extract/figures.ts';
import { FIGURE_RULES } from '../../schemas/vocab.ts';
import { doc } from '../events/fixture.ts';

/** [figure text, rule] of each figure of one invented sentence. */
const rules = (sentence: string) => findFigures(doc(['Title', sentence], '2025-06-02'), [], []).map((f) => [f.text, f.rule]);

test('each figure carries the rule that found it', () => {
  assert.deepEqual(rules('The flood destroyed 1,200 homes in the valley.'), [['1,200 homes', 'number-unit']]);
  assert.deepEqual(rules('The council approved $4.5 million for repairs.'), [['$4.5 million', 'currency']]);
  assert.deepEqual(rules('Rebels killed 14 in the raid.'), [['14', 'governed']]);
  assert.deepEqual(rules('The party won 38 of the 72 seats.').at(0), ['38 of the 72 seats', 'partitive']);
  assert.deepEqual(rules('The storm killed 40 people and injured 12.'), [
    ['40 people', 'number-unit'],
    ['12', 'borrowed-unit'],
  ]);
  assert.deepEqual(rules('The toll of dead rose to 45 on Monday.'), [['45', 'unit-number']]);
});

test('every rule a figure can carry is in the codebook vocabulary', () => {
  const found = [...rules('The storm killed 40 people and injured 12.'), ...rules('The death toll rose to 45 people.')].map(([, r]) => r);
  for (const r of found) assert.ok(r! in FIGURE_RULES, `${r} listed`);
});

/** [text, value, category, unit, share_of, rule] of each figure of one invented sentence. */
const rows = (sentence: string) =>
  findFigures(doc(['Title', sentence], '2025-06-02'), [], []).map((f) => [f.text, f.value, f.category, f.unit, f.share_of ?? null, f.rule]);

test('a count after a verb of winning counts the votes named before it', () => {
  assert.deepEqual(rows('In the runoff vote the challenger polled 48,210, against 39,507 for the mayor.'), [
    ['48,210', 48210, 'votes', 'vote', null, 'vote-noun'],
    ['39,507', 39507, 'votes', 'vote', null, 'borrowed-unit'],
  ]);
  // no vote or seat noun in the sentence: a bare number after "took" is not a figure
  assert.deepEqual(rows('The company took 300 in the deal.'), []);
});

test('a bare number borrows the category of the figure before it, not only its unit', () => {
  assert.deepEqual(rows('The mayor received 39,507 votes while the challenger polled 48,210.').at(1), [
    '48,210',
    48210,
    'votes',
    'votes',
    null,
    'borrowed-unit',
  ]);
});

test('a count predicated of its subject takes the subject as its unit', () => {
  assert.deepEqual(rows('Refugees in the hill camps reached 9,300 by Friday.'), [['9,300', 9300, 'displaced', 'Refugees', null, 'subject-unit']]);
  // a subject that is not a counted noun gives nothing ("prices rose to 45" is no count)
  assert.deepEqual(rows('Prices in the capital rose to 45 on Friday.'), []);
});

test('a percentage of a share subject is a share ("turnout was 58%")', () => {
  assert.deepEqual(rows('Turnout was 58.3% in the regional poll.'), [['58.3%', 58.3, 'share', '%', 'Turnout', 'share']]);
  assert.deepEqual(rows('Support for the dam project stood at about 35 per cent.'), [
    ['about 35 per cent', 35, 'share', '%', 'Support for the dam project', 'share'],
  ]);
  // a rate is still not a share
  assert.deepEqual(rows('Inflation was 4.1% in May.'), []);
});

test('a count after a form of be is no subject count (an age, a score); a share after "a turnout of" is', () => {
  assert.deepEqual(rows('The oldest resident is 104.'), []);
  assert.deepEqual(rows('Some 91,400 ballots were returned, a turnout of 31.5%.').at(-1), ['31.5%', 31.5, 'share', '%', 'turnout', 'share']);
});

test('a money range with a currency sign before each number is one range ("between £5m and £8m")', () => {
  const one = (sentence: string) =>
    findFigures(doc(['Title', sentence], '2025-06-02'), [], []).map((f) => [f.text, f.value_low, f.value_high, f.qualifier, f.unit]);
  assert.deepEqual(one('The repairs will cost between £5m and £8m, the council said.'), [['between £5m and £8m', 5e6, 8e6, 'range', 'pounds']]);
  assert.deepEqual(one('Tickets cost $40-$55 each.'), [['$40-$55', 40, 55, 'range', 'dollars']]);
});

test('people in hospital or treated as outpatients are injured, each its own measure', () => {
  const f = findFigures(
    doc(['Title', 'Medics said 61 people were injured; 23 are in hospital and another 17 are under outpatient care.'], '2025-06-02'),
    [],
    [],
  );
  assert.deepEqual(
    f.map((x) => [x.text, x.category, x.measure ?? null]),
    [
      ['61 people', 'injured', null],
      ['23', 'injured', 'hospitalised'],
      ['17', 'injured', 'outpatient'],
    ],
  );
});

test('representatives of organizations are participants; "a dozen" is approximate', () => {
  assert.deepEqual(rows('Representatives from more than ten organizations met in the capital.'), [
    ['more than ten organizations', 10, 'participants', 'organizations', null, 'number-unit'],
  ]);
  const [dozen] = findFigures(doc(['Title', 'A dozen delegations attended the summit.'], '2025-06-02'), [], []);
  assert.equal(dozen?.qualifier, 'approx');
});

test('a governing phrase of several words ends the unit ("people lost their lives")', () => {
  assert.deepEqual(
    rows('Some 240 people lost their lives in the floods.').map((r) => [r[0], r[2], r[3]]),
    [['Some 240 people', 'killed', 'people']],
  );
});

test('a range with the unit after each number is one range ("between 40 euros and 90 euros")', () => {
  const [f, ...rest] = findFigures(doc(['Title', 'Travellers may claim between 40 euros and 90 euros for a delay.'], '2025-06-02'), [], []);
  assert.deepEqual([f?.text, f?.value_low, f?.value_high, f?.qualifier, f?.unit, rest.length], ['between 40 euros and 90 euros', 40, 90, 'range', 'euros', 0]);
});
