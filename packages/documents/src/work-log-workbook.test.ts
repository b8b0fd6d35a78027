import { workLogTotals } from '@gongzhi/domain';
import { describe, expect, it } from 'vitest';
import { CLIENTS, DOCUMENT_DATE, FIRM } from './testing/fixtures';
import { CONVERSION_TIMEOUT_MS, convertAndRead, hasOfficeTools, nameOfficeTest, pdfOf, readSheetRows } from './testing/office-files';
import { LEDGER_SHEET, LEDGER_TOTALS_SHEET, renderWorkLogWorkbook, type WorkLogWorkbookInput } from './work-log-workbook';
import { HEADER_ROW } from './xlsx-layout';

const anding = { key: 'anding', name: '安定门社区' };
const entries: WorkLogWorkbookInput['entries'] = [
  { workedOn: '2026-10-11', community: null, activity: 'drafting', minutes: 240, note: '起草街道职权梳理表初稿，逐项列明事项名称、法律依据和实施主体。', loggedBy: '刘思远', sharedWithClient: false },
  { workedOn: '2026-11-02', community: anding.name, activity: 'meeting', minutes: 90, note: '组织安定门社区居民代表座谈会，逐条讨论居民公约初稿，收集意见15条。', loggedBy: '李婧', sharedWithClient: true },
  { workedOn: '2026-11-26', community: anding.name, activity: 'visit', minutes: 45, note: '复查5号楼2单元楼道堆物整改情况。', loggedBy: '王浩然', sharedWithClient: true },
];
const input: WorkLogWorkbookInput = {
  clientName: CLIENTS.street.name,
  engagementName: '和平里街道创新社区治理法律服务项目',
  community: null,
  entries,
  totals: workLogTotals([
    { activity: 'drafting', community: null, entries: 1, minutes: 240 },
    { activity: 'meeting', community: anding, entries: 1, minutes: 90 },
    { activity: 'visit', community: anding, entries: 1, minutes: 45 },
  ]),
  preparedBy: FIRM,
  date: DOCUMENT_DATE,
};

describe('the work-log ledger (法律服务工作台账)', () => {
  it('lists every entry with its day, community, activity, hours and author', async () => {
    const rows = await readSheetRows(await renderWorkLogWorkbook(input), LEDGER_SHEET);
    expect(rows[0]![0]).toBe(`${CLIENTS.street.name}法律服务工作台账`);
    expect(rows[1]![0]).toContain('共 3 条，服务时长 6.3 小时');
    expect(rows[HEADER_ROW - 1]).toEqual(['序号', '日期', '社区', '工作类型', '工作内容', '用时（小时）', '记录人', '委托方可见']);
    const data = rows.slice(HEADER_ROW);
    expect(data.map((row) => row.slice(0, 4))).toEqual([
      ['1', '2026-10-11', '全项目', '文书起草'],
      ['2', '2026-11-02', '安定门社区', '会议座谈'],
      ['3', '2026-11-26', '安定门社区', '走访社区'],
    ]);
    expect(data.map((row) => [row[5], row[6], row[7]])).toEqual([
      ['4.0', '刘思远', '否'],
      ['1.5', '李婧', '是'],
      ['0.8', '王浩然', '是'],
    ]);
  });

  it('adds the hours up by community and by activity', async () => {
    const rows = (await readSheetRows(await renderWorkLogWorkbook(input), LEDGER_TOTALS_SHEET)).slice(HEADER_ROW);
    expect(rows).toContainEqual(['按社区', '全项目', '1', '4.0']);
    expect(rows).toContainEqual(['按社区', '安定门社区', '2', '2.3']);
    expect(rows).toContainEqual(['按工作类型', '纠纷调解', '0', '0.0']);
    expect(rows.at(-1)).toEqual(['合计', '', '3', '6.3']);
  });

  it(nameOfficeTest('opens in LibreOffice with its title, entries and total'), { timeout: CONVERSION_TIMEOUT_MS }, async () => {
    if (!hasOfficeTools) return;
    const pdfs = convertAndRead({ 'ledger.xlsx': await renderWorkLogWorkbook({ ...input, community: anding.name, entries: entries.slice(1) }) });
    const text = pdfOf(pdfs, 'ledger.xlsx').compact;
    expect(text).toContain('安定门社区法律服务工作台账');
    expect(text).toContain('居民代表座谈会');
    expect(text).toContain('法律服务时长汇总');
  });
});
