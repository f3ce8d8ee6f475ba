/**
 * report.html opened as a person would: headless Chromium loads the page from
 * disk, with the network unused, for the seed articles (built in memory from
 * raw/) and for a large invented dataset. Screenshots go to test/artifacts/.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { Dataset } from '../../schemas/index.ts';
import type { Quality } from '../../schemas/quality.ts';
import { defaultConfig } from '../../pipeline/config.ts';
import { readRaw } from '../../pipeline/io/read-raw.ts';
import { buildReportModel, renderReport, type ReportModel } from '../../pipeline/report/index.ts';
import { buildDataset } from '../../pipeline/run.ts';
import { ROOT } from '../support/cli.ts';
import { ensureChromium, launch } from './browser.ts';
import { syntheticDataset } from './synthetic.ts';

const ARTIFACTS = join(ROOT, 'test/artifacts');
const skip = ensureChromium();
if (skip) console.log(`# report browser tests skipped: ${skip}`);

interface Loaded {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
  readonly model: ReportModel;
}

const CHARTS = ['overview', 'timeline', 'map', 'actors', 'matrix', 'figures'] as const;

/** Which charts the model has data for (the others must show their "nothing yet" note). */
function expectedCharts(m: ReportModel): Record<(typeof CHARTS)[number], boolean> {
  return {
    overview: m.overview.bins.length > 0,
    timeline: m.timeline.length > 0,
    map: m.events.some((e) => e.la !== null && e.lo !== null),
    actors: m.topActors.length > 0,
    matrix: m.pairs.some(([a, b]) => a !== b),
    figures: m.panels.length > 0,
  };
}

const DESKTOP = { width: 1280, height: 900 };
/** A phone held upright. */
const PHONE = { width: 390, height: 844 };

async function open(browser: Browser, name: string, d: Dataset, q: Quality, viewport: { width: number; height: number } = DESKTOP, hash = ''): Promise<Loaded> {
  const html = renderReport(d, q);
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `report-${name}.html`);
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
  });
  await page.goto(pathToFileURL(file).href + hash);
  await page.waitForSelector('html[data-ready]', { timeout: 15_000 });
  return { page, errors, requests, model: buildReportModel(d, q) };
}

/** Clicks the first linked item of a chart and checks that the row it names is shown and highlighted. */
async function followFirstLink(l: Loaded, chart: string): Promise<string> {
  const link = l.page.locator(`[data-chart="${chart}"] svg a`).first();
  const href = await link.evaluate((a) => a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? '');
  await link.dispatchEvent('click');
  await l.page.waitForFunction((h) => location.hash === h, href);
  if (href.startsWith('#events?')) {
    const rows = await l.page.locator('#table-events tbody tr[id^="e-"]').count();
    assert.ok(rows > 0, `${chart}: ${href} filters the events table to no row`);
    return href;
  }
  const id = href.slice(1);
  const row = l.page.locator(`[id="${id}"]`);
  await row.waitFor({ state: 'visible', timeout: 5_000 });
  assert.match((await row.getAttribute('class')) ?? '', /\bhit\b/, `${chart}: ${href} does not highlight its row`);
  const text = await row.innerText();
  if (id.startsWith('e-')) {
    const e = l.model.events.find((x) => x.id === id.slice(2))!;
    assert.ok(text.includes(e.s.slice(0, 40)), `${chart}: row ${id} lacks the event summary`);
  }
  if (id.startsWith('f-')) {
    const f = l.model.groups.flatMap((g) => g.f).find((x) => x.id === id.slice(2))!;
    assert.ok(text.includes(l.model.sentences[f.k]!.slice(0, 40)), `${chart}: row ${id} lacks its sentence`);
    assert.ok(text.includes(f.id), `${chart}: row ${id} lacks its figure_id`);
  }
  return href;
}

