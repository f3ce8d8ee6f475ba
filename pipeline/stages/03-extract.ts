/**
 * Per article: actor mentions, figures, event mentions and quotes. Duplicates
 * are not extracted again. The work is per article (`perItem`): the runner
 * may run it in a worker pool and cache it by content (pipeline/run.ts); the
 * corpus part is the year hint for undated articles and the stats.
 */
import { z } from 'zod';
import { articles } from '../../schemas/articles.ts';
import { corpus, extracted, extraction, type Corpus, type Document, type Extracted, type Extraction } from '../../schemas/pipeline.ts';
import type { ArticleRow } from '../../schemas/index.ts';
import { findActorMentions } from '../extract/actors.ts';
import { findEvents } from '../extract/events.ts';
import { scanFigures } from '../extract/figures.ts';
import { findQuotes } from '../extract/quotes.ts';
import { annotate, lexiconsFor } from '../nlp/document.ts';
import { corpusYearHint, withInferredDate } from '../resolve/published-date.ts';
import { issue } from '../issues.ts';
import { functionWordShare } from '../lib/language.ts';
import { isTooSlow, tooSlowMessage, tooSlowResult, type TooSlow } from '../parallel/budget.ts';
import { runInThread, type PerItemPlan, type Stage, type StageResult } from '../stage.ts';

/** The extraction and the numbers that are not figures, by reason (one figure scan for both). */
function extractWithSkips(doc: Document): { extraction: Extraction; skipped: Record<string, number> } {
  // the one linguistic reading of the article, shared by every extractor
  const ann = annotate(doc, lexiconsFor(doc.article.language));
  const mentions = findActorMentions(doc, ann);
  const events = findEvents(doc, mentions, ann);
  const scan = scanFigures(doc, mentions, events, ann);
  const skipped: Record<string, number> = {};
  for (const [reason, n] of Object.entries(scan.skipped)) if (n) skipped[reason] = n;
  return { extraction: { article_id: doc.article.article_id, mentions, figures: scan.figures, events, quotes: findQuotes(doc, mentions, ann) }, skipped };
}

/**
 * One article to work on: the document without its duplicate fields (they
 * come from the corpus, not the article: a cached result stays valid when a
 * copy of it arrives), whether it is a copy (copies are not extracted), and
 * the corpus year hint when it is undated (a dated article does not use it).
 */
export interface ExtractItem {
  readonly doc: Document;
  readonly copy: boolean;
  readonly hint: string | null;
}
/** What one article gives: its article row when a date was inferred, its extraction unless it is a copy, and skipped numbers by reason. */
const extractOk = z.strictObject({
  article: articles.row.nullable(),
  extraction: extraction.nullable(),
  skipped: z.record(z.string(), z.number().int().min(0)),
  /** An extractor threw on this article: the error, and the article becomes a reject extraction-failed. */
  failed: z.string().optional(),
});
export type ExtractResult = z.infer<typeof extractOk>;
/** An article's result, or too-slow when its extraction went over the time budget (parallel/budget.ts). */
export const extractResult = z.union([extractOk, tooSlowResult]) as unknown as z.ZodType<ExtractResult | TooSlow>;

/**
 * Languages the extractors have lexicons and rules for (lexicons are English); "und" (too short to tell) is
 * tried. An article in another language is published with its language and an issue, never read with English
 * rules (a Spanish "12 personas y el" is no figure).
 */
export const EXTRACTED_LANGUAGES: ReadonlySet<string> = new Set(['en', 'und']);
/**
 * A short English text can be guessed another language (its "a", "o" and "de" are Portuguese function words
 * too): a text with at least this share of English function words is still extracted. A Spanish or
 * Russian article has next to none.
 */
const MIN_ENGLISH_SHARE = 0.03;
/** Whether the extractors (English rules) may read this article. */
export const extractable = (doc: Document): boolean => EXTRACTED_LANGUAGES.has(doc.article.language) || functionWordShare(doc.text, 'en') >= MIN_ENGLISH_SHARE;

