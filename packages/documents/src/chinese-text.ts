import { civilDateSchema, type CivilDate } from '@gongzhi/domain';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/**
 * 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五, 110 → 一百一十: the numerals Chinese documents use for
 * 第N条/第N稿/章 and for 一、（一） headings. Numbers past 9999 are refused rather than spelled wrongly.
 */
export function toChineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 9999)
    throw new RangeError(`toChineseNumeral: ${value} is outside 1–9999`);
  if (value < 20) return value < 10 ? (DIGITS[value] ?? '') : `十${value === 10 ? '' : DIGITS[value - 10]}`;
  const units = ['千', '百', '十', ''] as const;
  const digits = String(value).padStart(4, '0').split('').map(Number);
  let text = '';
  let pendingZero = false;
  digits.forEach((digit, index) => {
    if (digit === 0) {
      pendingZero = text.length > 0;
      return;
    }
    if (pendingZero) text += '零';
    pendingZero = false;
    text += `${DIGITS[digit]}${units[index]}`;
  });
  return text;
}

/** `2025-03-01` → `2025年3月1日`, the date form of Chinese official documents (GB/T 9704-2012 7.3.5: Arabic numerals). */
export function formatChineseDate(date: CivilDate): string {
  const valid = civilDateSchema.parse(date);
  const [year, month, day] = valid.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** `2026-03-01`–`2026-04-15` → `2026年3月1日至4月15日`; the year is repeated only when it changes. */
export function formatChineseDateRange(start: CivilDate, end: CivilDate): string {
  const from = formatChineseDate(start);
  const to = formatChineseDate(end);
  if (start === end) return from;
  return start.slice(0, 4) === end.slice(0, 4) ? `${from}至${to.slice(to.indexOf('年') + 1)}` : `${from}至${to}`;
}

/** Noon in Beijing on a civil date: document metadata needs an instant, and noon survives any time-zone shift of a viewer. */
export function instantOfCivilDate(date: CivilDate): Date {
  return new Date(`${civilDateSchema.parse(date)}T12:00:00+08:00`);
}

/** `part` of `whole` as `37.5%`, one decimal, `0.0%` when there is no whole (no division by zero in a report). */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '0.0%';
  return `${((part / whole) * 100).toFixed(1)}%`;
}

/**
 * Width of a text in full-width characters: CJK and full-width forms count 1, ASCII (digits of a
 * date, Latin letters) ½. GB/T 9704 places the signature and date by character counts ("右空二字").
 */
export function measureFullWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u0000-\u00ff]/.test(char) ? 0.5 : 1;
  return width;
}
