/**
 * The per-item work a worker thread can do, by task name: each stage's
 * `perItem` plan (pipeline/stage.ts). A worker runs `work` and validates
 * each result against the plan's schema where it is made.
 */
import { checkItem, type PerItemPlan } from '../stage.ts';
import { mapWithin } from './budget.ts';
import { normalize } from '../stages/01-normalize.ts';
import { extract } from '../stages/03-extract.ts';

const plans: ReadonlyMap<string, PerItemPlan<unknown, unknown>> = new Map(
  [normalize, extract].flatMap((s) => (s.perItem ? [[s.perItem.task, s.perItem as unknown as PerItemPlan<unknown, unknown>] as const] : [])),
);

/** The plan of a task name; throws on an unknown name. */
export function planOf(task: string): PerItemPlan<unknown, unknown> {
  const p = plans.get(task);
  if (!p) throw new Error(`parallel: unknown task "${task}"`);
  return p;
}

/** Works and validates items of a task, in order, each within `budgetMs` of wall time (0: none; see budget.ts). */
export function runItems(task: string, items: readonly unknown[], budgetMs = 0): unknown[] {
  const plan = planOf(task);
  return mapWithin(items, plan.work, budgetMs).map((r) => checkItem(plan, task, r));
}
