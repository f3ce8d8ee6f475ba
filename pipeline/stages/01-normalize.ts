/** Raw files in, cleaned articles and rejects out. */
import { corpus, normalizeInput, type Corpus, type Document, type ManifestEntry, type NormalizeInput } from '../../schemas/pipeline.ts';
import type { RejectRow } from '../../schemas/index.ts';
import { issue, type Issue } from '../issues.ts';
import { sha256 } from '../lib/ids.ts';
import { cleanRecord } from '../normalize/clean.ts';
import { splitRecords } from '../normalize/records.ts';
import type { Stage } from '../stage.ts';

function manifestFor(manifest: readonly ManifestEntry[], path: string): ManifestEntry | null {
  const file = path.replace(/#\d+$/, '');
  return manifest.find((m) => m.file === file) ?? manifest.find((m) => !m.file.includes('/') && file.endsWith(`/${m.file}`)) ?? null;
}

export const normalize: Stage<NormalizeInput, Corpus> = {
  name: '01-normalize',
  description: 'Decode every input, split JSONL into records, strip page furniture, find title/date/author/outlet/dateline, segment sentences.',
  input: normalizeInput,
  output: corpus,
  run(input, config) {
    const documents: Document[] = [];
    const rejects: RejectRow[] = [];
    const issues: Issue[] = [];
    const stats: Record<string, number> = {};
    const bump = (k: string, n = 1) => (stats[k] = (stats[k] ?? 0) + n);
    for (const file of input.files) {
      if (file.size > config.maxBytes) {
        rejects.push({ path: file.path, sha256: file.bytes ? sha256(file.bytes) : null, reason: 'too-large', message: `${file.size} bytes is over the limit of ${config.maxBytes} (--max-bytes)` });
        continue;
      }
      if (!file.bytes) {
        rejects.push({ path: file.path, sha256: null, reason: 'unreadable', message: file.read_error ?? 'could not be read' });
        continue;
      }
      const split = splitRecords(file.path, file.bytes);
      rejects.push(...split.rejects);
      for (const rec of split.records) {
        const cleaned = cleanRecord(rec, manifestFor(input.manifest, rec.source_path));
        const doc = cleaned.document;
        if (doc.text.length > config.maxChars) {
          rejects.push({ path: rec.source_path, sha256: rec.sha256, reason: 'too-large', message: `${doc.text.length} characters of text is over the limit of ${config.maxChars} (--max-chars)` });
          continue;
        }
        if (doc.sentences.length === 0) {
          rejects.push({ path: rec.source_path, sha256: rec.sha256, reason: 'no-text', message: 'no text is left after cleaning' });
          continue;
        }
        for (const [reason, n] of Object.entries(cleaned.removedCounts)) bump(`boilerplate:${reason}`, n);
        if (cleaned.dateProblem) issues.push(issue('unparseable-date', cleaned.dateProblem, { article_id: doc.article.article_id }));
        documents.push(doc);
      }
    }
    for (const r of rejects) issues.push(issue('rejected-input', `${r.path}: ${r.reason}: ${r.message}`));
    for (const m of input.manifest) {
      const used = documents.some((d) => manifestFor([m], d.article.source_path));
      if (!used) issues.push(issue('manifest-unmatched', `manifest.csv names "${m.file}", which is not among the inputs`));
    }
    documents.sort((a, b) => (a.article.source_path < b.article.source_path ? -1 : a.article.source_path > b.article.source_path ? 1 : 0));
    rejects.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { data: { documents, rejects }, issues, stats };
  },
  counts: (input, output) => ({ read: input.files.length, written: output.documents.length, rejected: output.rejects.length }),
  tables: (o) => ({ articles: o.documents.map((d) => d.article), sentences: o.documents.flatMap((d) => d.sentences), rejects: o.rejects }),
};
