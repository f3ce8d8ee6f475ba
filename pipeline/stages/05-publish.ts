/**
 * The dataset to files: CSV, Arrow and Parquet per table, dataset.xlsx,
 * quality.json, the codebook (README.md) and last datapackage.json, which
 * lists the size and sha256 of every other file (bytes only; cli.ts writes them).
 */
import { z } from 'zod';
import { tableNames, tables, type Dataset } from '../../schemas/index.ts';
import { quality, type Quality } from '../../schemas/quality.ts';
import type { TableDef } from '../../schemas/table.ts';
import { stableJson } from '../lib/json.ts';
import { tableToIPC } from 'apache-arrow';
import { toArrowTable } from '../publish/arrow.ts';
import { codebook } from '../publish/codebook.ts';
import { toCsv } from '../publish/csv.ts';
import { dataPackage, fileDigest, PACKAGE, type FileDigest, type PackageMeta } from '../publish/datapackage.ts';
import type { Config } from '../config.ts';
import { coverage, coverageText, packageLicense } from '../publish/release.ts';
import { arrowToParquet } from '../publish/parquet.ts';
import { startWorkbook, workbookModel } from '../publish/xlsx.ts';
import type { Stage } from '../stage.ts';
import { renderReport } from '../report/index.ts';
import { dataset } from './04-cross-reference.ts';

export interface PublishInput {
  readonly dataset: Dataset;
  readonly quality: Quality;
  /** From the release step (pipeline/publish/release.ts). */
  readonly release: { readonly version: string; readonly changelog: string };
}
export type Files = ReadonlyMap<string, Uint8Array>;

const publishInput = z.strictObject({
  dataset,
  quality,
  release: z.strictObject({ version: z.string().min(1), changelog: z.string() }),
}) as unknown as z.ZodType<PublishInput>;
const files = z.map(z.string().regex(/^[A-Za-z0-9_.-]+$/), z.instanceof(Uint8Array)) as unknown as z.ZodType<Files>;

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Where each file goes as soon as it is made (io/write-output.ts writes it into the temporary output folder). */
export type FileSink = (name: string, bytes: Uint8Array) => void;

const FILE_NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * Makes every published file, one at a time, handing each to `emit` as soon
 * as it is made, so only one table's files are held at once (the workbook
 * is built in its worker meanwhile). Only sizes and hashes are kept, for
 * datapackage.json, which comes last. Returns the names, sorted.
 */
export function publishFiles({ dataset: d, quality: q, release: r }: PublishInput, config: Config, emit: FileSink): string[] {
  const digests = new Map<string, FileDigest>();
  const put = (name: string, bytes: Uint8Array) => {
    if (!FILE_NAME.test(name) || digests.has(name)) throw new Error(`05-publish: bad or repeated file name "${name}"`);
    digests.set(name, fileDigest(bytes));
    emit(name, bytes);
  };
  const want = new Set(config.formats);
  const meta: PackageMeta = {
    fingerprint: q.input_fingerprint,
    version: r.version,
    license: packageLicense(d.articles),
    coverage: coverage(d),
    noText: config.noText,
  };
  // The workbook is written in a worker thread while the other formats are serialized here.
  const license = `${meta.license.statement} Version ${meta.version}. Coverage: ${coverageText(meta.coverage)}`;
  const workbook = want.has('xlsx')
    ? startWorkbook(workbookModel(d, { title: PACKAGE.title, description: PACKAGE.description, license, fingerprint: q.input_fingerprint }))
    : null;
  for (const name of tableNames) {
    const def = tables[name] as unknown as TableDef;
    const rows = d[name] as readonly Record<string, unknown>[];
    put(`${name}.csv`, utf8(toCsv(def, rows)));
    if (!want.has('arrow') && !want.has('parquet')) continue;
    const arrow = toArrowTable(def, rows);
    if (want.has('arrow')) put(`${name}.arrow`, tableToIPC(arrow, 'file'));
    if (want.has('parquet')) put(`${name}.parquet`, arrowToParquet(arrow));
  }
  if (workbook) put('dataset.xlsx', workbook.wait());
  put('quality.json', utf8(stableJson(q)));
  put('README.md', utf8(codebook(q.tables, meta)));
  put('CHANGELOG.md', utf8(r.changelog));
  if (want.has('report')) put('report.html', utf8(renderReport(d, q)));
  put('datapackage.json', utf8(stableJson(dataPackage(digests, q.tables, meta))));
  return [...digests.keys()].sort();
}

export const publish: Stage<PublishInput, Files> = {
  name: '05-publish',
  description: 'Serialize every table to CSV, Arrow and Parquet, and all of them to one workbook; generate quality.json, the codebook and datapackage.json.',
  input: publishInput,
  output: files,
  run(input, config) {
    const out = new Map<string, Uint8Array>();
    publishFiles(input, config, (name, bytes) => out.set(name, bytes));
    const sorted = new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
    return { data: sorted, issues: [], stats: { files: sorted.size } };
  },
  counts: (input, output) => ({ read: input.dataset.articles.length, written: output.size, rejected: 0 }),
};
