import ExcelJS from 'exceljs';
import { BASELINE_MONTHS, type CivilDate, type HotlineFigures, type HotlineGroupSeries, tierLabels, TIERS } from '@gongzhi/domain';
import { formatChineseDate, instantOfCivilDate } from './chinese-text';
import { addDataRow, addNoteRow, addNotesSheet, addTableSheet, type SheetColumn } from './xlsx-layout';

export interface HotlineWorkbookInput extends HotlineFigures {
  /** The extract is synthetic (the demo's): every sheet's reader is told so. */
  synthetic: boolean;
  clientName: string;
  engagementName: string;
  startMonth: string;
  preparedBy: string;
  date: CivilDate;
}

const UNVERIFIED = '（待核实）';
const number = (value: number | null) => (value === null ? '—' : value.toFixed(2));
const percent = (value: number | null) => (value === null ? '—' : `${value > 0 ? '+' : ''}${(value * 100).toFixed(1)}%`);
const share = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

/**
 * The 12345 comparison as the street office files it: 对比汇总 (per mapped violation: baseline and
 * engagement averages per 1,000 households, covered against uncovered), 月度明细 (each month's rate,
 * campaign months named, cases resolved per tier beside them), 三率 (response, resolution,
 * satisfaction per month) and 说明 (how it is counted, what is unverified).
 */
