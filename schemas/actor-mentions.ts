import { col } from './columns.ts';
import { defineTable } from './table.ts';
import { ACTOR_RULES, MENTION_METHODS } from './vocab.ts';

export const actorMentions = defineTable({
  name: 'actor_mentions',
  title: 'Actor mentions',
  grain: 'One row per mention of an actor in an article.',
  description: 'Where each actor is named, with the text as written and how it was resolved.',
  primaryKey: ['mention_id'],
  foreignKeys: [
    { fields: ['actor_id'], table: 'actors', references: ['actor_id'] },
    { fields: ['article_id'], table: 'articles', references: ['article_id'] },
    { fields: ['article_id', 'sentence_index'], table: 'sentences', references: ['article_id', 'sentence_index'] },
  ],
  sortKey: ['article_id', 'char_start', 'char_end', 'mention_id'],
  columns: {
    mention_id: col.id('Stable id: "m" + hash of article_id and offsets.'),
    actor_id: col.id('The actor mentioned.'),
    article_id: col.id('Article of the mention.'),
    sentence_index: col.int('Sentence of the mention.', { min: 0 }),
    char_start: col.int('Offset of the mention in the cleaned text.', { min: 0 }),
    char_end: col.int('Offset one past its end.', { min: 0 }),
    text: col.text('The mention as written.'),
    method: col.enum('How the mention was resolved to its actor.', MENTION_METHODS),
    role: col.text('Title or role written with this mention, else empty.', { nullable: true }),
    rule: col.enum('The recognizer rule that made the mention (which evidence found it).', ACTOR_RULES, { nullable: true }),
  },
});
