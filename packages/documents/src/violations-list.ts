import ExcelJS from 'exceljs';
import { type CivilDate, type Violation, violationCatalogue } from '@gongzhi/domain';
import { formatChineseDate, instantOfCivilDate } from './chinese-text';

export interface ViolationsListInput {
  /** The street office or township the list is drafted for. */
  clientName: string;
  generatedOn: CivilDate;
  /** Defaults to the built-in Beijing catalogue. */
  violations?: readonly Violation[];
}

export const VIOLATIONS_SHEET = '违法行为查处职权部门清单';
export const POWERS_SHEET = '职权梳理表';
export const NOTES_SHEET = '说明';
/** Row 1 is the title, row 2 who and when; the header follows, then one row per violation. */
export const VIOLATIONS_HEADER_ROW = 3;

export const STATUS_UNVERIFIED = '待核实';
export const STATUS_SOURCED = '已列出处';
const STATUS_VERIFIED = '已核实';

interface Column {
  header: string;
  width: number;
  cellOf?: (violation: Violation, isUnverified: boolean) => string;
}

// The columns of legal-facts D.2. The catalogue fills violation, enforcer, legal basis, sources and
// the verification status; the per-article columns are left for the lawyers, who split the legal
// basis into prohibiting and penalty articles once they have checked the official text.
const VIOLATIONS_COLUMNS: readonly Column[] = [
  { header: '序号', width: 5, cellOf: (violation) => String(violation.id) },
  { header: '违法行为', width: 16, cellOf: (violation) => stripEnglishGloss(violation.problem) },
  { header: '执法主体', width: 24, cellOf: (violation) => violation.enforcer },
  { header: '法律依据（汇总）', width: 44, cellOf: (violation) => violation.legalBasis },
  { header: '核实状态', width: 8, cellOf: (_violation, isUnverified) => (isUnverified ? STATUS_UNVERIFIED : STATUS_SOURCED) },
  { header: '来源', width: 7, cellOf: (violation) => violation.sourceKeys.join('、') },
  { header: '禁止性条款', width: 11 },
  { header: '罚则条款', width: 11 },
  { header: '处罚种类/幅度', width: 12 },
  { header: '强制措施', width: 10 },
  { header: '前置程序（劝阻、责令改正）', width: 12 },
  { header: '发现报告主体', width: 10 },
  { header: '协同部门', width: 10 },
  { header: '投诉渠道', width: 10 },
  { header: '备注', width: 12 },
];

/** The list's column headers, in order: the contract a reader of the workbook can rely on. */
export const VIOLATIONS_HEADERS: readonly string[] = VIOLATIONS_COLUMNS.map((column) => column.header);

const POWERS_COLUMNS: readonly Column[] = [
  { header: '序号', width: 6 },
  { header: '职权名称', width: 26 },
  { header: '职权类型', width: 12 },
  { header: '实施依据（法律法规条款）', width: 40 },
  { header: '实施主体', width: 16 },
  { header: '是否下放街乡', width: 12 },
  { header: '承办机构', width: 14 },
  { header: '行权流程', width: 30 },
  { header: '配套文书', width: 22 },
  { header: '责任事项', width: 22 },
  { header: '备注', width: 18 },
];
const POWERS_BLANK_ROWS = 30;

const SOURCE_DESCRIPTIONS: Record<string, string> = {
  LRB: '法律法规全文：GitHub LawRefBook/Laws 汇编（2025年4月版本），北京地方性法规见其“北京地方法规”目录。',
  S1: '京政发〔2020〕9号下放431项执法职权的分类情况（中国妇女报电子版，2020-07-07）。',
  S2: '东城区政府文件，引用京政发〔2020〕9号并划分“区街共有”职权。',
  S3: '关于2020年7月1日起431项行政执法职权下放街乡的报道。',
  S4: '2025年修订《北京市消防条例》的报道；条文序号仅见于转载网页，须核对官方文本。',
  S5: '2025年修订《治安管理处罚法》（2026年1月1日施行），据县级公安机关网站转载。',
  S8: '2023年5月26日关于承重结构的紧急通知（二手转载）。',
  S9: '第三方来源清单所列官方网址；其中文件日期和文号未经核实。',
};

const UNVERIFIED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  bottom: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
};
const BODY_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10 };
const HEADING_FONT: Partial<ExcelJS.Font> = { name: '黑体', size: 10 };

/**
 * The 违法行为查处职权部门清单 of stage 4 as a workbook the lawyers complete: the list, a blank
 * 职权梳理表 for the powers table, and a sheet explaining the sources. A row is 待核实 when the
 * catalogue flags it or its text still carries an [unverified] mark — either is enough, so a mark
 * added without the flag (or the reverse) still shows.
 */
