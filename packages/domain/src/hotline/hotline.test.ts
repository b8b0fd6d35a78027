import { describe, expect, it } from 'vitest';
import { addMonths, hotlineBeforeAfter, hotlineFigures, type HotlineCount } from './figures';
import { canonicalHotlineMapping, hotlineTicketsFromTable, parseHotlineTime, resolveHotlineCommunity, suggestHotlineMapping } from './tickets';

const HEADER = ['工单编号', '受理时间', '问题分类', '所属社区', '诉求地址', '承办单位', '办理结果', '是否响应', '是否解决', '是否满意'];

describe('12345 ticket extracts', () => {
  it('guesses the mapping from the usual headers, each column once', () => {
    expect(suggestHotlineMapping(HEADER)).toEqual({ ticketId: 0, receivedAt: 1, category: 2, community: 3, address: 4, handlingUnit: 5, result: 6, responded: 7, resolved: 8, satisfaction: 9 });
    expect(suggestHotlineMapping([' 诉求分类（三级） ', '来电时间', '工单号'])).toEqual({ ticketId: 2, receivedAt: 1, category: 0 });
  });

  it('compares mappings by what they say, not their key order', () => {
    expect(JSON.stringify(canonicalHotlineMapping({ category: 2, ticketId: 0, address: null, receivedAt: 1 }))).toBe(JSON.stringify(canonicalHotlineMapping({ ticketId: 0, receivedAt: 1, category: 2 })));
  });

  it('does not read 已办结 (handled) as 已解决 (resolved)', () => {
    const table = [HEADER, ['A1', '2026-03-01 09:00', '违法建设', '龙潭社区', '', '', '', '是', '已办结', '满意']];
    expect(hotlineTicketsFromTable(table, suggestHotlineMapping(HEADER), '2026-03', []).problems.map((problem) => problem.field)).toEqual(['resolved']);
  });

  it('reads Beijing times in the forms extracts use, refusing impossible dates', () => {
    expect(parseHotlineTime('2026-03-05 14:22:10')).toBe('2026-03-05T06:22:10.000Z');
    expect(parseHotlineTime('2026/3/5 8:05')).toBe('2026-03-05T00:05:00.000Z');
    expect(parseHotlineTime('2026年3月5日')).toBe('2026-03-04T16:00:00.000Z');
    expect(parseHotlineTime('2026-03-05T06:22:10.000Z')).toBe('2026-03-05T06:22:10.000Z');
    expect(parseHotlineTime('2026-02-30 10:00')).toBeNull();
    expect(parseHotlineTime('上周三')).toBeNull();
  });

  it('counts a ticket for the longest known community its cells name', () => {
    expect(resolveHotlineCommunity(null, '东城区东花市北里东区社区3号楼', ['东花市北里社区', '东花市北里东区社区'])).toBe('东花市北里东区社区');
    expect(resolveHotlineCommunity('广渠门外南里社区', null, ['东花市北里社区'])).toBe('广渠门外南里社区');
    expect(resolveHotlineCommunity(null, '某路口', [])).toBeNull();
  });

  it('takes every row of a clean month', () => {
    const table = [HEADER, ['A1', '2026-03-01 09:00', '城乡建设/违法建设', '', '东花市北里社区5号楼', '街道综合执法队', '已办结', '是', '是', '满意'], ['', '', '', '', '', '', '', '', '', ''], ['A2', '2026/3/31 23:59', '消防安全', '龙潭社区', '', '', '', '', '否', '不满意']];
    const result = hotlineTicketsFromTable(table, suggestHotlineMapping(HEADER), '2026-03', ['东花市北里社区']);
    expect(result.problems).toEqual([]);
    expect(result.tickets.map((ticket) => [ticket.ticketId, ticket.community, ticket.resolved, ticket.satisfaction])).toEqual([
      ['A1', '东花市北里社区', true, 'satisfied'],
      ['A2', '龙潭社区', false, 'unsatisfied'],
    ]);
  });

  it('takes nothing from a month with a bad row, and says which rows and why', () => {
    const table = [HEADER, ['A1', '2026-03-01 09:00', '违法建设', '龙潭社区', '', '', '', '是', '是', '满意'], ['A1', '2026-04-01 09:00', '', '', '', '', '', '也许', '', '还行'], ['A3', '昨天', '违法建设', '龙潭社区']];
    const result = hotlineTicketsFromTable(table, suggestHotlineMapping(HEADER), '2026-03', []);
    expect(result.tickets).toEqual([]);
    expect(result.problems.map((problem) => [problem.row, problem.field])).toEqual([
      [3, 'ticketId'],
      [3, 'receivedAt'],
      [3, 'category'],
      [3, 'community'],
      [3, 'responded'],
      [3, 'satisfaction'],
      [4, 'receivedAt'],
    ]);
    expect(result.problems[1]!.message.zh).toContain('2026-03');
  });

  it('refuses a mapping without the required fields or naming a column twice', () => {
    const result = hotlineTicketsFromTable([HEADER], { ticketId: 0, receivedAt: 0 }, '2026-03', []);
    expect(result.problems.map((problem) => problem.field)).toEqual(['category', 'community', 'receivedAt']);
  });

  it('says so when the file holds no tickets', () => {
    expect(hotlineTicketsFromTable([HEADER], suggestHotlineMapping(HEADER), '2026-03', []).problems[0]!.message.en).toBe('The file holds no tickets');
  });
});

