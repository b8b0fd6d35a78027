import ExcelJS from 'exceljs';
import { type CitableLaw, citeProvisions, type CivilDate, type DelegationStatus, type Provision, type ViolationEntry } from '@gongzhi/domain';
import { formatChineseDate, instantOfCivilDate } from './chinese-text';
import { isUnverifiedText, textOf, UNVERIFIED_MARK, type VerifiableText } from './unverified';
import { addDataRow, addNoteRow, addNotesSheet, addTableSheet, HEADER_ROW, type SheetColumn } from './xlsx-layout';

/** One row of the list: a community violation and who deals with it, column by column (legal-facts D.2). */
export interface ViolationListItem {
  /** 违法行为, as the catalogue titles it (research-report problems are tagged with the same title). */
  violation: VerifiableText;
  /** 禁止性条款: the provisions that forbid the act, e.g. 《北京市物业管理条例》第七十八条第二款第（九）项. */
  prohibitingArticles: VerifiableText;
  /** 罚则条款: the provisions that set the penalty. */
  penaltyArticles: VerifiableText;
  /** 处罚种类/幅度, e.g. 责令改正；拒不改正的，处500元以上5000元以下罚款. */
  penalty: VerifiableText;
  /** 执法主体 — the body that enforces, e.g. 街道综合行政执法队. */
  enforcer: VerifiableText;
  /** 是否下放街乡: 是 / 否 / 区街共有, with the decision it rests on (京政发〔2020〕9号). */
  delegation: VerifiableText;
  /** 强制措施, e.g. 查封施工现场、强制拆除. */
  coerciveMeasures?: VerifiableText;
  /** 前置程序: dissuasion, order to correct, notice periods. */
  priorProcedure?: VerifiableText;
  /** 发现报告主体: who detects and reports (居委会、物业服务人、网格员). */
  reporters?: VerifiableText;
  /** 协同部门. */
  cooperatingDepartments?: VerifiableText;
  /** 投诉渠道; 12345 when not given. */
  complaintChannel?: VerifiableText;
  /** 备注. */
  remarks?: VerifiableText;
}

export interface ViolationsListInput {
  /** The street office or township the list is drafted for, e.g. 北京市东城区和平里街道办事处. */
  clientName: string;
  generatedOn: CivilDate;
  /** The law firm that prepared it; named in the subtitle and the document properties. */
  preparedBy?: string;
  /**
   * The rows, in order. Omitted, the list is a blank form of numbered rows for the departments'
   * symposiums: the caller maps its knowledge base onto rows; this package holds no legal data.
   */
  items?: readonly ViolationListItem[];
}

export const VIOLATIONS_SHEET = '违法行为查处职权部门清单';
export const NOTES_SHEET = '说明';
export const VIOLATIONS_HEADER_ROW = HEADER_ROW;
export const CITY_HOTLINE = '12345市民服务热线';
const BLANK_ROWS = 20;

interface ListColumn extends SheetColumn {
  /** Relative width in the Word table. */
  weight: number;
  cellOf: (item: ViolationListItem) => VerifiableText | undefined;
}

/** The columns of legal-facts D.2, with 是否下放街乡 split out of 执法主体. */
export const VIOLATIONS_COLUMNS: readonly ListColumn[] = [
  { header: '序号', width: 5, weight: 2, cellOf: () => undefined },
  { header: '违法行为', width: 14, weight: 6, cellOf: (item) => item.violation },
  { header: '禁止性条款', width: 20, weight: 8, cellOf: (item) => item.prohibitingArticles },
  { header: '罚则条款', width: 20, weight: 8, cellOf: (item) => item.penaltyArticles },
  { header: '处罚种类/幅度', width: 20, weight: 8, cellOf: (item) => item.penalty },
  { header: '执法主体', width: 14, weight: 6, cellOf: (item) => item.enforcer },
  { header: '是否下放街乡', width: 10, weight: 4, cellOf: (item) => item.delegation },
  { header: '强制措施', width: 12, weight: 5, cellOf: (item) => item.coerciveMeasures },
  { header: '前置程序', width: 14, weight: 6, cellOf: (item) => item.priorProcedure },
  { header: '发现报告主体', width: 12, weight: 5, cellOf: (item) => item.reporters },
  { header: '协同部门', width: 12, weight: 5, cellOf: (item) => item.cooperatingDepartments },
  { header: '投诉渠道', width: 10, weight: 4, cellOf: (item) => item.complaintChannel ?? CITY_HOTLINE },
  { header: '备注', width: 14, weight: 5, cellOf: (item) => item.remarks },
];

/** The list's column headers, in order: the contract a reader of the workbook can rely on. */
export const VIOLATIONS_HEADERS: readonly string[] = VIOLATIONS_COLUMNS.map((column) => column.header);

/** Whether any cell of the row is flagged. */
export function isItemUnverified(item: ViolationListItem): boolean {
  return VIOLATIONS_COLUMNS.some((column) => {
    const value = column.cellOf(item);
    return value !== undefined && isUnverifiedText(value);
  });
}

/** The row's cells as text, 序号 first, 【待核实】 after every flagged cell. */
export function cellsOf(item: ViolationListItem, index: number): string[] {
  return VIOLATIONS_COLUMNS.map((column, columnIndex) => {
    if (columnIndex === 0) return String(index + 1);
    const value = column.cellOf(item);
    if (value === undefined) return '';
    return isUnverifiedText(value) ? `${textOf(value)}${UNVERIFIED_MARK}` : textOf(value);
  });
}

