/**
 * The whole pipeline on in-memory inputs: normalize → deduplicate → extract
 * → cross-reference → publish. No file system here; cli.ts reads and writes.
 */
import type { Dataset } from '../schemas/index.ts';
import type { NormalizeInput } from '../schemas/pipeline.ts';
import type { Quality } from '../schemas/quality.ts';
import type { Config } from './config.ts';
import type { Issue } from './issues.ts';
import { buildQuality } from './publish/quality.ts';
import { runStage, type StageReport } from './stage.ts';
import { normalize } from './stages/01-normalize.ts';
import { deduplicate } from './stages/02-deduplicate.ts';
import { extract } from './stages/03-extract.ts';
import { crossReference } from './stages/04-cross-reference.ts';
import { publish, type Files } from './stages/05-publish.ts';

export interface BuildResult {
  readonly dataset: Dataset;
  readonly quality: Quality;
  readonly files: Files;
}

export type Progress = (message: string) => void;

export function buildDataset(input: NormalizeInput, config: Config, readIssues: readonly Issue[] = [], progress: Progress = () => {}): BuildResult {
  const reports: StageReport[] = [{ stage: '00-read', read: input.files.length, written: input.files.length, rejected: 0, issues: readIssues, stats: { 'manifest:entries': input.manifest.length } }];
  const step = <I, O>(stage: Parameters<typeof runStage<I, O>>[0], data: unknown): O => {
    const t0 = performance.now();
    const { data: out, report } = runStage(stage, data, config);
    reports.push(report);
    progress(`${stage.name}: read ${report.read}, wrote ${report.written}, rejected ${report.rejected}, ${report.issues.length} issue(s) [${Math.round(performance.now() - t0)} ms]`);
    return out;
  };
  const normalized = step(normalize, input);
  const deduped = step(deduplicate, normalized);
  const extracted = step(extract, deduped);
  const dataset = step(crossReference, extracted);
  const quality = buildQuality(dataset, reports, input.files.length, config);
  const files = step(publish, { dataset, quality });
  return { dataset, quality, files };
}
