/**
 * Dates written in text, resolved against the article's publication date
 * with chrono-node plus a few parsers of our own. Never against the clock:
 * with no reference date, only dates that state their year are returned.
 *
 * What is added on top of chrono (see ../shared/notes/libraries.md):
 * - direction by tense: a weekday or a yearless month-day is moved to the
 *   previous occurrence for past events and the next one for planned events;
 * - ranges chrono splits ("between February 29 and March 1-2") are joined;
 * - ordinal day phrases ("the twenty-first of this month");
 * - parts of a month ("end of February", "mid-March") as spans, precision month;
 * - weeks ("next week", "this week") as Monday..Sunday spans;
 * - bare years after a preposition ("in 2007"), precision year;
 * - hour-only hits ("12 to 14") and "now" are dropped.
 */
import * as chrono from 'chrono-node';

// chrono computes the end of some ranges ("from Thursday to Saturday") in the process's local time even with
// timezone 'UTC' (the end came out a day later under UTC+14): every date here is a UTC day, so the process
// reads dates in UTC whatever TZ it was started with (Node re-reads TZ when it is assigned).
process.env.TZ = 'UTC';
import { addDays, dayNumber, isoDay, lastDayOfMonth, MONTHS } from './dates.ts';

export type Direction = 'past' | 'future' | 'nearest';
/** A direction for every hit, or one chosen per hit from its offset in the text. */
export type DirectionFor = Direction | ((index: number, end: number) => Direction);

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

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
};
const ORD_RE =
  '((?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|\\d{1,2}(?:st|nd|rd|th))';
const MONTH_NAME =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

/** "the twenty-first of this month", "the 3rd of next month", "the twenty-first of March". */
const ORDINAL_DAY = new RegExp(
  `\\b(?:the\\s+)?${ORD_RE}\\s+of\\s+(?:(this|next|last|the\\s+current|the\\s+coming|the\\s+previous)\\s+month|${MONTH_NAME})\\b`,
  'gi',
);
/** "end of February", "the beginning of March 2024", "mid-March", "late February", "end of the month". */
const PART_OF_MONTH = new RegExp(
  `\\b(?:the\\s+)?(end|beginning|start|middle|mid|late|early)(?:\\s+of|-|\\s+)\\s*(?:(this|next|last|the)\\s+month|${MONTH_NAME}(?:,?\\s+(\\d{4}))?)\\b`,
  'gi',
);
/** "next week", "this week", "last week", "the coming week". */
const WEEK = /\b(this|next|last|the\s+coming|the\s+following|the\s+previous|the\s+past)\s+week\b/gi;
/** Years after a preposition: "in 2007", "since 1948", "in 2019 and 2017". */
const BARE_YEARS =
  /\b(?:in|since|during|until|till|by|from|of|around|before|after)\s+((?:1[5-9]|20)\d\d)((?:\s*(?:,|and|or|to)\s*(?:1[5-9]|20)\d\d)*)\b(?![-–]\d|\s*(?:%|per\b))/gi;
const YEAR_IN = /(?:1[5-9]|20)\d\d/g;
/** Neighbouring dates joined into one range ("February 29 and March 1-2", "Thursday to Saturday"). */
const RANGE_JOINER = /^\s*(?:and|to|until|till|through|thru|-|–|—)\s*$/i;
const RANGE_OPENER = /\b(between|from)\s+$/i;
/** Cheap gate: a digit or a word chrono or our parsers could read as a date. */
const DATEISH =
  /\d|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|today|tonight|yesterday|tomorrow|weeks?|months?|years?|weekend|ago|noon|midnight)\b/i;
const DATEISH_ALL = new RegExp(DATEISH.source, 'gi');
/** Characters of context chrono gets on each side of a date-like word. */
const WINDOW = 48;
const NOT_A_DATE = /^(?:now|right now|till now|until now)$/i;

const ordinalValue = (s: string): number | null => {
  const w = s.toLowerCase().replace(/\s+/g, '-');
  const digits = /^(\d{1,2})/.exec(w);
  if (digits) return +digits[1]!;
  if (w in ORDINAL_WORDS) return ORDINAL_WORDS[w]!;
  const [tens, unit] = w.split('-') as [string, string | undefined];
  const t = tens === 'twenty' ? 20 : tens === 'thirty' ? 30 : NaN;
  const u = unit ? ORDINAL_WORDS[unit] : undefined;
  return Number.isFinite(t) && u && u < 10 ? t + u : null;
};