async function checkPage(l: Loaded, name: string): Promise<void> {
  await l.page.screenshot({ path: join(ARTIFACTS, `report-${name}.png`), fullPage: true });
  assert.deepEqual(l.errors, [], `${name}: console errors`);
  assert.deepEqual(l.requests, [], `${name}: the page asked the network for something`);
  const want = expectedCharts(l.model);
  for (const chart of CHARTS) {
    const marks = await l.page.locator(`[data-chart="${chart}"] svg a`).count();
    if (want[chart]) {
      assert.ok(marks > 0, `${name}: chart ${chart} has data but no linked marks`);
      const title = await l.page.locator(`[data-chart="${chart}"] svg a title`).first().textContent();
      assert.ok(title && title.length > 0, `${name}: chart ${chart} items have no tooltip text`);
      await followFirstLink(l, chart);
    } else {
      assert.equal(marks, 0);
      assert.equal(await l.page.locator(`[data-chart="${chart}"] .empty`).count(), 1, `${name}: chart ${chart} has no data and no note saying so`);
    }
  }
  // every event, figure group and article row the page can show links to an existing row
  const eventRows = await l.page.locator('#table-events tbody tr[id^="e-"]').count();
  assert.ok(eventRows > 0 || l.model.events.length === 0);
  const articleLinks = await l.page.locator('#table-events a[href^="#a-"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice(3)));
  const known = new Set(l.model.articles.map((a) => a.id));
  for (const id of articleLinks) assert.ok(known.has(id), `${name}: article link ${id} has no row`);
}

/** Pairs of x-axis tick labels that overlap, per chart or panel (labels drawn on top of each other cannot be read). */
async function collidingTicks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    document.querySelectorAll('[data-chart] svg').forEach((svg, n) => {
      // rotated labels (the heatmap's) overlap as boxes while their text does not: only level labels are compared
      const level = [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')].filter(
        (t) => !/rotate/.test(`${t.getAttribute('transform') ?? ''} ${t.parentElement?.getAttribute('transform') ?? ''}`),
      );
      const boxes = level.map((t) => ({ t: t.textContent ?? '', r: t.getBoundingClientRect() }));
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!.r;
          const b = boxes[j]!.r;
          if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
            out.push(`svg ${n}: "${boxes[i]!.t}" / "${boxes[j]!.t}"`);
        }
    });
    return out;
  });
}

/** Layout checks that hold at every width: no sideways scroll, short non-colliding ticks, integer legend of the heatmap, spans for coarse dates. */
async function checkLayout(l: Loaded, name: string): Promise<void> {
  const { page, model } = l;
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
  assert.ok(widths.doc <= widths.view, `${name}: the page scrolls sideways (${widths.doc} px wide in a ${widths.view} px window)`);
  assert.deepEqual(await collidingTicks(page), [], `${name}: axis tick labels overlap`);
  const ticks = await page.locator('[data-chart] svg g[aria-label="x-axis tick label"] text').allTextContents();
  // numbers on axes are short (SI prefixes: "4G", "250k"), never "4,000,000,000"
  for (const t of ticks) if (/^[−\-\d.,]+[a-zA-Zµ]?$/.test(t)) assert.ok(t.length <= 6, `${name}: tick label "${t}" is too long for an axis`);
  const legend = await page.locator('[data-chart="matrix"] figure > svg[class$="-ramp"] text').allTextContents();
  for (const t of legend) if (/\d/.test(t)) assert.match(t, /^\d+$/, `${name}: heatmap legend label "${t}" is not a whole count`);
  // an event known only to the month or year is a span on the timeline, never a dot on the 1st
  const coarse = new Set(
    model.events.filter((e) => e.d0 !== null && (e.p === 'year' || e.p === 'month') && model.timeline.includes(e.id)).map((e) => `#e-${e.id}`),
  );
  const drawn = await page
    .locator('[data-chart="timeline"] svg a')
    .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href') ?? '', dot: a.querySelector('circle') !== null, w: a.getBoundingClientRect().width })));
  for (const d of drawn.filter((x) => coarse.has(x.href))) {
    assert.equal(d.dot, false, `${name}: ${d.href} (month or year only) drawn as a dot`);
    assert.ok(d.w >= 1, `${name}: ${d.href} (month or year only) has no span`);
  }
  if (coarse.size > 0)
    assert.ok(
      drawn.some((x) => coarse.has(x.href)),
      `${name}: no month- or year-only event drawn`,
    );
}

