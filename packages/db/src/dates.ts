import { type CivilDate, civilDateSchema } from '@gongzhi/domain';

/**
 * `date` columns hold civil dates (`YYYY-MM-DD`, a day in Asia/Shanghai). Prisma reads and
 * writes them as JS Dates at 00:00 UTC of that day; these two functions are the only place the
 * conversion happens, so no one reads a due date through a local time zone by accident.
 */
export function toDbDate(date: CivilDate): Date {
  return new Date(`${civilDateSchema.parse(date)}T00:00:00.000Z`);
}

export function fromDbDate(date: Date): CivilDate {
  return date.toISOString().slice(0, 10);
}
