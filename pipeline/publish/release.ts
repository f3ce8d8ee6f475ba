/**
 * What makes a build a release: its version (from the input fingerprint,
 * the pipeline's package version and the published rows; never the clock), the `changes` table against the previous
 * output in the same folder, CHANGELOG.md, the package licence derived from
 * the articles' own licences, the coverage statement, and `--no-text`.
 * Pure functions: cli.ts reads the previous output (pipeline/io/previous.ts).
 */
import type { ArticleRow, ChangeRow, Dataset, TableName } from '../../schemas/index.ts';
import { tableNames, tables } from '../../schemas/index.ts';
import type { TableDef } from '../../schemas/table.ts';
import { sha256 } from '../lib/ids.ts';
import { sortRows } from '../lib/sort.ts';
import { formatCell } from './csv.ts';
import { inputFingerprint } from './quality.ts';
import pkg from '../../package.json' with { type: 'json' };

/** What the output folder held before this build (null fields: not there). */
export interface PreviousOutput {
  /** `version` of its datapackage.json. */
  readonly version: string | null;
  /** Per table: primary key → digest of the row's published cells (see rowDigest). */
  readonly rows: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Its changes table, reused as is when this build has the same version. */
  readonly changes: readonly ChangeRow[] | null;
  readonly changelog: string | null;
}

export interface ReleaseOptions {
  readonly previous?: PreviousOutput | null;
  /** Publish offsets and hashes without the article text (`--no-text`). */
  readonly noText?: boolean;
}

export interface Release {
  readonly dataset: Dataset;
  readonly version: string;
  readonly changelog: string;
}

/** Tables compared with the previous build (all but `changes` itself). */
export const COMPARED_TABLES = tableNames.filter((n) => n !== 'changes');

const defOf = (name: string) => tables[name as TableName] as unknown as TableDef;

/** A row's primary key as one string: its key columns as written in CSV, joined with "/". */
export function keyOfCells(def: TableDef, cells: Readonly<Record<string, string>>): string {
  return def.primaryKey.map((k) => cells[k] ?? '').join('/');
}

/**
 * A row's digest over its published CSV cells, by column name, empty cells left out: a column added
 * between two builds changes no row until it holds a value, and the previous CSV gives the same
 * digest as the row it was written from.
 */
export function rowDigest(cells: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(cells)
    .filter(([, v]) => v !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sha256(JSON.stringify(pairs)).slice(0, 32);
}

/** Each row of a table as its CSV cells. */
export function cellsOf(def: TableDef, row: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(def.columnNames.map((c) => [c, formatCell(def.columns[c]!, row[c])]));
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every compared table's rows as primary key → digest of its published cells: the same key and
 * digest as keyOfCells and rowDigest over cellsOf, without an object of cells per row (the columns
 * sorted once per table; this ran over every row of every table).
 */
export function tableDigests(d: Dataset): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const name of COMPARED_TABLES) {
    const def = defOf(name);
    const sorted = [...def.columnNames].sort(byName).map((c) => [c, def.columns[c]!] as const);
    const keyAt = def.primaryKey.map((k) => sorted.findIndex(([c]) => c === k));
    const m = new Map<string, string>();
    for (const row of d[name] as readonly Record<string, unknown>[]) {
      const values = sorted.map(([c, col]) => formatCell(col, row[c]));
      const pairs: [string, string][] = [];
      for (let i = 0; i < sorted.length; i++) if (values[i] !== '') pairs.push([sorted[i]![0], values[i]!]);
      m.set(keyAt.map((i) => (i < 0 ? '' : values[i]!)).join('/'), sha256(JSON.stringify(pairs)).slice(0, 32));
    }
    out.set(name, m);
  }
  return out;
}

/** The changes of this build's row digests against the previous build's, sorted. */
export function computeChanges(now: PreviousOutput['rows'], previous: PreviousOutput['rows']): ChangeRow[] {
  const out: ChangeRow[] = [];
  for (const name of COMPARED_TABLES) {
    const before = previous.get(name) ?? new Map<string, string>();
    const after = now.get(name) ?? new Map<string, string>();
    for (const [id, digest] of after) {
      const was = before.get(id);
      if (was === undefined) out.push({ table: name, id, change: 'added' });
      else if (was !== digest) out.push({ table: name, id, change: 'changed' });
    }
    for (const id of before.keys()) if (!after.has(id)) out.push({ table: name, id, change: 'removed' });
  }
  return sortRows('changes', out);
}

