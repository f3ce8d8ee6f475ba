/**
 * Validation of published tables: each row against its table's Zod schema,
 * primary keys unique, foreign keys resolved. Violations are bugs and throw
 * PipelineError with the table, row's article and field.
 */
import { tables, type Dataset, type TableName } from '../../schemas/index.ts';
import { PipelineError } from '../issues.ts';

type Row = Readonly<Record<string, unknown>>;

const keyOf = (row: Row, fields: readonly string[]): string | null => {
  const parts = fields.map((f) => row[f]);
  if (parts.some((p) => p === null || p === undefined)) return null;
  return JSON.stringify(parts);
};

const articleOf = (row: Row): string | null => (typeof row['article_id'] === 'string' ? row['article_id'] : null);
const offsetOf = (row: Row): number | null => (typeof row['char_start'] === 'number' ? row['char_start'] : null);

export function validateTable(name: TableName, rows: readonly unknown[], stage: string): void {
  const schema = tables[name].row;
  rows.forEach((row, i) => {
    const r = schema.safeParse(row);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw new PipelineError(`${name} row ${i} breaks its schema: ${issue.message}`, {
        stage,
        articleId: articleOf(row as Row),
        offset: offsetOf(row as Row),
        field: `${name}.${issue.path.map(String).join('.')}`,
      });
    }
  });
}

/** Checks primary keys of every table given, and foreign keys whose referenced table is given too. */
export function checkKeys(data: Partial<Dataset>, stage: string): void {
  const pkSets = new Map<string, Set<string>>();
  for (const [name, rows] of Object.entries(data) as [TableName, readonly Row[]][]) {
    const def = tables[name];
    const seen = new Set<string>();
    for (const row of rows) {
      const k = keyOf(row, def.primaryKey);
      if (k === null)
        throw new PipelineError(`${name}: primary key (${def.primaryKey.join(', ')}) has an empty part`, {
          stage,
          articleId: articleOf(row),
          field: `${name}.${def.primaryKey.join('+')}`,
        });
      if (seen.has(k))
        throw new PipelineError(`${name}: duplicate primary key ${k}`, {
          stage,
          articleId: articleOf(row),
          offset: offsetOf(row),
          field: `${name}.${def.primaryKey.join('+')}`,
        });
      seen.add(k);
    }
    pkSets.set(name, seen);
  }
  for (const [name, rows] of Object.entries(data) as [TableName, readonly Row[]][]) {
    for (const fk of tables[name].foreignKeys) {
      const target = data[fk.table as TableName] as readonly Row[] | undefined;
      if (!target) continue;
      const refs = sameFields(fk.references, tables[fk.table as TableName].primaryKey)
        ? pkSets.get(fk.table)!
        : new Set(target.map((r) => keyOf(r, fk.references)).filter((k): k is string => k !== null));
      for (const row of rows) {
        const k = keyOf(row, fk.fields);
        if (k !== null && !refs.has(k)) {
          throw new PipelineError(`${name}: ${fk.fields.join(', ')} = ${k} not found in ${fk.table}.${fk.references.join(', ')}`, {
            stage,
            articleId: articleOf(row),
            offset: offsetOf(row),
            field: `${name}.${fk.fields.join('+')}`,
          });
        }
      }
    }
  }
}

const sameFields = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
