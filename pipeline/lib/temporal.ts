/**
 * Dates written in text, resolved against the article's publication date
 * with chrono-node. Never against the clock: with no reference date, only
 * dates that state their year are returned. Hour-only hits ("12 to 14") are
 * dropped (see ../shared/notes/libraries.md).
 */
import * as chrono from 'chrono-node';
import { isoDay, lastDayOfMonth } from './dates.ts';

export type Direction = 'past' | 'future' | 'nearest';

export interface DateHit {
  /** Offset of the date expression in the text given. */
  readonly index: number;
  readonly text: string;
  readonly start: string;
  readonly end: string;
  readonly precision: 'day' | 'month' | 'year';
}

/** A fixed instant for parsing texts with no reference date; only year-certain results are kept then. */
const NO_REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));

const toIso = (c: chrono.ParsedComponents): string | null => isoDay(c.get('year') ?? NaN, c.get('month') ?? NaN, c.get('day') ?? NaN);

function precisionOf(c: chrono.ParsedComponents): DateHit['precision'] {
  if (c.isCertain('day') || c.isCertain('weekday')) return 'day';
  if (c.isCertain('month')) return 'month';
  return 'year';
}

export function findDates(text: string, reference: string | null, direction: Direction = 'nearest'): DateHit[] {
  const instant = reference ? new Date(`${reference}T12:00:00Z`) : NO_REFERENCE;
  const results = chrono.casual.parse(text, { instant, timezone: 'UTC' }, { forwardDate: direction === 'future' });
  const hits: DateHit[] = [];
  for (const r of results) {
    const s = r.start;
    const dateish = s.isCertain('day') || s.isCertain('weekday') || s.isCertain('month') || s.isCertain('year');
    if (!dateish) continue; // "12 to 14" read as hours, "till now"
    if (!reference && !s.isCertain('year')) continue;
    let start = toIso(s);
    let end = r.end ? toIso(r.end) : start;
    if (!start || !end) continue;
    const precision = precisionOf(s);
    if (precision === 'month') {
      const [y, m] = [s.get('year')!, s.get('month')!];
      start = isoDay(y, m, 1)!;
      end = r.end ? end : isoDay(y, m, lastDayOfMonth(y, m))!;
    }
    if (direction === 'past' && reference && start > reference && !s.isCertain('year') && !s.isCertain('month')) {
      // a weekday in a past-tense sentence: the previous one, not the nearest
      const back = findDates(text.slice(r.index, r.index + r.text.length), addWeek(reference, -1), 'nearest')[0];
      if (back && back.start <= reference) ({ start, end } = back);
    }
    hits.push({ index: r.index, text: r.text, start, end: end < start ? start : end, precision });
  }
  return hits;
}

function addWeek(iso: string, weeks: number): string {
  const t = new Date(`${iso}T00:00:00Z`).getTime() + weeks * 7 * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
