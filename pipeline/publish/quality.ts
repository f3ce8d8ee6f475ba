/** Builds quality.json from the stage reports and the dataset. Inputs = articles + rejects must hold. */
import { tableNames, type Dataset } from '../../schemas/index.ts';
import type { Quality } from '../../schemas/quality.ts';
import type { Config } from '../config.ts';
import { sha256 } from '../lib/ids.ts';
import type { StageReport } from '../stage.ts';

/** sha256 over the sorted "path<TAB>sha256" lines of every input (articles and rejects). */
export function inputFingerprint(d: Dataset): string {
  const lines = [...d.articles.map((a) => `${a.source_path}\t${a.sha256}`), ...d.rejects.map((r) => `${r.path}\t${r.sha256 ?? ''}`)].sort();
  return sha256(lines.join('\n'));
}

const countBy = <T>(xs: readonly T[], key: (x: T) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
};

export function buildQuality(d: Dataset, reports: readonly StageReport[], fileCount: number, config: Config): Quality {
  const all = reports.flatMap((r) => r.issues.map((i) => ({ stage: r.stage, ...i })));
  return {
    input_fingerprint: inputFingerprint(d),
    inputs: {
      files: fileCount,
      records: d.articles.length + d.rejects.length,
      articles: d.articles.length,
      rejects: d.rejects.length,
      duplicates: d.articles.filter((a) => a.duplicate_of).length,
    },
    rejects_by_reason: countBy(d.rejects, (r) => r.reason),
    stages: reports.map((r) => ({
      stage: r.stage,
      read: r.read,
      written: r.written,
      rejected: r.rejected,
      stats: { ...r.stats },
      issues_by_code: countBy(r.issues, (i) => i.code),
    })),
    tables: Object.fromEntries(tableNames.map((n) => [n, d[n].length])),
    issues_total: all.length,
    issues_listed: all.slice(0, config.maxListedIssues),
  };
}
