/**
 * The stage contract and its runner. A stage is a pure function from a
 * validated input to a validated output, plus the data issues it met. The
 * runner validates both sides with Zod and checks the keys of any published
 * tables in the output; a violation throws PipelineError with the stage, the
 * article and the field path.
 */
import type { z } from 'zod';
import type { Dataset } from '../schemas/index.ts';
import type { Config } from './config.ts';
import { PipelineError, type Issue } from './issues.ts';
import { checkKeys, validateTable } from './lib/keys.ts';

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
}

export interface StageReport extends StageCounts {
  readonly stage: string;
  readonly issues: readonly Issue[];
  readonly stats: Readonly<Record<string, number>>;
}

/** Runs one stage with validation on both sides. */
export function runStage<I, O>(stage: Stage<I, O>, input: unknown, config: Config): { data: O; report: StageReport } {
  const parsedIn = parseOrThrow(stage.input, input, stage.name, 'input');
  const result = stage.run(parsedIn, config);
  const data = parseOrThrow(stage.output, result.data, stage.name, 'output');
  const tables = stage.tables?.(data);
  if (tables) {
    for (const [name, rows] of Object.entries(tables)) validateTable(name as keyof Dataset, rows ?? [], stage.name);
    checkKeys(tables, stage.name);
  }
  return {
    data,
    report: { stage: stage.name, ...stage.counts(parsedIn, data), issues: result.issues, stats: result.stats ?? {} },
  };
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
