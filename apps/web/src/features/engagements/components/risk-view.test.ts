import { describe, expect, it } from 'vitest';
import type { EngagementSummary } from '../api/get-engagements';
import { rankRisk } from './risk-view';

const engagement = (name: string, overdueTaskCount: number, stalled: number): EngagementSummary =>
  ({
    id: name,
    name,
    overdueTaskCount,
    stages: Array.from({ length: 3 }, (_, index) => ({ key: `s${index}`, isStalled: index < stalled })),
  }) as unknown as EngagementSummary;

describe('rankRisk', () => {
  it('keeps only engagements with overdue tasks or stalled stages, worst first; a stalled stage outweighs a few overdue tasks', () => {
    const ranked = rankRisk([engagement('on plan', 0, 0), engagement('a few late', 3, 0), engagement('stalled', 0, 1), engagement('both', 2, 1)]);
    expect(ranked.map((row) => row.engagement.name)).toEqual(['both', 'stalled', 'a few late']);
    expect(ranked[0]?.stalled).toHaveLength(1);
  });
});
