/**
 * Averaged perceptron for greedy left-to-right tagging (Collins 2002; the
 * averaging with lazy timestamps as in Honnibal's "A good part-of-speech
 * tagger in about 200 lines"). Deterministic: features are numbered in the
 * order first seen, documents visited in a fixed-seed shuffled order, ties
 * broken by the lower class index.
 */

/** Weights as stored: feature -> [class, weight x 1000, class, weight x 1000, ...]. */
export interface ModelFile {
  readonly format: 'ner-averaged-perceptron/1';
  readonly tags: readonly string[];
  readonly scale: number;
  readonly weights: Readonly<Record<string, readonly number[]>>;
}

export class Trainer {
  readonly nc: number;
  private readonly ids = new Map<string, number>();
  private w = new Float64Array(0);
  private tot = new Float64Array(0);
  private ts = new Float64Array(0);
  private now = 0;
  constructor(
    readonly tags: readonly string[],
    features: Iterable<string>,
  ) {
    this.nc = tags.length;
    for (const f of features) if (!this.ids.has(f)) this.ids.set(f, this.ids.size);
    const size = this.ids.size * this.nc;
    this.w = new Float64Array(size);
    this.tot = new Float64Array(size);
    this.ts = new Float64Array(size);
  }
  /** Ids of the known features among `fs` (unknown ones are ignored). */
  idsOf(fs: readonly string[], out: number[] = []): number[] {
    for (const f of fs) {
      const id = this.ids.get(f);
      if (id !== undefined) out.push(id);
    }
    return out;
  }
  /** The best class for these feature ids (lowest index on a tie). */
  predict(ids: readonly number[], scores = new Float64Array(this.nc)): number {
    scores.fill(0);
    for (const id of ids) {
      const base = id * this.nc;
      for (let c = 0; c < this.nc; c++) scores[c]! += this.w[base + c]!;
    }
    let best = 0;
    for (let c = 1; c < this.nc; c++) if (scores[c]! > scores[best]!) best = c;
    return best;
  }
  /** One training step: tick the clock and, when wrong, move weights toward the truth. */
  update(ids: readonly number[], truth: number, guess: number): void {
    this.now++;
    if (truth === guess) return;
    for (const id of ids) {
      this.bump(id * this.nc + truth, 1);
      this.bump(id * this.nc + guess, -1);
    }
  }
  private bump(k: number, v: number): void {
    this.tot[k]! += (this.now - this.ts[k]!) * this.w[k]!;
    this.ts[k] = this.now;
    this.w[k]! += v;
  }
  /** The averaged weights, rounded to 1/scale, zeros dropped, features sorted. */
  export(scale: number, minAbs: number): ModelFile {
    const out: Record<string, number[]> = {};
    const names = [...this.ids.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const f of names) {
      const base = this.ids.get(f)! * this.nc;
      const row: number[] = [];
      for (let c = 0; c < this.nc; c++) {
        const k = base + c;
        const avg = (this.tot[k]! + (this.now - this.ts[k]!) * this.w[k]!) / Math.max(1, this.now);
        const q = Math.round(avg * scale);
        if (Math.abs(q) >= minAbs) row.push(c, q);
      }
      if (row.length) out[f] = row;
    }
    return { format: 'ner-averaged-perceptron/1', tags: this.tags, scale, weights: out };
  }
}

/**
 * A loaded model: feature -> row number, and one flat table of class weights
 * (row r's weight of class c at r * nc + c). The same Float32 values as one
 * array per feature, in a single allocation: loading makes no 44,000 small
 * arrays, and the tagger's fast path (fast.ts) indexes rows by number.
 */
export class Perceptron {
  readonly nc: number;
  readonly rows = new Map<string, number>();
  readonly weights: Float32Array;
  constructor(readonly file: ModelFile) {
    this.nc = file.tags.length;
    const entries = Object.entries(file.weights);
    this.weights = new Float32Array(entries.length * this.nc);
    let r = 0;
    for (const [f, row] of entries) {
      const base = r * this.nc;
      for (let q = 0; q < row.length; q += 2) this.weights[base + row[q]!] = row[q + 1]! / file.scale;
      this.rows.set(f, r++);
    }
  }
  /** Sum of the rows of features `fs`, in their order (unknown features add nothing). */
  scores(fs: readonly string[], out = new Float64Array(this.nc)): Float64Array {
    out.fill(0);
    for (const f of fs) {
      const r = this.rows.get(f);
      if (r !== undefined) this.addRow(r, out);
    }
    return out;
  }
  /** out += row r (r < 0: nothing). */
  addRow(r: number, out: Float64Array): void {
    if (r < 0) return;
    const w = this.weights,
      nc = this.nc,
      base = r * nc;
    for (let c = 0; c < nc; c++) out[c]! += w[base + c]!;
  }
}

/** A fixed-seed pseudo-random permutation (mulberry32), for a reproducible training order. */
export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
