import ExcelJS from 'exceljs';
import { type CivilDate, type WorkLogActivity, workLogActivityLabels, workLogHours as hours, type WorkLogTotals } from '@gongzhi/domain';
import { formatChineseDate, instantOfCivilDate } from './chinese-text';
import { addDataRow, addNoteRow, addNotesSheet, addTableSheet, HEADER_ROW, type SheetColumn } from './xlsx-layout';

export interface WorkLogWorkbookEntry {
  workedOn: CivilDate;
  /** Null: work for the engagement as a whole. */
  community: string | null;
  activity: WorkLogActivity;
  minutes: number;
  note: string;
  loggedBy: string;
  sharedWithClient: boolean;
}

export interface WorkLogWorkbookInput {
  clientName: string;
  engagementName: string;
  /** The community the ledger is of; null: every community and the engagement as a whole. */
  community: string | null;
  /** Standing entries (withdrawn ones left out), oldest first. */
  entries: readonly WorkLogWorkbookEntry[];
  totals: WorkLogTotals;
  preparedBy: string;
  date: CivilDate;
}

export const LEDGER_SHEET = '工作台账';
export const LEDGER_TOTALS_SHEET = '汇总';
/** The row of both tables' headers (1-based): the entries follow it. */
export const LEDGER_HEADER_ROW = HEADER_ROW;

const WHOLE_ENGAGEMENT = '全项目';

/**
 * 法律服务工作台账: every piece of service the firm's lawyers logged, as a 司法局's 考评 or the
 * street office's acceptance reads it — 工作台账 (each entry: day, community, activity, what was
 * done, hours, who), 汇总 (hours by community and by activity) and 说明.
 */
export async function renderWorkLogWorkbook(input: WorkLogWorkbookInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = input.preparedBy;
  workbook.created = instantOfCivilDate(input.date);
  const scope = input.community ?? input.clientName;
  workbook.title = `${scope}法律服务工作台账`;
  const subtitle = `${input.clientName} · ${input.engagementName}${input.community ? ` · ${input.community}` : ''} · 共 ${input.totals.entries} 条，服务时长 ${hours(input.totals.minutes)} 小时 · ${input.preparedBy}${formatChineseDate(input.date)}导出`;

  const columns: SheetColumn[] = [
    { header: '序号', width: 5 },
    { header: '日期', width: 11 },
    { header: '社区', width: 13 },
    { header: '工作类型', width: 10 },
    { header: '工作内容', width: 56 },
    { header: '用时（小时）', width: 10 },
    { header: '记录人', width: 10 },
    { header: '委托方可见', width: 8 },
  ];
  const ledger = addTableSheet(workbook, { name: LEDGER_SHEET, title: `${scope}法律服务工作台账`, subtitle, columns });
  input.entries.forEach((entry, index) => {
    addDataRow(ledger, columns, [
      String(index + 1),
      entry.workedOn,
      entry.community ?? WHOLE_ENGAGEMENT,
      workLogActivityLabels[entry.activity].zh,
      entry.note,
      hours(entry.minutes),
      entry.loggedBy,
      entry.sharedWithClient ? '是' : '否',
    ]);
  });
  if (input.entries.length === 0) addNoteRow(ledger, columns, '尚无工作记录。');

  const totalColumns: SheetColumn[] = [
    { header: '分类', width: 14 },
    { header: '项目', width: 22 },
    { header: '记录条数', width: 10 },
    { header: '服务时长（小时）', width: 16 },
  ];
  // A narrower sheet: who and when only.
  const totals = addTableSheet(workbook, { name: LEDGER_TOTALS_SHEET, title: `${scope}法律服务时长汇总`, subtitle: `${input.preparedBy}${formatChineseDate(input.date)}导出`, columns: totalColumns });
  for (const row of input.totals.byCommunity) addDataRow(totals, totalColumns, ['按社区', row.community?.name ?? WHOLE_ENGAGEMENT, String(row.entries), hours(row.minutes)]);
  for (const row of input.totals.byActivity) addDataRow(totals, totalColumns, ['按工作类型', workLogActivityLabels[row.activity].zh, String(row.entries), hours(row.minutes)]);
  addDataRow(totals, totalColumns, ['合计', '', String(input.totals.entries), hours(input.totals.minutes)]);

  addNotesSheet(workbook, '说明', [
    ['口径', '本台账收录律师在工作日志中记录、未撤销的全部工作；已撤销的记录（重复记录、记错项目等）不计入。用时按记录的分钟数换算为小时，保留一位小数。'],
    ['社区', `“${WHOLE_ENGAGEMENT}”为面向街道（乡镇）或全部社区的工作，如方案起草、机关干部培训、工作例会。`],
    ['委托方可见', '标“是”的记录同时出现在委托方联系人的服务动态中。'],
    ['导出', `${input.preparedBy}，${formatChineseDate(input.date)}`],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