/** On a phone the events table shows what happened and who without scrolling sideways: summary and actors of the first row are on screen. */
async function checkPhoneTable(l: Loaded, name: string): Promise<void> {
  const row = l.page.locator('#table-events tbody tr[id^="e-"]').first();
  if ((await row.count()) === 0) return;
  const id = (await row.getAttribute('id'))!.slice(2);
  const e = l.model.events.find((x) => x.id === id)!;
  const what = row.locator('td').nth(2);
  const box = await what.boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width + 0.5, `${name}: the "what" cell does not fit the phone's width`);
  assert.ok((await what.innerText()).includes(e.s.slice(0, 30)), `${name}: the summary is not shown`);
  if (e.ac.length > 0) {
    const who = row.locator('td').nth(3);
    const wb = await who.boundingBox();
    assert.ok(wb && wb.width > 0 && wb.x + wb.width <= PHONE.width + 0.5, `${name}: the actors cell is hidden or off screen`);
    assert.ok((await who.innerText()).length > 0, `${name}: no actor shown`);
  }
}

describe('report.html in headless Chromium', { skip: skip ?? false, timeout: 90_000 }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('seed articles: renders without errors, every chart with data has linked marks, links land on their rows', async () => {
    const { files, manifest, issues } = await readRaw(join(ROOT, 'raw'), defaultConfig.maxBytes);
    const r = buildDataset({ files, manifest }, defaultConfig, issues);
    const l = await open(browser, 'seeds', r.dataset, r.quality);
    await checkPage(l, 'seeds');
    await checkLayout(l, 'seeds');
    assert.equal((await l.page.locator('#quality table').count()) > 0, true);
    await l.page.close();
    const phone = await open(browser, 'seeds-phone', r.dataset, r.quality, PHONE);
    await phone.page.screenshot({ path: join(ARTIFACTS, 'report-seeds-phone.png'), fullPage: true });
    assert.deepEqual(phone.errors, [], 'seeds at 390 px: console errors');
    await checkLayout(phone, 'seeds at 390 px');
    await checkPhoneTable(phone, 'seeds at 390 px');
    await phone.page.close();
  });

  test('a malformed or hand-edited link does not break the page', async () => {
    const { dataset, quality } = syntheticDataset({ articles: 40, events: 120, actors: 20, groups: 30 });
    for (const hash of ['#%E0%A4%A', '#events?actor=%E0%A4%A&type=%', '#e-%ZZ', '#events?at=nowhere']) {
      const l = await open(browser, 'hash', dataset, quality, DESKTOP, hash);
      assert.deepEqual(l.errors, [], `${hash}: console errors`);
      await l.page.close();
    }
  });

  test('thousands of events: every chart drawn, capped and paginated, links land on their rows', async () => {
    const { dataset, quality } = syntheticDataset();
    const l = await open(browser, 'scale', dataset, quality);
    const want = expectedCharts(l.model);
    assert.deepEqual(
      Object.values(want),
      CHARTS.map(() => true),
    );
    await checkPage(l, 'scale');
    await checkLayout(l, 'scale');
    assert.ok((await l.page.locator('[data-chart="map"] svg a circle').count()) > 0, 'scale: no event on the map');
    // the table is paginated: one page of rows in the DOM, not thousands
    assert.ok((await l.page.locator('#table-events tbody tr').count()) <= 25);
    // inconsistent figure groups first
    const first = await l.page.locator('#table-groups tbody tr').first().getAttribute('class');
    assert.match(first ?? '', /\bbad\b/);
    await l.page.close();
    const phone = await open(browser, 'scale-phone', dataset, quality, PHONE);
    await phone.page.screenshot({ path: join(ARTIFACTS, 'report-scale-phone.png'), fullPage: true });
    assert.deepEqual(phone.errors, [], 'scale at 390 px: console errors');
    await checkLayout(phone, 'scale at 390 px');
    await checkPhoneTable(phone, 'scale at 390 px');
    await phone.page.close();
  });
});
