import { col } from './columns.ts';
import { defineTable } from './table.ts';
import { DATE_PRECISION, EVENT_STATUS, EVENT_TYPES } from './vocab.ts';

export const events = defineTable({
  name: 'events',
  title: 'Events',
  grain: 'One row per real-world event, resolved across articles.',
  description: 'Who did what, when and where, once per event however many articles report it; conflicting dates are flagged.',
  primaryKey: ['event_id'],
  foreignKeys: [{ fields: ['story_id'], table: 'stories', references: ['story_id'] }],
  sortKey: ['date_start', 'event_type', 'event_id'],
  columns: {
    event_id: col.id('Stable id: "e" + hash of its earliest mention\'s own key (event type, article_id, offset, trigger); earliest by publication date, then article_id and offset.'),
    story_id: col.id('The story of the event\'s earliest mention (stories.story_id); an event joined across stories keeps that one.'),
    event_type: col.enum('PLOVER event type.', EVENT_TYPES),
    summary: col.text('One short sentence from the text.'),
    status: col.enum('Whether it happened, is planned or is under way.', EVENT_STATUS),
    date_start: col.date('Best resolved first day.', { nullable: true }),
    date_end: col.date('Best resolved last day (= date_start for one day).', { nullable: true }),
    date_precision: col.enum('Precision of date_start/date_end.', DATE_PRECISION),
    date_conflict: col.bool('True when the articles report dates that do not agree.'),
    dates_reported: col.list('Each article\'s date for it, "article_id=YYYY-MM-DD[/YYYY-MM-DD]"'),
    place: col.text('Where it happens (place name), else empty.', { nullable: true }),
    country: col.id('ISO 3166-1 alpha-3 of the place, else empty.', { nullable: true }),
    article_count: col.int('Articles that report it.', { min: 0 }),
    mention_count: col.int('Mentions across all articles.', { min: 0 }),
    first_reported: col.date('Earliest publication date among the reporting articles, else empty.', { nullable: true }),
  },
});
