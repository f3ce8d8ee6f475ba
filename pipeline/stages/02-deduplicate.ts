/**
 * Exact, near-duplicate and contained copies of articles, and passages
 * repeated across different articles.
 *
 * - Exact: the same folded body (case, punctuation and spacing ignored).
 * - Near: MinHash + LSH candidates (pipeline/dedupe/minhash.ts), kept when
 *   the exact Jaccard similarity of word 5-gram shingles reaches
 *   `config.nearDuplicateThreshold` (0.8): a syndicated reprint with another
 *   headline, other furniture or a few edited words.
 * - Contained: the shingles of the shorter body (at least MIN_CONTAINED
 *   shingles) lie in the longer one at the same threshold: a reprint cut
 *   short, or a story reprinted inside a longer one.
 *
 * Each copy points at the earliest article of its group (earliest best-known
 * date: published, else inferred from cited statements; undated last, then article_id) with the similarity (Jaccard, or the
 * containment for contained copies). Copies stay in articles (the contract
 * keeps them); later stages extract from originals only.
 *
 * Repeated passages: paragraphs of at least PASSAGE_MIN_WORDS words that occur
 * in two or more articles that are not copies of one another are listed in
 * `passages` (hash map, linear). They are kept in the text: a shared quote
 * or wire paragraph is real content; appended outlet blurbs are removed in
 * 01-normalize (see pipeline/normalize/passages.ts).
 */
import { corpus, type Corpus, type Document, type RepeatedPassage } from '../../schemas/pipeline.ts';
import { issue, type Issue } from '../issues.ts';
import { candidatePairs, containment, jaccard, shingles, signature } from '../dedupe/minhash.ts';
import { hashId } from '../lib/ids.ts';
import { corpusYearHint, inferPublishedDate } from '../resolve/published-date.ts';
import { fold } from '../normalize/furniture.ts';
import type { Stage } from '../stage.ts';

/** A contained copy must have at least this many shingles (about 25 words): shorter texts are quotes, not articles. */
export const MIN_CONTAINED = 20;
/** Paragraphs shorter than this are not reported as repeated passages. */
export const PASSAGE_MIN_WORDS = 8;

/** Body paragraphs (paragraph 0 is the title). */
const paragraphsOf = (d: Document): string[] => d.text.split('\n\n');
const bodyOf = (d: Document): string => paragraphsOf(d).slice(1).join('\n\n');

/**
 * Original-first order by the best date known for each article: its published
 * date, else the date inferred from the statements it cites (as 03-extract
 * will infer it), so an undated original is not made a copy of its dated
 * reprint; dated before undated, earlier before later, then by article id.
 */
function precedes(a: Document, b: Document, dateOf: (d: Document) => string | null): boolean {
  const da = dateOf(a) ?? '9999-99-99';
  const db = dateOf(b) ?? '9999-99-99';
  if (da !== db) return da < db;
  return a.article.article_id < b.article.article_id;
}

export interface DuplicateLink {
  readonly of: number;
  readonly similarity: number;
  readonly kind: 'exact' | 'near' | 'contained';
}

/** For each copy (by index), the original it copies. Sub-quadratic: only exact-hash groups and LSH candidates are compared. */
export function findDuplicates(docs: readonly Document[], threshold: number): Map<number, DuplicateLink> {
  const bodies = docs.map((d) => fold(bodyOf(d)));
  const sh = bodies.map(shingles);
  // bodies without a shingle (empty: a headline-only item) are never candidates: their signatures would all share every band
  const withBody = sh.flatMap((x, i) => (x.size > 0 ? [i] : []));
  const pairs = candidatePairs(withBody.map((i) => signature(sh[i]!))).map(([a, b]): [number, number] => [withBody[a]!, withBody[b]!]);
  const byBody = new Map<string, number>();
  bodies.forEach((b, i) => {
    if (b === '') return;
    const first = byBody.get(b);
    if (first === undefined) byBody.set(b, i);
    else pairs.push([first, i]);
  });
  // verified pairs join groups (union-find); an oversized LSH bucket is linked as a star, so groups are the connected components
  const parent = docs.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const measure = (i: number, j: number): { similarity: number; kind: DuplicateLink['kind'] } | null => {
    if (bodies[i] !== '' && bodies[i] === bodies[j]) return { similarity: 1, kind: 'exact' };
    const jac = jaccard(sh[i]!, sh[j]!);
    if (jac >= threshold) return { similarity: jac, kind: 'near' };
    if (Math.min(sh[i]!.size, sh[j]!.size) >= MIN_CONTAINED) {
      const c = containment(sh[i]!, sh[j]!);
      if (c >= threshold) return { similarity: c, kind: 'contained' };
    }
    return null;
  };
  for (const [i, j] of pairs) {
    const [a, b] = [find(i), find(j)];
    if (a !== b && measure(i, j)) parent[Math.max(a, b)] = Math.min(a, b);
  }
  // the original of a group is its earliest member; every other member points at it, with its own similarity to it
  // inferred dates only for members of groups (most articles have no copy), with the corpus's year hint
  const size = new Map<number, number>();
  docs.forEach((_, i) => size.set(find(i), (size.get(find(i)) ?? 0) + 1));
  const hint = corpusYearHint(docs.map((d) => d.article.published_date));
  const memo = new Map<Document, string | null>();
  const dateOf = (d: Document): string | null => {
    if (d.article.published_date) return d.article.published_date;
    if (!memo.has(d)) memo.set(d, inferPublishedDate(d, hint)?.published_date ?? null);
    return memo.get(d)!;
  };
  const earliest = new Map<number, number>();
  docs.forEach((_, i) => {
    const r = find(i);
    const e = earliest.get(r);
    if (e === undefined) earliest.set(r, i);
    else if (size.get(r)! > 1 && precedes(docs[i]!, docs[e]!, dateOf)) earliest.set(r, i);
  });
  const out = new Map<number, DuplicateLink>();
  docs.forEach((_, i) => {
    const of = earliest.get(find(i))!;
    if (of === i) return;
    // a member joined through a chain of copies may be less similar to the original than the threshold: its measured Jaccard is kept
    out.set(i, { of, ...(measure(of, i) ?? { similarity: jaccard(sh[of]!, sh[i]!), kind: 'near' as const }) });
  });
  return out;
}

