/**
 * Outlet blurbs: a paragraph an outlet appends to (or puts before) every
 * story ("Join our channel ...", "The views expressed ..."). Judged across the
 * corpus, after a first cleaning pass:
 *
 * - it is the first or the last body paragraph wherever it occurs,
 * - in at least MIN_STORIES articles, next to at least MIN_STORIES different
 *   neighbouring paragraphs (so the copies of one syndicated story, which
 *   share their neighbours too, never count as several stories),
 * - it holds no quotation marks (a quote shared by several stories is
 *   content: it is kept and listed as a repeated passage by 02-deduplicate).
 *
 * Such paragraphs are removed from the text (reason 'outlet-blurb'), so their
 * words do not become actors, figures or events, and so that two stories of
 * one outlet do not look alike for being signed off the same way.
 */
import type { Document } from '../../schemas/pipeline.ts';
import { fold } from './furniture.ts';

/** Different stories a paragraph must close (or open) to be an outlet blurb. */
export const MIN_STORIES = 3;
const QUOTES = /["“”«»„]/;

/** Folded paragraphs that are outlet blurbs in this corpus. */
export function findOutletBlurbs(docs: readonly Document[]): Set<string> {
  const edge = new Map<string, { neighbours: Set<string>; quoted: boolean }>();
  const inner = new Set<string>();
  for (const d of docs) {
    const body = d.text.split('\n\n').slice(1);
    if (body.length < 3) continue;
    body.forEach((p, i) => {
      const k = fold(p);
      if (!k) return;
      const isFirst = i === 0;
      const isLast = i === body.length - 1;
      if (!isFirst && !isLast) {
        inner.add(k);
        return;
      }
      const e = edge.get(k) ?? { neighbours: new Set<string>(), quoted: QUOTES.test(p) };
      e.neighbours.add(fold(body[isLast ? i - 1 : i + 1]!));
      edge.set(k, e);
    });
  }
  const out = new Set<string>();
  for (const [k, e] of edge) if (e.neighbours.size >= MIN_STORIES && !e.quoted && !inner.has(k)) out.add(k);
  return out;
}
