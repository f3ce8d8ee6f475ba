/**
 * Progress inside a stage's per-item work, for a terminal: one line rewritten
 * in place ("03-extract: 1200/9825 items (12%), 640/s, ETA 14 s"). Off a
 * terminal nothing is written here: the runner's one line per stage is the log.
 */

/** The progress text of a task: `done` of `total` items, `worked` of them since `ms` milliseconds ago. */
export function progressLine(task: string, done: number, total: number, worked: number, ms: number): string {
  const pct = total > 0 ? Math.floor((done * 100) / total) : 100;
  const rate = ms > 0 && worked > 0 ? (worked * 1000) / ms : 0;
  const eta = rate > 0 && done < total ? `, ETA ${formatSeconds((total - done) / rate)}` : '';
  return `${task}: ${done}/${total} items (${pct}%)${rate > 0 ? `, ${Math.round(rate)}/s` : ''}${eta}`;
}

/** 14 s, 3 min 5 s, 1 h 2 min. */
export function formatSeconds(s: number): string {
  const t = Math.ceil(s);
  if (t < 60) return `${t} s`;
  if (t < 3600) return `${Math.floor(t / 60)} min ${t % 60} s`;
  return `${Math.floor(t / 3600)} h ${Math.floor((t % 3600) / 60)} min`;
}

/**
 * A meter for the item runner's onProgress: redraws the line at most every
 * `everyMs` (and when a task completes); `clear` wipes it before a log line.
 */
export function progressMeter(write: (text: string) => void, now: () => number = () => performance.now(), everyMs = 250) {
  let task = '';
  let t0 = 0;
  let first = 0;
  let last = -Infinity;
  let shown = false;
  return {
    update(t: string, done: number, total: number): void {
      const at = now();
      if (t !== task || done < first) {
        task = t;
        t0 = at;
        first = done;
        last = -Infinity;
      }
      if (at - last < everyMs && done < total) return;
      last = at;
      shown = true;
      write(`\r${progressLine(task, done, total, done - first, at - t0)}\x1b[K`);
    },
    clear(): void {
      if (shown) write('\r\x1b[K');
      shown = false;
    },
  };
}
