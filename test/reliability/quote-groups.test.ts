/**
 * Issue 15, wrong output: quote groups chained unrelated quotes through a three-word fragment that
 * matched both. A short fragment may join one statement; it never makes two unrelated ones one group.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findQuotes } from '../../pipeline/extract/quotes.ts';
import { groupQuotes } from '../../pipeline/resolve/quotes.ts';
import { doc } from '../events/fixture.ts';

test('a short fragment joins one statement and never chains two unrelated ones', () => {
  const mk = (id: string, text: string) => {
    const d = doc(['T', text], '2024-03-04', id);
    return { article_id: id, mentions: [], figures: [], events: [], quotes: findQuotes(d, []) };
  };
  const rows = groupQuotes(
    [
      mk('b1', '“We are ready to talk with the farmers about water prices,” she said.'),
      mk('b2', '“We are ready for a long fight over the new port,” he said.'),
      mk('b3', 'He added: “We are ready.”'),
    ],
    new Map(),
  );
  const g = Object.fromEntries(rows.map((r) => [r.article_id, r.group_id]));
  assert.notEqual(g['b1'], g['b2']);
  assert.ok(g['b3'] === g['b1'] || g['b3'] === g['b2']);
});
