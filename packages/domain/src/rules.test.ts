import { describe, expect, it } from 'vitest';
import { computeProgress, findOverdue } from './progress';
import { evaluateOwnersVote, evaluateResidentsMeeting } from './quorum';
import { nextTier } from './tiers';
import { violationCatalogue } from './knowledge/violations';

describe('quorum rules', () => {
  it('needs more than half present and more than half of those present', () => {
    expect(evaluateResidentsMeeting({ eligible: 100, attendees: 50, votesFor: 50 }).quorumMet).toBe(false);
    expect(evaluateResidentsMeeting({ eligible: 100, attendees: 51, votesFor: 26 })).toMatchObject({
      quorumMet: true,
      passed: true,
    });
    expect(evaluateResidentsMeeting({ eligible: 100, attendees: 51, votesFor: 25 }).passed).toBe(false);
    expect(evaluateResidentsMeeting({ eligible: 100, attendees: 101, votesFor: 90 }).quorumMet).toBe(false);
  });

  it('applies Civil Code Art. 278 thresholds for owners', () => {
    const vote = {
      totalArea: 9000,
      totalOwners: 90,
      participatingArea: 6000,
      participatingOwners: 60,
      areaFor: 4500,
      ownersFor: 45,
    };
    expect(evaluateOwnersVote(vote, 'special')).toEqual({ participationMet: true, passed: true });
    expect(evaluateOwnersVote({ ...vote, ownersFor: 44 }, 'special').passed).toBe(false);
    expect(evaluateOwnersVote({ ...vote, ownersFor: 31, areaFor: 3001 }, 'ordinary').passed).toBe(true);
    expect(evaluateOwnersVote({ ...vote, participatingOwners: 59 }, 'ordinary').participationMet).toBe(false);
  });
});

describe('progress and overdue', () => {
  const tasks = [
    { key: 'a', stageKey: 'research', communityKey: 'c1', status: 'done' as const, dueDate: '2026-03-01' },
    { key: 'b', stageKey: 'research', communityKey: 'c1', status: 'active' as const, dueDate: '2026-03-02' },
    { key: 'c', stageKey: 'research', communityKey: 'c2', status: 'in_review' as const, dueDate: '2026-03-10' },
    { key: 'd', stageKey: 'proposal', communityKey: null, status: 'done' as const, dueDate: '2026-02-01' },
    { key: 'e', stageKey: 'proposal', communityKey: null, status: 'cancelled' as const, dueDate: '2026-02-01' },
  ];

  it('computes progress per stage, community and overall, ignoring cancelled work', () => {
    const progress = computeProgress(tasks);
    expect(progress.overall).toEqual({ total: 4, done: 2, percent: 50 });
    expect(progress.byStage.proposal).toEqual({ total: 1, done: 1, percent: 100 });
    expect(progress.byCommunity.c1).toEqual({ total: 2, done: 1, percent: 50 });
    expect(progress.byCommunityStage.c2!.research).toEqual({ total: 1, done: 0, percent: 0 });
  });

  it('counts a task overdue only after its due day ends in Beijing', () => {
    expect(findOverdue(tasks, new Date('2026-03-02T15:59:00Z')).map((task) => task.key)).toEqual([]);
    expect(findOverdue(tasks, new Date('2026-03-02T16:00:00Z')).map((task) => task.key)).toEqual(['b']);
  });
});

describe('tiers and the violation catalogue', () => {
  it('escalates moral → self-governance → rule of law, then stops', () => {
    expect(nextTier('moral')).toBe('self-governance');
    expect(nextTier('self-governance')).toBe('rule-of-law');
    expect(nextTier('rule-of-law')).toBeNull();
  });

  it('keeps every 【待核实】 item marked as such', () => {
    expect(violationCatalogue.violations).toHaveLength(23);
    for (const violation of violationCatalogue.violations) {
      const text = `${violation.enforcer} ${violation.legalBasis}`;
      if (text.includes('【待核实】')) expect(violation.hasUnverified, violation.problem).toBe(true);
    }
    expect(
      violationCatalogue.violations.filter((violation) => violation.hasUnverified).map((violation) => violation.id),
    ).toEqual([1, 3, 4, 5, 8, 9, 13, 14, 23]);
  });
});
