// @ts-check
/**
 * A pool worker (pool.ts) run from the TypeScript sources. Plain JavaScript
 * on purpose: Node 20 does not start a worker from a .ts file, so this file
 * registers tsx in the worker and imports the worker's body (worker-main.ts).
 * The main thread never blocks while workers load (it awaits), so tsx's
 * loader cannot deadlock here. The bundle has its own worker.mjs, built from
 * worker-main.ts, which needs no loader.
 */
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