describe('12345 figures', () => {
  const count = (month: string, community: string | null, category: string, tickets: number): HotlineCount => ({
    month, community, category, tickets, responded: tickets, respondedOf: tickets, resolved: tickets - 1, resolvedOf: tickets, satisfied: 0, satisfiedOf: 0,
  });

  it('compares tickets per 1,000 households before and during, covered against uncovered, campaign months marked', () => {
    const startMonth = '2026-03';
    expect(addMonths(startMonth, -12)).toBe('2025-03');
    const counts = [count('2025-03', '甲社区', '违法建设', 10), count('2025-04', '甲社区', '城乡建设/违法建设', 6), count('2026-03', '甲社区', '违法建设', 2), count('2026-04', '甲社区', '违法建设', 2),
      count('2025-03', '丙社区', '违法建设', 4), count('2026-03', '丙社区', '违法建设', 4), count('2026-03', '丁社区', '违法建设', 50), count('2026-03', null, '违法建设', 3), count('2026-03', '甲社区', '噪声扰民', 9)];
    const figures = hotlineFigures({
      counts,
      importedMonths: ['2025-03', '2025-04', '2026-03', '2026-04'],
      communities: [{ name: '甲社区', households: 2000, covered: true }, { name: '乙社区', households: null, covered: true }, { name: '丙社区', households: 1000, covered: false }],
      violations: [
        { key: 'illegal-construction', title: '违法建设', unverified: false, categories: { names: ['违法建设'], unverified: true } },
        { key: 'throwing-from-height', title: '高空抛物', unverified: false, categories: { names: ['高空抛物'], unverified: false } },
      ],
      campaigns: [{ month: '2026-04', topic: '违法建设专项治理' }],
      startMonth,
      resolvedCases: [{ month: '2026-04', tier: 'moral' }],
    });
    expect(figures.months.map((month) => month.month)).toHaveLength(14);
    expect(figures.months.find((month) => month.month === '2026-04')).toEqual({ month: '2026-04', period: 'engagement', campaign: '违法建设专项治理', imported: true });
    expect(figures.baselineMonths).toEqual({ imported: 2, of: 12 });
    expect(figures.households).toEqual({ covered: 2000, uncovered: 1000, coveredWithout: ['乙社区'], uncoveredWithout: ['丁社区'] });
    // 高空抛物 had no ticket in any month: not a series of its own.
    expect(figures.series.map((series) => series.key)).toEqual(['all-mapped', 'illegal-construction']);
    const all = figures.series[0]!;
    expect(all.key).toBe('all-mapped');
    expect(all.unverified).toBe(true);
    // Covered: baseline (10 + 6) / 2 months / 2000 households = 4 per 1,000; engagement 1 per 1,000.
    expect(all.covered.baseline).toBe(4);
    expect(all.covered.engagement).toBe(1);
    expect(all.covered.change).toBe(-0.75);
    expect(all.covered.engagementWithoutCampaigns).toBe(1);
    // Months not imported are gaps, not zeroes; 丁社区 has no household count and stays out.
    expect(all.covered.monthly[2]).toBeNull();
    // An imported month without a ticket counts as zero: 丙社区 has (4 + 0) / 2 / 1,000 households both times.
    expect(all.uncovered.baseline).toBe(2);
    expect(all.uncovered.engagement).toBe(2);
    expect(all.uncovered.change).toBe(0);
    expect(figures.unattributed).toBe(3);
    expect(figures.unmapped).toBe(9);
    expect(figures.rates.find((rate) => rate.month === '2025-03' && rate.group === 'covered')).toEqual({ month: '2025-03', group: 'covered', response: 1, resolution: 0.9, satisfaction: null });
    expect(figures.cases.find((month) => month.month === '2026-04')!.resolved).toEqual({ moral: 1, 'self-governance': 0, 'rule-of-law': 0 });
    // The closing report's before/after: the covered communities' mapped tickets, 2 imported months each way.
    expect(hotlineBeforeAfter(figures)).toEqual({ before: 16, after: 4, months: 2 });
    // One engagement month imported so far: compared with the last baseline month only.
    expect(hotlineBeforeAfter({ ...figures, months: figures.months.map((month) => (month.month === '2026-04' ? { ...month, imported: false } : month)) })).toEqual({ before: 6, after: 2, months: 1 });
    expect(hotlineBeforeAfter({ ...figures, months: figures.months.map((month) => ({ ...month, imported: month.period !== 'engagement' })) })).toBeNull();
  });
});
