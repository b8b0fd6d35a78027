import { civilDateSchema, type CivilDate } from '@gongzhi/domain';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/**
 * 1 → 一, 10 → 十, 21 → 二十一: the numerals Chinese documents use for 第N条/第N稿/章.
 * Articles and chapters never reach 100 in the documents we generate, so larger numbers are refused
 * rather than spelled wrongly.
 */
export function toChineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 99) throw new RangeError(`toChineseNumeral: ${value} is outside 1–99`);
  const tens = Math.floor(value / 10);
  const units = value % 10;
  const tensPart = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return `${tensPart}${units === 0 ? '' : DIGITS[units]}`;
}

/** `2025-03-01` → `2025年3月1日`, the date form of Chinese official documents. */
export function formatChineseDate(date: CivilDate): string {
  const valid = civilDateSchema.parse(date);
  const [year, month, day] = valid.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** Noon in Beijing on a civil date: document metadata needs an instant, and noon survives any time-zone shift of a viewer. */
export function instantOfCivilDate(date: CivilDate): Date {
  return new Date(`${civilDateSchema.parse(date)}T12:00:00+08:00`);
}
