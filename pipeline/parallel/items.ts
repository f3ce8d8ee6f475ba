/**
 * The item runner of pipeline/run.ts: per-item work of a stage looked up
 * first in results handed over by shards (`preloaded`), then in the cache;
 * the rest worked in the worker pool (or here, without a pool), each new
 * result validated where it is made and stored in the cache. Results in item
 * order, whatever came from where. `record` sees every item's key and result
 * (a shard run writes them out for the merge).
 */
import type { Config } from '../config.ts';
import { getEntry, itemKey, openCache, putEntry } from '../cache/store.ts';
import { checkItem, type ItemRunner, type PerItemPlan } from '../stage.ts';
import type { CacheWriter } from '../cache/writer.ts';
import { isTooSlow, mapWithin } from './budget.ts';
import type { WorkerPool } from './pool.ts';

export interface ItemRunnerOptions {
  readonly pool: WorkerPool | null;
  /** Cache root and pipeline version, or null for no cache. */
  readonly cache: { readonly root: string; readonly version: string } | null;
  /** Writes new cache entries off this thread (else they are written here, synchronously). */
  readonly writer?: CacheWriter;
  readonly config: Config;
  /** Results made elsewhere (shards), by task then key. */
  readonly preloaded?: ReadonlyMap<string, ReadonlyMap<string, unknown>>;
  /** Sees every item's key and result. */
  readonly record?: (task: string, key: string, result: unknown) => void;
  /** Called once per task with how many items came from shards or the cache and how many were worked. */
  readonly onTask?: (task: string, counts: { readonly reused: number; readonly worked: number }) => void;
  /** Called as items are done (reused ones at once, worked ones as they finish): for a progress line. */
  readonly onProgress?: (task: string, done: number, total: number) => void;
}

/** Items worked on this thread between two progress calls. */
const PROGRESS_EVERY = 64;

export function itemRunner(o: ItemRunnerOptions): ItemRunner {
  // publish-only options (formats, no-text) do not change per-item results, so they stay out of the cache key;
  // nor does the time budget (a result over it is never stored)
  const { formats: _formats, noText: _noText, timeBudgetMs: budget, ...itemConfig } = o.config;
  const configKey = JSON.stringify(itemConfig);
  const keyed = !!(o.cache || o.preloaded || o.record);
  return async <T, R>(plan: PerItemPlan<unknown, unknown, T, R>, items: readonly T[]): Promise<R[]> => {
    const out = new Array<R>(items.length);
    const keys = keyed ? items.map((item) => itemKey(`${plan.task}\0${configKey}`, item)) : [];
    const dir = o.cache ? openCache(o.cache.root, o.cache.version, plan.task) : null;
    const pre = o.preloaded?.get(plan.task);
    const todo: number[] = [];
    for (let i = 0; i < items.length; i++) {
      const hit = pre?.get(keys[i]!) ?? (dir ? getEntry(dir, keys[i]!) : undefined);
      if (hit === undefined) todo.push(i);
      else out[i] = hit as R;
    }
    let done = items.length - todo.length;
    const progress = o.onProgress;
    progress?.(plan.task, done, items.length);
    if (todo.length) {
      const pending = todo.map((i) => items[i]!);
      const pendingKeys = keyed ? todo.map((i) => keys[i]!) : [];
      let results: unknown[];
      const onBatch = progress ? (n: number) => progress(plan.task, (done += n), items.length) : undefined;
      if (o.pool) results = await o.pool.map(plan.task, pending, dir && !o.writer ? { dir, keys: pendingKeys } : null, undefined, onBatch);
      else {
        results = [];
        // each item within the time budget (a slow one gives the too-slow result), progress every PROGRESS_EVERY items
        for (let start = 0; start < pending.length; start += PROGRESS_EVERY) {
          const part = mapWithin(pending.slice(start, start + PROGRESS_EVERY), plan.work, budget);
          for (const r of part) results.push(checkItem(plan, plan.task, r));
          onBatch?.(part.length);
        }
        if (dir && !o.writer) results.forEach((r, k) => isTooSlow(r) || putEntry(dir, pendingKeys[k]!, r));
      }
      if (dir && o.writer) results.forEach((r, k) => isTooSlow(r) || o.writer!.put(dir, pendingKeys[k]!, r));
      todo.forEach((i, k) => (out[i] = results[k] as R));
    }
    if (o.record) for (let i = 0; i < items.length; i++) o.record(plan.task, keys[i]!, out[i]);
    o.onTask?.(plan.task, { reused: items.length - todo.length, worked: todo.length });
    return out;
  };
}
