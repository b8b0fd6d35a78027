import ExcelJS from 'exceljs';

/**
 * A spreadsheet a street office sends us (a 12345 extract) as rows of text: the first sheet of an
 * .xlsx, or a .csv in UTF-8 (with or without BOM) or GB18030 (what Excel on a Chinese Windows
 * saves). Cells are text as a person reads them; a date cell becomes `YYYY-MM-DD HH:mm:ss` on the
 * wall clock it shows, so the caller decides its time zone.
 */
export type TableRead = { ok: true; rows: string[][]; format: 'csv' | 'xlsx' } | { ok: false; reason: 'unsupported' | 'unreadable' | 'empty' };

const isZip = (bytes: Uint8Array) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
const isOle = (bytes: Uint8Array) => bytes.length > 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

export async function readTable(bytes: Uint8Array, fileName: string): Promise<TableRead> {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'xlsx' || (extension !== 'csv' && isZip(bytes))) {
    if (!isZip(bytes)) return { ok: false, reason: 'unreadable' };
    return readXlsx(bytes);
  }
  // The old binary .xls (and anything else in an OLE container) is not read: save as .xlsx or .csv.
  if (extension === 'xls' || isOle(bytes)) return { ok: false, reason: 'unsupported' };
  if (extension !== 'csv' && extension !== 'txt') return { ok: false, reason: 'unsupported' };
  const text = decodeText(bytes);
  if (text === null) return { ok: false, reason: 'unreadable' };
  const rows = parseCsv(text);
  return rows.length === 0 ? { ok: false, reason: 'empty' } : { ok: true, rows, format: 'csv' };
}

function decodeText(bytes: Uint8Array): string | null {
  // Excel's "Unicode text" is UTF-16 with a byte-order mark (tab-separated).
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  }
}

/** RFC 4180 with the usual tolerance: `,` or a tab as the separator (whichever the header uses more), CRLF or LF, quoted cells. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === separator) {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  while (rows.length > 0 && rows.at(-1)!.every((value) => value.trim() === '')) rows.pop();
  return rows;
}

const pad = (n: number) => String(n).padStart(2, '0');
const wallClock = (date: Date) =>
  `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return wallClock(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<TableRead> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, reason: 'empty' };
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value).trim();
    });
    rows[number - 1] = Array.from(cells, (value) => value ?? '');
  });
  const dense = Array.from(rows, (row) => row ?? []);
  while (dense.length > 0 && dense.at(-1)!.every((value) => value === '')) dense.pop();
  return dense.length === 0 ? { ok: false, reason: 'empty' } : { ok: true, rows: dense, format: 'xlsx' };
}

/** Rows as a one-sheet .xlsx (the header row bold): how a street office's export looks, for the demo and tests. */
export async function writeTable(rows: readonly (readonly (string | number)[])[], sheetName = 'Sheet1'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow([...row]);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
