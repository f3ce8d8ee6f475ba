/**
 * Rows for any table, generated from its column definitions, with the
 * values that break naive CSV writers: commas, quotes, line breaks,
 * formula starts, leading spaces, non-ASCII, empty lists and nulls.
 */
import type { Column } from '../../schemas/columns.ts';
import type { TableDef } from '../../schemas/table.ts';

const TRICKY = [
  'plain',
  'comma, inside',
  'quote " inside',
  'line\nbreak',
  '=1+2',
  '+33 1 23',
  '-minus',
  '@handle',
  ' leading space',
  'trailing space ',
  'Zürich – “quoted” ✓',
  'x',
];
const DATES = ['2024-02-29', '1970-01-01', '1999-12-31', '2024-03-02'];

function value(c: Column, i: number, name: string): unknown {
  if (c.nullable && i % 4 === 3) return null;
  switch (c.kind) {
    case 'id':
      return `${name}-${i}`;
    case 'text':
      return TRICKY[i % TRICKY.length];
    case 'int':
      return i * 7 + 1;
    case 'float':
      return [0.5, 28985, -3, 1e6, 0.1 + 0.2][i % 5];
    case 'bool':
      return i % 2 === 0;
    case 'date':
      return DATES[i % DATES.length];
    case 'enum':
      return Object.keys(c.values!)[i % Object.keys(c.values!).length];
    case 'list': {
      // a vocabulary list takes its own values, in order; a free list the tricky strings
      const v = c.values ? Object.keys(c.values) : null;
      return v ? [[], v.slice(0, 1), v.slice(0, 2), v][i % 4] : [[], ['one'], ['a, b', '=x', 'ü'], ['line\nbreak']][i % 4];
    }
  }
}

export function sampleRows(def: TableDef, n = 12): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => Object.fromEntries(def.columnNames.map((name) => [name, value(def.columns[name]!, i, name)])));
}
