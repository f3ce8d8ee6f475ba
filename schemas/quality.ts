/** quality.json: what each stage read, wrote, rejected and warned about. */
import { z } from 'zod';

const count = z.number().int().min(0);

export const listedIssue = z.strictObject({
  stage: z.string(),
  code: z.string(),
  severity: z.enum(['warning', 'info']),
  article_id: z.string().nullable(),
  offset: z.number().int().nullable(),
  message: z.string(),
});

export const quality = z.strictObject({
  input_fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  inputs: z.strictObject({
    /** Files found under the input folder (manifest.csv excluded). */
    files: count,
    /** Records: files, plus one per extra JSONL line. */
    records: count,
    articles: count,
    rejects: count,
    duplicates: count,
  }),
  rejects_by_reason: z.record(z.string(), count),
  stages: z.array(
    z.strictObject({
      stage: z.string(),
      read: count,
      written: count,
      rejected: count,
      stats: z.record(z.string(), count),
      issues_by_code: z.record(z.string(), count),
    }),
  ),
  tables: z.record(z.string(), count),
  issues_total: count,
  issues_listed: z.array(listedIssue),
});
export type Quality = z.infer<typeof quality>;
