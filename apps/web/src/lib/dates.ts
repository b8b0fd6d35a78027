import type { Locale } from '@gongzhi/contracts';

/** Engagements run on Beijing time: due days end at midnight Asia/Shanghai, whatever the browser's zone. */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

const civilFormatter = new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's civil date (`YYYY-MM-DD`) in Beijing. */
export function todayCivil(now: Date = new Date()): string {
  return civilFormatter.format(now);
}

/** The civil date of an instant, in Beijing. */
export function civilDateOf(instant: string | Date): string {
  return civilFormatter.format(typeof instant === 'string' ? new Date(instant) : instant);
}

const dayNumber = (civil: string): number => Math.round(Date.parse(`${civil}T00:00:00Z`) / 86_400_000);

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Milliseconds since the epoch at the civil date's midnight UTC: a linear axis for charts. */
export function civilToTime(civil: string): number {
  return Date.parse(`${civil}T00:00:00Z`);
}

const instantFormatters = new Map<string, Intl.DateTimeFormat>();

/** `2025-03-01 10:30` style, in Beijing time, with the locale's conventions. */
export function formatInstant(instant: string, locale: Locale): string {
  let formatter = instantFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: BUSINESS_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    instantFormatters.set(locale, formatter);
  }
  return formatter.format(new Date(instant));
}

/** Civil dates stay `YYYY-MM-DD` in both languages: unambiguous, and what Chinese documents use. */
export function formatCivil(civil: string): string {
  return civil;
}

/** File sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "3 分钟前" / "3 minutes ago"; older than a week falls back to the date and time. */
export function formatRelative(instant: string, locale: Locale, now: Date = new Date()): string {
  const seconds = Math.round((new Date(instant).getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale === 'en' ? 'en' : 'zh-CN', { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(0, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return format.format(Math.round(seconds / 86_400), 'day');
  return formatInstant(instant, locale);
}
