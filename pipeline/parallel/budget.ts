/**
 * A time budget per item of per-item work (issue 15, "slow"): an input whose
 * cleaning or extraction takes longer than the budget is interrupted and
 * becomes a reject `too-slow`, and the build goes on. The code is meant to be
 * linear in the length of an article; the budget is the guard for a case
 * nobody has found yet (a pattern that backtracks on some page, a loop that
 * grows with the square of a list), so a single bad file never hangs a run.
 *
 * How: node:vm runs a call with a `timeout`; V8 then stops whatever
 * JavaScript is running on this thread when the time is up, regular
 * expressions included, and the call throws. The work is pure (same item,
 * same result) and keeps its state in its own locals, so nothing is left half
 * done for the next item. The clock is wall time: on a busy machine an item
 * near the budget may be interrupted where it was not before, so a too-slow
 * result is never cached (a later run tries the item again).
 *
 * Starting a timed call costs about 0.1 ms (a watchdog thread), so small
 * items are timed in groups under one budget (see mapWithin).
 */
import { createContext, Script } from 'node:vm';
import { z } from 'zod';

/** The result of an item whose work went over the budget (the plan's join turns it into a reject). */
export const tooSlowResult = z.strictObject({ too_slow_ms: z.number().int().min(1) });
export type TooSlow = z.infer<typeof tooSlowResult>;

export const isTooSlow = (r: unknown): r is TooSlow => typeof r === 'object' && r !== null && 'too_slow_ms' in r;

/** The reject message of a too-slow item. */
export const tooSlowMessage = (what: string, ms: number): string =>
  `${what} took longer than the time budget of ${ms / 1000} s (--time-budget): interrupted, nothing of it is published`;

const context = createContext({ run: null as (() => unknown) | null });
const call = new Script('run()', { filename: 'time-budget' });
const TIMED_OUT: unique symbol = Symbol('timed out');

/** `fn()`, interrupted after `ms` of wall time (then TIMED_OUT); errors thrown by `fn` pass through. Nests. */
export function within<R>(fn: () => R, ms: number): R | typeof TIMED_OUT {
  context['run'] = fn;
  try {
    return call.runInContext(context, { timeout: ms }) as R;
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return TIMED_OUT;
    throw e;
  } finally {
    context['run'] = null;
  }
}

/** `fn()` within `ms` (0: no budget), else the too-slow result. */
export function oneWithin<R>(fn: () => R, ms: number): R | TooSlow {
  if (!(ms > 0)) return fn();
  const r = within(fn, ms);
  return r === TIMED_OUT ? { too_slow_ms: ms } : r;
}

/** Items timed together at most. */
const GROUP = 16;

/**
 * `items.map(work)`, each item within `ms` of wall time (0: no budget); an
 * item over it gives the too-slow result instead. Results in item order.
 * Items are timed in groups; when a group's time runs out, the items done so
 * far keep their results, the interrupted item is too slow if it had the
 * whole budget (it was the group's first) and otherwise starts the next group
 * with a budget of its own, so no item is worked twice unless it was cut short.
 */
export function mapWithin<T, R>(items: readonly T[], work: (item: T) => R, ms: number): (R | TooSlow)[] {
  if (!(ms > 0)) return items.map((item) => work(item));
  const out: (R | TooSlow)[] = [];
  while (out.length < items.length) {
    const from = out.length;
    const end = Math.min(items.length, from + GROUP);
    const done: R[] = [];
    const r = within(() => {
      for (let i = from; i < end; i++) done.push(work(items[i]!));
    }, ms);
    for (const d of done) out.push(d);
    if (r === TIMED_OUT && done.length === 0) out.push({ too_slow_ms: ms });
  }
  return out;
}
