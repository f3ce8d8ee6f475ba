/** Dates from the clause of the trigger, and two happenings of one frame in one sentence (issue 17, kind 6/7; invented sentences). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEvents } from '../../pipeline/extract/events.ts';
import { annotate } from '../../pipeline/nlp/document.ts';
import { doc, mentionsOf } from './fixture.ts';

const PERSONS = ['Kofi Mensah', 'Ama Owusu'];
/** Events of a one-sentence body published on Wednesday 2024-03-06, with actor mentions for `names`. */
const run = (sentence: string, names: string[] = []) => {
  const d = doc(['Title', sentence], '2024-03-06');
  const m = mentionsOf(d, names, PERSONS);
  return { events: findEvents(d, m, annotate(d)), m };
};
const byTrigger = (r: ReturnType<typeof run>, trigger: string) => r.events.find((e) => e.trigger === trigger);
const actorsOf = (r: ReturnType<typeof run>, trigger: string) => (byTrigger(r, trigger)?.actors ?? []).map((a) => `${r.m[a.mention]!.name}:${a.role}`).sort();

test('a span measured from another happening dates that one from the main clause date, not from publication', () => {
  // Tuesday is the mourning's date; the attack was the day before
  const mourning = run('Borduria declared a day of mourning on Tuesday, the day after gunmen attacked a market in Tamale.', ['Borduria']);
  assert.equal(byTrigger(mourning, 'attacked')?.date_start, '2024-03-04');
  const raid = run('Rebels attacked the town of Bolo on Sunday, a day after troops arrested Kofi Mensah.', ['Kofi Mensah']);
  assert.equal(byTrigger(raid, 'attacked')?.date_start, '2024-03-03');
  assert.equal(byTrigger(raid, 'arrested')?.date_start, '2024-03-02');
  // with no date to count from, the span dates nothing
  const bare = run('The summit opened a day after soldiers arrested Kofi Mensah.', ['Kofi Mensah']);
  assert.equal(byTrigger(bare, 'arrested')?.date_start ?? null, null);
});

test('a duration is no date', () => {
  const r = run('Storms have battered Bolo for three days, and floods have killed 12 people.');
  const killed = byTrigger(r, 'killed');
  assert.ok(killed);
  assert.equal(killed.date_start, null);
});

test('a trigger in a phrase or clause opened after a date is not dated by it; a fronted date skips the clause between', () => {
  const amid = run('Kofi Mensah called for calm in Tamale on 26 February, amid the war in Bolo.', ['Kofi Mensah']);
  assert.equal(byTrigger(amid, 'called for')?.date_start, '2024-02-26');
  assert.equal(amid.events.find((e) => e.trigger === 'war')?.date_start ?? null, null);
  const fronted = run('On Monday, after talks failed, Borduria attacked Ostravia.', ['Borduria', 'Ostravia']);
  assert.equal(byTrigger(fronted, 'attacked')?.date_start, '2024-03-04');
  assert.equal(byTrigger(fronted, 'talks')?.date_start ?? null, null);
});

test('"since <date>, when ...": the when-clause happened on that date', () => {
  const r = run('The truce has held since 1 March, when Borduria and Ostravia signed a deal.', ['Borduria', 'Ostravia']);
  const signed = r.events.find((e) => e.event_type === 'AGREE');
  assert.equal(signed?.date_start, '2024-03-01');
  assert.equal(signed?.date_precision, 'day');
});

test('two happenings of one frame in one sentence are two mentions with their own dates and actors', () => {
  const r = run('Police arrested Kofi Mensah on Monday, and soldiers detained Ama Owusu on Thursday.', PERSONS);
  assert.equal(byTrigger(r, 'arrested')?.date_start, '2024-03-04');
  assert.equal(byTrigger(r, 'detained')?.date_start, '2024-02-29');
  assert.deepEqual(actorsOf(r, 'arrested'), ['Kofi Mensah:target']);
  assert.deepEqual(actorsOf(r, 'detained'), ['Ama Owusu:target']);
  // a clause opened by "two days after" with a verb of its own: its own mention, actors and date
  const e = run('Borduria expelled the envoy of Ostravia on Monday, two days after Kestrel seized a ship.', ['Borduria', 'Ostravia', 'Kestrel']);
  assert.equal(byTrigger(e, 'expelled')?.date_start, '2024-03-04');
  assert.equal(byTrigger(e, 'seized')?.date_start, '2024-03-02');
  assert.ok(!actorsOf(e, 'expelled').some((a) => a.startsWith('Kestrel')));
  assert.deepEqual(actorsOf(e, 'seized'), ['Kestrel:source']);
});

test('two split mentions never share their trigger word and type in one sentence (the key of a mention downstream)', () => {
  const r = run('Police arrested Kofi Mensah on Monday, and soldiers arrested Ama Owusu on Thursday.', PERSONS);
  const keys = r.events.map((e) => `${e.sentence_index}|${e.trigger}|${e.event_type}`);
  assert.equal(new Set(keys).size, keys.length);
});

test('a when-clause of the same moment tells the same happening, not a second one', () => {
  const r = run('Six guards were shot dead on Saturday in Bolo, when gunmen opened fire on a depot.');
  assert.equal(r.events.filter((e) => e.event_type === 'ASSAULT').length, 1);
  assert.equal(r.events.find((e) => e.event_type === 'ASSAULT')?.date_start, '2024-03-02');
});

test('a happening named as what is asked for has not happened and takes no date; the request does', () => {
  const r = run('Kofi Mensah called for new elections in Tamale on 26 February.', ['Kofi Mensah']);
  assert.deepEqual(
    r.events.map((e) => [e.event_type, e.date_start]),
    [['REQUEST', '2024-02-26']],
  );
});

