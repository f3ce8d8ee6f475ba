/**
 * The body of a pool worker (pool.ts): runs batches of per-item work for the
 * main thread. worker.mjs registers tsx and imports this file; the bundle of
 * `make dataset` (bench/bundle.mjs) builds it into .bundle/worker.mjs, which
 * starts without the TypeScript loader.
 *
 * Message in:  { id, task, items, cache: { dir, keys } | null, budget: ms (0: none) }
 * Message out: { id, results } or { id, error: { message, location } }
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { putEntry } from '../cache/store.ts';
import { isTooSlow } from './budget.ts';
import { runItems } from './tasks.ts';

const port = parentPort as MessagePort;
port.on('message', (m: { id: number; task: string; items: unknown[]; cache: { dir: string; keys: string[] } | null; budget?: number }) => {
  try {
    const results = runItems(m.task, m.items, m.budget ?? 0);
    // a result over the time budget is never stored: a later run tries the item again
    if (m.cache) for (let i = 0; i < results.length; i++) if (!isTooSlow(results[i])) putEntry(m.cache.dir, m.cache.keys[i]!, results[i]);
    port.postMessage({ id: m.id, results });
  } catch (e) {
    const err = e as Error & { location?: unknown };
    port.postMessage({ id: m.id, error: { message: err.message ?? String(e), stack: err.stack ?? null, location: err.location ?? null } });
  }
});
port.postMessage({ ready: true });
