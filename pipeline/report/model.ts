/**
 * The report's data: a compact, deterministic digest of the published tables
 * (what the page inlines as JSON). Pure: no I/O, no clock; every list has an
 * explicit order; large tables are capped (most-reported rows first) and the
 * page says how many rows it leaves out.
 */
import type { ActorRow, ArticleRow, Dataset, EventRow, FigureGroupRow, FigureRow } from '../../schemas/index.ts';
import type { Quality } from '../../schemas/quality.ts';
import { REJECT_REASONS } from '../../schemas/rejects.ts';
import { ACTOR_TYPES, EVENT_TYPES, FIGURE_CATEGORIES } from '../../schemas/vocab.ts';

/** Row caps that keep the page to a few MB on corpora of thousands of articles. */
export const REPORT_LIMITS = {
  /** Events listed in the events table (and available to the charts). */
  events: 2000,
  /** Events drawn one by one on the timeline; the stacked overview counts them all. */
  timelinePoints: 1200,
  /** Sentences quoted per event. */
  mentionsPerEvent: 2,
  /** Figure groups listed in the table. */
  groups: 800,
  /** Figures listed per group. */
  figuresPerGroup: 8,
  /** Figure groups drawn as panels. */
  groupPanels: 12,
  /** Actors in the bar chart. */
  topActors: 20,
  /** Actors in the co-occurrence matrix. */
  matrixActors: 14,
  /** Characters kept of a sentence or summary. */
  sentenceChars: 320,
  /** Characters kept of a title. */
  titleChars: 110,
  /** Rows listed for rejects, duplicates and issues. */
  listed: 200,
} as const;

/** PLOVER colours: cooperation in blues and greens, verbal conflict in oranges, material conflict in reds and purples. */
export const EVENT_TYPE_COLORS: Readonly<Record<keyof typeof EVENT_TYPES, string>> = {
  AGREE: '#1b7837',
  CONSULT: '#2c7fb8',
  SUPPORT: '#41ab5d',
  CONCEDE: '#78c679',
  COOPERATE: '#0868ac',
  AID: '#00a6a6',
  RETREAT: '#7fcdbb',
  REQUEST: '#fdae61',
  ACCUSE: '#f46d43',
  REJECT: '#d8871f',
  THREATEN: '#e6550d',
  PROTEST: '#c51b7d',
  SANCTION: '#8856a7',
  MOBILIZE: '#6a51a3',
  COERCE: '#a50f15',
  ASSAULT: '#d7191c',
  OTHER: '#8c8c8c',
};

export const ACTOR_TYPE_COLORS: Readonly<Record<keyof typeof ACTOR_TYPES, string>> = {
  person: '#4c78a8',
  organization: '#f58518',
  country: '#54a24b',
  group: '#b279a2',
};

/** One article as the page shows it. */
export interface RArticle {
  readonly id: string;
  readonly title: string;
  readonly outlet: string | null;
  readonly date: string | null;
  readonly url: string | null;
  readonly path: string;
  readonly dup: string | null;
}

/**
 * One event with its evidence. `r`: [article_id, start, end] per reporting
 * article; `m`: [article_id, sentence key, trigger], the key "" when the
 * sentence is the summary `s` itself (stored once).
 */
export interface REvent {
  readonly id: string;
  readonly t: string;
  readonly s: string;
  readonly st: string;
  readonly d0: string | null;
  readonly d1: string | null;
  readonly p: string;
  readonly c: boolean;
  readonly r: readonly (readonly [string, string, string])[];
  readonly pl: string | null;
  /** Country (ISO 3166-1 alpha-3), latitude, longitude and geo_precision (1 town, 2 region, 3 country), null when not placed. */
  readonly co: string | null;
  readonly la: number | null;
  readonly lo: number | null;
  readonly gp: number | null;
  readonly na: number;
  readonly nm: number;
  readonly fr: string | null;
  readonly ac: readonly string[];
  readonly m: readonly (readonly [string, string, string])[];
}

export interface RActor {
  readonly id: string;
  readonly n: string;
  readonly t: string;
  readonly co: string | null;
  readonly ne: number;
  readonly nm: number;
}

