import { z } from 'zod';

/** A civil date, `YYYY-MM-DD`, in the firm's time zone (Asia/Shanghai). */
export const civilDateSchema = z
  .string()
  // Years 0001–9999 (PostgreSQL has no year 0). [0-9], not \d: the pattern is published in the
  // OpenAPI document, where other regex dialects read \d as any Unicode digit.
  .regex(/^(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-[0-9]{2}-[0-9]{2}$/, 'YYYY-MM-DD')
  .refine((value) => {
    const date = toUtcMidnight(value);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'not a real calendar date');
export type CivilDate = string;

/** China observes no daylight saving: every civil day starts at 00:00 +08:00. */
export const FIRM_UTC_OFFSET_HOURS = 8;

export const holidayCalendarSchema = z
  .object({
    /** Days off that fall on weekdays (法定节假日 and the days moved into the break). */
    holidays: z.array(civilDateSchema),
    /** Weekend days that are working days (调休 make-up workdays). */
    makeUpWorkdays: z.array(civilDateSchema),
  })
  .strict();
export type HolidayCalendar = z.infer<typeof holidayCalendarSchema>;

const DAY_MS = 86_400_000;

function toUtcMidnight(date: CivilDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function addCalendarDays(date: CivilDate, days: number): CivilDate {
  return new Date(toUtcMidnight(date).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: CivilDate, to: CivilDate): number {
  return Math.round((toUtcMidnight(to).getTime() - toUtcMidnight(from).getTime()) / DAY_MS);
}

/** The civil date (Asia/Shanghai) of an instant. */
export function civilDateAt(instant: Date): CivilDate {
  return new Date(instant.getTime() + FIRM_UTC_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 10);
}

/** The instant a civil date's day ends in Asia/Shanghai: a task due that day is overdue after it. */
export function endOfCivilDay(date: CivilDate): Date {
  return new Date(toUtcMidnight(date).getTime() + DAY_MS - FIRM_UTC_OFFSET_HOURS * 3_600_000 - 1);
}

/** 09:00 Asia/Shanghai on a civil date: when reminders go out. */
export function morningOf(date: CivilDate): Date {
  return new Date(toUtcMidnight(date).getTime() + (9 - FIRM_UTC_OFFSET_HOURS) * 3_600_000);
}

export interface BusinessCalendar {
  isBusinessDay(date: CivilDate): boolean;
  /** The date `days` business days after `date` (or before, when negative); 0 rolls forward to a business day. */
  addBusinessDays(date: CivilDate, days: number): CivilDate;
  businessDaysBetween(from: CivilDate, to: CivilDate): number;
}

export function createBusinessCalendar(calendar: HolidayCalendar): BusinessCalendar {
  const holidays = new Set(calendar.holidays);
  const makeUpWorkdays = new Set(calendar.makeUpWorkdays);
  const isBusinessDay = (date: CivilDate) => {
    if (makeUpWorkdays.has(date)) return true;
    if (holidays.has(date)) return false;
    const weekday = toUtcMidnight(date).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
  const step = (date: CivilDate, direction: 1 | -1) => {
    let next = addCalendarDays(date, direction);
    while (!isBusinessDay(next)) next = addCalendarDays(next, direction);
    return next;
  };
  return {
    isBusinessDay,
    addBusinessDays(date, days) {
      let current = date;
      if (days === 0) return isBusinessDay(current) ? current : step(current, 1);
      const direction = days > 0 ? 1 : -1;
      for (let remaining = Math.abs(days); remaining > 0; remaining--) current = step(current, direction);
      return current;
    },
    businessDaysBetween(from, to) {
      if (to < from) return -this.businessDaysBetween(to, from);
      let count = 0;
      for (let day = from; day < to; ) {
        day = addCalendarDays(day, 1);
        if (isBusinessDay(day)) count++;
      }
      return count;
    },
  };
}

/**
 * The form fields that record when a piece of work happened, as the template names them (举办日期,
 * 会谈日期, 签订日期, 发布日期, 备案日期): the day a symposium was held is not the day it was entered.
 */
export const HAPPENED_ON_FIELDS = ['heldOn', 'meetingDate', 'signedOn', 'publishedOn', 'filedOn'] as const;

/** The day the work happened, from a task's submitted form; null when the form records none. */
export function happenedOn(formData: unknown): CivilDate | null {
  if (!formData || typeof formData !== 'object') return null;
  for (const field of HAPPENED_ON_FIELDS) {
    const value = (formData as Record<string, unknown>)[field];
    if (typeof value === 'string' && civilDateSchema.safeParse(value).success) return value;
  }
  return null;
}
