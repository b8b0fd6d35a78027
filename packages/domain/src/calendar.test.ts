import { describe, expect, it } from 'vitest';
import { civilDateAt, civilDateSchema, createBusinessCalendar, endOfCivilDay, happenedOn, morningOf } from './calendar';
import { chinaHolidayCalendar, chinaHolidays, describeHolidayCoverage, holidayYearsCovered } from './holidays';

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

describe('holiday coverage', () => {
  const china = createBusinessCalendar(chinaHolidayCalendar());

  it('covers 2025 to 2027, all unverified, 2027 as an estimate', () => {
    expect(holidayYearsCovered().map(({ year, unverified, estimated }) => ({ year, unverified, estimated }))).toEqual([
      { year: 2025, unverified: true, estimated: false },
      { year: 2026, unverified: true, estimated: false },
      { year: 2027, unverified: true, estimated: true },
    ]);
    expect(describeHolidayCoverage()).toBe(
      '已考虑2025年、2026年法定节假日（待核实）；2027年为预估，待国务院办公厅通知发布后核实',
    );
  });

  it('skips the estimated 2027 National Day break and works its make-up Saturday', () => {
    expect(china.addBusinessDays('2027-09-30', 1)).toBe('2027-10-08');
    expect(china.businessDaysBetween('2027-09-30', '2027-10-08')).toBe(1);
    expect(china.isBusinessDay('2027-10-09')).toBe(true);
    expect(china.isBusinessDay('2027-09-26')).toBe(true);
  });

  it('skips the estimated 2027 Spring Festival, Qingming, Labour Day, Dragon Boat and Mid-Autumn days', () => {
    expect(china.addBusinessDays('2027-02-04', 1)).toBe('2027-02-15');
    for (const day of ['2027-01-01', '2027-04-05', '2027-05-03', '2027-05-05', '2027-06-09', '2027-09-15'])
      expect(china.isBusinessDay(day), day).toBe(false);
    expect(china.isBusinessDay('2027-05-08')).toBe(true);
  });

  it('declares every covered year in the holiday data', () => {
    expect(holidayYearsCovered().map((year) => year.year)).toEqual(Object.keys(chinaHolidays.years).map(Number));
    for (const { year } of holidayYearsCovered()) {
      const days = [...chinaHolidays.years[year]!.holidays, ...chinaHolidays.years[year]!.makeUpWorkdays];
      for (const day of days) expect(day.startsWith(`${year}-`), day).toBe(true);
    }
  });
});

describe('happenedOn', () => {
  it('reads the day the work happened from the form, the template’s date fields in order', () => {
    expect(happenedOn({ heldOn: '2026-10-14', minutes: '纪要' })).toBe('2026-10-14');
    expect(happenedOn({ contractNo: 'YH-2026-031', signedOn: '2026-09-08' })).toBe('2026-09-08');
    expect(happenedOn({ filedOn: '2026-12-02', filingNo: '和备〔2026〕3号' })).toBe('2026-12-02');
    expect(happenedOn({ minutes: '纪要' })).toBeNull();
    expect(happenedOn({ heldOn: '2026-13-40' })).toBeNull();
    expect(happenedOn(null)).toBeNull();
  });
});
