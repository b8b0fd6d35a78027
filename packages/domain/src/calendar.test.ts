import { describe, expect, it } from 'vitest';
import { civilDateAt, civilDateSchema, createBusinessCalendar, endOfCivilDay, morningOf } from './calendar';
import { chinaHolidayCalendar } from './holidays';

describe('business-day calendar', () => {
  const plain = createBusinessCalendar({ holidays: [], makeUpWorkdays: [] });
  const china = createBusinessCalendar(chinaHolidayCalendar());

  it('skips weekends', () => {
    expect(plain.addBusinessDays('2026-11-27', 1)).toBe('2026-11-30'); // Friday → Monday
    expect(plain.addBusinessDays('2026-11-30', -1)).toBe('2026-11-27');
    expect(plain.addBusinessDays('2026-11-28', 0)).toBe('2026-11-30'); // Saturday rolls forward
  });

  it('skips the Spring Festival break and counts its make-up Saturdays (2026)', () => {
    // Fri 13 Feb + 1 → Sat 14 Feb is a 调休 workday.
    expect(china.addBusinessDays('2026-02-13', 1)).toBe('2026-02-14');
    // Sat 14 Feb + 1 → the break runs 15–23 Feb, so Tue 24 Feb.
    expect(china.addBusinessDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(china.isBusinessDay('2026-02-28')).toBe(true);
    expect(china.isBusinessDay('2026-02-18')).toBe(false);
    expect(plain.isBusinessDay('2026-02-18')).toBe(true);
  });

  it('skips the National Day golden week', () => {
    expect(china.addBusinessDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(china.businessDaysBetween('2026-09-30', '2026-10-08')).toBe(1);
  });

  it('refuses dates that do not exist, without throwing', () => {
    expect(civilDateSchema.safeParse('2026-02-29').success).toBe(false);
    expect(civilDateSchema.safeParse('0000-00-00').success).toBe(false);
    expect(civilDateSchema.safeParse('2026-13-01').success).toBe(false);
    expect(civilDateSchema.safeParse('2028-02-29').success).toBe(true);
  });

  it('places day boundaries in Asia/Shanghai', () => {
    expect(endOfCivilDay('2026-11-26').toISOString()).toBe('2026-11-26T15:59:59.999Z');
    expect(morningOf('2026-11-26').toISOString()).toBe('2026-11-26T01:00:00.000Z');
    expect(civilDateAt(new Date('2026-11-26T16:30:00Z'))).toBe('2026-11-27');
  });
});
