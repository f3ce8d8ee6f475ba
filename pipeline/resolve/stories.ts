/**
 * Stories: articles that tell the same news, clustered before their events
 * and figures are cross-referenced (the way news-monitoring systems cluster
 * first, then link within a cluster).
 *
 * Each article is a weighted term vector: content words (title and lead
 * count three and two times, the body once; function words, weekdays and
 * months left out), the actors it names (resolved ids, countries apart and
 * lighter) and the places its events happen. Weights are sublinear term
 * frequency times inverse document frequency, so a word every article uses
 * says little and a name two articles share says much.
 *
 * Blocking keeps it sub-quadratic: every article posts its TOP_TERMS heaviest
 * terms that at least two and at most MAX_POSTINGS articles use (an inverted
 * index of rare terms); two articles are candidates when they share at least
 * MIN_SHARED of them. Candidates are scored by cosine similarity; published
 * more than STORY_WINDOW_DAYS apart (when both dates are known) they are
 * never one story. Pairs are merged best first, and a merge is refused when
 * the two clusters' centroids are less similar than CENTROID_MIN (so one
 * bridging pair does not chain two stories) or the mean similarity of their
 * articles is below AVERAGE_MIN (a topic, such as an election campaign or a
 * sports season, is not one story), or when the merged story would
 * span more than MAX_STORY_DAYS of publication dates.
 *
 * story_id is derived from the story's earliest article (publication date,
 * then article_id): it does not depend on the order of the inputs, and an
 * article of a story of one keeps its story_id when other inputs come or go.
 */
import type { ArticleRow, StoryRow } from '../../schemas/index.ts';
import type { Document, Extraction } from '../../schemas/pipeline.ts';
import { dayNumber } from '../lib/dates.ts';
import { hashId } from '../lib/ids.ts';
import { ref, type RefMap } from './refs.ts';

/** Terms an article posts to the inverted index. */
export const TOP_TERMS = 24;
/** A term used by more articles than this is too common to block on. */
export const MAX_POSTINGS = 60;
/** Shared posted terms for two articles to be compared. */
export const MIN_SHARED = 3;
/** Cosine similarity of two articles' vectors for them to be one story. */
export const STORY_SIMILARITY = 0.2;
/** Cosine similarity of two clusters' centroids for them to merge. */
export const CENTROID_MIN = 0.35;
/** Mean similarity of every article of one cluster to every article of the other for them to merge (a topic is not a story). */
export const AVERAGE_MIN = 0.25;
/** Articles published further apart than this are two stories. */
export const STORY_WINDOW_DAYS = 7;
/** A story spans at most this many days of publication dates. */
export const MAX_STORY_DAYS = 21;

const WORD = /\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}/gu;

export interface StoryInput {
  readonly documents: readonly Document[];
  readonly extractions: readonly Extraction[];
  readonly actorOf: RefMap;
  /** Function words left out of content terms (lexicons/stop-words.json). */
  readonly stopWords: ReadonlySet<string>;
}

export interface ResolvedStories {
  readonly stories: StoryRow[];
  /** article_id → story_id */
  readonly storyOf: ReadonlyMap<string, string>;
}

type Vector = Map<string, number>;

