import { describe, expect, it } from 'vitest';
import { checkMeetingFigures, checkNoticeTerms, evaluateMeeting, type OwnersVoteFigures, statusAfterPassingVote } from './adoption';

const owners = (over: Partial<OwnersVoteFigures>): OwnersVoteFigures => ({
  kind: 'owners',
  totalArea: 30_000,
  totalOwners: 300,
  participatingArea: 20_000,
  participatingOwners: 200,
  areaFor: 15_000,
  ownersFor: 150,
  ...over,
});

describe('a residents’ meeting (Organic Law Art. 9)', () => {
  it('is void without more than half present, and says how many were needed', () => {
    const outcome = evaluateMeeting({ kind: 'residents', eligible: 420, attendees: 210, votesFor: 200, votesAgainst: 5, abstentions: 5 }, null);
    expect(outcome.verdict).toBe('no_quorum');
    expect(outcome.explanation.zh).toContain('至少须 211 人出席');
  });

  it('loses with half of those present, passes with one more', () => {
    const base = { kind: 'residents' as const, eligible: 420, attendees: 300, votesAgainst: 100, abstentions: 50 };
    expect(evaluateMeeting({ ...base, votesFor: 150 }, null).verdict).toBe('vote_lost');
    const passed = evaluateMeeting({ ...base, votesFor: 151, abstentions: 49 }, null);
    expect(passed.verdict).toBe('passed');
    expect(passed.explanation.zh).toContain('第九条');
  });

  it('refuses figures that cannot be true rather than recording a failed vote', () => {
    expect(checkMeetingFigures({ kind: 'residents', eligible: 100, attendees: 101, votesFor: 60, votesAgainst: 0, abstentions: 0 }).map((error) => error.field)).toEqual(['attendees']);
    expect(checkMeetingFigures({ kind: 'residents', eligible: 100, attendees: 60, votesFor: 40, votesAgainst: 15, abstentions: 6 }).map((error) => error.field)).toEqual(['votesFor']);
  });
});

describe('an owners’ vote (Civil Code Art. 278)', () => {
  it('needs two-thirds of the area and of the owners to take part, exactly at the boundary', () => {
    expect(evaluateMeeting(owners({}), 'ordinary').verdict).toBe('passed');
    expect(evaluateMeeting(owners({ participatingArea: 19_999.99 }), 'ordinary').verdict).toBe('no_quorum');
    expect(evaluateMeeting(owners({ participatingOwners: 199, ownersFor: 150 }), 'ordinary').verdict).toBe('no_quorum');
  });

  it('decides ordinary matters by more than half of the participating area and owners', () => {
    expect(evaluateMeeting(owners({ areaFor: 10_000.01, ownersFor: 101 }), 'ordinary').verdict).toBe('passed');
    expect(evaluateMeeting(owners({ areaFor: 10_000, ownersFor: 150 }), 'ordinary').verdict).toBe('vote_lost');
    expect(evaluateMeeting(owners({ areaFor: 15_000, ownersFor: 100 }), 'ordinary').verdict).toBe('vote_lost');
  });

  it('decides special matters (items 6–8) by three-quarters of both, exactly at the boundary', () => {
    expect(evaluateMeeting(owners({ areaFor: 15_000, ownersFor: 150 }), 'special').verdict).toBe('passed');
    expect(evaluateMeeting(owners({ areaFor: 14_999.99, ownersFor: 150 }), 'special').verdict).toBe('vote_lost');
    const lost = evaluateMeeting(owners({ areaFor: 15_000, ownersFor: 149 }), 'special');
    expect(lost.verdict).toBe('vote_lost');
    expect(lost.explanation.zh).toContain('四分之三');
  });

  it('compares areas in hundredths of a square metre, not binary fractions', () => {
    // 0.1 + 0.2 style drift: 2/3 of 0.3 m² is exactly 0.2 m².
    expect(evaluateMeeting(owners({ totalArea: 0.3, participatingArea: 0.2, areaFor: 0.15, totalOwners: 3, participatingOwners: 2, ownersFor: 2 }), 'special').verdict).toBe('passed');
  });
});

describe('owners’ figures that cannot be true', () => {
  it('refuses area without owners and owners without area, taking part or in favour', () => {
    expect(checkMeetingFigures(owners({}))).toEqual([]);
    expect(checkMeetingFigures(owners({ participatingOwners: 0, ownersFor: 0, areaFor: 0 })).map((error) => error.field)).toEqual(['participatingArea']);
    expect(checkMeetingFigures(owners({ areaFor: 0 })).map((error) => error.field)).toEqual(['areaFor']);
    expect(checkMeetingFigures(owners({ participatingArea: 0, participatingOwners: 0, areaFor: 0, ownersFor: 0 }))).toEqual([]);
    expect(checkMeetingFigures(owners({ areaFor: 0.004, ownersFor: 1 })).map((error) => error.field)).toEqual(['areaFor']);
  });
});

describe('where a passing vote leaves the procedure', () => {
  it('sends a convention to the filing and adopts an owners’ decision at once (Civil Code Art. 280)', () => {
    expect(statusAfterPassingVote('residents_convention')).toBe('awaiting_filing');
    expect(statusAfterPassingVote('owners_rules')).toBe('adopted');
  });
});

describe('a notice period', () => {
  it('runs at least seven days and starts within the window', () => {
    expect(checkNoticeTerms({ noticeFrom: '2026-11-20', noticeTo: '2026-11-27', location: '社区公告栏' }, '2026-11-28')).toEqual([]);
    expect(checkNoticeTerms({ noticeFrom: '2026-11-20', noticeTo: '2026-11-26', location: '社区公告栏' }, '2026-11-28').map((error) => error.field)).toEqual(['noticeTo']);
    expect(checkNoticeTerms({ noticeFrom: '2026-10-01', noticeTo: '2026-10-20', location: '社区公告栏' }, '2026-11-28').map((error) => error.field)).toEqual(['noticeFrom']);
  });
});
