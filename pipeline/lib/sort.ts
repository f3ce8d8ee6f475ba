/** Deterministic row order: by the table's sort key, nulls first, strings by code unit. */
import { tables, type TableName } from '../../schemas/index.ts';

export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a ? 1 : -1;
  const sa = Array.isArray(a) ? a.join('\u0000') : String(a);
  const sb = Array.isArray(b) ? b.join('\u0000') : String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export function sortRows<R extends Readonly<Record<string, unknown>>>(name: TableName, rows: readonly R[]): R[] {
  const def = tables[name];
  const sortKey: readonly string[] = def.sortKey;
  const key = [...sortKey, ...(def.primaryKey as readonly string[]).filter((k) => !sortKey.includes(k))];
  return [...rows].sort((x, y) => {
    for (const k of key) {
      const c = compareValues(x[k], y[k]);
      if (c !== 0) return c;
    }
    return 0;
  });
}
