/** renderReport without a browser: deterministic bytes, order-independent, self-contained, script-safe, bounded in size. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Dataset } from '../../schemas/index.ts';
import { REPORT_LIBRARIES, REPORT_LIMITS, buildReportModel, renderReport } from '../../pipeline/report/index.ts';
import { binOf, binUnit, coarserThanBin, parseDateReported, spread, timelineWindow } from '../../pipeline/report/model.ts';
import { ringPath, worldPath } from '../../pipeline/report/world.ts';
import { syntheticDataset } from './synthetic.ts';

const small = () => syntheticDataset({ articles: 40, events: 120, actors: 20, groups: 30 });

/** The rows of every table in reverse order (a different but equivalent input). */
const reversed = (d: Dataset): Dataset => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, [...(v as unknown[])].reverse()])) as unknown as Dataset;

test('same dataset, same bytes; row order of the input does not matter', () => {
  const { dataset, quality } = small();
  const a = renderReport(dataset, quality);
  assert.equal(renderReport(dataset, quality), a);
  assert.equal(renderReport(reversed(dataset), quality), a);
});

test('self-contained: d3 and Plot inlined, nothing loaded from elsewhere', () => {
  const { dataset, quality } = small();
  const html = renderReport(dataset, quality);
  assert.deepEqual(
    REPORT_LIBRARIES.map((l) => l.name),
    ['d3', '@observablehq/plot'],
  );
  for (const l of REPORT_LIBRARIES) {
    assert.ok(l.text.length > 100_000, `${l.name} bundle looks empty`);
    assert.ok(html.includes(l.text.slice(0, 2000)), `${l.name} is not inlined`);
  }
  const page = REPORT_LIBRARIES.reduce((h, l) => h.replace(l.text, ''), html);
  assert.doesNotMatch(page, /<script[^>]+src=|<link[^>]+href=|@import|url\(|https?:\/\/(?!outlet-)/i);
});

test('article text cannot break out of the data block', () => {
  const { dataset, quality } = small();
  const evil = '</script><script>alert(1)</script><!-- \u2028';
  const d: Dataset = { ...dataset, events: dataset.events.map((e, i) => (i === 0 ? { ...e, summary: evil } : e)) };
  const html = renderReport(d, quality);
  const scripts = html.match(/<script\b/g)!.length;
  assert.equal(html.match(/<\/script>/g)!.length, scripts);
  const data = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)![1]!;
  const model = JSON.parse(data) as ReturnType<typeof buildReportModel>;
  assert.ok(
    model.events.some((e) => e.s === evil),
    'the text survives the round trip unchanged',
  );
});

test('thousands of events: capped rows, page of a few MB, every chart has data', () => {
  const { dataset, quality } = syntheticDataset();
  const html = renderReport(dataset, quality);
  assert.ok(Buffer.byteLength(html) < 4_000_000, `page is ${Buffer.byteLength(html)} bytes`);
  const m = buildReportModel(dataset, quality);
  assert.equal(m.events.length, REPORT_LIMITS.events);
  assert.ok(m.timeline.length <= REPORT_LIMITS.timelinePoints);
  assert.ok(m.groups.every((g) => g.f.length <= REPORT_LIMITS.figuresPerGroup));
  // the overview counts every positioned event, not only the listed ones (those known only to a month or year longer than a bin apart)
  const positioned = dataset.events.filter((e) => e.date_start ?? e.first_reported).length;
  assert.ok(m.overview.coarse > 0);
  assert.equal(m.overview.bins.reduce((n, b) => n + b[3], 0) + m.overview.coarse + m.window.outside, positioned);
  // conflicting events are kept before others; inconsistent groups come first
  assert.equal(m.events.filter((e) => e.c).length, dataset.events.filter((e) => e.date_conflict).length);
  const firstOk = m.groups.findIndex((g) => g.ok);
  assert.ok(m.groups.slice(firstOk).every((g) => g.ok));
  // every id the page links to has its row in the page
  const articles = new Set(m.articles.map((a) => a.id));
  for (const e of m.events) for (const [a] of [...e.r, ...e.m]) assert.ok(articles.has(a));
  for (const g of m.groups) for (const f of g.f) assert.ok(articles.has(f.a) && f.k in m.sentences);
  const actors = new Set(m.actors.map((a) => a.id));
  for (const e of m.events) for (const a of e.ac) assert.ok(actors.has(a));
});

