// The print layout of the workbooks this package writes: an A4 landscape table with a title row, a frozen
// and repeated header row, wrapped text and fixed column widths, and a 说明 (notes) sheet.
import type ExcelJS from 'exceljs';

export interface SheetColumn {
  header: string;
  /** Excel column width (characters of the default font; a CJK character needs about two). */
  width: number;
}

/** Row 1 is the title, row 2 who and when; the header follows, then the data. */
export const TITLE_ROW = 1;
export const SUBTITLE_ROW = 2;
export const HEADER_ROW = 3;

export const UNVERIFIED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  bottom: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
};
export const CELL_FONT: Partial<ExcelJS.Font> = { name: '仿宋_GB2312', size: 10 };
export const HEADER_FONT: Partial<ExcelJS.Font> = { name: '黑体', size: 10 };
const TITLE_FONT: Partial<ExcelJS.Font> = { name: '方正小标宋简体', size: 16 };

export interface TableSheetOptions {
  name: string;
  title: string;
  subtitle: string;
  columns: readonly SheetColumn[];
}

/**
 * A sheet laid out to print: A4 landscape fitted to one page wide, the header row frozen on screen and
 * repeated on every printed page, page numbers in the footer.
 */
export function addTableSheet(workbook: ExcelJS.Workbook, options: TableSheetOptions): ExcelJS.Worksheet {
  const { columns } = options;
  const sheet = workbook.addWorksheet(options.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C— &P —', evenFooter: '&C— &P —' },
  });
  columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
  });

  const titleCell = sheet.getCell(TITLE_ROW, 1);
  titleCell.value = options.title;
  titleCell.font = TITLE_FONT;
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(TITLE_ROW).height = 32;
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, columns.length);

  const subtitleCell = sheet.getCell(SUBTITLE_ROW, 1);
  subtitleCell.value = options.subtitle;
  subtitleCell.font = CELL_FONT;
  subtitleCell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  sheet.getRow(SUBTITLE_ROW).height = 20;
  sheet.mergeCells(SUBTITLE_ROW, 1, SUBTITLE_ROW, columns.length);

  const header = sheet.getRow(HEADER_ROW);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = estimateRowHeight(columns.map((column) => ({ text: column.header, width: column.width })));
  return sheet;
}

/** A ruled, wrapped data row, tall enough for its longest cell; highlighted when it carries 待核实 marks. */
export function addDataRow(
  sheet: ExcelJS.Worksheet,
  columns: readonly SheetColumn[],
  values: readonly string[],
  options: { isHighlighted?: boolean } = {},
): ExcelJS.Row {
  const row = sheet.addRow([...values]);
  for (let column = 1; column <= columns.length; column += 1) {
    const cell = row.getCell(column);
    cell.font = CELL_FONT;
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: 'top', wrapText: true };
    if (options.isHighlighted) cell.fill = UNVERIFIED_FILL;
  }
  row.getCell(1).alignment = { vertical: 'top', horizontal: 'center' };
  row.height = estimateRowHeight(values.map((value, index) => ({ text: value, width: columns[index]?.width ?? 10 })));
  return row;
}

/** A merged note under a table, in red when it warns. */
export function addNoteRow(
  sheet: ExcelJS.Worksheet,
  columns: readonly SheetColumn[],
  text: string,
  options: { isWarning?: boolean } = {},
): ExcelJS.Row {
  const row = sheet.getRow(sheet.rowCount + 2);
  row.getCell(1).value = text;
  sheet.mergeCells(row.number, 1, row.number, columns.length);
  row.getCell(1).font = { ...CELL_FONT, ...(options.isWarning ? { color: { argb: 'FFC00000' } } : {}) };
  row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  row.height = estimateRowHeight([{ text, width: columns.reduce((sum, column) => sum + column.width, 0) }]);
  return row;
}

/** The 说明 sheet: label and text, portrait A4. */
export function addNotesSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  lines: readonly [string, string][],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C— &P —' },
  });
  const textWidth = 90;
  sheet.columns = [{ width: 14 }, { width: textWidth }];
  const title = sheet.addRow([name, '']);
  title.getCell(1).font = { ...TITLE_FONT, size: 14 };
  title.height = 24;
  for (const [label, text] of lines) {
    const row = sheet.addRow([label, text]);
    row.getCell(1).font = HEADER_FONT;
    row.getCell(1).alignment = { vertical: 'top' };
    row.getCell(2).font = CELL_FONT;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.height = estimateRowHeight([{ text, width: textWidth }]);
  }
  return sheet;
}

// Neither Excel nor LibreOffice reliably grows a row to fit wrapped text in a file they did not lay
// out themselves (merged cells never), so each row gets a height from its longest cell. A CJK
// character is about two column-width units at 10 pt, a Latin one about one.
const LINE_HEIGHT_POINTS = 13;
export function estimateRowHeight(cells: readonly { text: string; width: number }[]): number {
  const lines = cells.map(({ text, width }) =>
    text.split('\n').reduce((sum, line) => {
      const units = [...line].reduce((total, char) => total + (/[\u2e80-\uffef]/.test(char) ? 2 : 0.9), 0);
      return sum + Math.max(1, Math.ceil(units / Math.max(1, width - 1)));
    }, 0),
  );
  return Math.max(...lines, 1) * LINE_HEIGHT_POINTS + 4;
}
