/** Subjects across relative clauses (pipeline/extract/events/roles.ts), and deaths without a doer, on invented sentences. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rolesOf } from './fixture.ts';

const NAMES = ['Ana Bell', 'Tom Ruiz', 'Dravia', 'Loria Front', 'Kestrel Mining'];
const PERSONS = ['Ana Bell', 'Tom Ruiz'];

const roles = (sentence: string): string[] => rolesOf([sentence], NAMES, PERSONS);

test('a name inside a relative clause before the verb is not its subject: the name the clause hangs on is', () => {
  assert.deepEqual(roles('Ana Bell, who advises Tom Ruiz, criticised Dravia on Monday.'), ['ACCUSE source=Ana Bell,target=Dravia']);
  assert.deepEqual(roles('Dravia and the Loria Front, which own Kestrel Mining, welcomed the ruling on Monday.'), ['SUPPORT source=Dravia,source=Loria Front']);
});

test('an apposition ending in a relative clause is skipped too', () => {
  assert.deepEqual(roles('Dravia and the Loria Front, the two groups which own Kestrel Mining, welcomed the ruling on Monday.'), [
    'SUPPORT source=Dravia,source=Loria Front',
  ]);
});

test('the verb right after ", which" or ", who" has the name before the comma as its subject', () => {
  assert.deepEqual(roles('Ana Bell criticised Dravia, which rejected the plan, on Monday.'), ['ACCUSE source=Ana Bell,target=Dravia', 'REJECT source=Dravia']);
  assert.deepEqual(roles('Ana Bell, who was arrested on Monday, denied the charges.'), ['COERCE target=Ana Bell', 'REJECT source=Ana Bell']);
});

test('the one who dies is a participant, not a source', () => {
  assert.deepEqual(roles('Tom Ruiz, who led the Dravia council for a decade, died on Monday.'), ['OTHER participant=Tom Ruiz']);
});
