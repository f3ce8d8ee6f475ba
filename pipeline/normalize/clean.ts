/**
 * A source record to a cleaned Document: furniture removed line by line,
 * title, byline, published date, outlet and dateline found, paragraphs
 * rebuilt, sentences with offsets into the cleaned text.
 */
import { contentFlags } from './flags.ts';
import type { ArticleRow, SentenceRow } from '../../schemas/index.ts';
import type { Document, ManifestEntry } from '../../schemas/pipeline.ts';
import { dayMonthAt, findFullDates, isoDay, mainYear, MONTH_RE, parseMetadataDate, type DayMonthOrder } from '../lib/dates.ts';
import { hashId } from '../lib/ids.ts';
import { countWords, detectLanguage } from '../lib/language.ts';
import { splitSentences } from '../lib/sentences.ts';
import { captionLead, fold, isHeadlineLink, lineFurniture, type FurnitureReason } from './furniture.ts';
import type { SourceRecord } from './records.ts';
import { dayMonthOrder } from './locale.ts';

interface Line {
  readonly index: number;
  readonly text: string;
  removed: FurnitureReason | 'title' | null;
}

const SOURCE_LINE =
  /^(?:source|via|originally published (?:at|on|by|in)|this (?:article|story) (?:was |first )?(?:originally )?(?:appeared|published) (?:on|in|at))\s*[:»>|\-–]*\s*(\S.{0,80})$/i;
