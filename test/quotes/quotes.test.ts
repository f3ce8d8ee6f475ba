import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findQuotes } from '../../pipeline/extract/quotes.ts';
import { groupQuotes } from '../../pipeline/resolve/quotes.ts';
import { ref } from '../../pipeline/resolve/refs.ts';
import { doc, mentionsOf } from '../events/fixture.ts';

const speakers = (paragraphs: string[], names: string[]) => {
  const d = doc(['Title', ...paragraphs], '2024-03-04');
  const m = mentionsOf(d, names, names);
  return findQuotes(d, m).map((q) => [q.text, q.speaker === null ? null : m[q.speaker]!.name]);
};

test('speaker after the quote: "…," said X and "…," X said', () => {
  assert.deepEqual(speakers(['“The river will peak on Friday,” said Ana Lopez, the mayor.'], ['Ana Lopez']), [['The river will peak on Friday,', 'Ana Lopez']]);
  assert.deepEqual(speakers(['"We need more boats now," Ana Lopez told reporters.'], ['Ana Lopez']), [['We need more boats now,', 'Ana Lopez']]);
});

test('speaker before the quote and pronouns', () => {
  assert.deepEqual(
    speakers(['Ana Lopez said: “Help is on the way.”'], ['Ana Lopez']).map((x) => x[1]),
    ['Ana Lopez'],
  );
  assert.deepEqual(
    speakers(['Ana Lopez visited the shelter. “Nobody will be left behind,” she said.'], ['Ana Lopez']).map((x) => x[1]),
    ['Ana Lopez'],
  );
});

test('a quote whose opening mark was lost starts at the paragraph', () => {
  const q = speakers(['The water is still rising in the valley,” said Ana Lopez.'], ['Ana Lopez']);
  assert.deepEqual(q, [['The water is still rising in the valley,', 'Ana Lopez']]);
});

test('the same statement, whole or partial, shares a group_id across articles', () => {
  const mk = (id: string, text: string) => {
    const d = doc(['T', text], '2024-03-04', id);
    return { article_id: id, mentions: [], figures: [], events: [], quotes: findQuotes(d, []) };
  };
  const rows = groupQuotes(
    [
      mk('a1', '“We will rebuild every bridge in the valley before winter,” she said.'),
      mk('a2', 'She promised to “rebuild every bridge in the valley before winter.”'),
      mk('a3', '“The budget is not enough for the schools,” he said.'),
    ],
    new Map([[ref('a1', 0), 'x']]),
  );
  assert.equal(rows.length, 3);
  assert.equal(rows[0]!.group_id, rows[1]!.group_id);
  assert.notEqual(rows[0]!.group_id, rows[2]!.group_id);
});
