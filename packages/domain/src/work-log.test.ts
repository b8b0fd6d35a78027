import { describe, expect, it } from 'vitest';
import { workLogTotals } from './work-log';

const anding = { key: 'anding', name: '安定门社区' };
const jiaodao = { key: 'jiaodao', name: '交道口社区' };

describe('workLogTotals', () => {
  it('adds the groups up by activity (every one, zero where none) and by community (most minutes first)', () => {
    const totals = workLogTotals([
      { activity: 'visit', community: anding, entries: 1, minutes: 90 },
      { activity: 'lecture', community: jiaodao, entries: 2, minutes: 180 },
      { activity: 'review', community: null, entries: 1, minutes: 45 },
    ]);
    expect(totals.entries).toBe(4);
    expect(totals.minutes).toBe(315);
    expect(totals.byActivity.find((row) => row.activity === 'lecture')).toEqual({ activity: 'lecture', entries: 2, minutes: 180 });
    expect(totals.byActivity.find((row) => row.activity === 'visit')).toEqual({ activity: 'visit', entries: 1, minutes: 90 });
    expect(totals.byActivity.find((row) => row.activity === 'mediation')).toEqual({ activity: 'mediation', entries: 0, minutes: 0 });
    expect(totals.byCommunity).toEqual([
      { community: jiaodao, entries: 2, minutes: 180 },
      { community: anding, entries: 1, minutes: 90 },
      { community: null, entries: 1, minutes: 45 },
    ]);
  });

  it('is zero for an empty log', () => {
    expect(workLogTotals([])).toMatchObject({ entries: 0, minutes: 0, byCommunity: [] });
  });
});
