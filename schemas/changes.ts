import { col } from './columns.ts';
import { defineTable } from './table.ts';

export const CHANGE_KINDS = {
  added: 'The row is in this build and was not in the previous one.',
  removed: 'The row was in the previous build and is not in this one (deleted: an input removed or edited, or no longer extracted).',
  changed: 'The row has the same id in both builds and a different value in at least one column.',
} as const;

export const changes = defineTable({
  name: 'changes',
  title: 'Changes',
  grain: 'One row per row of another table that this build added, removed or changed against the previous build in the same output folder.',
  description:
    'Compares every published table with the CSV files that were in the output folder before this build, by primary key; empty on a first build (no previous output). A rebuild of the same version (same inputs, pipeline and options) keeps the changes of that version. CHANGELOG.md says the same for people.',
  primaryKey: ['table', 'id'],
  foreignKeys: [],
  columns: {
    table: col.id('The table the row belongs to.'),
    id: col.id('Its primary key; a key of several columns has its values joined with "/" (sentences: "article_id/sentence_index").'),
    change: col.enum('What happened to the row.', CHANGE_KINDS),
  },
});
