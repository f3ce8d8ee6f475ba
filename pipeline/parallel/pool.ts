/**
 * A fixed pool of worker threads (worker.mjs) for the per-item work of the
 * stages. Items go in batches, scheduled with p-queue (one batch per idle
 * worker); results come back in item order whatever order the batches finish
 * in, so the output does not depend on the number of workers or timing.
 */
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

/** Items per message: large enough to amortize the message, small enough to balance the workers. */
export const DEFAULT_BATCH = 32;

export class WorkerPool {
  readonly size: number;
  private readonly slots: Slot[];
  private readonly idle: Slot[];
  private readonly queue: PQueue;
  private nextId = 0;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`parallel: pool size must be a positive integer, got ${size}`);
    this.size = size;
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
  async map(task: string, items: readonly unknown[], cache: { dir: string; keys: readonly string[] } | null = null, batch = DEFAULT_BATCH): Promise<unknown[]> {
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
              slot.worker.postMessage({ id: this.nextId++, task, items: items.slice(start, end), cache: cache ? { dir: cache.dir, keys: cache.keys.slice(start, end) } : null });
            });
            for (let i = 0; i < results.length; i++) out[start + i] = results[i];
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
    await Promise.all(this.slots.map((s) => {
      s.worker.removeAllListeners('exit');
      return s.worker.terminate();
    }));
  }
}
