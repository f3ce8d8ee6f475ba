import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findActorMentions } from '../../pipeline/extract/actors.ts';
import { actorCues, checkTaggerNames, isSportText, joinAmpersands, LOW_MARGIN } from '../../pipeline/extract/actors/works.ts';
import type { Cand } from '../../pipeline/extract/actors.ts';
import type { TaggedSpan } from '../../pipeline/extract/actors/arbitrate.ts';
import { tagNames } from '../support/tagger-cands.ts';
import cueData from '../../pipeline/lexicons/en/actor-cues.json' with { type: 'json' };
import { lineDoc as doc } from '../support/docs.ts';

const cues = actorCues(cueData);
const noPlace = () => 0;

/** Tagger candidates at every occurrence of `name` in `text`, with the tagger span behind each. */
const tagAll = (text: string, name: string, cls: 'PER' | 'ORG', margin = 20) => tagNames(text, [`${name}/${cls}`], margin);
const names = (cs: readonly Cand[]) => cs.map((c) => `${c.f.name}/${c.f.type}`);

test('a name a work noun introduces is a work, not an actor ("the film X", "their new album X")', () => {
  const text = 'Fans queued for the film Starfall Rising on Friday. Starfall Rising took more than expected.';
  const { cands, tagged } = tagAll(text, 'Starfall Rising', 'ORG');
  assert.deepEqual(checkTaggerNames({ text, cands, tagged, cues, placeSize: noPlace }), []);
  const play = 'Critics hated the play The Vagrant Hours.';
  const t = tagAll(play, 'Vagrant Hours', 'ORG');
  assert.deepEqual(checkTaggerNames({ text: play, cands: t.cands, tagged: t.tagged, cues, placeSize: noPlace }), []);
  const album = 'The band released their new album Velvet Harbour in May.';
  const a = tagAll(album, 'Velvet Harbour', 'PER');
  assert.deepEqual(checkTaggerNames({ text: album, cands: a.cands, tagged: a.tagged, cues, placeSize: noPlace }), []);
});

test('a product noun after most mentions makes a product, unless a mention acts', () => {
  const text = 'Shops sold out of the Zentra handset. The Zentra handset costs less than rivals.';
  const p = tagAll(text, 'Zentra', 'ORG');
  assert.deepEqual(checkTaggerNames({ text, cands: p.cands, tagged: p.tagged, cues, placeSize: noPlace }), []);
  const firm = 'Shops sold out of the Zentra handset. Zentra said demand was strong.';
  const f = tagAll(firm, 'Zentra', 'ORG');
  assert.deepEqual(names(checkTaggerNames({ text: firm, cands: f.cands, tagged: f.tagged, cues, placeSize: noPlace })), [
    'Zentra/organization',
    'Zentra/organization',
  ]);
});

test('a name the tagger reads as MISC as often as an actor is not an actor', () => {
  const text = 'Gamers waited for Nebulon. Nebulon sold well, and Nebulon fans cheered.';
  const { cands, tagged } = tagAll(text, 'Nebulon', 'ORG');
  const misc = tagged.map((t, i) => (i === 0 ? t : { ...t, cls: 'MISC' }));
  assert.deepEqual(checkTaggerNames({ text, cands: cands.slice(0, 1), tagged: misc, cues, placeSize: noPlace }), []);
  assert.equal(checkTaggerNames({ text, cands, tagged, cues, placeSize: noPlace }).length, 3);
});

test('a town named as a person in a sport article is its club; outside sport it stays as tagged', () => {
  const text = 'Bramford beat Easton 2-0 in the league, and the striker scored twice before the final whistle. Bramford now top the table.';
  assert.ok(isSportText(text, cues));
  const { cands, tagged } = tagAll(text, 'Bramford', 'PER');
  const out = checkTaggerNames({ text, cands, tagged, cues, placeSize: (w) => (w === 'Bramford' ? 80_000 : 0) });
  assert.deepEqual(names(out), ['Bramford/organization', 'Bramford/organization']);
  assert.ok(out.every((c) => c.rule === 'tagger-organization'));
  const talk = 'Bramford spoke to reporters about the budget. Bramford said taxes would rise.';
  assert.ok(!isSportText(talk, cues));
  const t = tagAll(talk, 'Bramford', 'PER');
  assert.deepEqual(names(checkTaggerNames({ text: talk, cands: t.cands, tagged: t.tagged, cues, placeSize: (w) => (w === 'Bramford' ? 80_000 : 0) })), [
    'Bramford/person',
    'Bramford/person',
  ]);
});

test('one word met once with a low tagger margin is dropped; a full name, a town or a confident word stays', () => {
  const text = 'Shares of Quillo fell as Dana Voss sold hers.';
  const low = tagAll(text, 'Quillo', 'ORG', LOW_MARGIN - 1);
  assert.deepEqual(checkTaggerNames({ text, cands: low.cands, tagged: low.tagged, cues, placeSize: noPlace }), []);
  const sure = tagAll(text, 'Quillo', 'ORG', LOW_MARGIN + 10);
  assert.equal(checkTaggerNames({ text, cands: sure.cands, tagged: sure.tagged, cues, placeSize: noPlace }).length, 1);
  assert.equal(checkTaggerNames({ text, cands: low.cands, tagged: low.tagged, cues, placeSize: () => 5000 }).length, 1);
  const full = tagAll(text, 'Dana Voss', 'PER', LOW_MARGIN - 1);
  assert.equal(checkTaggerNames({ text, cands: full.cands, tagged: full.tagged, cues, placeSize: noPlace }).length, 1);
});

