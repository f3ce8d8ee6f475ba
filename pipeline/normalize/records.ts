/**
 * One input file to article records: plain text and Markdown as one record,
 * a JSON object as one record, JSONL as one record per line (a bad line is
 * rejected, the others kept), HTML with its main text and meta tags.
 */
import type { RejectRow } from '../../schemas/index.ts';
import { sha256 } from '../lib/ids.ts';
import { decode, sanitize } from './decode.ts';
import { htmlToRecord, type HtmlRecord } from './html.ts';

/** What a source says about one article before cleaning. */
export interface SourceRecord extends HtmlRecord {
  readonly source_path: string;
  readonly sha256: string;
  readonly format: 'text' | 'markdown' | 'json' | 'html';
}

export type SplitResult = { readonly records: SourceRecord[]; readonly rejects: RejectRow[] };

const TEXT_EXT = new Set(['txt', 'text', '']);
const MD_EXT = new Set(['md', 'markdown']);
const HTML_EXT = new Set(['html', 'htm', 'xhtml']);

export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function splitRecords(path: string, bytes: Uint8Array): SplitResult {
  const digest = sha256(bytes);
  const ext = extensionOf(path);
  const reject = (reason: RejectRow['reason'], message: string): SplitResult => ({
    records: [],
    rejects: [{ path, sha256: digest, reason, message }],
  });
  if (!TEXT_EXT.has(ext) && !MD_EXT.has(ext) && !HTML_EXT.has(ext) && ext !== 'json' && ext !== 'jsonl' && ext !== 'ndjson') {
    return reject('unsupported-type', `".${ext}" files are not read (txt, md, html, json, jsonl are)`);
  }
  const decoded = decode(bytes);
  if (!decoded.ok) return reject(decoded.reason, decoded.message);
  const text = sanitize(decoded.text);
  if (text.trim() === '') return reject('empty', 'the file holds only whitespace');

  // JSON is parsed as decoded (sanitizing first would turn a U+2028 inside a string into a line break and break the JSON); its fields are sanitized
  const json = decoded.text.replace(/^\ufeff/, '');
  if (ext === 'jsonl' || ext === 'ndjson') return splitJsonl(path, json);
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
    const rec = { title: field(page.title), text: sanitize(page.text), date: field(page.date), url: field(page.url), author: field(page.author), outlet: field(page.outlet) };
    if (rec.text.trim() === '') return reject('no-text', 'the page holds no article text');
    return { records: [{ source_path: path, sha256: digest, format: 'html', ...rec }], rejects: [] };
  }
  return {
    records: [{ source_path: path, sha256: digest, format: MD_EXT.has(ext) ? 'markdown' : 'text', title: null, text, date: null, url: null, author: null, outlet: null }],
    rejects: [],
  };
}

function splitJsonl(path: string, text: string): SplitResult {
  const records: SourceRecord[] = [];
  const rejects: RejectRow[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (sanitize(line).trim() === '') return;
    const at = `${path}#${i + 1}`;
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

const str = (o: Record<string, unknown>, ...names: string[]): string | null => {
  for (const n of names) {
    const v = o[n];
    if (typeof v === 'string' && v.trim() !== '') return sanitize(v).trim();
  }
  return null;
};

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
  const text = str(o, 'text', 'body', 'content', 'article');
  if (!text) {
    // a text field of the wrong type is named as such ("text" given as a list of paragraphs), not called missing
    const typed = ['text', 'body', 'content', 'article'].find((n) => o[n] !== undefined && o[n] !== null && typeof o[n] !== 'string');
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
      title: str(o, 'title', 'headline'),
      text,
      // a date given as a number (a Unix time) is kept as its digits; normalize reads and flags it
      date: str(o, 'date', 'published', 'published_date', 'publishedAt', 'datePublished') ?? numberText(o, 'date', 'published', 'published_date', 'publishedAt', 'datePublished', 'timestamp'),
      url: str(o, 'url', 'link'),
      author: str(o, 'author', 'byline'),
      outlet: str(o, 'outlet', 'source_name', 'publisher', 'site'),
    },
  };
}
