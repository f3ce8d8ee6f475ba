/**
 * Figure groups: the same measure reported by one or more articles.
 *
 * A measure is (category, normalized unit, place). The unit is normalized to
 * its singular head noun ("Palestinian factions" → "organization" through the
 * small synonym map in pipeline/lexicons/figure-words.json; generic
 * people-nouns and plural demonyms → "people"; no unit on a count of people
 * harmed → "people"). For counts of people harmed (killed, injured, abducted,
 * displaced, arrested, missing) the place of the people counted is part of the
 * measure ("people killed in Gaza" is not "people killed in Israel"); for
 * participants, money and other counts it is not (the counted groups'
 * nationality does not name a different measure). Sub-groups (civilians,
 * children, soldiers) are their own measures. Group ids are content-derived.
 */
import type { ArticleRow, FigureGroupRow, ResolvedFigureRow as FigureRow } from '../../schemas/index.ts';
import type { Extraction, FigureX } from '../../schemas/pipeline.ts';
import { singular } from '../extract/figures/context.ts';
import { DEMONYM_COUNTRY, PEOPLE_NOUNS, UNIT_SYNONYMS } from '../extract/figures/lexicon.ts';
import { hashId } from '../lib/ids.ts';
import { ref, type RefMap } from './refs.ts';
import { pushTo } from '../lib/maps.ts';

const PERSON_CATEGORIES = new Set(['killed', 'injured', 'abducted', 'displaced', 'arrested', 'missing']);
/** Adjectives used as nouns for the people they describe ("36 dead"). */
const PEOPLE_ADJECTIVES = new Set(['dead', 'wounded', 'injured', 'missing', 'displaced', 'detained', 'abducted', 'kidnapped']);

/** Prepositions that end the head of a unit phrase. */
const HEAD_PREPOSITIONS = new Set(['of', 'for', 'in', 'at', 'on', 'from', 'among', 'across']);

/**
 * Normalized unit: lowercase singular head noun mapped through the synonym
 * map; people-nouns and demonyms → "people"; null stays null.
 */
export function normalizeUnit(unit: string | null): string | null {
  if (!unit) return null;
  const words = unit
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s'-]+/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  // a noun phrase with a preposition has its head before it ("support for the plan" → support)
  const prep = words.findIndex((w, k) => k > 0 && HEAD_PREPOSITIONS.has(w));
  if (prep > 0) words.length = prep;
  const head = words[words.length - 1];
  if (!head) return null;
  // "11 other factions", "12 more people": a remainder or an increment, not the same measure as the total
  const rest = words.slice(0, -1).some((w) => REMAINDER_WORDS.has(w));
  const base = baseUnit(words, head);
  return rest ? `other ${base}` : base;
}

/** Words that make a count a remainder or an increment of another ("other", "more", "additional"). */
const REMAINDER_WORDS = new Set(['other', 'more', 'additional', 'further']);

function baseUnit(words: readonly string[], head: string): string {
  if (PEOPLE_NOUNS.has(head) || PEOPLE_ADJECTIVES.has(head) || DEMONYM_COUNTRY.has(head)) return 'people';
  const one = singular(head);
  if (PEOPLE_NOUNS.has(one)) return 'people';
  // compound heads keep their modifier when it is a plain noun ("security forces" → "security force")
  const base = UNIT_SYNONYMS[one] ?? one;
  const mod = words.length > 1 ? words[words.length - 2]! : null;
  return mod && !DEMONYM_COUNTRY.has(mod) && /^(?:security|police|medical|health|aid|government|civil|rescue|un|army|military)$/.test(mod)
    ? `${mod} ${base}`
    : base;
}

/** The measure a figure reports: category, normalized unit and, for people harmed, the place. */
export function measureOf(f: Pick<FigureX, 'category' | 'unit' | 'country' | 'measure'>): { unit: string | null; country: string | null; key: string } {
  const person = PERSON_CATEGORIES.has(f.category);
  const unit = f.measure ?? normalizeUnit(f.unit) ?? (person ? 'people' : null);
  const country = person ? f.country : null;
  return { unit, country, key: hashId('g', f.category, unit, country) };
}

const byAsOfThenValue = (a: FigureRow, b: FigureRow) => ((a.as_of ?? '') < (b.as_of ?? '') ? 1 : (a.as_of ?? '') > (b.as_of ?? '') ? -1 : b.value - a.value);

