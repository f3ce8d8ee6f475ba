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

const CHARTS = ['overview', 'timeline', 'actors', 'matrix', 'figures'] as const;

/** Which charts the model has data for (the others must show their "nothing yet" note). */
function expectedCharts(m: ReportModel): Record<(typeof CHARTS)[number], boolean> {
  return {
    overview: m.overview.bins.length > 0,
    timeline: m.timeline.length > 0,
    actors: m.topActors.length > 0,
    matrix: m.pairs.some(([a, b]) => a !== b),
    figures: m.panels.length > 0,
  };
}

async function open(browser: Browser, name: string, d: Dataset, q: Quality): Promise<Loaded> {
  const html = renderReport(d, q);
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `report-${name}.html`);
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
  });
  await page.goto(pathToFileURL(file).href);
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
    assert.equal(await l.page.locator('#quality table').count() > 0, true);
    await l.page.close();
  });

  test('thousands of events: every chart drawn, capped and paginated, links land on their rows', async () => {
    const { dataset, quality } = syntheticDataset();
    const l = await open(browser, 'scale', dataset, quality);
    const want = expectedCharts(l.model);
    assert.deepEqual(Object.values(want), CHARTS.map(() => true));
    await checkPage(l, 'scale');
    // the table is paginated: one page of rows in the DOM, not thousands
    assert.ok((await l.page.locator('#table-events tbody tr').count()) <= 25);
    // inconsistent figure groups first
    const first = await l.page.locator('#table-groups tbody tr').first().getAttribute('class');
    assert.match(first ?? '', /\bbad\b/);
    await l.page.close();
  });
});
