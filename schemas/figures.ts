import { col } from './columns.ts';
import { geoColumns } from './events.ts';
import { defineTable } from './table.ts';
import { FIGURE_AS_OF_BASIS, FIGURE_CATEGORIES, FIGURE_QUALIFIERS, FIGURE_RULES } from './vocab.ts';

/** Added after cross-referencing (pipeline/resolve/event-sources.ts): where the counted thing is on the map. */
export const figureGeoColumns = geoColumns("the figure: its event's place when it quantifies an event in the same country, else its country's centre");

export const figures = defineTable({
  name: 'figures',
  title: 'Figures',
  grain: 'One row per numeric claim in an article.',
  description:
    'Counts and amounts as stated, with bounds, qualifier, category, unit, date and source. Years, dates, ages, ordinals, times and page furniture are not figures.',
  primaryKey: ['figure_id'],
  foreignKeys: [
    { fields: ['article_id'], table: 'articles', references: ['article_id'] },
    { fields: ['article_id', 'sentence_index'], table: 'sentences', references: ['article_id', 'sentence_index'] },
    { fields: ['attributed_to'], table: 'actors', references: ['actor_id'] },
    { fields: ['event_id'], table: 'events', references: ['event_id'] },
    { fields: ['group_id'], table: 'figure_groups', references: ['group_id'] },
  ],
  sortKey: ['article_id', 'char_start', 'figure_id'],
  columns: {
    figure_id: col.id('Stable id: "f" + hash of article_id and offsets.'),
    article_id: col.id('Article of the claim.'),
    sentence_index: col.int('Sentence of the claim.', { min: 0 }),
    char_start: col.int('Offset of the figure phrase in the cleaned text.', { min: 0 }),
    char_end: col.int('Offset one past its end.', { min: 0 }),
    text: col.text('The figure phrase as written ("more than 1,200 residents").'),
    value: col.float('The number; for a range its upper end.'),
    value_low: col.float('Lower bound when the text gives one, else empty.', { nullable: true }),
    value_high: col.float('Upper bound when the text gives one, else empty.', { nullable: true }),
    qualifier: col.enum('How the number is hedged.', FIGURE_QUALIFIERS),
    category: col.enum('What kind of quantity it is.', FIGURE_CATEGORIES),
    unit: col.text('What is counted, as said ("Palestinians").', { nullable: true }),
    share_of: col.text(
      'For a share (unit "%"): what it is a share of, as written after "of" without its determiner ("vote" for "40.2% of the vote"), else empty.',
      { nullable: true },
    ),
    currency: col.id(
      'ISO 4217 code of a money figure ("GBP" for "£5m" or "5m pounds"), else empty; rule in the codebook. value keeps the stated scale and unit ("50 euro cents": value 50, unit "euro cents", currency EUR).',
      { nullable: true },
    ),
    unit_normalized: col.id(
      'The unit as grouped: singular head noun through a small synonym map ("Palestinian factions" → "organization"; people-nouns and plural demonyms → "people"); "other <unit>" for a remainder or an increment ("9 other unions", "4 more people"); a part of a measure named by its governing words for a count with no unit ("12 in hospital" → "hospitalised", see figure-words.json subMeasures); "people" for an unnamed count of people harmed.',
      { nullable: true },
    ),
    country: col.id(
      'ISO 3166-1 alpha-3 of the people counted: a demonym in the unit ("Israeli civilians") or a place named in the sentence ("in Gaza"), else empty.',
      { nullable: true },
    ),
    as_of: col.date('The date the figure refers to, when known.', { nullable: true }),
    as_of_basis: col.enum('How as_of was found.', FIGURE_AS_OF_BASIS, { nullable: true }),
    attributed_to: col.id('actor_id of the source the article cites for it, else empty.', { nullable: true }),
    event_id: col.id('The event it quantifies, else empty.', { nullable: true }),
    group_id: col.id('The measure it reports (see figure_groups).'),
    ...figureGeoColumns,
    rule: col.enum('The recognizer rule that made the row (filter or audit by how a figure was found).', FIGURE_RULES),
  },
});
