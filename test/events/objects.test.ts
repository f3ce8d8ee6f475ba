/** Verb senses from the direct object (pipeline/extract/events/objects.ts), on invented sentences. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEvents } from '../../pipeline/extract/events.ts';
import { annotate } from '../../pipeline/nlp/document.ts';
import { doc, mentionsOf } from './fixture.ts';

/** Event types found in one sentence (with the layer), the named actors given. */
const typesOf = (sentence: string, names: string[] = [], persons: string[] = []) => {
  const d = doc(['Title', sentence], '2024-03-04');
  return findEvents(d, mentionsOf(d, names, persons), annotate(d)).map((e) => e.event_type);
};

test('a meeting verb whose object is a rule, a deadline or a need is no meeting', () => {
  assert.deepEqual(typesOf('The Dravia council met the deadline for its budget on Monday.', ['Dravia']), []);
  assert.deepEqual(typesOf('The new plant meets the safety standards of the agency.'), []);
  assert.deepEqual(typesOf('Kestrel Mining gathered evidence of the leak last year.', ['Kestrel Mining']), []);
});

test('a meeting verb with a person, a body, a gathering or no object is a meeting', () => {
  assert.deepEqual(typesOf('Ana Bell met the Dravian ambassador on Monday.', ['Ana Bell'], ['Ana Bell']), ['CONSULT']);
  assert.deepEqual(typesOf('The Dravia council met union leaders on Monday.', ['Dravia']), ['CONSULT']);
  assert.deepEqual(typesOf('Ana Bell and Tom Ruiz met on Monday in Port Amel.', ['Ana Bell', 'Tom Ruiz'], ['Ana Bell', 'Tom Ruiz']), ['CONSULT']);
  assert.deepEqual(typesOf('Ana Bell met Tom Ruiz last week.', ['Ana Bell', 'Tom Ruiz'], ['Ana Bell', 'Tom Ruiz']), ['CONSULT']);
  assert.deepEqual(typesOf('The Dravia minister met last week with the Loria delegation.', ['Dravia', 'Loria']), ['CONSULT']);
});

test('hosting or receiving a message, a prize or money is no meeting; hosting a delegation or a summit is', () => {
  assert.deepEqual(typesOf('Tom Ruiz received an email from the Dravia office on Monday.', ['Tom Ruiz', 'Dravia'], ['Tom Ruiz']), []);
  assert.deepEqual(typesOf('Tom Ruiz hosted the Loria delegation on Monday.', ['Tom Ruiz', 'Loria'], ['Tom Ruiz']), ['CONSULT']);
  assert.deepEqual(typesOf('Dravia hosted a summit of coastal states on Monday.', ['Dravia']), ['CONSULT']);
});

test('striking a deal, shooting a film, killing a bill or destroying chances is no attack', () => {
  // (the deal itself is the agreement)
  assert.deepEqual(typesOf('Kestrel Mining struck a deal with Loria Steel on Monday.', ['Kestrel Mining', 'Loria Steel']), ['AGREE']);
  assert.deepEqual(typesOf('The Dravia senate killed the housing bill on Monday.', ['Dravia']), []);
  assert.deepEqual(typesOf('The scandal destroyed his chances of a second term.'), []);
  assert.deepEqual(typesOf('Tom Ruiz shot a video of the harbour on Monday.', ['Tom Ruiz'], ['Tom Ruiz']), []);
});

test('attacking a plan or a decision is criticism (ACCUSE)', () => {
  assert.deepEqual(typesOf('Ana Bell attacked the decision of the Dravia council on Monday.', ['Ana Bell', 'Dravia'], ['Ana Bell']), ['ACCUSE']);
});

