/**
 * After cross-referencing: each event cites itself (the outlets and urls of
 * the articles that report it, as ACLED's `source` and UCDP's
 * `source_article`), carries its fatalities from the killed figures linked
 * to it (UCDP's low / best / high), and is placed on the map (lib/geo.ts);
 * each figure gets its currency (resolve/money.ts) and its place. Applied
 * at the end of 04-cross-reference; resolve/events.ts and figures.ts do not
 * know about these columns.
 */
import { LIST_SEPARATOR } from '../../schemas/columns.ts';
import type { ArticleRow, EventMentionRow, EventRow, FigureRow, ResolvedEventRow, ResolvedFigureRow } from '../../schemas/index.ts';
import { geocode, type GeoMatch } from '../lib/geo.ts';
import { currencyOf } from './money.ts';

/** The largest count of dead one happening is taken to report: beyond it a "killed" figure is a misread amount (a sum of money near the verb), which would also overflow the integer columns. */
export const MAX_TOLL = 100_000_000;

/** The fatality rule, printed in the codebook. */
export const FATALITIES_RULE =
  '**Fatalities** (`events.fatalities_best/low/high`, as UCDP codes best/low/high estimates) come from the figures of category `killed` linked to the event (`figures.event_id`), from every reporting article: `fatalities_low` is the smallest of their `value_low` (else `value`), `fatalities_high` the largest of their `value_high` (else `value`), `fatalities_best` the largest `value` among the reports with the latest `as_of` (death tolls grow as counts come in, so the latest report is the best estimate; an undated report counts as the oldest). Exact and approximate reports are preferred for the best estimate over "at least"/"up to" ones. Figures of one article are not added up (two counts in one article may overlap). No killed figure: all three empty (unknown, not zero). A killed figure above ' +
  MAX_TOLL.toLocaleString('en') +
  ' (more than any war has killed) is a misread amount and counts for none of them.';

const listItem = (s: string) => s.split(LIST_SEPARATOR).join(' / ');

/** UCDP-style low / best / high from the killed figures of one event. */
export function fatalities(
  killed: readonly Pick<FigureRow, 'value' | 'value_low' | 'value_high' | 'as_of' | 'qualifier'>[],
): Pick<EventRow, 'fatalities_best' | 'fatalities_low' | 'fatalities_high'> {
  killed = killed.filter((f) => f.value <= MAX_TOLL && (f.value_high ?? f.value) <= MAX_TOLL);
  if (killed.length === 0) return { fatalities_best: null, fatalities_low: null, fatalities_high: null };
  const int = (v: number) => Math.max(0, Math.round(v));
  const low = Math.min(...killed.map((f) => f.value_low ?? f.value));
  const high = Math.max(...killed.map((f) => f.value_high ?? f.value));
  const firm = killed.filter((f) => f.qualifier === 'exact' || f.qualifier === 'approx');
  const pool = firm.length ? firm : killed;
  const latest = pool.reduce((m, f) => (f.as_of && (!m || f.as_of > m) ? f.as_of : m), null as string | null);
  const best = Math.max(...pool.filter((f) => f.as_of === latest).map((f) => f.value));
  return { fatalities_best: int(best), fatalities_low: int(Math.min(low, best)), fatalities_high: int(Math.max(high, best)) };
}

const geoCells = (g: GeoMatch | null) => ({
  lat: g?.lat ?? null,
  lon: g?.lon ?? null,
  geonames_id: g?.geonames_id ?? null,
  admin1: g?.admin1 ?? null,
  geo_precision: g?.geo_precision ?? null,
});

export function citeEvents(
  articles: readonly ArticleRow[],
  events: readonly ResolvedEventRow[],
  eventMentions: readonly EventMentionRow[],
  figures: readonly ResolvedFigureRow[],
): { events: EventRow[]; figures: FigureRow[] } {
  const byId = new Map(articles.map((a) => [a.article_id, a]));
  const reporting = new Map<string, Set<string>>();
  for (const m of eventMentions) {
    const s = reporting.get(m.event_id) ?? new Set<string>();
    s.add(m.article_id);
    reporting.set(m.event_id, s);
  }
  const killed = new Map<string, ResolvedFigureRow[]>();
  for (const f of figures) {
    if (f.category !== 'killed' || !f.event_id) continue;
    const list = killed.get(f.event_id) ?? [];
    list.push(f);
    killed.set(f.event_id, list);
  }
  const placeOf = new Map<string, { country: string | null; geo: GeoMatch | null }>();
  const outEvents: EventRow[] = events.map((e) => {
    const arts = [...(reporting.get(e.event_id) ?? [])].map((id) => byId.get(id)).filter((a): a is ArticleRow => !!a);
    const sorted = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x).map(listItem))].sort();
    const geo = geocode(e.place, e.country);
    placeOf.set(e.event_id, { country: e.country, geo });
    return {
      ...e,
      ...geoCells(geo),
      outlets: sorted(arts.map((a) => a.outlet)),
      urls: sorted(arts.map((a) => a.url)),
      ...fatalities(killed.get(e.event_id) ?? []),
    };
  });
  const outFigures: FigureRow[] = figures.map((f) => {
    const ev = f.event_id ? placeOf.get(f.event_id) : undefined;
    // the event's place when the figure is about that event and not placed elsewhere; else the figure's country
    const geo = ev?.geo && (!f.country || f.country === ev.country) ? ev.geo : f.country ? geocode(null, f.country) : null;
    return { ...f, currency: f.category === 'money' ? currencyOf(f.text, f.unit, f.country) : null, ...geoCells(geo) };
  });
  return { events: outEvents, figures: outFigures };
}