test('an empty dataset still renders a page', () => {
  const { dataset, quality } = small();
  const empty = Object.fromEntries(Object.keys(dataset).map((k) => [k, []])) as unknown as Dataset;
  const m = buildReportModel(empty, quality);
  assert.deepEqual([m.events.length, m.overview.bins.length, m.panels.length, m.pairs.length], [0, 0, 0, 0]);
  assert.match(renderReport(empty, quality), /<\/html>\n$/);
});

test('dates reported, bins and the timeline window', () => {
  assert.deepEqual(parseDateReported('a1=2024-02-26'), ['a1', '2024-02-26', '2024-02-26']);
  assert.deepEqual(parseDateReported('a1=2024-02-01/2024-02-29'), ['a1', '2024-02-01', '2024-02-29']);
  assert.equal(parseDateReported('garbage'), null);
  assert.deepEqual(binOf('2024-02-29', 'week'), ['2024-02-26', '2024-03-04']); // weeks start on Monday
  assert.deepEqual(binOf('2024-12-15', 'month'), ['2024-12-01', '2025-01-01']);
  assert.deepEqual(binOf('2024-12-15', 'year'), ['2024-01-01', '2025-01-01']);
  assert.deepEqual([binUnit(30), binUnit(300), binUnit(3000), binUnit(30000)], ['day', 'week', 'month', 'year']);
  // a date recalled from history does not squash the weeks the articles are about
  const days = ['1948-05-14', '2024-02-12', '2024-02-16', '2024-02-20', '2024-02-26'];
  assert.deepEqual(timelineWindow(days), { from: '2024-02-12', to: '2024-02-26' });
  // a cluster holding most dates wins; two equal halves far apart keep the whole span
  assert.deepEqual(timelineWindow(['2001-01-01', '2001-01-02', '2020-01-01', '2020-01-02', '2020-01-03']), { from: '2020-01-01', to: '2020-01-03' });
  assert.deepEqual(timelineWindow(['2001-01-01', '2001-01-02', '2020-01-01', '2020-01-02']), { from: '2001-01-01', to: '2020-01-02' });
  assert.deepEqual(timelineWindow([]), { from: null, to: null });
});

test('a large figure group is shown by the spread of its values, not its first reports', () => {
  assert.deepEqual(spread([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4), [1, 4, 7, 10]);
  assert.deepEqual(spread([1, 2], 4), [1, 2]);
});

test('a date known only to the year or month is not binned into a shorter period (no spike on every 1 January)', () => {
  assert.deepEqual(
    (['day', 'week', 'month', 'year'] as const).map((u) => coarserThanBin('year', u)),
    [true, true, true, false],
  );
  assert.deepEqual(
    (['day', 'week', 'month', 'year'] as const).map((u) => coarserThanBin('month', u)),
    [true, true, false, false],
  );
  assert.equal(coarserThanBin('day', 'day'), false);
  const { dataset, quality } = small();
  const yearOnly = {
    ...dataset.events[1]!,
    event_id: 'e-year-only',
    date_start: '2023-01-01',
    date_end: '2023-12-31',
    date_precision: 'year' as const,
    date_conflict: false,
  };
  const a = buildReportModel(dataset, quality);
  const b = buildReportModel({ ...dataset, events: [...dataset.events, yearOnly] }, quality);
  assert.equal(b.overview.coarse, a.overview.coarse + 1);
  assert.deepEqual(b.overview.bins, a.overview.bins);
});

test('the map outline: equirectangular, rounded, slivers dropped, the same bytes every time', () => {
  // a 10 x 10 degree square at the equator and the prime meridian, in the 360 x 180 box
  assert.equal(
    ringPath(
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
      ],
      0.5,
      1,
    ),
    'M180 90L190 90L190 80L180 80Z',
  );
  assert.equal(
    ringPath(
      [
        [0, 0],
        [0.1, 0],
        [0.1, 0.1],
        [0, 0],
      ],
      0.5,
      1,
    ),
    null,
  );
  const world = worldPath();
  assert.ok(world.length > 10_000 && world.length < 200_000, `outline is ${world.length} characters`);
  assert.equal(worldPath(), world);
});