/** The per-article work of 03-extract (pure: same item, same result). */
export function extractItem({ doc, copy, hint }: ExtractItem): ExtractResult {
  const dated = withInferredDate(doc, hint);
  const article: ArticleRow | null = dated === doc ? null : dated.article;
  if (copy || !extractable(doc)) return { article, extraction: null, skipped: {} };
  // (a fault of an extractor on one text is that article's reject, named with the error, not the end of the build)
  try {
    const { extraction: x, skipped } = extractWithSkips(dated);
    return { article, extraction: x, skipped };
  } catch (e) {
    return { article, extraction: null, skipped: {}, failed: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

const plan: PerItemPlan<Corpus, Extracted, ExtractItem, ExtractResult | TooSlow, null> = {
  task: '03-extract',
  split(input) {
    // articles with no stated date get one bounded from the text (published_basis 'inferred') before extraction
    const hint = corpusYearHint(
      input.documents.filter((d) => d.article.published_basis === 'stated' || d.article.published_basis === 'metadata').map((d) => d.article.published_date),
    );
    const items = input.documents.map((d): ExtractItem => ({
      doc:
        d.article.duplicate_of === null && d.article.duplicate_similarity === null
          ? d
          : { ...d, article: { ...d.article, duplicate_of: null, duplicate_similarity: null } },
      copy: d.article.duplicate_of !== null,
      hint: d.article.published_date ? null : hint,
    }));
    return { items, state: null };
  },
  work: extractItem,
  result: extractResult,
  join(input, _state, all): StageResult<Extracted> {
    // an article whose extraction went over the time budget is a reject too-slow, and so are its copies (they point at it)
    // (and so is an article an extractor failed on, with the error: a fault of the pipeline to report)
    const slow = new Map<string, number>();
    const failed = new Map<string, string>();
    input.documents.forEach((d, i) => {
      const r = all[i]!;
      if (isTooSlow(r)) slow.set(d.article.article_id, r.too_slow_ms);
      else if (r.failed !== undefined) failed.set(d.article.article_id, r.failed);
    });
    const out = (id: string) => slow.has(id) || failed.has(id);
    const rejected = (d: Document) => out(d.article.article_id) || (d.article.duplicate_of !== null && out(d.article.duplicate_of));
    const rejects = [...input.rejects];
    for (const d of input.documents) {
      if (!rejected(d)) continue;
      const id = failed.has(d.article.article_id) || slow.has(d.article.article_id) ? d.article.article_id : d.article.duplicate_of!;
      const own = d.article.article_id === id;
      if (failed.has(id)) {
        const message = `extraction failed (${failed.get(id)}): a fault of the pipeline, not of the text; please report it with this file. Nothing of it is published`;
        rejects.push({
          path: d.article.source_path,
          sha256: d.article.sha256,
          reason: 'extraction-failed',
          message: own ? message : `a copy of ${id}, whose ${message}`,
        });
        continue;
      }
      rejects.push({
        path: d.article.source_path,
        sha256: d.article.sha256,
        reason: 'too-slow',
        message: own ? tooSlowMessage('extraction', slow.get(id)!) : `a copy of ${id}, whose extraction went over the time budget`,
      });
    }
    rejects.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const kept = input.documents.flatMap((d, i) => (rejected(d) ? [] : [[d, all[i] as ExtractResult] as const]));
    const results = kept.map(([, r]) => r);
    const documents = kept.map(([d, r]) => {
      const a = r.article;
      return a ? { ...d, article: { ...a, duplicate_of: d.article.duplicate_of, duplicate_similarity: d.article.duplicate_similarity } } : d;
    });
    const passages = input.passages
      ?.map((p) => ({ ...p, occurrences: p.occurrences.filter((o) => !out(o.article_id)) }))
      .filter((p) => p.occurrences.length >= 2);
    const extractions = results.flatMap((r) => (r.extraction ? [r.extraction] : []));
    const stats: Record<string, number> = {
      mentions: extractions.reduce((n, e) => n + e.mentions.length, 0),
      figures: extractions.reduce((n, e) => n + e.figures.length, 0),
      event_mentions: extractions.reduce((n, e) => n + e.events.length, 0),
      quotes: extractions.reduce((n, e) => n + e.quotes.length, 0),
    };
    stats['published-inferred'] = results.filter((r) => r.article).length;
    // numbers that are not figures (years, dates, ordinals, ...), by reason
    for (const r of results)
      for (const [reason, n] of Object.entries(r.skipped)) stats[`figures-skipped:${reason}`] = (stats[`figures-skipped:${reason}`] ?? 0) + n;
    const foreign = documents.filter((d) => d.article.duplicate_of === null && !extractable(d));
    stats['not-extracted:language'] = foreign.length;
    const issues = foreign.map((d) =>
      issue(
        'language-not-extracted',
        `${d.article.source_path}: language "${d.article.language}" has no extraction rules (only ${[...EXTRACTED_LANGUAGES].filter((l) => l !== 'und').join(', ')}): published as an article, nothing extracted`,
        { article_id: d.article.article_id },
      ),
    );
    if (slow.size) stats['too-slow'] = slow.size;
    if (failed.size) stats['extraction-failed'] = failed.size;
    return { data: { ...input, documents, rejects, ...(passages ? { passages } : {}), extractions }, issues, stats };
  },
};

export const extract: Stage<Corpus, Extracted> = {
  name: '03-extract',
  description: 'Find actor mentions, figures, event mentions and quotes in every original article.',
  input: corpus,
  output: extracted,
  run: runInThread(plan),
  perItem: plan,
  counts: (input, output) => ({ read: input.documents.length, written: output.documents.length, rejected: output.rejects.length - input.rejects.length }),
};
