import { describe, expect, it } from 'vitest';
import {
  formatChineseDate,
  formatChineseDateRange,
  formatPercent,
  measureFullWidth,
  toChineseNumeral,
} from './chinese-text';

describe('toChineseNumeral', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [36, '三十六'],
    [99, '九十九'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
  ])('%i → %s', (value, expected) => {
    expect(toChineseNumeral(value)).toBe(expected);
  });

  it('refuses numbers it would spell wrongly', () => {
    expect(() => toChineseNumeral(0)).toThrow(RangeError);
    expect(() => toChineseNumeral(10_000)).toThrow(RangeError);
    expect(() => toChineseNumeral(2.5)).toThrow(RangeError);
  });
});

describe('formatChineseDate', () => {
  it('drops leading zeros as official documents do', () => {
    expect(formatChineseDate('2025-03-01')).toBe('2025年3月1日');
    expect(formatChineseDate('2026-11-27')).toBe('2026年11月27日');
  });

  it('rejects a date that does not exist', () => {
    expect(() => formatChineseDate('2025-02-30')).toThrow();
  });

  it('writes a range with the year once when it does not change', () => {
    expect(formatChineseDateRange('2026-03-02', '2026-04-15')).toBe('2026年3月2日至4月15日');
    expect(formatChineseDateRange('2026-12-01', '2027-01-15')).toBe('2026年12月1日至2027年1月15日');
    expect(formatChineseDateRange('2026-03-02', '2026-03-02')).toBe('2026年3月2日');
  });
});

describe('formatPercent and measureFullWidth', () => {
  it('rounds to one decimal and survives an empty base', () => {
    expect(formatPercent(1, 3)).toBe('33.3%');
    expect(formatPercent(0, 0)).toBe('0.0%');
  });

  it('counts CJK as one character and ASCII as half', () => {
    expect(measureFullWidth('2026年11月27日')).toBe(7);
    expect(measureFullWidth('和平里街道办事处')).toBe(8);
  });
});
