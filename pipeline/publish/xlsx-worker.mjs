// @ts-check
/**
 * Worker for xlsx.ts: turns a plain workbook model into .xlsx bytes with
 * exceljs. exceljs only writes asynchronously while the publish stage is
 * synchronous, so xlsx.ts runs this in a worker thread and blocks on a
 * shared flag until the bytes come back.
 *
 * Plain JavaScript on purpose: the main thread is blocked while this runs,
 * and tsx's loader needs the main thread to compile TypeScript in a worker.
 * Every decision about cell values lives in xlsx.ts; this file only calls
 * exceljs.
 */
import { workerData } from 'node:worker_threads';

/** @typedef {import('./xlsx.ts').WorkbookModel} WorkbookModel */

const { model, port, signal } = /** @type {{ model: WorkbookModel, port: import('node:worker_threads').MessagePort, signal: Int32Array }} */ (workerData);

/** @param {unknown} message @param {ArrayBuffer[]} [transfer] */
function reply(message, transfer = []) {
  port.postMessage(message, transfer);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

/** @param {WorkbookModel} m */
async function build(m) {
  const { default: ExcelJS } = await import('exceljs');
  const { PassThrough } = await import('node:stream');
  const sink = new PassThrough();
  /** @type {Buffer[]} */
  const chunks = [];
  sink.on('data', (c) => chunks.push(c));
  const done = new Promise((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  // The streaming writer: rows are serialized as they are added (several times faster than the
  // in-memory workbook on large tables); inline strings instead of a shared-string table.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  wb.creator = m.creator;
  wb.lastModifiedBy = m.creator;
  wb.title = m.title;
  wb.created = new Date(m.timestamp);
  wb.modified = new Date(m.timestamp);
  for (const s of m.sheets) {
    const ws = wb.addWorksheet(s.name, { views: s.freezeHeader ? [{ state: 'frozen', xSplit: 0, ySplit: 1 }] : [] });
    ws.columns = s.columns.map((c) => ({ key: c.header, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
    if (s.autoFilter) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.columns.length } };
    const bold = new Set(s.boldRows);
    s.rows.forEach((r, i) => {
      const row = ws.addRow(r);
      if (bold.has(i)) row.font = { bold: true };
      row.commit();
    });
    ws.commit();
  }
  await wb.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

build(model).then(
  (bytes) => reply({ bytes }, [/** @type {ArrayBuffer} */ (bytes.buffer)]),
  (e) => reply({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
);
