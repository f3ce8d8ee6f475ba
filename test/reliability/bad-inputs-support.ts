/**
 * Shared harness of the bad-input suite: a small base set of invented
 * articles, an in-memory build (the stages of pipeline/run.ts up to the
 * dataset and quality.json, without serializing files: publish costs about
 * half a second per build and is run once over every case instead), and the
 * checks every case must pass:
 *
 * - the run finishes (no throw);
 * - every bad input is accounted for: published as an article (`path`, or
 *   `path#N` for a JSONL line) or rejected with a known reason code;
 * - quality.json adds up: records = articles + rejects, files counted, and
 *   read = written + rejected for 01-normalize and 02-deduplicate;
 * - no base article's rows change in any per-article table (articles,
 *   sentences, actor_mentions, event_mentions, figures, quotes).
 */
import assert from 'node:assert/strict';
import { defaultConfig, type Config } from '../../pipeline/config.ts';
import { buildQuality } from '../../pipeline/publish/quality.ts';
import { itemKey } from '../../pipeline/cache/store.ts';
import { mapWithin } from '../../pipeline/parallel/budget.ts';
import { runStage, type Stage, type StageReport } from '../../pipeline/stage.ts';
import { normalize } from '../../pipeline/stages/01-normalize.ts';
import { deduplicate } from '../../pipeline/stages/02-deduplicate.ts';
import { extract } from '../../pipeline/stages/03-extract.ts';
import { crossReference } from '../../pipeline/stages/04-cross-reference.ts';
import type { Dataset } from '../../schemas/index.ts';
import type { ManifestEntry, RawFile } from '../../schemas/pipeline.ts';
import type { Quality } from '../../schemas/quality.ts';
import { REJECT_REASONS } from '../../schemas/rejects.ts';

export type Reason = keyof typeof REJECT_REASONS;

