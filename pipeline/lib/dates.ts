/** Small, explicit calendar helpers (UTC, no clock, no locale). */

export const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

export function isoDay(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || y < 1000 || y > 9999) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export const dayNumber = (iso: string): number => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;
export const fromDayNumber = (n: number): string => new Date(n * 86_400_000).toISOString().slice(0, 10);
export const addDays = (iso: string, n: number): string => fromDayNumber(dayNumber(iso) + n);
export const lastDayOfMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

export const MONTH_RE =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

/** A full date written out in one of the common forms, with where it was found. */
export interface FoundDate {
  readonly iso: string;
  readonly index: number;
  readonly text: string;
}

/** Order of day and month in a numeric date: day first (most of the world) or month first (the United States). */
export type DayMonthOrder = 'dmy' | 'mdy';

const FULL_DATE_PATTERNS: readonly [RegExp, (m: RegExpExecArray, order: DayMonthOrder) => string | null][] = [
  // 2024-02-16 (optionally followed by a time)
  [/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => isoDay(+m[1]!, +m[2]!, +m[3]!)],
  // 16 February 2024, 16 Feb. 2024
  [
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE},?\\s+(\\d{4})\\b`, 'gi'),
    (m) => isoDay(+m[3]!, MONTHS[m[2]!.toLowerCase().replace('.', '')]!, +m[1]!),
  ],
  // February 16, 2024 / Feb. 16 2024
  [
    new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'),
    (m) => isoDay(+m[3]!, MONTHS[m[1]!.toLowerCase().replace('.', '')]!, +m[2]!),
  ],
  // 20.02.2024 (day first, as in most of the world; month first when the order says so); 20/02/2024 and
  // 02/20/2024 whichever order fits (a part over 12 is the day)
  [
    /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/g,
    (m, order) => {
      const [a, b, y] = [+m[1]!, +m[2]!, +m[3]!];
      const monthFirst = order === 'mdy' ? a <= 12 : b > 12;
      return monthFirst ? isoDay(y, a, b) : isoDay(y, b, a);
    },
  ],
];

/** Every full date (day, month and year) written in `text`, in order of position; `order` reads numeric dates. */
export function findFullDates(text: string, order: DayMonthOrder = 'dmy'): FoundDate[] {
  const out: FoundDate[] = [];
  for (const [re, toIso] of FULL_DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const iso = toIso(m, order);
      if (iso && !out.some((o) => m!.index < o.index + o.text.length && o.index < m!.index + m![0].length)) out.push({ iso, index: m.index, text: m[0] });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Parses a metadata date (ISO timestamp or a written date) to its UTC-agnostic calendar day. */
export function parseMetadataDate(s: string, order: DayMonthOrder = 'dmy'): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim());
  if (iso) return isoDay(+iso[1]!, +iso[2]!, +iso[3]!);
  return findFullDates(s, order)[0]?.iso ?? null;
}

/**
 * A day and month written without a year at the start of `text` ("March 2", "2 March", "Mar. 2"), as [month, day],
 * or null.
 */
export function dayMonthAt(text: string): readonly [number, number] | null {
  const md = new RegExp(`^${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'i').exec(text);
  if (md) return [MONTHS[md[1]!.toLowerCase().replace('.', '')]!, +md[2]!];
  const dm = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE}(?![\\p{L}])`, 'iu').exec(text);
  if (dm) return [MONTHS[dm[2]!.toLowerCase().replace('.', '')]!, +dm[1]!];
  return null;
}

/**
 * The year a text is about: the year it names most often (1900 to 2099, as a number standing alone: "2024", "in
 * 2023"), the later one on a tie; null when it names none. A dateline's "March 2" takes it.
 */
export function mainYear(text: string): number | null {
  const n = new Map<number, number>();
  for (const m of text.matchAll(/(?<![\d.,/:-])((?:19|20)\d\d)(?![\d.,/:-]\d)/g)) n.set(+m[1]!, (n.get(+m[1]!) ?? 0) + 1);
  let best: number | null = null,
    bn = 0;
  for (const [y, c] of n) if (c > bn || (c === bn && best !== null && y > best)) [best, bn] = [y, c];
  return best;
}
