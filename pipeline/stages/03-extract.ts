/** Per article: actor mentions, figures, event mentions and quotes. Duplicates are not extracted again. */
import { corpus, extracted, type Corpus, type Document, type Extracted, type Extraction } from '../../schemas/pipeline.ts';
import { findActorMentions } from '../extract/actors.ts';
import { findEvents } from '../extract/events.ts';
import { findFigures, skippedNumbers } from '../extract/figures.ts';
import { findQuotes } from '../extract/quotes.ts';
import { corpusYearHint, withInferredDate } from '../resolve/published-date.ts';
import type { Stage } from '../stage.ts';

/** Everything extracted from one article; pure, so it can run in a worker. */
export function extractArticle(doc: Document): Extraction {
  const mentions = findActorMentions(doc);
  const events = findEvents(doc, mentions);
  return { article_id: doc.article.article_id, mentions, figures: findFigures(doc, mentions, events), events, quotes: findQuotes(doc, mentions) };
}

export const extract: Stage<Corpus, Extracted> = {
  name: '03-extract',
  description: 'Find actor mentions, figures, event mentions and quotes in every original article.',
  input: corpus,
  output: extracted,
  run(input) {
    // articles with no stated date get one bounded from the text (published_basis 'inferred') before extraction
    const hint = corpusYearHint(input.documents.filter((d) => d.article.published_basis === 'stated' || d.article.published_basis === 'metadata').map((d) => d.article.published_date));
    const documents = input.documents.map((d) => withInferredDate(d, hint));
    const extractions = documents.filter((d) => !d.article.duplicate_of).map(extractArticle);
    const stats: Record<string, number> = {
      'mentions': extractions.reduce((n, e) => n + e.mentions.length, 0),
      'figures': extractions.reduce((n, e) => n + e.figures.length, 0),
      'event_mentions': extractions.reduce((n, e) => n + e.events.length, 0),
      'quotes': extractions.reduce((n, e) => n + e.quotes.length, 0),
    };
    // numbers that are not figures (years, dates, ordinals, ...), by reason
    stats['published-inferred'] = documents.filter((d, i) => d !== input.documents[i]).length;
    for (const d of documents) {
      if (d.article.duplicate_of) continue;
      for (const [reason, n] of Object.entries(skippedNumbers(d))) stats[`figures-skipped:${reason}`] = (stats[`figures-skipped:${reason}`] ?? 0) + (n ?? 0);
    }
    return { data: { ...input, documents, extractions }, issues: [], stats };
  },
  counts: (input, output) => ({ read: input.documents.length, written: output.extractions.length, rejected: 0 }),
};
