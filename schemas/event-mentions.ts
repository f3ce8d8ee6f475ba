import { col } from './columns.ts';
import { defineTable } from './table.ts';
import { DATE_PRECISION, EVENT_RULES, EVENT_STATUS, EVENT_SUBTYPES, EVENT_TYPES } from './vocab.ts';

export const eventMentions = defineTable({
  name: 'event_mentions',
  title: 'Event mentions',
  grain: 'One row per report of an event in a sentence of an article.',
  description: 'Where each event is reported, with the date that article gives it.',
  primaryKey: ['event_mention_id'],
  foreignKeys: [
    { fields: ['event_id'], table: 'events', references: ['event_id'] },
    { fields: ['article_id'], table: 'articles', references: ['article_id'] },
    { fields: ['article_id', 'sentence_index'], table: 'sentences', references: ['article_id', 'sentence_index'] },
  ],
  sortKey: ['article_id', 'char_start', 'event_mention_id'],
  columns: {
    event_mention_id: col.id('Stable id: "em" + hash of article_id, offsets and trigger.'),
    event_id: col.id('The event reported.'),
    article_id: col.id('Article of the report.'),
    sentence_index: col.int('Sentence of the report.', { min: 0 }),
    char_start: col.int('Offset of the sentence in the cleaned text.', { min: 0 }),
    char_end: col.int('Offset one past its end.', { min: 0 }),
    text: col.text('The sentence as written.'),
    trigger: col.text('The word or phrase that signals the event.'),
    event_type: col.enum('PLOVER type given by this mention.', EVENT_TYPES),
    event_subtype: col.enum('ACLED-compatible subtype given by this mention, else empty.', EVENT_SUBTYPES, { nullable: true }),
    rule: col.enum('The recognizer rule that made this mention.', EVENT_RULES),
    status: col.enum('Status given by this mention.', EVENT_STATUS),
    date_text: col.text(
      'The date expression as written, else empty (also empty for a statement told in the present tense, or a happening told as going on, dated by the article: see date_start).',
      { nullable: true },
    ),
    date_start: col.date(
      "First day this article gives, else empty. A statement (SUPPORT, ACCUSE, REJECT, REQUEST, THREATEN) with no date of its own is dated by its report: told in the present tense ('X urges Y', 'X is welcoming Z'), the article's published date; in the simple past ('X urged Y'), the published date and the day before (date_end the published date). Any happening told as going on ('amid the ongoing war') with no date of its own is dated by the article's published date. Right after a happening the article dates more than a week earlier (within two sentences, nothing undated between), that happening's date. A perfect ('X has long urged Y') or a clause of the same moment as an undated happening ('as he resigned') stays undated. An undated article is read against the last day it tells (a weekday or a full date, not 'hours ago' or 'yesterday') when that falls in the two weeks up to its story's latest published date, else against that date.",
      { nullable: true },
    ),
    date_end: col.date('Last day this article gives, else empty.', { nullable: true }),
    date_precision: col.enum("Precision of this mention's date.", DATE_PRECISION),
  },
});
