import ExcelJS from 'exceljs';
import { laws, violationEntries } from '@gongzhi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLIENTS, DOCUMENT_DATE_TEXT, violationItems, violationsListInput } from './testing/fixtures';
import {
  CONVERSION_TIMEOUT_MS,
  convertToPdf,
  hasOfficeTools,
  nameOfficeTest,
  type PdfText,
  readPdf,
  readPdfPageSize,
  readWordText,
} from './testing/office-files';
import { expectOfficialLayout } from './testing/official-layout';
import { isUnverifiedText, textOf, UNVERIFIED_MARK } from './unverified';
import {
  NOTES_SHEET,
  renderViolationsList,
  VIOLATIONS_HEADER_ROW,
  VIOLATIONS_HEADERS,
  VIOLATIONS_SHEET,
  violationListItemsFromKnowledge,
} from './violations-list';
import { renderViolationsListDocument } from './violations-list-document';

const D2_HEADERS = [
  '序号',
  '违法行为',
  '禁止性条款',
  '罚则条款',
  '处罚种类/幅度',
  '执法主体',
  '是否下放街乡',
  '强制措施',
  '前置程序',
  '发现报告主体',
  '协同部门',
  '投诉渠道',
  '备注',
];

async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function listSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(VIOLATIONS_SHEET);
  if (!sheet) throw new Error(`no sheet ${VIOLATIONS_SHEET}`);
  return sheet;
}

function cellText(row: ExcelJS.Row, header: string): string {
  return String(row.getCell(VIOLATIONS_HEADERS.indexOf(header) + 1).value ?? '');
}