export interface RFigure {
  readonly id: string;
  readonly a: string;
  readonly k: string;
  readonly x: string;
  readonly v: number;
  readonly lo: number | null;
  readonly hi: number | null;
  readonly q: string;
  readonly as: string | null;
  readonly at: string | null;
  readonly e: string | null;
}

export interface RGroup {
  readonly id: string;
  readonly c: string;
  readonly u: string | null;
  readonly co: string | null;
  readonly rc: number;
  readonly ac: number;
  readonly min: number;
  readonly max: number;
  readonly lv: number;
  readonly la: string | null;
  readonly ok: boolean;
  readonly f: readonly RFigure[];
}

export interface ReportModel {
  readonly meta: {
    readonly fingerprint: string;
    readonly counts: Readonly<Record<string, number>>;
    readonly shown: { readonly events: number; readonly groups: number; readonly articles: number };
  };
  readonly vocab: {
    readonly eventTypes: readonly (readonly [string, string, string])[];
    readonly actorTypes: readonly (readonly [string, string])[];
    readonly figureCategories: readonly (readonly [string, string])[];
  };
  /** Events per period and type over every event with a position (date_start, else first_reported). */
  readonly overview: {
    readonly unit: string;
    readonly bins: readonly (readonly [string, string, string, number])[];
    readonly undated: number;
    /** Events in the window known only to a month or year longer than a bin: not in the bars, drawn as spans on the timeline. */
    readonly coarse: number;
  };
  /** Timeline window [from, to], how many positioned events fall inside (all of them, listed or not) and outside it. */
  readonly window: { readonly from: string | null; readonly to: string | null; readonly inside: number; readonly outside: number };
  readonly events: readonly REvent[];
  /** Ids of the events drawn one by one on the timeline. */
  readonly timeline: readonly string[];
  readonly actors: readonly RActor[];
  readonly topActors: readonly string[];
  /** [actor a, actor b, shared events], a < b in topActors order; diagonal = events of the actor. */
  readonly pairs: readonly (readonly [string, string, number])[];
  readonly matrixActors: readonly string[];
  readonly groups: readonly RGroup[];
  readonly panels: readonly string[];
  readonly articles: readonly RArticle[];
  readonly sentences: Readonly<Record<string, string>>;
  readonly quality: {
    readonly inputs: Quality['inputs'];
    readonly rejects: readonly (readonly [string, number, string])[];
    readonly rejectList: readonly (readonly [string, string, string])[];
    readonly boilerplate: { readonly total: number; readonly articles: number; readonly byKind: readonly (readonly [string, number])[] };
    readonly duplicates: { readonly byKind: readonly (readonly [string, number])[]; readonly list: readonly (readonly [string, string, number | null])[] };
    readonly stages: readonly (readonly [string, number, number, number, number])[];
    readonly issues: readonly (readonly [string, number])[];
    readonly tables: readonly (readonly [string, number])[];
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const clip = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`);
const sentenceKey = (articleId: string, index: number): string => `${articleId}:${index}`;

const DAY_MS = 86_400_000;
const toDay = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;
const fromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Parses a dates_reported item "article_id=YYYY-MM-DD[/YYYY-MM-DD]"; null when malformed. */
export function parseDateReported(item: string): readonly [string, string, string] | null {
  const m = /^(.+)=(\d{4}-\d{2}-\d{2})(?:\/(\d{4}-\d{2}-\d{2}))?$/.exec(item);
  return m ? [m[1]!, m[2]!, m[3] ?? m[2]!] : null;
}

/** Bin unit for a span of days: days up to three months, weeks up to two years, months up to twenty years, else years. */
export function binUnit(spanDays: number): 'day' | 'week' | 'month' | 'year' {
  if (spanDays <= 92) return 'day';
  if (spanDays <= 730) return 'week';
  if (spanDays <= 7305) return 'month';
  return 'year';
}

/** [first day, day after the last] of the bin holding `iso`. */
export function binOf(iso: string, unit: 'day' | 'week' | 'month' | 'year'): readonly [string, string] {
  const y = +iso.slice(0, 4);
  const m = +iso.slice(5, 7);
  if (unit === 'year') return [`${String(y).padStart(4, '0')}-01-01`, `${String(y + 1).padStart(4, '0')}-01-01`];
  if (unit === 'month') return [fromDay(Date.UTC(y, m - 1, 1) / DAY_MS), fromDay(Date.UTC(y, m, 1) / DAY_MS)];
  const d = toDay(iso);
  if (unit === 'day') return [iso, fromDay(d + 1)];
  const monday = d - ((new Date(d * DAY_MS).getUTCDay() + 6) % 7);
  return [fromDay(monday), fromDay(monday + 7)];
}

/** True when a date known only to `precision` spans more than one bin of `unit` (a year-only date in a chart of months). */
export function coarserThanBin(precision: string, unit: 'day' | 'week' | 'month' | 'year'): boolean {
  if (precision === 'year') return unit !== 'year';
  if (precision === 'month') return unit === 'day' || unit === 'week';
  return false;
}

/**
 * Timeline window: the whole span, unless a few far-off dates (history recalled
 * in the text: "since 1948") would squash the rest. Dates split into clusters
 * at gaps of more than a year; when the largest cluster (ties: the latest)
 * holds more than half of the dates, the window is that cluster.
 */
export function timelineWindow(sortedDays: readonly string[]): { from: string | null; to: string | null } {
  if (sortedDays.length === 0) return { from: null, to: null };
  let best = { from: 0, to: 0 };
  let from = 0;
  for (let i = 1; i <= sortedDays.length; i++) {
    if (i < sortedDays.length && toDay(sortedDays[i]!) - toDay(sortedDays[i - 1]!) <= 365) continue;
    if (i - from >= best.to - best.from + 1) best = { from, to: i - 1 };
    from = i;
  }
  if (2 * (best.to - best.from + 1) <= sortedDays.length) return { from: sortedDays[0]!, to: sortedDays[sortedDays.length - 1]! };
  return { from: sortedDays[best.from]!, to: sortedDays[best.to]! };
}

const eventRank = (a: EventRow, b: EventRow): number =>
  Number(b.date_conflict) - Number(a.date_conflict) || b.article_count - a.article_count || b.mention_count - a.mention_count || cmp(a.event_id, b.event_id);

const eventOrder = (a: EventRow, b: EventRow): number =>
  cmp(a.date_start ?? '9999', b.date_start ?? '9999') ||
  cmp(a.first_reported ?? '9999', b.first_reported ?? '9999') ||
  cmp(a.event_type, b.event_type) ||
  cmp(a.event_id, b.event_id);

const groupOrder = (a: FigureGroupRow, b: FigureGroupRow): number =>
  Number(a.consistent) - Number(b.consistent) || b.article_count - a.article_count || b.report_count - a.report_count || cmp(a.group_id, b.group_id);

const figureOrder = (a: FigureRow, b: FigureRow): number =>
  cmp(a.as_of ?? '9999', b.as_of ?? '9999') ||
  a.value - b.value ||
  cmp(a.article_id, b.article_id) ||
  a.char_start - b.char_start ||
  cmp(a.figure_id, b.figure_id);

/** At most `k` items evenly spaced through a sorted list, first and last included (the spread of a large group). */
export function spread<T>(sorted: readonly T[], k: number): T[] {
  if (sorted.length <= k) return [...sorted];
  if (k <= 1) return sorted.slice(0, k);
  return Array.from({ length: k }, (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (k - 1))]!);
}

function countBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const x of xs) out.set(key(x), (out.get(key(x)) ?? 0) + 1);
  return out;
}

/** Builds the report's digest of a dataset and its quality summary. */
export function buildReportModel(d: Dataset, q: Quality): ReportModel {
  const L = REPORT_LIMITS;
  const sentences = new Map<string, string>();
  for (const s of d.sentences) sentences.set(sentenceKey(s.article_id, s.sentence_index), s.text);
  const usedSentences = new Map<string, string>();
  const useSentence = (articleId: string, index: number, fallback: string): string => {
    const k = sentenceKey(articleId, index);
    if (!usedSentences.has(k)) usedSentences.set(k, clip(sentences.get(k) ?? fallback, L.sentenceChars));
    return k;
  };
  const usedArticles = new Set<string>();

  // --- events
  const actorsByEvent = new Map<string, { id: string; w: number }[]>();
  const eventsByActor = new Map<string, Set<string>>();
  for (const ea of d.event_actors) {
    const list = actorsByEvent.get(ea.event_id) ?? [];
    const prev = list.find((x) => x.id === ea.actor_id);
    if (prev) prev.w += ea.mention_count;
    else list.push({ id: ea.actor_id, w: ea.mention_count });
    actorsByEvent.set(ea.event_id, list);
    const evs = eventsByActor.get(ea.actor_id) ?? new Set<string>();
    evs.add(ea.event_id);
    eventsByActor.set(ea.actor_id, evs);
  }
  const mentionsByEvent = new Map<string, (typeof d.event_mentions)[number][]>();
  for (const m of d.event_mentions) {
    const list = mentionsByEvent.get(m.event_id) ?? [];
    list.push(m);
    mentionsByEvent.set(m.event_id, list);
  }
  const keptEvents = [...d.events].sort(eventRank).slice(0, L.events).sort(eventOrder);
  const events: REvent[] = keptEvents.map((e) => {
    const summary = clip(e.summary, L.sentenceChars);
    const reported = e.dates_reported.map(parseDateReported).filter((x): x is readonly [string, string, string] => x !== null);
    for (const [a] of reported) usedArticles.add(a);
    const ms = [...(mentionsByEvent.get(e.event_id) ?? [])].sort((a, b) => cmp(a.article_id, b.article_id) || a.char_start - b.char_start);
    const perArticle = new Map<string, (typeof ms)[number]>();
    for (const m of ms) if (!perArticle.has(m.article_id)) perArticle.set(m.article_id, m);
    const picked = [...perArticle.values(), ...ms.filter((m) => perArticle.get(m.article_id) !== m)].slice(0, L.mentionsPerEvent);
    const m = picked.map((x) => {
      usedArticles.add(x.article_id);
      const k = sentenceKey(x.article_id, x.sentence_index);
      const text = clip(sentences.get(k) ?? x.text, L.sentenceChars);
      return [x.article_id, text === summary ? '' : useSentence(x.article_id, x.sentence_index, x.text), x.trigger] as const;
    });
    const ac = [...(actorsByEvent.get(e.event_id) ?? [])].sort((a, b) => b.w - a.w || cmp(a.id, b.id)).map((x) => x.id);
    return {
      id: e.event_id,
      t: e.event_type,
      s: summary,
      st: e.status,
      d0: e.date_start,
      d1: e.date_end,
      p: e.date_precision,
      c: e.date_conflict,
      r: reported,
      pl: e.place,
      co: e.country,
      la: e.lat,
      lo: e.lon,
      gp: e.geo_precision,
      na: e.article_count,
      nm: e.mention_count,
      fr: e.first_reported,
      ac,
      m,
    };
  });

  // --- overview over every event (not only the kept ones)
  const positioned = d.events
    .map((e) => e.date_start ?? e.first_reported)
    .filter((x): x is string => x !== null)
    .sort(cmp);
  const win = timelineWindow(positioned);
  const inWindow = (x: string) => win.from !== null && win.to !== null && x >= win.from && x <= win.to;
  const unit = binUnit(win.from && win.to ? toDay(win.to) - toDay(win.from) : 0);
  const bins = new Map<string, number>();
  let coarse = 0;
  for (const e of d.events) {
    const x = e.date_start ?? e.first_reported;
    if (x === null || !inWindow(x)) continue;
    // "in 2023" counted in the bin of 2023-01-01 would be a spike every January: an event known only to a
    // period longer than the bin is left out of the bars (the timeline draws it as a span)
    if (e.date_start !== null && coarserThanBin(e.date_precision, unit)) {
      coarse++;
      continue;
    }
    const [b0, b1] = binOf(x, unit);
    const k = `${b0}\t${b1}\t${e.event_type}`;
    bins.set(k, (bins.get(k) ?? 0) + 1);
  }
  const overview = {
    unit,
    bins: [...bins]
      .sort(([a], [b]) => cmp(a, b))
      .map(([k, n]) => {
        const [b0, b1, t] = k.split('\t') as [string, string, string];
        return [b0, b1, t, n] as const;
      }),
    undated: d.events.length - positioned.length,
    coarse,
  };
  const timeline = [...keptEvents]
    .filter((e) => {
      const x = e.date_start ?? e.first_reported;
      return x !== null && inWindow(x);
    })
    .sort(eventRank)
    .slice(0, L.timelinePoints)
    .map((e) => e.event_id)
    .sort(cmp);

  // --- actors
  const actorById = new Map<string, ActorRow>(d.actors.map((a) => [a.actor_id, a]));
  const activity = [...eventsByActor].map(([id, evs]) => ({ id, n: evs.size, nm: actorById.get(id)?.mention_count ?? 0 }));
  activity.sort((a, b) => b.n - a.n || b.nm - a.nm || cmp(a.id, b.id));
  const topActors = activity.slice(0, L.topActors).map((a) => a.id);
  const matrixActors = activity.slice(0, L.matrixActors).map((a) => a.id);
  const pairs: (readonly [string, string, number])[] = [];
  for (let i = 0; i < matrixActors.length; i++) {
    const a = eventsByActor.get(matrixActors[i]!)!;
    for (let j = i; j < matrixActors.length; j++) {
      const b = eventsByActor.get(matrixActors[j]!)!;
      let n = 0;
      for (const e of a) if (b.has(e)) n++;
      if (n > 0) pairs.push([matrixActors[i]!, matrixActors[j]!, n]);
    }
  }
  const actorIds = new Set<string>([...topActors, ...events.flatMap((e) => e.ac)]);

  // --- figures
  const figuresByGroup = new Map<string, FigureRow[]>();
  for (const f of d.figures) {
    const list = figuresByGroup.get(f.group_id) ?? [];
    list.push(f);
    figuresByGroup.set(f.group_id, list);
  }
  const keptGroups = [...d.figure_groups].sort(groupOrder).slice(0, L.groups);
  const groups: RGroup[] = keptGroups.map((g) => {
    const fs = spread([...(figuresByGroup.get(g.group_id) ?? [])].sort(figureOrder), L.figuresPerGroup);
    return {
      id: g.group_id,
      c: g.category,
      u: g.unit,
      co: g.country,
      rc: g.report_count,
      ac: g.article_count,
      min: g.value_min,
      max: g.value_max,
      lv: g.latest_value,
      la: g.latest_as_of,
      ok: g.consistent,
      f: fs.map((f) => {
        usedArticles.add(f.article_id);
        if (f.attributed_to) actorIds.add(f.attributed_to);
        return {
          id: f.figure_id,
          a: f.article_id,
          k: useSentence(f.article_id, f.sentence_index, f.text),
          x: f.text,
          v: f.value,
          lo: f.value_low,
          hi: f.value_high,
          q: f.qualifier,
          as: f.as_of,
          at: f.attributed_to,
          e: f.event_id,
        };
      }),
    };
  });
  const multi = groups.filter((g) => g.f.length >= 2);
  const panels = (multi.length > 0 ? multi : groups.filter((g) => g.f.length > 0)).slice(0, L.groupPanels).map((g) => g.id);

  // --- actors listed (those the page names)
  const actors: RActor[] = [...actorIds].sort(cmp).map((id) => {
    const a = actorById.get(id);
    return { id, n: a?.name ?? id, t: a?.type ?? 'organization', co: a?.country ?? null, ne: eventsByActor.get(id)?.size ?? 0, nm: a?.mention_count ?? 0 };
  });

  // --- articles the page links to
  const articles: RArticle[] = d.articles
    .filter((a: ArticleRow) => usedArticles.has(a.article_id))
    .sort((a, b) => cmp(a.source_path, b.source_path) || cmp(a.article_id, b.article_id))
    .map((a) => ({
      id: a.article_id,
      title: clip(a.title, L.titleChars),
      outlet: a.outlet,
      date: a.published_date,
      url: a.url,
      path: a.source_path,
      dup: a.duplicate_of,
    }));

  // --- quality
  const statsSum = (prefix: string): (readonly [string, number])[] => {
    const m = new Map<string, number>();
    for (const s of q.stages)
      for (const [k, v] of Object.entries(s.stats)) if (k.startsWith(prefix)) m.set(k.slice(prefix.length), (m.get(k.slice(prefix.length)) ?? 0) + v);
    return [...m].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
  };
  const issues = new Map<string, number>();
  for (const s of q.stages) for (const [k, v] of Object.entries(s.issues_by_code)) issues.set(`${s.stage} · ${k}`, (issues.get(`${s.stage} · ${k}`) ?? 0) + v);
  const pathById = new Map(d.articles.map((a) => [a.article_id, a.source_path]));
  const reasonText = REJECT_REASONS as Readonly<Record<string, string>>;
  const quality: ReportModel['quality'] = {
    inputs: q.inputs,
    rejects: Object.entries(q.rejects_by_reason)
      .sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))
      .map(([r, n]) => [r, n, reasonText[r] ?? ''] as const),
    rejectList: [...d.rejects]
      .sort((a, b) => cmp(a.path, b.path))
      .slice(0, L.listed)
      .map((r) => [r.path, r.reason, clip(r.message, L.sentenceChars)] as const),
    boilerplate: {
      total: d.articles.reduce((n, a) => n + a.boilerplate_removed, 0),
      articles: d.articles.filter((a) => a.boilerplate_removed > 0).length,
      byKind: statsSum('boilerplate:'),
    },
    duplicates: {
      byKind: statsSum('duplicates:'),
      list: d.articles
        .filter((a) => a.duplicate_of !== null)
        .sort((a, b) => cmp(a.source_path, b.source_path))
        .slice(0, L.listed)
        .map((a) => [a.source_path, pathById.get(a.duplicate_of!) ?? a.duplicate_of!, a.duplicate_similarity] as const),
    },
    stages: q.stages.map((s) => [s.stage, s.read, s.written, s.rejected, Object.values(s.issues_by_code).reduce((n, v) => n + v, 0)] as const),
    issues: [...issues].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])),
    tables: Object.entries(q.tables),
  };

  const typeCounts = countBy(d.events, (e) => e.event_type);
  return {
    meta: {
      fingerprint: q.input_fingerprint,
      counts: {
        articles: q.inputs.articles,
        duplicates: q.inputs.duplicates,
        rejects: q.inputs.rejects,
        events: d.events.length,
        event_mentions: d.event_mentions.length,
        actors: d.actors.length,
        figures: d.figures.length,
        figure_groups: d.figure_groups.length,
        quotes: d.quotes.length,
      },
      shown: { events: events.length, groups: groups.length, articles: articles.length },
    },
    vocab: {
      eventTypes: (Object.keys(EVENT_TYPES) as (keyof typeof EVENT_TYPES)[]).map(
        (t) => [t, EVENT_TYPE_COLORS[t], `${EVENT_TYPES[t]} (${typeCounts.get(t) ?? 0})`] as const,
      ),
      actorTypes: (Object.keys(ACTOR_TYPES) as (keyof typeof ACTOR_TYPES)[]).map((t) => [t, ACTOR_TYPE_COLORS[t]] as const),
      figureCategories: Object.entries(FIGURE_CATEGORIES),
    },
    overview,
    window: { from: win.from, to: win.to, inside: positioned.filter(inWindow).length, outside: positioned.filter((x) => !inWindow(x)).length },
    events,
    timeline,
    actors,
    topActors,
    pairs,
    matrixActors,
    groups,
    panels,
    articles,
    sentences: Object.fromEntries([...usedSentences].sort(([a], [b]) => cmp(a, b))),
    quality,
  };
}
