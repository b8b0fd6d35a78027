import ExcelJS from 'exceljs';
import { type CivilDate, type EngagementOutcomes, evaluateResidentsMeeting, outcomeEventKindLabels, tierLabels, workLogHours as hours } from '@gongzhi/domain';
import { formatChineseDate, formatPercent, instantOfCivilDate } from './chinese-text';
import { addDataRow, addNoteRow, addNotesSheet, addTableSheet, HEADER_ROW, type SheetColumn } from './xlsx-layout';

export interface OutcomesWorkbookInput {
  clientName: string;
  engagementName: string;
  outcomes: EngagementOutcomes;
  preparedBy: string;
  date: CivilDate;
}

export const OUTCOMES_SUMMARY_SHEET = '成效概览';
export const OUTCOMES_CONVENTIONS_SHEET = '居民公约表决与备案';
export const OUTCOMES_CASES_SHEET = '问题案件';
export const OUTCOMES_EVENTS_SHEET = '推广活动';
export const OUTCOMES_DELIVERABLES_SHEET = '成果文件';
/** The row of every table's header (1-based): the data follow it. */
export const OUTCOMES_HEADER_ROW = HEADER_ROW;

const WHOLE = '全街道（乡镇）';
const UNVERIFIED = '（待核实）';

/**
 * 项目成效证明材料: what the engagement achieved, as its records show it, for the client's acceptance
 * — 成效概览 (each indicator, its figure and where it comes from), each community's convention vote
 * (validity under 组织法 Art. 9) and 备案, cases by tier, promotion events, approved deliverables, 说明.
 */
