/** Raw files in, cleaned articles and rejects out. */
import { pathKeyOfText } from '../io/path-key.ts';
import { z } from 'zod';
import { corpus, document, normalizeInput, type Corpus, type Document, type ManifestEntry, type NormalizeInput } from '../../schemas/pipeline.ts';
import type { RejectRow } from '../../schemas/index.ts';
import { issue, type Issue } from '../issues.ts';
import { dayNumber } from '../lib/dates.ts';
import { sha256 } from '../lib/ids.ts';
import { cleanRecord, type CleanResult } from '../normalize/clean.ts';
import { fold } from '../normalize/furniture.ts';
import { findOutletBlurbs } from '../normalize/passages.ts';
import { splitRecords, type SourceRecord } from '../normalize/records.ts';
import { isTooSlow, oneWithin, tooSlowMessage, tooSlowResult, type TooSlow } from '../parallel/budget.ts';
import { runInThread, type PerItemPlan, type Stage, type StageResult } from '../stage.ts';

/** manifest.csv rows by file path, and by bare file name for rows without a folder (first row wins). */
function manifestIndex(manifest: readonly ManifestEntry[]): (path: string) => ManifestEntry | null {
  const byPath = new Map<string, ManifestEntry>();
  const byName = new Map<string, ManifestEntry>();
  for (const m of manifest) {
    // the manifest names files as they are; inputs are keyed with "#", "%" and edge spaces escaped (io/path-key.ts)
    const file = pathKeyOfText(m.file);
    if (!byPath.has(file)) byPath.set(file, m);
    if (!file.includes('/') && !byName.has(file)) byName.set(file, m);
  }
  return (path) => {
    const file = path.replace(/#\d+$/, '');
    return byPath.get(file) ?? (file.includes('/') ? byName.get(file.slice(file.lastIndexOf('/') + 1)) : undefined) ?? null;
  };
}

/**
 * Records read, counted from the inputs: each file is one record, a JSONL
 * file as many as its published and rejected lines ("path#N"). A file with
 * no article and no reject still counts one, so a lost input breaks
 * read = written + rejected instead of vanishing from the count.
 */
export function recordsRead(files: readonly { path: string }[], output: Pick<Corpus, 'documents' | 'rejects'>): number {
  const paths = new Set(files.map((f) => f.path));
  const perFile = new Map<string, number>();
  for (const p of [...output.documents.map((d) => d.article.source_path), ...output.rejects.map((r) => r.path)]) {
    const from = paths.has(p) ? p : p.replace(/#\d+$/, '');
    perFile.set(from, (perFile.get(from) ?? 0) + 1);
  }
  let n = 0;
  for (const p of paths) n += Math.max(1, perFile.get(p) ?? 0);
  return n;
}

/** A published date in or after this year is no news date (a placeholder such as 2999-01-01). */
const FAR_FUTURE = '2100-01-01';
/** A date more than this many days after every other article's date is past the build's input (a typo, a placeholder). */
const AFTER_THE_REST_DAYS = 366;

/**
 * Published dates past the build's input (no clock is read: the input's own
 * dates are the reference) are an issue and are dropped: a date from 2100 on,
 * or more than a year after the latest date of every other article.
 */
function dropImplausibleDates(documents: Document[], issues: Issue[]): void {
  const dates = documents
    .map((d) => d.article.published_date)
    .filter((x): x is string => !!x && x < FAR_FUTURE)
    .sort();
  const [last, second] = [dates[dates.length - 1], dates[dates.length - 2]];
  documents.forEach((d, i) => {
    const date = d.article.published_date;
    if (!date) return;
    const others = date === last ? second : last;
    const tooLate = date >= FAR_FUTURE || (others !== undefined && dayNumber(date) - dayNumber(others) > AFTER_THE_REST_DAYS);
    if (!tooLate) return;
    issues.push(
      issue(
        'implausible-date',
        `published date ${date} is ${date >= FAR_FUTURE ? 'in the far future' : `more than a year after every other article's date (latest ${others})`}: not used`,
        { article_id: d.article.article_id },
      ),
    );
    documents[i] = { ...d, article: { ...d.article, published_date: null, published_basis: 'unknown' } };
  });
}

/** One record to clean (the per-item work of 01-normalize): the record and its manifest row. */
export interface NormalizeItem {
  readonly rec: SourceRecord;
  readonly manifest: ManifestEntry | null;
}

/** What cleaning one record gives (validated where it is made). */
export const cleanResult = z.union([
  z.strictObject({
    document,
    removedCounts: z.record(z.string(), z.number().int().min(0)),
    dateProblem: z.string().nullable(),
    dateNotes: z.array(z.strictObject({ code: z.enum(['ambiguous-date', 'epoch-date']), message: z.string() })),
  }),
  // cleaning went over the time budget (parallel/budget.ts): a reject too-slow
  tooSlowResult,
]) as unknown as z.ZodType<CleanResult | TooSlow>;

interface NormalizeState {
  readonly records: readonly SourceRecord[];
  readonly rejects: RejectRow[];
  readonly manifestFor: (path: string) => ManifestEntry | null;
}

/**
 * 01-normalize as split → clean each record (first pass, per item: worker
 * pool and cache) → join (outlet blurbs found across the corpus, the few
 * records that hold one cleaned again here, limits, issues, order).
 */
const plan: PerItemPlan<NormalizeInput, Corpus, NormalizeItem, CleanResult | TooSlow, NormalizeState> = {
  task: '01-normalize',
  split(input, config) {
    const rejects: RejectRow[] = [];
    let records: SourceRecord[] = [];
    const manifestFor = manifestIndex(input.manifest);
    // decoding and page parsing (Readability) of one file, within the time budget: over it the file is a reject too-slow
    const split = (path: string, bytes: Uint8Array, part?: { readonly firstLine: number }) => {
      const r = oneWithin(() => splitRecords(path, bytes, part), config.timeBudgetMs);
      if (!isTooSlow(r)) return r;
      const at = part ? `${path}#${part.firstLine}` : path;
      return {
        records: [],
        rejects: [{ path: at, sha256: sha256(bytes), reason: 'too-slow' as const, message: tooSlowMessage('reading the file', r.too_slow_ms) }],
      };
    };
    for (const file of input.files) {
      if (file.parts) {
        // a JSONL feed read as a stream: the size limit applies to each line
        for (const l of file.long_lines ?? [])
          rejects.push({
            path: `${file.path}#${l.line}`,
            sha256: null,
            reason: 'too-large',
            message: `line of ${l.size} bytes is over the limit of ${config.maxBytes} (--max-bytes)`,
          });
        for (const p of file.parts) {
          const got = split(file.path, p.bytes, { firstLine: p.first_line });
          for (const r of got.rejects) rejects.push(r);
          for (const r of got.records) records.push(r);
        }
        continue;
      }
      if (file.size > config.maxBytes) {
        rejects.push({
          path: file.path,
          sha256: file.bytes ? sha256(file.bytes) : null,
          reason: 'too-large',
          message: `${file.size} bytes is over the limit of ${config.maxBytes} (--max-bytes)`,
        });
        continue;
      }
      if (!file.bytes) {
        rejects.push({ path: file.path, sha256: null, reason: file.read_reason ?? 'unreadable', message: file.read_error ?? 'could not be read' });
        continue;
      }
      const got = split(file.path, file.bytes);
      for (const r of got.rejects) rejects.push(r);
      for (const r of got.records) records.push(r);
    }
    // a record whose text is over the limit before cleaning is rejected before the work of cleaning it (cleaning only removes)
    records = records.filter((rec) => {
      if (rec.text.length <= config.maxChars) return true;
      rejects.push({
        path: rec.source_path,
        sha256: rec.sha256,
        reason: 'too-large',
        message: `${rec.text.length} characters of text is over the limit of ${config.maxChars} (--max-chars)`,
      });
      return false;
    });
    return { items: records.map((rec) => ({ rec, manifest: manifestFor(rec.source_path) })), state: { records, rejects, manifestFor } };
  },
  // first pass: clean each record alone
  work: ({ rec, manifest }) => cleanRecord(rec, manifest),
  result: cleanResult,
  join(input, { records, rejects, manifestFor }, first, config): StageResult<Corpus> {
    const documents: Document[] = [];
    const issues: Issue[] = [];
    const stats: Record<string, number> = {};
    const bump = (k: string, n = 1) => (stats[k] = (stats[k] ?? 0) + n);
    // then remove outlet blurbs found across the corpus (second pass, only where needed)
    const blurbs = findOutletBlurbs(first.flatMap((c) => (isTooSlow(c) ? [] : [c.document])));
    for (const [i, rec] of records.entries()) {
      const once = first[i]!;
      const has = !isTooSlow(once) && blurbs.size > 0 && once.document.text.split('\n\n').some((p) => blurbs.has(fold(p)));
      const cleaned = has ? oneWithin(() => cleanRecord(rec, manifestFor(rec.source_path), { blurbs }), config.timeBudgetMs) : once;
      if (isTooSlow(cleaned)) {
        rejects.push({ path: rec.source_path, sha256: rec.sha256, reason: 'too-slow', message: tooSlowMessage('cleaning the text', cleaned.too_slow_ms) });
        continue;
      }
      const doc = cleaned.document;
      if (doc.text.length > config.maxChars) {
        rejects.push({
          path: rec.source_path,
          sha256: rec.sha256,
          reason: 'too-large',
          message: `${doc.text.length} characters of text is over the limit of ${config.maxChars} (--max-chars)`,
        });
        continue;
      }
      if (doc.sentences.length === 0 || doc.article.word_count === 0) {
        rejects.push({
          path: rec.source_path,
          sha256: rec.sha256,
          reason: 'no-text',
          message: doc.sentences.length === 0 ? 'no text is left after cleaning' : 'the text holds no words (letters or digits)',
        });
        continue;
      }
      for (const [reason, n] of Object.entries(cleaned.removedCounts)) bump(`boilerplate:${reason}`, n);
      if (cleaned.dateProblem) issues.push(issue('unparseable-date', cleaned.dateProblem, { article_id: doc.article.article_id }));
      for (const n of cleaned.dateNotes) issues.push(issue(n.code, n.message, { article_id: doc.article.article_id, severity: 'info' }));
      documents.push(doc);
    }
    dropImplausibleDates(documents, issues);
    stats['passages:outlet-blurbs'] = blurbs.size;
    for (const r of rejects) issues.push(issue('rejected-input', `${r.path}: ${r.reason}: ${r.message}`));
    const used = new Set(documents.map((d) => manifestFor(d.article.source_path)));
    for (const m of input.manifest) {
      if (!used.has(m)) issues.push(issue('manifest-unmatched', `manifest.csv names "${m.file}", which is not among the inputs`));
    }
    documents.sort((a, b) => (a.article.source_path < b.article.source_path ? -1 : a.article.source_path > b.article.source_path ? 1 : 0));
    rejects.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { data: { documents, rejects }, issues, stats };
  },
};

export const normalize: Stage<NormalizeInput, Corpus> = {
  name: '01-normalize',
  description: 'Decode every input, split JSONL into records, strip page furniture, find title/date/author/outlet/dateline, segment sentences.',
  input: normalizeInput,
  output: corpus,
  run: runInThread(plan),
  perItem: plan,
  counts: (input, output) => ({ read: recordsRead(input.files, output), written: output.documents.length, rejected: output.rejects.length }),
  tables: (o) => ({ articles: o.documents.map((d) => d.article), sentences: o.documents.flatMap((d) => d.sentences), rejects: o.rejects }),
};
