import { describe, expect, it } from 'vitest';
import { findLaw, knowledgeSources, LAW_LEVELS, laws } from './laws';

describe('the law reference list', () => {
  it('has unique keys and titles, and known sources', () => {
    expect(new Set(laws.map((law) => law.key)).size).toBe(laws.length);
    expect(new Set(laws.map((law) => law.title)).size).toBe(laws.length);
    const sourceKeys = new Set<string>(knowledgeSources.map((source) => source.key));
    for (const law of laws)
      for (const key of law.sourceKeys) expect(sourceKeys.has(key), `${law.key} ${key}`).toBe(true);
    for (const law of laws) expect(LAW_LEVELS).toContain(law.level);
  });

  it('gives national laws their full official title', () => {
    for (const law of laws.filter((candidate) => candidate.level === '法律'))
      expect(law.title, law.key).toMatch(/^中华人民共和国/);
    expect(findLaw('urban-rural-planning-law')).toMatchObject({
      title: '中华人民共和国城乡规划法',
      shortName: '城乡规划法',
    });
  });

  it('dates the Beijing property regulation as adopted in 2020 and amended in 2024', () => {
    expect(findLaw('bj-property-management-regulations')?.version).toEqual({
      label: '2024年修正',
      adopted: '2020-03-27',
      amended: ['2024-03-29'],
      effective: '2020-05-01',
    });
  });

  it('cites the public-security penalties law in the version in force from 2026-01-01', () => {
    const law = findLaw('public-security-penalties-law');
    expect(law?.version.effective).toBe('2026-01-01');
    expect(law?.version.amended).toContain('2025-06-27');
    expect(law?.sourceKeys).toContain('S5');
    expect(law?.excerpts.map((excerpt) => `${excerpt.article}(${excerpt.item ?? ''})`)).toEqual(['43(5)']);
  });

  it('keeps the 2025 Beijing fire regulation article numbers unverified: they come from one reprint', () => {
    const fire = findLaw('bj-fire-regulations');
    expect(fire?.version.effective).toBe('2025-05-01');
    expect(fire?.excerpts.length).toBeGreaterThan(0);
    for (const excerpt of fire?.excerpts ?? []) expect(excerpt.unverified, String(excerpt.article)).toBe(true);
    expect(knowledgeSources.find((source) => source.key === 'S4')?.weak).toBe(true);
  });

  it('marks the laws resting only on weak or no sources unverified', () => {
    const weak = new Set<string>(knowledgeSources.filter((source) => source.weak).map((source) => source.key));
    for (const law of laws) {
      const onlyWeak = law.sourceKeys.length > 0 && law.sourceKeys.every((key) => weak.has(key));
      if (onlyWeak) expect(law.unverified, law.key).toBe(true);
    }
    expect(laws.filter((law) => law.unverified).map((law) => law.key)).toEqual([
      'bj-illegal-construction-provisions',
      'bj-building-use-safety-regulations',
      'bj-property-committee-measures',
      'bj-air-pollution-regulations',
      'bj-housing-rental-regulations',
      'bj-rental-standards-notice-2013',
      'bj-load-bearing-structure-notice-2023',
    ]);
  });

  it('names the Beijing noise measures a government rule, not a local regulation', () => {
    expect(findLaw('bj-noise-measures')).toMatchObject({ level: '政府规章', issuer: '北京市人民政府' });
    expect(findLaw('bj-enforcement-delegation-decision')).toMatchObject({
      documentNo: '京政发〔2020〕9号',
      version: { effective: '2020-07-01' },
    });
  });
});
