/**
 * CSV from a table definition: RFC 4180 via papaparse, "\n" line ends, a
 * trailing newline, header = the schema's column order, null = empty,
 * booleans true/false, lists joined with " | ", free-text cells that would
 * start a spreadsheet formula prefixed with an apostrophe.
 */
import Papa from 'papaparse';
import { LIST_SEPARATOR, type Column } from '../../schemas/columns.ts';
import type { TableDef } from '../../schemas/table.ts';

/** Cells starting like a formula (=, +, -, @, tab, CR) get a leading apostrophe. */
export const FORMULA_START = /^[=+\-@\t\r]/;
export const inertText = (s: string): string => (FORMULA_START.test(s) ? `'${s}` : s);

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
