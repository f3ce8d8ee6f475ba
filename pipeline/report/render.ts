/**
 * report.html: one self-contained page (styles, d3, Observable Plot, the page
 * script and the data inlined; nothing fetched at view time) with charts and
 * paginated tables over the published dataset.
 *
 * The static assets (d3 and Plot from node_modules, this folder's client.js and
 * style.css) are read once when the module loads; `renderReport` itself is a
 * pure function of the dataset and its quality summary: same input, same bytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Dataset } from '../../schemas/index.ts';
import type { Quality } from '../../schemas/quality.ts';
import { buildReportModel, type ReportModel } from './model.ts';
import { WORLD_CREDIT, worldPath } from './world.ts';

interface Asset {
  readonly name: string;
  readonly version: string;
  readonly text: string;
}

const require = createRequire(import.meta.url);

/** A package's UMD bundle and version; the package's `exports` hide package.json, so it is found next to the resolved entry. */
function packageAsset(name: string, entryToDist: string, distFile: string): Asset {
  const entry = require.resolve(name);
  const dist = join(dirname(entry), entryToDist);
  const pkg = JSON.parse(readFileSync(join(dist, '..', 'package.json'), 'utf8')) as { version: string };
  return { name, version: pkg.version, text: readFileSync(join(dist, distFile), 'utf8') };
}

/** The libraries inlined into the page, in load order (Plot's UMD bundle expects the global `d3`). */
export const REPORT_LIBRARIES: readonly Asset[] = Object.freeze([
  packageAsset('d3', '.', 'd3.min.js'), // resolves to d3/dist/d3.mjs
  packageAsset('@observablehq/plot', '../dist', 'plot.umd.min.js'), // resolves to plot/src/index.js
]);

const here = dirname(new URL(import.meta.url).pathname);
const CLIENT = readFileSync(join(here, 'client.js'), 'utf8');
const STYLE = readFileSync(join(here, 'style.css'), 'utf8');
/** The world outline of the map (equirectangular, 360 x 180 box): static, read once. */
const WORLD = worldPath();

/** Text safe inside a <script> element: no "</script", no "<!--". */
export function scriptSafe(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** JSON safe inside <script type="application/json">: every "<" escaped, plus the two JS line separators. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** 12345 → "12,345" without depending on the runtime's locale data. */
const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(model: ReportModel): string {
  const c = model.meta.counts;
  const shown = model.meta.shown;
  const libs = REPORT_LIBRARIES.map((l) => `${l.name} ${l.version}`).join(', ');
  const capped = (n: number, of: number | undefined, what: string) =>
    of !== undefined && n < of ? ` The page lists the ${thousands(n)} most reported of ${thousands(of)} ${what}; every row is in the CSV and Arrow files.` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="news-events-dataset report (${esc(libs)})">
<title>News events dataset: report</title>
<style>
${STYLE}</style>
</head>
<body>
<header>
<h1>News events dataset</h1>
<p>What happened when, who was involved, and how the figures differ across outlets. Every dot, bar and cell links to its rows and the sentences they come from. Input fingerprint <code id="fingerprint"></code>.</p>
</header>
<nav><a href="#timeline">Timeline</a><a href="#map">Map</a><a href="#actors">Actors</a><a href="#figures">Figures</a><a href="#events-table">Events</a><a href="#groups-table">Figure groups</a><a href="#articles-table">Articles</a><a href="#quality-section">Quality</a></nav>
<main>
<noscript><p>This report draws its charts and tables with JavaScript (inlined; nothing is downloaded). The same data is in the CSV and Arrow files.</p></noscript>
<div id="stats"></div>
<section class="card" id="timeline">
<h2>Events over time</h2>
<p class="note" id="overview-note"></p>
<div class="chart" id="chart-overview" data-chart="overview"></div>
<h2 style="margin-top:14px">Event timeline</h2>
<p class="note" id="timeline-note"></p>
<div class="chart" id="chart-timeline" data-chart="timeline"></div>
</section>
<section class="card" id="map">
<h2>Where events happened</h2>
<p class="note" id="map-note"></p>
<div class="chart map" id="chart-map" data-chart="map"><svg class="world" viewBox="0 0 360 180" preserveAspectRatio="xMidYMid meet" role="img" aria-label="Map of events"><rect class="sea" x="-360" y="-180" width="1080" height="540"></rect><g class="graticule"></g>${WORLD ? `<path class="land" d="${WORLD}"></path>` : ''}<g class="dots"></g></svg></div>
<p class="muted">Equirectangular projection (longitude and latitude drawn as x and y).${WORLD ? ` ${esc(WORLD_CREDIT)}.` : ''} Points from events.csv lat/lon (GeoNames).</p>
</section>
<section class="card" id="actors">
<h2>Most active actors and the events they share</h2>
<p class="note">Bars: actors by number of events they take part in (click a bar for its events). Grid: how many events two of them share (click a cell).</p>
<div class="two"><div class="chart" id="chart-actors" data-chart="actors"></div><div class="chart" id="chart-matrix" data-chart="matrix"></div></div>
</section>
<section class="card" id="figures">
<h2>Figures across articles</h2>
<p class="note">One panel per measure (figure group), inconsistent ones first: each report is a dot at its value, labelled by outlet and as-of date; bars span the low–high bounds the text gives. Click a dot for the figure and its sentence.</p>
<div class="chart" id="chart-figures" data-chart="figures"></div>
</section>
<section class="card" id="events-table">
<h2>Events</h2>
<p class="note">By date; each with the date every reporting article gives it and the sentences it was read from.${capped(shown.events, c.events, 'events')}</p>
<div id="table-events"></div>
</section>
<section class="card" id="groups-table">
<h2>Figure groups</h2>
<p class="note">The same measure across articles; groups whose reports disagree for the same date come first.${capped(shown.groups, c.figure_groups, 'figure groups')}</p>
<div id="table-groups"></div>
</section>
<section class="card" id="articles-table">
<h2>Articles</h2>
<p class="note">The ${thousands(shown.articles)} article(s) the rows above cite${shown.articles < (c.articles ?? 0) ? ` (of ${thousands(c.articles ?? 0)}; all are in articles.csv)` : ''}.</p>
<div id="table-articles"></div>
</section>
<section class="card" id="quality-section">
<h2>Build quality</h2>
<p class="note">What went in, what was set aside and why (from quality.json).</p>
<div id="quality"></div>
</section>
</main>
<footer>Charts drawn with ${esc(libs)} (inlined).</footer>
<script type="application/json" id="report-data">${jsonForScript(model)}</script>
${REPORT_LIBRARIES.map((l) => `<script>\n${scriptSafe(l.text)}\n</script>`).join('\n')}
<script>
${scriptSafe(CLIENT)}</script>
</body>
</html>
`;
}

/**
 * Renders the report page for a dataset and its quality summary.
 * Deterministic: the same dataset and quality give the same string.
 */
export function renderReport(dataset: Dataset, quality: Quality): string {
  return page(buildReportModel(dataset, quality));
}
