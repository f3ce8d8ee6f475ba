/**
 * CSV from a table definition: RFC 4180 via papaparse, "\n" line ends, a
 * trailing newline, header = the schema's column order, null = empty,
 * booleans true/false, lists joined with " | ", and every text cell a user can
 * influence (free text, lists, ids: a path is an id) that would start a
 * spreadsheet formula prefixed with an apostrophe. The guard is reversible:
 * a cell that really begins with an apostrophe gets one more ("'tis" → "''tis"),
 * so un-escaping is always "drop one leading apostrophe" (codebook).
 */
import Papa from 'papaparse';
import { LIST_SEPARATOR, type Column } from '../../schemas/columns.ts';
import type { TableDef } from '../../schemas/table.ts';

/** A cell starting like this would run as a spreadsheet formula (=, +, -, @, tab, CR, LF). */
export const FORMULA_START = /^[=+\-@\t\r\n]/;
/** Cells starting like a formula, or with the guard itself ('), get a leading apostrophe. */
const GUARDED = /^[=+\-@\t\r\n']/;
export const inertText = (s: string): string => (GUARDED.test(s) ? `'${s}` : s);
/** The exact inverse of inertText, as a reader applies it to a CSV cell of a text, list or id column. */
export const uninertText = (s: string): string => (s.startsWith("'") ? s.slice(1) : s);

/** Locale-free number text without exponent for integers (1e21 → "1000000000000000000000"). */
export function formatNumber(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) >= 1e21) return BigInt(v).toString();
  return String(v);
}

export function formatCell(column: Column, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (column.kind) {
    case 'int':
    case 'float':
      return formatNumber(value as number);
    case 'bool':
      return value ? 'true' : 'false';
    case 'list':
      return inertText((value as readonly string[]).join(LIST_SEPARATOR));
    case 'text':
    case 'id':
      return inertText(value as string);
    default:
      return String(value);
  }
}

export function toCsv(def: TableDef, rows: readonly Readonly<Record<string, unknown>>[]): string {
  const fields = [...def.columnNames];
  const data = rows.map((r) => fields.map((f) => formatCell(def.columns[f]!, r[f])));
  const out = Papa.unparse({ fields, data }, { newline: '\n', escapeFormulae: false, quotes: false, header: true });
  return out.endsWith('\n') ? out : `${out}\n`;
}
