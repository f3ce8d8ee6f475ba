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
  const wb = new ExcelJS.Workbook();
  wb.creator = m.creator;
  wb.lastModifiedBy = m.creator;
  wb.title = m.title;
  wb.created = new Date(m.timestamp);
  wb.modified = new Date(m.timestamp);
  wb.calcProperties.fullCalcOnLoad = false;
  for (const s of m.sheets) {
    const ws = wb.addWorksheet(s.name, { views: s.freezeHeader ? [{ state: 'frozen', xSplit: 0, ySplit: 1 }] : [] });
    ws.columns = s.columns.map((c) => ({ key: c.header, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
    for (const r of s.rows) ws.addRow(r);
    for (const i of s.boldRows) ws.getRow(i + 1).font = { bold: true };
    if (s.autoFilter && s.rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.columns.length } };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

build(model).then(
  (bytes) => reply({ bytes }, [/** @type {ArrayBuffer} */ (bytes.buffer)]),
  (e) => reply({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
);
