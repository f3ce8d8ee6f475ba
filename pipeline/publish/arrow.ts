/**
 * Arrow IPC file from a table definition, with explicit types (Date32 days,
 * Int32, Float64, Bool, List<Utf8>, dictionary-encoded enums with a fixed id
 * per column, so the bytes are the same on every build) and each column's
 * description as field metadata.
 */
import { Field, RecordBatch, Schema, Struct, Table, makeData, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import type { TableDef } from '../../schemas/table.ts';

const toDay = (iso: string): Date => new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)));

export function toArrowTable(def: TableDef, rows: readonly Readonly<Record<string, unknown>>[]): Table {
  const fields: Field[] = [];
  const vectors: Vector[] = [];
  def.columnNames.forEach((name, i) => {
    const column = def.columns[name]!;
    const type = column.arrow(i);
    let values = rows.map((r) => r[name] ?? null);
    if (column.kind === 'date') values = values.map((v) => (v === null ? null : toDay(v as string)));
    const field = new Field(name, type, column.nullable, new Map([['description', column.description]]));
    fields.push(field);
    vectors.push(vectorFromArray(values as unknown[], type) as Vector);
  });
  const schema = new Schema(
    fields,
    new Map([
      ['table', def.name],
      ['grain', def.grain],
    ]),
  );
  const children = vectors.map((v) => {
    if (v.data.length !== 1) throw new Error(`arrow: column of ${def.name} built in ${v.data.length} chunks`);
    return v.data[0]!;
  });
  const data = makeData({ type: new Struct(fields), length: rows.length, nullCount: 0, children });
  return new Table(schema, new RecordBatch(schema, data));
}

export const toArrow = (def: TableDef, rows: readonly Readonly<Record<string, unknown>>[]): Uint8Array => tableToIPC(toArrowTable(def, rows), 'file');
