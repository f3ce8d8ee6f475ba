import { col } from './columns.ts';
import { defineTable } from './table.ts';

export const stories = defineTable({
  name: 'stories',
  title: 'Stories',
  grain: 'One row per story: articles that report the same news, clustered by content, time and shared actors and places.',
  description: 'Articles clustered into stories before their events and figures are cross-referenced; an article of no story with others is a story of one.',
  primaryKey: ['story_id'],
  foreignKeys: [],
  sortKey: ['first_date', 'story_id'],
  columns: {
    story_id: col.id(
      'Stable id: "s" + hash of the article_id of the story\'s earliest article (publication date, then article_id; copies of another article, duplicate_of, take their original\'s story and never name one).',
    ),
    title: col.text("Title of the story's earliest article."),
    article_count: col.int('Articles in the story (duplicates included).', { min: 1 }),
    first_date: col.date('Earliest publication date of its articles, else empty.', { nullable: true }),
    last_date: col.date('Latest publication date of its articles, else empty.', { nullable: true }),
    top_actors: col.list('actor_id of the actors (not countries) named by most of its articles, at most five, most articles first.'),
    top_places: col.list('Places and countries named by most of its articles, at most five, most articles first.'),
  },
});
