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
import type { ArticleRow, FigureGroupRow, FigureRow } from '../../schemas/index.ts';
import type { Extraction, FigureX } from '../../schemas/pipeline.ts';
import { singular } from '../extract/figures/context.ts';
import { DEMONYM_COUNTRY, PEOPLE_NOUNS, UNIT_SYNONYMS } from '../extract/figures/lexicon.ts';
import { hashId } from '../lib/ids.ts';
import { pushTo, ref, type RefMap } from './refs.ts';

const PERSON_CATEGORIES = new Set(['killed', 'injured', 'abducted', 'displaced', 'arrested', 'missing']);
/** Adjectives used as nouns for the people they describe ("36 dead"). */
const PEOPLE_ADJECTIVES = new Set(['dead', 'wounded', 'injured', 'missing', 'displaced', 'detained', 'abducted', 'kidnapped']);

/**
 * Normalized unit: lowercase singular head noun mapped through the synonym
 * map; people-nouns and demonyms → "people"; null stays null.
 */
export function normalizeUnit(unit: string | null): string | null {
  if (!unit) return null;
  const words = unit.toLowerCase().replace(/[^\p{L}\p{N}\s'-]+/gu, ' ').trim().split(/\s+/).filter(Boolean);
  const head = words[words.length - 1];
  if (!head) return null;
  if (PEOPLE_NOUNS.has(head) || PEOPLE_ADJECTIVES.has(head) || DEMONYM_COUNTRY.has(head)) return 'people';
  const one = singular(head);
  if (PEOPLE_NOUNS.has(one)) return 'people';
  // compound heads keep their modifier when it is a plain noun ("security forces" → "security force")
  const base = UNIT_SYNONYMS[one] ?? one;
  const mod = words.length > 1 ? words[words.length - 2]! : null;
  return mod && !DEMONYM_COUNTRY.has(mod) && /^(?:security|police|medical|health|aid|government|civil|rescue|un|army|military)$/.test(mod) ? `${mod} ${base}` : base;
}

/** The measure a figure reports: category, normalized unit and, for people harmed, the place. */
export function measureOf(f: Pick<FigureX, 'category' | 'unit' | 'country'>): { unit: string | null; country: string | null; key: string } {
  const person = PERSON_CATEGORIES.has(f.category);
  const unit = normalizeUnit(f.unit) ?? (person ? 'people' : null);
  const country = person ? f.country : null;
  return { unit, country, key: hashId('g', f.category, unit, country) };
}

const byAsOfThenValue = (a: FigureRow, b: FigureRow) =>
  (a.as_of ?? '') < (b.as_of ?? '') ? 1 : (a.as_of ?? '') > (b.as_of ?? '') ? -1 : b.value - a.value;

/** Reports of one measure are at most this many days apart (as_of). */
export const GROUP_WINDOW_DAYS = 31;
/** Reports of one measure differ by at most this factor (largest / smallest value). */
export const GROUP_VALUE_FACTOR = 3;
/** An actor named by more articles of a block than this says nothing about the story (like a stop word). */
const COMMON_ACTOR = 50;

const dayOf = (iso: string | null): number | null => (iso ? Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000) : null);

/** True when two reports can be the same measure: as_of within the window, values of the same order. */
function compatible(a: FigureRow, b: FigureRow): boolean {
  const da = dayOf(a.as_of);
  const db = dayOf(b.as_of);
  if (da !== null && db !== null && Math.abs(da - db) > GROUP_WINDOW_DAYS) return false;
  const lo = Math.min(Math.abs(a.value), Math.abs(b.value));
  const hi = Math.max(Math.abs(a.value), Math.abs(b.value));
  return hi === 0 || lo > 0 && hi / lo <= GROUP_VALUE_FACTOR;
}

/** Union-find over row indexes (path halving). */
function find(parent: number[], x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]!]!;
    x = parent[x]!;
  }
  return x;
}

/** What ties an article to a story: its resolved events and actors (countries apart: they name places, not stories). */
interface ArticleTies {
  readonly events: ReadonlySet<string>;
  readonly actors: ReadonlySet<string>;
  readonly countries: ReadonlySet<string>;
}

function articleTies(ex: Extraction, actorOf: RefMap, eventOf: RefMap): ArticleTies {
  const events = new Set<string>();
  const actors = new Set<string>();
  const countries = new Set<string>();
  ex.events.forEach((_, i) => {
    const id = eventOf.get(ref(ex.article_id, i));
    if (id) events.add(id);
  });
  ex.mentions.forEach((m, i) => {
    const id = actorOf.get(ref(ex.article_id, i));
    if (id) (m.type === 'country' ? countries : actors).add(id);
  });
  return { events, actors, countries };
}

/**
 * Figures rows with their group ids, and one figure_groups row per group.
 *
 * A group is one measure of one story: figures of the same block (category,
 * normalized unit and, for people harmed, place; see {@link measureOf}) whose
 * as_of are within {@link GROUP_WINDOW_DAYS} days and whose values are within
 * a factor {@link GROUP_VALUE_FACTOR}, in the same article or in two articles
 * tied to the same story: they share a resolved event, or a named actor
 * (person, organization, group) and one more actor or country (for money,
 * participants and other counts: two named actors and stated dates on both
 * figures, since the unit alone does not name the measure). An actor named
 * by more than 50 articles of the block does not tie them. Candidate article
 * pairs come from an inverted index of events and actors within each block,
 * so the work grows with the pairs that share something, not with the square
 * of the block. Group ids are content-derived: the block and the earliest
 * figure of the group. A group never spreads beyond the value factor or the
 * day window as a whole (a union that would stretch it is refused, so reports
 * do not chain from millions to billions). Figures of duplicate articles keep
 * their group but are not counted in report_count and article_count.
 */