export const enc = (s: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(s);

/** A RawFile from text or bytes, as read-raw.ts would give it. */
export function raw(path: string, content: string | Uint8Array): RawFile {
  const bytes = typeof content === 'string' ? enc(content) : new Uint8Array(content);
  return { path, size: bytes.length, bytes, read_error: null };
}

/** Invented base articles: names, numbers, quotes, dates, one JSONL feed with two records. */
export const BASE: readonly RawFile[] = [
  raw(
    'base/harbour-fire.txt',
    'Fire Destroys Warehouse at Harbour\n\nVALPARAISO - A fire destroyed a warehouse at the port of Valparaiso on Monday and injured 4 workers, the fire brigade said.\n\n"The blaze spread in minutes," fire chief Rosa Mendez told reporters.\n\nAbout 300 tonnes of grain were lost, the port authority said.',
  ),
  raw(
    'base/council-vote.md',
    '# Council Approves New Tram Line\n\nThe city council of Lyon voted 41 to 12 on Thursday to build a tram line to the airport.\n\nMayor Paul Girard said work would start in March and cost 210 million euros.',
  ),
  raw(
    'base/feed.jsonl',
    '{"title":"Ferry Runs Aground","text":"A ferry carrying 120 passengers ran aground near the island of Hvar on Saturday, the coast guard said. Nobody was hurt.","date":"2024-06-01"}\n{"title":"Library Reopens","text":"The national library in Tallinn reopened on Friday after two years of renovation, the culture ministry said."}\n',
  ),
  raw(
    'base/talks.json',
    JSON.stringify({
      title: 'Talks on Water Rights Resume',
      body: 'Negotiators from Egypt and Sudan resumed talks on water rights in Khartoum on Wednesday, the foreign ministry said. "We hope for an agreement this year," said Sudanese envoy Omar Idris.',
      date: '2024-04-10',
    }),
  ),
];

export interface Built {
  readonly dataset: Dataset;
  readonly quality: Quality;
  readonly reports: readonly StageReport[];
}

/**
 * Per-item results of this process by content key (what the build cache does on disk): every case builds the
 * base set beside its own files, and the base items (the same record, the same article with the same corpus
 * hint) would otherwise be cleaned and extracted again in each of a few hundred cases. The per-item work is
 * pure, so a result found here is the one the item would give; the corpus-level work (joins, deduplication,
 * cross-reference) and every validation still run for each case.
 */
const memo = new Map<string, unknown>();
function memoized(stage: Stage<unknown, unknown>): Stage<unknown, unknown> {
  const plan = stage.perItem;
  if (!plan) return stage;
  return {
    ...stage,
    run: (input, config) => {
      const { items, state } = plan.split(input, config);
      const keys = items.map((item) => itemKey(`${plan.task}\0${JSON.stringify(config)}`, item));
      const todo = items.flatMap((_, i) => (memo.has(keys[i]!) ? [] : [i]));
      const fresh = mapWithin(
        todo.map((i) => items[i]),
        plan.work,
        config.timeBudgetMs,
      );
      todo.forEach((i, k) => memo.set(keys[i]!, fresh[k]));
      return plan.join(
        input,
        state,
        keys.map((k) => memo.get(k)),
        config,
      );
    },
  };
}

/** Stages 01-04 and quality.json, in the order of pipeline/run.ts (buildDataset), without 05-publish. */
export function buildInMemory(files: readonly RawFile[], config: Config = defaultConfig, manifest: readonly ManifestEntry[] = []): Built {
  const reports: StageReport[] = [{ stage: '00-read', read: files.length, written: files.length, rejected: 0, issues: [], stats: {} }];
  let data: unknown = { files, manifest };
  for (const stage of [normalize, deduplicate, extract, crossReference] as const) {
    const r = runStage(memoized(stage as Stage<unknown, unknown>), data, config);
    reports.push(r.report);
    data = r.data;
  }
  const dataset = data as Dataset;
  return { dataset, quality: buildQuality(dataset, reports, files.length, config), reports };
}

/** Tables whose rows belong to one article (article_id column). */
const PER_ARTICLE = ['articles', 'sentences', 'actor_mentions', 'event_mentions', 'figures', 'quotes'] as const;

/** Rows of the given articles (by source path) in every per-article table, as sorted JSON lines. */
export function rowsOf(d: Dataset, paths: ReadonlySet<string>): Map<string, string[]> {
  const ids = new Set(d.articles.filter((a) => paths.has(a.source_path)).map((a) => a.article_id));
  const out = new Map<string, string[]>();
  for (const t of PER_ARTICLE) {
    const rows = (d[t] as readonly { article_id: string }[]).filter((r) => ids.has(r.article_id)).map((r) => JSON.stringify(r));
    out.set(t, rows.sort());
  }
  return out;
}

const basePaths = new Set(BASE.map((f) => f.path));
/** Source paths of base articles (JSONL records as path#N). */
const baseSources = (d: Dataset) => new Set(d.articles.map((a) => a.source_path).filter((p) => basePaths.has(p.replace(/#\d+$/, ''))));

let baseline: { rows: Map<string, string[]>; sources: Set<string> } | null = null;
/** The base set built alone, once. */
export function baseRows(): { rows: Map<string, string[]>; sources: Set<string> } {
  if (!baseline) {
    const { dataset } = buildInMemory(BASE);
    const sources = baseSources(dataset);
    baseline = { rows: rowsOf(dataset, sources), sources };
  }
  return baseline;
}

/** The input a published or rejected path comes from ("feed.jsonl#3" → "feed.jsonl"). */
function inputOf(p: string, inputs: ReadonlySet<string>): string | null {
  if (inputs.has(p)) return p;
  const bare = p.replace(/#\d+$/, '');
  return inputs.has(bare) ? bare : null;
}

export interface Outcome {
  readonly articles: readonly Dataset['articles'][number][];
  readonly rejects: readonly Dataset['rejects'][number][];
  readonly built: Built;
}

/** quality.json adds up: every record is an article or a reject, and read = written + rejected for the stages we own. */
export function assertAccounting(files: readonly RawFile[], b: Built): void {
  const { dataset: d, quality: q } = b;
  assert.equal(q.inputs.files, files.length, 'inputs.files counts every input file');
  assert.equal(q.inputs.records, q.inputs.articles + q.inputs.rejects, 'records = articles + rejects');
  assert.equal(q.inputs.articles, d.articles.length);
  assert.equal(q.inputs.rejects, d.rejects.length);
  assert.equal(
    Object.values(q.rejects_by_reason).reduce((a, n) => a + n, 0),
    d.rejects.length,
    'rejects_by_reason sums to rejects',
  );
  const inputs = new Set(files.map((f) => f.path));
  const seen = new Set<string>();
  for (const p of [...d.articles.map((a) => a.source_path), ...d.rejects.map((r) => r.path)]) {
    const from = inputOf(p, inputs);
    assert.ok(from !== null, `output path "${p}" comes from no input`);
    seen.add(from);
  }
  for (const f of files) assert.ok(seen.has(f.path), `input "${f.path}" is neither an article nor a reject: lost`);
  for (const r of d.rejects) assert.ok(r.reason in REJECT_REASONS, `reject reason "${r.reason}" is a known code`);
  for (const s of q.stages.filter((s) => s.stage === '01-normalize' || s.stage === '02-deduplicate')) {
    assert.equal(s.read, s.written + s.rejected, `${s.stage}: read ${s.read} = written ${s.written} + rejected ${s.rejected}`);
  }
  const n01 = q.stages.find((s) => s.stage === '01-normalize')!;
  assert.equal(n01.read, q.inputs.records, '01-normalize reads every record');
}

/**
 * Base + the case's files: the run finishes, the case's inputs are accounted
 * for, no base row changes. Returns what became of the case's own inputs.
 */
export function runCase(files: readonly RawFile[], config: Config = defaultConfig, manifest: readonly ManifestEntry[] = []): Outcome {
  const all = [...BASE, ...files];
  const built = buildInMemory(all, config, manifest);
  assertAccounting(all, built);
  const base = baseRows();
  const after = rowsOf(built.dataset, base.sources);
  assert.deepEqual(baseSources(built.dataset), base.sources, 'every base article is still published');
  for (const [t, rows] of base.rows) assert.deepEqual(after.get(t), rows, `base rows of ${t} changed`);
  const own = new Set(files.map((f) => f.path));
  return {
    articles: built.dataset.articles.filter((a) => inputOf(a.source_path, own) !== null),
    rejects: built.dataset.rejects.filter((r) => inputOf(r.path, own) !== null),
    built,
  };
}

/** What a case expects of its (single) input: published, or rejected with one of these reasons. */
export type Expect = 'published' | Reason | readonly (Reason | 'published')[] | 'either';

/** Runs one single-file case and checks its expected outcome; returns it. */
export function expectCase(file: RawFile, expect: Expect, config: Config = defaultConfig): Outcome {
  const o = runCase([file], config);
  if (expect === 'either') return o;
  if (expect === 'published') {
    assert.equal(o.rejects.length, 0, `expected published, got rejects ${JSON.stringify(o.rejects)}`);
    assert.ok(o.articles.length >= 1, 'expected an article');
    return o;
  }
  const reasons: readonly string[] = typeof expect === 'string' ? [expect] : expect;
  if (reasons.includes('published') && o.rejects.length === 0 && o.articles.length >= 1) return o;
  assert.equal(o.articles.length, 0, `expected a reject, got article(s) ${o.articles.map((a) => a.source_path).join(', ')}`);
  assert.ok(o.rejects.length >= 1, 'expected a reject row');
  for (const r of o.rejects) {
    assert.ok(reasons.includes(r.reason), `reject reason ${r.reason} (${r.message}) not in ${reasons.join('|')}`);
    assert.ok(r.message.trim().length > 0, 'a reject has a message for a person');
  }
  return o;
}

/** Tally of reject reasons over every case run in this process (printed by the suites). */
export const tally = { cases: 0, published: 0, reasons: {} as Record<string, number> };
export function record(o: Outcome): void {
  tally.cases++;
  if (o.articles.length) tally.published++;
  for (const r of o.rejects) tally.reasons[r.reason] = (tally.reasons[r.reason] ?? 0) + 1;
}
