import { describe, expect, it } from 'vitest';
import { conventionSummary, formatPercent, hotlineChange, invalidReason, isClientAcceptance, resolutionRate } from './outcomes';

const a = { key: 'a', name: '甲社区' };
const b = { key: 'b', name: '乙社区' };
const c = { key: 'c', name: '丙社区' };
const vote = (community: { key: string; name: string } | null, valid: boolean, filedOn: string | null = null) => ({
  community,
  adoptedOn: '2026-09-18',
  eligible: 60,
  attendees: 40,
  votesFor: 30,
  votesAgainst: 5,
  abstentions: 5,
  valid,
  filedOn,
  filingNo: filedOn ? '备〔2026〕1号' : null,
});

describe('conventionSummary', () => {
  it('counts communities adopting validly (once each) and filing, and lists those with no vote at all', () => {
    const summary = conventionSummary({
      communities: [a, b, c],
      // 甲 failed, voted again and passed, then filed; 乙 failed; 丙 never voted; a street-wide vote is no community's.
      conventions: [vote(a, false), vote(a, true, '2026-09-30'), vote(b, false), vote(null, true, '2026-10-01')],
    });
    expect(summary).toEqual({ adopted: 1, filed: 1, pending: [c] });
  });

  it('has every community pending before any vote', () => {
    expect(conventionSummary({ communities: [a, b], conventions: [] })).toEqual({ adopted: 0, filed: 0, pending: [a, b] });
  });
});

describe('invalidReason', () => {
  it('words Art. 9: more than half present, more than half of those present for', () => {
    expect(invalidReason({ eligible: 58, attendees: 29, votesFor: 29 })).toBe('noQuorum');
    expect(invalidReason({ eligible: 58, attendees: 30, votesFor: 15 })).toBe('noMajority');
    expect(invalidReason({ eligible: 58, attendees: 30, votesFor: 16 })).toBeNull();
  });
});

describe('figures', () => {
  it('computes the resolution rate and the 12345 change, with nothing to divide by as —', () => {
    expect(formatPercent(resolutionRate({ reported: 5, resolved: 1 }))).toBe('20%');
    expect(formatPercent(resolutionRate({ reported: 0, resolved: 0 }))).toBe('—');
    expect(formatPercent(hotlineChange({ before: 130, after: 96 }), { digits: 1, signed: true })).toBe('-26.2%');
    expect(formatPercent(hotlineChange({ before: 80, after: 92 }), { digits: 1, signed: true })).toBe('+15.0%');
    expect(formatPercent(hotlineChange({ before: 80, after: 80 }), { digits: 1, signed: true })).toBe('0.0%');
    expect(hotlineChange({ before: 0, after: 12 })).toBeNull();
  });
});

describe('isClientAcceptance', () => {
  it('is the gate the client’s contact signs, not a partner’s gate or a client’s ordinary task', () => {
    expect(isClientAcceptance({ isGate: true, role: 'client' })).toBe(true);
    expect(isClientAcceptance({ isGate: true, role: 'partner' })).toBe(false);
    expect(isClientAcceptance({ isGate: false, role: 'client' })).toBe(false);
  });
});
