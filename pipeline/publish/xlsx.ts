/**
 * dataset.xlsx: a first sheet ("about") that explains the tables and their
 * columns, then one sheet per table with a bold, filterable, frozen header
 * row. Dates are Excel dates (yyyy-mm-dd), numbers and booleans are typed
 * cells, lists are joined with " | ", and text is always a string cell (never
 * a formula, whatever it starts with). The bytes are the same on every build:
 * fixed document dates and fixed zip entry times.
 */
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { LIST_SEPARATOR, type Column } from '../../schemas/columns.ts';
import { tableNames, tables } from '../../schemas/index.ts';
import type { TableDef } from '../../schemas/table.ts';

export type CellValue = string | number | boolean | Date | null;

export interface SheetModel {
  readonly name: string;
  readonly columns: readonly { readonly header: string; readonly width: number; readonly numFmt?: string }[];
  /** Rows including the header row. */
  readonly rows: readonly (readonly CellValue[])[];
  /** 0-based rows written in bold. */
  readonly boldRows: readonly number[];
  readonly freezeHeader: boolean;
  readonly autoFilter: boolean;
}

export interface WorkbookModel {
  readonly title: string;
  readonly creator: string;
  /** Document created/modified time, epoch ms (fixed, never the clock). */
  readonly timestamp: number;
  readonly sheets: readonly SheetModel[];
}

/** Excel's limits: characters in a cell, rows in a sheet. */
export const XLSX_MAX_CELL_CHARS = 32767;
export const XLSX_MAX_ROWS = 1048576;
/** Shown after a cell cut at the limit (the CSV, Arrow and Parquet files keep the whole text). */
export const TRUNCATION_MARK = ' [...]';
const DATE_FORMAT = 'yyyy-mm-dd';
const MAX_WIDTH = 60;

const toDay = (iso: string): Date => new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)));

const clip = (s: string): string => (s.length > XLSX_MAX_CELL_CHARS ? s.slice(0, XLSX_MAX_CELL_CHARS - TRUNCATION_MARK.length) + TRUNCATION_MARK : s);

/** One row value to a spreadsheet cell: typed numbers, booleans and dates; lists joined; text as written (no apostrophe: a string cell is never a formula). */
export function xlsxCell(column: Column, value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'int':
    case 'float':
      return value as number;
    case 'bool':
      return value as boolean;
    case 'date':
      return toDay(value as string);
    case 'list': {
      const items = value as readonly string[];
      return items.length ? clip(items.join(LIST_SEPARATOR)) : null;
    }
    default:
      return clip(String(value));
  }
}

const widthOf = (v: CellValue): number => (v === null ? 0 : v instanceof Date ? 10 : String(v).length);

function widths(rows: readonly (readonly CellValue[])[], n: number): number[] {
  const w = new Array<number>(n).fill(8);
  for (const r of rows.slice(0, 500)) r.forEach((v, i) => (w[i] = Math.max(w[i]!, Math.min(MAX_WIDTH, widthOf(v) + 2))));
  return w;
}

/** The sheet of one table: header = the schema's column names, rows in the published order. */
export function tableSheet(def: TableDef, rows: readonly Readonly<Record<string, unknown>>[]): SheetModel {
  const names = def.columnNames;
  const body = rows.slice(0, XLSX_MAX_ROWS - 1).map((r) => names.map((n) => xlsxCell(def.columns[n]!, r[n])));
  const all = [[...names], ...body];
  const w = widths(all, names.length);
  return {
    name: def.name,
    columns: names.map((n, i) => ({ header: n, width: w[i]!, ...(def.columns[n]!.kind === 'date' ? { numFmt: DATE_FORMAT } : {}) })),
    rows: all,
    boldRows: [0],
    freezeHeader: true,
    autoFilter: true,
  };
}

