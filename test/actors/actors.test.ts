import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Extraction } from '../../schemas/pipeline.ts';
import { findActorMentions } from '../../pipeline/extract/actors.ts';
import { lineDoc as doc } from '../support/docs.ts';
import { annotate } from '../../pipeline/nlp/document.ts';
import { resolveActors } from '../../pipeline/resolve/actors.ts';
import { editDistance, nameKey } from '../../pipeline/extract/actors/text.ts';

const mentions = (text: string) => findActorMentions(doc(text));
const named = (text: string, name: string) => mentions(text).filter((m) => m.name === name);

test('title before a name gives a person with role and the demonym country', () => {
  const ms = named('Brazilian Foreign Minister Carla Mendonca arrived on Tuesday.', 'Carla Mendonca');
  assert.equal(ms.length, 1);
  assert.equal(ms[0]!.type, 'person');
  assert.equal(ms[0]!.country, 'BRA');
  assert.equal(ms[0]!.role, 'Foreign Minister');
  assert.equal(ms[0]!.text, 'Carla Mendonca');
});

test('a surname refers back to the full name (alias), possessive stripped', () => {
  const ms = named('Senator Ellen Marquardt spoke first. Later, Marquardt’s aides left the room.', 'Ellen Marquardt');
  assert.equal(ms.length, 2);
  assert.equal(ms[1]!.method, 'alias');
  assert.equal(ms[1]!.text, 'Marquardt');
});

test('a misspelt surname within the edit tolerance resolves to the full name (fuzzy)', () => {
  const ms = named('Prime Minister Tomas Vrabelsky met the envoy. "We agree," Vrabellsky said.', 'Tomas Vrabelsky');
  assert.equal(ms.length, 2);
  assert.equal(ms[1]!.method, 'fuzzy');
});

test('an acronym defined in the text names the long form later', () => {
  const text = 'The Coastal Farmers Alliance (CFA) held a vote. The CFA later rejected the plan.';
  const ms = mentions(text).filter((m) => m.name === 'Coastal Farmers Alliance');
  // the acronym in its definition is a mention too (it lets bare uses in other articles join)
  assert.equal(ms.length, 3);
  assert.equal(ms[0]!.type, 'organization');
  assert.deepEqual(
    ms.map((m) => m.method),
    ['exact', 'acronym', 'acronym'],
  );
});

test('a capital is a place, unless it acts for its country', () => {
  const place = mentions('Delegates met in Lima on Monday.');
  assert.equal(place.length, 0);
  const acting = mentions('Lima has rejected the proposal.');
  assert.equal(acting.length, 1);
  assert.equal(acting[0]!.type, 'country');
  assert.equal(acting[0]!.country, 'PER');
  assert.equal(acting[0]!.method, 'metonym');
});

test('territories are places, countries are actors', () => {
  const ms = mentions('Flooding hit the West Bank while Peru sent aid.');
  assert.deepEqual(
    ms.map((m) => m.name),
    ['Peru'],
  );
});

test('a title alone is not an actor', () => {
  assert.equal(mentions('The minister said the talks would resume. The president agreed.').length, 0);
});

test('apposition and reporting verb make a person; "its" takes the organization before', () => {
  const ms = mentions('Hamas sent a team led by Karim Haddad, a member of its politburo.');
  const p = ms.find((m) => m.name === 'Karim Haddad')!;
  assert.equal(p.type, 'person');
  assert.equal(p.country, 'PSE');
  assert.equal(p.affiliation, 'Hamas');
  const q = mentions('"It is over," said Lena Ostrova, adding nothing more.');
  assert.ok(q.some((m) => m.name === 'Lena Ostrova' && m.type === 'person'));
});

test('demonym stands for the state only before a state noun', () => {
  assert.deepEqual(
    mentions('Peruvian troops crossed the river.').map((m) => [m.name, m.method]),
    [
      ['Peru', 'demonym'],
      ['Military (Peru)', 'generic'],
    ],
  );
  assert.equal(mentions('Peruvian media reported the news.').length, 0);
});

test('government body by pattern takes its country from the qualifier', () => {
  const ms = mentions('The Ministry of Health in Peru said 12 people died. The Chilean Foreign Ministry declined to comment.');
  const h = ms.find((m) => m.key?.includes('Health'))!;
  assert.equal(h.country, 'PER');
  const f = ms.find((m) => m.key?.includes('Foreign'))!;
  assert.equal(f.country, 'CHL');
  assert.equal(f.type, 'organization');
});

