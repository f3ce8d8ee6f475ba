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
