import { col } from './columns.ts';
import { defineTable } from './table.ts';

export const sentences = defineTable({
  name: 'sentences',
  title: 'Sentences',
  grain: "One row per sentence of an article's cleaned text.",
  description:
    'The cleaned text, sentence by sentence, with character offsets. The cleaned text of an article is the concatenation of its paragraphs separated by a blank line; paragraph 0 is the title.',
  primaryKey: ['article_id', 'sentence_index'],
  foreignKeys: [{ fields: ['article_id'], table: 'articles', references: ['article_id'] }],
  columns: {
    article_id: col.id('Article the sentence belongs to.'),
    sentence_index: col.int('0-based position of the sentence in the article.', { min: 0 }),
    paragraph_index: col.int('0-based paragraph of the cleaned text (0 = title).', { min: 0 }),
    char_start: col.int('Offset of the first character in the cleaned text (UTF-16 code units, as JavaScript and Arrow count).', { min: 0 }),
    char_end: col.int('Offset one past the last character.', { min: 0 }),
    text: col.text('The sentence.'),
  },
});