/** The first sheet: what the workbook is, each table (rows, grain, keys) and each column (type, meaning, values). */
export function aboutSheet(
  meta: { title: string; description: string; license: string; fingerprint: string },
  rowCounts: Readonly<Record<string, number>>,
): SheetModel {
  const rows: CellValue[][] = [];
  const bold: number[] = [];
  const head = (cells: CellValue[]) => {
    bold.push(rows.length);
    rows.push(cells);
  };
  head([meta.title]);
  rows.push([meta.description]);
  rows.push([`License: ${meta.license}. Input fingerprint: ${meta.fingerprint}.`]);
  rows.push([
    `One sheet per table, named as the table; row 1 holds the column names. Dates are dates, numbers are numbers; lists are joined with "${LIST_SEPARATOR}"; an empty cell is a missing value. Cells longer than ${XLSX_MAX_CELL_CHARS} characters end with "${TRUNCATION_MARK.trim()}" (the CSV, Arrow and Parquet files hold the whole text). The full codebook is README.md.`,
  ]);
  rows.push([]);
  head(['table', 'rows', 'grain', 'description', 'primary key', 'foreign keys']);
  for (const n of tableNames) {
    const def = tables[n] as unknown as TableDef;
    const count = rowCounts[n] ?? 0;
    const fks = def.foreignKeys.map((fk) => `${fk.fields.join(', ')} -> ${fk.table}(${fk.references.join(', ')})`).join('; ');
    const cut = count > XLSX_MAX_ROWS - 1 ? ` Only the first ${XLSX_MAX_ROWS - 1} rows fit in this sheet.` : '';
    rows.push([n, count, def.grain, def.description + cut, def.primaryKey.join(', '), fks || null]);
  }
  rows.push([]);
  head(['table', 'column', 'type', 'nullable', 'meaning', 'values']);
  for (const n of tableNames) {
    const def = tables[n] as unknown as TableDef;
    for (const c of def.columnNames) {
      const col = def.columns[c]!;
      const values = col.values
        ? Object.entries(col.values)
            .map(([v, d]) => `${v}: ${d}`)
            .join('\n')
        : null;
      rows.push([n, c, col.frictionless, col.nullable, col.description, values]);
    }
  }
  const w = [16, 18, 40, 60, 28, 60];
  return {
    name: 'about',
    columns: w.map((width, i) => ({ header: `c${i}`, width })),
    rows,
    boldRows: bold,
    freezeHeader: false,
    autoFilter: false,
  };
}

/**
 * Sets the modification time and date of every entry of a zip archive (local
 * headers and central directory) to 1980-01-01 00:00, the earliest DOS time.
 * The zip writer stamps entries with the clock; nothing else in the archive
 * depends on it (CRCs and sizes cover the content only). Returns a copy.
 */
export function fixZipTimes(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const DOS_TIME = 0;
  const DOS_DATE = (0 << 9) | (1 << 5) | 1;
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('xlsx: zip end of central directory not found');
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let k = 0; k < entries; k++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error(`xlsx: bad zip central directory entry at byte ${p}`);
    view.setUint16(p + 12, DOS_TIME, true);
    view.setUint16(p + 14, DOS_DATE, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`xlsx: bad zip local header at byte ${local}`);
    view.setUint16(local + 10, DOS_TIME, true);
    view.setUint16(local + 12, DOS_DATE, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}

/** How long the workbook worker may take before the build fails. */
const WORKER_TIMEOUT_MS = 10 * 60 * 1000;

/** A workbook being written in a worker thread; `wait()` blocks until its bytes are ready. */
export interface PendingWorkbook {
  readonly wait: () => Uint8Array;
}

/**
 * Starts writing a workbook model in a worker thread (xlsx-worker.mjs: SpreadsheetML parts zipped with node:zlib) and
 * returns at once, so the caller can serialize other formats meanwhile.
 * zlib and the worker answer asynchronously while the publish stage is synchronous:
 * `wait()` blocks on a shared flag until the worker answers.
 */
export function startWorkbook(model: WorkbookModel): PendingWorkbook {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./xlsx-worker.mjs', import.meta.url), {
    workerData: { model, port: port2, signal },
    transferList: [port2],
    execArgv: [],
  });
  worker.unref();
  let result: Uint8Array | null = null;
  return {
    wait() {
      if (result) return result;
      try {
        const waited = Atomics.wait(signal, 0, 0, WORKER_TIMEOUT_MS);
        const msg = receiveMessageOnPort(port1)?.message as { bytes?: Uint8Array; error?: string } | undefined;
        if (!msg) throw new Error(`xlsx: the workbook worker gave no answer (${waited})`);
        if (msg.error !== undefined || !msg.bytes) throw new Error(`xlsx: workbook worker failed: ${msg.error ?? 'no bytes'}`);
        result = fixZipTimes(msg.bytes);
        return result;
      } finally {
        port1.close();
        void worker.terminate();
      }
    },
  };
}

/** Writes a workbook model in the worker and waits for the bytes. */
export const writeWorkbookSync = (model: WorkbookModel): Uint8Array => startWorkbook(model).wait();

/** The workbook model of a dataset: the about sheet, then one sheet per table in publication order. */
export function workbookModel(
  data: Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>,
  meta: { title: string; description: string; license: string; fingerprint: string },
): WorkbookModel {
  const counts = Object.fromEntries(tableNames.map((n) => [n, data[n]?.length ?? 0]));
  const sheets = [aboutSheet(meta, counts), ...tableNames.map((n) => tableSheet(tables[n] as unknown as TableDef, data[n] ?? []))];
  return { title: meta.title, creator: 'news-events-dataset', timestamp: 0, sheets };
}

/** dataset.xlsx bytes (blocking). @public (library entry point) */
export const toXlsx = (
  data: Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>,
  meta: { title: string; description: string; license: string; fingerprint: string },
): Uint8Array => writeWorkbookSync(workbookModel(data, meta));