export async function renderViolationsList(input: ViolationsListInput): Promise<Buffer> {
  const violations = input.violations ?? violationCatalogue.violations;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = input.clientName;
  workbook.created = instantOfCivilDate(input.generatedOn);
  workbook.modified = workbook.created;

  addViolationsSheet(workbook, input, violations);
  addPowersSheet(workbook, input);
  addNotesSheet(workbook);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function isViolationUnverified(violation: Violation): boolean {
  return violation.hasUnverified || /unverified/i.test(`${violation.problem} ${violation.enforcer} ${violation.legalBasis}`);
}

function addViolationsSheet(workbook: ExcelJS.Workbook, input: ViolationsListInput, violations: readonly Violation[]): void {
  const sheet = createPrintableSheet(workbook, VIOLATIONS_SHEET, VIOLATIONS_COLUMNS);
  writeTitleRows(sheet, VIOLATIONS_COLUMNS.length, VIOLATIONS_SHEET, `委托方：${input.clientName}　　生成日期：${formatChineseDate(input.generatedOn)}　　状态：初稿，由律师逐项核对完善`);
  writeHeaderRow(sheet, VIOLATIONS_COLUMNS);

  const statusColumn = VIOLATIONS_COLUMNS.findIndex((column) => column.header === '核实状态') + 1;
  for (const violation of violations) {
    const isUnverified = isViolationUnverified(violation);
    const values = VIOLATIONS_COLUMNS.map((column) => column.cellOf?.(violation, isUnverified) ?? '');
    const row = sheet.addRow(values);
    styleBodyRow(row, VIOLATIONS_COLUMNS.length);
    row.height = estimateRowHeight(values.map((value, index) => ({ text: value, width: VIOLATIONS_COLUMNS[index]?.width ?? 10 })));
    row.getCell(1).alignment = { vertical: 'top', horizontal: 'center' };
    const status = row.getCell(statusColumn);
    status.alignment = { vertical: 'top', horizontal: 'center', wrapText: true };
    if (isUnverified) {
      for (let column = 1; column <= VIOLATIONS_COLUMNS.length; column += 1) row.getCell(column).fill = UNVERIFIED_FILL;
      status.font = { ...HEADING_FONT, color: { argb: 'FFC00000' } };
    }
  }

  const lastDataRow = VIOLATIONS_HEADER_ROW + violations.length;
  // Lawyers move a row to 已核实 after checking the official text; the list keeps them to three words.
  for (let rowNumber = VIOLATIONS_HEADER_ROW + 1; rowNumber <= lastDataRow; rowNumber += 1) {
    sheet.getCell(rowNumber, statusColumn).dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: [`"${STATUS_UNVERIFIED},${STATUS_SOURCED},${STATUS_VERIFIED}"`],
    };
  }
  sheet.autoFilter = { from: { row: VIOLATIONS_HEADER_ROW, column: 1 }, to: { row: lastDataRow, column: VIOLATIONS_COLUMNS.length } };

  const noteRow = sheet.getRow(lastDataRow + 2);
  noteRow.getCell(1).value =
    `注：核实状态为“${STATUS_UNVERIFIED}”（黄色底纹）的事项，其依据来自记忆或较弱的二手来源，法律依据中标注 [unverified] 的内容必须对照官方文本核实后方可使用。“街乡执法”指依京政发〔2020〕9号承接原城管执法职权的街道/乡镇综合行政执法队，各事项是否已下放须对照该决定附件和本区划分决定逐项核实。来源说明见“${NOTES_SHEET}”工作表。`;
  sheet.mergeCells(noteRow.number, 1, noteRow.number, VIOLATIONS_COLUMNS.length);
  noteRow.getCell(1).font = { ...BODY_FONT, color: { argb: 'FFC00000' } };
  noteRow.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  noteRow.height = estimateRowHeight([{ text: String(noteRow.getCell(1).value), width: VIOLATIONS_COLUMNS.reduce((sum, column) => sum + column.width, 0) }]);
}

function addPowersSheet(workbook: ExcelJS.Workbook, input: ViolationsListInput): void {
  const sheet = createPrintableSheet(workbook, POWERS_SHEET, POWERS_COLUMNS);
  writeTitleRows(sheet, POWERS_COLUMNS.length, `${input.clientName}${POWERS_SHEET}`, `职权类型：行政处罚、行政强制、行政检查、其他；实施依据写明法律法规名称和条款序号；是否下放街乡对照京政发〔2020〕9号附件和本区划分决定填写。`);
  writeHeaderRow(sheet, POWERS_COLUMNS);
  for (let index = 1; index <= POWERS_BLANK_ROWS; index += 1) {
    const row = sheet.addRow([index]);
    styleBodyRow(row, POWERS_COLUMNS.length);
    row.getCell(1).alignment = { vertical: 'top', horizontal: 'center' };
    row.getCell(3).dataValidation = { type: 'list', allowBlank: true, formulae: ['"行政处罚,行政强制,行政检查,其他"'] };
    row.getCell(6).dataValidation = { type: 'list', allowBlank: true, formulae: ['"已下放,区街共有,未下放,待核实"'] };
    // Room to write by hand on a printed copy at a symposium.
    row.height = 22;
  }
}

function addNotesSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(NOTES_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const textWidth = 90;
  sheet.columns = [{ width: 12 }, { width: textWidth }];
  const lines: [string, string][] = [
    ['说明', ''],
    ['用途', `本工作簿为“构建政府依法治理体系”阶段的工作底稿：“${VIOLATIONS_SHEET}”列明社区常见违法行为、执法主体和法律依据，“${POWERS_SHEET}”供梳理街道（乡镇）职权。`],
    ['核实要求', `凡核实状态为“${STATUS_UNVERIFIED}”或法律依据中标注 [unverified] 的内容，来自记忆或较弱的二手来源，必须对照官方公布的法律法规文本核实，核实后将核实状态改为“${STATUS_VERIFIED}”。其余事项虽已列明出处，提交委托方前仍应由律师复核。`],
    ['执法主体', '2020年7月1日起，京政发〔2020〕9号将431项行政执法职权下放街道办事处和乡镇人民政府，其中393项来自城管；清单中“街乡执法”即街道/乡镇综合行政执法队。部分职权“区街共有”，由各区另行划分，须逐项核对。'],
    ['缩略语', 'BJWY＝《北京市物业管理条例》（2024年修正），第七十八条第二款列明禁止行为（括号内为项号），第九十八条规定相应执法主体和罚则；街乡执法＝街道/乡镇综合行政执法队。法律依据栏沿用目录原文，部分为英文注释，提交委托方前由律师改写为中文。'],
    ['时效提示', '《治安管理处罚法》2025年修订、2026年1月1日施行，条文序号有变化；《北京市消防条例》2025年修订、2025年5月1日施行，部分条文序号仅见于转载网页。'],
    ['', ''],
    ['来源代码', '来源说明'],
    ...Object.entries(SOURCE_DESCRIPTIONS),
  ];
  for (const [label, text] of lines) {
    const row = sheet.addRow([label, text]);
    row.getCell(1).font = HEADING_FONT;
    row.getCell(2).font = BODY_FONT;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).alignment = { vertical: 'top' };
    row.height = estimateRowHeight([{ text, width: textWidth }]);
  }
  sheet.getCell('A1').font = { name: '黑体', size: 14 };
  sheet.getRow(1).height = 24;
}

function createPrintableSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly Column[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: VIOLATIONS_HEADER_ROW }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${VIOLATIONS_HEADER_ROW}:${VIOLATIONS_HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
  });
  return sheet;
}

function writeTitleRows(sheet: ExcelJS.Worksheet, width: number, title: string, subtitle: string): void {
  const titleRow = sheet.getRow(1);
  titleRow.getCell(1).value = title;
  titleRow.getCell(1).font = { name: '黑体', size: 16 };
  titleRow.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  titleRow.height = 30;
  sheet.mergeCells(1, 1, 1, width);

  const subtitleRow = sheet.getRow(2);
  subtitleRow.getCell(1).value = subtitle;
  subtitleRow.getCell(1).font = BODY_FONT;
  subtitleRow.getCell(1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  subtitleRow.height = 20;
  sheet.mergeCells(2, 1, 2, width);
}

function writeHeaderRow(sheet: ExcelJS.Worksheet, columns: readonly Column[]): void {
  const header = sheet.getRow(VIOLATIONS_HEADER_ROW);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = HEADING_FONT;
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 30;
}

function styleBodyRow(row: ExcelJS.Row, width: number): void {
  for (let column = 1; column <= width; column += 1) {
    const cell = row.getCell(column);
    cell.font = BODY_FONT;
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: 'top', wrapText: true };
  }
}

// Neither Excel nor LibreOffice reliably grows a row to fit wrapped text in a file they did not lay
// out themselves (merged cells never), so each row gets a height from its longest cell. A CJK
// character is about two column-width units at 10 pt, a Latin one about one.
const LINE_HEIGHT_POINTS = 13;
function estimateRowHeight(cells: { text: string; width: number }[]): number {
  const lines = cells.map(({ text, width }) =>
    text.split('\n').reduce((sum, line) => {
      const units = [...line].reduce((total, char) => total + (/[\u2e80-\uffef]/.test(char) ? 2 : 0.9), 0);
      return sum + Math.max(1, Math.ceil(units / Math.max(1, width - 1)));
    }, 0),
  );
  return Math.max(...lines, 1) * LINE_HEIGHT_POINTS + 4;
}

// The catalogue carries an English gloss after each problem for the English UI; the Chinese list drops it.
function stripEnglishGloss(problem: string): string {
  return problem.replace(/\s*\([^()\u4e00-\u9fff]*\)\s*$/, '').trim();
}
