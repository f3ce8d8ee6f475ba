import { col } from './columns.ts';
import { defineTable } from './table.ts';
import { DATE_PRECISION, EVENT_STATUS, EVENT_SUBTYPES, EVENT_TYPES } from './vocab.ts';

/** Where a row is on the map (pipeline/lib/geo.ts geocode): shared by events and figures. */
export const geoColumns = (what: string) => ({
  lat: col.float(`Latitude (WGS84) of ${what}, else empty.`, { nullable: true }),
  lon: col.float(`Longitude (WGS84) of ${what}, else empty.`, { nullable: true }),
  geonames_id: col.int('GeoNames id of the town, else empty (a country or region has none here).', { nullable: true, min: 0 }),
  admin1: col.id('GeoNames admin1 code "CC.XX" (country ISO2 and first-order division: state, province, oblast) of the town, else empty.', { nullable: true }),
  geo_precision: col.int(
    'How precise lat/lon are, as ACLED codes geo_precision: 1 = the named town (a GeoNames populated place); 2 = a region or part of a country ("X region", "X province", "the X Strip"), at its namesake town when there is one, else at the country; 3 = the country only, at its approximate centre. Empty when not placed.',
    { nullable: true, min: 1 },
  ),
});

/** Columns added after cross-referencing by pipeline/resolve/event-sources.ts (sources, fatalities, place on the map). */
export const eventSourceColumns = {
  ...geoColumns('the place (the town; for a region its namesake town or the country; for a country its centre)'),
  outlets: col.list('Outlets of the articles that report it (articles.outlet), sorted'),
  urls: col.list('URLs of the articles that report it (articles.url), sorted'),
  fatalities_best: col.int('Deaths, best estimate from the killed figures linked to it (rule in the codebook), else empty.', { nullable: true, min: 0 }),
  fatalities_low: col.int('Deaths, lowest reported (value_low, else value, of its killed figures), else empty.', { nullable: true, min: 0 }),
  fatalities_high: col.int('Deaths, highest reported (value_high, else value, of its killed figures), else empty.', { nullable: true, min: 0 }),
};

export const events = defineTable({
  name: 'events',
  title: 'Events',
  grain: 'One row per real-world event, resolved across articles.',
  description: 'Who did what, when and where, once per event however many articles report it; conflicting dates are flagged.',
  primaryKey: ['event_id'],
  foreignKeys: [{ fields: ['story_id'], table: 'stories', references: ['story_id'] }],
  sortKey: ['date_start', 'event_type', 'event_id'],
  columns: {
    event_id: col.id(
      'Stable id: "e" + hash of its earliest mention\'s own key (event type, article_id, offset, trigger); earliest by publication date, then article_id and offset.',
    ),
    story_id: col.id("The story of the event's earliest mention (stories.story_id); an event joined across stories keeps that one."),
    event_type: col.enum('PLOVER event type.', EVENT_TYPES),
    event_subtype: col.enum('Finer, ACLED-compatible subtype (most common among its mentions of its type), else empty.', EVENT_SUBTYPES, { nullable: true }),
    summary: col.text('One short sentence from the text.'),
    status: col.enum('Whether it happened, is planned or is under way.', EVENT_STATUS),
    date_start: col.date('Best resolved first day.', { nullable: true }),
    date_end: col.date('Best resolved last day (= date_start for one day).', { nullable: true }),
    date_precision: col.enum('Precision of date_start/date_end.', DATE_PRECISION),
    date_conflict: col.bool(
      'True when the articles report dates that do not agree: spans that do not overlap, or two stated spans of several days that begin or end on different days.',
    ),
    dates_reported: col.list('Each article\'s date for it, "article_id=YYYY-MM-DD[/YYYY-MM-DD]"'),
    place: col.text('Where it happens (place name), else empty.', { nullable: true }),
    country: col.id('ISO 3166-1 alpha-3 of the place, else empty.', { nullable: true }),
    article_count: col.int('Articles that report it.', { min: 0 }),
    mention_count: col.int('Mentions across all articles.', { min: 0 }),
    first_reported: col.date('Earliest publication date among the reporting articles, else empty.', { nullable: true }),
    ...eventSourceColumns,
  },
});
