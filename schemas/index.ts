/** Every published table, in publication order. */
import { actorMentions } from './actor-mentions.ts';
import { actors } from './actors.ts';
import { articles } from './articles.ts';
import { changes } from './changes.ts';
import { eventActors } from './event-actors.ts';
import { eventMentions } from './event-mentions.ts';
import { events, eventSourceColumns } from './events.ts';
import { figureGroups } from './figure-groups.ts';
import { figureGeoColumns, figures } from './figures.ts';
import { quotes } from './quotes.ts';
import { rejects } from './rejects.ts';
import { sentences } from './sentences.ts';
import { stories } from './stories.ts';
import type { RowOf } from './table.ts';

export const tables = {
  articles,
  stories,
  sentences,
  actors,
  actor_mentions: actorMentions,
  events,
  event_actors: eventActors,
  event_mentions: eventMentions,
  figures,
  figure_groups: figureGroups,
  quotes,
  rejects,
  changes,
} as const;

export type Tables = typeof tables;
export type TableName = keyof Tables;
export type Dataset = { readonly [K in TableName]: readonly RowOf<Tables[K]>[] };
export const tableNames = Object.keys(tables) as TableName[];

export type ArticleRow = RowOf<typeof articles>;
export type StoryRow = RowOf<typeof stories>;
export type SentenceRow = RowOf<typeof sentences>;
export type ActorRow = RowOf<typeof actors>;
export type ActorMentionRow = RowOf<typeof actorMentions>;
export type EventRow = RowOf<typeof events>;
/** An event as cross-referencing makes it, before pipeline/resolve/event-sources.ts adds its sources, fatalities and map place. */
export type ResolvedEventRow = Omit<EventRow, keyof typeof eventSourceColumns>;
export type EventActorRow = RowOf<typeof eventActors>;
export type EventMentionRow = RowOf<typeof eventMentions>;
export type FigureRow = RowOf<typeof figures>;
/** A figure as cross-referencing makes it, before its currency and map place are added (pipeline/resolve/event-sources.ts). */
export type ResolvedFigureRow = Omit<FigureRow, 'currency' | keyof typeof figureGeoColumns>;
export type FigureGroupRow = RowOf<typeof figureGroups>;
export type QuoteRow = RowOf<typeof quotes>;
export type RejectRow = RowOf<typeof rejects>;
export type ChangeRow = RowOf<typeof changes>;
