// @ts-check
/**
 * Worker for xlsx.ts: turns a plain workbook model into .xlsx bytes: the
 * SpreadsheetML parts written as text and zipped with node:zlib (deflate,
 * fixed 1980-01-01 entry times). It replaced exceljs's streaming writer,
 * which took 3.3 s of the 7 MB bench build's publish stage (cell objects,
 * styles and streams per cell); this takes a fraction of that. The parts
 * follow what exceljs wrote (typed cells, strings as t="str", a bold and a
 * date style, frozen header, auto filter, column widths), so any reader of
 * the former files reads these.
 *
 * Plain JavaScript on purpose: the main thread is blocked while this runs,
 * and tsx's loader needs the main thread to compile TypeScript in a worker.
 * Every decision about cell values lives in xlsx.ts.
 */
import { workerData } from 'node:worker_threads';
import { crc32, deflateRawSync } from 'node:zlib';

/** @typedef {import('./xlsx.ts').WorkbookModel} WorkbookModel */
/** @typedef {import('./xlsx.ts').SheetModel} SheetModel */

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';
/** Excel's day 0 is 1899-12-30: the serial of 1970-01-01. */
const EPOCH_SERIAL = 25569;
const DAY_MS = 86400000;
/** Style ids in styles.xml: 0 normal, 1 bold, 2 date, 3 bold date. */
const STYLE_BOLD = 1;
const STYLE_DATE = 2;