/** Paragraphs shared by two or more articles that are not copies of one another. */
export function findRepeatedPassages(docs: readonly Document[], groupOf: (i: number) => number): RepeatedPassage[] {
  const seen = new Map<string, { text: string; occ: { doc: number; paragraph_index: number }[] }>();
  docs.forEach((d, i) => {
    paragraphsOf(d).forEach((p, paragraph_index) => {
      if (paragraph_index === 0) return;
      const k = fold(p);
      if (k.split(' ').length < PASSAGE_MIN_WORDS) return;
      const e = seen.get(k);
      if (e) e.occ.push({ doc: i, paragraph_index });
      else seen.set(k, { text: p, occ: [{ doc: i, paragraph_index }] });
    });
  });
  const out: RepeatedPassage[] = [];
  for (const [k, e] of seen) {
    if (new Set(e.occ.map((o) => groupOf(o.doc))).size < 2) continue;
    out.push({
      passage_id: hashId('p', k),
      text: e.text,
      occurrences: e.occ
        .map((o) => ({ article_id: docs[o.doc]!.article.article_id, paragraph_index: o.paragraph_index }))
        .sort((a, b) => (a.article_id < b.article_id ? -1 : a.article_id > b.article_id ? 1 : a.paragraph_index - b.paragraph_index)),
    });
  }
  return out.sort((a, b) => (a.passage_id < b.passage_id ? -1 : a.passage_id > b.passage_id ? 1 : 0));
}

export const deduplicate: Stage<Corpus, Corpus> = {
  name: '02-deduplicate',
  description:
    'Mark exact, near-duplicate (MinHash + LSH over word 5-grams, exact Jaccard on candidates) and contained copies; list passages repeated across articles.',
  input: corpus,
  output: corpus,
  run(input, config) {
    const dups = findDuplicates(input.documents, config.nearDuplicateThreshold);
    const issues: Issue[] = [];
    const kinds = { exact: 0, near: 0, contained: 0 };
    const documents = input.documents.map((d, i) => {
      const dup = dups.get(i);
      if (!dup || dup.of === i) return d;
      const of = input.documents[dup.of]!.article;
      kinds[dup.kind]++;
      issues.push(
        issue('duplicate-article', `${d.article.source_path} is a ${dup.kind} copy of ${of.source_path} (similarity ${dup.similarity.toFixed(3)})`, {
          article_id: d.article.article_id,
          severity: 'info',
        }),
      );
      return { ...d, article: { ...d.article, duplicate_of: of.article_id, duplicate_similarity: Math.round(dup.similarity * 1000) / 1000 } };
    });
    const passages = findRepeatedPassages(input.documents, (i) => dups.get(i)?.of ?? i);
    for (const p of passages) {
      issues.push(
        issue('repeated-passage', `passage ${p.passage_id} appears in ${p.occurrences.length} paragraphs of different articles: "${p.text.slice(0, 80)}"`, {
          article_id: p.occurrences[0]!.article_id,
          severity: 'info',
        }),
      );
    }
    return {
      data: { documents, rejects: input.rejects, passages },
      issues,
      stats: {
        'duplicates:exact': kinds.exact,
        'duplicates:near': kinds.near,
        'duplicates:contained': kinds.contained,
        'passages:repeated': passages.length,
        'passages:occurrences': passages.reduce((n, p) => n + p.occurrences.length, 0),
      },
    };
  },
  // record level: every article is written (copies stay in articles, marked with duplicate_of; counted in stats duplicates:*), none rejected
  counts: (input, output) => ({ read: input.documents.length, written: output.documents.length, rejected: 0 }),
  tables: (o) => ({ articles: o.documents.map((d) => d.article) }),
};
