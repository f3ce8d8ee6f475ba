/**
 * The stage contract and its runner. A stage is a pure function from a
 * validated input to a validated output, plus the data issues it met. The
 * runner validates both sides with Zod and checks the keys of any published
 * tables in the output; a violation throws PipelineError with the stage, the
 * article and the field path.
 *
 * What is validated where (a whole-corpus parse is not free: Zod copies every
 * object it parses, about 3 s of a 23 s build on the bench corpus):
 * - input: parsed unless the caller says it is the runner-validated output of
 *   the previous stage (`trustedInput`, set by pipeline/run.ts);
 * - output: parsed whole, except (a) a stage whose output is only published
 *   tables (`outputValidation: 'tables'`): every row is checked by
 *   validateTable anyway; (b) a stage run item by item (`perItem`, in a
 *   worker pool): each item's result is parsed against `perItem.result` where
 *   it is made, and the envelope by `perItem.envelope`;
 * - published tables (`tables`): always validated row by row, with keys.
 */
import type { z } from 'zod';
import type { Dataset } from '../schemas/index.ts';
import type { Config } from './config.ts';
import { PipelineError, type Issue } from './issues.ts';
import { checkKeys, validateTable } from './lib/keys.ts';
import { mapWithin } from './parallel/budget.ts';

export interface StageResult<O> {
  readonly data: O;
  readonly issues: readonly Issue[];
  /** Named counts for quality.json (e.g. "boilerplate:share-button": 4). */
  readonly stats?: Readonly<Record<string, number>>;
}

export interface StageCounts {
  readonly read: number;
  readonly written: number;
  readonly rejected: number;
}

export interface Stage<I, O> {
  /** Number and verb: "01-normalize". */
  readonly name: `${number}-${string}`;
  readonly description: string;
  readonly input: z.ZodType<I>;
  readonly output: z.ZodType<O>;
  readonly run: (input: I, config: Config) => StageResult<O>;
  /** What the stage read, wrote and rejected (units are the stage's own: files, articles, rows). */
  readonly counts: (input: I, output: O) => StageCounts;
  /** Published tables in the output whose rows, keys and references the runner checks. */
  readonly tables?: (output: O) => Partial<Dataset>;
  /** 'tables': the output is nothing but published tables (all of them given by `tables`), so the whole-output parse is skipped. */
  readonly outputValidation?: 'schema' | 'tables';
  /** The stage as split → work per item → join, so the runner may run the items in a worker pool and cache them. */
  readonly perItem?: PerItemPlan<I, O>;
}

/**
 * A stage whose work is mostly per item (a record, an article). `run` must be
 * exactly `join(input, split(input).state, split(input).items.map(work))`:
 * the pool only changes where `work` runs. `task` names the work in
 * pipeline/parallel/tasks.ts, so a worker thread can find it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- defaults that let a registry hold plans of any item type
export interface PerItemPlan<I, O, T = any, R = any, S = any> {
  readonly task: string;
  readonly split: (input: I, config: Config) => { readonly items: readonly T[]; readonly state: S };
  readonly work: (item: T) => R;
  /** Schema of one item's result (checked where the item is worked). */
  readonly result: z.ZodType<R>;
  readonly join: (input: I, state: S, results: readonly R[], config: Config) => StageResult<O>;
  /** Checks the parts of the output that the per-item results do not cover (throws PipelineError). */
  readonly envelope?: (output: O, stage: string) => void;
}

/**
 * A per-item plan run on this thread: the `run` of every per-item stage (so `run` and the pooled run cannot drift
 * apart). Each item is worked within the time budget (config.timeBudgetMs): over it, its result is the too-slow
 * one of parallel/budget.ts, which every plan's `result` schema accepts and its `join` turns into a reject.
 */
export function runInThread<I, O>(plan: PerItemPlan<I, O>): (input: I, config: Config) => StageResult<O> {
  return (input, config) => {
    const { items, state } = plan.split(input, config);
    return plan.join(input, state, mapWithin(items, plan.work, config.timeBudgetMs), config);
  };
}

