/**
 * datapackage.json (Frictionless Data Package v1, tabular): one resource per
 * CSV, its Table Schema generated from the table definition (types,
 * descriptions, enums, primary and foreign keys), row counts, the Arrow and
 * Parquet copies of each table, and the size and sha256 of every file
 * published beside it; the build's input fingerprint.
 */
import type { Column } from '../../schemas/columns.ts';
import { tableNames, tables } from '../../schemas/index.ts';
import type { TableDef } from '../../schemas/table.ts';
import { sha256 } from '../lib/ids.ts';
import { lexicons } from '../lexicons/index.ts';
import type { Coverage, PackageLicense } from './release.ts';

export const PACKAGE = {
  name: 'news-events-actors-figures',
  title: 'News events, actors and figures',
  description:
    'Events, actors, figures and quotes extracted from news articles, each row traced to the sentence it came from. Built reproducibly by `make dataset`.',
} as const;

/** What a build says about itself (pipeline/publish/release.ts makes each part). */
export interface PackageMeta {
  readonly fingerprint: string;
  readonly version: string;
  readonly license: PackageLicense;
  readonly coverage: Coverage;
  readonly noText: boolean;
}

function field(name: string, c: Column) {
  const constraints: Record<string, unknown> = {};
  // Free text may be the empty string, which CSV cannot tell from a missing value: only
  // the other kinds are declared required.
  if (!c.nullable && c.kind !== 'list' && c.kind !== 'text') constraints['required'] = true;
  // a vocabulary list's CSV cell joins several values: the enum constraint is for single-valued columns
  if (c.values && c.kind !== 'list') constraints['enum'] = Object.keys(c.values);
  return {
    name,
    type: c.frictionless,
    ...(c.kind === 'date' ? { format: 'default' } : {}),
    description: c.description,
    ...(Object.keys(constraints).length ? { constraints } : {}),
  };
}

export function tableSchema(def: TableDef) {
  return {
    fields: def.columnNames.map((n) => field(n, def.columns[n]!)),
    primaryKey: [...def.primaryKey],
    // The profile wants at least one foreign key when the property is present.
    ...(def.foreignKeys.length
      ? {
          foreignKeys: def.foreignKeys.map((fk) => ({
            fields: [...fk.fields],
            // "" = this resource (a self-reference), as Table Schema says
            reference: { resource: fk.table === def.name ? '' : fk.table, fields: [...fk.references] },
          })),
        }
      : {}),
    missingValues: [''],
  };
}

/** What each published file is, for the `files` list. */
function fileFormat(path: string): { format: string; mediatype: string } {
  const ext = path.slice(path.lastIndexOf('.') + 1);
  const known: Record<string, { format: string; mediatype: string }> = {
    csv: { format: 'csv', mediatype: 'text/csv' },
    arrow: { format: 'arrow', mediatype: 'application/vnd.apache.arrow.file' },
    parquet: { format: 'parquet', mediatype: 'application/vnd.apache.parquet' },
    xlsx: { format: 'xlsx', mediatype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    json: { format: 'json', mediatype: 'application/json' },
    md: { format: 'md', mediatype: 'text/markdown' },
  };
  return known[ext] ?? { format: ext, mediatype: 'application/octet-stream' };
}

/**
 * The descriptor. `files` must hold every published file but
 * datapackage.json itself (each is listed with its size and sha256);
 * every table's CSV and Arrow must be there, its Parquet when present.
 */
/** A published file's size and hash, kept when its bytes went to disk as soon as they were made. */
export interface FileDigest {
  readonly bytes: number;
  readonly hash: string;
}
export const fileDigest = (bytes: Uint8Array): FileDigest => ({ bytes: bytes.length, hash: `sha256:${sha256(bytes)}` });

export function dataPackage(files: ReadonlyMap<string, Uint8Array | FileDigest>, rowCounts: Readonly<Record<string, number>>, meta: PackageMeta) {
  const digest = (path: string): FileDigest => {
    const f = files.get(path);
    if (!f) throw new Error(`datapackage: ${path} was not written`);
    return f instanceof Uint8Array ? fileDigest(f) : { bytes: f.bytes, hash: f.hash };
  };
  return {
    profile: 'tabular-data-package',
    name: PACKAGE.name,
    title: PACKAGE.title,
    description: PACKAGE.description,
    version: meta.version,
    // the day the data is as of (the latest publication date of its inputs), never the clock: a rebuild stays byte-identical
    ...(meta.coverage.last_published ? { created: `${meta.coverage.last_published}T00:00:00Z` } : {}),
    // left out when no one licence covers the package (unknown or mixed): license_statement says why
    ...(meta.license.licenses ? { licenses: meta.license.licenses } : {}),
    license_statement: meta.license.statement,
    text_included: !meta.noText,
    coverage: meta.coverage,
    sources: lexicons.map((l) => ({ title: `${l.title} (${l.usedFor})`, path: l.source, license: l.license })),
    input_fingerprint: meta.fingerprint,
    resources: tableNames.map((name) => {
      const def = tables[name] as unknown as TableDef;
      return {
        name,
        title: def.title,
        description: `${def.grain} ${def.description}`,
        path: `${name}.csv`,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true, header: true },
        ...digest(`${name}.csv`),
        rows: rowCounts[name] ?? 0,
        schema: tableSchema(def),
        ...(files.has(`${name}.arrow`) ? { arrow: { path: `${name}.arrow`, format: 'arrow', ...digest(`${name}.arrow`) } } : {}),
        ...(files.has(`${name}.parquet`) ? { parquet: { path: `${name}.parquet`, format: 'parquet', ...digest(`${name}.parquet`) } } : {}),
      };
    }),
    files: [...files.keys()]
      .filter((p) => p !== 'datapackage.json')
      .sort()
      .map((path) => ({ path, ...fileFormat(path), ...digest(path) })),
  };
}