test('attacks, killings and destruction of people, places, buildings and vehicles stay assaults', () => {
  assert.deepEqual(typesOf('Gunmen attacked a convoy near Port Amel on Monday.'), ['ASSAULT']);
  assert.deepEqual(typesOf('Rebels of the Loria Front killed three soldiers on Monday.', ['Loria Front']), ['ASSAULT']);
  assert.deepEqual(typesOf('Rebels of the Loria Front killed dozens of villagers on Monday.', ['Loria Front']), ['ASSAULT']);
  assert.deepEqual(typesOf('The Loria Front shelled the town on Monday.', ['Loria Front']), ['ASSAULT']);
  assert.deepEqual(typesOf('Rioters burned shops and cars in Port Amel on Monday.'), ['ASSAULT']);
  assert.deepEqual(typesOf('The Loria Front attacked Port Amel on Monday.', ['Loria Front', 'Port Amel']), ['ASSAULT']);
  assert.deepEqual(typesOf('The Loria Front killed at least ten on Monday.', ['Loria Front']), ['ASSAULT']);
});

test('a passive keeps its sense: its object is its subject', () => {
  assert.deepEqual(typesOf('Three soldiers were killed in Port Amel on Monday.'), ['ASSAULT']);
});

test('an -ing form before a bare noun is an adjective, no event in either sense', () => {
  assert.deepEqual(typesOf('The Kestrel side has one of the most potent attacking threats in the league.'), []);
});

test('meeting rules, receiving fees or hosting programmes is no meeting (words no list names)', () => {
  assert.deepEqual(typesOf('The Dravia treasury will meet its fiscal rules this year.', ['Dravia']), []);
  assert.deepEqual(typesOf('Kestrel Mining will receive an initial fee from Loria Steel.', ['Kestrel Mining', 'Loria Steel']), []);
  assert.deepEqual(typesOf('Ana Bell will host a new radio programme on Monday.', ['Ana Bell'], ['Ana Bell']), []);
});

test('a statement verb whose subject is a thing, not a person, a body or a text, is no statement', () => {
  assert.deepEqual(typesOf('A knee injury denied Tom Ruiz a place in the final.', ['Tom Ruiz'], ['Tom Ruiz']), []);
  assert.deepEqual(typesOf('Any rise is certainly welcome news for the operator.'), []);
});

test('people, bodies and texts as subjects keep the statement; so do subjects the rule cannot see', () => {
  assert.deepEqual(typesOf('The pair denied the charges in court on Monday.'), ['REJECT']);
  assert.deepEqual(typesOf('The union rejected the offer on Monday.'), ['REJECT']);
  assert.deepEqual(typesOf('The report urged the Dravia council to act.', ['Dravia']), ['REQUEST']);
  // the noun before the verb is the object of a preposition: the subject is further back
  assert.deepEqual(typesOf('Lawyers for the driver denied the charges on Monday.'), ['REJECT']);
  // a participle with its by-agent is passive
  assert.ok(typesOf('The truce was extended in a move welcomed by Ana Bell.', ['Ana Bell'], ['Ana Bell']).includes('SUPPORT'));
});

test('deploying funds or software is no mobilization; deploying troops, ships or missiles is', () => {
  assert.deepEqual(typesOf('Kestrel Mining deployed new software across its mines on Monday.', ['Kestrel Mining']), []);
  assert.deepEqual(typesOf('Dravia deployed troops to the border on Monday.', ['Dravia']), ['MOBILIZE']);
  assert.deepEqual(typesOf('Dravia deployed missiles near the border on Monday.', ['Dravia']), ['MOBILIZE']);
});

test('a heart or panic attack is no assault', () => {
  assert.deepEqual(typesOf('Tom Ruiz suffered a heart attack on Monday.', ['Tom Ruiz'], ['Tom Ruiz']), []);
});

test('sport words a match report uses mark a sports article; money written "400m" does not', () => {
  const d = doc(
    [
      'Rovers Hit Back',
      'Kestrel scored a hat-trick as Rovers came back from two goals down.',
      'The equaliser came in stoppage time, and the manager praised the winger.',
      'Tom Ruiz criticised the referee after the offside call.',
    ],
    '2024-03-04',
  );
  assert.deepEqual(
    findEvents(d, mentionsOf(d, ['Tom Ruiz'], ['Tom Ruiz']), annotate(d)).map((e) => e.event_type),
    [],
  );
  assert.deepEqual(typesOf('The Dravia government rejected the $400m offer from Kestrel Mining on Monday.', ['Dravia', 'Kestrel Mining']), ['REJECT']);
});

