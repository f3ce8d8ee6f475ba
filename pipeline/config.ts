/**
 * Options of a build, with their defaults in one place (`defaultConfig`).
 * Limits reject, never truncate: an input over a limit becomes one row of
 * rejects with reason `too-large` and a message naming the limit.
 */
/** Output formats beside the CSV tables, datapackage.json, the codebook and quality.json (always written). */
export const OPTIONAL_FORMATS = ['arrow', 'parquet', 'xlsx', 'report'] as const;
export type OptionalFormat = (typeof OPTIONAL_FORMATS)[number];

export interface Config {
  /**
   * Largest input file read, in bytes (`--max-bytes`, default 20 MiB =
   * 20 971 520). Larger files are not read at all and rejected as too-large,
   * except a JSONL feed: it is read as a stream of lines and the limit
   * applies to each line (a longer line is a too-large reject of its own).
   * Bounds the memory one input record can take.
   */
  readonly maxBytes: number;
  /**
   * Longest article, in characters (UTF-16 code units) of its text
   * (`--max-chars`, default 2 000 000, about 300 000 words). Checked on the
   * record's text before cleaning (a JSONL line, an HTML page's main text)
   * and on the cleaned text; longer articles are rejected as too-large.
   */
  readonly maxChars: number;
  /** Near-duplicate threshold on shingle Jaccard similarity (0..1). */
  readonly nearDuplicateThreshold: number;
  /** Most issues listed one by one in quality.json (all are counted). */
  readonly maxListedIssues: number;
  /**
   * Which optional formats to publish (`--formats`, default all): `arrow`
   * (`<table>.arrow`), `parquet` (`<table>.parquet`), `xlsx` (`dataset.xlsx`),
   * `report` (`report.html`). Skipping the workbook saves most of the publish
   * time on large corpora. The committed output/ is built with all of them.
   */
  readonly formats: readonly OptionalFormat[];
  /**
   * `--no-text`: publish offsets and hashes without the article text (sentences.text, quotes,
   * event mention sentences, event summaries are empty) for sources that may not be republished.
   */
  readonly noText: boolean;
  /**
   * Wall time one input file may take in one stage's per-file work (decoding and page parsing, cleaning, extraction),
   * in milliseconds (`--time-budget S`, default 300 s; 0: none). An input over it is interrupted and rejected as
   * `too-slow`, and the build goes on (pipeline/parallel/budget.ts). A 2 MB article dense with names and numbers
   * takes about 30 s of CPU to extract, but the budget is wall time: on a shared machine that was 240 s once, hence
   * the margin. The budget guards against the case nobody has found yet.
   */
  readonly timeBudgetMs: number;
}

export const defaultConfig: Config = {
  maxBytes: 20 * 1024 * 1024,
  maxChars: 2_000_000,
  nearDuplicateThreshold: 0.8,
  maxListedIssues: 500,
  formats: OPTIONAL_FORMATS,
  noText: false,
  timeBudgetMs: 300_000,
};
