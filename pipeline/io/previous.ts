/**
 * The output folder as the previous build left it, for the changes table
 * (pipeline/publish/release.ts): each table's CSV reduced to row digests by
 * primary key, its datapackage.json version, its changes table and
 * CHANGELOG.md. Only files inside the output folder are read; a missing or
 * unreadable file is as good as absent (a first build).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { tables, type ChangeRow } from '../../schemas/index.ts';
import type { TableDef } from '../../schemas/table.ts';
import { COMPARED_TABLES, keyOfCells, rowDigest, type PreviousOutput } from '../publish/release.ts';

const readText = (path: string): string | null => {
  try {
    return existsSync(path) ? readFileSync(path, 'utf8') : null;
  } catch {
    return null;
  }
};

const parse = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;

export function readPrevious(out: string): PreviousOutput | null {
  if (!existsSync(out)) return null;
  const rows = new Map<string, Map<string, string>>();
  for (const name of COMPARED_TABLES) {
    const text = readText(join(out, `${name}.csv`));
    if (text === null) continue;
    const def = tables[name] as unknown as TableDef;
    const digests = new Map<string, string>();
    for (const cells of parse(text)) digests.set(keyOfCells(def, cells), rowDigest(cells));
    rows.set(name, digests);
  }
  let version: string | null = null;
  const pkg = readText(join(out, 'datapackage.json'));
  if (pkg) {
    try {
      const v = (JSON.parse(pkg) as { version?: unknown }).version;
      version = typeof v === 'string' ? v : null;
    } catch {
      version = null;
    }
  }
  const changesText = readText(join(out, 'changes.csv'));
  const kinds = new Set(['added', 'removed', 'changed']);
  const changes =
    changesText === null
      ? null
      : parse(changesText)
          .filter((r) => r['table'] && r['id'] && kinds.has(r['change'] ?? ''))
          .map((r) => ({ table: r['table']!, id: r['id']!, change: r['change'] as ChangeRow['change'] }));
  return { version, rows, changes, changelog: readText(join(out, 'CHANGELOG.md')) };
}
