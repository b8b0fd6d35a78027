import { describe, expect, it } from 'vitest';
import {
  answeredCount,
  dueBounds,
  formFieldOf,
  holdingConsultations,
  inviteeCandidates,
  isOpenTask,
  opinionsInOrder,
  sortConsultations,
} from './consultations';

const person = (id: string, displayName: string) => ({ id, displayName });
const team = {
  pm: person('pm', '李婧'),
  partner: person('partner', '张振华'),
  lawyers: [person('lawyer', '王浩然'), person('lawyer2', '刘思远')],
};

describe('dueBounds', () => {
  it('proposes three days ahead and accepts today to ninety days ahead, across a month and a year', () => {
    expect(dueBounds('2026-11-28')).toEqual({ initial: '2026-12-01', min: '2026-11-28', max: '2027-02-26' });
    expect(dueBounds('2028-02-27').initial).toBe('2028-03-01');
  });
});

describe('sortConsultations', () => {
  it('puts open ones first, each group the most recently opened first, without touching the input', () => {
    const items = [
      { id: 'a', status: 'concluded' as const, openedAt: '2026-11-20T02:00:00.000Z' },
      { id: 'b', status: 'open' as const, openedAt: '2026-11-01T02:00:00.000Z' },
      { id: 'c', status: 'withdrawn' as const, openedAt: '2026-11-25T02:00:00.000Z' },
      { id: 'd', status: 'open' as const, openedAt: '2026-11-10T02:00:00.000Z' },
    ];
    expect(sortConsultations(items).map((item) => item.id)).toEqual(['d', 'b', 'c', 'a']);
    expect(items.map((item) => item.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('answeredCount', () => {
  it('counts those asked who answered, of all asked', () => {
    expect(
      answeredCount({
        invitees: [
          { user: team.lawyers[0]!, answered: true },
          { user: team.lawyers[1]!, answered: false },
          { user: team.partner, answered: true },
        ],
      }),
    ).toEqual({ answered: 2, total: 3 });
    expect(answeredCount({ invitees: [] })).toEqual({ answered: 0, total: 0 });
  });
});

describe('opinionsInOrder', () => {
  it('reads oldest first', () => {
    const opinions = [
      { id: '2', givenAt: '2026-11-28T08:00:00.000Z' },
      { id: '1', givenAt: '2026-11-27T08:00:00.000Z' },
    ];
    expect(opinionsInOrder(opinions).map((opinion) => opinion.id)).toEqual(['1', '2']);
  });
});

describe('holdingConsultations', () => {
  it('are the open ones that hold their task: a concluded or withdrawn one holds nothing', () => {
    const items = [
      { id: 'open-holding', status: 'open' as const, holdsTask: true },
      { id: 'open-free', status: 'open' as const, holdsTask: false },
      { id: 'concluded', status: 'concluded' as const, holdsTask: true },
      { id: 'withdrawn', status: 'withdrawn' as const, holdsTask: true },
    ];
    expect(holdingConsultations(items).map((item) => item.id)).toEqual(['open-holding']);
  });
});

describe('inviteeCandidates', () => {
  it('offers the firm team, lawyers first, without the one asking', () => {
    expect(inviteeCandidates(team, 'pm')).toEqual([
      { id: 'lawyer', displayName: '王浩然', role: 'lawyer' },
      { id: 'lawyer2', displayName: '刘思远', role: 'lawyer' },
      { id: 'partner', displayName: '张振华', role: 'partner' },
    ]);
    expect(inviteeCandidates(team, undefined).map((candidate) => candidate.id)).toEqual([
      'lawyer',
      'lawyer2',
      'pm',
      'partner',
    ]);
  });

  it('names someone who holds two places on the team once', () => {
    expect(
      inviteeCandidates({ ...team, lawyers: [team.pm, team.lawyers[0]!] }, 'partner').map((candidate) => candidate.id),
    ).toEqual(['pm', 'lawyer']);
  });
});

describe('formFieldOf', () => {
  it('puts an error on one invitee on the invitees field', () => {
    expect(formFieldOf('invitees.1')).toBe('invitees');
    expect(formFieldOf('topic')).toBe('topic');
  });
});

describe('isOpenTask', () => {
  it('is any task not yet done or cancelled', () => {
    expect(['pending', 'active', 'in_review', 'changes_requested'].every(isOpenTask)).toBe(true);
    expect(isOpenTask('done') || isOpenTask('cancelled')).toBe(false);
  });
});
