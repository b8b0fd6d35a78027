import { describe, expect, it } from 'vitest';
import { CONSULTATION_LIMITS, isConsultationOverdue, latestConsultationDue } from './consultation';

describe('会诊 deadlines', () => {
  it('is overdue only while open and after its due day', () => {
    expect(isConsultationOverdue({ status: 'open', dueOn: '2026-11-27' }, '2026-11-28')).toBe(true);
    expect(isConsultationOverdue({ status: 'open', dueOn: '2026-11-28' }, '2026-11-28')).toBe(false);
    expect(isConsultationOverdue({ status: 'concluded', dueOn: '2026-11-01' }, '2026-11-28')).toBe(false);
    expect(isConsultationOverdue({ status: 'withdrawn', dueOn: '2026-11-01' }, '2026-11-28')).toBe(false);
  });

  it('sets the latest due day a quarter ahead, across a year end', () => {
    expect(CONSULTATION_LIMITS.maxDueDays).toBe(90);
    expect(latestConsultationDue('2026-11-28')).toBe('2027-02-26');
  });
});
