import { col } from './columns.ts';
import { defineTable } from './table.ts';
import { QUOTE_RULES } from './vocab.ts';

export const quotes = defineTable({
  name: 'quotes',
  title: 'Quotes',
  grain: 'One row per quotation in an article.',
  description: 'Direct quotations with their speaker when the text names one.',
  primaryKey: ['quote_id'],
  foreignKeys: [
    { fields: ['article_id'], table: 'articles', references: ['article_id'] },
    { fields: ['speaker_actor_id'], table: 'actors', references: ['actor_id'] },
  ],
  sortKey: ['article_id', 'char_start', 'quote_id'],
  columns: {
    quote_id: col.id('Stable id: "q" + hash of article_id and offsets.'),
    article_id: col.id('Article of the quotation.'),
    sentence_index: col.int('Sentence where the quotation starts.', { min: 0 }),
    speaker_actor_id: col.id('actor_id of the speaker, else empty.', { nullable: true }),
    text: col.text('The quoted words, without the quotation marks.'),
    char_start: col.int('Offset of the quoted words in the cleaned text.', { min: 0 }),
    char_end: col.int('Offset one past their end.', { min: 0 }),
    group_id: col.id('The same statement quoted by several articles shares a group_id.'),
    rule: col.enum('The recognizer rule that made the row: which quotation marks delimit it.', QUOTE_RULES),
  },
});
