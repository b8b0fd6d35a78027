import ExcelJS from 'exceljs';
import { formatChineseDate, instantOfCivilDate } from './chinese-text';
import { type PowerEntry } from './powers-manual';
import { type PowersTableInput } from './powers-table';
import { describeUnverifiedMarks, isUnverifiedText, textOf, UNVERIFIED_MARK, type VerifiableText } from './unverified';
import { addDataRow, addNoteRow, addNotesSheet, addTableSheet, HEADER_ROW, type SheetColumn } from './xlsx-layout';

export const POWERS_TABLE_SHEET = '职权梳理表';
export const POWERS_TABLE_NOTES_SHEET = '说明';
export const POWERS_TABLE_HEADER_ROW = HEADER_ROW;

interface PowersColumn extends SheetColumn {
  /** The cell's items and how they are joined; `undefined` for 序号. */
  cellOf: (power: PowerEntry) => { items: readonly VerifiableText[]; separator: string } | undefined;
}

const one = (item: VerifiableText) => ({ items: [item], separator: '' });

/** The columns of the .docx table, as wide as A4 landscape allows one page across (148 units). */
const POWERS_COLUMNS: readonly PowersColumn[] = [
  { header: '序号', width: 5, cellOf: () => undefined },
  { header: '职权名称', width: 18, cellOf: (power) => one(power.title) },
  { header: '类别', width: 9, cellOf: (power) => one(power.category) },
  { header: '实施主体', width: 16, cellOf: (power) => one(power.implementer) },
  // One citation a line: a spreadsheet cell reads better as a list than as a run of 《》；《》.
  { header: '法律依据', width: 40, cellOf: (power) => ({ items: power.legalBasis, separator: '\n' }) },
  {
    header: '行权流程要点',
    width: 36,
    cellOf: (power) => (power.summary !== undefined ? one(power.summary) : { items: power.steps, separator: '→' }),
  },
  {
    header: '文书',
    width: 24,
    cellOf: (power) => ({ items: power.templates.map((name) => `《${name}》`), separator: '\n' }),
  },
];

/** The table's column headers, in order (the same as the .docx 职权梳理表). */
export const POWERS_TABLE_HEADERS: readonly string[] = POWERS_COLUMNS.map((column) => column.header);

/** A row's cells as text, each flagged item followed by its own mark, and how many marks it carries. */
function rowOf(power: PowerEntry, index: number): { cells: string[]; marks: number } {
  let marks = 0;
  const cells = POWERS_COLUMNS.map((column) => {
    const cell = column.cellOf(power);
    if (cell === undefined) return String(index + 1);
    return cell.items
      .map((item) => {
        if (!isUnverifiedText(item)) return textOf(item);
        marks += 1;
        return `${textOf(item)}${UNVERIFIED_MARK}`;
      })
      .join(cell.separator);
  });
  return { cells, marks };
}

/**
 * 职权梳理表 as a workbook, for the deliverable the engagement template declares as .xlsx: the same
 * columns and rows as `renderPowersTable`, on an A4-landscape sheet (title and subtitle rows, header
 * frozen and repeated on every printed page, wrapped text, fixed widths), with a 说明 sheet. Flagged
 * items carry 【待核实】 and their rows are shaded; a note under the table counts the marks.
 */
export async function renderPowersTableWorkbook(input: PowersTableInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = input.preparedBy;
  workbook.created = instantOfCivilDate(input.date);
  workbook.modified = workbook.created;

  const title = `${input.client.shortName}社区治理职权梳理表`;
  const sheet = addTableSheet(workbook, {
    name: POWERS_TABLE_SHEET,
    title,
    subtitle: `使用单位：${input.client.name}　　编制：${input.preparedBy}　　日期：${formatChineseDate(input.date)}`,
    columns: POWERS_COLUMNS,
  });

  let marks = 0;
  input.powers.forEach((power, index) => {
    const row = rowOf(power, index);
    marks += row.marks;
    addDataRow(sheet, POWERS_COLUMNS, row.cells, { isHighlighted: row.marks > 0 });
  });
  if (input.powers.length > 0)
    sheet.autoFilter = {
      from: { row: HEADER_ROW, column: 1 },
      to: { row: HEADER_ROW + input.powers.length, column: POWERS_COLUMNS.length },
    };

  addNoteRow(
    sheet,
    POWERS_COLUMNS,
    `共${input.powers.length}项。各项职权的行权流程详见《${input.client.shortName}社区治理行权手册》第三章，法律依据条文见《职权法律法规汇编》。`,
  );
  if (marks > 0)
    addNoteRow(sheet, POWERS_COLUMNS, `注：${describeUnverifiedMarks(marks)}所在行以黄色底纹标示。`, {
      isWarning: true,
    });

  addNotesSheet(workbook, POWERS_TABLE_NOTES_SHEET, [
    [
      '用途',
      `本表为“构建政府依法治理体系”阶段的成果，逐项列明${input.client.name}在社区治理中的职权及其类别、实施主体、法律依据、行权流程要点和所用文书，与《${input.client.shortName}社区治理行权手册》《职权法律法规汇编》《违法行为查处职权部门清单》配套使用。`,
    ],
    [
      '栏目',
      '法律依据：每行一部法律法规及其条文序号；行权流程要点：行使该项职权的主要环节，完整流程见行权手册第三章；文书：行使该项职权所用的文书模板。',
    ],
    [
      '核实要求',
      `标注“${UNVERIFIED_MARK}”（黄色底纹）的内容须由承办律师对照官方公布的文本核实后方可使用，核实后删除该标注。`,
    ],
    ['更新', '法律法规修订、执法职权调整后，应及时更新本表并重新报委托方确认。'],
  ]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