// characters XML 1.0 cannot hold (C0 controls but tab, newline and carriage return; DEL; U+FFFE/U+FFFF): dropped, as exceljs did
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;
const SPECIAL = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;
/** @param {string} c */
const entity = (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;');
/** @param {string} s */
const esc = (s) => (SPECIAL.test(s) ? s.replace(INVALID, '').replace(/[&<>"']/g, entity) : s);

/** @param {number} i 0-based column */
function colName(i) {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** @param {unknown} v @param {string} ref @param {number} style */
function cell(v, ref, style) {
  const s = style ? ` s="${style}"` : '';
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v instanceof Date) return `<c r="${ref}"${s}><v>${EPOCH_SERIAL + v.getTime() / DAY_MS}</v></c>`;
  return `<c r="${ref}"${s} t="str"><v>${esc(String(v))}</v></c>`;
}

/** One worksheet part, as chunks of UTF-8 bytes (a large table does not become one string). @param {SheetModel} sh */
/** The filtered range of a sheet: the header and every data row ("A1:F120"), else null. @param {SheetModel} sh */
function filterRange(sh) {
  const cols = sh.columns.length;
  return sh.autoFilter && cols > 0 ? `A1:${colName(cols - 1)}${Math.max(1, sh.rows.length)}` : null;
}

/** Absolute reference of a range on a sheet ("'events'!$A$1:$F$120"). @param {string} sheet @param {string} range */
const absolute = (sheet, range) => `'${sheet.replace(/'/g, "''")}'!${range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;

/**
 * Defined names LibreOffice and Excel expect: each filtered sheet's _xlnm._FilterDatabase (LibreOffice
 * shows no filter buttons without it) and _xlnm.Print_Titles (the header row repeated on every page).
 * @param {readonly SheetModel[]} sheets
 */
function definedNames(sheets) {
  let out = '';
  sheets.forEach((sh, i) => {
    const range = filterRange(sh);
    if (!range) return;
    out += `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${esc(absolute(sh.name, range))}</definedName>`;
    out += `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${esc(`'${sh.name.replace(/'/g, "''")}'!$1:$1`)}</definedName>`;
  });
  return out ? `<definedNames>${out}</definedNames>` : '';
}

function sheetXml(sh) {
  const cols = sh.columns.length;
  const names = Array.from({ length: Math.max(cols, 1) }, (_, i) => colName(i));
  const dateCol = sh.columns.map((c) => !!c.numFmt);
  const bold = new Set(sh.boldRows);
  /** @type {Buffer[]} */
  const chunks = [];
  let buf = `${XML}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">`;
  // print setup: fit the columns to the page width, landscape (pageSetup below)
  buf += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  if (sh.freezeHeader)
    buf +=
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>';
  buf += '<sheetFormatPr defaultRowHeight="15"/><cols>';
  sh.columns.forEach((c, i) => (buf += `<col min="${i + 1}" max="${i + 1}" width="${c.width}"${c.numFmt ? ` style="${STYLE_DATE}"` : ''} customWidth="1"/>`));
  buf += '</cols><sheetData>';
  sh.rows.forEach((row, r) => {
    const n = r + 1;
    const b = bold.has(r);
    let line = b ? `<row r="${n}" s="${STYLE_BOLD}" customFormat="1">` : `<row r="${n}">`;
    for (let i = 0; i < row.length; i++) {
      const style = (b ? STYLE_BOLD : 0) + (dateCol[i] ? STYLE_DATE : 0);
      line += cell(row[i], `${names[i] ?? colName(i)}${n}`, style);
    }
    buf += `${line}</row>`;
    if (buf.length > 1 << 20) {
      chunks.push(Buffer.from(buf, 'utf8'));
      buf = '';
    }
  });
  buf += '</sheetData>';
  const range = filterRange(sh);
  if (range) buf += `<autoFilter ref="${range}"/>`;
  buf +=
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>';
  chunks.push(Buffer.from(buf, 'utf8'));
  return Buffer.concat(chunks);
}

const STYLES = `${XML}<styleSheet xmlns="${NS_MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>`;

/** @param {number} ms */
const w3cdtf = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The parts of the package, in zip order. @param {WorkbookModel} m @returns {[string, Uint8Array | string][]} */
function parts(m) {
  const sheets = m.sheets;
  const types = [
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`,
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>`,
    ...sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`),
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>`,
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`,
    `<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/>`,
  ].join('');
  const when = w3cdtf(m.timestamp);
  /** @type {[string, Uint8Array | string][]} */
  const out = [
    ['[Content_Types].xml', `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${types}</Types>`],
    [
      '_rels/.rels',
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    ],
    [
      'docProps/app.xml',
      `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>${esc(m.creator)}</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${sheets.map((s) => `<vt:lpstr>${esc(s.name)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts></Properties>`,
    ],
    [
      'docProps/core.xml',
      `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${esc(m.creator)}</dc:creator><dc:title>${esc(m.title)}</dc:title><cp:lastModifiedBy>${esc(m.creator)}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>${sheets.map((_, i) => `<Relationship Id="rId${i + 2}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${XML}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><workbookPr/><bookViews><workbookView/></bookViews><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 2}"/>`).join('')}</sheets>${definedNames(sheets)}</workbook>`,
    ],
    ['xl/styles.xml', STYLES],
  ];
  sheets.forEach((s, i) => out.push([`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)]));
  return out;
}

/** A zip archive (deflate, no data descriptors, DOS time 1980-01-01 00:00). @param {[string, Uint8Array | string][]} files */
function zip(files) {
  const DOS_DATE = (0 << 9) | (1 << 5) | 1;
  /** @type {Buffer[]} */
  const locals = [];
  /** @type {Buffer[]} */
  const centrals = [];
  let offset = 0;
  for (const [name, content] of files) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const packed = deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const cdSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}

/** @param {WorkbookModel} m */
export function buildXlsx(m) {
  return zip(parts(m));
}

if (workerData && workerData.model) {
  const { model, port, signal } = /** @type {{ model: WorkbookModel, port: import('node:worker_threads').MessagePort, signal: Int32Array }} */ (workerData);
  /** @param {unknown} message @param {ArrayBuffer[]} [transfer] */
  const reply = (message, transfer = []) => {
    port.postMessage(message, transfer);
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  };
  try {
    const bytes = buildXlsx(model);
    reply({ bytes }, [/** @type {ArrayBuffer} */ (bytes.buffer)]);
  } catch (e) {
    reply({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}