test('gazetteer: acronym case, containment names and ambiguous acronyms need the country', () => {
  assert.equal(mentions('The us and them debate.').length, 0);
  const ms = mentions('Islamic Jihad said it would attend.');
  assert.equal(ms[0]!.key, 'actors:palestinian-islamic-jihad');
  assert.equal(mentions('The PA system failed at the concert.').length, 0);
  assert.ok(mentions('Palestinian officials said the PA would pay.').some((m) => m.key === 'actors:palestinian-authority'));
});

test('nameKey folds transliteration variants, but keeps distinct names apart', () => {
  assert.equal(nameKey('Mohammad'), nameKey('Muhammad'));
  assert.equal(nameKey('Mohammed'), nameKey('Muhammad'));
  assert.equal(nameKey('Qaddafi'), nameKey('Gaddafi'));
  assert.equal(nameKey('Zelensky'), nameKey('Zelenskyy'));
  assert.equal(nameKey('Hussein'), nameKey('Husayn'));
  assert.notEqual(nameKey('Mahmoud'), nameKey('Mohammad'));
  assert.equal(editDistance('shtayyeh', 'syhtayyeh'), 1);
});

const ex = (article_id: string, text: string): Extraction => ({
  article_id,
  mentions: findActorMentions(doc(text, article_id)),
  figures: [],
  events: [],
  quotes: [],
});

test('resolver: transliteration variants across articles are one person', () => {
  const r = resolveActors(
    [ex('a1', 'Minister Mohammad Karimov said the border is open.'), ex('a2', 'Minister Muhammad Karimov said the border is closed.')],
    [],
  );
  const people = r.actors.filter((a) => a.type === 'person');
  assert.equal(people.length, 1);
  assert.equal(people[0]!.article_count, 2);
  assert.deepEqual(people[0]!.aliases, ['Mohammad Karimov', 'Muhammad Karimov']);
});

test('resolver: a surname misspelt in another article joins with the same first name', () => {
  const r = resolveActors([ex('a1', 'Governor Anna Petrakova visited the dam.'), ex('a2', 'Governor Anna Petrakowa visited the school.')], []);
  assert.equal(r.actors.filter((a) => a.type === 'person').length, 1);
});

test('resolver: two people sharing only a surname stay apart', () => {
  const r = resolveActors([ex('a1', 'Senator John Okafor spoke.'), ex('a2', 'Mayor Grace Okafor spoke.')], []);
  assert.equal(r.actors.filter((a) => a.type === 'person').length, 2);
});

test('resolver: a bare surname joins the one full name in the corpus, stays apart when two share it', () => {
  const one = resolveActors([ex('a1', 'Senator John Okafor spoke.'), ex('a2', 'Senator Okafor spoke again.')], []);
  assert.equal(one.actors.filter((a) => a.type === 'person').length, 1);
  const two = resolveActors([ex('a1', 'Senator John Okafor spoke.'), ex('a2', 'Mayor Grace Okafor spoke.'), ex('a3', 'Senator Okafor spoke again.')], []);
  assert.equal(two.actors.filter((a) => a.type === 'person').length, 3);
});

test('resolver: gazetteer key unites forms; actor_id is a readable slug and mentions keep offsets', () => {
  const r = resolveActors([ex('a1', 'The Palestinian Islamic Jihad rejected the plan.'), ex('a2', 'Islamic Jihad accepted the invitation.')], []);
  const pij = r.actors.filter((a) => a.name === 'Palestinian Islamic Jihad');
  assert.equal(pij.length, 1);
  assert.equal(pij[0]!.actor_id, 'palestinian-islamic-jihad');
  assert.equal(pij[0]!.article_count, 2);
  const m = r.mentions.find((x) => x.article_id === 'a2')!;
  assert.equal(m.text, 'Islamic Jihad');
  assert.equal(m.char_start, 0);
});

test('resolver: an unqualified ministry joins the one qualified body of its portfolio in a country the article mentions', () => {
  const r = resolveActors([ex('a1', 'The Peruvian Health Ministry said 40 people died.'), ex('a2', 'Peru was hit by floods, the health ministry said.')], []);
  const bodies = r.actors.filter((a) => a.type === 'organization');
  assert.equal(bodies.length, 1);
  assert.equal(bodies[0]!.country, 'PER');
  assert.equal(bodies[0]!.article_count, 2);
});

