/**
 * Parquet from the same Arrow table as `<table>.arrow` (so the same rows,
 * order and types: DATE, INTEGER, DOUBLE, BOOLEAN, VARCHAR, VARCHAR[]),
 * written by parquet-wasm with every writer property fixed, so two builds
 * on the same input give the same bytes.
 */
import { tableToIPC, type Table } from 'apache-arrow';
import { Compression, EnabledStatistics, Table as WasmTable, WriterPropertiesBuilder, WriterVersion, writeParquet } from 'parquet-wasm';
import type { TableDef } from '../../schemas/table.ts';
import { toArrowTable } from './arrow.ts';

/** Written into the file footer instead of the library's "parquet-rs version x.y" (no version, no clock). */
export const PARQUET_CREATED_BY = 'news-events-dataset publish (parquet-wasm)';

/** Rows per row group: large enough that the tables of a normal build are one group each. */
const ROW_GROUP_SIZE = 1 << 20;

/**
 * Serializes rows of a table to Parquet bytes. Fixed: Snappy compression
 * (read by every Parquet reader), format v2 pages, chunk-level statistics,
 * dictionary encoding on, the created-by string, the row group size. The
 * Arrow schema (with each column's description) travels in the footer, so
 * Arrow-based readers get the same types back. No extra key-value metadata:
 * parquet-wasm keeps it in a hash map whose order changes from call to call.
 * @public (library entry point: one table's Parquet bytes)
 */
export function toParquet(def: TableDef, rows: readonly Readonly<Record<string, unknown>>[]): Uint8Array {
  return arrowToParquet(toArrowTable(def, rows));
}

/** Parquet bytes of an Arrow table built by toArrowTable (the publish stage builds it once for both formats). */
export function arrowToParquet(arrow: Table): Uint8Array {
  const ipc = tableToIPC(arrow, 'stream');
  const table = WasmTable.fromIPCStream(ipc);
  const props = new WriterPropertiesBuilder()
    .setCompression(Compression.SNAPPY)
    .setWriterVersion(WriterVersion.V2)
    .setStatisticsEnabled(EnabledStatistics.Chunk)
    .setDictionaryEnabled(true)
    .setMaxRowGroupSize(ROW_GROUP_SIZE)
    .setCreatedBy(PARQUET_CREATED_BY)
    .build();
  return writeParquet(table, props);
}
