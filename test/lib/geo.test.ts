/** The one geo layer (pipeline/lib/geo.ts): lookups that extractors share. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countryByDemonym } from '../../pipeline/lib/geo.ts';

test('a demonym shared by a state and its territories is the state', () => {
  assert.equal(countryByDemonym('French')?.iso3, 'FRA');
  assert.equal(countryByDemonym('American')?.iso3, 'USA');
  assert.equal(countryByDemonym('Norwegian')?.iso3, 'NOR');
});
