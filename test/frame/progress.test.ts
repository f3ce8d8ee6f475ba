/** The progress line inside a stage (pipeline/progress.ts) and the item runner's progress calls. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { defaultConfig } from '../../pipeline/config.ts';
import { itemRunner } from '../../pipeline/parallel/items.ts';
import { formatSeconds, progressLine, progressMeter } from '../../pipeline/progress.ts';
import type { PerItemPlan } from '../../pipeline/stage.ts';

describe('progress inside a stage', () => {
  it('says items done, the rate of the items worked and the time left', () => {
    assert.equal(progressLine('03-extract', 300, 1000, 200, 2000), '03-extract: 300/1000 items (30%), 100/s, ETA 7 s');
    // nothing worked yet: no rate, no ETA
    assert.equal(progressLine('01-normalize', 50, 1000, 0, 0), '01-normalize: 50/1000 items (5%)');
    assert.equal(progressLine('03-extract', 1000, 1000, 1000, 4000), '03-extract: 1000/1000 items (100%), 250/s');
    assert.equal(formatSeconds(185), '3 min 5 s');
    assert.equal(formatSeconds(3720), '1 h 2 min');
  });

  it('the meter redraws at most every interval, always at the end, and clears its line', () => {
    let t = 0;
    const out: string[] = [];
    const m = progressMeter(
      (s) => out.push(s),
      () => t,
      100,
    );
    m.update('03-extract', 0, 10);
    t = 50;
    m.update('03-extract', 3, 10); // too soon: not drawn
    t = 150;
    m.update('03-extract', 6, 10);
    t = 160;
    m.update('03-extract', 10, 10); // the end is always drawn
    m.clear();
    m.clear(); // nothing shown: nothing to clear
    assert.deepEqual(
      out.map((s) => s.replace(/\r|\x1b\[K/g, '')),
      ['03-extract: 0/10 items (0%)', '03-extract: 6/10 items (60%), 40/s, ETA 1 s', '03-extract: 10/10 items (100%), 63/s', ''],
    );
  });

  it('the item runner reports reused items at once and worked items as they finish, up to the total', async () => {
    const plan: PerItemPlan<unknown, unknown, number, number> = {
      task: 'test-double',
      split: () => ({ items: [], state: null }),
      work: (n) => n * 2,
      result: z.number() as z.ZodType<number>,
      join: () => ({ data: null, issues: [], stats: {} }),
    };
    const calls: [number, number][] = [];
    const run = itemRunner({ pool: null, cache: null, config: defaultConfig, onProgress: (_t, done, total) => void calls.push([done, total]) });
    const items = Array.from({ length: 200 }, (_, i) => i);
    assert.deepEqual(
      await run(plan, items),
      items.map((n) => n * 2),
    );
    assert.deepEqual(calls, [
      [0, 200],
      [64, 200],
      [128, 200],
      [192, 200],
      [200, 200],
    ]);
  });
});
