/**
 * Actor precision on general news (issue 16, round 3): tagger names that are works in a list, works behind a verb
 * of the screen, products with a model number, places, the people of a place, single letters, characters; "The"
 * band names; national sides of a state's parts in sport. Every sentence is invented.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findActorMentions } from '../../pipeline/extract/actors.ts';
import { actorCues, checkTaggerNames, placeAdjective } from '../../pipeline/extract/actors/works.ts';
import { tagNames } from '../support/tagger-cands.ts';
import cueData from '../../pipeline/lexicons/en/actor-cues.json' with { type: 'json' };
import { lineDoc as doc } from '../support/docs.ts';

const cues = actorCues(cueData);
const noPlace = () => 0;

const tagAll = (text: string, ...specs: string[]) => tagNames(text, specs);
const check = (text: string, placeSize: (w: string) => number, ...specs: string[]) => {
  const { cands, tagged } = tagAll(text, ...specs);
  return [...new Set(checkTaggerNames({ text, cands, tagged, cues, placeSize }).map((c) => `${c.f.name}/${c.f.type}`))];
};

test('titles in a list after a plural work noun are works, all of them; a list of people stays', () => {
  const text = 'The studio made games such as Moon Harvest, Iron Lantern and Quiet Orbit before it closed.';
  assert.deepEqual(check(text, noPlace, 'Moon Harvest/ORG', 'Iron Lantern/PER', 'Quiet Orbit/ORG'), []);
  // one title of the list introduced as a work carries the others
  const one = 'Her albums were the album Blue Fennel, Copper Rain and Nightjar.';
  assert.deepEqual(check(one, noPlace, 'Blue Fennel/ORG', 'Copper Rain/ORG', 'Nightjar/PER'), []);
  const people = 'The jury included Ana Soto, Tomas Brenner and Ivo Kral.';
  assert.deepEqual(check(people, noPlace, 'Ana Soto/PER', 'Tomas Brenner/PER', 'Ivo Kral/PER'), ['Ana Soto/person', 'Tomas Brenner/person', 'Ivo Kral/person']);
});

test('the object of a verb of the screen, a role after a title and a model number make works and products', () => {
  assert.deepEqual(check('The comedian also presents Sunday Spark on weekdays.', noPlace, 'Sunday Spark/ORG'), []);
  assert.deepEqual(check('She had a small role in Velvet Alley last year.', noPlace, 'Velvet Alley/PER'), []);
  assert.deepEqual(check('The Harbour Lights actress Mira Dane won.', noPlace, 'Harbour Lights/ORG', 'Mira Dane/PER'), ['Mira Dane/person']);
  assert.deepEqual(check('The laptop runs on a Zentro 4200 chip.', noPlace, 'Zentro/ORG'), []);
  assert.deepEqual(check('It ships with the web browser Glidepath.', noPlace, 'Glidepath/PER'), []);
  // a company that acts stays, with or without a number after it somewhere
  assert.deepEqual(check('Zentro 4200 sales fell. Zentro said prices would rise.', noPlace, 'Zentro/ORG'), ['Zentro/organization']);
  // a share or an amount after the name is no model number
  assert.deepEqual(check('Zentro 40% owned by its staff.', noPlace, 'Zentro/ORG'), ['Zentro/organization']);
});

test('places typed as actors: "the district of X", a GeoNames district of two words, a river with "the"', () => {
  assert.deepEqual(check('Floods hit the district of Santa Lomas overnight.', noPlace, 'Santa Lomas/PER'), []);
  const district = (w: string) => (w === 'Green Vale' ? 12_000 : 0);
  assert.deepEqual(check('Shoppers in Green Vale were evacuated.', district, 'Green Vale/PER'), []);
  assert.deepEqual(check('The upper reaches of the Orvanto were dry.', noPlace, 'Orvanto/PER'), []);
  // a plural with "the" is a band or a club, an organization
  assert.deepEqual(check('Fans cheered the Kestrels all night.', noPlace, 'Kestrels/PER'), ['Kestrels/organization']);
  // a person who acts stays, even with "the" before
  assert.deepEqual(check('Critics praised the Orvanto, and Orvanto said thanks.', noPlace, 'Orvanto/PER'), ['Orvanto/person']);
});

test('a player named before "as" plays the name after it: a character outside sport', () => {
  const text = 'The remake stars Ana Soto as Lady Brisk.';
  assert.deepEqual(check(text, noPlace, 'Ana Soto/PER', 'Lady Brisk/PER'), ['Ana Soto/person']);
});

test('the people of a place or a creed, and single letters, are not actors', () => {
  const country = (w: string) => (w === 'Norvania' ? Infinity : w === 'Kestrelton' ? 250_000 : 0);
  assert.equal(placeAdjective('Norvanian', cues, country), true);
  assert.equal(placeAdjective('Kestreltoners', cues, country), true);
  assert.equal(placeAdjective('Asian', cues, noPlace), true);
  assert.equal(placeAdjective('Europeans', cues, noPlace), true);
  assert.equal(placeAdjective('Hindus', cues, noPlace), true);
  // a surname whose stem is no region, and a town's "-an" stem, are names
  assert.equal(placeAdjective('Duncan', cues, noPlace), false);
  assert.equal(
    placeAdjective('Kestreltan', cues, (w) => (w === 'Kestrelta' ? 250_000 : 0)),
    false,
  );
  assert.deepEqual(check('The Norvanian won the race ahead of D and Ana Soto.', country, 'Norvanian/ORG', 'D/PER', 'Ana Soto/PER'), ['Ana Soto/person']);
});

test('a "person" whose last word makes a company is an organization; a substitute in a line-up is a player', () => {
  assert.deepEqual(check('New owner Kestrel Media Ventures has plans.', noPlace, 'Kestrel Media Ventures/PER'), ['Kestrel Media Ventures/organization']);
  const lineup = 'Rovers: Hale, Brack (Tolland 72), Mure. The striker scored in the league match before the cup final.';
  assert.deepEqual(check(lineup, noPlace, 'Tolland/ORG'), ['Tolland/person']);
});

test('pipeline: a home nation named as a team in sport is its national side; as a place it is none', () => {
  const sport = findActorMentions(
    doc('Wales beat Italy 24-10 in the rugby match on Saturday.\nThe coach said the team will face the league leaders in the cup final.'),
  );
  const side = sport.find((m) => m.text === 'Wales');
  assert.equal(side?.rule, 'national-side');
  assert.equal(side?.type, 'organization');
  assert.equal(side?.country, 'GBR');
  const place = findActorMentions(doc('The final will be played in Wales.\nThe coach said the team will face the league leaders in the cup match.'));
  assert.equal(
    place.find((m) => m.text === 'Wales'),
    undefined,
  );
  const news = findActorMentions(doc('Wales has a new law on plastic bags, officials said.'));
  assert.equal(
    news.find((m) => m.text === 'Wales'),
    undefined,
  );
});

test('pipeline: a capital "The" inside a sentence opens a band name, an organization; a word before a demonym is a cut name', () => {
  const band = findActorMentions(doc('The band supported The Rustlers in Leeds.'));
  assert.deepEqual(
    band.map((m) => `${m.name}/${m.type}`),
    ['The Rustlers/organization'],
  );
  const cut = findActorMentions(doc('Its North American sales rose, the company said on Tuesday.'));
  assert.deepEqual(
    cut.map((m) => m.name),
    [],
  );
});

test('what the checks leave alone: a full name as a modifier after "the", a verb before a work noun, a list after a person', () => {
  assert.deepEqual(check('Police spoke of the Tomas Brenner case.', noPlace, 'Tomas Brenner/PER'), ['Tomas Brenner/person']);
  assert.deepEqual(check('Rovers would play Kestrel Vale on Sunday.', noPlace, 'Kestrel Vale/ORG'), ['Kestrel Vale/organization']);
  assert.deepEqual(check('It features the rapper Kestrel and Starfall actor Ana Soto.', noPlace, 'Kestrel/ORG', 'Starfall/ORG', 'Ana Soto/PER'), [
    'Kestrel/organization',
    'Ana Soto/person',
  ]);
  // a result with a score is no model number
  assert.deepEqual(check('Kestrel 2 Bramford 1', noPlace, 'Kestrel/ORG', 'Bramford/ORG'), ['Kestrel/organization', 'Bramford/organization']);
});

test('a list closed by a plural work noun is a list of works; "the X report" is a report', () => {
  assert.deepEqual(check('The firm behind the Kestrel, Bramble and Osprey brands grew.', noPlace, 'Kestrel/ORG', 'Bramble/ORG', 'Osprey/ORG'), []);
  assert.deepEqual(check('Ministers read the Hollis report on Monday.', noPlace, 'Hollis/ORG'), []);
});

test('pipeline: a company noun opening a name at a sentence start is its description; the company is the rest', () => {
  assert.deepEqual(
    findActorMentions(doc('Rival Zentrix said it would cut prices.')).map((m) => `${m.name}/${m.type}`),
    ['Zentrix/organization'],
  );
  assert.deepEqual(
    findActorMentions(doc('Miner Bramble Gold said it regretted the limit.')).map((m) => `${m.name}/${m.type}`),
    ['Bramble Gold/organization'],
  );
});

test('a known body opening a longer name before a place noun is its branch there, not a place', () => {
  const names = (t: string) => findActorMentions(doc(t)).map((m) => m.name);
  assert.deepEqual(names('The Islamic State Tarnia province group has claimed the raid on the village.'), ['Islamic State Tarnia']);
  // a name of its own before a place noun is still a place
  assert.deepEqual(names('Police guarded the Tamboril mine on Monday.'), ['Police']);
});

test('a holiday is a date, not a person or a body, however the tagger reads it', () => {
  const names = (t: string) => findActorMentions(doc(t)).map((m) => m.name);
  assert.deepEqual(names('The bishop used a Christmas message to attack the plan.'), []);
  assert.deepEqual(names("Sales rose before New Year's Eve, Kofi Mensah said."), ['Kofi Mensah']);
});

test('a plural acronym is a common noun, not an actor', () => {
  const names = (t: string) => findActorMentions(doc(t)).map((m) => m.name);
  assert.deepEqual(names('Several DJs and GPs backed the plan, Kofi Mensah said.'), ['Kofi Mensah']);
});

test('a number after a name whose head takes one is part of the name; after a club it is a score', () => {
  const names = (t: string) => findActorMentions(doc(t)).map((m) => m.name);
  assert.deepEqual(names('The show was broadcast on Channel 4 last night.'), ['Channel 4']);
  assert.ok(!names('Kestrel United 2 Tarn Rovers 1 in the final.').some((n) => /\d/.test(n)));
});

test("a country the gazetteer leaves out as a modifier or a place is not published under the tagger's reading either", async () => {
  const { annotate } = await import('../../pipeline/nlp/document.ts');
  const d = doc('Kestrel Bank was fined by US regulators on Monday.\nThe firm also sells its goods in the US and Canada.');
  const names = findActorMentions(d, annotate(d)).map((m) => `${m.text}/${m.type}`);
  assert.ok(!names.some((n) => /^US\//.test(n)), names.join(', '));
  assert.ok(names.includes('Kestrel Bank/organization'), names.join(', '));
});

test('a country name closing a region name is the region: no country, no tagger name ("South America", "Latin America")', async () => {
  const { annotate } = await import('../../pipeline/nlp/document.ts');
  const d = doc('Kestrel Bank sells its goods in South America and Latin America.\nLoria and Peru signed a trade deal.');
  const names = findActorMentions(d, annotate(d)).map((m) => `${m.text}/${m.type}`);
  assert.ok(!names.some((n) => /^(?:America|Latin|South)\//.test(n)), names.join(', '));
  assert.ok(names.includes('Peru/country'), names.join(', '));
});

test('the name after "said" that opens the clause said ("said Kestrel Motors was ...") is not cued as the speaker, a person', async () => {
  const { annotate } = await import('../../pipeline/nlp/document.ts');
  const d = doc('Mr Bell, who joined the firm last year, said Fiora Vantel was now the main focus of his attention.');
  const people = findActorMentions(d, annotate(d))
    .filter((m) => m.rule === 'person-cue')
    .map((m) => m.text);
  assert.deepEqual(people, ['Bell']);
});
