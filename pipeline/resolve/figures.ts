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

/** Figures rows with their group ids, and one figure_groups row per measure. */
export function groupFigures(extractions: readonly Extraction[], _articles: readonly ArticleRow[], actorOf: RefMap, eventOf: RefMap): { figures: FigureRow[]; figureGroups: FigureGroupRow[] } {
  const figures: FigureRow[] = [];
  const measures = new Map<string, { unit: string | null; country: string | null }>();
  for (const ex of extractions) {
    for (const f of ex.figures) {
      const m = measureOf(f);
      measures.set(m.key, { unit: m.unit, country: m.country });
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
      });
    }
  }
  const groups = new Map<string, FigureRow[]>();
  for (const f of figures) {
    const g = groups.get(f.group_id);
    if (g) g.push(f);
    else groups.set(f.group_id, [f]);
  }
  const figureGroups: FigureGroupRow[] = [...groups].map(([group_id, fs]) => {
    let min = Infinity;
    let max = -Infinity;
    for (const f of fs) {
      min = Math.min(min, f.value);
      max = Math.max(max, f.value);
    }
    const latest = [...fs].sort(byAsOfThenValue)[0]!;
    // reports for the same date disagree when their bounds cannot both hold
    const byDate = new Map<string, FigureRow[]>();
    for (const f of fs) if (f.as_of) pushTo(byDate, f.as_of, f);
    const consistent = [...byDate.values()].every((same) => {
      const lo = Math.max(...same.map((f) => f.value_low ?? (f.qualifier === 'exact' ? f.value : -Infinity)));
      const hi = Math.min(...same.map((f) => f.value_high ?? (f.qualifier === 'exact' ? f.value : Infinity)));
      return lo <= hi;
    });
    const m = measures.get(group_id)!;
    return {
      group_id,
      category: fs[0]!.category,
      unit: m.unit,
      country: m.country,
      report_count: fs.length,
      article_count: new Set(fs.map((f) => f.article_id)).size,
      value_min: min,
      value_max: max,
      latest_value: latest.value,
      latest_as_of: latest.as_of,
      consistent,
    };
  });
  return { figures, figureGroups };
}
