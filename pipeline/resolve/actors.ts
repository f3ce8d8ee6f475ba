/**
 * Actors across articles (first pass): mentions with the same gazetteer key,
 * or the same type and folded name, are one actor.
 */
import type { ActorMentionRow, ActorRow, ArticleRow } from '../../schemas/index.ts';
import type { Extraction } from '../../schemas/pipeline.ts';
import { hashId, slug } from '../lib/ids.ts';
import { ref, type RefMap } from './refs.ts';

const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

export interface ResolvedActors {
  readonly actors: ActorRow[];
  readonly mentions: ActorMentionRow[];
  /** ref(article_id, mention index) → actor_id */
  readonly actorOf: RefMap;
}

export function resolveActors(extractions: readonly Extraction[], _articles: readonly ArticleRow[]): ResolvedActors {
  const groups = new Map<string, { article_id: string; index: number }[]>();
  for (const ex of extractions) {
    ex.mentions.forEach((m, index) => {
      const key = m.key ?? `${m.type}:${fold(m.name)}`;
      const g = groups.get(key);
      if (g) g.push({ article_id: ex.article_id, index });
      else groups.set(key, [{ article_id: ex.article_id, index }]);
    });
  }
  const byArticle = new Map(extractions.map((e) => [e.article_id, e]));
  const actors: ActorRow[] = [];
  const mentions: ActorMentionRow[] = [];
  const actorOf = new Map<string, string>();
  const usedIds = new Set<string>();
  for (const key of [...groups.keys()].sort()) {
    const items = groups.get(key)!;
    const ms = items.map((it) => byArticle.get(it.article_id)!.mentions[it.index]!);
    const names = ms.map((m) => m.name).sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
    const first = ms[0]!;
    let actor_id = slug(names[0]!);
    if (usedIds.has(actor_id)) actor_id = `${actor_id}-${first.type}`;
    if (usedIds.has(actor_id)) actor_id = `${actor_id}-${hashId('', key).slice(0, 6)}`;
    usedIds.add(actor_id);
    actors.push({
      actor_id,
      name: names[0]!,
      type: first.type,
      country: ms.find((m) => m.country)?.country ?? null,
      aliases: [...new Set(ms.map((m) => m.text))].sort(),
      roles: [...new Set(ms.map((m) => m.role).filter((r): r is string => !!r))].sort(),
      affiliation: null,
      article_count: new Set(items.map((i) => i.article_id)).size,
      mention_count: items.length,
      source: first.key ? first.key.split(':')[0]! : 'text',
    });
    items.forEach((it, k) => {
      const m = ms[k]!;
      actorOf.set(ref(it.article_id, it.index), actor_id);
      mentions.push({
        mention_id: hashId('m', it.article_id, m.char_start, m.char_end),
        actor_id,
        article_id: it.article_id,
        sentence_index: m.sentence_index,
        char_start: m.char_start,
        char_end: m.char_end,
        text: m.text,
        method: m.method,
        role: m.role,
      });
    });
  }
  return { actors, mentions, actorOf };
}