test('a country that opens a firm or body name is part of the name, not an actor of its own', () => {
  const m = mentions('Chile Airways filed for bankruptcy in May.\nPeru Holdings said profits rose.\nShe appeared on Chile TV on Monday.\nThe TV show ended.');
  assert.deepEqual(
    m.map((x) => [x.text, x.type, x.country]),
    [
      ['Chile Airways', 'organization', 'CHL'],
      ['Peru Holdings', 'organization', 'PER'],
    ],
  );
});

test('a demonym before the ground entered or struck is the country acted on; before its waters fished in, a place', () => {
  const m = mentions('Fighters crossed onto Lorian territory.\nJets violated Turkish airspace on Monday.\nBoats fish in Chinese waters.');
  assert.deepEqual(
    m.map((x) => [x.text, x.country, x.rule]),
    [['Turkish', 'TUR', 'demonym-ground']],
  );
});

test('one name typed a person in one report and a body in another is one actor, typed by the stronger evidence', () => {
  const m = (name: string, type: 'person' | 'organization', rule: 'tagger-person' | 'tagger-organization' | 'company-cue' | 'person-cue', at = 0) => ({
    sentence_index: 0,
    char_start: at,
    char_end: at + name.length,
    text: name,
    name,
    type,
    country: null,
    role: null,
    method: 'exact' as const,
    key: null,
    rule,
  });
  const ex = (article_id: string, mentions: ReturnType<typeof m>[]): Extraction => ({ article_id, mentions, figures: [], events: [], quotes: [] });
  const r = resolveActors(
    [
      // a one-word firm the tagger called a person twice, a cue a body once
      ex('a1', [m('Kestrel', 'person', 'tagger-person'), m('Kestrel', 'person', 'tagger-person', 20)]),
      ex('a2', [m('Kestrel', 'organization', 'company-cue')]),
      // a full name the cue calls a person, the tagger a body once
      ex('a3', [m('Ana Ruiz', 'person', 'person-cue')]),
      ex('a4', [m('Ana Ruiz', 'organization', 'tagger-organization')]),
      // a firm never joins a person of whom its name is only a part
      ex('a5', [m('Tom Ford', 'person', 'person-cue'), m('Ford', 'person', 'tagger-person', 30)]),
      ex('a6', [m('Ford', 'organization', 'company-cue'), m('Ford Motor', 'organization', 'company-cue', 30)]),
    ],
    [],
  );
  const of = (name: string) => r.actors.filter((a) => a.name === name).map((a) => a.type);
  assert.deepEqual(of('Kestrel'), ['organization']);
  assert.deepEqual(of('Ana Ruiz'), ['person']);
  assert.ok(r.actors.some((a) => a.type === 'person' && a.name === 'Tom Ford'));
  assert.ok(r.actors.some((a) => a.type === 'organization' && /Ford/.test(a.name)));
});

test('a country that only modifies the common noun after it is no actor mention; before its state, its offer or a strike it wages it is', () => {
  const countries = (text: string) => {
    const d = doc(text);
    return findActorMentions(d, annotate(d))
      .filter((m) => m.type === 'country')
      .map((m) => m.text);
  };
  assert.deepEqual(countries('Prices rose across the Peru housing market, and a Peru tour was cancelled.'), []);
  assert.deepEqual(countries('Peru officials rejected the Chile offer.'), ['Peru', 'Chile']);
  assert.deepEqual(countries('A Peru drone strike hit the camp.'), ['Peru']);
});

test('a given name alone after the full name is that person, unless two people share it or it is also a surname', () => {
  const names = (text: string) =>
    mentions(text)
      .filter((m) => m.type === 'person')
      .map((m) => `${m.text}=${m.name}`);
  assert.ok(names('Coach Ana Ruiz praised the squad. Later Ana said the team had grown.').includes('Ana=Ana Ruiz'));
  const two = names('Ana Ruiz met Ana Soto on Monday. Ana said they had agreed.');
  assert.ok(!two.includes('Ana=Ana Ruiz') && !two.includes('Ana=Ana Soto'));
});

test('a country right before the name of a body opens that name and gives it its country', () => {
  const d = doc('A Peru Construction Bank manager was jailed on Monday.');
  const ms = findActorMentions(d, annotate(d));
  const bank = ms.find((m) => m.type === 'organization');
  assert.deepEqual([bank?.text, bank?.country], ['Peru Construction Bank', 'PER']);
  assert.ok(!ms.some((m) => m.type === 'country'));
});