const ymd = (iso: string): [number, number, number] => iso.split('-').map(Number) as [number, number, number];
const monthOf = (name: string): number => MONTHS[name.toLowerCase().replace('.', '')] ?? NaN;
const weekday = (iso: string): number => (dayNumber(iso) + 4) % 7; // 0 = Sunday (1970-01-01 was a Thursday)

/** A yearless month-day resolved against the reference in the given direction. */
function yearFor(month: number, day: number, reference: string, direction: Direction): number {
  const [ry] = ymd(reference);
  const candidates = [ry - 1, ry, ry + 1].map((y) => isoDay(y, month, day)).filter((d): d is string => !!d);
  if (candidates.length === 0) return ry;
  if (direction === 'past') return +(candidates.filter((d) => d <= reference).at(-1) ?? candidates[0]!).slice(0, 4);
  if (direction === 'future') return +(candidates.find((d) => d >= reference) ?? candidates.at(-1)!).slice(0, 4);
  const best = candidates.reduce((a, b) => (Math.abs(dayNumber(b) - dayNumber(reference)) < Math.abs(dayNumber(a) - dayNumber(reference)) ? b : a));
  return +best.slice(0, 4);
}

function monthShift(reference: string, word: string | undefined): [number, number] {
  let [y, m] = ymd(reference);
  const w = (word ?? '').toLowerCase();
  if (w === 'next' || w.includes('coming')) m += 1;
  if (w === 'last' || w.includes('previous')) m -= 1;
  if (m === 13) [y, m] = [y + 1, 1];
  if (m === 0) [y, m] = [y - 1, 12];
  return [y, m];
}

interface Raw extends DateHit {
  /** Day or month without a stated year, or a weekday: may move with the direction. */
  readonly movable: 'weekday' | 'yearless' | null;
}

function customHits(text: string, reference: string | null, dirAt: (i: number, e: number) => Direction): Raw[] {
  const out: Raw[] = [];
  for (const m of text.matchAll(ORDINAL_DAY)) {
    const day = ordinalValue(m[1]!);
    if (!day) continue;
    let y: number, mo: number;
    if (m[2]) {
      if (!reference) continue;
      [y, mo] = monthShift(reference, m[2]);
    } else {
      mo = monthOf(m[3]!);
      if (!reference) continue;
      y = yearFor(mo, day, reference, dirAt(m.index, m.index + m[0].length));
    }
    const iso = isoDay(y, mo, day);
    if (iso) out.push({ index: m.index, text: m[0], start: iso, end: iso, precision: 'day', movable: null });
  }
  for (const m of text.matchAll(PART_OF_MONTH)) {
    const part = m[1]!.toLowerCase();
    let y: number, mo: number;
    if (m[2]) {
      if (!reference) continue;
      [y, mo] = monthShift(reference, m[2] === 'the' ? 'this' : m[2]);
    } else {
      mo = monthOf(m[3]!);
      if (m[4]) y = +m[4];
      else if (reference) {
        const dir = dirAt(m.index, m.index + m[0].length);
        // the part must end after the reference to be future, start before it to be past
        const probe = part === 'end' || part === 'late' ? 28 : part === 'middle' || part === 'mid' ? 20 : 10;
        y = yearFor(mo, dir === 'past' ? (part === 'end' || part === 'late' ? 21 : part === 'middle' || part === 'mid' ? 11 : 1) : probe, reference, dir);
      } else continue;
    }
    const last = lastDayOfMonth(y, mo);
    const [a, b] = part === 'end' || part === 'late' ? [21, last] : part === 'middle' || part === 'mid' ? [11, 20] : [1, 10];
    const start = isoDay(y, mo, a),
      end = isoDay(y, mo, b);
    if (start && end) out.push({ index: m.index, text: m[0], start, end, precision: 'month', movable: null });
  }
  if (reference) {
    for (const m of text.matchAll(WEEK)) {
      const w = m[1]!.toLowerCase();
      const shift = w === 'next' || w.includes('coming') || w.includes('following') ? 7 : w === 'last' || w.includes('previous') || w.includes('past') ? -7 : 0;
      const monday = addDays(reference, -((weekday(reference) + 6) % 7) + shift);
      out.push({ index: m.index, text: m[0], start: monday, end: addDays(monday, 6), precision: 'day', movable: null });
    }
  }
  for (const m of text.matchAll(BARE_YEARS)) {
    const years = [m[1]!, ...(m[2] ?? '').matchAll(YEAR_IN)].map((x) => (typeof x === 'string' ? x : x[0]));
    let from = m.index;
    for (const y of years) {
      const at = text.indexOf(y, from);
      from = at + 4;
      out.push({ index: at, text: y, start: `${y}-01-01`, end: `${y}-12-31`, precision: 'year', movable: null });
    }
  }
  return out;
}