export function groupFigures(extractions: readonly Extraction[], articles: readonly ArticleRow[], actorOf: RefMap, eventOf: RefMap): { figures: FigureRow[]; figureGroups: FigureGroupRow[] } {
  const figures: FigureRow[] = [];
  const blockOf: string[] = [];
  const measures = new Map<string, { unit: string | null; country: string | null }>();
  const ties = new Map<string, ArticleTies>();
  for (const ex of extractions) {
    if (ex.figures.length) ties.set(ex.article_id, articleTies(ex, actorOf, eventOf));
    for (const f of ex.figures) {
      const m = measureOf(f);
      measures.set(m.key, { unit: m.unit, country: m.country });
      blockOf.push(m.key);
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
        unit_normalized: m.unit,
        country: f.country,
        as_of: f.as_of,
        as_of_basis: f.as_of_basis,
        attributed_to: f.attributed_to === null ? null : actorOf.get(ref(ex.article_id, f.attributed_to)) ?? null,
        event_id: f.event === null ? null : eventOf.get(ref(ex.article_id, f.event)) ?? null,
        group_id: m.key,
        rule: f.rule,
      });
    }
  }
  const parent = figures.map((_, i) => i);
  // each group's value and day span: a union that would stretch it beyond one measure's spread is refused (no chaining)
  const lo = figures.map((f) => Math.abs(f.value));
  const hi = figures.map((f) => Math.abs(f.value));
  const d0 = figures.map((f) => dayOf(f.as_of));
  const d1 = figures.map((f) => dayOf(f.as_of));
  const union = (a: number, b: number) => {
    const ra = find(parent, a);
    const rb = find(parent, b);
    if (ra === rb) return;
    const l = Math.min(lo[ra]!, lo[rb]!);
    const h = Math.max(hi[ra]!, hi[rb]!);
    if (h > 0 && (l === 0 || h / l > GROUP_VALUE_FACTOR)) return;
    const days = [d0[ra], d1[ra], d0[rb], d1[rb]].filter((d): d is number => d !== null && d !== undefined);
    if (days.length && Math.max(...days) - Math.min(...days) > GROUP_WINDOW_DAYS) return;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent[child] = root;
    lo[root] = l;
    hi[root] = h;
    d0[root] = days.length ? Math.min(...days) : null;
    d1[root] = days.length ? Math.max(...days) : null;
  };
  const blocks = new Map<string, number[]>();
  figures.forEach((_, i) => pushTo(blocks, blockOf[i]!, i));
  for (const members of blocks.values()) {
    const byArticle = new Map<string, number[]>();
    for (const i of members) pushTo(byArticle, figures[i]!.article_id, i);
    // money, participants and other counts: the unit does not name the measure, so two articles need a shared event,
    // or two shared named actors and stated dates on both sides
    const person = PERSON_CATEGORIES.has(figures[members[0]!]!.category);
    const linkArticles = (a: string, b: string, strong = true) => {
      for (const i of byArticle.get(a)!) {
        for (const j of byArticle.get(b)!) {
          if (!strong && (figures[i]!.as_of === null || figures[j]!.as_of === null)) continue;
          if (compatible(figures[i]!, figures[j]!)) union(i, j);
        }
      }
    };
    for (const a of byArticle.keys()) linkArticles(a, a);
    if (byArticle.size < 2) continue;
    // inverted index: event / actor → articles of this block naming it
    const index = new Map<string, string[]>();
    for (const a of byArticle.keys()) {
      const t = ties.get(a)!;
      for (const e of t.events) pushTo(index, `e:${e}`, a);
      for (const x of t.actors) pushTo(index, `a:${x}`, a);
    }
    for (const a of [...byArticle.keys()].sort()) {
      const t = ties.get(a)!;
      const shared = new Map<string, { event: boolean; actors: number }>();
      const note = (key: string, event: boolean) => {
        const list = index.get(key);
        if (!list || list.length > COMMON_ACTOR) return;
        for (const b of list) {
          if (b <= a) continue;
          const s = shared.get(b) ?? { event: false, actors: 0 };
          shared.set(b, event ? { ...s, event: true } : { ...s, actors: s.actors + 1 });
        }
      };
      for (const e of t.events) note(`e:${e}`, true);
      for (const x of t.actors) note(`a:${x}`, false);
      for (const [b, s] of [...shared].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
        if (!s.event) {
          if (s.actors < 1 || !person && s.actors < 2) continue;
          if (s.actors < 2) {
            const u = ties.get(b)!;
            let common = false;
            for (const c of t.countries) if (u.countries.has(c)) common = true;
            if (!common) continue;
          }
        }
        linkArticles(a, b, person || s.event);
      }
    }
  }
  const duplicate = new Set(articles.filter((a) => a.duplicate_of !== null).map((a) => a.article_id));
  const groups = new Map<number, FigureRow[]>();
  figures.forEach((f, i) => pushTo(groups, find(parent, i), f));
  const figureGroups: FigureGroupRow[] = [];
  for (const [root, fs] of groups) {
    const first = [...fs].sort((a, b) => ((a.as_of ?? '') < (b.as_of ?? '') ? -1 : (a.as_of ?? '') > (b.as_of ?? '') ? 1 : a.figure_id < b.figure_id ? -1 : a.figure_id > b.figure_id ? 1 : 0))[0]!;
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
    figureGroups.push({
      group_id,
      category: fs[0]!.category,
      unit: m.unit,
      country: m.country,
      report_count: rows.length,
      article_count: new Set(rows.map((f) => f.article_id)).size,
      value_min: min,
      value_max: max,
      latest_value: latest.value,
      latest_as_of: latest.as_of,
      consistent,
    });
  }
  return { figures, figureGroups };
}