export async function renderOutcomesWorkbook(input: OutcomesWorkbookInput): Promise<Buffer> {
  const { outcomes } = input;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = input.preparedBy;
  workbook.created = instantOfCivilDate(input.date);
  workbook.title = `${input.engagementName}成效证明材料`;
  const subtitle = `${input.clientName} · 截至${formatChineseDate(outcomes.asOf)} · ${input.preparedBy}${formatChineseDate(input.date)}导出`;

  const communities = outcomes.communities.length;
  const adopted = outcomes.conventions.filter((convention) => convention.valid);
  const filed = adopted.filter((convention) => convention.filedOn !== null);
  const hotline = outcomes.hotline;
  const change = hotline && hotline.before > 0 ? (hotline.after - hotline.before) / hotline.before : null;

  const summaryColumns: SheetColumn[] = [
    { header: '序号', width: 5 },
    { header: '成效指标', width: 22 },
    { header: '数据', width: 30 },
    { header: '数据来源与口径', width: 60 },
  ];
  const summary = addTableSheet(workbook, { name: OUTCOMES_SUMMARY_SHEET, title: `${input.engagementName}成效概览`, subtitle, columns: summaryColumns });
  const rows: [string, string, string, boolean?][] = [
    ['成果文件', `经合伙人审核通过${outcomes.deliverables.approved}份（共${outcomes.deliverables.total}份）`, '项目成果文件的审核记录（职权梳理表、行权手册、违法行为清单、联动执法方案、居民公约、自治手册等）'],
    ['联动执法机制', `纳入职能部门${outcomes.departments.inMechanism.length}个，已座谈${outcomes.departments.consulted.length}个`, '项目计划确定的联动部门；座谈以“与职能部门座谈探讨”任务的完成记录为准'],
    ['居民公约', `${adopted.length}个社区表决通过（共${communities}个社区），已备案${filed.length}个`, '各社区居民会议表决记录（应到、实到、赞成票，按《城市居民委员会组织法》第九条复核）及备案记录'],
    ['法律培训', `${outcomes.trainings.sessions}场，${outcomes.trainings.attendance}人次`, '培训任务记录的街道干部和社区居委会成员签到人数'],
    ['推广活动', `${outcomes.events.held}场，${outcomes.events.participants}人次；宣传覆盖${outcomes.events.householdsReached}户`, '启动仪式、知识竞赛、文艺展演、主题论坛的举办记录；专项及常态宣传记录的覆盖户数'],
    ['问题案件', `${outcomes.cases.reported}件，已解决${outcomes.cases.resolved}件${outcomes.cases.reported > 0 ? `（解决率${formatPercent(outcomes.cases.resolved, outcomes.cases.reported)}）` : ''}`, '按德治、自治、法治分层处置的社区问题案件，每件只计一次'],
    ['德治典型', `${outcomes.cases.modelHouseholds}户`, '各社区认定的示范户（已撤销的不计）'],
    [
      '12345热线诉求',
      hotline ? `实施前${hotline.months}个月${hotline.before}件，实施后${hotline.months}个月${hotline.after}件${change !== null ? `（${change <= 0 ? '下降' : '上升'}${formatPercent(Math.abs(hotline.after - hotline.before), hotline.before)}）` : ''}${hotline.unverified ? UNVERIFIED : ''}` : '尚未导入实施前后的工单数据',
      '导入的12345工单明细中属于违法行为清单类别的诉求，实施前后相同月数比较',
      hotline?.unverified ?? false,
    ],
    ['法律服务时长', `${hours(outcomes.service.minutes)}小时（${outcomes.service.entries}条工作记录）`, '律师工作日志中未撤销的记录'],
    ['会诊', `形成结论${outcomes.service.consultations}件`, '团队就疑难法律问题集体会诊并由合伙人或项目经理形成结论的记录'],
  ];
  rows.forEach(([indicator, figure, source, isUnverified], index) => addDataRow(summary, summaryColumns, [String(index + 1), indicator, figure, source], { isHighlighted: isUnverified === true }));

  const voteColumns: SheetColumn[] = [
    { header: '社区', width: 14 },
    { header: '表决日期', width: 11 },
    { header: '应到', width: 7 },
    { header: '实到', width: 7 },
    { header: '赞成', width: 7 },
    { header: '反对', width: 7 },
    { header: '弃权', width: 7 },
    { header: '表决结果', width: 26 },
    { header: '备案日期', width: 11 },
    { header: '备案号', width: 16 },
  ];
  const votes = addTableSheet(workbook, { name: OUTCOMES_CONVENTIONS_SHEET, title: '居民公约表决与备案情况', subtitle, columns: voteColumns });
  for (const convention of outcomes.conventions) {
    const result = evaluateResidentsMeeting(convention);
    const verdict = convention.valid
      ? '通过（出席过半数、赞成票过出席人数半数）'
      : !result.quorumMet
        ? `无效：出席未过半数（至少须${result.requiredAttendance}人）`
        : `未通过：赞成票不足${result.requiredVotesFor}票`;
    addDataRow(votes, voteColumns, [
      convention.community?.name ?? WHOLE,
      convention.adoptedOn,
      String(convention.eligible),
      String(convention.attendees),
      String(convention.votesFor),
      String(convention.votesAgainst),
      String(convention.abstentions),
      verdict,
      convention.filedOn ?? '未备案',
      convention.filingNo ?? '',
    ]);
  }
  const voted = new Set(outcomes.conventions.map((convention) => convention.community?.key));
  const pending = outcomes.communities.filter((community) => !voted.has(community.key));
  for (const community of pending) addDataRow(votes, voteColumns, [community.name, '', '', '', '', '', '', '尚未表决', '', '']);
  addNoteRow(votes, voteColumns, '表决结果按《城市居民委员会组织法》第九条复核：居民会议须有全体成员（或户代表、居民小组代表）过半数出席，决定须经到会人员过半数通过。');

  const caseColumns: SheetColumn[] = [
    { header: '处置层级', width: 16 },
    { header: '进入该层级（件）', width: 16 },
    { header: '在该层级解决（件）', width: 18 },
    { header: '平均办结天数', width: 14 },
  ];
  const cases = addTableSheet(workbook, { name: OUTCOMES_CASES_SHEET, title: '社区问题案件分层处置情况', subtitle, columns: caseColumns });
  for (const tier of outcomes.cases.tiers) {
    addDataRow(cases, caseColumns, [tierLabels[tier.tier].zh, String(tier.reached), String(tier.resolved), tier.averageDays === null ? '—' : tier.averageDays.toFixed(1)]);
  }
  if (outcomes.cases.tiers.length === 0) addNoteRow(cases, caseColumns, '尚无问题案件记录。');
  else addNoteRow(cases, caseColumns, `共${outcomes.cases.reported}件，已解决${outcomes.cases.resolved}件；一件案件可能依次进入德治、自治、法治层级，各层级分别计数，合计按每件一次计。`);

  const eventColumns: SheetColumn[] = [
    { header: '日期', width: 11 },
    { header: '社区', width: 14 },
    { header: '活动', width: 12 },
    { header: '主题', width: 40 },
    { header: '参与人次', width: 10 },
  ];
  const events = addTableSheet(workbook, { name: OUTCOMES_EVENTS_SHEET, title: '推广活动情况', subtitle, columns: eventColumns });
  for (const event of outcomes.events.items) addDataRow(events, eventColumns, [event.date, event.community?.name ?? WHOLE, outcomeEventKindLabels[event.kind].zh, event.theme ?? '', String(event.participants)]);
  if (outcomes.events.items.length === 0) addNoteRow(events, eventColumns, '尚无推广活动记录。');

  const deliverableColumns: SheetColumn[] = [
    { header: '序号', width: 5 },
    { header: '成果文件', width: 40 },
    { header: '社区', width: 14 },
    { header: '审核通过日期', width: 13 },
  ];
  const deliverables = addTableSheet(workbook, { name: OUTCOMES_DELIVERABLES_SHEET, title: '经审核通过的成果文件', subtitle, columns: deliverableColumns });
  outcomes.deliverables.items.forEach((item, index) => addDataRow(deliverables, deliverableColumns, [String(index + 1), item.title.zh, item.community?.name ?? WHOLE, item.approvedOn]));
  if (outcomes.deliverables.items.length === 0) addNoteRow(deliverables, deliverableColumns, '尚无经审核通过的成果文件。');

  addNotesSheet(workbook, '说明', [
    ['口径', '本材料的每项数据均取自项目记录（任务办理表单、问题案件、导入的12345工单、律师工作日志），不另行填报。'],
    ['居民公约', '表决数字为项目经理依据会议记录录入，系统按《城市居民委员会组织法》第九条复核出席和表决是否过半数。'],
    ['12345', hotline?.unverified ? '本项目导入的12345工单为模拟数据，相关数字标注“待核实”，不得作为验收依据。' : '以街道提供的12345工单明细为准。'],
    ['导出', `${input.preparedBy}，${formatChineseDate(input.date)}`],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