/** One digest of every published row (tables in order, rows by key). */
export function contentDigest(digests: PreviousOutput['rows']): string {
  const lines: string[] = [];
  for (const name of COMPARED_TABLES) {
    const m = digests.get(name);
    if (!m) continue;
    for (const [id, d] of [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) lines.push(`${name}\t${id}\t${d}`);
  }
  return sha256(lines.join('\n'));
}

/**
 * The dataset version: the pipeline's package version, then a hash of the input fingerprint and of
 * every published row. The same data always has the same version (never the clock); a code change
 * that changes no row keeps it, one that changes any row (or --no-text) gives a new one.
 */
export function datasetVersion(fingerprint: string, content: string): string {
  return `${pkg.version}+${sha256(`${fingerprint}\0${content}`).slice(0, 12)}`;
}

/**
 * `--no-text`: the sentences' text, quotes, event mention sentences and event summaries are
 * published empty; offsets, hashes (articles.sha256), ids and
 * the short spans of names and figures stay, so the rows still point into a text the user holds.
 */
export function withoutText(d: Dataset): Dataset {
  return {
    ...d,
    sentences: d.sentences.map((s) => ({ ...s, text: '' })),
    quotes: d.quotes.map((q) => ({ ...q, text: '' })),
    event_mentions: d.event_mentions.map((m) => ({ ...m, text: '' })),
    events: d.events.map((e) => ({ ...e, summary: '' })),
  };
}

/** Licences the package can carry by their SPDX id (Frictionless `licenses` names them so). */
const KNOWN_LICENSES: Readonly<Record<string, { path: string; title: string }>> = {
  'CC-BY-4.0': { path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' },
  'CC-BY-SA-4.0': { path: 'https://creativecommons.org/licenses/by-sa/4.0/', title: 'Creative Commons Attribution Share-Alike 4.0' },
  'CC0-1.0': { path: 'https://creativecommons.org/publicdomain/zero/1.0/', title: 'Creative Commons Zero 1.0' },
  'CC-BY-3.0': { path: 'https://creativecommons.org/licenses/by/3.0/', title: 'Creative Commons Attribution 3.0' },
  'ODC-By-1.0': { path: 'https://opendatacommons.org/licenses/by/1-0/', title: 'Open Data Commons Attribution License 1.0' },
  'PDDL-1.0': { path: 'https://opendatacommons.org/licenses/pddl/1-0/', title: 'Open Data Commons Public Domain Dedication and License 1.0' },
};

/** A stated licence to its SPDX id when it is one of KNOWN_LICENSES (its id, URL or "CC BY 4.0"), else null. */
export function spdxOf(stated: string): string | null {
  const s = stated.trim();
  const folded = s
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '')
    .replace(/[\s_]+/g, '-');
  for (const [id, l] of Object.entries(KNOWN_LICENSES)) {
    if (
      folded === id.toLowerCase() ||
      folded ===
        l.path
          .toLowerCase()
          .replace(/^https?:\/\//, '')
          .replace(/\/+$/, '')
    )
      return id;
  }
  return null;
}

export interface PackageLicense {
  /** Frictionless `licenses`, or null when no one licence covers the package (left out of datapackage.json). */
  readonly licenses: readonly { name?: string; path?: string; title: string }[] | null;
  /** For people: what the licence is and why. */
  readonly statement: string;
}

/**
 * The package licence, derived honestly: when every article states the same licence, that one;
 * otherwise none (unknown or mixed), saying how many articles state what. The pipeline's tables
 * are derived from the articles, so they can carry no more rights than the articles give.
 */
export function packageLicense(articles: readonly Pick<ArticleRow, 'license'>[]): PackageLicense {
  const stated = new Map<string, number>();
  let unstated = 0;
  for (const a of articles) {
    // one licence written two ways ("CC-BY-4.0", its deed URL) is one licence
    const l = a.license ? (spdxOf(a.license) ?? a.license) : null;
    if (l) stated.set(l, (stated.get(l) ?? 0) + 1);
    else unstated++;
  }
  const see = "each article's licence is in articles.license; the lexicons' licences are listed under sources";
  if (articles.length === 0 || unstated === articles.length) {
    return {
      licenses: null,
      statement: `Unknown: no input states a licence (${see}). Check the terms of the sources before republishing; this dataset carries no licence of its own.`,
    };
  }
  if (unstated > 0) {
    return {
      licenses: null,
      statement: `Unknown: ${unstated} of ${articles.length} articles state no licence (${see}). No single licence covers the package.`,
    };
  }
  if (stated.size > 1) {
    const list = [...stated]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([l, n]) => `${l} (${n})`)
      .join(', ');
    return { licenses: null, statement: `Mixed: the articles state ${stated.size} licences: ${list} (${see}). No single licence covers the package.` };
  }
  const only = [...stated.keys()][0]!;
  const id = spdxOf(only);
  if (id) return { licenses: [{ name: id, ...KNOWN_LICENSES[id]! }], statement: `${KNOWN_LICENSES[id]!.title} (${id}), as every article states.` };
  return { licenses: [{ title: only, ...(/^https?:\/\//i.test(only) ? { path: only } : {}) }], statement: `"${only}", as every article states.` };
}

export interface Coverage {
  readonly articles: number;
  readonly originals: number;
  readonly outlets: readonly string[];
  readonly articles_without_outlet: number;
  readonly first_published: string | null;
  readonly last_published: string | null;
  readonly articles_without_date: number;
  readonly languages: Readonly<Record<string, number>>;
}

/** What the inputs cover: articles, outlets, publication date range, languages. */
export function coverage(d: Pick<Dataset, 'articles'>): Coverage {
  const outlets = new Set<string>();
  const dates: string[] = [];
  const languages: Record<string, number> = {};
  let noOutlet = 0;
  for (const a of d.articles) {
    if (a.outlet) outlets.add(a.outlet);
    else noOutlet++;
    if (a.published_date) dates.push(a.published_date);
    languages[a.language] = (languages[a.language] ?? 0) + 1;
  }
  dates.sort();
  return {
    articles: d.articles.length,
    originals: d.articles.filter((a) => !a.duplicate_of).length,
    outlets: [...outlets].sort(),
    articles_without_outlet: noOutlet,
    first_published: dates[0] ?? null,
    last_published: dates[dates.length - 1] ?? null,
    articles_without_date: d.articles.length - dates.length,
    languages: Object.fromEntries(Object.entries(languages).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

/** The coverage as one paragraph for people (codebook, workbook). */
export function coverageText(c: Coverage): string {
  const outlets =
    c.outlets.length === 0
      ? 'no outlet named'
      : c.outlets.length <= 12
        ? `${c.outlets.length} outlet(s): ${c.outlets.join(', ')}`
        : `${c.outlets.length} outlets (listed in datapackage.json coverage)`;
  const range = c.first_published ? `published ${c.first_published} to ${c.last_published}` : 'no publication date known';
  return `${c.articles} article(s) (${c.originals} after removing duplicates) from ${outlets}${c.articles_without_outlet ? `, ${c.articles_without_outlet} without an outlet` : ''}; ${range}${c.articles_without_date && c.first_published ? ` (${c.articles_without_date} without a date)` : ''}; languages ${
    Object.entries(c.languages)
      .map(([l, n]) => `${l} ${n}`)
      .join(', ') || 'none'
  }. Events, figures and quotes cover only what these articles report.`;
}

const CHANGELOG_HEAD = '# Changelog\n\nWhat each build changed against the previous build in this folder (generated; the rows are in the `changes` table).\n';

/** This build's CHANGELOG.md entry, then the previous entries. */
export function changelog(version: string, previous: PreviousOutput | null, changes: readonly ChangeRow[], d: Pick<Dataset, 'articles'>): string {
  const L: string[] = [`## ${version}`, ''];
  if (!previous || previous.rows.size === 0) L.push('First build in this folder: every row is new (the `changes` table is empty).');
  else {
    L.push(`Against ${previous.version ? `version ${previous.version}` : 'the previous output (no version)'}:`, '');
    if (changes.length === 0) L.push('- no row added, removed or changed.');
    const per = new Map<string, Record<string, number>>();
    for (const c of changes) {
      const t = per.get(c.table) ?? {};
      t[c.change] = (t[c.change] ?? 0) + 1;
      per.set(c.table, t);
    }
    for (const [table, n] of per)
      L.push(
        `- \`${table}\`: ${(['added', 'removed', 'changed'] as const)
          .filter((k) => n[k])
          .map((k) => `${n[k]} ${k}`)
          .join(', ')}`,
      );
    const paths = new Map(d.articles.map((a) => [a.article_id, a.source_path]));
    const added = changes.filter((c) => c.table === 'articles' && c.change === 'added').map((c) => paths.get(c.id) ?? c.id);
    const removed = changes.filter((c) => c.table === 'articles' && c.change === 'removed').map((c) => c.id);
    if (added.length)
      L.push(
        '',
        `Articles added (${added.length}): ${added
          .slice(0, 50)
          .map((p) => `\`${p}\``)
          .join(', ')}${added.length > 50 ? ', ...' : ''}`,
      );
    if (removed.length)
      L.push(
        '',
        `Articles removed (${removed.length}, by article_id; an edited file is removed under its old id and added under its new one): ${removed
          .slice(0, 50)
          .map((p) => `\`${p}\``)
          .join(', ')}${removed.length > 50 ? ', ...' : ''}`,
      );
  }
  const older = previous?.changelog?.startsWith(CHANGELOG_HEAD) ? previous.changelog.slice(CHANGELOG_HEAD.length).trim() : '';
  return `${CHANGELOG_HEAD}\n${L.join('\n')}\n${older ? `\n${older}\n` : ''}`;
}

/**
 * The release step (between cross-reference and publish): text removed when asked, then the
 * changes against the previous output. A rebuild of the same version keeps that version's
 * changes and changelog, so two runs on the same input write the same files.
 */
export function release(d: Dataset, options: ReleaseOptions = {}): Release {
  const noText = options.noText ?? false;
  const base = noText ? withoutText(d) : d;
  const digests = tableDigests(base);
  const version = datasetVersion(inputFingerprint(base), contentDigest(digests));
  const prev = options.previous ?? null;
  if (prev && prev.version === version && prev.changes && prev.changelog) {
    return { dataset: { ...base, changes: sortRows('changes', prev.changes) }, version, changelog: prev.changelog };
  }
  const changes = prev && prev.rows.size > 0 ? computeChanges(digests, prev.rows) : [];
  return { dataset: { ...base, changes }, version, changelog: changelog(version, prev, changes, base) };
}
