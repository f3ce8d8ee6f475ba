/**
 * Events across articles (first pass): mentions of one type that share an
 * actor and whose dates do not say otherwise are one event.
 */
import type { ArticleRow, EventActorRow, EventMentionRow, EventRow } from '../../schemas/index.ts';
import type { EventMentionX, Extraction } from '../../schemas/pipeline.ts';
import { hashId } from '../lib/ids.ts';
import { ref, type RefMap } from './refs.ts';

export interface ResolvedEvents {
  readonly events: EventRow[];
  readonly eventActors: EventActorRow[];
  readonly eventMentions: EventMentionRow[];
  /** ref(article_id, event mention index) → event_id */
  readonly eventOf: RefMap;
}

interface Item {
  readonly article_id: string;
  readonly index: number;
  readonly m: EventMentionX;
  readonly actors: readonly { actor_id: string; role: EventActorRow['role'] }[];
}

export function resolveEvents(extractions: readonly Extraction[], articles: readonly ArticleRow[], actorOf: RefMap): ResolvedEvents {
  const items: Item[] = extractions.flatMap((ex) =>
    ex.events.map((m, index) => ({
      article_id: ex.article_id,
      index,
      m,
      actors: m.actors.map((a) => ({ actor_id: actorOf.get(ref(ex.article_id, a.mention))!, role: a.role })),
    })),
  );
  // union-find over items of one type sharing an actor, within one article or across articles
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const byKey = new Map<string, number>();
  items.forEach((it, i) => {
    for (const a of it.actors) {
      const k = `${it.m.event_type}|${a.actor_id}|${it.m.date_start ?? ''}`;
      const j = byKey.get(k);
      if (j === undefined) byKey.set(k, i);
      else parent[find(i)] = find(j);
    }
  });
  const clusters = new Map<number, Item[]>();
  items.forEach((it, i) => {
    const r = find(i);
    clusters.set(r, [...(clusters.get(r) ?? []), it]);
  });
  const pub = new Map(articles.map((a) => [a.article_id, a.published_date]));
  const events: EventRow[] = [];
  const eventActors: EventActorRow[] = [];
  const eventMentions: EventMentionRow[] = [];
  const eventOf = new Map<string, string>();
  for (const cluster of clusters.values()) {
    cluster.sort((a, b) => (a.article_id < b.article_id ? -1 : a.article_id > b.article_id ? 1 : a.m.char_start - b.m.char_start));
    const first = cluster[0]!;
    const event_id = hashId('e', first.m.event_type, first.article_id, first.m.char_start, first.m.trigger);
    const dated = cluster.filter((c) => c.m.date_start);
    const reported = [...new Set(dated.map((c) => `${c.article_id}=${c.m.date_start}${c.m.date_end && c.m.date_end !== c.m.date_start ? `/${c.m.date_end}` : ''}`))].sort();
    const distinct = new Set(dated.map((c) => `${c.m.date_start}/${c.m.date_end}`));
    const pubs = cluster.map((c) => pub.get(c.article_id)).filter((d): d is string => !!d).sort();
    events.push({
      event_id,
      event_type: first.m.event_type,
      summary: first.m.text.length > 300 ? `${first.m.text.slice(0, 297)}...` : first.m.text,
      status: first.m.status,
      date_start: dated[0]?.m.date_start ?? null,
      date_end: dated[0]?.m.date_end ?? null,
      date_precision: dated[0]?.m.date_precision ?? 'unknown',
      date_conflict: distinct.size > 1,
      dates_reported: reported,
      place: cluster.find((c) => c.m.place)?.m.place ?? null,
      country: cluster.find((c) => c.m.country)?.m.country ?? null,
      article_count: new Set(cluster.map((c) => c.article_id)).size,
      mention_count: cluster.length,
      first_reported: pubs[0] ?? null,
    });
    const roles = new Map<string, number>();
    for (const c of cluster) {
      for (const a of new Set(c.actors.map((x) => `${x.actor_id}\u0000${x.role}`))) roles.set(a, (roles.get(a) ?? 0) + 1);
      eventOf.set(ref(c.article_id, c.index), event_id);
      eventMentions.push({
        event_mention_id: hashId('em', c.article_id, c.m.char_start, c.m.char_end, c.m.trigger, c.m.event_type),
        event_id,
        article_id: c.article_id,
        sentence_index: c.m.sentence_index,
        char_start: c.m.char_start,
        char_end: c.m.char_end,
        text: c.m.text,
        trigger: c.m.trigger,
        event_type: c.m.event_type,
        status: c.m.status,
        date_text: c.m.date_text,
        date_start: c.m.date_start,
        date_end: c.m.date_end,
        date_precision: c.m.date_precision,
      });
    }
    for (const [k, n] of roles) {
      const [actor_id, role] = k.split('\u0000') as [string, EventActorRow['role']];
      eventActors.push({ event_id, actor_id, role, mention_count: n });
    }
  }
  return { events, eventActors, eventMentions, eventOf };
}
