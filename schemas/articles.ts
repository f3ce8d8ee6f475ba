import { col } from './columns.ts';
import { defineTable } from './table.ts';
import { CONTENT_FLAGS, PUBLISHED_BASIS } from './vocab.ts';

export const articles = defineTable({
  name: 'articles',
  title: 'Articles',
  grain: 'One row per input document, duplicates included.',
  description: 'Every input file (or JSONL record) that could be read, with its cleaned metadata.',
  primaryKey: ['article_id'],
  foreignKeys: [
    { fields: ['duplicate_of'], table: 'articles', references: ['article_id'] },
    { fields: ['story_id'], table: 'stories', references: ['story_id'] },
  ],
  sortKey: ['source_path', 'article_id'],
  columns: {
    article_id: col.id('Stable id: "a" + the first 16 hex digits of sha256(source_path, NUL, sha256 of the bytes).'),
    source_path: col.id('Path of the input file relative to the input folder, "/" separated; "path#N" for the N-th (1-based) line of a JSONL file.'),
    title: col.text('Cleaned title.'),
    published_date: col.date('Publication date, empty when unknown (never guessed silently).', { nullable: true }),
    published_basis: col.enum('Where published_date comes from.', PUBLISHED_BASIS),
    author: col.text('Author or byline as found.', { nullable: true }),
    outlet: col.text('Outlet (site or publication) as found.', { nullable: true }),
    dateline: col.text('Dateline place ("JAKARTA") as found.', { nullable: true }),
    url: col.text('URL of the article as found.', { nullable: true }),
    language: col.id('ISO 639-1 code of the article language ("und" when undetermined).'),
    word_count: col.int('Words in the cleaned text.', { min: 0 }),
    sentence_count: col.int('Sentences in the cleaned text.', { min: 0 }),
    sha256: col.id('sha256 of the input bytes (of the line, for a JSONL record).'),
    duplicate_of: col.id('article_id of the earlier copy when this is an exact or near duplicate, else empty.', { nullable: true }),
    duplicate_similarity: col.float('Similarity (0..1) to the copy in duplicate_of, else empty.', { nullable: true }),
    story_id: col.id('The story the article belongs to (stories.story_id); set by cross-reference, so every published article has one.', { nullable: true }),
    boilerplate_removed: col.int('Lines removed as page furniture (menus, share buttons, captions, teasers...).', { min: 0 }),
    source_id: col.text(
      "The source's own id for the item: a JSON/JSONL field (id, source_id, guid, uuid), the manifest `id`, or JSON-LD `identifier` of a page; else empty.",
      { nullable: true },
    ),
    content_flags: col.list(
      'What kind of page the article is when it is not a full story, sorted: paywall, gallery, stub (see the content flags vocabulary); empty for a full story. Flagged articles are kept and extracted.',
      { values: CONTENT_FLAGS },
    ),
    section: col.text(
      "The section, desk or category the source files the item under, as the source names it (a JSON field section/category/desk/topic, the manifest `section`, a page's article:section meta tag or JSON-LD articleSection); else empty.",
      { nullable: true },
    ),
    license: col.text(
      'The item\'s licence as given (manifest `license`, a JSON field license/licence/rights, a page\'s rel="license" link, rights meta tag or JSON-LD license); else empty (unknown, not "free").',
      { nullable: true },
    ),
  },
});
