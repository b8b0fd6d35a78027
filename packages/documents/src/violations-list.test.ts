import ExcelJS from 'exceljs';
import { type Violation, violationCatalogue } from '@gongzhi/domain';
import { describe, expect, it } from 'vitest';
import {
  NOTES_SHEET,
  POWERS_SHEET,
  renderViolationsList,
  STATUS_SOURCED,
  STATUS_UNVERIFIED,
  VIOLATIONS_HEADER_ROW,
  VIOLATIONS_HEADERS,
  VIOLATIONS_SHEET,
} from './violations-list';

async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function readHeaders(sheet: ExcelJS.Worksheet, rowNumber: number): string[] {
  const values = sheet.getRow(rowNumber).values as unknown[];
  return values.slice(1).map(String);
}

/** Rows below the header whose 序号 is a number: the list's data rows, whatever follows them. */
function readDataRows(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  for (let rowNumber = VIOLATIONS_HEADER_ROW + 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    if (/^\d+$/.test(String(row.getCell(1).value ?? ''))) rows.push(row);
  }
  return rows;
}

const input = { clientName: '和平里街道办事处', generatedOn: '2025-03-01' };
const column = (header: string): number => VIOLATIONS_HEADERS.indexOf(header) + 1;

describe('renderViolationsList', () => {
  it('lists every catalogue item under the D.2 headers', async () => {
    const sheet = (await readWorkbook(await renderViolationsList(input))).getWorksheet(VIOLATIONS_SHEET);
    if (!sheet) throw new Error(`no sheet ${VIOLATIONS_SHEET}`);

    expect(readHeaders(sheet, VIOLATIONS_HEADER_ROW)).toEqual(VIOLATIONS_HEADERS);
    for (const header of ['序号', '违法行为', '禁止性条款', '罚则条款', '处罚种类/幅度', '执法主体', '强制措施', '发现报告主体', '协同部门', '投诉渠道', '备注', '核实状态']) {
      expect(VIOLATIONS_HEADERS.some((candidate) => candidate.startsWith(header))).toBe(true);
    }

    const rows = readDataRows(sheet);
    expect(rows).toHaveLength(violationCatalogue.violations.length);
    const first = violationCatalogue.violations[0];
    expect(rows[0]?.getCell(column('违法行为')).value).toBe('违法建设/私搭乱建、私挖地下空间');
    expect(rows[0]?.getCell(column('执法主体')).value).toBe(first?.enforcer);
    expect(rows[0]?.getCell(column('法律依据（汇总）')).value).toBe(first?.legalBasis);
    expect(String(sheet.getCell(2, 1).value)).toContain('和平里街道办事处');
    expect(String(sheet.getCell(2, 1).value)).toContain('2025年3月1日');
  });

  it('marks every unverified item 待核实 and highlights it, and only those', async () => {
    const sheet = (await readWorkbook(await renderViolationsList(input))).getWorksheet(VIOLATIONS_SHEET);
    if (!sheet) throw new Error(`no sheet ${VIOLATIONS_SHEET}`);
    const rows = readDataRows(sheet);
    const unverified = violationCatalogue.violations.filter((violation) => violation.hasUnverified);
    expect(unverified.length).toBeGreaterThan(0);

    violationCatalogue.violations.forEach((violation, index) => {
      const status = rows[index]?.getCell(column('核实状态'));
      expect(status?.value).toBe(violation.hasUnverified ? STATUS_UNVERIFIED : STATUS_SOURCED);
      const fill = status?.fill as ExcelJS.FillPattern | undefined;
      expect(fill?.fgColor?.argb === 'FFFFF2CC').toBe(violation.hasUnverified);
    });
    // The inline marks stay in the text too: the status column flags a row, it does not replace them.
    expect(rows.some((row) => String(row.getCell(column('法律依据（汇总）')).value).includes('[unverified]'))).toBe(true);
  });

  it('flags a row whose text carries an [unverified] mark even when the flag is missing', async () => {
    const violation: Violation = {
      id: 1,
      problem: '油烟扰民 (cooking fumes)',
      enforcer: '街乡执法 or 生态环境局 [unverified which]',
      legalBasis: '大气污染防治法 81, 118.',
      sourceKeys: ['LRB'],
      hasUnverified: false,
    };
    const sheet = (await readWorkbook(await renderViolationsList({ ...input, violations: [violation] }))).getWorksheet(VIOLATIONS_SHEET);
    const rows = sheet ? readDataRows(sheet) : [];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.getCell(column('核实状态')).value).toBe(STATUS_UNVERIFIED);
  });

  it('freezes the header, wraps text and prints landscape A4 with the header repeated', async () => {
    const workbook = await readWorkbook(await renderViolationsList(input));
    const sheet = workbook.getWorksheet(VIOLATIONS_SHEET);
    if (!sheet) throw new Error(`no sheet ${VIOLATIONS_SHEET}`);

    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: VIOLATIONS_HEADER_ROW });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${VIOLATIONS_HEADER_ROW}:${VIOLATIONS_HEADER_ROW}`);
    expect(sheet.headerFooter.oddFooter).toContain('&P');
    const legalBasis = readDataRows(sheet)[0]?.getCell(column('法律依据（汇总）'));
    expect(legalBasis?.alignment?.wrapText).toBe(true);
    expect(sheet.getColumn(column('法律依据（汇总）')).width).toBeGreaterThan(sheet.getColumn(column('序号')).width ?? 0);
    expect(sheet.getCell(VIOLATIONS_HEADER_ROW, 1).font?.name).toBe('黑体');
    expect(legalBasis?.font?.name).toBe('宋体');
  });

  it('adds a note under the list, a 职权梳理表 skeleton and a sheet explaining the sources', async () => {
    const workbook = await readWorkbook(await renderViolationsList(input));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([VIOLATIONS_SHEET, POWERS_SHEET, NOTES_SHEET]);

    const list = workbook.getWorksheet(VIOLATIONS_SHEET);
    const noteRow = VIOLATIONS_HEADER_ROW + violationCatalogue.violations.length + 2;
    expect(String(list?.getCell(noteRow, 1).value)).toContain('[unverified] 的内容必须对照官方文本核实');

    const powers = workbook.getWorksheet(POWERS_SHEET);
    expect(powers && readHeaders(powers, VIOLATIONS_HEADER_ROW)).toEqual(expect.arrayContaining(['职权名称', '职权类型', '实施依据（法律法规条款）', '是否下放街乡', '行权流程', '配套文书']));

    const notes = workbook.getWorksheet(NOTES_SHEET);
    const notesText = notes?.getSheetValues().flat().map(String).join('\n') ?? '';
    expect(notesText).toContain('京政发〔2020〕9号');
    for (const key of new Set(violationCatalogue.violations.flatMap((violation) => violation.sourceKeys))) expect(notesText).toContain(key);
  });

  it('stamps the workbook with the date it was generated for, not the moment it was rendered', async () => {
    const workbook = await readWorkbook(await renderViolationsList(input));
    expect(workbook.created.toISOString()).toBe('2025-03-01T04:00:00.000Z');
  });
});
