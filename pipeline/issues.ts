/**
 * Data problems are records, not exceptions: each stage returns the issues it
 * met, the runner collects them, and publish counts them in quality.json.
 * A broken contract (a schema or key violation) is a bug and throws
 * PipelineError, naming the stage, the article and the field.
 */

export const ISSUE_CODES = [
  'rejected-input',
  'unparseable-date',
  'manifest-unmatched',
  'manifest-bad-row',
  'boilerplate-removed',
  'duplicate-article',
  'repeated-passage',
  'number-skipped',
  'unresolved-reference',
  'ambiguous-date',
  'epoch-date',
  'implausible-date',
  'language-not-extracted',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export interface Issue {
  readonly code: IssueCode;
  readonly severity: 'warning' | 'info';
  readonly article_id: string | null;
  readonly offset: number | null;
  readonly message: string;
}

export const issue = (
  code: IssueCode,
  message: string,
  at: { article_id?: string | null; offset?: number | null; severity?: Issue['severity'] } = {},
): Issue => ({
  code,
  severity: at.severity ?? 'warning',
  article_id: at.article_id ?? null,
  offset: at.offset ?? null,
  message,
});

/** Where a contract was broken. */
export interface ErrorLocation {
  readonly stage: string;
  readonly articleId?: string | null;
  readonly offset?: number | null;
  readonly field?: string;
}

export class PipelineError extends Error {
  readonly location: ErrorLocation;
  constructor(message: string, location: ErrorLocation) {
    const where = [
      `stage ${location.stage}`,
      location.articleId ? `article ${location.articleId}` : null,
      location.offset != null ? `offset ${location.offset}` : null,
      location.field ? `field ${location.field}` : null,
    ].filter(Boolean);
    super(`${where.join(', ')}: ${message}`);
    this.name = 'PipelineError';
    this.location = location;
  }
}

/** Problems with the invocation itself (no input, bad option): exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
