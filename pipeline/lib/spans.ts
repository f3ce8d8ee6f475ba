/**
 * A set of character spans that answers "which spans touch this range" without a scan of all of them: one
 * long article holds tens of thousands of candidate spans, and a rule that compares each candidate with
 * every other one was quadratic in the article's length.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The first index of `xs` (sorted by start) whose start is above `x`. */
function upperBound(xs: readonly { readonly span: Span }[], x: number): number {
  let lo = 0,
    hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]!.span.start <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SpanSet<T extends Span> {
  /** The spans by start, each with the order it was added in. */
  private readonly byStart: { readonly span: T; readonly seq: number }[] = [];
  private longest = 0;
  private added = 0;

  constructor(spans: readonly T[] = []) {
    for (const s of [...spans].map((span, seq) => ({ span, seq })).sort((a, b) => a.span.start - b.span.start || a.seq - b.seq)) this.byStart.push(s);
    this.added = spans.length;
    for (const s of spans) this.longest = Math.max(this.longest, s.end - s.start);
  }

  add(span: T): void {
    this.byStart.splice(upperBound(this.byStart, span.start), 0, { span, seq: this.added++ });
    this.longest = Math.max(this.longest, span.end - span.start);
  }

  /**
   * The spans that share a point with [start, end], both ends included (a superset of those that overlap
   * it, contain it or lie inside it: callers test what they need), in the order they were added.
   */
  touching(start: number, end: number): T[] {
    const out: { span: T; seq: number }[] = [];
    for (let k = upperBound(this.byStart, end) - 1; k >= 0 && this.byStart[k]!.span.start >= start - this.longest; k--)
      if (this.byStart[k]!.span.end >= start) out.push(this.byStart[k]!);
    return out.sort((a, b) => a.seq - b.seq).map((x) => x.span);
  }
}
