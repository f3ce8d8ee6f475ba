/**
 * A published table: its columns (in CSV order), grain, primary key, foreign
 * keys and sort key. Validation, CSV, Arrow, datapackage.json and the codebook
 * are all generated from a TableDef.
 */
import { z } from 'zod';
import type { Column } from './columns.ts';

export interface ForeignKey<K extends string = string> {
  readonly fields: readonly K[];
  /** Name of the referenced table. */
  readonly table: string;
  /** Referenced columns (its primary key or a unique set). */
  readonly references: readonly string[];
}

export interface TableSpec<C extends Record<string, Column>> {
  readonly name: string;
  readonly title: string;
  /** "One row per ..." */
  readonly grain: string;
  readonly description: string;
  readonly columns: C;
  readonly primaryKey: readonly (keyof C & string)[];
  readonly foreignKeys: readonly ForeignKey<keyof C & string>[];
  /** Row order in every output file; defaults to the primary key. */
  readonly sortKey?: readonly (keyof C & string)[];
}

type RowShape<C extends Record<string, Column>> = { [K in keyof C]: C[K]['zod'] };

export interface TableDef<C extends Record<string, Column> = Record<string, Column>> extends TableSpec<C> {
  readonly sortKey: readonly (keyof C & string)[];
  readonly columnNames: readonly (keyof C & string)[];
  /** Zod schema of one row: strict, so a stray field is an error. */
  readonly row: z.ZodObject<RowShape<C>, z.core.$strict>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table's columns
export type RowOf<T extends TableDef<any>> = z.infer<T['row']>;

export function defineTable<C extends Record<string, Column>>(spec: TableSpec<C>): TableDef<C> {
  const columnNames = Object.keys(spec.columns) as (keyof C & string)[];
  for (const k of [...spec.primaryKey, ...(spec.sortKey ?? []), ...spec.foreignKeys.flatMap((f) => f.fields)]) {
    if (!columnNames.includes(k)) throw new Error(`table ${spec.name}: key column "${k}" is not a column`);
  }
  const shape = Object.fromEntries(columnNames.map((k) => [k, spec.columns[k]!.zod])) as RowShape<C>;
  return {
    ...spec,
    sortKey: spec.sortKey ?? spec.primaryKey,
    columnNames,
    row: z.strictObject(shape),
  };
}
