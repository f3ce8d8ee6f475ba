/**
 * What the stages pass to each other (not published as tables). Each stage's
 * input and output are validated against these by the runner.
 */
import { z } from 'zod';
import { articles } from './articles.ts';
import { figures } from './figures.ts';
import { quotes } from './quotes.ts';
import { isoDay } from './columns.ts';
import { rejects } from './rejects.ts';
import { sentences } from './sentences.ts';
import { ACTOR_RULES, ACTOR_TYPES, DATE_PRECISION, EVENT_ROLES, EVENT_RULES, EVENT_STATUS, EVENT_SUBTYPES, EVENT_TYPES, MENTION_METHODS } from './vocab.ts';

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const offset = z.number().int().min(0);
const span = { sentence_index: offset, char_start: offset, char_end: offset };

/**
 * Optional per-file metadata from `manifest.csv` beside the inputs. A manifest value wins over what
 * the file says; each column's description is listed in the codebook (the one definition).
 */
export const manifestEntry = z.strictObject({
  file: z
    .string()
    .min(1)
    .describe(
      'Path of the input file relative to the input folder ("/" separated), or a bare file name matching a file in any folder (required). A JSONL file\'s row applies to each of its records.',
    ),
  id: z.string().nullable().optional().describe("The source's own id for the item → articles.source_id (a JSON field `id` wins for a JSONL record)."),
  url: z.string().nullable().describe('→ articles.url'),
  outlet: z.string().nullable().describe('→ articles.outlet'),
  published_date: isoDay
    .nullable()
    .describe('YYYY-MM-DD → articles.published_date (published_basis metadata); a row with another date form is reported and skipped.'),
  author: z.string().nullable().describe('→ articles.author'),
  section: z
    .string()
    .nullable()
    .optional()
    .describe(
      'The section, desk or category the source files the item under → articles.section (a JSON field `section` or `category` wins for a JSONL record).',
    ),
  license: z
    .string()
    .nullable()
    .describe(
      "The item's licence as its publisher states it (an SPDX id such as CC-BY-4.0, a URL or words) → articles.license; the package licence is derived from these.",
    ),
  locale: z
    .string()
    .nullable()
    .optional()
    .describe('A language tag with a region ("en-US", "en_GB"): numeric dates (03/04/2024) are read in its country\'s order of day and month.'),
  country: z
    .string()
    .nullable()
    .optional()
    .describe('The outlet\'s country ("US", "GB"; ISO 3166 alpha-2): numeric dates are read in its order of day and month (a locale wins).'),
});
export type ManifestEntry = z.infer<typeof manifestEntry>;

/** One input file as read from disk, or why it could not be read. */
export const rawFile = z.strictObject({
  path: z.string().min(1),
  /** Size on disk; files over the limit are not read (bytes null, read_error null). */
  size: z.number().int().min(0),
  bytes: z.instanceof(Uint8Array).nullable(),
  read_error: z.string().nullable(),
  /** Reject reason when bytes is null for a reason other than the size: absent = unreadable. */
  read_reason: z.enum(['unreadable', 'outside-input', 'not-a-regular-file']).optional(),
  /** A JSONL feed over the size limit, read as a stream (bytes null): its lines in parts cut at line ends, each with its first line's number. */
  parts: z.array(z.strictObject({ first_line: z.number().int().min(1), bytes: z.instanceof(Uint8Array) })).optional(),
  /** Lines of a streamed feed over the size limit (each a too-large reject of its own; left out of the parts as empty lines). */
  long_lines: z.array(z.strictObject({ line: z.number().int().min(1), size: z.number().int().min(0) })).optional(),
});
export type RawFile = z.infer<typeof rawFile>;

export const normalizeInput = z.strictObject({
  files: z.array(rawFile),
  manifest: z.array(manifestEntry),
});
export type NormalizeInput = z.infer<typeof normalizeInput>;

/** A line removed from the text as page furniture, and why. */
export const removedLine = z.strictObject({
  line: z.number().int().min(0),
  reason: z.string().min(1),
  text: z.string(),
});

/** One cleaned article: its published row, cleaned text and sentences. */
export const document = z.strictObject({
  article: articles.row,
  /** Cleaned text: paragraphs separated by "\n\n", paragraph 0 is the title. */
  text: z.string(),
  sentences: z.array(sentences.row),
  removed: z.array(removedLine),
});
export type Document = z.infer<typeof document>;

/**
 * A paragraph found (folded: case, punctuation and spacing ignored) in two or
 * more articles that are not copies of each other: a shared quote, a wire
 * paragraph, an outlet's standard blurb. Lets later stages group figures and
 * quotes that come from the same passage.
 */
