/** Resolve actors, events, figure groups and quote groups across articles; emit every published table, sorted. */
import { z } from 'zod';
import { tableNames, tables, type Dataset } from '../../schemas/index.ts';
import { extracted, type Extracted } from '../../schemas/pipeline.ts';
import { sortRows } from '../lib/sort.ts';
import { resolveActors } from '../resolve/actors.ts';
import { citeEvents } from '../resolve/event-sources.ts';
import { resolveEvents } from '../resolve/events.ts';
import { groupFigures } from '../resolve/figures.ts';
import { groupQuotes } from '../resolve/quotes.ts';
import type { Stage } from '../stage.ts';

/** The whole dataset: every table as an array of its rows. */
export const dataset = z.strictObject(Object.fromEntries(tableNames.map((n) => [n, z.array(tables[n].row)])) as { [K in keyof typeof tables]: z.ZodArray<(typeof tables)[K]['row']> });

export function sortDataset(d: Dataset): Dataset {
  return Object.fromEntries(tableNames.map((n) => [n, sortRows(n, d[n] as readonly Record<string, unknown>[])])) as unknown as Dataset;
}

export const crossReference: Stage<Extracted, Dataset> = {
  name: '04-cross-reference',
  description: 'One actor, event, figure group and quote group across articles; every table built and sorted.',
  input: extracted,
  output: dataset as unknown as z.ZodType<Dataset>,
  run(input) {
    const articles = input.documents.map((d) => d.article);
    const a = resolveActors(input.extractions, articles);
    const e = resolveEvents(input.extractions, articles, a.actorOf);
    const f = groupFigures(input.extractions, articles, a.actorOf, e.eventOf);
    const quotes = groupQuotes(input.extractions, a.actorOf);
    // sources, fatalities, map places and currencies (pipeline/resolve/event-sources.ts)
    const cited = citeEvents(articles, e.events, e.eventMentions, f.figures);
    const data = sortDataset({
      articles,
      sentences: input.documents.flatMap((d) => d.sentences),
      actors: a.actors,
      actor_mentions: a.mentions,
      events: cited.events,
      event_actors: e.eventActors,
      event_mentions: e.eventMentions,
      figures: cited.figures,
      figure_groups: f.figureGroups,
      quotes,
      rejects: input.rejects,
      // filled by the release step against the previous output (pipeline/publish/release.ts)
      changes: [],
    });
    const stats = Object.fromEntries(tableNames.map((n) => [`rows:${n}`, data[n].length]));
    return { data, issues: [], stats };
  },
  counts: (input, output) => ({ read: input.documents.length, written: output.articles.length, rejected: 0 }),
  tables: (o) => o,
  // every table's rows are checked by the runner's table validation: no second whole-dataset parse
  outputValidation: 'tables',
};