/** Reports of one measure are at most this many days apart (as_of). */
export const GROUP_WINDOW_DAYS = 31;
/** Reports of one measure differ by at most this factor (largest / smallest value). */
export const GROUP_VALUE_FACTOR = 3;

const dayOf = (iso: string | null): number | null => (iso ? Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000) : null);

/** True when two reports can be the same measure: as_of within the window, values of the same order. */
function compatible(a: FigureRow, b: FigureRow): boolean {
  const da = dayOf(a.as_of);
  const db = dayOf(b.as_of);
  if (da !== null && db !== null && Math.abs(da - db) > GROUP_WINDOW_DAYS) return false;
  const lo = Math.min(Math.abs(a.value), Math.abs(b.value));
  const hi = Math.max(Math.abs(a.value), Math.abs(b.value));
  if (hi === 0 || (lo > 0 && hi / lo <= GROUP_VALUE_FACTOR)) return true;
  // a toll of people harmed grows as days pass: a later report may be any multiple of an earlier one
  return (
    PERSON_CATEGORIES.has(a.category) &&
    da !== null &&
    db !== null &&
    da !== db &&
    rising([
      [da, a.value],
      [db, b.value],
    ])
  );
}

/** Reports of a toll told on different days never fall by more than this share as days advance. */
export const TOLL_DROP = 0.1;

/** Whether dated reports form a rising toll: every day's values are at least (1 - TOLL_DROP) × every earlier day's, and one day's values are within the factor. */
export function rising(points: readonly (readonly [number, number])[]): boolean {
  const byDay = new Map<number, [number, number]>();
  for (const [d, v] of points) {
    const cur = byDay.get(d);
    byDay.set(d, cur ? [Math.min(cur[0], v), Math.max(cur[1], v)] : [v, v]);
  }
  let maxBefore = -Infinity;
  for (const [, [lo, hi]] of [...byDay].sort((x, y) => x[0] - y[0])) {
    if (lo <= 0 || hi / lo > GROUP_VALUE_FACTOR || lo < maxBefore * (1 - TOLL_DROP)) return false;
    maxBefore = Math.max(maxBefore, hi);
  }
  return true;
}

/** Union-find over row indexes (path halving). */
function find(parent: number[], x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]!]!;
    x = parent[x]!;
  }
  return x;
}

/**
 * The unit class of a block: civilians are counted as people (outlets give one toll of an attack as "people"
 * or "civilians"); combatants, children and every other unit stay their own class. Within one article two
 * units are never one measure (see groupFigures).
 */
export function unitClass(unit: string | null): string | null {
  return unit === 'civilian' ? 'people' : unit;
}

/** Candidate lists longer than this pair each figure only with its NEIGHBOURS nearest by value (keeps linking sub-quadratic). */
const MAX_CANDIDATES = 256;
const NEIGHBOURS = 16;

/** Reports of money, participants and other counts (not people harmed) in one group differ by at most this factor. */
export const CROSS_VALUE_FACTOR = 1.25;

/**
 * Figures rows with their group ids, and one figure_groups row per group.
 *
 * A group is one measure of one happening: figures of the same block
 * (category and normalized unit; see {@link measureOf}) whose as_of are
 * within {@link GROUP_WINDOW_DAYS} days and whose values are within a factor
 * {@link GROUP_VALUE_FACTOR}, in the same article, in two articles whose
 * figures are linked to the same resolved event, or in two articles of the
 * same story (./stories.ts). For counts of people harmed the place of the
 * people counted must agree (a figure with no country joins either); for
 * money, participants and other counts the whole group stays within
 * {@link CROSS_VALUE_FACTOR} (the unit alone does not name the measure: a
 * bid and a debt are both money). Candidates come from the block's articles grouped by story and
 * by event, so the work grows with the figures that share something, not with
 * the square of the block. A group never spreads beyond the value factor, the
 * day window or one country as a whole (a union that would stretch it is
 * refused, so reports do not chain from millions to billions). Group ids are
 * content-derived: the block and the earliest figure of the group (as_of,
 * then figure_id). Figures of duplicate articles keep their group but are not
 * counted in report_count, article_count and series.
 */
