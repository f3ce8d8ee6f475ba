/**
 * Near-duplicate detection without comparing all pairs: word 5-gram shingles,
 * a MinHash signature, locality-sensitive hashing by bands (Broder 1997;
 * Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3), then the
 * exact Jaccard similarity of each candidate pair.
 */

const SHINGLE = 5;
const BANDS = 16;
const ROWS = 4;
const PERMS = BANDS * ROWS;

/** FNV-1a 32-bit hash of a string. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Hashed word shingles of a text (lowercased letters and digits). */
export function shingles(text: string): Set<number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<number>();
  if (words.length < SHINGLE) {
    if (words.length) out.add(fnv1a(words.join(' ')));
    return out;
  }
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(fnv1a(words.slice(i, i + SHINGLE).join(' ')));
  return out;
}

// Fixed seeds: a deterministic family of hash permutations h(x) = (a*x + b) mod 2^32.
const SEEDS: readonly (readonly [number, number])[] = Array.from({ length: PERMS }, (_, i) => [fnv1a(`a${i}`) | 1, fnv1a(`b${i}`)] as const);

export function signature(sh: ReadonlySet<number>): Uint32Array {
  const sig = new Uint32Array(PERMS).fill(0xffffffff);
  for (const x of sh) {
    for (let i = 0; i < PERMS; i++) {
      const [a, b] = SEEDS[i]!;
      const h = (Math.imul(a, x) + b) >>> 0;
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** Candidate pairs [i, j] (i < j) that share at least one LSH band. */
export function candidatePairs(signatures: readonly Uint32Array[]): [number, number][] {
  const pairs = new Set<string>();
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<string, number[]>();
    signatures.forEach((sig, i) => {
      const key = Array.from(sig.subarray(band * ROWS, band * ROWS + ROWS)).join(',');
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    });
    for (const bucket of buckets.values()) {
      for (let x = 0; x < bucket.length; x++) for (let y = x + 1; y < bucket.length; y++) pairs.add(`${bucket[x]},${bucket[y]}`);
    }
  }
  return [...pairs].map((p) => p.split(',').map(Number) as [number, number]).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}