/** Raw (weighted) term counts of one article. */
function termCounts(doc: Document, ex: Extraction | undefined, actorOf: RefMap, stop: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  const add = (t: string, w: number) => out.set(t, (out.get(t) ?? 0) + w);
  let lead = 0;
  for (const s of doc.sentences) {
    const w = s.paragraph_index === 0 ? 3 : lead < 2 ? 2 : 1;
    if (s.paragraph_index > 0) lead++;
    for (const m of s.text.matchAll(WORD)) {
      const t = m[0]
        .toLowerCase()
        .replace(/['’]s$/u, '')
        .replace(/['’]/gu, '');
      if (t.length < 3 || stop.has(t)) continue;
      add(t, w);
      // a capitalized word inside a body sentence is (part of) a name: it counts again as a name (not in the
      // title, where headline case capitalizes every word)
      if (s.paragraph_index > 0 && m.index! > 0 && /^\p{Lu}/u.test(m[0])) add(`@n:${t}`, w);
    }
  }
  if (ex) {
    ex.mentions.forEach((m, i) => {
      const id = actorOf.get(ref(ex.article_id, i));
      if (id) add(m.type === 'country' ? `@c:${id}` : `@a:${id}`, m.type === 'country' ? 1 : 2);
    });
    for (const e of ex.events) if (e.place) add(`@p:${e.place.toLowerCase()}`, 2);
  }
  return out;
}

const dot = (a: Vector, b: Vector): number => {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) {
    const v = big.get(t);
    if (v !== undefined) s += w * v;
  }
  return s;
};

export function resolveStories(input: StoryInput): ResolvedStories {
  const all = [...input.documents].sort((a, b) => (a.article.article_id < b.article.article_id ? -1 : a.article.article_id > b.article.article_id ? 1 : 0));
  // a copy (duplicate_of) takes its original's story: it is not clustered and never names a story
  const present = new Set(all.map((d) => d.article.article_id));
  const originalOf = new Map<string, string>();
  for (const d of all) if (d.article.duplicate_of && present.has(d.article.duplicate_of)) originalOf.set(d.article.article_id, d.article.duplicate_of);
  const rootOf = (id: string): string => {
    const seen = new Set<string>();
    while (originalOf.has(id) && !seen.has(id)) {
      seen.add(id);
      id = originalOf.get(id)!;
    }
    return id;
  };
  const docs = all.filter((d) => !originalOf.has(d.article.article_id));
  const copies = all.filter((d) => originalOf.has(d.article.article_id));
  const exOf = new Map(input.extractions.map((e) => [e.article_id, e]));
  const counts = docs.map((d) => termCounts(d, exOf.get(d.article.article_id), input.actorOf, input.stopWords));
  const df = new Map<string, number>();
  for (const c of counts) for (const t of c.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  // unit vectors: (1 + ln tf) × ln(1 + N / df)
  const vectors: Vector[] = counts.map((c) => {
    const v: Vector = new Map();
    let norm = 0;
    for (const [t, tf] of c) {
      const w = (1 + Math.log(tf)) * Math.log(1 + n / df.get(t)!);
      v.set(t, w);
      norm += w * w;
    }
    // terms no other article uses cannot make two articles alike; left in, they only shrink every similarity
    const kept = [...v].filter(([t]) => df.get(t)! >= 2);
    norm = Math.sqrt(kept.reduce((x, [, w]) => x + w * w, 0)) || 1;
    return new Map(kept.map(([t, w]) => [t, w / norm]));
  });
  const day = docs.map((d) => (d.article.published_date ? dayNumber(d.article.published_date) : null));
  // inverted index of each article's heaviest blockable terms
  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    const top = [...v]
      .filter(([t]) => df.get(t)! >= 2 && df.get(t)! <= MAX_POSTINGS)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, TOP_TERMS);
    for (const [t] of top) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  const shared = new Map<number, number>();
  for (const list of postings.values()) {
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const k = list[x]! * n + list[y]!;
        shared.set(k, (shared.get(k) ?? 0) + 1);
      }
  }
  const pairs: [number, number, number][] = [];
  const names = vectors.map((v) => {
    const kept = [...v].filter(([t]) => t.startsWith('@'));
    const norm = Math.sqrt(kept.reduce((x, [, w]) => x + w * w, 0)) || 1;
    return new Map(kept.map(([t, w]) => [t, w / norm]));
  });
  // one unit vector of both halves: its dot product is the mean of the content and the names similarities
  const joint: Vector[] = vectors.map((v, i) => {
    const out: Vector = new Map();
    for (const [t, w] of v) out.set(t, w * Math.SQRT1_2);
    for (const [t, w] of names[i]!) out.set(`#${t}`, w * Math.SQRT1_2);
    return out;
  });
  for (const [k, c] of shared) {
    if (c < MIN_SHARED) continue;
    const i = Math.floor(k / n),
      j = k - i * n;
    if (day[i] !== null && day[j] !== null && Math.abs(day[i]! - day[j]!) > STORY_WINDOW_DAYS) continue;
    const s = dot(joint[i]!, joint[j]!);
    if (s >= STORY_SIMILARITY) pairs.push([s, i, j]);
  }
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  // union-find with each cluster's centroid (sum of unit vectors, its squared norm) and publication span
  const parent = docs.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const sum: Vector[] = joint.map((v) => new Map(v));
  const sq = vectors.map(() => 1);
  const size = vectors.map(() => 1);
  const span = day.map((d) => (d === null ? null : ([d, d] as [number, number])));
  for (const [, i, j] of pairs) {
    const a = find(i),
      b = find(j);
    if (a === b) continue;
    const cross = dot(sum[a]!, sum[b]!);
    if (cross / Math.sqrt(sq[a]! * sq[b]!) < CENTROID_MIN || cross / (size[a]! * size[b]!) < AVERAGE_MIN) continue;
    const sa = span[a],
      sb = span[b];
    const merged: [number, number] | null = sa && sb ? [Math.min(sa[0], sb[0]), Math.max(sa[1], sb[1])] : (sa ?? sb ?? null);
    if (merged && merged[1] - merged[0] > MAX_STORY_DAYS) continue;
    const [root, child] = sum[a]!.size >= sum[b]!.size ? [a, b] : [b, a];
    parent[child] = root;
    for (const [t, w] of sum[child]!) sum[root]!.set(t, (sum[root]!.get(t) ?? 0) + w);
    sq[root] = sq[a]! + sq[b]! + 2 * cross;
    size[root] = size[a]! + size[b]!;
    span[root] = merged;
    sum[child] = new Map();
  }
  const members = new Map<number, number[]>();
  docs.forEach((_, i) => {
    const r = find(i);
    const list = members.get(r);
    if (list) list.push(i);
    else members.set(r, [i]);
  });
  const indexOf = new Map(docs.map((d, i) => [d.article.article_id, i]));
  const copiesOf = new Map<number, Document['article'][]>();
  for (const c of copies) {
    const r = find(indexOf.get(rootOf(c.article.article_id))!);
    const list = copiesOf.get(r);
    if (list) list.push(c.article);
    else copiesOf.set(r, [c.article]);
  }
  const storyOf = new Map<string, string>();
  const stories: StoryRow[] = [];
  for (const [root, idx] of members) {
    const own = idx.map((i) => docs[i]!.article);
    const first = [...own].sort(earliestFirst)[0]!;
    const arts = [...own, ...(copiesOf.get(root) ?? [])];
    const story_id = hashId('s', first.article_id);
    for (const a of arts) storyOf.set(a.article_id, story_id);
    const dates = arts
      .map((a) => a.published_date)
      .filter((d): d is string => !!d)
      .sort();
    const actorArts = new Map<string, number>();
    const placeArts = new Map<string, number>();
    for (const a of arts) {
      const ex = exOf.get(a.article_id);
      if (!ex) continue;
      const acts = new Set<string>(),
        places = new Set<string>();
      ex.mentions.forEach((m, i) => {
        const id = input.actorOf.get(ref(ex.article_id, i));
        if (id) (m.type === 'country' ? places : acts).add(id);
      });
      for (const e of ex.events) if (e.place) places.add(e.place);
      for (const x of acts) actorArts.set(x, (actorArts.get(x) ?? 0) + 1);
      for (const x of places) placeArts.set(x, (placeArts.get(x) ?? 0) + 1);
    }
    const top = (m: Map<string, number>) =>
      [...m]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .slice(0, 5)
        .map(([x]) => x);
    stories.push({
      story_id,
      title: first.title,
      article_count: arts.length,
      first_date: dates[0] ?? null,
      last_date: dates[dates.length - 1] ?? null,
      top_actors: top(actorArts),
      top_places: top(placeArts),
    });
  }
  return { stories, storyOf };
}

/** Earliest publication first (undated last), then article_id: the order that names a story. */
export function earliestFirst(a: Pick<ArticleRow, 'published_date' | 'article_id'>, b: Pick<ArticleRow, 'published_date' | 'article_id'>): number {
  const da = a.published_date ?? '9999-12-31',
    db = b.published_date ?? '9999-12-31';
  return da < db ? -1 : da > db ? 1 : a.article_id < b.article_id ? -1 : a.article_id > b.article_id ? 1 : 0;
}

/**
 * The date an undated article of a story is read against: the latest publication date of the story's dated
 * articles (a report of the same news is published no earlier than the first of them; "on Thursday" told
 * in the past resolves to the same day against any date of the week after it).
 */
export function storyReferenceDates(
  articles: readonly Pick<ArticleRow, 'article_id' | 'published_date'>[],
  storyOf: ReadonlyMap<string, string>,
): Map<string, string> {
  const latest = new Map<string, string>();
  for (const a of articles) {
    const s = storyOf.get(a.article_id);
    if (!s || !a.published_date) continue;
    const cur = latest.get(s);
    if (!cur || a.published_date > cur) latest.set(s, a.published_date);
  }
  return latest;
}