export function groupFigures(
  extractions: readonly Extraction[],
  articles: readonly ArticleRow[],
  actorOf: RefMap,
  eventOf: RefMap,
  storyOf: ReadonlyMap<string, string> = new Map(),
): { figures: FigureRow[]; figureGroups: FigureGroupRow[] } {
  const figures: FigureRow[] = [];
  const blockOf: string[] = [];
  const measures = new Map<string, { unit: string | null }>();
  for (const ex of extractions) {
    for (const f of ex.figures) {
      // a share is a measure of what it is a share of ("% of vote"), not of every percentage
      const m = measureOf(f.category === 'share' ? { ...f, unit: `% of ${f.share_of ?? ''}` } : f);
      const block = hashId('g', f.category, unitClass(m.unit));
      measures.set(block, { unit: unitClass(m.unit) });
      blockOf.push(block);
      figures.push({
        figure_id: hashId('f', ex.article_id, f.char_start, f.char_end),
        article_id: ex.article_id,
        sentence_index: f.sentence_index,
        char_start: f.char_start,
        char_end: f.char_end,
        text: f.text,
        value: f.value,
        value_low: f.value_low,
        value_high: f.value_high,
        qualifier: f.qualifier,
        category: f.category,
        unit: f.unit,
        share_of: f.share_of ?? null,
        unit_normalized: m.unit,
        country: f.country,
        as_of: f.as_of,
        as_of_basis: f.as_of_basis,
        attributed_to: f.attributed_to === null ? null : (actorOf.get(ref(ex.article_id, f.attributed_to)) ?? null),
        event_id: f.event === null ? null : (eventOf.get(ref(ex.article_id, f.event)) ?? null),
        group_id: m.key,
        rule: f.rule,
      });
    }
  }
  const parent = figures.map((_, i) => i);
  // each group's value and day span and country: a union that would stretch it beyond one measure is refused (no chaining)
  const lo = figures.map((f) => Math.abs(f.value));
  const hi = figures.map((f) => Math.abs(f.value));
  const d0 = figures.map((f) => dayOf(f.as_of));
  const d1 = figures.map((f) => dayOf(f.as_of));
  const person = figures.map((f) => PERSON_CATEGORIES.has(f.category));
  const ctry = figures.map((f, i) => (person[i] ? f.country : null));
  // each group's dated reports (day, value), or null once it holds an undated one: a rising toll may exceed the factor
  const points = figures.map((f) => (dayOf(f.as_of) === null ? null : [[dayOf(f.as_of)!, Math.abs(f.value)] as [number, number]]));
  const union = (a: number, b: number) => {
    const ra = find(parent, a);
    const rb = find(parent, b);
    if (ra === rb) return;
    if (ctry[ra] && ctry[rb] && ctry[ra] !== ctry[rb]) return;
    const l = Math.min(lo[ra]!, lo[rb]!);
    const h = Math.max(hi[ra]!, hi[rb]!);
    const sa = points[ra],
      sb = points[rb];
    const joined = sa && sb ? [...sa, ...sb] : null;
    if (h > 0 && (l === 0 || h / l > GROUP_VALUE_FACTOR) && !(person[ra] && joined && rising(joined))) return;
    // money, participants and other counts: one measure is one amount, told alike (a bid and a tax bill are two)
    if (!person[ra] && h > 0 && h / l > CROSS_VALUE_FACTOR) return;
    const days = [d0[ra], d1[ra], d0[rb], d1[rb]].filter((d): d is number => d !== null && d !== undefined);
    if (days.length && Math.max(...days) - Math.min(...days) > GROUP_WINDOW_DAYS) return;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent[child] = root;
    lo[root] = l;
    hi[root] = h;
    d0[root] = days.length ? Math.min(...days) : null;
    d1[root] = days.length ? Math.max(...days) : null;
    ctry[root] = ctry[ra] ?? ctry[rb] ?? null;
    points[root] = joined;
    points[child] = null;
  };
  const close = (i: number, j: number) => {
    const a = Math.abs(figures[i]!.value),
      b = Math.abs(figures[j]!.value);
    return Math.max(a, b) === 0 || (Math.min(a, b) > 0 && Math.max(a, b) / Math.min(a, b) <= CROSS_VALUE_FACTOR);
  };
  const blocks = new Map<string, number[]>();
  figures.forEach((_, i) => pushTo(blocks, blockOf[i]!, i));
  for (const members of blocks.values()) {
    // in one article; then in one event; then in one story (the candidates: figures sharing an article, event or story)
    const byKey = new Map<string, number[]>();
    for (const i of members) {
      const f = figures[i]!;
      pushTo(byKey, `a:${f.article_id}`, i);
      if (f.event_id) pushTo(byKey, `e:${f.event_id}`, i);
      pushTo(byKey, `s:${storyOf.get(f.article_id) ?? f.article_id}`, i);
    }
    for (const [k, all] of [...byKey].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
      const kind = k[0];
      // a very large candidate list (a long story, a busy event): each figure meets its neighbours by value only
      const big = all.length > MAX_CANDIDATES;
      const list = big ? [...all].sort((x, y) => Math.abs(figures[x]!.value) - Math.abs(figures[y]!.value) || x - y) : all;
      for (let x = 0; x < list.length; x++)
        for (let y = x + 1; y < (big ? Math.min(list.length, x + 1 + NEIGHBOURS) : list.length); y++) {
          const i = list[x]!,
            j = list[y]!;
          const sameArticle = figures[i]!.article_id === figures[j]!.article_id;
          if (kind !== 'a' && sameArticle) continue;
          // one article naming two nouns tells two measures ("1,200 people, among them 800 civilians")
          if (sameArticle && figures[i]!.unit_normalized !== figures[j]!.unit_normalized) continue;
          if (!person[i] && !close(i, j)) continue;
          if (compatible(figures[i]!, figures[j]!)) union(i, j);
        }
    }
  }
  const duplicate = new Set(articles.filter((a) => a.duplicate_of !== null).map((a) => a.article_id));
  const groups = new Map<number, FigureRow[]>();
  figures.forEach((f, i) => pushTo(groups, find(parent, i), f));
  const figureGroups: FigureGroupRow[] = [];
  for (const [root, fs] of groups) {
    const first = [...fs].sort((a, b) =>
      (a.as_of ?? '') < (b.as_of ?? '') ? -1 : (a.as_of ?? '') > (b.as_of ?? '') ? 1 : a.figure_id < b.figure_id ? -1 : a.figure_id > b.figure_id ? 1 : 0,
    )[0]!;
    const block = blockOf[root]!;
    const group_id = hashId('g', block, first.figure_id);
    for (const f of fs) f.group_id = group_id;
    const counted = fs.filter((f) => !duplicate.has(f.article_id));
    const rows = counted.length ? counted : fs;
    let min = Infinity;
    let max = -Infinity;
    for (const f of rows) {
      min = Math.min(min, f.value);
      max = Math.max(max, f.value);
    }
    const latest = [...rows].sort(byAsOfThenValue)[0]!;
    // reports for the same date disagree when their bounds cannot both hold
    const byDate = new Map<string, FigureRow[]>();
    for (const f of rows) if (f.as_of) pushTo(byDate, f.as_of, f);
    const consistent = [...byDate.values()].every((same) => {
      const lo = Math.max(...same.map((f) => f.value_low ?? (f.qualifier === 'exact' ? f.value : -Infinity)));
      const hi = Math.min(...same.map((f) => f.value_high ?? (f.qualifier === 'exact' ? f.value : Infinity)));
      return lo <= hi;
    });
    const m = measures.get(block)!;
    // the as-of series: each counted report, oldest first
    const series = [...rows]
      .sort((a, b) =>
        (a.as_of ?? '') < (b.as_of ?? '') ? -1 : (a.as_of ?? '') > (b.as_of ?? '') ? 1 : a.figure_id < b.figure_id ? -1 : a.figure_id > b.figure_id ? 1 : 0,
      )
      .map((f) => `${f.value}@${f.as_of ?? ''}@${f.article_id}`);
    figureGroups.push({
      group_id,
      category: fs[0]!.category,
      unit: m.unit,
      country: ctry[root] ?? null,
      report_count: rows.length,
      article_count: new Set(rows.map((f) => f.article_id)).size,
      value_min: min,
      value_max: max,
      latest_value: latest.value,
      latest_as_of: latest.as_of,
      consistent,
      series,
    });
  }
  return { figures, figureGroups };
}
