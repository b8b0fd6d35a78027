import { describe, expect, it } from 'vitest';
import { documentTemplates, findDocumentTemplate } from './document-templates';
import { findLaw } from './laws';

describe('document templates', () => {
  it('has unique keys and cites only listed laws', () => {
    expect(new Set(documentTemplates.map((template) => template.key)).size).toBe(documentTemplates.length);
    for (const template of documentTemplates)
      for (const provision of template.legalBasis) expect(findLaw(provision.lawKey), template.key).toBeDefined();
  });

  it('lists the order to correct exactly as legal-facts D.7 does', () => {
    expect(findDocumentTemplate('order-to-correct')?.requiredElements).toEqual([
      '文号',
      '当事人',
      '违法事实（时间、地点、行为）',
      '违反的规定',
      '依据（行政处罚法第二十八条及具体规定）',
      '改正要求和期限',
      '逾期不改正的后果',
      '救济途径（六十日内申请行政复议——行政复议法（2023）第二十条；六个月内提起行政诉讼——行政诉讼法第四十六条）',
      '执法机关印章',
      '日期',
      '送达证明',
    ]);
  });

  it('carries the statutory contents of the demand notice and the penalty decision', () => {
    const demand = findDocumentTemplate('demand-notice')!.requiredElements.join('；');
    for (const element of ['履行义务的期限', '履行义务的方式', '金额和给付方式', '陈述权和申辩权'])
      expect(demand).toContain(element);
    const decision = findDocumentTemplate('penalty-decision')!.requiredElements.join('；');
    for (const element of ['姓名或者名称、地址', '事实和证据', '种类和依据', '履行方式和期限', '途径和期限', '印章'])
      expect(decision).toContain(element);
    expect(findDocumentTemplate('demolition-notice')!.requiredElements.join('；')).toContain('不少于十日');
  });

  it('marks templates whose elements are the firm’s drafting, not a cited list, unverified', () => {
    for (const key of [
      'on-site-inspection-record',
      'case-filing-form',
      'service-receipt',
      'referral-letter',
      'whistle-notice',
      'dissuasion-report-form',
    ]) {
      expect(findDocumentTemplate(key)?.unverified, key).toBe(true);
    }
    for (const key of [
      'order-to-correct',
      'demand-notice',
      'penalty-advance-notice',
      'penalty-decision',
      'open-letter',
    ])
      expect(findDocumentTemplate(key)?.unverified, key).toBe(false);
  });
});