test('walking out of a hotel is leaving it; walking out of talks, or a walkout, is a protest', () => {
  assert.deepEqual(typesOf('Tom Ruiz walked out of the hotel on Monday.', ['Tom Ruiz'], ['Tom Ruiz']), []);
  assert.ok(typesOf('Tom Ruiz walked out of the talks on Monday.', ['Tom Ruiz'], ['Tom Ruiz']).includes('PROTEST'));
  assert.deepEqual(typesOf('Dock workers walked out on Monday.'), ['PROTEST']);
});

test('an -ing trigger between a determiner and a noun is an adjective, unless the noun is the happening', () => {
  assert.deepEqual(typesOf('Rovers equalised in the dying seconds on Monday.'), []);
  assert.deepEqual(typesOf('The Dravia council began a lengthy negotiating period on Monday.', ['Dravia']), []);
  assert.deepEqual(typesOf('Gunmen went on a shooting spree in Port Amel on Monday.'), ['ASSAULT']);
});

test('a bare verb opening a body sentence before a capitalized word is a first name', () => {
  assert.deepEqual(typesOf('Rob Tarn filled in for the presenter on Monday.'), []);
});

test('handing over money is no withdrawal, handing over control is; seizing on remarks is no seizure', () => {
  assert.deepEqual(typesOf('Dravia handed over the money to Tom Ruiz on Monday.', ['Dravia', 'Tom Ruiz'], ['Tom Ruiz']), []);
  assert.deepEqual(typesOf('The Loria Front handed over control of the town to Dravia on Monday.', ['Loria Front', 'Dravia']), ['RETREAT']);
  assert.deepEqual(typesOf('The Dravia opposition seized on the remarks on Monday.', ['Dravia']), []);
});

test("meeting one's wife or family is no meeting of parties", () => {
  assert.deepEqual(typesOf('In Port Amel Tom Ruiz met his future wife.', ['Tom Ruiz'], ['Tom Ruiz']), []);
  assert.deepEqual(typesOf('In Port Amel Tom Ruiz met his future wife Ana Bell.', ['Tom Ruiz', 'Ana Bell'], ['Tom Ruiz', 'Ana Bell']), []);
  assert.deepEqual(typesOf('Tom Ruiz met union leaders on Monday.', ['Tom Ruiz'], ['Tom Ruiz']), ['CONSULT']);
});

test('an amount opening the object is not its head: the noun it measures tells the sense ("struck a $1bn deal", "meet a $2m bill")', () => {
  assert.deepEqual(typesOf('Borduria struck a $1bn cost-cutting deal with its pilots.'), ['AGREE']);
  assert.deepEqual(typesOf('Kestrel Oil sold assets to meet a $2m tax bill.'), []);
  // an amount of people still qualifies
  assert.deepEqual(typesOf('Rebels killed 12 soldiers in Bolo.'), ['ASSAULT']);
});

test('a demonstrative before the object is no head either ("receive this qualifying notice"); a hand tremor is no quake', () => {
  assert.deepEqual(typesOf('We are glad to receive this qualifying notice from Tarn Health.', ['Tarn Health']), []);
  assert.deepEqual(typesOf('Borduria will host these talks with Ostravia.', ['Borduria', 'Ostravia']), ['CONSULT']);
  assert.deepEqual(typesOf('Kofi Mensah has suffered from a hand tremor since March.', ['Kofi Mensah'], ['Kofi Mensah']), []);
});

test('money handed over is no territory; a capitalized verb before a name is a first name; "the accused" are people', () => {
  assert.deepEqual(typesOf('The choir got a cheque, while Borduria handed over $103,500.', ['Borduria']), []);
  assert.deepEqual(typesOf('Borduria handed over control of the port to Ostravia.', ['Borduria', 'Ostravia']), ['RETREAT']);
  assert.deepEqual(typesOf('"It will be welcome," Rob Tarn, a spokesman, told reporters.', ['Rob Tarn'], ['Rob Tarn']), []);
  assert.deepEqual(typesOf('All three of the accused lived in Bolo.'), []);
  // a title-case headline capitalizes its verbs
  assert.deepEqual(typesOf('Borduria Invites Ostravia, Other Parties For Talks In Bolo', ['Borduria', 'Ostravia']), ['CONSULT']);
});
