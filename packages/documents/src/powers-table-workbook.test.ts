import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  POWERS_TABLE_HEADER_ROW,
  POWERS_TABLE_HEADERS,
  POWERS_TABLE_NOTES_SHEET,
  POWERS_TABLE_SHEET,
  renderPowersTableWorkbook,
} from './powers-table-workbook';
import { CLIENTS, DOCUMENT_DATE, DOCUMENT_DATE_TEXT, FIRM, powerEntries } from './testing/fixtures';
import {
  CONVERSION_TIMEOUT_MS,
  convertToPdf,
  hasOfficeTools,
  nameOfficeTest,
  type PdfText,
  readPdf,
  readPdfPageSize,
} from './testing/office-files';
import { UNVERIFIED_MARK } from './unverified';

function tableSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(POWERS_TABLE_SHEET);
  if (!sheet) throw new Error(`no sheet ${POWERS_TABLE_SHEET}`);
  return sheet;
}

function cell(row: ExcelJS.Row, header: string): string {
  return String(row.getCell(POWERS_TABLE_HEADERS.indexOf(header) + 1).value ?? '');
}

describe('renderPowersTableWorkbook (.xlsx)', () => {
  const powers = powerEntries('township');
  let xlsx: Buffer;
  let workbook: ExcelJS.Workbook;
  let pdf: PdfText | undefined;
  let pdfPath = '';

  beforeAll(async () => {
    xlsx = await renderPowersTableWorkbook({
      client: CLIENTS.township,
      preparedBy: FIRM,
      date: DOCUMENT_DATE,
      powers,
    });
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    if (hasOfficeTools) {
      pdfPath = convertToPdf([{ name: 'powers-table.xlsx', content: xlsx }]).get('powers-table.xlsx') ?? '';
      pdf = readPdf(pdfPath);
    }
  }, CONVERSION_TIMEOUT_MS);

  it('has the columns of the .docx table, a title row and a subtitle naming client, firm and date', () => {
    const sheet = tableSheet(workbook);
    expect(POWERS_TABLE_HEADERS).toEqual(['序号', '职权名称', '类别', '实施主体', '法律依据', '行权流程要点', '文书']);
    expect((sheet.getRow(POWERS_TABLE_HEADER_ROW).values as unknown[]).slice(1)).toEqual([...POWERS_TABLE_HEADERS]);
    expect(String(sheet.getCell(1, 1).value)).toBe('雁栖镇社区治理职权梳理表');
    const subtitle = String(sheet.getCell(2, 1).value);
    for (const part of [CLIENTS.township.name, FIRM, DOCUMENT_DATE_TEXT]) expect(subtitle).toContain(part);
  });

  it('writes one row per power: citations a line each, the step summary or the steps by arrows, templates', () => {
    const sheet = tableSheet(workbook);
    const rows = powers.map((_, index) => sheet.getRow(POWERS_TABLE_HEADER_ROW + 1 + index));
    expect(rows.map((row) => cell(row, '序号'))).toEqual(['1', '2', '3', '4']);
    expect(rows.map((row) => cell(row, '职权名称'))).toEqual(powers.map((power) => power.title));
    expect(cell(rows[0]!, '法律依据')).toBe(
      `《中华人民共和国城乡规划法》第六十五条（乡、村庄规划区）\n《北京市城乡规划条例》第五十八条、第七十四条\n《北京市禁止违法建设若干规定》${UNVERIFIED_MARK}`,
    );
    expect(cell(rows[0]!, '行权流程要点')).toBe('核查取证→责令改正→告知→决定→催告→强制拆除');
    expect(cell(rows[1]!, '行权流程要点')).toBe('接报后现场核查取证→责令改正、恢复绿地→拒不改正的，依法立案处罚');
    expect(cell(rows[3]!, '文书')).toBe('《责令限期改正通知书》\n《撤销决定书》');
    expect(cell(rows[3]!, '实施主体')).toBe('乡镇人民政府（村镇建设科）');
  });

  it('shades the rows carrying 【待核实】 and counts the marks in a note under the table', () => {
    const sheet = tableSheet(workbook);
    const isShaded = (row: number) =>
      (sheet.getRow(row).getCell(2).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb === 'FFFFF2CC';
    expect(powers.map((_, index) => isShaded(POWERS_TABLE_HEADER_ROW + 1 + index))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    const notes: string[] = [];
    sheet.eachRow((row) => {
      if (row.number > POWERS_TABLE_HEADER_ROW + powers.length) notes.push(String(row.getCell(1).value ?? ''));
    });
    expect(notes).toContain(
      '共4项。各项职权的行权流程详见《雁栖镇社区治理行权手册》第三章，法律依据条文见《职权法律法规汇编》。',
    );
    expect(notes.some((note) => note.includes(`标注“${UNVERIFIED_MARK}”的内容（共1处）`))).toBe(true);
  });

  it('prints A4 landscape one page wide, the header frozen and repeated, text wrapped, columns sized', () => {
    const sheet = tableSheet(workbook);
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${POWERS_TABLE_HEADER_ROW}:${POWERS_TABLE_HEADER_ROW}`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: POWERS_TABLE_HEADER_ROW });
    expect(sheet.getCell(POWERS_TABLE_HEADER_ROW + 1, 5).alignment?.wrapText).toBe(true);
    expect(sheet.getColumn(5).width).toBeGreaterThan(sheet.getColumn(3).width ?? 0);
    expect(sheet.getCell(POWERS_TABLE_HEADER_ROW, 1).font?.name).toBe('黑体');
    // A row with three citations is taller than one with a single line.
    expect(sheet.getRow(POWERS_TABLE_HEADER_ROW + 1).height).toBeGreaterThan(40);
    expect(workbook.worksheets.map((candidate) => candidate.name)).toEqual([
      POWERS_TABLE_SHEET,
      POWERS_TABLE_NOTES_SHEET,
    ]);
  });

  it('writes no mark and no warning when nothing is flagged', async () => {
    const clean = new ExcelJS.Workbook();
    await clean.xlsx.load(
      (await renderPowersTableWorkbook({
        client: CLIENTS.street,
        preparedBy: FIRM,
        date: DOCUMENT_DATE,
        powers: powerEntries('street').slice(1),
      })) as unknown as ArrayBuffer,
    );
    const values = JSON.stringify(tableSheet(clean).getSheetValues());
    expect(values).not.toContain(UNVERIFIED_MARK);
    expect(values).toContain('共3项');
  });

  it.skipIf(!hasOfficeTools)(
    nameOfficeTest('converts with LibreOffice Calc to landscape pages with the title, headers, rows and mark'),
    () => {
      if (!pdf) throw new Error('no PDF');
      const size = readPdfPageSize(pdfPath);
      expect(size.width).toBeGreaterThan(size.height);
      expect(pdf.compact).toContain('雁栖镇社区治理职权梳理表');
      for (const header of POWERS_TABLE_HEADERS) expect(pdf.compact).toContain(header);
      expect(pdf.compact).toContain('对违法建设的查处');
      expect(pdf.compact).toContain(UNVERIFIED_MARK);
    },
  );
});
