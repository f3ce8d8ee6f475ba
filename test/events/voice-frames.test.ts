/** Roles from voice and genitives, talk that is no happening, modal frames, types by frame (issue 17; invented sentences). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEvents } from '../../pipeline/extract/events.ts';
import { annotate } from '../../pipeline/nlp/document.ts';
import { doc, mentionsOf } from './fixture.ts';

/** Events of an article whose body is `paragraphs`, with actor mentions for `names`, read with the linguistic layer. */
const run = (paragraphs: string[], names: string[] = [], persons: string[] = []) => {
  const d = doc(['Title', ...paragraphs, 'Another line follows here.'], '2024-03-04');
  const m = mentionsOf(d, names, persons);
  return { events: findEvents(d, m, annotate(d)), m };
};
type Run = ReturnType<typeof run>;
/** The roles `name` takes in the mentions of `type`. */
const roles = (r: Run, type: string, name: string) =>
  r.events.filter((e) => e.event_type === type).flatMap((e) => e.actors.filter((a) => r.m[a.mention]!.name === name).map((a) => a.role));
const typesOf = (r: Run) => r.events.map((e) => e.event_type);

test('passive voice: the one banned, arrested or fined is the target, the by-agent the source', () => {
  const ban = run(['Ana Bell was banned for two years by the Kestrel Federation on Monday.'], ['Ana Bell', 'Kestrel Federation'], ['Ana Bell']);
  assert.deepEqual(roles(ban, 'COERCE', 'Ana Bell'), ['target']);
  assert.deepEqual(roles(ban, 'COERCE', 'Kestrel Federation'), ['source']);
  // a bare participle of a verb that always takes an object, with none after it, is passive
  const bare = run(['Ana Bell banned for two years after a failed test.'], ['Ana Bell'], ['Ana Bell']);
  assert.deepEqual(roles(bare, 'COERCE', 'Ana Bell'), ['target']);
  const arrested = run(['Two Kestrel Party members arrested in Tamale on Friday.'], ['Kestrel Party']);
  assert.deepEqual(roles(arrested, 'COERCE', 'Kestrel Party'), ['target']);
  const fined = run(['Kestrel Foods was fined by the Zanda Authority on Tuesday.'], ['Kestrel Foods', 'Zanda Authority']);
  assert.deepEqual(roles(fined, 'OTHER', 'Kestrel Foods'), ['target']);
  assert.deepEqual(roles(fined, 'OTHER', 'Zanda Authority'), ['source']);
  // a country named after a passive verb is where it happened, no target
  const inPlace = run(['Two Britons were arrested in Ruritania on Friday.'], ['Ruritania']);
  assert.ok(!roles(inPlace, 'COERCE', 'Ruritania').includes('target'));
  // the active voice is unchanged
  const active = run(['The Kestrel Federation banned Ana Bell for two years on Monday.'], ['Ana Bell', 'Kestrel Federation'], ['Ana Bell']);
  assert.deepEqual(roles(active, 'COERCE', 'Kestrel Federation'), ['source']);
  assert.deepEqual(roles(active, 'COERCE', 'Ana Bell'), ['target']);
});

test('genitives: "the killing of X" and "X\'s arrest" make X the target; "the resignation of X" the source', () => {
  const killing = run(['The killing of Kofi Mensah in Tamale on Monday shocked the region.'], ['Kofi Mensah'], ['Kofi Mensah']);
  assert.deepEqual(roles(killing, 'ASSAULT', 'Kofi Mensah'), ['target']);
  const arrest = run(["Kofi Mensah's arrest on Monday angered his supporters."], ['Kofi Mensah'], ['Kofi Mensah']);
  assert.deepEqual(roles(arrest, 'COERCE', 'Kofi Mensah'), ['target']);
  const resignation = run(['The resignation of Kofi Mensah on Monday surprised the party.'], ['Kofi Mensah'], ['Kofi Mensah']);
  assert.deepEqual(roles(resignation, 'CONCEDE', 'Kofi Mensah'), ['source']);
});
