/**
 * The whole pipeline on in-memory inputs: normalize → deduplicate → extract
 * → cross-reference → release (no-text, changes, version) → publish. No file system here; cli.ts reads and writes.
 *
 * Two ways to run the same stages: `buildDataset` (synchronous, everything in
 * this thread) and `buildDatasetAsync`, where the per-item work of the stages
 * that have a `perItem` plan goes through an item runner (a worker pool and
 * a content-addressed cache, pipeline/parallel/items.ts). Both give the same
 * result; the runner validates each stage's input only when it does not come
 * from the previous stage (see pipeline/stage.ts).
 */
import type { Dataset } from '../schemas/index.ts';
import type { NormalizeInput } from '../schemas/pipeline.ts';
import { quality as qualitySchema, type Quality } from '../schemas/quality.ts';
import type { Config } from './config.ts';
import type { Issue } from './issues.ts';
import { buildQuality } from './publish/quality.ts';
import { release, type ReleaseOptions } from './publish/release.ts';
import { parseOrThrow, runStage, runStageAsync, type ItemRunner, type Stage, type StageReport } from './stage.ts';
import { normalize } from './stages/01-normalize.ts';
import { deduplicate } from './stages/02-deduplicate.ts';
import { extract } from './stages/03-extract.ts';
import { crossReference } from './stages/04-cross-reference.ts';
import { publish, publishFiles, type FileSink, type Files } from './stages/05-publish.ts';

export interface BuildResult {
  readonly dataset: Dataset;
  readonly quality: Quality;
  readonly files: Files;
}

export type Progress = (message: string) => void;

/** Stages in order; each one's input is the previous one's output (publish: the dataset and quality.json). @public */
export const STAGES = [normalize, deduplicate, extract, crossReference, publish] as const;

function reporter(input: NormalizeInput, readIssues: readonly Issue[], progress: Progress) {
  const reports: StageReport[] = [
    {
      stage: '00-read',
      read: input.files.length,
      written: input.files.length,
      rejected: 0,
      issues: readIssues,
      stats: { 'manifest:entries': input.manifest.length },
    },
  ];
  // CPU time of the whole process (every thread, workers included) per stage, beside the wall time: a loaded machine changes the one, not the other
  let cpu = process.cpuUsage();
  const record = (name: string, report: StageReport, t0: number) => {
    reports.push(report);
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    const ms = performance.now() - t0;
    const rate = ms > 0 ? `, ${Math.round((report.read * 1000) / ms)}/s` : '';
    progress(
      `${name}: read ${report.read}, wrote ${report.written}, rejected ${report.rejected}, ${report.issues.length} issue(s)${rate} [${Math.round(ms)} ms, cpu ${Math.round((used.user + used.system) / 1000)} ms]`,
    );
  };
  return { reports, record };
}

/** quality.json of the dataset, validated (it is built here, not by a stage). */
function qualityOf(dataset: Dataset, reports: readonly StageReport[], inputs: number, config: Config): Quality {
  return parseOrThrow(qualitySchema, buildQuality(dataset, reports, inputs, config), '05-publish', 'input');
}

export function buildDataset(
  input: NormalizeInput,
  config: Config,
  readIssues: readonly Issue[] = [],
  progress: Progress = () => {},
  releaseOptions: Omit<ReleaseOptions, 'noText'> = {},
): BuildResult {
  const { reports, record } = reporter(input, readIssues, progress);
  const step = <I, O>(stage: Stage<I, O>, data: unknown, trustedInput: boolean): O => {
    const t0 = performance.now();
    const { data: out, report } = runStage(stage, data, config, { trustedInput });
    record(stage.name, report, t0);
    return out;
  };
  const normalized = step(normalize, input, false);
  const deduped = step(deduplicate, normalized, true);
  const extracted = step(extract, deduped, true);
  const r = release(step(crossReference, extracted, true), { ...releaseOptions, noText: config.noText });
  const dataset = r.dataset;
  const quality = qualityOf(dataset, reports, input.files.length, config);
  const files = step(publish, { dataset, quality, release: { version: r.version, changelog: r.changelog } }, true);
  return { dataset, quality, files };
}

/** The same build, per-item work through `items` (worker pool, cache). */
export async function buildDatasetAsync(
  input: NormalizeInput,
  config: Config,
  items: ItemRunner,
  readIssues: readonly Issue[] = [],
  progress: Progress = () => {},
  releaseOptions: Omit<ReleaseOptions, 'noText'> = {},
  /** Given: every published file goes here as soon as it is made, and `files` of the result is empty. */
  emit?: FileSink,
): Promise<BuildResult> {
  const { reports, record } = reporter(input, readIssues, progress);
  const step = async <I, O>(stage: Stage<I, O>, data: unknown, trustedInput: boolean): Promise<O> => {
    const t0 = performance.now();
    const { data: out, report } = await runStageAsync(stage, data, config, { trustedInput, items });
    record(stage.name, report, t0);
    return out;
  };
  const normalized = await step(normalize, input, false);
  const deduped = await step(deduplicate, normalized, true);
  const extracted = await step(extract, deduped, true);
  const r = release(await step(crossReference, extracted, true), { ...releaseOptions, noText: config.noText });
  const dataset = r.dataset;
  const quality = qualityOf(dataset, reports, input.files.length, config);
  const publishInput = { dataset, quality, release: { version: r.version, changelog: r.changelog } };
  if (emit) {
    // each file straight to the output folder as it is made: none is held until the end
    const t0 = performance.now();
    const names = publishFiles(publishInput, config, emit);
    record(
      publish.name,
      { stage: publish.name, read: dataset.articles.length, written: names.length, rejected: 0, issues: [], stats: { files: names.length } },
      t0,
    );
    return { dataset, quality, files: new Map() };
  }
  const files = await step(publish, publishInput, true);
  return { dataset, quality, files };
}

/**
 * A shard's part of a build: stages 01 to 03 on its slice of the inputs,
 * for their per-item results (seen by `items`, which records them). Nothing
 * is published: the merge run publishes (pipeline/parallel/shard.ts).
 */
export async function buildShard(input: NormalizeInput, config: Config, items: ItemRunner, progress: Progress = () => {}): Promise<void> {
  const { record } = reporter(input, [], progress);
  let data: unknown = input;
  for (const [i, stage] of [normalize, deduplicate, extract].entries()) {
    const t0 = performance.now();
    const r = await runStageAsync(stage as Stage<unknown, unknown>, data, config, { trustedInput: i > 0, items });
    record(stage.name, r.report, t0);
    data = r.data;
  }
}
