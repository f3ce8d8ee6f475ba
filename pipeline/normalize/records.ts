/**
 * One input file to article records: plain text and Markdown as one record,
 * a JSON object as one record, JSONL as one record per line (a bad line is
 * rejected, the others kept), HTML with its main text and meta tags.
 */
import type { RejectRow } from '../../schemas/index.ts';
import { sha256 } from '../lib/ids.ts';
import { decode, sanitize } from './decode.ts';
import { htmlToLines, htmlToRecord, type HtmlRecord } from './html.ts';

/** What a source says about one article before cleaning. */
export interface SourceRecord extends HtmlRecord {
  readonly source_path: string;
  readonly sha256: string;
  readonly format: 'text' | 'markdown' | 'json' | 'html';
}

/**
 * The fields read from a JSON object (a .json file or one JSONL line), each with the names accepted
 * for it, first present non-empty string wins. The codebook lists this table (one definition).
 */
export const JSON_FIELDS = {
  text: { names: ['text', 'body', 'content', 'article'], meaning: 'the article text (required: a record without it is rejected as no-text)' },
  title: { names: ['title', 'headline'], meaning: 'articles.title (else the first line of the text)' },
  date: { names: ['date', 'published', 'published_date', 'publishedAt', 'datePublished'], meaning: 'articles.published_date (published_basis metadata)' },
  url: { names: ['url', 'link'], meaning: 'articles.url' },
  author: { names: ['author', 'byline'], meaning: 'articles.author' },
  outlet: { names: ['outlet', 'source_name', 'publisher', 'site'], meaning: 'articles.outlet' },
  license: { names: ['license', 'licence', 'rights'], meaning: 'articles.license' },
  source_id: { names: ['id', 'source_id', 'guid', 'uuid'], meaning: 'articles.source_id (a string or an integer)' },
  section: { names: ['section', 'category', 'desk', 'topic'], meaning: 'articles.section' },
  locale: { names: ['locale', 'language', 'lang'], meaning: 'a language tag with a region ("en-US", "en_GB"): the order of day and month in a numeric date' },
  country: { names: ['country', 'country_code'], meaning: 'the outlet\'s country ("US", "GB"): the order of day and month in a numeric date' },
} as const satisfies Record<string, { names: readonly string[]; meaning: string }>;

export type SplitResult = { readonly records: SourceRecord[]; readonly rejects: RejectRow[] };

const TEXT_EXT = new Set(['txt', 'text', '']);
const MD_EXT = new Set(['md', 'markdown']);
const HTML_EXT = new Set(['html', 'htm', 'xhtml']);

export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * `part`: these bytes are one part of a JSONL feed read as a stream (io/read-raw.ts), its first line
 * numbered `firstLine`: records are numbered in the whole file, and a part that cannot be read is
 * rejected as its first line's record, naming its lines.
 */
export function splitRecords(path: string, bytes: Uint8Array, part?: { readonly firstLine: number }): SplitResult {
  const digest = sha256(bytes);
  const ext = extensionOf(path);
  const reject = (reason: RejectRow['reason'], message: string): SplitResult => ({
    records: [],
    rejects: [
      part
        ? { path: `${path}#${part.firstLine}`, sha256: digest, reason, message: `lines from ${part.firstLine} on: ${message}` }
        : { path, sha256: digest, reason, message },
    ],
  });
  if (!TEXT_EXT.has(ext) && !MD_EXT.has(ext) && !HTML_EXT.has(ext) && ext !== 'json' && ext !== 'jsonl' && ext !== 'ndjson') {
    return reject('unsupported-type', `".${ext}" files are not read (txt, md, html, json, jsonl are)`);
  }
  const decoded = decode(bytes);
  if (!decoded.ok) return reject(decoded.reason, decoded.message);
  const text = sanitize(decoded.text);
  // a part of only blank lines (or of lines over the limit, rejected one by one) holds no record and is no reject
  if (text.trim() === '') return part ? { records: [], rejects: [] } : reject('empty', 'the file holds only whitespace');

  // JSON is parsed as decoded (sanitizing first would turn a U+2028 inside a string into a line break and break the JSON); its fields are sanitized
  const json = decoded.text.replace(/^\ufeff/, '');
  if (ext === 'jsonl' || ext === 'ndjson') return splitJsonl(path, json, part?.firstLine ?? 1);
  if (ext === 'json') {
    const parsed = parseJson(json);
    if (!parsed.ok) return reject('bad-json', parsed.message);
    const rec = fromObject(path, digest, parsed.value);
    return rec.ok ? { records: [rec.record], rejects: [] } : reject(rec.reason, rec.message);
  }
  if (HTML_EXT.has(ext)) {
    const page = htmlToRecord(text);
    // entities decode after the file was sanitized ("&#1;", "&#8203;", "&#xD800;"): sanitized again
    const field = (v: string | null) => (v === null ? null : sanitize(v).trim() || null);
    const rec = {
      title: field(page.title),
      text: sanitize(page.text),
      date: field(page.date),
      url: field(page.url),
      author: field(page.author),
      outlet: field(page.outlet),
      license: field(page.license ?? null),
      source_id: field(page.source_id ?? null),
      section: field(page.section ?? null),
      locale: field(page.locale ?? null),
    };
    if (rec.text.trim() === '') return reject('no-text', 'the page holds no article text');
    return { records: [{ source_path: path, sha256: digest, format: 'html', ...rec }], rejects: [] };
  }
  return {
    records: [
      {
        source_path: path,
        sha256: digest,
        format: MD_EXT.has(ext) ? 'markdown' : 'text',
        title: null,
        text,
        date: null,
        url: null,
        author: null,
        outlet: null,
        license: null,
        source_id: null,
        section: null,
      },
    ],
    rejects: [],
  };
}

