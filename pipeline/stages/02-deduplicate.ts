/**
 * Exact and near-duplicate articles: each copy points to its earliest
 * original (earliest publication date, then source path), with the
 * similarity. Copies stay in articles (the contract keeps them) but later
 * stages extract from originals only.
 */
import { corpus, type Corpus, type Document } from '../../schemas/pipeline.ts';
import { issue, type Issue } from '../issues.ts';
import { candidatePairs, jaccard, shingles, signature } from '../dedupe/minhash.ts';
import type { Stage } from '../stage.ts';

/** Body text without the title, for comparison. */
const bodyOf = (d: Document) => d.text.slice(d.article.title.length);

/** Original-first order: dated before undated, earlier before later, then by path. */
function precedes(a: Document, b: Document): boolean {
  const da = a.article.published_date ?? '9999-99-99';
  const db = b.article.published_date ?? '9999-99-99';
  if (da !== db) return da < db;
  return a.article.source_path < b.article.source_path;
}

export function findDuplicates(docs: readonly Document[], threshold: number): Map<number, { of: number; similarity: number }> {
  const sh = docs.map((d) => shingles(bodyOf(d)));
  const pairs = candidatePairs(sh.map(signature));
  // exact copies (same cleaned body) are candidates even when too short for shingles to tell
  const byBody = new Map<string, number>();
  docs.forEach((d, i) => {
    const k = bodyOf(d).trim().toLowerCase();
    const first = byBody.get(k);
    if (first === undefined) byBody.set(k, i);
    else pairs.push([first, i]);
  });
  const best = new Map<number, { of: number; similarity: number }>();
  for (const [i, j] of pairs) {
    const sim = bodyOf(docs[i]!).trim().toLowerCase() === bodyOf(docs[j]!).trim().toLowerCase() ? 1 : jaccard(sh[i]!, sh[j]!);
    if (sim < threshold) continue;
    const [orig, copy] = precedes(docs[i]!, docs[j]!) ? [i, j] : [j, i];
    const prev = best.get(copy);
    if (!prev || sim > prev.similarity || (sim === prev.similarity && precedes(docs[orig]!, docs[prev.of]!))) best.set(copy, { of: orig, similarity: sim });
  }
  // follow chains so every copy points to an original that is not itself a copy
  const root = (i: number, seen = new Set<number>()): number => {
    const b = best.get(i);
    if (!b || seen.has(i)) return i;
    seen.add(i);
    return root(b.of, seen);
  };
  return new Map([...best].map(([copy, b]) => [copy, { of: root(copy), similarity: b.similarity }]));
}

export const deduplicate: Stage<Corpus, Corpus> = {
  name: '02-deduplicate',
  description: 'Mark exact and near-duplicate copies (MinHash + LSH over word 5-grams, exact Jaccard on candidates).',
  input: corpus,
  output: corpus,
  run(input, config) {
    const dups = findDuplicates(input.documents, config.nearDuplicateThreshold);
    const issues: Issue[] = [];
    let exact = 0;
    const documents = input.documents.map((d, i) => {
      const dup = dups.get(i);
      if (!dup || dup.of === i) return d;
      const of = input.documents[dup.of]!.article;
      if (dup.similarity === 1) exact++;
      issues.push(issue('duplicate-article', `${d.article.source_path} copies ${of.source_path} (similarity ${dup.similarity.toFixed(3)})`, { article_id: d.article.article_id, severity: 'info' }));
      return { ...d, article: { ...d.article, duplicate_of: of.article_id, duplicate_similarity: Math.round(dup.similarity * 1000) / 1000 } };
    });
    return { data: { documents, rejects: input.rejects }, issues, stats: { 'duplicates:exact': exact, 'duplicates:near': dups.size - exact } };
  },
  counts: (input, output) => ({ read: input.documents.length, written: output.documents.filter((d) => !d.article.duplicate_of).length, rejected: 0 }),
  tables: (o) => ({ articles: o.documents.map((d) => d.article) }),
};
