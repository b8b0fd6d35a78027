import { type HolidayCalendar } from './calendar';

/** How far one year's holiday data can be trusted. */
export interface HolidayYearCoverage {
  year: number;
  /** Not yet checked against the State Council notice: the UI says 待核实. */
  unverified: boolean;
  /** The notice for the year was not published when the data was written: a best estimate. */
  estimated: boolean;
  source: string;
}

/**
 * Mainland China public holidays and 调休 make-up workdays, per the State Council General
 * Office's annual notices (国务院办公厅关于部分节假日安排的通知). Written from the notices as
 * remembered, not copied from the official text: [unverified] — check each year's notice and
 * correct it here; deployments may pass their own calendar instead (GONGZHI_HOLIDAYS_FILE).
 *
 * 2027 is an estimate: its notice is not out. The festival dates are the lunar and solar-term
 * dates (除夕 2-5, 清明 4-5, 端午 6-9, 中秋 9-15); the breaks and 调休 follow the 2025–2026 pattern
 * under the 2024 放假办法 (除夕 and 5月2日 are statutory days; a statutory day on a weekend is
 * made up on a weekday). Replace it with the notice when it is published, and set `estimated` false.
 */
export const chinaHolidays: {
  source: string;
  verified: false;
  years: Record<number, HolidayCalendar>;
  coverage: Record<number, Omit<HolidayYearCoverage, 'year'>>;
} = {
  source: '国务院办公厅关于部分节假日安排的通知 (2025: 国办发明电〔2024〕12号; 2026; 2027 estimated) [unverified]',
  verified: false,
  years: {
    // prettier-ignore
    2025: {
      holidays: [
        '2025-01-01',
        '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03', '2025-02-04',
        '2025-04-04',
        '2025-05-01', '2025-05-02', '2025-05-05',
        '2025-06-02',
        '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08',
      ],
      makeUpWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    },
    // prettier-ignore
    2026: {
      holidays: [
        '2026-01-01', '2026-01-02',
        '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23',
        '2026-04-06',
        '2026-05-01', '2026-05-04', '2026-05-05',
        '2026-06-19',
        '2026-09-25',
        '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07',
      ],
      makeUpWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    },
    // prettier-ignore
    2027: {
      holidays: [
        '2027-01-01', // 元旦 Fri; 1–3 Jan off
        '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', // 春节 5–13 Feb
        '2027-04-05', // 清明 Mon; 3–5 Apr off
        '2027-05-03', '2027-05-04', '2027-05-05', // 劳动节 1–5 May
        '2027-06-09', // 端午 Wed
        '2027-09-15', // 中秋 Wed
        '2027-10-01', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07', // 国庆 1–7 Oct
      ],
      makeUpWorkdays: ['2027-01-31', '2027-02-20', '2027-05-08', '2027-09-26', '2027-10-09'],
    },
  },
  coverage: {
    2025: {
      unverified: true,
      estimated: false,
      source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    },
    2026: { unverified: true, estimated: false, source: '国务院办公厅关于2026年部分节假日安排的通知' },
    2027: {
      unverified: true,
      estimated: true,
      source: '按全国年节及纪念日放假办法和2025—2026年调休惯例预估，待国务院办公厅2027年通知发布后核对',
    },
  },
};

/** All known years merged into one calendar. */
export function chinaHolidayCalendar(): HolidayCalendar {
  const years = Object.values(chinaHolidays.years);
  return {
    holidays: years.flatMap((year) => year.holidays),
    makeUpWorkdays: years.flatMap((year) => year.makeUpWorkdays),
  };
}

/** The years the built-in calendar covers, oldest first, with how far each can be trusted. */
export function holidayYearsCovered(): HolidayYearCoverage[] {
  return Object.keys(chinaHolidays.years)
    .map(Number)
    .sort((a, b) => a - b)
    .map((year) => ({
      year,
      ...(chinaHolidays.coverage[year] ?? { unverified: true, estimated: false, source: chinaHolidays.source }),
    }));
}

/**
 * The "已考虑法定节假日" hint: which years the due dates account for, and which are still to be
 * checked — e.g. 已考虑2025年、2026年法定节假日（待核实）；2027年为预估，待国务院办公厅通知发布后核实.
 */
export function describeHolidayCoverage(coverage: readonly HolidayYearCoverage[] = holidayYearsCovered()): string {
  const years = (list: readonly HolidayYearCoverage[]) => list.map((year) => `${year.year}年`).join('、');
  const published = coverage.filter((year) => !year.estimated);
  const estimated = coverage.filter((year) => year.estimated);
  const parts: string[] = [];
  if (published.length > 0)
    parts.push(`已考虑${years(published)}法定节假日${published.some((year) => year.unverified) ? '（待核实）' : ''}`);
  if (estimated.length > 0) parts.push(`${years(estimated)}为预估，待国务院办公厅通知发布后核实`);
  return parts.join('；');
}