export async function renderHotlineWorkbook(input: HotlineWorkbookInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = input.preparedBy;
  workbook.created = instantOfCivilDate(input.date);
  workbook.title = `${input.clientName} 12345 接诉即办对比`;
  const subtitle = `${input.clientName} · ${input.engagementName} · 项目起始月份 ${input.startMonth} · 基线 ${BASELINE_MONTHS} 个月（已导入 ${input.baselineMonths.imported} 个月） · ${input.preparedBy}${formatChineseDate(input.date)}导出`;
  const titleOf = (series: HotlineFigures['series'][number]) => `${series.title ?? '全部对应类别'}${series.unverified ? UNVERIFIED : ''}`;

  const summaryColumns: SheetColumn[] = [
    { header: '序号', width: 5 },
    { header: '违法行为', width: 26 },
    { header: '对应 12345 类别', width: 24 },
    { header: '覆盖社区 基线', width: 11 },
    { header: '覆盖社区 项目期', width: 11 },
    { header: '覆盖社区 变化', width: 10 },
    { header: '未覆盖社区 基线', width: 11 },
    { header: '未覆盖社区 项目期', width: 11 },
    { header: '未覆盖社区 变化', width: 10 },
    { header: '覆盖社区 项目期（不含每月一题月份）', width: 16 },
  ];
  const summary = addTableSheet(workbook, { name: '对比汇总', title: '12345 工单量对比（每千户月均件数）', subtitle, columns: summaryColumns });
  if (input.synthetic) addNoteRow(summary, summaryColumns, '演示数据：本表的 12345 工单为模拟生成，仅用于演示对比方法，不代表任何街道的真实工单。', { isWarning: true });
  input.series.forEach((series, index) => {
    const cells = (group: HotlineGroupSeries) => [number(group.baseline), number(group.engagement), percent(group.change)];
    const categories = series.key === 'all-mapped' ? `以下各项对应的全部 ${series.categories.length} 个类别（一件工单只计一次）` : series.categories.join('、');
    addDataRow(summary, summaryColumns, [String(index + 1), titleOf(series), categories, ...cells(series.covered), ...cells(series.uncovered), number(series.covered.engagementWithoutCampaigns)], { isHighlighted: series.unverified });
  });
  const { households } = input;
  addNoteRow(summary, summaryColumns, `覆盖社区共 ${households.covered} 户，未覆盖社区共 ${households.uncovered} 户。${households.coveredWithout.length + households.uncoveredWithout.length > 0 ? `以下社区缺少户数，其工单未计入：${[...households.coveredWithout, ...households.uncoveredWithout].join('、')}。` : ''}未能归属社区的工单 ${input.unattributed} 件，不属于任何对应类别的工单 ${input.unmapped} 件，均未计入。`, { isWarning: households.coveredWithout.length + households.uncoveredWithout.length > 0 });

  const monthColumns: SheetColumn[] = [
    { header: '月份', width: 9 },
    { header: '阶段', width: 8 },
    { header: '每月一题', width: 18 },
    { header: '覆盖社区 每千户件数', width: 12 },
    { header: '覆盖社区 件数', width: 9 },
    { header: '未覆盖社区 每千户件数', width: 12 },
    { header: '未覆盖社区 件数', width: 9 },
    ...TIERS.map((tier) => ({ header: `办结案件 ${tierLabels[tier].zh.split('：')[0]}`, width: 9 })),
  ];
  const monthly = addTableSheet(workbook, { name: '月度明细', title: '12345 工单月度明细（全部对应类别）', subtitle, columns: monthColumns });
  const all = input.series[0]!;
  const PERIOD: Record<string, string> = { earlier: '基线前', baseline: '基线', engagement: '项目期' };
  input.months.forEach((month, index) => {
    const cases = input.cases[index]!.resolved;
    addDataRow(monthly, monthColumns, [
      month.month,
      month.imported ? PERIOD[month.period]! : `${PERIOD[month.period]!}（未导入）`,
      month.campaign ?? '',
      number(all.covered.monthly[index] ?? null),
      month.imported ? String(all.covered.tickets[index]) : '—',
      number(all.uncovered.monthly[index] ?? null),
      month.imported ? String(all.uncovered.tickets[index]) : '—',
      ...TIERS.map((tier) => String(cases[tier])),
    ], { isHighlighted: month.campaign !== null });
  });

  const rateColumns: SheetColumn[] = [
    { header: '月份', width: 9 },
    { header: '社区', width: 10 },
    { header: '响应率', width: 9 },
    { header: '解决率', width: 9 },
    { header: '满意率', width: 9 },
  ];
  const rates = addTableSheet(workbook, { name: '三率', title: '12345 “三率”（按工单中的回访结果计算）', subtitle, columns: rateColumns });
  for (const rate of input.rates) {
    addDataRow(rates, rateColumns, [rate.month, rate.group === 'covered' ? '覆盖' : '未覆盖', share(rate.response), share(rate.resolution), share(rate.satisfaction)]);
  }
  addNoteRow(rates, rateColumns, '各率为回访结果为“是/满意”的工单占有回访结果工单的比例；市、区考核的权重与排名算法待核实，本表不代表考核得分。', { isWarning: true });

  addNotesSheet(workbook, '说明', [
    ['口径', `每千户月均件数 = 当月对应类别的工单件数 ÷ 户数 × 1000，再按月平均。基线为项目起始月份（${input.startMonth}）之前的 ${BASELINE_MONTHS} 个月，项目期为起始月份及之后已导入的月份；未导入的月份不计入平均。`],
    ['对照', '覆盖社区为本项目服务的社区（户数取自项目社区信息）；未覆盖社区为同一街道的其他社区（户数在“对比设置”中填写）。同期对比可排除全市性因素的影响。'],
    ['每月一题', '每月一题专项治理月份会单独影响工单量，已在“月度明细”中标出；“不含每月一题月份”一栏为剔除这些月份后的平均。'],
    ['类别对应', '违法行为与 12345 派单类别的对应关系取自本项目知识库，标注“待核实”的对应关系尚未经派单目录原文核实。'],
    ['数据来源', input.synthetic ? '模拟生成的演示数据，不代表任何街道的真实工单。' : '街道提供的 12345 工单明细，按月导入；同一月份重新导入时整月替换。'],
    ['导出', `${input.preparedBy}，${formatChineseDate(input.date)}`],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