test('a date followed by "and" closes the verb phrase before it; a date closing two coordinated phrases dates both', () => {
  const r = run('Borduria met Ostravia on Monday and signed a truce on Wednesday.', ['Borduria', 'Ostravia']);
  assert.equal(byTrigger(r, 'met')?.date_start, '2024-03-04');
  assert.equal(byTrigger(r, 'signed')?.date_start, '2024-03-06');
  const both = run("Kofi Mensah announced his government's resignation and called for calm on Monday.", ['Kofi Mensah']);
  assert.equal(byTrigger(both, 'resignation')?.date_start, '2024-03-04');
  assert.equal(byTrigger(both, 'called for')?.date_start, '2024-03-04');
});

test('a year-only date keeps year precision', () => {
  const r = run('Police arrested Kofi Mensah in 2019.', ['Kofi Mensah']);
  const e = byTrigger(r, 'arrested');
  assert.deepEqual([e?.date_start, e?.date_end, e?.date_precision], ['2019-01-01', '2019-12-31', 'year']);
});

test('a span of hours from another happening is no date of its own', () => {
  // "20 hours after" the attack: the speech falls on the attack's day or the next, never a day the words name
  const r = run('Nearly 20 hours after the onset of the attack, Kofi Mensah addressed the nation.', ['Kofi Mensah']);
  assert.ok(
    r.events.every((e) => e.date_start === null),
    JSON.stringify(r.events.map((e) => [e.trigger, e.date_start])),
  );
});

test('a statement told in the present tense with no date of its own is dated by the article', () => {
  // published on Wednesday 2024-03-06
  assert.equal(byTrigger(run('Kofi Mensah urges the council to reopen the port.', ['Kofi Mensah']), 'urges')?.date_start, '2024-03-06');
  assert.equal(byTrigger(run('Kofi Mensah is welcoming the new port rules.', ['Kofi Mensah']), 'welcoming')?.date_start, '2024-03-06');
});

test('a statement told in the simple past with no date is dated by its report: that day or the day before', () => {
  const urged = byTrigger(run('Kofi Mensah urged the council to reopen the port.', ['Kofi Mensah']), 'urged');
  assert.deepEqual([urged?.date_start, urged?.date_end, urged?.date_precision, urged?.date_text ?? null], ['2024-03-05', '2024-03-06', 'day', null]);
  // a threat reported by a past verb was made then, though what it threatens lies ahead
  const vow = run('Kofi Mensah assured reporters that all those involved would face punishment.', ['Kofi Mensah']);
  const threat = vow.events.find((e) => e.event_type === 'THREATEN');
  assert.equal(threat?.date_start, '2024-03-05');
  // a perfect gives no such time ("has long accused" may be years old)
  assert.equal(byTrigger(run('Kofi Mensah has long accused the council of neglect.', ['Kofi Mensah']), 'accused')?.date_start ?? null, null);
  // nor a clause of the same moment as a happening with no date: it has that happening's time
  const resigned = run('Kofi Mensah called for calm as he announced his resignation.', ['Kofi Mensah']);
  assert.equal(byTrigger(resigned, 'called for')?.date_start ?? null, null);
  // nor in a sentence that dates something more than a week back: it may belong to that time
  assert.equal(byTrigger(run('Kofi Mensah criticized the council over the flood of March 2021.', ['Kofi Mensah']), 'criticized')?.date_start ?? null, null);
});

test('a past statement told in the background of an earlier dated happening takes its date', () => {
  const d = doc(
    [
      'Title',
      'The last round of talks between Borduria and Ostravia was held in May 2019.',
      'A draft accord was put forward.',
      'Ostravia refused to sign the accord.',
      'Borduria rejected the new offer.',
    ],
    '2024-03-06',
  );
  const m = mentionsOf(d, ['Borduria', 'Ostravia']);
  const events = findEvents(d, m, annotate(d));
  const refused = events.find((e) => e.trigger === 'refused');
  assert.deepEqual([refused?.date_start, refused?.date_end, refused?.date_precision], ['2019-05-01', '2019-05-31', 'month']);
  // a happening told after the background with no date of its own ends it: the next statement is of the report
  const rejected = events.find((e) => e.trigger === 'rejected');
  assert.equal(rejected?.date_start, '2024-03-05', JSON.stringify(events.map((e) => [e.trigger, e.date_start])));
});

test('a participle hanging on a past verb shares its time', () => {
  const r = run('Kofi Mensah addressed the delegates, welcoming the new port rules.', ['Kofi Mensah']);
  assert.equal(byTrigger(r, 'welcoming')?.status, 'occurred');
});

test('a happening in a phrase of circumstance ("amid ...") takes neither the date nor the actors of the main clause', () => {
  const r = run('Kofi Mensah met Ama Owusu in Accra on Monday amid heavy bombing.', PERSONS);
  assert.equal(byTrigger(r, 'met')?.date_start, '2024-03-04');
  assert.equal(byTrigger(r, 'bombing')?.date_start ?? null, null);
  assert.deepEqual(actorsOf(r, 'bombing'), []);
  // fronted and closed by a comma, the phrase leaves the main clause its own
  const f = run('Amid the protests, Kofi Mensah arrested Ama Owusu on Monday.', PERSONS);
  assert.deepEqual(actorsOf(f, 'arrested'), ['Ama Owusu:target', 'Kofi Mensah:source']);
});

test('a clause told in the present that comes a span after a happening counts the span from the report', () => {
  // published on Wednesday 2024-03-06: the resignation was on the Tuesday
  const r = run('The summit in Tamale comes a day after the resignation of Kofi Mensah.', ['Kofi Mensah']);
  assert.equal(byTrigger(r, 'resignation')?.date_start, '2024-03-05');
  assert.equal(byTrigger(r, 'resignation')?.date_text, 'a day after');
});