/** How runStage is called by pipeline/run.ts (tests call it with the defaults: everything validated). */
export interface RunOptions {
  /** The input is the output of the previous stage, already validated by this runner. */
  readonly trustedInput?: boolean;
}

/** Runs the items of a per-item plan somewhere (a worker pool, a cache); results in item order, each validated. */
export type ItemRunner = <T, R>(plan: PerItemPlan<unknown, unknown, T, R>, items: readonly T[]) => Promise<R[]>;

export interface StageReport extends StageCounts {
  readonly stage: string;
  readonly issues: readonly Issue[];
  readonly stats: Readonly<Record<string, number>>;
}

/** Runs one stage with validation on both sides. */
export function runStage<I, O>(stage: Stage<I, O>, input: unknown, config: Config, options: RunOptions = {}): { data: O; report: StageReport } {
  const parsedIn = options.trustedInput ? (input as I) : parseOrThrow(stage.input, input, stage.name, 'input');
  const result = stage.run(parsedIn, config);
  return finish(stage, parsedIn, result, stage.outputValidation === 'tables' ? 'tables' : 'schema');
}

/**
 * Runs one stage, its per-item work (if it has a plan) through `items`
 * (a worker pool and/or a cache); same result as runStage.
 */
export async function runStageAsync<I, O>(
  stage: Stage<I, O>,
  input: unknown,
  config: Config,
  options: RunOptions & { items?: ItemRunner } = {},
): Promise<{ data: O; report: StageReport }> {
  const plan = stage.perItem;
  if (!plan || !options.items) return runStage(stage, input, config, options);
  const parsedIn = options.trustedInput ? (input as I) : parseOrThrow(stage.input, input, stage.name, 'input');
  const { items, state } = plan.split(parsedIn, config);
  const results = await options.items(plan as PerItemPlan<unknown, unknown>, items);
  const result = plan.join(parsedIn, state, results, config);
  if (plan.envelope) plan.envelope(result.data, stage.name);
  return finish(stage, parsedIn, result, stage.outputValidation === 'tables' ? 'tables' : 'items');
}

function finish<I, O>(stage: Stage<I, O>, input: I, result: StageResult<O>, validation: 'schema' | 'tables' | 'items'): { data: O; report: StageReport } {
  const data = validation === 'schema' ? parseOrThrow(stage.output, result.data, stage.name, 'output') : result.data;
  const tables = stage.tables?.(data);
  if (tables) {
    for (const [name, rows] of Object.entries(tables)) validateTable(name as keyof Dataset, rows ?? [], stage.name);
    checkKeys(tables, stage.name);
  }
  return {
    data,
    report: { stage: stage.name, ...stage.counts(input, data), issues: result.issues, stats: result.stats ?? {} },
  };
}

/** Parses one item's result where it is made (worker or main thread); the error names the stage and the item. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the item type is not read here
export function checkItem<R>(plan: PerItemPlan<unknown, unknown, any, R>, stage: string, value: unknown): R {
  return parseOrThrow(plan.result, value, stage, 'output');
}

/** Parses with Zod; on failure throws PipelineError naming the article and field path. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, stage: string, side: 'input' | 'output'): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const first = r.error.issues[0]!;
  const { articleId, offset } = locate(value, first.path);
  throw new PipelineError(`${side} breaks its schema: ${first.message} (${r.error.issues.length} problem(s))`, {
    stage,
    articleId,
    offset,
    field: formatPath(first.path),
  });
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

/** Walks the failing path and remembers the innermost article_id and char_start seen. */
function locate(value: unknown, path: readonly PropertyKey[]): { articleId: string | null; offset: number | null } {
  let articleId: string | null = null;
  let offset: number | null = null;
  let node: unknown = value;
  const visit = (n: unknown) => {
    if (n && typeof n === 'object' && !Array.isArray(n)) {
      const o = n as Record<string, unknown>;
      const art = o['article_id'] ?? (o['article'] as Record<string, unknown> | undefined)?.['article_id'];
      if (typeof art === 'string') articleId = art;
      if (typeof o['char_start'] === 'number') offset = o['char_start'];
    }
  };
  visit(node);
  for (const key of path) {
    if (!node || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[key as string];
    visit(node);
  }
  return { articleId, offset };
}