export const VERIFICATION_NOTE = `标注“${UNVERIFIED_MARK}”（黄色底纹）的内容，其法律依据或执法主体来自未经核对的资料，须对照官方公布的法律法规文本核实后方可使用。执法主体中的“街道（乡镇）综合行政执法队”指依《北京市人民政府关于向街道办事处和乡镇人民政府下放部分行政执法职权并实行综合执法的决定》（京政发〔2020〕9号）承接原城管执法职权的执法机构；各事项是否已下放，须对照该决定附件和本区划分决定逐项核实。`;

/**
 * 违法行为查处职权部门清单 (stage 4) as a workbook: the list on an A4-landscape sheet and a 说明 sheet.
 * Cells flagged unverified carry 【待核实】, and their rows are highlighted.
 */
export async function renderViolationsList(input: ViolationsListInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = input.preparedBy ?? input.clientName;
  workbook.created = instantOfCivilDate(input.generatedOn);
  workbook.modified = workbook.created;

  const items = input.items ?? [];
  const sheet = addTableSheet(workbook, {
    name: VIOLATIONS_SHEET,
    title: `${input.clientName}${VIOLATIONS_SHEET}`,
    subtitle: [
      `委托方：${input.clientName}`,
      input.preparedBy ? `编制：${input.preparedBy}` : '',
      `日期：${formatChineseDate(input.generatedOn)}`,
    ]
      .filter(Boolean)
      .join('　　'),
    columns: VIOLATIONS_COLUMNS,
  });
  items.forEach((item, index) =>
    addDataRow(sheet, VIOLATIONS_COLUMNS, cellsOf(item, index), { isHighlighted: isItemUnverified(item) }),
  );
  if (items.length === 0) {
    // A blank form: numbered rows tall enough to write in by hand at a symposium.
    for (let index = 1; index <= BLANK_ROWS; index += 1)
      addDataRow(sheet, VIOLATIONS_COLUMNS, [String(index)]).height = 36;
  }
  const lastRow = HEADER_ROW + Math.max(items.length, items.length === 0 ? BLANK_ROWS : 0);
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: lastRow, column: VIOLATIONS_COLUMNS.length } };
  if (items.some(isItemUnverified))
    addNoteRow(sheet, VIOLATIONS_COLUMNS, `注：${VERIFICATION_NOTE}`, { isWarning: true });

  addNotesSheet(workbook, NOTES_SHEET, [
    [
      '用途',
      `本清单为“构建政府依法治理体系”阶段的成果，列明社区常见违法行为的禁止性条款、罚则条款、执法主体及协同机制，供${input.clientName}及辖区社区在劝阻、报告、吹哨和移送时查阅。`,
    ],
    [
      '栏目',
      '禁止性条款：规定禁止行为的条文；罚则条款：规定法律责任的条文；前置程序：实施处罚前应当履行的劝阻、责令改正、催告等程序；发现报告主体：负有劝阻、报告义务的居委会、物业服务人、网格员等。',
    ],
    ['核实要求', VERIFICATION_NOTE],
    [
      '投诉渠道',
      `居民可通过${CITY_HOTLINE}反映，诉求按《北京市接诉即办工作条例》派单办理；街道（乡镇）可依《北京市街道办事处条例》第五条“吹哨”召集职能部门。`,
    ],
    ['更新', '法律法规修订、执法职权调整后，应及时更新本清单并重新报委托方确认。'],
  ]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 是否下放街乡, as the list states it. */
const DELEGATION_TEXT: Record<DelegationStatus, VerifiableText> = {
  yes: '是（法律法规直接规定由街道办事处、乡镇人民政府行使）',
  no: '否',
  shared: '区、街道（乡镇）分别行使',
  unverified: { text: '列入京政发〔2020〕9号下放范围，须对照该决定附件及本区划分决定逐项核实', isUnverified: true },
};

function cited(provisions: readonly Provision[], laws: readonly CitableLaw[]): VerifiableText {
  if (provisions.length === 0) return '—';
  return { text: citeProvisions(provisions, laws, { markUnverified: false }), isUnverified: provisions.some((provision) => provision.unverified === true) };
}

/**
 * Rows from the knowledge base's violation entries (an engagement's copy, or the firm's master):
 * each cell from its structured field, and each cell resting on something unverified marked
 * 【待核实】 once (citations are written without inline marks, the cell carries the mark).
 */
export function violationListItemsFromKnowledge(entries: readonly ViolationEntry[], laws: readonly CitableLaw[]): ViolationListItem[] {
  return entries.map((entry) => ({
    violation: entry.title,
    prohibitingArticles: cited(entry.prohibitions, laws),
    penaltyArticles: cited(entry.penalties, laws),
    penalty: entry.penaltySummary,
    enforcer:
      entry.enforcers.length === 0
        ? entry.enforcer
        : {
            text: entry.enforcers.map((enforcer) => `${enforcer.scope ? `${enforcer.scope}：` : ''}${enforcer.body}`).join('；'),
            isUnverified: entry.enforcers.some((enforcer) => enforcer.unverified === true),
          },
    delegation: DELEGATION_TEXT[entry.delegatedToStreet],
    ...(entry.coercion
      ? {
          coerciveMeasures: {
            text: `${entry.coercion.summary}（${citeProvisions(entry.coercion.basis, laws, { markUnverified: false })}）`,
            isUnverified: entry.coercion.basis.some((provision) => provision.unverified === true),
          },
        }
      : {}),
    ...(entry.reporters.length > 0
      ? {
          reporters: {
            text: entry.reporters.map((reporter) => `${reporter.party}：${reporter.duty}`).join('；'),
            isUnverified: entry.reporters.some((reporter) => reporter.basis?.unverified === true),
          },
        }
      : {}),
    ...(entry.cooperatingDepartments.length > 0 ? { cooperatingDepartments: entry.cooperatingDepartments.join('、') } : {}),
    complaintChannel: entry.complaintChannel,
    ...(entry.notes ? { remarks: entry.notes } : {}),
  }));
}
