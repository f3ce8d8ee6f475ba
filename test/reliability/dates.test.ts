/**
 * Issue 15, wrong output: dates read with a caveat say so. An ambiguous
 * "03/04/2024" raises an issue, a numeric Unix time is read (and flagged)
 * instead of ignored, and a date far past the input's other dates is an issue
 * and is not used. Invented records.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../pipeline/config.ts';
import { htmlToRecord } from '../../pipeline/normalize/html.ts';
import { dayMonthOrder, domainCountry } from '../../pipeline/normalize/locale.ts';
import { normalize } from '../../pipeline/stages/01-normalize.ts';
import type { ManifestEntry } from '../../schemas/pipeline.ts';
import { raw } from './bad-inputs-support.ts';

const rec = (title: string, date: unknown, more: Record<string, string> = {}) =>
  JSON.stringify({ title, date, ...more, text: `The ${title.toLowerCase()} reopened on Monday after repairs that took six months, the council said.` });

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

describe("an ambiguous numeric date in the feed's locale", () => {
  const entry = (file: string, more: Partial<ManifestEntry>): ManifestEntry => ({
    file,
    url: null,
    outlet: null,
    published_date: null,
    author: null,
    license: null,
    ...more,
  });
  const files = [
    raw('us.json', rec('Library', '03/04/2024', { locale: 'en-US' })),
    raw('gb.json', rec('Museum', '03/04/2024', { country: 'GB' })),
    raw('ca.json', rec('Theatre', '03/04/2024', { country: 'CA' })),
    raw('web.json', rec('Harbour', '03/04/2024', { url: 'https://news.example.com.au/harbour' })),
    raw('feed.jsonl', [rec('Stadium', '03/04/2024'), rec('Market', '03/04/2024', { locale: 'en-GB' })].join('\n')),
    raw('plain.json', rec('Bakery', '03/04/2024')),
  ];
  // the manifest wins over the record's own locale; a bare file name matches the feed's rows
  const manifest = [entry('feed.jsonl', { country: 'US' })];
  const r = normalize.run({ files, manifest }, defaultConfig);
  const doc = (title: string) => r.data.documents.find((d) => d.article.title === title)!.article;
  const ambiguous = (title: string) => r.issues.some((i) => i.article_id === doc(title).article_id && i.code === 'ambiguous-date');

  it('a month-first locale or country reads it month first, with no issue', () => {
    assert.equal(doc('Library').published_date, '2024-03-04');
    assert.ok(!ambiguous('Library'));
    assert.equal(doc('Stadium').published_date, '2024-03-04');
    assert.equal(doc('Market').published_date, '2024-03-04', 'the manifest country wins over the record locale');
    assert.ok(!ambiguous('Market'));
  });

  it('a day-first country or web domain reads it day first, with no issue', () => {
    assert.equal(doc('Museum').published_date, '2024-04-03');
    assert.ok(!ambiguous('Museum'));
    assert.equal(doc('Harbour').published_date, '2024-04-03');
    assert.ok(!ambiguous('Harbour'));
  });

  it('no locale, or a country that writes both orders: day first with an issue naming why', () => {
    assert.equal(doc('Bakery').published_date, '2024-04-03');
    assert.ok(ambiguous('Bakery'));
    assert.ok(ambiguous('Theatre'));
    assert.match(r.issues.find((i) => i.article_id === doc('Theatre').article_id && i.code === 'ambiguous-date')!.message, /\(CA\) writes both orders/);
  });

  it('locale hints: a region is needed, a generic domain says nothing, the page names its locale', () => {
    assert.equal(dayMonthOrder({ recordLocale: 'en' }), null);
    assert.equal(dayMonthOrder({ recordLocale: 'en_US' })?.order, 'mdy');
    assert.equal(dayMonthOrder({ url: 'https://example.co/x' }), null);
    assert.equal(domainCountry('https://www.example.co.uk/a'), 'GB');
    assert.equal(domainCountry('not a url'), null);
    const page = (head: string) => `<html ${head}><head><meta property="og:title" content="Pier Opens"></head><body><p>The pier opened.</p></body></html>`;
    assert.equal(htmlToRecord(page('lang="en-US"')).locale, 'en-US');
    assert.equal(htmlToRecord(page('lang="en"').replace('<head>', '<head><meta property="og:locale" content="en_PH">')).locale, 'en_PH');
  });
});
