import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEvents } from '../../pipeline/extract/events.ts';
import { doc, mentionsOf } from './fixture.ts';

const run = (sentence: string, names: string[], published: string | null = '2024-03-04') => {
  const d = doc(['Title', sentence], published);
  const m = mentionsOf(d, names);
  return { events: findEvents(d, m), m };
};
const names = (r: ReturnType<typeof run>, e: ReturnType<typeof run>['events'][number], role?: string) =>
  e.actors
    .filter((a) => !role || a.role === role)
    .map((a) => r.m[a.mention]!.name)
    .sort();

test('status: planned from will / scheduled / to be held', () => {
  assert.equal(run('Norway and Chile will meet in Oslo.', ['Norway', 'Chile']).events[0]?.status, 'planned');
  assert.equal(run('The summit between Peru and Ecuador is scheduled to take place in Lima.', ['Peru', 'Ecuador']).events[0]?.status, 'planned');
  assert.equal(run('Kenya said the talks with Uganda were planned to be held next month.', ['Kenya', 'Uganda']).events[0]?.status, 'planned');
});

test('status: occurred from past tense, ongoing from progressive', () => {
  assert.equal(run('Peru attacked Ecuador at dawn.', ['Peru', 'Ecuador']).events[0]?.status, 'occurred');
  assert.equal(run('Norway and Chile are holding talks in Oslo.', ['Norway', 'Chile']).events[0]?.status, 'ongoing');
});

test('negated and hypothetical mentions are skipped', () => {
  assert.equal(run('Norway did not meet Chile.', ['Norway', 'Chile']).events.length, 0);
  assert.equal(run('If Norway were to attack Chile, prices would rise.', ['Norway', 'Chile']).events.length, 0);
});

test('several events in one sentence: an invitation and a planned meeting', () => {
  const r = run('Brazil has invited all the parties, who will be meeting on the twenty-sixth of this month in Brasilia.', ['Brazil']);
  const types = r.events.map((e) => e.frame).sort();
  assert.deepEqual(types, ['invite', 'meet']);
  const meet = r.events.find((e) => e.frame === 'meet')!;
  assert.equal(meet.status, 'planned');
  assert.equal(meet.date_start, '2024-03-26');
  assert.equal(meet.place, 'Brasília');
  assert.equal(meet.country, 'BRA');
  assert.equal(r.events.find((e) => e.frame === 'invite')!.date_start, null);
});

test('a date next to a reporting verb dates the statement, not the event', () => {
  const r = run('On Friday, Kenya announced a meeting in Nairobi.', ['Kenya']);
  assert.equal(r.events[0]?.date_start, null);
});

test('weekday direction follows tense', () => {
  // published Monday 2024-03-04
  assert.equal(run('Norway and Chile will meet on Saturday.', ['Norway', 'Chile']).events[0]?.date_start, '2024-03-09');
  assert.equal(run('Norway and Chile met on Saturday.', ['Norway', 'Chile']).events[0]?.date_start, '2024-03-02');
});

test('roles: subject is the source, object the target; passive by-agent is the source', () => {
  const r = run('Peru accused Ecuador of spying.', ['Peru', 'Ecuador']);
  assert.deepEqual(names(r, r.events[0]!, 'source'), ['Peru']);
  assert.deepEqual(names(r, r.events[0]!, 'target'), ['Ecuador']);
  const p = run('Ecuador was attacked by Peru.', ['Peru', 'Ecuador']);
  assert.deepEqual(names(p, p.events[0]!, 'source'), ['Peru']);
  assert.deepEqual(names(p, p.events[0]!, 'target'), ['Ecuador']);
});

test('roles: "between X and Y" and "X and Y will meet" give participants', () => {
  const r = run('Sweden hosted talks between Kenya and Uganda.', ['Sweden', 'Kenya', 'Uganda']);
  const e = r.events.find((x) => x.frame === 'meet')!;
  assert.deepEqual(names(r, e, 'participant'), ['Kenya', 'Uganda']);
  assert.deepEqual(names(r, e, 'source'), ['Sweden']);
  const m = run('Norway, Chile and Peru will meet in Oslo.', ['Norway', 'Chile', 'Peru']);
  assert.deepEqual(names(m, m.events[0]!, 'participant'), ['Chile', 'Norway', 'Peru']);
});

test('speakers of reporting verbs are not actors when others are named', () => {
  const r = run('Chile attacked Peru, Norway said.', ['Chile', 'Peru', 'Norway']);
  assert.deepEqual(names(r, r.events[0]!), ['Chile', 'Peru']);
});

test('nominal triggers take only the actors attached to them', () => {
  const r = run('Prices rose in Norway after the resignation of Chile.', ['Norway', 'Chile']);
  const e = r.events.find((x) => x.event_type === 'CONCEDE')!;
  assert.deepEqual(names(r, e), ['Chile']);
});

test('trigger families map to PLOVER types', () => {
  const cases: [string, string][] = [
    ['Peru urged Chile to withdraw.', 'REQUEST'],
    ['Peru condemned Chile.', 'ACCUSE'],
    ['Peru imposed sanctions on Chile.', 'SANCTION'],
    ['Peru rejected the proposal from Chile.', 'REJECT'],
    ['Peru signed an accord with Chile.', 'AGREE'],
    ['Peru arrested Chile nationals.', 'COERCE'],
  ];
  for (const [s, type] of cases)
    assert.ok(
      run(s, ['Peru', 'Chile']).events.some((e) => e.event_type === type),
      `${s} → ${type}`,
    );
});
