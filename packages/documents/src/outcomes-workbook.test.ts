import { type EngagementOutcomes } from '@gongzhi/domain';
import { describe, expect, it } from 'vitest';
import { OUTCOMES_CONVENTIONS_SHEET, OUTCOMES_EVENTS_SHEET, OUTCOMES_SUMMARY_SHEET, renderOutcomesWorkbook, type OutcomesWorkbookInput } from './outcomes-workbook';
import { CLIENTS, DOCUMENT_DATE, FIRM } from './testing/fixtures';
import { CONVERSION_TIMEOUT_MS, convertAndRead, hasOfficeTools, nameOfficeTest, pdfOf, readSheetRows } from './testing/office-files';
import { HEADER_ROW } from './xlsx-layout';

const anding = { key: 'anding', name: '安定门社区' };
const xinghua = { key: 'xinghua', name: '兴化社区' };
const qingnianhu = { key: 'qingnianhu', name: '青年湖社区' };
const outcomes: EngagementOutcomes = {
  engagementId: '0195f2a0-0000-7000-8000-00000000de00',
  asOf: '2026-12-20',
  communities: [anding, xinghua, qingnianhu],
  deliverables: { approved: 2, total: 9, items: [{ title: { zh: '街道职权梳理表', en: 'Powers table' }, community: null, approvedOn: '2026-10-30' }, { title: { zh: '居民公约', en: 'Convention' }, community: anding, approvedOn: '2026-11-20' }] },
  departments: { inMechanism: [{ key: 'enforcement', name: '街道综合行政执法队' }, { key: 'fire', name: '东城消防救援支队' }], consulted: [{ key: 'enforcement', name: '街道综合行政执法队' }] },
  conventions: [
    { community: anding, adoptedOn: '2026-12-05', eligible: 120, attendees: 78, votesFor: 70, votesAgainst: 5, abstentions: 3, valid: true, filedOn: '2026-12-12', filingNo: '和平里备〔2026〕3号' },
    { community: xinghua, adoptedOn: '2026-12-08', eligible: 200, attendees: 90, votesFor: 88, votesAgainst: 1, abstentions: 1, valid: false, filedOn: null, filingNo: null },
  ],
  trainings: { sessions: 1, attendance: 38 },
  events: { held: 1, participants: 160, householdsReached: 1200, items: [{ date: '2026-12-15', community: anding, kind: 'launch-ceremony', theme: null, participants: 160 }] },
  cases: { reported: 4, resolved: 3, tiers: [{ tier: 'moral', reached: 4, resolved: 2, averageDays: 9 }, { tier: 'self-governance', reached: 2, resolved: 1, averageDays: 21.5 }], modelHouseholds: 2 },
  hotline: { before: 130, after: 96, months: 2, unverified: true },
  service: { entries: 15, minutes: 1415, consultations: 1 },
};
const input: OutcomesWorkbookInput = { clientName: CLIENTS.street.name, engagementName: '和平里街道创新社区治理法律服务项目', outcomes, preparedBy: FIRM, date: DOCUMENT_DATE };

describe('the outcomes evidence (项目成效证明材料)', () => {
  it('sums each indicator with its figure and source, the 12345 marked 待核实 when synthetic', async () => {
    const rows = (await readSheetRows(await renderOutcomesWorkbook(input), OUTCOMES_SUMMARY_SHEET)).slice(HEADER_ROW);
    const figure = (indicator: string) => rows.find((row) => row[1] === indicator)?.[2];
    expect(figure('成果文件')).toBe('经合伙人审核通过2份（共9份）');
    expect(figure('居民公约')).toBe('1个社区表决通过（共3个社区），已备案1个');
    expect(figure('问题案件')).toBe('4件，已解决3件（解决率75.0%）');
    expect(figure('12345热线诉求')).toBe('实施前2个月130件，实施后2个月96件（下降26.2%）（待核实）');
    expect(figure('法律服务时长')).toBe('23.6小时（15条工作记录）');
  });

  it('rechecks each vote under Art. 9, lists the communities that have not voted, and says why a vote failed', async () => {
    const rows = (await readSheetRows(await renderOutcomesWorkbook(input), OUTCOMES_CONVENTIONS_SHEET)).slice(HEADER_ROW);
    expect(rows[0]!.slice(0, 1).concat(rows[0]!.slice(7))).toEqual(['安定门社区', '通过（出席过半数、赞成票过出席人数半数）', '2026-12-12', '和平里备〔2026〕3号']);
    expect(rows[1]!.slice(7, 9)).toEqual(['无效：出席未过半数（至少须101人）', '未备案']);
    expect(rows[2]!.slice(0, 1).concat(rows[2]!.slice(7, 8))).toEqual(['青年湖社区', '尚未表决']);
    expect((await readSheetRows(await renderOutcomesWorkbook(input), OUTCOMES_EVENTS_SHEET)).slice(HEADER_ROW)[0]).toEqual(['2026-12-15', '安定门社区', '启动仪式', '', '160']);
  });

  it(nameOfficeTest('opens in LibreOffice with its overview and votes'), { timeout: CONVERSION_TIMEOUT_MS }, async () => {
    if (!hasOfficeTools) return;
    const text = pdfOf(convertAndRead({ 'outcomes.xlsx': await renderOutcomesWorkbook(input) }), 'outcomes.xlsx').compact;
    expect(text).toContain('和平里街道创新社区治理法律服务项目成效概览');
    expect(text).toContain('居民公约表决与备案情况');
    expect(text).toContain('尚未表决');
  });
});
