/**
 * The item runner of pipeline/run.ts: per-item work of a stage looked up in
 * the cache first, the rest worked in the worker pool (or here, without a
 * pool), each new result validated where it is made and stored in the cache.
 * Results in item order, whatever came from where.
 */
import type { Config } from '../config.ts';
import { getEntry, itemKey, openCache, putEntry } from '../cache/store.ts';
import { checkItem, type ItemRunner, type PerItemPlan } from '../stage.ts';
import type { WorkerPool } from './pool.ts';

export interface ItemRunnerOptions {
  readonly pool: WorkerPool | null;
  /** Cache root and pipeline version, or null for no cache. */
  readonly cache: { readonly root: string; readonly version: string } | null;
  readonly config: Config;
  /** Called once per task with how many items came from the cache and how many were worked. */
  readonly onTask?: (task: string, counts: { readonly cached: number; readonly worked: number }) => void;
}

export function itemRunner(o: ItemRunnerOptions): ItemRunner {
  const configKey = JSON.stringify(o.config);
  return async <T, R>(plan: PerItemPlan<unknown, unknown, T, R>, items: readonly T[]): Promise<R[]> => {
    const out = new Array<R>(items.length);
    let todo: number[] = items.map((_, i) => i);
    let keys: string[] = [];
    let dir: string | null = null;
    if (o.cache) {
      dir = openCache(o.cache.root, o.cache.version, plan.task);
      keys = items.map((item) => itemKey(`${plan.task}\0${configKey}`, item));
      todo = [];
      for (let i = 0; i < items.length; i++) {
        const hit = getEntry(dir, keys[i]!);
        if (hit === undefined) todo.push(i);
        else out[i] = hit as R;
      }
    }
    if (todo.length) {
      const pending = todo.map((i) => items[i]!);
      const pendingKeys = dir ? todo.map((i) => keys[i]!) : [];
      let results: unknown[];
      if (o.pool) results = await o.pool.map(plan.task, pending, dir ? { dir, keys: pendingKeys } : null);
      else {
        results = pending.map((item) => checkItem(plan, plan.task, plan.work(item)));
        if (dir) results.forEach((r, k) => putEntry(dir!, pendingKeys[k]!, r));
      }
      todo.forEach((i, k) => (out[i] = results[k] as R));
    }
    o.onTask?.(plan.task, { cached: items.length - todo.length, worked: todo.length });
    return out;
  };
}
