import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDates } from '../../pipeline/lib/temporal.ts';

const one = (text: string, ref: string | null, dir: 'past' | 'future' | 'nearest' = 'nearest') => {
  const h = findDates(text, ref, dir);
  assert.equal(h.length, 1, `${text}: ${JSON.stringify(h)}`);
  return h[0]!;
};

test('weekday direction by tense (reference Monday 2024-03-04)', () => {
  assert.equal(one('they will meet on Saturday', '2024-03-04', 'future').start, '2024-03-09');
  assert.equal(one('they met on Saturday', '2024-03-04', 'past').start, '2024-03-02');
});

test('ranges split by chrono are joined', () => {
  const h = one('the talks will take place between April 29 and May 1-2', '2024-04-10', 'future');
  assert.deepEqual([h.start, h.end, h.precision], ['2024-04-29', '2024-05-02', 'day']);
  assert.equal(h.text, 'between April 29 and May 1-2');
  const w = one('they will meet from Thursday to Saturday', '2024-03-04', 'future');
  assert.deepEqual([w.start, w.end], ['2024-03-07', '2024-03-09']);
});

test('ordinal day phrases', () => {
  assert.equal(one('on the twenty-sixth of this month', '2024-05-02', 'future').start, '2024-05-26');
  assert.equal(one('on the 3rd of next month', '2024-05-20', 'future').start, '2024-06-03');
});

test('hour-only hits and "now" are dropped', () => {
  assert.deepEqual(findDates('There will be 12 to 14 delegations', '2024-05-02'), []);
  assert.deepEqual(findDates('the toll rose till now', '2024-05-02'), []);
});

test('month parts, weeks and bare years', () => {
  const e = one('it is planned for the end of June', '2024-05-02', 'future');
  assert.deepEqual([e.start, e.end, e.precision], ['2024-06-21', '2024-06-30', 'month']);
  const w = one('talks next week', '2024-05-02'); // Thursday
  assert.deepEqual([w.start, w.end], ['2024-05-06', '2024-05-12']);
  const y = findDates('talks took place in 2019 and 2017', '2024-05-02');
  assert.deepEqual(
    y.map((h) => [h.start, h.precision]),
    [
      ['2019-01-01', 'year'],
      ['2017-01-01', 'year'],
    ],
  );
});

test('a yearless date moves with the direction', () => {
  assert.equal(one('the attack on October 7', '2024-02-20', 'past').start, '2023-10-07');
  assert.equal(one('the vote on January 5', '2024-11-20', 'future').start, '2025-01-05');
});

test('with no reference only dates stating their year are kept', () => {
  assert.deepEqual(findDates('next week, on Saturday, on February 26', null), []);
  assert.equal(one('on 16 February 2024', null).start, '2024-02-16');
});