export const repeatedPassage = z.strictObject({
  passage_id: z.string().min(1),
  /** The passage as written in its first occurrence. */
  text: z.string().min(1),
  occurrences: z.array(z.strictObject({ article_id: z.string().min(1), paragraph_index: z.number().int().min(0) })),
});
export type RepeatedPassage = z.infer<typeof repeatedPassage>;

export const corpus = z.strictObject({
  documents: z.array(document),
  rejects: z.array(rejects.row),
  /** Set by 02-deduplicate. */
  passages: z.array(repeatedPassage).optional(),
});
export type Corpus = z.infer<typeof corpus>;

/** An actor mention found in one article, before cross-article resolution. */
export const actorMentionX = z.strictObject({
  ...span,
  text: z.string().min(1),
  /** Canonical name within the article (full name the mention resolves to). */
  name: z.string().min(1),
  type: z.enum(keys(ACTOR_TYPES)),
  country: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  role: z.string().nullable(),
  method: z.enum(keys(MENTION_METHODS)),
  /** Gazetteer key when the actor is a known entity, else null. */
  key: z.string().nullable(),
  /** Name of the organization (or country) the text says the actor belongs to ("Hamas official X"), else null. */
  affiliation: z.string().min(1).nullable().optional(),
  /** The recognizer rule that made the mention (actor_mentions.rule). */
  rule: z.enum(keys(ACTOR_RULES)).optional(),
});
export type ActorMentionX = z.infer<typeof actorMentionX>;

/**
 * A figure found in one article, before cross-article resolution: the
 * figures table's columns (definitions in schemas/figures.ts), minus the ids
 * 04-cross-reference assigns, plus indexes into the article's mentions.
 */
export const figureX = figures.row
  .pick({
    sentence_index: true,
    char_start: true,
    char_end: true,
    value: true,
    value_low: true,
    value_high: true,
    qualifier: true,
    category: true,
    unit: true,
    as_of: true,
    as_of_basis: true,
    rule: true,
  })
  .extend({
    text: z.string().min(1),
    /** A part of the category's measure named by the governing word of a figure with no unit ("12 in hospital" → hospitalised); grouped under it. */
    measure: z.string().min(1).optional(),
    /** For a share: what it is a share of ("the vote" → "vote"). */
    share_of: z.string().min(1).nullable().optional(),
    /** ISO3 country of the people counted (demonym in the unit or a place in the sentence), else null. */
    country: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .nullable(),
    /** Index into the article's mentions of the cited source, else null. */
    attributed_to: z.number().int().min(0).nullable(),
    /** Index into the article's event mentions, else null. */
    event: z.number().int().min(0).nullable(),
  });
export type FigureX = z.infer<typeof figureX>;

export const eventMentionX = z.strictObject({
  ...span,
  text: z.string().min(1),
  trigger: z.string().min(1),
  event_type: z.enum(keys(EVENT_TYPES)),
  event_subtype: z.enum(keys(EVENT_SUBTYPES)).nullable(),
  /** The recognizer rule that made the mention (EVENT_RULES). */
  rule: z.enum(keys(EVENT_RULES)),
  status: z.enum(keys(EVENT_STATUS)),
  date_text: z.string().nullable(),
  date_start: isoDay.nullable(),
  date_end: isoDay.nullable(),
  date_precision: z.enum(keys(DATE_PRECISION)),
  place: z.string().nullable(),
  country: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  /** Actors by index into the article's mentions. */
  actors: z.array(z.strictObject({ mention: z.number().int().min(0), role: z.enum(keys(EVENT_ROLES)) })),
  /** Lexicon frame of the trigger ("meet", "invite"): mentions of one event share it. */
  frame: z.string().min(1).optional(),
});
export type EventMentionX = z.infer<typeof eventMentionX>;

/** A quotation found in one article: the quotes table's columns before resolution, the speaker as an index into the article's mentions. */
export const quoteX = quotes.row.pick({ sentence_index: true, char_start: true, char_end: true, rule: true }).extend({
  text: z.string().min(1),
  /** Index into the article's mentions of the speaker, else null. */
  speaker: z.number().int().min(0).nullable(),
});
export type QuoteX = z.infer<typeof quoteX>;

/** Everything extracted from one article. */
export const extraction = z.strictObject({
  article_id: z.string().min(1),
  mentions: z.array(actorMentionX),
  figures: z.array(figureX),
  events: z.array(eventMentionX),
  quotes: z.array(quoteX),
});
export type Extraction = z.infer<typeof extraction>;

export const extracted = z.strictObject({
  documents: z.array(document),
  rejects: z.array(rejects.row),
  passages: z.array(repeatedPassage).optional(),
  extractions: z.array(extraction),
});
export type Extracted = z.infer<typeof extracted>;
