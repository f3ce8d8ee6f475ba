import { col } from './columns.ts';
import { defineTable } from './table.ts';
import { ACTOR_TYPES } from './vocab.ts';

export const actors = defineTable({
  name: 'actors',
  title: 'Actors',
  grain: 'One row per real-world actor, resolved across articles.',
  description: 'People, organizations, groups and countries that act in the articles. Places are not actors, except countries when they act.',
  primaryKey: ['actor_id'],
  foreignKeys: [{ fields: ['affiliation'], table: 'actors', references: ['actor_id'] }],
  columns: {
    actor_id: col.id('Stable id: readable slug of the canonical name (a type suffix separates two actors with one name).'),
    name: col.text('Canonical display name.'),
    type: col.enum('Kind of actor.', ACTOR_TYPES),
    country: col.id("ISO 3166-1 alpha-3 code of the actor's country, else empty.", { nullable: true }),
    aliases: col.list('Every surface form seen, sorted'),
    roles: col.list('Titles and roles seen ("Deputy Foreign Minister"), sorted'),
    affiliation: col.id('actor_id of the organization or country it belongs to, else empty.', { nullable: true }),
    article_count: col.int('Articles that mention it.', { min: 0 }),
    mention_count: col.int('Mentions across all articles.', { min: 0 }),
    source: col.id('Where the canonical entry comes from: a gazetteer name, or "text" when found by pattern only.'),
  },
});