test('names joined by "&" are one organization', () => {
  const text = 'The deal was run by Hobbs & Lane and by Carver & Sons.';
  const h = text.indexOf('Hobbs'),
    l = text.indexOf('Lane'),
    c = text.indexOf('Carver');
  const spans: TaggedSpan[] = [
    { start: h, end: h + 5, cls: 'PER', margin: 12 },
    { start: l, end: l + 4, cls: 'PER', margin: 8 },
    { start: c, end: c + 6, cls: 'ORG', margin: 15 },
  ];
  const out = joinAmpersands(text, spans).map((s) => `${text.slice(s.start, s.end)}/${s.cls}/${s.margin}`);
  assert.deepEqual(out, ['Hobbs & Lane/ORG/8', 'Carver & Sons/ORG/15']);
});

test('pipeline: a governor with no country takes the country of the places the article names', () => {
  const ms = findActorMentions(
    doc(
      "Two people died in a strike on Peru's northern coast, the regional governor said.\nThe regional governor, Ana Quispe, said rescuers worked through the night in Peru.",
    ),
  );
  const p = ms.find((m) => m.text === 'Ana Quispe');
  assert.equal(p?.country, 'PER', ms.map((m) => `${m.text}/${m.country}`).join(' | '));
});

test('a name ending in a venue noun is a place, not an actor', () => {
  const text = 'The gala at Marlow Arena drew a large crowd.';
  const { cands, tagged } = tagAll(text, 'Marlow Arena', 'ORG');
  assert.deepEqual(checkTaggerNames({ text, cands, tagged, cues, placeSize: noPlace }), []);
});

test('a name only met as a modifier ("an X scan") is not an actor; an initial and a surname is a person', () => {
  const text = 'Doctors ordered a Vexa scan before the operation.';
  const m = tagAll(text, 'Vexa', 'ORG');
  assert.deepEqual(checkTaggerNames({ text, cands: m.cands, tagged: m.tagged, cues, placeSize: noPlace }), []);
  const team = 'Line-up: R Hollis, T Amberley, J Walker.';
  const p = tagAll(team, 'J Walker', 'ORG');
  assert.deepEqual(names(checkTaggerNames({ text: team, cands: p.cands, tagged: p.tagged, cues, placeSize: noPlace })), ['J Walker/person']);
});

test('outside sport a one-word name the tagger reads as a place as often is that place', () => {
  const text = 'Floods hit Brackley overnight. Brackley residents left their homes.';
  const { cands, tagged } = tagAll(text, 'Brackley', 'ORG');
  const loc = [...tagged, { ...tagged[1]!, cls: 'LOC' }];
  assert.deepEqual(checkTaggerNames({ text, cands: cands.slice(0, 1), tagged: loc.slice(1), cues, placeSize: noPlace }).length, 0);
});

test('single letters around "&" are not joined ("R & B")', () => {
  const text = 'She won Best R & B Act.';
  const r = text.indexOf('R &'),
    b = text.indexOf('B Act');
  const out = joinAmpersands(text, [
    { start: text.indexOf('Best'), end: r + 1, cls: 'MISC', margin: 9 },
    { start: b, end: b + 5, cls: 'MISC', margin: 9 },
  ]);
  assert.equal(out.length, 2);
});

test('pipeline: one tagger word after a capitalized word it leaves out is a cut name, not an actor', () => {
  // the tagger reads "Harp" alone as a person here
  const ms = findActorMentions(doc('The film was nominated for a Golden Harp.'));
  assert.ok(!ms.some((m) => m.text === 'Harp'), ms.map((m) => `${m.text}/${m.rule}`).join(' | '));
});

test('a person someone plays is a character outside sport; in sport the side played stays', () => {
  const text = 'For six years she played Ivy Lanner in the soap.';
  const c = tagAll(text, 'Ivy Lanner', 'PER');
  assert.deepEqual(checkTaggerNames({ text, cands: c.cands, tagged: c.tagged, cues, placeSize: noPlace }), []);
  const match = 'In the league the striker scored twice and they played Tom Brask in goal after the injury.';
  const m = tagAll(match, 'Tom Brask', 'PER');
  assert.equal(checkTaggerNames({ text: match, cands: m.cands, tagged: m.tagged, cues, placeSize: noPlace }).length, 1);
});

test('pipeline: a person named before an unrelated acronym in brackets is not its long form', () => {
  const ms = findActorMentions(doc('The vote was backed by Tomas Brenner (NGGF) and others.\nLater the NGGF said it would appeal.'));
  assert.ok(!ms.some((m) => m.text === 'NGGF' && m.name === 'Tomas Brenner'), ms.map((m) => `${m.text}=${m.name}/${m.rule}`).join(' | '));
});
