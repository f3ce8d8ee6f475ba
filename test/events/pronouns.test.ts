/** Pronouns in the roles of an event (pipeline/extract/events/pronouns.ts), on invented sentences. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rolesOf } from './fixture.ts';

const NAMES = ['Ana Bell', 'Tom Ruiz', 'Dravia', 'Kestrel Mining', 'Loria Steel'];
const PERSONS = ['Ana Bell', 'Tom Ruiz'];

const roles = (...paragraphs: string[]): string[] => rolesOf(paragraphs, NAMES, PERSONS);

test('a pronoun subject takes the first actor of the sentence before: a person for "he", a body for "it"', () => {
  assert.deepEqual(roles('Kestrel Mining posted a loss on Monday.', 'It agreed a loan with Loria Steel on Tuesday.'), [
    'AGREE participant=Kestrel Mining,participant=Loria Steel',
  ]);
  assert.deepEqual(roles('Tom Ruiz spoke to reporters on Monday.', 'He urged Dravia to reopen the port.'), ['REQUEST source=Tom Ruiz,target=Dravia']);
});

test('a pronoun object fills the target the names leave open', () => {
  assert.deepEqual(
    roles('Tom Ruiz lost his appeal on Monday.', 'Dravia banned him for two years.').filter((e) => e.startsWith('COERCE')),
    ['COERCE source=Dravia,target=Tom Ruiz'],
  );
});

test('a pronoun alone makes an actor only for a person; it never replaces a name', () => {
  // nobody named in the sentence: "he" or "she" as the verb's subject still stands for the person named before
  assert.deepEqual(roles('Tom Ruiz spoke to reporters on Monday.', 'He was arrested at the port.'), ['COERCE target=Tom Ruiz']);
  // ... also over "to" after a verb or an adjective, whose subject does the infinitive
  assert.deepEqual(roles('Tom Ruiz spoke to reporters on Monday.', 'He is due to visit Dravia on Friday.').slice(-1), [
    'CONSULT source=Tom Ruiz,target=Dravia',
  ]);
  // "they" and "it" alone stand as often for no actor
  assert.deepEqual(roles('Kestrel Mining posted a loss on Monday.', 'They were arrested at the port.'), ['COERCE ']);
  // "she" is no body and "it" no person
  assert.deepEqual(roles('Kestrel Mining posted a loss on Monday.', 'She urged Dravia to act.'), ['REQUEST target=Dravia']);
});

test('in its own sentence a pronoun stands for the one who says it, never for a name further back', () => {
  // (the speaker is left out of the roles of what she reports, as a name would be: no source is better than Tom Ruiz)
  assert.deepEqual(roles('Tom Ruiz met reporters on Monday.', 'Ana Bell said on Tuesday that she rejected the Dravia offer.').slice(-1), [
    'REJECT target=Dravia',
  ]);
});

test('"I" and "me" in a quote stand for its speaker, named next to it with a reporting verb', () => {
  assert.deepEqual(roles('Tom Ruiz lost his appeal on Monday.', '"I was banned for two years by Dravia," said Tom Ruiz.').slice(-1), [
    'COERCE source=Dravia,target=Tom Ruiz',
  ]);
  // not outside a quote, nor with no speaker next to it
  assert.deepEqual(roles('Tom Ruiz lost his appeal on Monday.', 'I was banned for two years by Dravia, the letter read.').slice(-1), ['COERCE source=Dravia']);
});

test('a pronoun after a sentence whose subject is someone unnamed by title stands for that one, not for a name further back', () => {
  assert.deepEqual(roles('Tom Ruiz defended the budget on Monday.', 'The party spokesman said the tax was unfair.', 'He urged Dravia to scrap it.').slice(-1), [
    'REQUEST target=Dravia',
  ]);
});

test('"he" is no woman\'s and "she" no man\'s where an honorific says which; a sentence opened by the same pronoun passes it on', () => {
  assert.deepEqual(roles('Mr Tom Ruiz gave the tickets to Mrs Ana Bell on Monday.', 'He apologised on Tuesday.').slice(-1), ['CONCEDE source=Tom Ruiz']);
  assert.deepEqual(roles('Mrs Ana Bell met Mr Tom Ruiz on Monday.', 'He apologised on Tuesday.').slice(-1), ['CONCEDE source=Tom Ruiz']);
  // the second sentence's "she" is the first one's Ana Bell, and so is the third's, not Kestrel Mining's chief named there
  assert.deepEqual(roles('Ana Bell flew in on Sunday.', 'She met Tom Ruiz of Kestrel Mining there.', 'She resigned on Tuesday.').slice(-1), [
    'CONCEDE source=Ana Bell',
  ]);
});

test('a participle clause after a comma has the subject opening the sentence, a pronoun included; a later "he" before any name passes its antecedent on', () => {
  assert.deepEqual(
    roles(
      'Tom Ruiz became an MP in 1970.',
      "He made a name as a rebel, voting against Dravia in 1975, and later rejecting a post in Ana Bell's cabinet.",
    ).filter((e) => e.startsWith('REJECT')),
    ['REJECT source=Tom Ruiz'],
  );
  assert.deepEqual(
    roles('Kestrel Mining posted a loss, blaming Dravia for the strike.').filter((e) => e.startsWith('ACCUSE')),
    ['ACCUSE source=Kestrel Mining,target=Dravia'],
  );
  // ("After a year abroad, he ..." goes on telling of the one named before, not of a name later in that sentence)
  assert.deepEqual(roles('Tom Ruiz left Dravia.', 'After a year abroad, he met his wife Ana Bell.', 'He resigned on Monday.').slice(-1), [
    'CONCEDE source=Tom Ruiz',
  ]);
});

test('an -ing verb after before, after or while has the subject opening the sentence, a pronoun included', () => {
  assert.deepEqual(roles('Tom Ruiz arrived on Sunday.', 'He spoke to Kestrel Mining a few hours before visiting Dravia.').slice(-1), [
    'CONSULT source=Tom Ruiz,target=Dravia',
  ]);
});
