/**
 * A publication date bounded from the text when no dateline or metadata
 * gives one. An article is published on or after every dated statement it
 * cites: "as reported by CNN, February 19", "X said on February 19",
 * "according to a February 19 report". The latest such date is taken as the
 * inferred publication date (published_basis 'inferred'): a lower bound, and
 * in news usually within a day or two of the truth.
 *
 * Dated happenings (attacks, meetings) are NOT used: articles often recall
 * events from months or years before. A date without a year needs a year
 * hint: the caller passes the corpus reference (e.g. the median publication
 * date of the articles that state one), and the month-day is put in the year
 * that brings it nearest to that hint. Without a hint only dates that state
 * their year count. Pure: no clock.
 */
import type { Document } from '../../schemas/pipeline.ts';
import { findDates } from '../lib/temporal.ts';

/** A statement-dating cue right before the date ("reported by CNN,", "said on", "in a ... report of"). */
const CITE_BEFORE =
  /\b(?:reported|published|posted|quoted|cited|said|told|stated|announced|declared|wrote|according to)\b[^.;:!?"“”]{0,40}?[,\s](?:on\s+|dated\s+|of\s+)?$/i;
/** A date that opens a citation ("a February 19 report", "in a statement on February 19"). */
const CITE_AFTER = /^\s*(?:,\s*)?(?:report|statement|interview|article|broadcast|press release|press conference|briefing)\b/i;

export interface InferredDate {
  readonly published_date: string;
  /** The text the date was read from and its offset in the document text. */
  readonly evidence: string;
  readonly index: number;
}

/** The latest cited statement date in `doc`, or null. `yearHint` (YYYY-MM-DD) places yearless dates. */
export function inferPublishedDate(doc: Document, yearHint: string | null): InferredDate | null {
  let best: InferredDate | null = null;
  for (const s of doc.sentences) {
    if (!/\d/.test(s.text)) continue;
    for (const h of findDates(s.text, yearHint, 'nearest')) {
      if (h.precision !== 'day' || h.start !== h.end) continue;
      if (!/\d/.test(h.text)) continue; // weekdays and "yesterday" need the very date we are looking for
      const before = s.text.slice(Math.max(0, h.index - 80), h.index);
      const after = s.text.slice(h.index + h.text.length, h.index + h.text.length + 30);
      if (!CITE_BEFORE.test(before) && !CITE_AFTER.test(after)) continue;
      if (!best || h.start > best.published_date) best = { published_date: h.start, evidence: h.text, index: s.char_start + h.index };
    }
  }
  return best;
}

/** The median of the stated publication dates in a corpus: a year hint for yearless dates, or null. */
export function corpusYearHint(dates: readonly (string | null)[]): string | null {
  const known = dates.filter((d): d is string => !!d).sort();
  return known.length ? known[Math.floor((known.length - 1) / 2)]! : null;
}

/** The document with an inferred publication date when it had none (basis 'inferred'), else unchanged. */
export function withInferredDate(doc: Document, yearHint: string | null): Document {
  if (doc.article.published_date) return doc;
  const found = inferPublishedDate(doc, yearHint);
  if (!found) return doc;
  return { ...doc, article: { ...doc.article, published_date: found.published_date, published_basis: 'inferred' } };
}