function precisionOf(c: chrono.ParsedComponents): DateHit['precision'] {
  if (c.isCertain('day') || c.isCertain('weekday')) return 'day';
  if (c.isCertain('month')) return 'month';
  return 'year';
}

const toIso = (c: chrono.ParsedComponents): string | null => isoDay(c.get('year') ?? NaN, c.get('month') ?? NaN, c.get('day') ?? NaN);

/** Spans of `text` around date-like words, merged: chrono reads only these (it is the slowest step). */
function windows(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(DATEISH_ALL)) {
    const a = Math.max(0, m.index - WINDOW),
      b = Math.min(text.length, m.index + m[0].length + WINDOW);
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  // widen to word boundaries so no expression is cut inside a word
  return out.map(([a, b]) => {
    while (a > 0 && /\S/.test(text[a - 1]!)) a--;
    while (b < text.length && /\S/.test(text[b]!)) b++;
    return [a, b];
  });
}

/**
 * chrono's reading of the last texts asked for, by reference and text: the layer reads each sentence's dates
 * and an extractor that needs them resolved its own way (one direction per hit) asks again for the same
 * sentence. The hits are never mutated, so sharing them is safe; the memo is bounded.
 */
const CHRONO_MEMO = new Map<string, Raw[]>();
const CHRONO_MEMO_SIZE = 512;
function chronoHits(text: string, reference: string | null): Raw[] {
  const key = `${reference ?? ''}\u0000${text}`;
  const known = CHRONO_MEMO.get(key);
  if (known) return known;
  const hits = chronoHitsOf(text, reference);
  if (CHRONO_MEMO.size >= CHRONO_MEMO_SIZE) CHRONO_MEMO.clear();
  CHRONO_MEMO.set(key, hits);
  return hits;
}

function chronoHitsOf(text: string, reference: string | null): Raw[] {
  const instant = reference ? new Date(`${reference}T12:00:00Z`) : NO_REFERENCE;
  const hits: Raw[] = [];
  const results = windows(text).flatMap(([a, b]) =>
    chrono.casual.parse(text.slice(a, b), { instant, timezone: 'UTC' }).map((r) => Object.assign(r, { index: r.index + a })),
  );
  const seen = new Set<number>();
  for (const r of results) {
    if (seen.has(r.index)) continue; // windows widened to word boundaries may touch
    seen.add(r.index);
    const s = r.start;
    const dateish = s.isCertain('day') || s.isCertain('weekday') || s.isCertain('month') || s.isCertain('year');
    if (!dateish || NOT_A_DATE.test(r.text.trim())) continue; // "12 to 14" read as hours, "till now"
    if (!reference && !/\b\d{4}\b/.test(r.text)) continue; // relative or yearless: needs a reference
    if (/^[a-z]+$/.test(r.text) && !s.isCertain('day')) continue; // "may", "march" as words
    let start = toIso(s);
    let end = r.end ? toIso(r.end) : start;
    if (!start || !end) continue;
    const precision = precisionOf(s);
    if (precision === 'year') {
      // "last year", "a year ago", "this year": the whole year, not a day in it
      const y = s.get('year')!;
      start = `${y}-01-01`;
      end = r.end && r.end.get('year')! > y ? `${r.end.get('year')}-12-31` : `${y}-12-31`;
    }
    if (precision === 'month') {
      const [y, m] = [s.get('year')!, s.get('month')!];
      start = isoDay(y, m, 1)!;
      end = r.end ? end : isoDay(y, m, lastDayOfMonth(y, m))!;
    }
    const movable =
      s.isCertain('weekday') && !s.isCertain('day') ? 'weekday' : !s.isCertain('year') && (s.isCertain('month') || s.isCertain('day')) ? 'yearless' : null;
    hits.push({ index: r.index, text: r.text, start, end: end < start ? start : end, precision, movable });
  }
  return hits;
}