describe('renderViolationsList (.xlsx)', () => {
  let workbook: ExcelJS.Workbook;
  let xlsx: Buffer;
  let pdf: PdfText | undefined;
  let pdfPath = '';

  beforeAll(async () => {
    xlsx = await renderViolationsList(violationsListInput('street'));
    workbook = await readWorkbook(xlsx);
    if (hasOfficeTools) {
      pdfPath = convertToPdf([{ name: 'list.xlsx', content: xlsx }]).get('list.xlsx') ?? '';
      pdf = readPdf(pdfPath);
    }
  }, CONVERSION_TIMEOUT_MS);

  it('has the D.2 columns in order and a title row naming the client and date', () => {
    const sheet = listSheet(workbook);
    expect(VIOLATIONS_HEADERS).toEqual(D2_HEADERS);
    expect((sheet.getRow(VIOLATIONS_HEADER_ROW).values as unknown[]).slice(1)).toEqual(D2_HEADERS);
    expect(String(sheet.getCell(1, 1).value)).toBe(`${CLIENTS.street.name}违法行为查处职权部门清单`);
    expect(String(sheet.getCell(2, 1).value)).toContain(DOCUMENT_DATE_TEXT);
  });

  it('writes one row per item, marks each flagged cell 【待核实】 and highlights its row only', () => {
    const sheet = listSheet(workbook);
    const items = violationItems('street');
    items.forEach((item, index) => {
      const row = sheet.getRow(VIOLATIONS_HEADER_ROW + 1 + index);
      expect(cellText(row, '序号')).toBe(String(index + 1));
      expect(cellText(row, '违法行为')).toBe(typeof item.violation === 'string' ? item.violation : item.violation.text);
      expect(cellText(row, '投诉渠道')).toBe('12345市民服务热线');
    });
    const rows = items.map((_, index) => sheet.getRow(VIOLATIONS_HEADER_ROW + 1 + index));
    // Row 4 (飞线充电): the prohibiting article and the penalty are unverified; row 2 is clean.
    expect(cellText(rows[3] as ExcelJS.Row, '禁止性条款')).toBe(
      `《北京市消防条例》（2025年修订）第九十七条${UNVERIFIED_MARK}`,
    );
    expect(cellText(rows[3] as ExcelJS.Row, '罚则条款')).not.toContain(UNVERIFIED_MARK);
    const isFilled = (row: ExcelJS.Row) =>
      (row.getCell(2).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb === 'FFFFF2CC';
    expect(rows.map(isFilled)).toEqual([true, false, false, true, true, false]);
    const note = sheet.getRow(VIOLATIONS_HEADER_ROW + items.length + 2).getCell(1).value;
    expect(String(note)).toContain(`标注“${UNVERIFIED_MARK}”`);
  });

  it('prints A4 landscape one page wide, header frozen and repeated, text wrapped, columns sized', () => {
    const sheet = listSheet(workbook);
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${VIOLATIONS_HEADER_ROW}:${VIOLATIONS_HEADER_ROW}`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: VIOLATIONS_HEADER_ROW });
    expect(sheet.getCell(VIOLATIONS_HEADER_ROW + 1, 3).alignment?.wrapText).toBe(true);
    expect(sheet.getColumn(3).width).toBeGreaterThan(sheet.getColumn(1).width ?? 0);
    expect(sheet.getCell(VIOLATIONS_HEADER_ROW, 1).font?.name).toBe('黑体');
    expect(workbook.worksheets.map((candidate) => candidate.name)).toEqual([VIOLATIONS_SHEET, NOTES_SHEET]);
    expect(JSON.stringify(workbook.getWorksheet(NOTES_SHEET)?.getSheetValues())).toContain('京政发〔2020〕9号');
  });

  it('is a blank numbered form when no items are given', async () => {
    const sheet = listSheet(
      await readWorkbook(await renderViolationsList({ clientName: CLIENTS.township.name, generatedOn: '2026-11-27' })),
    );
    expect(String(sheet.getCell(VIOLATIONS_HEADER_ROW + 20, 1).value)).toBe('20');
    expect(String(sheet.getCell(VIOLATIONS_HEADER_ROW + 1, 2).value ?? '')).toBe('');
  });

  it('maps the knowledge base, cell by cell, marking each cell that rests on something unverified', () => {
    const items = violationListItemsFromKnowledge(violationEntries, laws);
    expect(items).toHaveLength(violationEntries.length);
    const first = items[0]!;
    expect(first.violation).toBe(violationEntries[0]!.title);
    expect(textOf(first.prohibitingArticles)).toMatch(/^《[^》]+》第.+条/);
    expect(textOf(first.penalty)).toBe(violationEntries[0]!.penaltySummary);
    // Citations carry no inline mark: the cell does, once.
    for (const item of items) expect(textOf(item.prohibitingArticles)).not.toContain(UNVERIFIED_MARK);
    const withUnverifiedProvision = violationEntries.findIndex((entry) => entry.prohibitions.some((provision) => provision.unverified === true));
    expect(withUnverifiedProvision).toBeGreaterThanOrEqual(0);
    expect(isUnverifiedText(items[withUnverifiedProvision]!.prohibitingArticles)).toBe(true);
    const delegated = violationEntries.findIndex((entry) => entry.delegatedToStreet === 'unverified');
    expect(isUnverifiedText(items[delegated]!.delegation)).toBe(true);
    const notDelegated = violationEntries.findIndex((entry) => entry.delegatedToStreet === 'no');
    expect(items[notDelegated]!.delegation).toBe('否');
  });

  it.skipIf(!hasOfficeTools)(
    nameOfficeTest('converts with LibreOffice Calc to landscape pages with the headers, rows and marks'),
    () => {
      if (!pdf) throw new Error('no PDF');
      const size = readPdfPageSize(pdfPath);
      expect(size.width).toBeGreaterThan(size.height);
      expect(pdf.compact).toContain('违法行为查处职权部门清单');
      for (const header of ['禁止性条款', '罚则条款', '发现报告主体', '是否下放街乡'])
        expect(pdf.compact).toContain(header);
      expect(pdf.compact).toContain('侵占绿地、毁绿种菜');
      expect(pdf.compact).toContain(UNVERIFIED_MARK);
    },
  );
});

describe('renderViolationsListDocument (.docx)', () => {
  let docx: Buffer;
  let pdf: PdfText | undefined;
  let pdfPath = '';

  beforeAll(async () => {
    docx = await renderViolationsListDocument(violationsListInput('township'));
    if (hasOfficeTools) {
      pdfPath = convertToPdf([{ name: 'list.docx', content: docx }]).get('list.docx') ?? '';
      pdf = readPdf(pdfPath);
    }
  }, CONVERSION_TIMEOUT_MS);

  it('puts the table in a landscape section after a portrait 编制说明', () => {
    expectOfficialLayout(docx, { landscapeSections: 1 });
  });

  it.skipIf(!hasOfficeTools)(
    nameOfficeTest('opens in LibreOffice: 编制说明 in portrait, the 13-column table landscape, marks and note'),
    () => {
      if (!pdf) throw new Error('no PDF');
      const first = readPdfPageSize(pdfPath, 1);
      const last = readPdfPageSize(pdfPath, pdf.pages);
      expect(first.height).toBeGreaterThan(first.width);
      expect(last.width).toBeGreaterThan(last.height);
      expect(pdf.compact).toContain(`${CLIENTS.township.name}违法行为查处职权部门清单`);
      for (const heading of ['一、编制依据', '二、使用说明', '三、执法主体说明'])
        expect(pdf.compact).toContain(heading);
      // Narrow columns wrap their headers (序/号); the complete header row is checked in the XML.
      for (const header of [
        '违法行为',
        '禁止性条款',
        '罚则条款',
        '执法主体',
        '强制措施',
        '前置程序',
        '协同部门',
        '备注',
      ])
        expect(pdf.compact).toContain(header);
      expect(
        readWordText(docx)
          .split('\n')
          .slice(-D2_HEADERS.length - 200),
      ).toEqual(expect.arrayContaining(D2_HEADERS));
      // Wrapped cells interleave in extracted text: short cell values from the PDF, whole ones from the XML.
      expect(pdf.compact).toContain('油烟扰民');
      expect(pdf.compact).toContain('侵占绿地、');
      expect(readWordText(docx)).toContain('乡镇综合行政执法队');
      expect(readWordText(docx)).toContain('区街共有【待核实】');
      expect(pdf.compact).toMatch(/标注“【待核实】”的内容（共\d+处）/);
    },
  );
});
