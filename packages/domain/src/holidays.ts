import { type HolidayCalendar } from './calendar';

/**
 * Mainland China public holidays and 调休 make-up workdays, per the State Council General
 * Office's annual notices (国务院办公厅关于部分节假日安排的通知). Written from the notices as
 * remembered, not copied from the official text: [unverified] — check each year's notice and
 * correct it here; deployments may pass their own calendar instead (GONGZHI_HOLIDAYS_FILE).
 */
export const chinaHolidays: { source: string; verified: false; years: Record<number, HolidayCalendar> } = {
  source: '国务院办公厅关于部分节假日安排的通知 (2025: 国办发明电〔2024〕12号; 2026) [unverified]',
  verified: false,
  years: {
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
