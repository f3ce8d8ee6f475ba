/** One article row for tests: every column at its neutral value, then the fields a test cares about. */
import type { ArticleRow } from '../../schemas/index.ts';

export const articleRow = (id: string, over: Partial<ArticleRow> = {}): ArticleRow => ({
  article_id: id,
  source_path: `${id}.txt`,
  title: 'A title',
  published_date: null,
  published_basis: 'unknown',
  author: null,
  outlet: null,
  dateline: null,
  url: null,
  language: 'en',
  word_count: 0,
  sentence_count: 0,
  sha256: '0'.repeat(64),
  duplicate_of: null,
  duplicate_similarity: null,
  boilerplate_removed: 0,
  source_id: null,
  section: null,
  license: null,
  content_flags: [],
  story_id: null,
  ...over,
});
