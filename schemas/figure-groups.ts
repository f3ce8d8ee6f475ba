import { col } from './columns.ts';
import { defineTable } from './table.ts';
import { FIGURE_CATEGORIES } from './vocab.ts';

export const figureGroups = defineTable({
  name: 'figure_groups',
  title: 'Figure groups',
  grain: 'One row per measure, cross-referenced across articles.',
  description: 'The same measure (e.g. people killed in one conflict) as reported by one or more articles, with the spread of values.',
  primaryKey: ['group_id'],
  foreignKeys: [],
  columns: {
    group_id: col.id(
      'Stable id: "g" + hash of the block (category and normalized unit) and the group\'s earliest figure (as_of, then figure_id). One group = one measure of one happening: figures of one block linked when they share an article, an event or a story (stories.story_id), within 31 days and 3× of each other (a rising toll of people harmed may grow beyond; money, participants and other counts: 1.25×), one country of the people counted.',
    ),
    category: col.enum('Category of the figures in the group.', FIGURE_CATEGORIES),
    unit: col.text('Normalized unit.', { nullable: true }),
    country: col.id(
      'ISO 3166-1 alpha-3 of the people counted, part of the measure for counts of people harmed (killed, injured, abducted, displaced, arrested, missing); empty otherwise or when unknown.',
      { nullable: true },
    ),
    report_count: col.int('Figures in the group.', { min: 1 }),
    article_count: col.int('Articles reporting it.', { min: 1 }),
    value_min: col.float('Smallest value reported.'),
    value_max: col.float('Largest value reported.'),
    latest_value: col.float('Value of the report with the latest as_of (ties: the largest).'),
    latest_as_of: col.date('Latest as_of in the group, else empty.', { nullable: true }),
    series: col.list('The as-of series, oldest first: "value@as_of@article_id" for each report (as_of empty when unknown).'),
    consistent: col.bool(
      "False when reports that refer to the same as_of date cannot all hold (exact values differ, or a value falls outside another report's stated bounds); approximate values without bounds never conflict.",
    ),
  },
});
