import { describe, expect, it } from 'vitest';
import { type CaseForFigures, caseFigures, median, percentile } from './figures';

const item = (overrides: Partial<CaseForFigures>): CaseForFigures => ({
  community: '安定门社区',
  violationKey: 'stairwell-clutter',
  reportedOn: '2026-10-01',
  tierStarted: 'moral',
  tierReached: 'moral',
  status: 'open',
  resolvedTier: null,
  resolvedOn: null,
  ...overrides,
});

describe('case figures', () => {
  it('takes the median and the nearest-rank 90th percentile', () => {
    expect(median([])).toBeNull();
    expect(median([3, 5, 9])).toBe(5);
    expect(median([3, 5, 9, 11])).toBe(7);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([4], 90)).toBe(4);
  });

  it('counts the tiers reached and resolved, the days to resolution, per community and per violation', () => {
    const figures = caseFigures(
      [
        item({ status: 'resolved', resolvedTier: 'moral', resolvedOn: '2026-10-11' }),
        item({ tierReached: 'self-governance', status: 'resolved', resolvedTier: 'self-governance', resolvedOn: '2026-10-21' }),
        item({ community: '兴化社区', violationKey: 'fire-lane-obstruction', tierReached: 'rule-of-law', status: 'resolved', resolvedTier: 'rule-of-law', resolvedOn: '2026-11-30' }),
        item({ community: '兴化社区', violationKey: 'fire-lane-obstruction', tierReached: 'rule-of-law' }),
        item({ community: '兴化社区', violationKey: null, status: 'withdrawn' }),
        // Reported straight to 法治: it never was at 德治 or 自治.
        item({ community: '兴化社区', violationKey: 'fire-lane-obstruction', tierStarted: 'rule-of-law', tierReached: 'rule-of-law' }),
      ],
      ['安定门社区', '兴化社区', '青年湖社区'],
    );
    expect(figures.overall).toMatchObject({ reported: 6, open: 2, resolved: 3, withdrawn: 1, days: { median: 20, p90: 60 } });
    // Five reached 德治 (every case starts there), one was resolved there; three reached 自治, one resolved; two reached 法治, one resolved.
    expect(figures.overall.tiers).toEqual({
      moral: { reached: 5, resolved: 1, rate: 0.2 },
      'self-governance': { reached: 3, resolved: 1, rate: 0.333 },
      'rule-of-law': { reached: 3, resolved: 1, rate: 0.333 },
    });
    expect(figures.byCommunity.map((group) => [group.community, group.reported, group.days.median])).toEqual([
      ['安定门社区', 2, 15],
      ['兴化社区', 4, 60],
      ['青年湖社区', 0, null],
    ]);
    expect(figures.byViolation.map((group) => [group.violationKey, group.reported])).toEqual([
      ['fire-lane-obstruction', 3],
      ['stairwell-clutter', 2],
      [null, 1],
    ]);
  });
});