const PUBLISHED_LINE = /^(?:published|posted|first published|updated|last updated|date)\b\s*(?:on|:)?\s*(.+)$/i;
const BYLINE = /^(?:by|By|BY|written by|Written by|Words by|Words by)\s*:?\s+([\p{Lu}][\p{L}.'’\- ]+?)(?:\s*(?:[,|–—]|\s-|\band\b)\s*(.*))?$/u;
const NAME_TOKEN = /^(?:[\p{Lu}][\p{Ll}'’\-]+|[\p{Lu}]\.|al-|el-|bin|ibn|van|von|de|da|del|der|la|le|abu)$/u;
const DATELINE = new RegExp(
  String.raw`^([\p{Lu}][\p{Lu}.'’\- ]{2,40}?)(?:\s+(?=${MONTH_RE}\s+\d)[\p{L}.]+\s+\d{1,2}\b)?(?:,\s*[\p{L}\d. ]{2,30}){0,2}\s*(?:\([^)]{1,30}\))?(?:\s+[-–—]\s+|\s*:\s+)(?=\S)`,
  'u',
);

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);
/** A line that holds a full date and at most a time and a zone besides ("5:25 PM EDT, March 2, 2024", "Mon 4 March 2024"). */
function dateOnly(text: string, order: DayMonthOrder): boolean {
  const d = findFullDates(text, order)[0];
  if (!d) return false;
  const rest = (text.slice(0, d.index) + text.slice(d.index + d.text.length))
    .replace(/\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\b(?:[A-Z]{2,4}|GMT[+-]?\d*|UTC[+-]?\d*)\b|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b/gi, '')
    .replace(/[\s,|·•–—-]+/g, '');
  return rest.length === 0;
}
/** Capitalized labels that open a paragraph like a dateline but name no place. */
const NOT_A_PLACE =
  /^(BREAKING( NEWS)?|UPDATE[SD]?|EXCLUSIVE|ANALYSIS|OPINION|EDITORIAL|COMMENT|WATCH|LIVE|FACT CHECK|NOTE|EDITOR'?S NOTE|CORRECTION|UPDATE \d+|FILE|PHOTO|VIDEO|FLASH|URGENT|ALERT)$/;
const BULLET_START = /^\s*[•·▪◦●■►▶*]\s*/;
const SHORT_LABEL = (t: string): boolean => {
  const n = words(t).length;
  return n >= 1 && n <= 4 && !/[.!?:;,"”’)\]]$/.test(t) && !/\d/.test(t) && !/^by\s/i.test(t);
};

/**
 * Blocks of page navigation: three or more consecutive lines (no blank line
 * between) that are all short labels ("World", "Sport", "Weather") are a
 * menu; three or more consecutive headline-like lines are a list of links to
 * other stories.
 */
function markBlocks(lines: Line[]): void {
  let i = 0;
  while (i < lines.length) {
    if (!lines[i]!.text) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j]!.text) j++;
    const run = lines.slice(i, j).filter((l) => !l.removed);
    const bulleted = run.every((l) => BULLET_START.test(l.text));
    if (run.length >= (bulleted ? 3 : 4) && run.every((l) => SHORT_LABEL(l.text.replace(BULLET_START, '')))) for (const l of run) l.removed = 'menu';
    else if (run.length >= 3 && run.every((l) => isHeadlineLink(l.text.replace(BULLET_START, '')))) for (const l of run) l.removed = 'link-list';
    i = j;
  }
}

/** Leading run of name-like tokens ("Ana Lopez AFP (...)" → "Ana Lopez"). */
function leadingName(s: string): string | null {
  const toks = s.trim().split(/\s+/);
  const out: string[] = [];
  for (const t of toks) {
    const w = t.replace(/[,;:]$/, '');
    if (!NAME_TOKEN.test(w)) break;
    out.push(w);
    if (w !== t) break;
  }
  return out.length >= 2 && out.length <= 4 ? out.join(' ') : null;
}

function stripMarkdown(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s{0,3}>\s?/, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\s)[*_](\S.*?\S|\S)[*_](?=\s|$|[.,;:!?])/g, '$1$2');
}

/** Intl.Segmenter is quadratic on long strings (V8: 57k chars 10 ms, 513k chars 2.8 s): longer paragraphs are segmented in windows. */
export const SEGMENT_WINDOW = 16_384;
const SENTENCE_END = /[.!?。！？]["”’)\]]*\s+/g;

/**
 * Sentence spans of text[from, to): splitSentences over windows of at most
 * about SEGMENT_WINDOW characters, cut after a sentence end (else at a space,
 * else hard) so that a run-on paragraph of megabytes stays linear.
 */
export function sentencesOf(text: string, from: number, to: number): { start: number; end: number }[] {
  if (to - from <= SEGMENT_WINDOW) return splitSentences(text, from, to);
  const out: { start: number; end: number }[] = [];
  let start = from;
  while (start < to) {
    let cut = Math.min(to, start + SEGMENT_WINDOW);
    if (cut < to) {
      const window = text.slice(start + (SEGMENT_WINDOW >> 1), cut);
      let best = -1;
      SENTENCE_END.lastIndex = 0;
      for (let m = SENTENCE_END.exec(window); m; m = SENTENCE_END.exec(window)) best = m.index + m[0].length;
      if (best < 0) best = window.lastIndexOf(' ') + 1;
      if (best > 0) cut = start + (SEGMENT_WINDOW >> 1) + best;
    }
    out.push(...splitSentences(text, start, cut));
    start = cut;
  }
  return out;
}

export interface CleanResult {
  readonly document: Document;
  readonly removedCounts: Readonly<Record<string, number>>;
  readonly dateProblem: string | null;
  /** Dates read with a caveat a person should know (code, message): an ambiguous day/month order, a Unix time. */
  readonly dateNotes: readonly { readonly code: 'ambiguous-date' | 'epoch-date'; readonly message: string }[];
}

/** A Unix time of 9 to 13 digits (seconds, or milliseconds from 12 digits) as a UTC day between 1990 and 2099, else null. */
export function epochDay(s: string): string | null {
  const t = s.trim();
  if (!/^\d{9,13}$/.test(t)) return null;
  const ms = t.length >= 12 ? Number(t) : Number(t) * 1000;
  const iso = new Date(ms).toISOString().slice(0, 10);
  return iso >= '1990-01-01' && iso < '2100-01-01' ? iso : null;
}

/**
 * "03/04/2024": day and month both 12 or less and different, so the order is a guess when the feed's locale
 * does not tell it (read day-first, as most of the world writes it). The note says so; null when the text has
 * no such date. `country`: a known country that writes both orders, named in the note.
 */
export function ambiguousDayMonth(text: string, iso: string, country: string | null = null): string | null {
  const m = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/.exec(text);
  if (!m || +m[1]! > 12 || +m[2]! > 12 || +m[1]! === +m[2]!) return null;
  const why = country ? `the source's country (${country}) writes both orders` : "the source's locale is not known";
  return `"${m[0]}" could be day/month or month/day and ${why}: read as ${iso} (day first); give a locale or country in manifest.csv`;
}

/** Corpus-level knowledge passed back into cleaning. */
export interface CleanOptions {
  /** Folded paragraphs an outlet appends to many different stories (see passages.ts): removed as 'outlet-blurb'. */
  readonly blurbs?: ReadonlySet<string>;
}

/** Cleans one source record into a Document (pure). */
export function cleanRecord(rec: SourceRecord, manifest: ManifestEntry | null, options: CleanOptions = {}): CleanResult {
  // the order of day and month in numeric dates, from the feed's locale or country when known
  const locale = dayMonthOrder({
    manifestLocale: manifest?.locale,
    manifestCountry: manifest?.country,
    recordLocale: rec.locale,
    recordCountry: rec.country,
    url: manifest?.url ?? rec.url,
  });
  const order = locale?.order ?? 'dmy';
  const lines: Line[] = rec.text.split('\n').map((t, index) => ({ index, text: (rec.format === 'markdown' ? stripMarkdown(t) : t).trim(), removed: null }));

  // 1. furniture judged line by line, and captions repeated without their credit
  let outlet = rec.outlet;
  for (const l of lines) {
    const src = SOURCE_LINE.exec(l.text);
    if (src && l.text.split(/\s+/).length <= 10) {
      outlet ??= src[1]!.trim();
      l.removed = 'source-line';
    } else l.removed = lineFurniture(l.text);
  }
  markBlocks(lines);
  const leads = new Set(
    lines
      .filter((l) => l.removed === 'caption')
      .map((l) => captionLead(l.text))
      .filter((x): x is string => !!x)
      .map(fold),
  );
  for (const l of lines) if (!l.removed && l.text && leads.has(fold(l.text.replace(/^\s*[•·▪◦●■*]\s*/, '')))) l.removed = 'caption';

  // 2. title: metadata, else the first remaining line; repeats of it removed
  let title = rec.title;
  if (!title) {
    // a lone one-word label before the title is a section name ("World", "Opinion")
    let first = lines.find((l) => !l.removed && l.text !== '');
    while (
      first &&
      words(first.text).length === 1 &&
      !/[.!?]$/.test(first.text) &&
      lines.some((l) => l.index > first!.index && !l.removed && words(l.text).length >= 3)
    ) {
      first.removed = 'navigation';
      first = lines.find((l) => !l.removed && l.text !== '');
    }
    // a lone paragraph of several sentences (a one-paragraph .txt, a short wire item) has no title line: its
    // first sentence is the title and the rest stays the body, rather than the whole paragraph as a title
    const lone = first && !lines.some((l) => l.index > first!.index && !l.removed && l.text !== '');
    const spans = first && lone ? sentencesOf(first.text, 0, first.text.length) : [];
    if (first && spans.length >= 2) {
      title = first.text.slice(spans[0]!.start, spans[0]!.end);
      lines[lines.indexOf(first)] = { ...first, text: first.text.slice(spans[1]!.start) };
    } else if (first) {
      title = first.text;
      first.removed = 'title';
    }
  }
  title = (title ?? '').replace(/\s+/g, ' ').trim();
  const titleKey = fold(title);
  for (const l of lines) if (!l.removed && titleKey && fold(l.text) === titleKey) l.removed = 'repeated-title';

  // 3. header lines: published date and byline
  let author = rec.author;
  let stated: { iso: string; text: string } | null = null;
  // the first four lines, and further down to the first paragraph of the body (at most eight) a line that is a
  // date and nothing else ("5:25 PM EDT, March 2, 2024" below a photo credit)
  const firstBody = lines.findIndex((l) => !l.removed && words(l.text).length > 20);
  const header = lines
    .filter((l, i) => !l.removed && l.text !== '' && (firstBody < 0 || i < firstBody))
    .slice(0, 8)
    .filter((l, k) => k < 4 || dateOnly(l.text, order));
  for (const l of header) {
    const wordsN = l.text.split(/\s+/).length;
    const pub = PUBLISHED_LINE.exec(l.text);
    const dates = findFullDates(l.text, order);
    if (pub && dates[0] && wordsN <= 12) {
      // an "Updated ..." date is not the publication date (only a bound on it): not used
      if (!/updated/i.test(pub[0].slice(0, 14))) stated ??= dates[0];
      l.removed = 'published-line';
      continue;
    }
    const by = BYLINE.exec(l.text);
    if (by && wordsN <= 12) {
      author ??= leadingName(by[1]!) ?? by[1]!.trim();
      if (dates[0]) stated ??= dates[0];
      l.removed = 'byline';
      continue;
    }
    if (dates[0] && wordsN <= 16 && !/[.!?]["”]?$/.test(l.text.replace(dates[0].text, '').trim())) {
      const name = leadingName(l.text);
      stated ??= dates[0];
      if (name) author ??= name;
      l.removed = 'byline';
    }
  }

  // 4. headline links: short title-case lines standing alone after the body has begun
  let bodySeen = false;
  lines.forEach((l, i) => {
    if (l.removed || !l.text) return;
    const alone = !(lines[i - 1]?.text && !lines[i - 1]!.removed) && !(lines[i + 1]?.text && !lines[i + 1]!.removed);
    if (bodySeen && alone && isHeadlineLink(l.text)) l.removed = 'headline-link';
    else if (l.text.split(/\s+/).length >= 12) bodySeen = true;
  });

  // 5. paragraphs: blank or removed lines separate; wrapped lines are joined
  const paragraphs: string[] = [];
  const paragraphLine: number[] = [];
  let current: string | null = null;
  for (const l of lines) {
    if (l.removed || !l.text) {
      if (current !== null) paragraphs.push(current);
      current = null;
      continue;
    }
    const line = l.text.replace(/\s+/g, ' ');
    if (current !== null && !/[.!?:;"”’)\]]$/.test(current) && /^[\p{Ll}]/u.test(line)) current += ` ${line}`;
    else {
      if (current !== null) paragraphs.push(current);
      current = line;
      paragraphLine.push(l.index);
    }
  }
  if (current !== null) paragraphs.push(current);

  // 6. repeated paragraphs and the dateline
  const seen = new Set<string>();
  const removedCounts: Record<string, number> = {};
  const removed: Document['removed'] = lines
    .filter((l) => l.removed && l.removed !== 'title')
    .map((l) => ({ line: l.index, reason: l.removed!, text: l.text }));
  const body: string[] = [];
  for (const [i, p] of paragraphs.entries()) {
    const k = fold(p);
    if (seen.has(k) || options.blurbs?.has(k)) {
      removed.push({ line: paragraphLine[i]!, reason: seen.has(k) ? 'repeated-paragraph' : 'outlet-blurb', text: p });
      continue;
    }
    seen.add(k);
    body.push(p);
  }
  let dateline: string | null = null;
  let datelineDate: string | null = null;
  // (in the first paragraph, or in the second after a one-sentence standfirst)
  const lead = body[0] && !DATELINE.test(body[0]) && body[1] && sentencesOf(body[0], 0, body[0].length).length === 1 ? 1 : 0;
  if (body[lead]) {
    const m = DATELINE.exec(body[lead]);
    if (m && /\p{Lu}{3}/u.test(m[1]!) && !/\p{Ll}/u.test(m[1]!) && !NOT_A_PLACE.test(m[1]!.trim())) {
      dateline = m[1]!.trim();
      // "LIMA, March 3 (Reuters) -", "ANTALYA March 2 (Agency) -": the day the report was filed, in the year the
      // text names most (a dateline gives no year)
      const after = m[0].slice(m[1]!.length).replace(/^[\s,]+/, '');
      const dm = dayMonthAt(after);
      const year = dm ? mainYear(body.join('\n')) : null;
      const iso = dm && year ? isoDay(year, dm[0], dm[1]) : null;
      if (iso) datelineDate = iso;
      body[lead] = body[lead]!.slice(m[0].length);
    }
  }
  removed.sort((a, b) => a.line - b.line);
  for (const r of removed) removedCounts[r.reason] = (removedCounts[r.reason] ?? 0) + 1;

  // 7. cleaned text and sentences
  const paras = [title, ...body];
  const text = paras.join('\n\n');
  const sentences: SentenceRow[] = [];
  const article_id = hashId('a', rec.source_path, rec.sha256);
  let at = 0;
  paras.forEach((p, paragraph_index) => {
    for (const s of sentencesOf(text, at, at + p.length)) {
      sentences.push({ article_id, sentence_index: sentences.length, paragraph_index, char_start: s.start, char_end: s.end, text: text.slice(s.start, s.end) });
    }
    at += p.length + 2;
  });

  // 8. published date: manifest, then source metadata, then the text
  let published_date: string | null = null;
  let published_basis: ArticleRow['published_basis'] = 'unknown';
  let dateProblem: string | null = null;
  const dateNotes: CleanResult['dateNotes'][number][] = [];
  const epoch = !manifest?.published_date && rec.date ? epochDay(rec.date) : null;
  if (epoch)
    dateNotes.push({
      code: 'epoch-date',
      message: `date field "${rec.date}" read as a Unix time in ${rec.date!.trim().length >= 12 ? 'milliseconds' : 'seconds'}: ${epoch} (UTC)`,
    });
  const metaDate = manifest?.published_date ?? epoch ?? (rec.date ? parseMetadataDate(rec.date, order) : null);
  if (rec.date && !metaDate && !manifest?.published_date) dateProblem = `date field "${rec.date}" is not a date`;
  if (metaDate) [published_date, published_basis] = [metaDate, 'metadata'];
  else if (stated) [published_date, published_basis] = [stated.iso, 'stated'];
  else if (datelineDate) [published_date, published_basis] = [datelineDate, 'stated'];
  const dateText = manifest?.published_date ? null : metaDate && !epoch ? rec.date : stated && !metaDate ? stated.text : null;
  // a known order (the locale's country writes one) reads the date without doubt; else the guess is flagged
  const ambiguous = dateText && published_date && !locale?.order ? ambiguousDayMonth(dateText, published_date, locale?.country ?? null) : null;
  if (ambiguous) dateNotes.push({ code: 'ambiguous-date', message: ambiguous });

  const article: ArticleRow = {
    article_id,
    source_path: rec.source_path,
    title,
    published_date,
    published_basis,
    author: manifest?.author ?? author ?? null,
    outlet: manifest?.outlet ?? outlet ?? null,
    dateline,
    url: manifest?.url ?? rec.url ?? null,
    language: detectLanguage(text),
    word_count: countWords(text),
    sentence_count: sentences.length,
    sha256: rec.sha256,
    duplicate_of: null,
    duplicate_similarity: null,
    boilerplate_removed: removed.length,
    // the record's own id and licence win for a JSONL line (the manifest row covers the whole file)
    source_id: rec.source_id ?? manifest?.id ?? null,
    license: manifest?.license ?? rec.license ?? null,
    // like the id, the record's own section wins over the manifest row of its whole file
    section: rec.section ?? manifest?.section ?? null,
    content_flags: contentFlags(
      title,
      lines.map((l) => l.text),
      body,
      countWords(body.join('\n')),
    ),
    story_id: null, // set by cross-reference
  };
  return { document: { article, text, sentences, removed }, removedCounts, dateProblem, dateNotes };
}
