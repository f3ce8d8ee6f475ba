// @ts-check
/**
 * A pool worker (pool.ts). Plain JavaScript on purpose: Node 20 does not
 * start a worker from a .ts file, so this file registers tsx in the worker
 * and imports the TypeScript task registry. The main thread never blocks
 * while workers load (it awaits), so tsx's loader cannot deadlock here.
 *
 * Message in:  { id, task, items, cache: { dir, keys } | null }
 * Message out: { id, results } or { id, error: { message, location } }
 */
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runItems } = await import('./tasks.ts');
const { putEntry } = await import('../cache/store.ts');

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
port.on('message', (/** @type {{ id: number, task: string, items: unknown[], cache: { dir: string, keys: string[] } | null }} */ m) => {
  try {
    const results = runItems(m.task, m.items);
    if (m.cache) for (let i = 0; i < results.length; i++) putEntry(m.cache.dir, /** @type {string} */ (m.cache.keys[i]), results[i]);
    port.postMessage({ id: m.id, results });
  } catch (e) {
    const err = /** @type {Error & { location?: unknown }} */ (e);
    port.postMessage({ id: m.id, error: { message: err.message ?? String(e), stack: err.stack ?? null, location: err.location ?? null } });
  }
});
port.postMessage({ ready: true });
