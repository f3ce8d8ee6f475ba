/**
 * Issue 15, wrong output: dates read with a caveat say so. An ambiguous
 * "03/04/2024" raises an issue, a numeric Unix time is read (and flagged)
 * instead of ignored, and a date far past the input's other dates is an issue
 * and is not used. Invented records.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../pipeline/config.ts';
import { normalize } from '../../pipeline/stages/01-normalize.ts';
import { raw } from './bad-inputs-support.ts';

const rec = (title: string, date: unknown) =>
  JSON.stringify({ title, date, text: `The ${title.toLowerCase()} reopened on Monday after repairs that took six months, the council said.` });

describe('dates with a caveat', () => {
  const feed = [
    rec('Library', '03/04/2024'),
    rec('Museum', 1709251200),
    rec('Theatre', 1709251200000),
    rec('Stadium', '2999-01-01'),
    rec('Harbour', '2024-03-05'),
    rec('Market', '2031-06-01'),
    rec('Bakery', '25/04/2024'),
  ].join('\n');
  const r = normalize.run({ files: [raw('feed.jsonl', feed)], manifest: [] }, defaultConfig);
  const date = (title: string) => r.data.documents.find((d) => d.article.title === title)?.article.published_date;
  const codes = (title: string) => {
    const id = r.data.documents.find((d) => d.article.title === title)!.article.article_id;
    return r.issues.filter((i) => i.article_id === id).map((i) => i.code);
  };

  it('an ambiguous day/month order is read day-first with an issue; an unambiguous one has none', () => {
    assert.equal(date('Library'), '2024-04-03');
    assert.ok(codes('Library').includes('ambiguous-date'));
    assert.equal(date('Bakery'), '2024-04-25');
    assert.ok(!codes('Bakery').includes('ambiguous-date'));
  });

  it('a Unix time in seconds or milliseconds is read as its UTC day, with an issue', () => {
    assert.equal(date('Museum'), '2024-03-01');
    assert.equal(date('Theatre'), '2024-03-01');
    assert.ok(codes('Museum').includes('epoch-date'));
  });

  it('a far-future date, or one years after every other, is an issue and not used', () => {
    assert.equal(date('Stadium'), null);
    assert.ok(codes('Stadium').includes('implausible-date'));
    assert.equal(date('Market'), null);
    assert.ok(codes('Market').includes('implausible-date'));
    assert.equal(date('Harbour'), '2024-03-05');
  });
});
