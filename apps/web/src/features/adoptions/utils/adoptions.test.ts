import { describe, expect, it } from 'vitest';
import {
  commentLinkUrl,
  communitiesOf,
  figureRows,
  figuresOf,
  filingDateBounds,
  formatArea,
  formFieldOf,
  isInProgress,
  isValidLinkCount,
  latestMeeting,
  meetingDateBounds,
  noticeBounds,
  renoticeAfter,
  renoticeBounds,
  withinBounds,
} from './adoptions';

const notice = { from: '2026-11-09', to: '2026-11-19', location: '社区公告栏', round: 1 };
const meeting = (heldOn: string, verdict: 'passed' | 'no_quorum' | 'vote_lost') => ({ heldOn, verdict });

describe('noticeBounds', () => {
  it('proposes the firm’s seven days from today, and accepts a start from 30 days back to 30 days ahead, across a year', () => {
    expect(noticeBounds('2026-12-28')).toEqual({
      from: { initial: '2026-12-28', min: '2026-11-28', max: '2027-01-27' },
      to: '2027-01-04',
    });
  });
});

describe('renoticeBounds', () => {
  it('starts a revised draft’s notice after the last meeting, today when that is later', () => {
    const adoption = { notice, meetings: [meeting('2026-11-20', 'no_quorum'), meeting('2026-11-25', 'vote_lost')] };
    expect(renoticeAfter(adoption)).toBe('2026-11-25');
    expect(renoticeBounds(adoption, '2026-11-29')).toEqual({
      from: { initial: '2026-11-29', min: '2026-11-26', max: '2026-12-29' },
      to: '2026-12-06',
    });
  });

  it('without a meeting, after the previous notice, and never earlier than 30 days back', () => {
    const adoption = { notice: { ...notice, to: '2026-12-02' }, meetings: [] };
    expect(renoticeAfter(adoption)).toBe('2026-12-02');
    expect(renoticeBounds(adoption, '2026-11-29').from).toEqual({
      initial: '2026-12-03',
      min: '2026-12-03',
      max: '2026-12-29',
    });
    expect(renoticeBounds({ notice: { ...notice, to: '2026-09-01' }, meetings: [] }, '2026-11-29').from.min).toBe(
      '2026-10-30',
    );
  });
});

describe('meetingDateBounds and filingDateBounds', () => {
  it('hold a meeting after the notice, not before the previous one, not in the future', () => {
    expect(meetingDateBounds({ notice, meetings: [] }, '2026-11-29')).toEqual({
      initial: '2026-11-29',
      min: '2026-11-20',
      max: '2026-11-29',
    });
    expect(meetingDateBounds({ notice, meetings: [meeting('2026-11-25', 'no_quorum')] }, '2026-11-29').min).toBe(
      '2026-11-25',
    );
  });

  it('file not before the vote that passed', () => {
    const meetings = [meeting('2026-11-21', 'no_quorum'), meeting('2026-11-26', 'passed')];
    expect(filingDateBounds({ meetings }, '2026-11-29')).toEqual({
      initial: '2026-11-29',
      min: '2026-11-26',
      max: '2026-11-29',
    });
  });

  it('an empty bound does not bind', () => {
    expect(withinBounds('2026-11-01', { min: '', max: '2026-11-29' })).toBe(true);
    expect(withinBounds('2026-11-30', { min: '', max: '2026-11-29' })).toBe(false);
    expect(withinBounds('2026-11-19', { min: '2026-11-20', max: '2026-11-29' })).toBe(false);
  });
});

describe('figuresOf and figureRows', () => {
  it('build a residents’ meeting’s figures from the form, empty fields as none, and read them in the minutes’ order', () => {
    const figures = figuresOf('residents', {
      eligible: 420,
      attendees: 263,
      votesFor: 241,
      votesAgainst: 12,
      abstentions: null,
    });
    expect(figures).toEqual({
      kind: 'residents',
      eligible: 420,
      attendees: 263,
      votesFor: 241,
      votesAgainst: 12,
      abstentions: 0,
    });
    expect(figureRows(figures).map((row) => row.field)).toEqual([
      'eligible',
      'attendees',
      'votesFor',
      'votesAgainst',
      'abstentions',
    ]);
  });

  it('build an owners’ vote’s area and headcount', () => {
    const figures = figuresOf('owners', {
      totalArea: 12000.5,
      totalOwners: 200,
      participatingArea: 9000,
      participatingOwners: 150,
      areaFor: 6000.25,
      ownersFor: 100,
    });
    expect(figures).toEqual({
      kind: 'owners',
      totalArea: 12000.5,
      totalOwners: 200,
      participatingArea: 9000,
      participatingOwners: 150,
      areaFor: 6000.25,
      ownersFor: 100,
    });
    expect(figureRows(figures)).toHaveLength(6);
  });

  it('write areas with thousands grouped and at most two decimals', () => {
    expect(formatArea(12000)).toBe('12,000');
    expect(formatArea(9000.505)).toBe('9,000.51');
  });
});

describe('formFieldOf', () => {
  it('puts an error on a figure on its own field', () => {
    expect(formFieldOf('figures.attendees')).toBe('attendees');
    expect(formFieldOf('votesFor')).toBe('votesFor');
    expect(formFieldOf('heldOn')).toBe('heldOn');
  });
});

describe('communitiesOf', () => {
  it('lists each community once, in the list’s order', () => {
    const community = (id: string, name: string) => ({ community: { id, name } });
    expect(
      communitiesOf([community('b', '安定门社区'), community('a', '青年湖社区'), community('b', '安定门社区')]),
    ).toEqual([
      { id: 'b', name: '安定门社区' },
      { id: 'a', name: '青年湖社区' },
    ]);
  });
});

describe('latestMeeting', () => {
  it('is the vote that passed, else the last one tried', () => {
    expect(latestMeeting([meeting('2026-11-21', 'no_quorum'), meeting('2026-11-26', 'passed')])?.heldOn).toBe(
      '2026-11-26',
    );
    expect(latestMeeting([meeting('2026-11-21', 'no_quorum'), meeting('2026-11-26', 'vote_lost')])?.verdict).toBe(
      'vote_lost',
    );
    expect(latestMeeting([])).toBeUndefined();
  });
});

describe('isInProgress', () => {
  it('is every step but adopted and withdrawn', () => {
    expect((['notice', 'awaiting_meeting', 'meeting_failed', 'awaiting_filing'] as const).every(isInProgress)).toBe(
      true,
    );
    expect(isInProgress('adopted') || isInProgress('withdrawn')).toBe(false);
  });
});

describe('comment links', () => {
  it('makes a full address of the path the API gave, whatever slashes the origin and path carry', () => {
    expect(commentLinkUrl('https://gongzhi.example.cn', '/c/abc')).toBe('https://gongzhi.example.cn/c/abc');
    expect(commentLinkUrl('http://10.0.0.5:5173/', 'c/abc')).toBe('http://10.0.0.5:5173/c/abc');
  });

  it('asks for a whole number of links from 1 to 200', () => {
    expect([1, 20, 200].map(isValidLinkCount)).toEqual([true, true, true]);
    expect([null, 0, 201, 2.5].map(isValidLinkCount)).toEqual([false, false, false, false]);
  });
});
