/**
 * Shares: a percentage of something named ("40.2% of the vote", "more than
 * 30 per cent of the budget") is a figure of category `share`, unit `%`,
 * with what it is a share of. A percentage without "of ..." is a change or
 * a rate ("profits rose 12%", "inflation of 3%") and stays skipped, as do
 * percentage points.
 */
import { unitAfter, type UnitPhrase } from './context.ts';
import type { Token } from './tokens.ts';

/** Tokens of the percent sign or word at `end` ("%", "percent", "per cent"), 0 when none, -1 for percentage points. */
export function percentAt(toks: readonly Token[], end: number): number {
  const t = toks[end];
  if (!t) return 0;
  const n =
    t.text === '%' || t.lower === 'percent' || t.lower === 'pc'
      ? 1
      : t.lower === 'per' && toks[end + 1]?.lower === 'cent'
        ? 2
        : t.lower === 'percentage'
          ? -1
          : 0;
  if (n > 0 && /^points?$/.test(toks[end + n]?.lower ?? '')) return -1;
  return n;
}

const DETERMINER = /^(?:the|a|an|its|their|his|her|our|all|this|that|those|these)$/;

/**
 * What a share is of: the noun phrase after "of" at token k (determiners left out), read as a
 * counted unit is read (unitAfter: up to three words, stopping at function words and verbs);
 * null when there is no "of".
 */
export function shareOf(toks: readonly Token[], k: number, sentence: string): UnitPhrase | null {
  if (toks[k]?.lower !== 'of') return null;
  let a = k + 1;
  while (toks[a] && DETERMINER.test(toks[a]!.lower)) a++;
  return unitAfter(toks, a, sentence);
}
