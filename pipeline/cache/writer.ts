/**
 * Writes cache entries in a worker thread (writer.mjs), so the main thread
 * and the pool workers only hand results over. `close()` waits until every
 * entry given so far is on disk, then stops the thread: call it before the
 * process exits, or the last entries are lost (a lost entry is only a miss).
 */
import { Worker } from 'node:worker_threads';

const BATCH = 256;

export class CacheWriter {
  private readonly worker: Worker;
  private batch: [string, string, string][] = [];
  private flushes = 0;
  private readonly waiting = new Map<number, () => void>();

  constructor() {
    this.worker = new Worker(new URL('./writer.mjs', import.meta.url), { execArgv: [] });
    this.worker.on('message', (m: { flushed?: number }) => {
      if (m.flushed !== undefined) {
        this.waiting.get(m.flushed)?.();
        this.waiting.delete(m.flushed);
      }
    });
    const fail = () => {
      for (const done of this.waiting.values()) done();
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', fail);
  }

  /** Queues one result for the cache folder `dir` under `key`. */
  put(dir: string, key: string, value: unknown): void {
    this.batch.push([dir, key, JSON.stringify(value)]);
    if (this.batch.length >= BATCH) this.send();
  }

  private send(): void {
    if (this.batch.length) this.worker.postMessage({ entries: this.batch });
    this.batch = [];
  }

  /** Resolves when every entry queued so far is written. */
  flush(): Promise<void> {
    this.send();
    const id = this.flushes++;
    return new Promise<void>((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ flush: id });
    });
  }

  /** Flushes, then stops the thread. */
  async close(): Promise<void> {
    await this.flush();
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
