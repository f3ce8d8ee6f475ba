/**
 * Quote groups: the same statement quoted by several articles shares a
 * group_id. Texts are folded (case, accents, punctuation); two quotes are one
 * statement when most of the shorter one's word trigrams appear in the longer
 * (a partial quote, or one with a word changed). Candidates come from shared
 * trigrams (blocking), so the work stays near linear.
 *
 * A short fragment ("we are ready", under FRAGMENT_TRIGRAMS trigrams) is found inside many
 * unrelated statements: it joins the one group it matches best and never bridges two groups
 * (otherwise "we are ready to talk" and "we are ready for war" become one statement through it).
 */
import type { QuoteRow } from '../../schemas/index.ts';
import type { Extraction } from '../../schemas/pipeline.ts';
import { hashId } from '../lib/ids.ts';
import { ref, type RefMap } from './refs.ts';
import { pushTo } from '../lib/maps.ts';

/** Share of the shorter quote's trigrams found in the other for the two to be one statement. */
export const CONTAINMENT = 0.6;
/** Trigrams shared by more quotes than this are too common to block on. */
const MAX_POSTINGS = 50;
/** A quote with fewer word trigrams than this is a fragment: it attaches to a group, it does not join two. */
export const FRAGMENT_TRIGRAMS = 3;

export const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function trigrams(folded: string): Set<string> {
  const w = folded.split(' ').filter(Boolean);
  if (w.length < 3) return new Set([w.join(' ')]);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= w.length; i++) out.add(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  return out;
}

export function groupQuotes(extractions: readonly Extraction[], actorOf: RefMap): QuoteRow[] {
  const items = extractions.flatMap((ex) => ex.quotes.map((q) => ({ ex, q, folded: fold(q.text) })));
  const grams = items.map((it) => trigrams(it.folded));
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const postings = new Map<string, number[]>();
  grams.forEach((g, i) => {
    for (const t of g) pushTo(postings, t, i);
  });
  // shared trigrams per pair, keyed i * n + j (a number: no string built per pair)
  const n = items.length;
  const shared = new Map<number, number>();
  for (const list of postings.values()) {
    if (list.length > MAX_POSTINGS) continue;
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const k = list[x]! * n + list[y]!;
        shared.set(k, (shared.get(k) ?? 0) + 1);
      }
  }
  const fragment = (i: number) => grams[i]!.size < FRAGMENT_TRIGRAMS;
  // best statement for each fragment: highest containment, then most shared trigrams, then the smallest text
  const best = new Map<number, { j: number; score: number; count: number }>();
  const offer = (f: number, j: number, score: number, count: number) => {
    const cur = best.get(f);
    if (!cur || score > cur.score || (score === cur.score && (count > cur.count || (count === cur.count && items[j]!.folded < items[cur.j]!.folded))))
      best.set(f, { j, score, count });
  };
  for (const [k, count] of shared) {
    const i = Math.floor(k / n);
    const j = k - i * n;
    const shorter = Math.min(grams[i]!.size, grams[j]!.size);
    const score = count / shorter;
    if (score < CONTAINMENT) continue;
    if (fragment(i) === fragment(j)) {
      // two statements, or two fragments (identical short texts share their one trigram)
      if (!fragment(i) || items[i]!.folded === items[j]!.folded) parent[find(j)] = find(i);
    } else if (fragment(i)) offer(i, j, score, count);
    else offer(j, i, score, count);
  }
  // fragments join their best statement's group last, so no fragment links two statements
  for (const [f, { j }] of best) parent[find(f)] = find(j);
  // the group's id: hash of the smallest folded text among its members (does not depend on input order)
  const key = new Map<number, string>();
  items.forEach((it, i) => {
    const r = find(i);
    const cur = key.get(r);
    if (cur === undefined || it.folded < cur) key.set(r, it.folded);
  });
  return items.map(({ ex, q }, i) => ({
    quote_id: hashId('q', ex.article_id, q.char_start, q.char_end),
    article_id: ex.article_id,
    sentence_index: q.sentence_index,
    speaker_actor_id: q.speaker === null ? null : (actorOf.get(ref(ex.article_id, q.speaker)) ?? null),
    text: q.text,
    char_start: q.char_start,
    char_end: q.char_end,
    group_id: hashId('qg', key.get(find(i))!),
    rule: q.rule,
  }));
}
