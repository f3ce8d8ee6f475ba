/** Subjects across relative clauses (pipeline/extract/events/roles.ts), and deaths without a doer, on invented sentences. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEvents } from '../../pipeline/extract/events.ts';
import { annotate } from '../../pipeline/nlp/document.ts';
import { doc, mentionsOf } from './fixture.ts';

const NAMES = ['Ana Bell', 'Tom Ruiz', 'Dravia', 'Loria Front', 'Kestrel Mining'];
const PERSONS = ['Ana Bell', 'Tom Ruiz'];

function rolesOf(sentence: string): string[] {
  const d = doc(['Title', sentence], '2024-03-04');
  const m = mentionsOf(d, NAMES, PERSONS);
  return findEvents(d, m, annotate(d)).map(
    (e) =>
      `${e.event_type} ${e.actors
        .map((a) => `${a.role}=${m[a.mention]!.name}`)
        .sort()
        .join(',')}`,
  );
}

test('a name inside a relative clause before the verb is not its subject: the name the clause hangs on is', () => {
  assert.deepEqual(rolesOf('Ana Bell, who advises Tom Ruiz, criticised Dravia on Monday.'), ['ACCUSE source=Ana Bell,target=Dravia']);
  assert.deepEqual(rolesOf('Dravia and the Loria Front, which own Kestrel Mining, welcomed the ruling on Monday.'), [
    'SUPPORT source=Dravia,source=Loria Front',
  ]);
});

test('an apposition ending in a relative clause is skipped too', () => {
  assert.deepEqual(rolesOf('Dravia and the Loria Front, the two groups which own Kestrel Mining, welcomed the ruling on Monday.'), [
    'SUPPORT source=Dravia,source=Loria Front',
  ]);
});

test('the verb right after ", which" or ", who" has the name before the comma as its subject', () => {
  assert.deepEqual(rolesOf('Ana Bell criticised Dravia, which rejected the plan, on Monday.'), [
    'ACCUSE source=Ana Bell,target=Dravia',
    'REJECT source=Dravia',
  ]);
  assert.deepEqual(rolesOf('Ana Bell, who was arrested on Monday, denied the charges.'), ['COERCE target=Ana Bell', 'REJECT source=Ana Bell']);
});

test('the one who dies is a participant, not a source', () => {
  assert.deepEqual(rolesOf('Tom Ruiz, who led the Dravia council for a decade, died on Monday.'), ['OTHER participant=Tom Ruiz']);
});
