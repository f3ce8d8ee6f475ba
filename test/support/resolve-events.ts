/**
 * Event resolution from invented mentions: articles, each a list of event mentions in sentence order, with
 * their actors given by resolved actor id and role (and kind: a person, a country, else an organization).
 * One builder for every test of pipeline/resolve/events.ts.
 */
import type { ArticleRow } from '../../schemas/index.ts';
import type { ActorMentionX, EventMentionX, Extraction } from '../../schemas/pipeline.ts';
import { resolveEvents } from '../../pipeline/resolve/events.ts';
import { ref } from '../../pipeline/resolve/refs.ts';
import { doc } from '../events/fixture.ts';

type Role = 'source' | 'target' | 'participant';
/** An actor of a mention: its resolved id, its role, and whether it is a person or a country (else an organization). */
type Who = [id: string, role: Role, kind?: 'person' | 'country'];
type MentionSpec = Partial<EventMentionX> & { who: Who[] };
export interface ArticleSpec {
  readonly id: string;
  readonly published: string | null;
  /** The article's story (default "s": every article one story). */
  readonly story?: string;
  readonly events: readonly MentionSpec[];
}

/** Fields every mention starts from; `defaults` and then each spec override them. */
const BASE: Omit<EventMentionX, 'actors'> = {
  sentence_index: 0,
  char_start: 0,
  char_end: 10,
  text: 'An invented sentence.',
  trigger: 'meet',
  event_type: 'CONSULT',
  event_subtype: null,
  rule: 'verb',
  status: 'unknown',
  date_text: null,
  date_start: null,
  date_end: null,
  date_precision: 'unknown',
  place: null,
  country: null,
  frame: 'meet',
};

/**
 * resolveEvents over the articles. Mention i of an article is sentence `firstSentence + i`; `countries` are
 * actor ids that are countries besides those marked so in `who`.
 */
export function resolveFixture(
  articles: readonly ArticleSpec[],
  opts: { defaults?: Partial<EventMentionX>; firstSentence?: number; countries?: readonly string[] } = {},
) {
  const actorOf = new Map<string, string>();
  const countries = new Set<string>(opts.countries ?? []);
  const first = opts.firstSentence ?? 0;
  const extractions: Extraction[] = articles.map((a) => {
    const ids: string[] = [];
    const mentions: ActorMentionX[] = [];
    const events = a.events.map((e, i): EventMentionX => {
      const { who, ...rest } = e;
      const at = first + i;
      return {
        ...BASE,
        sentence_index: at,
        char_start: i * 100,
        char_end: i * 100 + 90,
        ...opts.defaults,
        ...rest,
        actors: who.map(([id, role, kind]) => {
          if (!ids.includes(id)) {
            ids.push(id);
            if (kind === 'country') countries.add(id);
            mentions.push({
              sentence_index: at,
              char_start: i * 100,
              char_end: i * 100 + 5,
              text: id,
              name: id,
              type: kind ?? 'organization',
              country: null,
              role: null,
              method: 'gazetteer',
              key: null,
            });
          }
          return { mention: ids.indexOf(id), role };
        }),
      };
    });
    ids.forEach((id, i) => actorOf.set(ref(a.id, i), id));
    return { article_id: a.id, mentions, figures: [], events, quotes: [] };
  });
  const rows: ArticleRow[] = articles.map((a) => doc(['T', 'x'], a.published, a.id).article);
  return resolveEvents(extractions, rows, actorOf, new Map(articles.map((a) => [a.id, a.story ?? 's'])), countries);
}