function splitJsonl(path: string, text: string, firstLine: number): SplitResult {
  const records: SourceRecord[] = [];
  const rejects: RejectRow[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (sanitize(line).trim() === '') return;
    const at = `${path}#${i + firstLine}`;
    const digest = sha256(line);
    const parsed = parseJson(line);
    if (!parsed.ok) {
      rejects.push({ path: at, sha256: digest, reason: 'bad-json', message: parsed.message });
      return;
    }
    const rec = fromObject(at, digest, parsed.value);
    if (rec.ok) records.push(rec.record);
    else rejects.push({ path: at, sha256: digest, reason: rec.reason, message: rec.message });
  });
  return { records, rejects };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: `not valid JSON: ${(e as Error).message}` };
  }
}

const str = (o: Record<string, unknown>, names: readonly string[], kind: 'plain' | 'id' | 'named' = 'plain'): string | null => {
  for (const n of names) {
    const v = o[n];
    if (typeof v === 'string' && v.trim() !== '') return sanitize(v).trim();
    // an id may be a number in the source ({"id": 1234}); only a safe integer is kept as written
    if (kind === 'id' && typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
    // an outlet or author given as an object ({"name": "..."}) keeps its name
    if (kind === 'named' && v && typeof v === 'object' && !Array.isArray(v) && typeof (v as Record<string, unknown>)['name'] === 'string') {
      const name = sanitize((v as Record<string, string>)['name']!).trim();
      if (name) return name;
    }
  }
  return null;
};

/** Block or inline tags a feed leaves in its text field ("<p>The river rose.</p><p>...</p>"). */
const MARKUP = /<\/?(?:p|br|div|h[1-6]|li|ul|ol|blockquote|figure|figcaption|span|a|strong|em|b|i|img|table|tr|td)\b[^<>]{0,500}>/gi;

/** A JSON text field holding HTML markup is read as HTML (one line per block, tags and entities gone); plain text is kept as it is. */
export function markupText(text: string): string {
  const tags = text.match(MARKUP)?.length ?? 0;
  // two tags at least: a lone "<b>" in a sentence about markup stays text
  return tags >= 2 ? htmlToLines(text) : text;
}

const numberText = (o: Record<string, unknown>, ...names: string[]): string | null => {
  for (const n of names) if (typeof o[n] === 'number' && Number.isSafeInteger(o[n]) && (o[n] as number) > 0) return String(o[n]);
  return null;
};

function fromObject(
  path: string,
  digest: string,
  value: unknown,
): { ok: true; record: SourceRecord } | { ok: false; reason: RejectRow['reason']; message: string } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'bad-json', message: 'expected one JSON object per article' };
  const o = value as Record<string, unknown>;
  const text = str(o, JSON_FIELDS.text.names);
  if (!text) {
    // a text field of the wrong type is named as such ("text" given as a list of paragraphs), not called missing
    const typed = JSON_FIELDS.text.names.find((n) => o[n] !== undefined && o[n] !== null && typeof o[n] !== 'string');
    const kind = (v: unknown) => (Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);
    if (typed) return { ok: false, reason: 'no-text', message: `the "${typed}" field is ${kind(o[typed])}, expected a string of text` };
    return { ok: false, reason: 'no-text', message: 'the record has no text/body field' };
  }
  return {
    ok: true,
    record: {
      source_path: path,
      sha256: digest,
      format: 'json',
      title: str(o, JSON_FIELDS.title.names),
      text: markupText(text),
      // a date given as a number (a Unix time) is kept as its digits; normalize reads and flags it
      date: str(o, JSON_FIELDS.date.names) ?? numberText(o, ...JSON_FIELDS.date.names, 'timestamp'),
      url: str(o, JSON_FIELDS.url.names),
      author: str(o, JSON_FIELDS.author.names, 'named'),
      outlet: str(o, JSON_FIELDS.outlet.names, 'named'),
      license: str(o, JSON_FIELDS.license.names),
      source_id: str(o, JSON_FIELDS.source_id.names, 'id'),
      section: str(o, JSON_FIELDS.section.names),
      locale: str(o, JSON_FIELDS.locale.names),
      country: str(o, JSON_FIELDS.country.names),
    },
  };
}
