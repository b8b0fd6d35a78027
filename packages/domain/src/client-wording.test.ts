import { describe, expect, it } from 'vitest';
import { localizeForClient, wordForClient } from './client-wording';
import { findTemplate } from './template/registry';

describe('wording for the client kind', () => {
  const filing = findTemplate('community-governance', 1)!
    .stages.flatMap((stage) => stage.tasks)
    .find((task) => task.key === 'convention-filing')!;

  it('files the convention with the street office or the township government, by client', () => {
    expect(filing.title.zh).toBe('公约报街道办事处（乡镇人民政府）备案');
    expect(localizeForClient(filing.title, 'street')).toEqual({
      zh: '公约报街道办事处备案',
      en: 'File the convention with the street office',
    });
    expect(localizeForClient(filing.title, 'township')).toEqual({
      zh: '公约报乡镇人民政府备案',
      en: 'File the convention with the township government',
    });
  });

  it('rewords the short neutral form too', () => {
    expect(wordForClient('属于本街道（乡镇）职责范围的，及时立案查处', 'township')).toBe(
      '属于本乡镇职责范围的，及时立案查处',
    );
    expect(wordForClient('属于本街道（乡镇）职责范围的，及时立案查处', 'street')).toBe(
      '属于本街道职责范围的，及时立案查处',
    );
  });

  it('leaves the built-in template free of pre-2020 enforcers and of the informal 乡镇政府', () => {
    const texts = JSON.stringify(findTemplate('community-governance', 1));
    expect(texts).not.toContain('乡镇政府');
    expect(texts).not.toMatch(/城管(?!执法职权由)/);
  });
});
