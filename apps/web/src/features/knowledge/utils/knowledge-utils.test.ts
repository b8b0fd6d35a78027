import { laws, violationEntries } from '@gongzhi/domain';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import type { KnowledgeDirectory } from '../api/directory';
import { formatArticle } from './article-label';
import { describeChangePath, formatChangeValue, parseChangePath } from './change-labels';
import { inlineDiff, isProseEdit } from './inline-diff';
import { contentFieldPath, isSameContent, normalizeContent, toChangePath } from './normalize';
import type { KnowledgeT } from './use-knowledge-translation';

const t = ((key: string, options?: Record<string, unknown>) =>
  (i18n.t as unknown as (key: string, options: Record<string, unknown>) => string)(key, {
    ...options,
    ns: 'knowledge',
  })) as KnowledgeT;
const directory: KnowledgeDirectory = {
  entries: laws.map((law, index) => ({
    kind: 'law' as const,
    key: law.key,
    title: law.title,
    position: index + 1,
    unverified: law.unverified,
  })),
  href: (kind, key) => `/knowledge/${kind}/${key}`,
};
const context = { t, locale: 'zh-CN' as const, directory };
const propertyLaw = laws.find((law) => law.key === 'bj-property-management-regulations')!;

describe('article labels', () => {
  it('number articles as statutes do in Chinese, and plainly in English', () => {
    expect(formatArticle({ article: 78, paragraph: 2, item: 3 }, 'zh-CN')).toBe('第七十八条第二款第三项');
    expect(formatArticle({ article: 78, paragraph: 2, item: 3 }, 'en')).toBe('Art. 78, para. 2, item 3');
    expect(formatArticle({ article: 52, articleTo: 59 }, 'en')).toBe('Arts. 52–59');
    expect(formatArticle({}, 'zh-CN')).toBe('');
  });
});

describe('change paths in words', () => {
  it('splits the paths the comparison writes', () => {
    expect(parseChangePath('penalties[0].article')).toEqual(['penalties', 0, 'article']);
    expect(parseChangePath('hotlineCategories.names[1]')).toEqual(['hotlineCategories', 'names', 1]);
    expect(parseChangePath('title')).toEqual(['title']);
  });

  it('names an excerpt by its article and a provision by its citation', () => {
    expect(describeChangePath('excerpts[0].summary', [propertyLaw], context)).toBe('条文摘要 › 第三条 › 摘要');
    const violation = violationEntries[0]!;
    expect(describeChangePath('penalties[0].article', [violation], context)).toBe(
      '罚则条款 › 《中华人民共和国城乡规划法》第六十四条 › 条',
    );
    expect(describeChangePath('enforcers[1].scope', [violation], context)).toBe('执法分工 › 乡镇人民政府 › 管辖范围');
    expect(describeChangePath('process[2]', [{ process: ['a', 'b', 'c'] }], context)).toBe('行权流程 › 第 3 步');
  });

  it('shows flags, delegation and law keys as words', () => {
    expect(formatChangeValue('true', 'unverified', 'law', context)).toBe('是');
    expect(formatChangeValue('[]', 'excerpts', 'law', context)).toBe('（空）');
    expect(formatChangeValue('shared', 'delegatedToStreet', 'violation', context)).toBe(
      '部分由街道/乡镇行使（区街共有）',
    );
    expect(formatChangeValue('civil-code', 'lawKey', 'violation', context)).toBe(
      '《中华人民共和国民法典》 (civil-code)',
    );
  });
});

describe('inlineDiff', () => {
  it('isolates the clause that changed inside a summary', () => {
    const before = '小区内停车位优先满足业主需要；临时停车收费标准由业主大会决定。';
    const after = '小区内停车位优先满足业主需要。';
    expect(inlineDiff(before, after)).toEqual({
      prefix: '小区内停车位优先满足业主需要',
      removed: '；临时停车收费标准由业主大会决定',
      added: '',
      suffix: '。',
    });
    expect(isProseEdit(before, after)).toBe(true);
    expect(isProseEdit('78', '79')).toBe(false);
    expect(isProseEdit(null, after)).toBe(false);
  });
});

describe('normalizeContent', () => {
  it('drops what a cleared field leaves, but keeps the flags the schema requires', () => {
    const content = normalizeContent('violation', {
      title: '  占用消防通道 ',
      notes: '',
      documentNo: null,
      unverified: false,
      hotlineCategories: { names: ['消防安全'], unverified: false },
      prohibitions: [{ lawKey: 'bj-fire-regulations', article: 27, paragraph: null, unverified: false }],
      coercion: { summary: '', basis: [] },
      reporters: [{ party: '物业服务人', duty: '劝阻并报告', basis: { article: 62 } }],
    });
    expect(content).toEqual({
      title: '占用消防通道',
      unverified: false,
      hotlineCategories: { names: ['消防安全'], unverified: false },
      prohibitions: [{ lawKey: 'bj-fire-regulations', article: 27 }],
      reporters: [{ party: '物业服务人', duty: '劝阻并报告' }],
    });
    expect(normalizeContent('law', { version: { label: '2024年修正', amended: [] } })).toEqual({
      version: { label: '2024年修正' },
    });
  });

  it('tells the same content apart from a change, whatever the key order', () => {
    expect(isSameContent({ a: 1, b: [{ c: '甲', d: 2 }] }, { b: [{ d: 2, c: '甲' }], a: 1 })).toBe(true);
    expect(isSameContent({ a: 1, b: [{ c: '甲' }] }, { a: 1, b: [{ c: '乙' }] })).toBe(false);
    expect(isSameContent({ a: [1, 2] }, { a: [1] })).toBe(false);
  });

  it('maps a field error to the form field and back to a change path', () => {
    expect(contentFieldPath('content.excerpts.0.summary')).toEqual(['excerpts', 0, 'summary']);
    expect(contentFieldPath('content')).toBeNull();
    expect(contentFieldPath('reason')).toBeNull();
    expect(toChangePath(['excerpts', 0, 'summary'])).toBe('excerpts[0].summary');
  });
});
