/**
 * Resolve actors, then stories (articles of the same news), then events and figure groups within stories and
 * quote groups across articles; emit every published table, sorted. Undated articles are dated by their
 * story before events are resolved.
 */
import { z } from 'zod';
import { tableNames, tables, type Dataset } from '../../schemas/index.ts';
import { extracted, type Extracted } from '../../schemas/pipeline.ts';
import { sortRows } from '../lib/sort.ts';
import { resolveActors } from '../resolve/actors.ts';
import { citeEvents } from '../resolve/event-sources.ts';
import { dateByStory, resolveEvents } from '../resolve/events.ts';
import { groupFigures } from '../resolve/figures.ts';
import { groupQuotes } from '../resolve/quotes.ts';
import { resolveStories, storyReferenceDates } from '../resolve/stories.ts';
import stopWords from '../lexicons/stop-words.json' with { type: 'json' };
import type { Stage } from '../stage.ts';

/** The whole dataset: every table as an array of its rows. */
export const dataset = z.strictObject(
  Object.fromEntries(tableNames.map((n) => [n, z.array(tables[n].row)])) as { [K in keyof typeof tables]: z.ZodArray<(typeof tables)[K]['row']> },
);

export function sortDataset(d: Dataset): Dataset {
  return Object.fromEntries(tableNames.map((n) => [n, sortRows(n, d[n] as readonly Record<string, unknown>[])])) as unknown as Dataset;
}

const STOP_WORDS: ReadonlySet<string> = new Set(stopWords.words);

export const crossReference: Stage<Extracted, Dataset> = {
  name: '04-cross-reference',
  description: 'One actor, event, figure group and quote group across articles; every table built and sorted.',
  input: extracted,
  output: dataset as unknown as z.ZodType<Dataset>,
  run(input) {
    const articles = input.documents.map((d) => d.article);
    const a = resolveActors(input.extractions, articles);
    const s = resolveStories({ documents: input.documents, extractions: input.extractions, actorOf: a.actorOf, stopWords: STOP_WORDS });
    const extractions = dateByStory(input.documents, input.extractions, s.storyOf, storyReferenceDates(articles, s.storyOf));
    const e = resolveEvents(extractions, articles, a.actorOf, s.storyOf, new Set(a.actors.filter((x) => x.type === 'country').map((x) => x.actor_id)));
    const f = groupFigures(extractions, articles, a.actorOf, e.eventOf, s.storyOf);
    const quotes = groupQuotes(extractions, a.actorOf);
    // sources, fatalities, map places and currencies (pipeline/resolve/event-sources.ts)
    const cited = citeEvents(articles, e.events, e.eventMentions, f.figures);
    const data = sortDataset({
      articles: articles.map((x) => ({ ...x, story_id: s.storyOf.get(x.article_id)! })),
      stories: s.stories,
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
