import { questionTypeLabels, respondentAudienceLabels } from '@gongzhi/domain';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { enKnowledge } from './knowledge/en';
import { zhCNKnowledge } from './knowledge/zh-CN';
import { enCases } from './cases/en';
import { zhCNCases } from './cases/zh-CN';
import { enWorkLog } from './work-log/en';
import { zhCNWorkLog } from './work-log/zh-CN';
import { enConsultations } from './consultations/en';
import { zhCNConsultations } from './consultations/zh-CN';
import { enOutcomes } from './outcomes/en';
import { zhCNOutcomes } from './outcomes/zh-CN';
import { enAdoptions } from './adoptions/en';
import { zhCNAdoptions } from './adoptions/zh-CN';
import { enPublicComments } from './public-comments/en';
import { zhCNPublicComments } from './public-comments/zh-CN';
import { enResearch } from './research/en';
import { zhCNResearch } from './research/zh-CN';
import { enCalendarFeeds } from './calendar-feeds/en';
import { zhCNCalendarFeeds } from './calendar-feeds/zh-CN';
import { zhCN } from './zh-CN';

// Paths joined with '/': some keys contain dots themselves (audit actions such as `task.completed`).
const leaves = (value: unknown, prefix = ''): string[] =>
  typeof value === 'string' ? [prefix] : Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}/${key}` : key));

const get = (catalogue: unknown, path: string): unknown => path.split('/').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], catalogue);

describe('translations', () => {
  it('English has exactly the Chinese keys, none empty, none left in Chinese', () => {
    expect(leaves(en).sort()).toEqual(leaves(zhCN).sort());
    // Chinese placeholders in English are examples of Chinese input (client names), never UI text.
    const allowedChinese = new Set(['app/mark', 'wizard/clientNamePlaceholder', 'wizard/namePlaceholder', 'wizard/defaultName', 'wizard/departmentsPlaceholder']);
    for (const key of leaves(en)) {
      const text = get(en, key) as string;
      expect(text.trim(), key).not.toBe('');
      if (!allowedChinese.has(key)) expect(text, key).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('both languages use the same interpolation variables', () => {
    const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    for (const key of leaves(zhCN)) expect(variables(get(en, key) as string), key).toEqual(variables(get(zhCN, key) as string));
    for (const key of leaves(zhCNKnowledge)) expect(variables(get(enKnowledge, key) as string), `knowledge:${key}`).toEqual(variables(get(zhCNKnowledge, key) as string));
    for (const key of leaves(zhCNResearch)) expect(variables(get(enResearch, key) as string), `research:${key}`).toEqual(variables(get(zhCNResearch, key) as string));
    for (const key of leaves(zhCNCases)) expect(variables(get(enCases, key) as string), `cases:${key}`).toEqual(variables(get(zhCNCases, key) as string));
    for (const key of leaves(zhCNWorkLog)) expect(variables(get(enWorkLog, key) as string), `workLog:${key}`).toEqual(variables(get(zhCNWorkLog, key) as string));
    for (const key of leaves(zhCNConsultations)) expect(variables(get(enConsultations, key) as string), `consultations:${key}`).toEqual(variables(get(zhCNConsultations, key) as string));
    for (const key of leaves(zhCNOutcomes)) expect(variables(get(enOutcomes, key) as string), `outcomes:${key}`).toEqual(variables(get(zhCNOutcomes, key) as string));
    for (const key of leaves(zhCNAdoptions)) expect(variables(get(enAdoptions, key) as string), `adoptions:${key}`).toEqual(variables(get(zhCNAdoptions, key) as string));
    for (const key of leaves(zhCNPublicComments)) expect(variables(get(enPublicComments, key) as string), `publicComments:${key}`).toEqual(variables(get(zhCNPublicComments, key) as string));
    for (const key of leaves(zhCNCalendarFeeds)) expect(variables(get(enCalendarFeeds, key) as string), `calendarFeeds:${key}`).toEqual(variables(get(zhCNCalendarFeeds, key) as string));
  });

  // The features' own namespaces (the knowledge base's has its own test below).
  const namespaces = [
    { name: 'research', zh: zhCNResearch, en: enResearch },
    { name: 'cases', zh: zhCNCases, en: enCases },
    { name: 'workLog', zh: zhCNWorkLog, en: enWorkLog },
    { name: 'consultations', zh: zhCNConsultations, en: enConsultations },
    { name: 'outcomes', zh: zhCNOutcomes, en: enOutcomes },
    { name: 'adoptions', zh: zhCNAdoptions, en: enAdoptions },
    { name: 'publicComments', zh: zhCNPublicComments, en: enPublicComments },
    { name: 'calendarFeeds', zh: zhCNCalendarFeeds, en: enCalendarFeeds },
  ];
  it.each(namespaces)('the $name namespace has the same keys in English, none empty, none left in Chinese', ({ zh, en: english }) => {
    expect(leaves(english).sort()).toEqual(leaves(zh).sort());
    for (const key of leaves(english)) {
      const text = get(english, key) as string;
      expect(text.trim(), key).not.toBe('');
      expect(text, key).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('field research names audiences and question types in the domain’s words', () => {
    expect(zhCNResearch.audience).toEqual(respondentAudienceLabels);
    expect(zhCNResearch.questionType).toEqual(questionTypeLabels);
  });

  it('the knowledge namespace has the same keys in English, none empty, none left in Chinese', () => {
    expect(leaves(enKnowledge).sort()).toEqual(leaves(zhCNKnowledge).sort());
    for (const key of leaves(enKnowledge)) {
      const text = get(enKnowledge, key) as string;
      expect(text.trim(), key).not.toBe('');
      // Law titles stay Chinese in English too; their 《》 is punctuation, not Chinese text.
      expect(text, key).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('components carry no hard-coded Chinese: every visible string goes through the catalogue', () => {
    // vitest runs from the package folder (`pnpm --filter @gongzhi/web test`).
    const root = join(process.cwd(), 'src');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(path);
      }
    };
    walk(root);
    const offenders = files
      .filter((path) => !relative(root, path).startsWith('locales') && !relative(root, path).startsWith('testing'))
      .flatMap((path) =>
        readFileSync(path, 'utf8')
          .split('\n')
          .map((line, index, lines) => ({ line: line.replace(/\/\/.*$|\/\*.*?\*\/|^\s*\*.*$/g, ''), index, exempt: /i18n-exempt/.test(lines[index - 1] ?? '') }))
          .filter(({ exempt }) => !exempt)
          .filter(({ line }) => /[\u4e00-\u9fff\uff01-\uff5e\u3001\u3002]/.test(line))
          .map(({ index }) => `${relative(root, path)}:${index + 1}`),
      );
    expect(offenders).toEqual([]);
  });
});
