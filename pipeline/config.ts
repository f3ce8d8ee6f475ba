/** Options of a build, with their defaults in one place. */
export interface Config {
  /** Files larger than this are rejected as too-large (never truncated). */
  readonly maxBytes: number;
  /** Articles whose cleaned text is longer than this (characters) are rejected as too-large. */
  readonly maxChars: number;
  /** Near-duplicate threshold on shingle Jaccard similarity (0..1). */
  readonly nearDuplicateThreshold: number;
  /** Most issues listed one by one in quality.json (all are counted). */
  readonly maxListedIssues: number;
}

export const defaultConfig: Config = {
  maxBytes: 20 * 1024 * 1024,
  maxChars: 2_000_000,
  nearDuplicateThreshold: 0.8,
  maxListedIssues: 500,
};
