import { describe, expect, it } from 'vitest';
import { findDocumentTemplate } from './document-templates';
import { findLaw } from './laws';
import { findPower, powers, powerSchema } from './powers';
import { findViolation } from './violations';

/** legal-facts D.1, in order. */
const PENALTY_STEPS = ['立案', '调查取证', '事先告知', '决定', '送达', '执行', '结案'];

describe('the powers of the grassroots government', () => {
  it('lists at least fifteen, each with a unique key', () => {
    expect(powers.length).toBeGreaterThanOrEqual(15);
    expect(new Set(powers.map((power) => power.key)).size).toBe(powers.length);
  });

  it('grounds every power in laws on the reference list and uses only known templates and catalogue items', () => {
    for (const power of powers) {
      for (const provision of power.legalBasis)
        expect(findLaw(provision.lawKey), `${power.key} ${provision.lawKey}`).toBeDefined();
      for (const key of power.templates) expect(findDocumentTemplate(key), `${power.key} ${key}`).toBeDefined();
      for (const no of power.violationNos) expect(findViolation(no), `${power.key} ${no}`).toBeDefined();
    }
  });

  it('exercises every penalty power by the D.1 procedure, citing 行政处罚法 44 and 59', () => {
    const penalties = powers.filter((power) => power.category === '行政处罚');
    expect(penalties.map((power) => power.key)).toEqual([
      'property-contract-filing-penalty',
      'project-manager-report-penalty',
      'delegated-enforcement',
    ]);
    for (const power of penalties) {
      expect(power.process.map((step) => step.split('：')[0])).toEqual(PENALTY_STEPS);
      expect(power.process[2]).toContain('行政处罚法第四十四条');
      expect(power.process[3]).toContain('行政处罚法第五十九条');
      for (const key of ['penalty-advance-notice', 'penalty-decision', 'order-to-correct', 'service-receipt'])
        expect(power.templates).toContain(key);
    }
  });

  it('covers the powers the service description and legal-facts C name', () => {
    expect(findPower('joint-enforcement-whistle')).toMatchObject({
      title: '组织协调职能部门开展联合执法（吹哨报到）',
      category: '组织协调',
      holder: '两者',
    });
    expect(findPower('property-contract-filing-penalty')?.legalBasis).toEqual([
      { lawKey: 'bj-property-management-regulations', article: 91 },
    ]);
    expect(findPower('revoke-owners-decisions')?.legalBasis.map((provision) => provision.lawKey)).toEqual([
      'property-management-regulations',
      'bj-property-management-regulations',
    ]);
    expect(findPower('convention-filing')?.category).toBe('备案审查');
    expect(findPower('complaint-handling')?.title).toBe('接诉即办');
    expect(findPower('illegal-construction-patrol')?.category).toBe('行政检查');
    // 城乡规划法 65 gives rural illegal construction to the township alone.
    expect(findPower('rural-illegal-construction-enforcement')?.holder).toBe('乡镇人民政府');
  });

  it('leaves the delegated powers’ per-item status unverified', () => {
    expect(findPower('delegated-enforcement')?.delegatedToStreet).toBe('unverified');
    expect(findPower('urban-illegal-construction-enforcement')?.delegatedToStreet).toBe('unverified');
  });

  it('refuses a power that cites an unverified provision without being marked', () => {
    const power = findPower('grid-management')!;
    const tampered = {
      ...power,
      legalBasis: [...power.legalBasis, { lawKey: 'bj-air-pollution-regulations', unverified: true }],
    };
    expect(powerSchema.safeParse(tampered).success).toBe(false);
    expect(powerSchema.safeParse({ ...tampered, unverified: true }).success).toBe(true);
  });
});
