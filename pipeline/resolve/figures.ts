/**
 * Figure groups (first pass): figures of one category and one normalized
 * unit are one measure.
 */
import type { ArticleRow, FigureGroupRow, FigureRow } from '../../schemas/index.ts';
import type { Extraction } from '../../schemas/pipeline.ts';
import { hashId } from '../lib/ids.ts';
import { ref, type RefMap } from './refs.ts';

export const normalizeUnit = (u: string | null): string | null => (u ? u.toLowerCase().replace(/[^\p{L}\p{N} ]+/gu, '').replace(/s$/, '').trim() || null : null);

export function groupFigures(extractions: readonly Extraction[], _articles: readonly ArticleRow[], actorOf: RefMap, eventOf: RefMap): { figures: FigureRow[]; figureGroups: FigureGroupRow[] } {
  const figures: FigureRow[] = extractions.flatMap((ex) =>
    ex.figures.map((f) => ({
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
      as_of: f.as_of,
      attributed_to: f.attributed_to === null ? null : actorOf.get(ref(ex.article_id, f.attributed_to)) ?? null,
      event_id: f.event === null ? null : eventOf.get(ref(ex.article_id, f.event)) ?? null,
      group_id: hashId('g', f.category, normalizeUnit(f.unit)),
    })),
  );
  const groups = new Map<string, FigureRow[]>();
  for (const f of figures) groups.set(f.group_id, [...(groups.get(f.group_id) ?? []), f]);
  const figureGroups: FigureGroupRow[] = [...groups].map(([group_id, fs]) => {
    const values = fs.map((f) => f.value);
    const latest = [...fs].sort((a, b) => ((a.as_of ?? '') < (b.as_of ?? '') ? 1 : (a.as_of ?? '') > (b.as_of ?? '') ? -1 : b.value - a.value))[0]!;
    const byDate = new Map<string, Set<number>>();
    for (const f of fs) if (f.as_of) byDate.set(f.as_of, (byDate.get(f.as_of) ?? new Set()).add(f.value));
    return {
      group_id,
      category: fs[0]!.category,
      unit: normalizeUnit(fs[0]!.unit),
      report_count: fs.length,
      article_count: new Set(fs.map((f) => f.article_id)).size,
      value_min: Math.min(...values),
      value_max: Math.max(...values),
      latest_value: latest.value,
      latest_as_of: latest.as_of,
      consistent: [...byDate.values()].every((s) => s.size === 1),
    };
  });
  return { figures, figureGroups };
}
