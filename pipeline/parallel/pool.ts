/**
 * A fixed pool of worker threads (worker.mjs) for the per-item work of the
 * stages. Items go in batches, scheduled with p-queue (one batch per idle
 * worker); results come back in item order whatever order the batches finish
 * in, so the output does not depend on the number of workers or timing.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import PQueue from 'p-queue';
import { PipelineError, type ErrorLocation } from '../issues.ts';

interface Reply {
  readonly id?: number;
  readonly ready?: boolean;
  readonly results?: unknown[];
  readonly error?: { message: string; stack: string | null; location: ErrorLocation | null };
}

interface Slot {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  pending: { resolve: (r: unknown[]) => void; reject: (e: Error) => void } | null;
}

/**
 * Input size from which a build uses one worker per core by default. A
 * worker costs about 0.85 s of CPU to start (tsx compiles the extractors in
 * each) and warms up on its own; two workers extract about 1.6 times as fast
 * as one thread once warm (bench, 2 vCPUs), so they pay off from about
 * 10 MB of input; below that the build stays in one thread.
 */
export const AUTO_POOL_BYTES = 10_000_000;

/** Worker threads for a build of `inputBytes` (see AUTO_POOL_BYTES): 1 means no pool. */
export const defaultJobs = (inputBytes: number): number => (inputBytes >= AUTO_POOL_BYTES ? Math.min(availableParallelism(), 8) : 1);

/** Items per message: large enough to amortize the message, small enough to balance the workers. */
export const DEFAULT_BATCH = 32;

export class WorkerPool {
  readonly size: number;
  private readonly slots: Slot[];
  private readonly idle: Slot[];
  private readonly queue: PQueue;
  private nextId = 0;

  /** Wall time each item may take in a worker, in ms (0: none; see budget.ts). */
  private readonly budgetMs: number;

  constructor(size: number, options: { readonly budgetMs?: number } = {}) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`parallel: pool size must be a positive integer, got ${size}`);
    this.size = size;
    this.budgetMs = options.budgetMs ?? 0;
    this.slots = Array.from({ length: size }, () => this.spawn());
    this.idle = [...this.slots];
    this.queue = new PQueue({ concurrency: size });
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), { execArgv: [] });
    let ok: () => void = () => {};
    let fail: (e: Error) => void = () => {};
    const slot: Slot = { worker, ready: new Promise<void>((res, rej) => ((ok = res), (fail = rej))), pending: null };
    worker.on('message', (m: Reply) => {
      if (m.ready) return ok();
      const p = slot.pending;
      slot.pending = null;
      if (!p) return;
      if (m.error) {
        const e = m.error.location ? new PipelineError('', m.error.location) : new Error(m.error.message);
        e.message = m.error.message;
        if (m.error.stack) e.stack = m.error.stack;
        p.reject(e);
      } else p.resolve(m.results!);
    });
    const die = (e: Error) => {
      fail(e);
      slot.pending?.reject(e);
      slot.pending = null;
    };
    worker.on('error', die);
    worker.on('exit', (code) => die(new Error(`parallel: a worker exited (code ${code})`)));
    return slot;
  }

  /** Works `items` of a task in the workers; results in item order. `cacheKeys` (one per item) makes workers store each result in the cache at `cacheDir`. */
  async map(
    task: string,
    items: readonly unknown[],
    cache: { dir: string; keys: readonly string[] } | null = null,
    batch = DEFAULT_BATCH,
    onBatch?: (done: number) => void,
  ): Promise<unknown[]> {
    const out = new Array<unknown>(items.length);
    const jobs: Promise<void>[] = [];
    for (let start = 0; start < items.length; start += batch) {
      const end = Math.min(items.length, start + batch);
      jobs.push(
        this.queue.add(async () => {
          const slot = this.idle.pop()!;
          try {
            await slot.ready;
            const results = await new Promise<unknown[]>((resolve, reject) => {
              slot.pending = { resolve, reject };
              slot.worker.postMessage({
                id: this.nextId++,
                task,
                items: items.slice(start, end),
                cache: cache ? { dir: cache.dir, keys: cache.keys.slice(start, end) } : null,
                budget: this.budgetMs,
              });
            });
            for (let i = 0; i < results.length; i++) out[start + i] = results[i];
            onBatch?.(results.length);
          } finally {
            this.idle.push(slot);
          }
        }),
      );
    }
    await Promise.all(jobs);
    return out;
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(
      this.slots.map((s) => {
        s.worker.removeAllListeners('exit');
        return s.worker.terminate();
      }),
    );
  }
}
