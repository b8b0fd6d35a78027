import { describe, expect, it } from 'vitest';
import {
  articleLabel,
  citeProvision,
  citeProvisions,
  provisionSchema,
  toChineseNumeral,
  UNVERIFIED_MARK,
} from './citation';
import { laws } from './laws';

describe('Chinese article numbers', () => {
  it('numbers articles the way statutes do', () => {
    const cases: [number, string][] = [
      [1, '一'],
      [10, '十'],
      [15, '十五'],
      [20, '二十'],
      [78, '七十八'],
      [100, '一百'],
      [102, '一百零二'],
      [110, '一百一十'],
      [118, '一百一十八'],
      [291, '二百九十一'],
      [1005, '一千零五'],
      [1050, '一千零五十'],
      [1254, '一千二百五十四'],
    ];
    for (const [value, text] of cases) expect(toChineseNumeral(value), String(value)).toBe(text);
    expect(() => toChineseNumeral(0)).toThrow(RangeError);
  });

  it('labels paragraphs, items, 之 and runs of articles', () => {
    expect(articleLabel({ article: 78, paragraph: 2, item: 3 })).toBe('第七十八条第二款第三项');
    expect(articleLabel({ article: 291, articleSub: 2 })).toBe('第二百九十一条之二');
    expect(articleLabel({ article: 1245, articleTo: 1250 })).toBe('第一千二百四十五条至第一千二百五十条');
    expect(articleLabel({})).toBe('');
  });
});

describe('citeProvision', () => {
  it('cites by the full official title, or the short name', () => {
    expect(citeProvision({ lawKey: 'bj-property-management-regulations', article: 78, item: 3 }, laws)).toBe(
      '《北京市物业管理条例》第七十八条第三项',
    );
    expect(citeProvision({ lawKey: 'urban-rural-planning-law', article: 64 }, laws)).toBe(
      '《中华人民共和国城乡规划法》第六十四条',
    );
    expect(citeProvision({ lawKey: 'urban-rural-planning-law', article: 64 }, laws, { form: 'short' })).toBe(
      '《城乡规划法》第六十四条',
    );
  });

  it('marks an unverified provision 待核实 unless told not to', () => {
    const provision = { lawKey: 'bj-fire-regulations', article: 102, unverified: true };
    expect(citeProvision(provision, laws)).toBe(`《北京市消防条例》第一百零二条${UNVERIFIED_MARK}`);
    expect(citeProvision(provision, laws, { markUnverified: false })).toBe('《北京市消防条例》第一百零二条');
  });

  it('refuses a law it does not know', () => {
    expect(() => citeProvision({ lawKey: 'no-such-law', article: 1 }, laws)).toThrow('unknown law key: no-such-law');
  });

  it('groups several provisions by law', () => {
    const text = citeProvisions(
      [
        { lawKey: 'bj-property-management-regulations', article: 78, paragraph: 2, item: 3 },
        { lawKey: 'urban-rural-planning-law', article: 64 },
        { lawKey: 'bj-property-management-regulations', article: 98, item: 3 },
        { lawKey: 'bj-air-pollution-regulations', unverified: true },
      ],
      laws,
    );
    expect(text).toBe(
      '《北京市物业管理条例》第七十八条第二款第三项、第九十八条第三项；《中华人民共和国城乡规划法》第六十四条；《北京市大气污染防治条例》（具体条款待核实）',
    );
  });
});

describe('provisionSchema', () => {
  it('refuses parts of an article without the article, and backward runs', () => {
    expect(provisionSchema.safeParse({ lawKey: 'civil-code', item: 3 }).success).toBe(false);
    expect(provisionSchema.safeParse({ lawKey: 'civil-code', article: 1250, articleTo: 1245 }).success).toBe(false);
    expect(provisionSchema.safeParse({ lawKey: 'civil-code', article: 1245, articleTo: 1250, item: 1 }).success).toBe(
      false,
    );
    expect(provisionSchema.safeParse({ lawKey: 'civil-code', article: 1245, articleTo: 1250 }).success).toBe(true);
  });
});
