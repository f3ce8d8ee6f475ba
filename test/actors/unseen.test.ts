/** Rules for actors on unseen text: acronyms, organizations by form, generic actors, people cues, precision. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Extraction } from '../../schemas/pipeline.ts';
import { findActorMentions } from '../../pipeline/extract/actors.ts';
import { lineDoc as doc } from '../support/docs.ts';
import { resolveActors } from '../../pipeline/resolve/actors.ts';
import { spells } from '../../pipeline/extract/actors/orgs.ts';

const mentions = (text: string) => findActorMentions(doc(text));
const byText = (text: string, surface: string) => mentions(text).find((m) => m.text === surface);
const ex = (article_id: string, text: string): Extraction => ({
  article_id,
  mentions: findActorMentions(doc(text, article_id)),
  figures: [],
  events: [],
  quotes: [],
});

test('acronym: syllabic and translated forms are defined by a parenthesized ALLCAPS or CamelCase token', () => {
  const text = 'Voters backed the Alliance of Northern Farmers (ALNOFA) and the Party for Renewal (PpR). Later the ALNOFA and the PpR met.';
  const ms = mentions(text);
  assert.deepEqual(
    ms.filter((m) => m.name === 'Alliance of Northern Farmers').map((m) => m.method),
    ['exact', 'acronym', 'acronym'],
  );
  assert.deepEqual(
    ms.filter((m) => m.name === 'Party for Renewal').map((m) => m.method),
    ['exact', 'acronym', 'acronym'],
  );
  assert.ok(spells('ALNOFA', ['alliance', 'northern', 'farmers']));
  assert.ok(!spells('XYZ', ['alliance', 'northern', 'farmers']));
});

test('acronym: ", or ABC," and ", known as ABC" define it; "Long Name, Word," appositions too', () => {
  const a = mentions('Farmers joined the Rural Defence Volunteers, or RDV, last year. The RDV grew fast.');
  assert.deepEqual(
    a.filter((m) => m.name === 'Rural Defence Volunteers').map((m) => m.text),
    ['Rural Defence Volunteers', 'RDV'],
  );
  const b = mentions("Ruritania's National Office of Water and Soils, Nawaso, warned of floods. Nawaso said rivers were rising.");
  const n = b.filter((m) => m.name === 'National Office of Water and Soils');
  assert.deepEqual(
    n.map((m) => m.text),
    ['National Office of Water and Soils', 'Nawaso'],
  );
});

test('acronym of a thing (an agreement, a disease) is not an actor', () => {
  assert.ok(!mentions('The Northern Fisheries Agreement (NFA) expires in May.').some((m) => m.name.includes('Agreement')));
});

test('organizations by head noun are organizations, with their country; never persons', () => {
  const ms = mentions(
    "The Unified Dockers' Union of Port Amber said it would strike. The Kenyan Association of Bakers agreed, and the People's Dawn Party said nothing.",
  );
  const u = ms.find((m) => m.text === "Unified Dockers' Union of Port Amber")!;
  assert.equal(u.type, 'organization');
  assert.equal(ms.find((m) => m.text === 'Kenyan Association of Bakers')!.country, 'KEN');
  assert.equal(ms.find((m) => m.text === "People's Dawn Party")!.type, 'organization');
  assert.ok(!ms.some((m) => m.type === 'person'));
  const t = byText('Vera Holm of the Meadowlands Trust said the fund was empty.', 'Meadowlands Trust');
  assert.equal(t?.type, 'organization');
});

test('two bodies joined by "and" stay two; a person before "of" is not part of the body', () => {
  const ms = mentions('Granite Bank and Harbour Bank were fined. "It is late," said Tom Reyes of the Harbour Bank.');
  assert.ok(ms.some((m) => m.text === 'Granite Bank'));
  assert.ok(!ms.some((m) => m.text.includes('Granite Bank and')));
  assert.ok(!ms.some((m) => m.name.startsWith('Tom Reyes of')));
});

test('a one-word company after a company cue is an organization in every use', () => {
  const ms = mentions('Talks with state-owned Petrolux broke down. Petrolux said the offer stood.');
  const p = ms.filter((m) => m.name === 'Petrolux');
  assert.equal(p.length, 2);
  assert.ok(p.every((m) => m.type === 'organization'));
  const q = mentions("Shares in Zentrix fell. Zentrix's chief executive resigned.");
  assert.ok(q.filter((m) => m.name === 'Zentrix').every((m) => m.type === 'organization'));
});

test('generic state forces: named "<Label> (<Country>)" with the country from the demonym, possessive or article', () => {
  const a = mentions('Ghanaian police arrested 40 people. Ghana says the police acted lawfully.');
  const pol = a.filter((m) => m.method === 'generic');
  assert.deepEqual([...new Set(pol.map((m) => m.name))], ['Police (Ghana)']);
  assert.equal(pol[0]!.type, 'organization');
  assert.equal(pol[0]!.key, 'generic:police:GHA');
  const b = mentions("Peru's army said the junta would fall.");
  assert.ok(b.some((m) => m.text === 'army' && m.name === 'Military (Peru)'));
  // an adjective use is not the force
  assert.ok(!mentions('Troops from Peru visited an army base in Peru.').some((m) => m.text === 'army'));
});

test('generic collectives are groups of their article; state forces are one actor per country', () => {
  const r = resolveActors(
    [
      ex('a1', 'In Ghana, protesters marched and Ghanaian police fired tear gas. Ghana said sorry.'),
      ex('a2', 'In Ghana, protesters gathered and the police watched. Ghana said nothing.'),
    ],
    [],
  );
  const prot = r.actors.filter((a) => a.name === 'Protesters (Ghana)');
  assert.equal(prot.length, 2);
  assert.ok(prot.every((a) => a.type === 'group' && a.article_count === 1));
  const pol = r.actors.filter((a) => a.name === 'Police (Ghana)');
  assert.equal(pol.length, 1);
  assert.equal(pol[0]!.article_count, 2);
});

test('a generic force refers back to the one named force of the article', () => {
  const ms = mentions('The Ruritania National Police Force said 12 people were held. Police later freed them.');
  assert.equal(ms.find((m) => m.text === 'Police')?.name, 'Ruritania National Police Force');
});

test('people: abbreviated ranks, honorifics and party labels are not names', () => {
  const a = mentions('The junta chief, Capt. Ousmane Diallo, spoke on radio.');
  assert.ok(a.some((m) => m.name === 'Ousmane Diallo' && m.type === 'person'));
  assert.ok(!a.some((m) => m.name === 'Capt'));
  const b = mentions('Tory Gareth Pimm and Lib Dem Anna Cole clashed. Sir Colin Marsh agreed. Later Sir Colin left.');
  assert.ok(b.some((m) => m.name === 'Gareth Pimm' && m.text === 'Gareth Pimm'));
  assert.ok(b.some((m) => m.name === 'Anna Cole'));
  const colin = b.filter((m) => m.name === 'Colin Marsh');
  assert.equal(colin.length, 2);
  assert.ok(!b.some((m) => /^(?:Sir|Tory|Lib|Later)$/.test(m.name)));
});

test('people: a capitalized title inside the run is the role, not the name; multi-part surnames are kept', () => {
  const a = mentions('Fisheries Minister Lucia Ferro Campos said the ban would stay. Ferro Campos left.');
  const p = a.filter((m) => m.name === 'Lucia Ferro Campos');
  assert.equal(p.length, 2);
  assert.equal(p[0]!.role, 'Fisheries Minister');
  const b = mentions('Outgoing Prime Minister Tomas Berg Lund conceded. "We lost," Berg Lund said.');
  assert.deepEqual(
    b.filter((m) => m.type === 'person').map((m) => m.name),
    ['Tomas Berg Lund', 'Tomas Berg Lund'],
  );
});

test('people: counterpart, "government of", ages and a surname seen alone take the full name', () => {
  assert.ok(mentions('She met her Ghanaian counterpart Kofi Mensah in Accra.').some((m) => m.name === 'Kofi Mensah' && m.country === 'GHA'));
  assert.ok(mentions('The army ousted the government of Ana Pereira in 2020.').some((m) => m.name === 'Ana Pereira' && m.type === 'person'));
  const c = mentions('The board chose Conservative Henry Dalby. Mr Dalby thanked them.');
  assert.deepEqual(
    c.filter((m) => m.type === 'person').map((m) => m.name),
    ['Henry Dalby', 'Henry Dalby'],
  );
  const d = mentions('The firm will be led by 62-year-old Kenji Arata. Mr Arata starts in May.');
  assert.ok(d.filter((m) => m.type === 'person').every((m) => m.name === 'Kenji Arata'));
});

test('people: a demonym title gives the country; a head of state in a one-country story takes that country', () => {
  assert.equal(byText('Ghanaian President Kwesi Boateng flew home.', 'Kwesi Boateng')?.country, 'GHA');
  const ms = mentions('Ghana held elections on Sunday. In Accra, President Kwesi Boateng voted early. Ghana then counted.');
  assert.equal(ms.find((m) => m.name === 'Kwesi Boateng')?.country, 'GHA');
});

test('precision: sentence adverbs and a title that belongs to the next name are not persons', () => {
  const ms = mentions('Earlier, party chairman Jon Blake wrote to the board. Labour said nothing.');
  assert.ok(!ms.some((m) => m.name === 'Earlier' || (m.name === 'Labour' && m.type === 'person')));
  assert.ok(ms.some((m) => m.name === 'Jon Blake'));
  assert.ok(!mentions('He died at home in Westvale, Ruritania, a spokesman said.').some((m) => m.type === 'person'));
});
