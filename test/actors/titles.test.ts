import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorCues, checkTaggerNames, inTitleRun } from '../../pipeline/extract/actors/works.ts';
import { tagNames } from '../support/tagger-cands.ts';
import cueData from '../../pipeline/lexicons/en/actor-cues.json' with { type: 'json' };

// Invented sentences only: each test is one rule of pipeline/extract/actors/works.ts (issue 16, round 4).
const cues = actorCues(cueData);
const noPlace = () => 0;

/** Tagger candidates at every occurrence of `name` in `text`, with the tagger span behind each. */
const tagAll = (text: string, name: string, cls: 'PER' | 'ORG', margin = 20) => tagNames(text, [`${name}/${cls}`], margin);
const check = (text: string, name: string, cls: 'PER' | 'ORG') => {
  const { cands, tagged } = tagAll(text, name, cls);
  return checkTaggerNames({ text, cands, tagged, cues, placeSize: noPlace }).map((c) => `${c.f.name}/${c.f.type}`);
};

test('a name inside a title-case run with a capitalized small word is part of a work title', () => {
  // the tagger cut the title at "To" or "Be"
  assert.deepEqual(check('The pair are nominated for best song for Learn To Be Brave, from a stage show.', 'Be Brave', 'PER'), []);
  assert.deepEqual(check('She hosts the quiz Lights In Their Windows on Fridays.', 'Lights In Their Windows', 'ORG'), []);
  assert.deepEqual(check('New games in the popular Sword Of Valour series arrive in May.', 'Sword Of Valour', 'ORG'), []);
  assert.deepEqual(check('She appeared in Harbour Lane and A Taste of Ivy before retiring. Ivy and A Tale of Marlow were hits.', 'Ivy', 'ORG'), []);
});

test('a title-case run is no title when its small words are those of a name or open the sentence', () => {
  // "Of" with an organization head noun is a name; a sentence-opening "In" is no title marker
  assert.deepEqual(check('Officials at the Bank Of Kestrel raised rates.', 'Bank Of Kestrel', 'ORG'), ['Bank Of Kestrel/organization']);
  assert.deepEqual(check('In Marlow Ana Soto met voters.', 'Ana Soto', 'PER'), ['Ana Soto/person']);
  assert.equal(inTitleRun('Officials met Ana Soto and Ben Ruiz in May.', 13, 21, cues), false);
  // a headline capitalized throughout is not a work
  assert.equal(inTitleRun('Ana Soto Wins In Marlow\nAna Soto won the vote.', 0, 8, cues), false);
});

test('a name that says something stays an actor even inside a title-case run', () => {
  assert.deepEqual(check('Friends With Kestrel said on Monday it would appeal.', 'Friends With Kestrel', 'ORG'), ['Friends With Kestrel/organization']);
});

test('a name followed by "said" as the object of a relative clause does not act', () => {
  // "who also presents X said": the host said, X is the show
  assert.deepEqual(check('The host, who also presents Morning Harbour said she would leave. She joined Morning Harbour in May.', 'Morning Harbour', 'ORG'), []);
  // the subject of a relative clause still acts
  assert.deepEqual(check('The firm that Kestrel Mills said it would buy is small. Kestrel Mills is in Marlow.', 'Kestrel Mills', 'ORG'), [
    'Kestrel Mills/organization',
    'Kestrel Mills/organization',
  ]);
});

test('a one-word "person" that takes a plural verb or qualifies an organization noun is an organization', () => {
  assert.deepEqual(check('League leaders Kestrels are set to sign a new scrum-half.', 'Kestrels', 'PER'), ['Kestrels/organization']);
  assert.deepEqual(check('House prices rose 1%, says the Marlowside building society.', 'Marlowside', 'PER'), ['Marlowside/organization']);
  // two people joined by "and" take a plural verb together
  assert.deepEqual(check('Ana and Soto are due in court.', 'Soto', 'PER'), ['Soto/person']);
});

test('a title-case run does not reach across "and" or "with", a possessive, or a first name that is a modal', () => {
  assert.equal(inTitleRun('She sang with Ana Soto and The Kestrels last night.', 14, 22, cues), false);
  assert.equal(inTitleRun('Tickets for Ben Ruiz with The Harbour Boys sold out.', 12, 19, cues), false);
  assert.equal(inTitleRun("The list includes Ana Soto's The Long Road and Ben Ruiz.", 18, 26, cues), false);
  assert.equal(inTitleRun('Fans voted for Will Ruiz and Ana Soto.', 15, 24, cues), false);
});

test('an initial "A" in a line-up is no title marker', () => {
  const lineUp = 'Ruiz; B Soto, A Marlow, C Kestrel; D Vale.';
  assert.equal(inTitleRun(lineUp, lineUp.indexOf('Marlow'), lineUp.indexOf('Marlow') + 6, cues), false);
  assert.equal(inTitleRun('Fans saw A Lo Vale score twice.', 11, 18, cues), false);
});
