import { describe, expect, it } from 'vitest';
import { formatChineseDate, toChineseNumeral } from './chinese-text';

describe('toChineseNumeral', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [36, '三十六'],
    [99, '九十九'],
  ])('%i → %s', (value, expected) => {
    expect(toChineseNumeral(value)).toBe(expected);
  });

  it('refuses numbers it would spell wrongly', () => {
    expect(() => toChineseNumeral(0)).toThrow(RangeError);
    expect(() => toChineseNumeral(100)).toThrow(RangeError);
    expect(() => toChineseNumeral(2.5)).toThrow(RangeError);
  });
});

describe('formatChineseDate', () => {
  it('drops leading zeros as official documents do', () => {
    expect(formatChineseDate('2025-03-01')).toBe('2025年3月1日');
    expect(formatChineseDate('2025-12-31')).toBe('2025年12月31日');
  });

  it('rejects a date that does not exist', () => {
    expect(() => formatChineseDate('2025-02-30')).toThrow();
  });
});
