/**
 * Near-duplicate detection without comparing all pairs: word 5-gram shingles,
 * a 64-permutation MinHash signature, locality-sensitive hashing by bands
 * (Broder 1997; Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets",
 * ch. 3), then the exact Jaccard similarity and containment of each candidate
 * pair.
 *
 * Banding: 32 bands of 2 rows. The probability that a pair with Jaccard s
 * becomes a candidate is 1 - (1 - s^2)^32: 0.73 at s = 0.2, 0.996 at 0.4,
 * 1.0 at 0.8. The low threshold is wanted: a short reprint contained in a
 * longer story has a low Jaccard but a high containment, and candidates are
 * verified exactly. Buckets larger than MAX_BUCKET (a passage shared by very
 * many documents) link each member to the bucket's first member only, so the
 * number of candidate pairs stays linear in the number of documents.
 */

const SHINGLE = 5;
const BANDS = 32;
const ROWS = 2;
const PERMS = BANDS * ROWS;
/** Above this size an LSH bucket is linked as a star, not a clique. */
export const MAX_BUCKET = 64;

/** FNV-1a 32-bit hash of a string. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Hashed word shingles of a text (lowercased letters and digits). */
export function shingles(text: string): Set<number> {
  const words = text.toLowerCase().match(WORD) ?? [];
  const out = new Set<number>();
  if (words.length < SHINGLE) {
    if (words.length) out.add(fnv1a(words.join(' ')));
    return out;
  }
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(fnv1a(words.slice(i, i + SHINGLE).join(' ')));
  return out;
}

// Fixed seeds: a deterministic family of hash permutations h(x) = (a*x + b) mod 2^32.
const SEED_A: Uint32Array = Uint32Array.from({ length: PERMS }, (_, i) => fnv1a(`a${i}`) | 1);
const SEED_B: Uint32Array = Uint32Array.from({ length: PERMS }, (_, i) => fnv1a(`b${i}`));

/** MinHash signature: for each permutation, the least permuted shingle hash. */
export function signature(sh: ReadonlySet<number>): Uint32Array {
  const sig = new Uint32Array(PERMS).fill(0xffffffff);
  for (const x of sh) {
    // mix the shingle hash first: FNV values are not uniform enough for a linear permutation
    const y = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
    for (let i = 0; i < PERMS; i++) {
      const h = (Math.imul(SEED_A[i]!, y) + SEED_B[i]!) >>> 0;
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** Shared shingles of two sets. */
function intersection(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  let inter = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) inter++;
  return inter;
}

/** Jaccard similarity |A ∩ B| / |A ∪ B|. */
export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  // two empty bodies share nothing: similarity 0 (headline-only items are not copies of one another by emptiness)
  if (a.size === 0 || b.size === 0) return 0;
  const inter = intersection(a, b);
  return inter / (a.size + b.size - inter);
}

/** Containment of the smaller set in the larger: |A ∩ B| / min(|A|, |B|). */
export function containment(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  const m = Math.min(a.size, b.size);
  return m === 0 ? 0 : intersection(a, b) / m;
}

/** Candidate pairs [i, j] (i < j) that share at least one LSH band, sorted. */
export function candidatePairs(signatures: readonly Uint32Array[]): [number, number][] {
  const pairs = new Set<number>();
  const n = signatures.length;
  const add = (i: number, j: number) => pairs.add(i < j ? i * n + j : j * n + i);
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<string, number[]>();
    signatures.forEach((sig, i) => {
      let key = '';
      for (let r = 0; r < ROWS; r++) key += `${sig[band * ROWS + r]!},`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    });
    for (const bucket of buckets.values()) {
      if (bucket.length > MAX_BUCKET) {
        for (let y = 1; y < bucket.length; y++) add(bucket[0]!, bucket[y]!);
        continue;
      }
      for (let x = 0; x < bucket.length; x++) for (let y = x + 1; y < bucket.length; y++) add(bucket[x]!, bucket[y]!);
    }
  }
  return [...pairs].sort((p, q) => p - q).map((p) => [Math.floor(p / n), p % n] as [number, number]);
}