/** Moves a weekday or yearless date to the previous (past) or next (future) occurrence. */
function orient(h: Raw, reference: string | null, direction: Direction): Raw {
  if (!reference || direction === 'nearest' || !h.movable) return h;
  const span = dayNumber(h.end) - dayNumber(h.start);
  let start = h.start;
  if (h.movable === 'weekday') {
    while (direction === 'past' && start > reference) start = addDays(start, -7);
    while (direction === 'past' && dayNumber(reference) - dayNumber(start) >= 7) start = addDays(start, 7);
    while (direction === 'future' && start <= reference) start = addDays(start, 7);
    while (direction === 'future' && dayNumber(start) - dayNumber(reference) > 7) start = addDays(start, -7);
  } else {
    const [, m, d] = ymd(start);
    if (h.precision === 'month') {
      const y = yearFor(m, 15, reference, direction);
      return { ...h, start: isoDay(y, m, 1)!, end: isoDay(y, m, lastDayOfMonth(y, m))! };
    }
    start = isoDay(yearFor(m, d, reference, direction), m, d) ?? start;
  }
  return { ...h, start, end: addDays(start, span) };
}

/** Joins neighbouring hits written as one range ("between X and Y", "from X to Y", "X-Y"). */
function joinRanges(text: string, hits: readonly Raw[]): Raw[] {
  const out: Raw[] = [];
  for (const h of hits) {
    const prev = out.at(-1);
    if (prev && prev.precision !== 'year' && h.precision !== 'year' && RANGE_JOINER.test(text.slice(prev.index + prev.text.length, h.index))) {
      const gap = dayNumber(h.end) - dayNumber(prev.start);
      if (gap >= 0 && gap <= 62) {
        const opener = RANGE_OPENER.exec(text.slice(Math.max(0, prev.index - 10), prev.index));
        const index = opener ? prev.index - opener[0].length : prev.index;
        out[out.length - 1] = { index, text: text.slice(index, h.index + h.text.length), start: prev.start, end: h.end, precision: 'day', movable: null };
        continue;
      }
    }
    out.push(h);
  }
  return out;
}

/**
 * Every date expression in `text`, in order of position, resolved against
 * `reference` (the publication date, YYYY-MM-DD) or, when it is null, only
 * the dates that state their year. `direction` says, per hit, whether the
 * sentence speaks of the past (previous Saturday) or the future (coming
 * Saturday); 'nearest' keeps chrono's choice.
 */
export function findDates(text: string, reference: string | null, direction: DirectionFor = 'nearest'): DateHit[] {
  if (!DATEISH.test(text)) return []; // most sentences name no date: skip chrono (the slowest step)
  return resolve(text, reference, direction, chronoHits(text, reference));
}

/**
 * The dates of `text` read each way (past, future, nearest) from one chrono
 * pass: what findDates gives for each constant direction, for the price of one.
 */
export function findDatesEachWay(text: string, reference: string | null): Readonly<Record<Direction, DateHit[]>> {
  if (!DATEISH.test(text)) return { past: [], future: [], nearest: [] };
  const fromChrono = chronoHits(text, reference);
  return {
    past: resolve(text, reference, 'past', fromChrono),
    future: resolve(text, reference, 'future', fromChrono),
    nearest: resolve(text, reference, 'nearest', fromChrono),
  };
}

/** Our parsers' hits and chrono's (not mutated: they may be resolved more than one way), oriented and joined into ranges. */
function resolve(text: string, reference: string | null, direction: DirectionFor, chronoRaw: readonly Raw[]): DateHit[] {
  const dirAt = typeof direction === 'function' ? direction : () => direction;
  const custom = customHits(text, reference, dirAt);
  const overlaps = (a: DateHit, b: DateHit) => a.index < b.index + b.text.length && b.index < a.index + a.text.length;
  const fromChrono = chronoRaw.filter((h) => !custom.some((c) => overlaps(c, h)));
  const all = [...custom.filter((c, i) => !custom.some((d, j) => j < i && overlaps(c, d))), ...fromChrono]
    .sort((a, b) => a.index - b.index)
    .map((h) => orient(h, reference, dirAt(h.index, h.index + h.text.length)));
  return joinRanges(text, all).map(({ movable: _m, ...h }) => h);
}
