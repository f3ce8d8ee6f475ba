// @ts-check
/**
 * The cache writer thread (writer.ts): stores per-item results in the cache
 * in the same format as store.ts's putEntry (sha256 of the body, newline,
 * body; temporary name renamed into place), off the main thread. Writing
 * ten thousand small files took 4 s of a 7 MB build on the main thread (file
 * creation latency); here it overlaps the build.
 *
 * Message in:  { entries: [dir, key, body][] } or { flush: id }
 * Message out: { flushed: id } once every earlier entry is written.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, threadId } from 'node:worker_threads';

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
const made = new Set();
port.on('message', (/** @type {{ entries?: [string, string, string][], flush?: number }} */ m) => {
  for (const [dir, key, body] of m.entries ?? []) {
    try {
      const sub = join(dir, key.slice(0, 2));
      if (!made.has(sub)) {
        mkdirSync(sub, { recursive: true });
        made.add(sub);
      }
      const path = join(sub, `${key}.json`);
      const tmp = `${path}.tmp-${process.pid}-${threadId}`;
      writeFileSync(tmp, `${createHash('sha256').update(body).digest('hex')}\n${body}`);
      renameSync(tmp, path);
    } catch {
      // a cache that cannot be written is no cache: the build goes on
    }
  }
  if (m.flush !== undefined) port.postMessage({ flushed: m.flush });
});
