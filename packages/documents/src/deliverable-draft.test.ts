import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderDeliverableDraft } from './deliverable-draft';
import { convertWithLibreOffice, countPdfPages, hasLibreOffice, nameLibreOfficeTest, readWordLayout, readWordText } from './testing/office-files';

const input = {
  engagementName: '和平里街道创新社区治理法律服务项目',
  clientName: '和平里街道办事处',
  communityName: '和平里北社区',
  title: '项目法律服务方案',
  revision: 2,
  preparedBy: '张明律师',
  date: '2025-03-01',
  sections: [
    { heading: '项目背景', body: '基层治理规范化、法治化是社区治理的重要方向。\n\n本方案在前期沟通的基础上拟定。' },
    { heading: '服务内容', body: '（一）项目培训。\n（二）实地调研。' },
    { heading: '三、工作计划', body: '各阶段成果及时间安排见附表。' },
  ],
};

describe('renderDeliverableDraft', () => {
  it('puts the cover block before the sections', async () => {
    const text = readWordText(await renderDeliverableDraft(input));
    for (const fragment of ['项目法律服务方案', '委 托 方：', '和平里街道办事处', '社　　区：', '和平里北社区', '第二稿', '2025年3月1日', '起 草 人：', '张明律师']) {
      expect(text).toContain(fragment);
    }
    expect(text.indexOf('张明律师')).toBeLessThan(text.indexOf('一、项目背景'));
  });

  it('numbers headings, keeps a number the lawyer wrote, and makes each body line a paragraph', async () => {
    const lines = readWordText(await renderDeliverableDraft(input)).split('\n');
    expect(lines).toEqual(expect.arrayContaining(['一、项目背景', '二、服务内容', '三、工作计划', '本方案在前期沟通的基础上拟定。', '（二）实地调研。']));
    expect(lines).not.toContain('三、三、工作计划');
  });

  it('leaves the community line out for an engagement-wide deliverable', async () => {
    const text = readWordText(await renderDeliverableDraft({ ...input, communityName: undefined }));
    expect(text).not.toContain('社　　区');
  });

  it('refuses a revision that is not a positive whole number', async () => {
    await expect(renderDeliverableDraft({ ...input, revision: 0 })).rejects.toThrow(RangeError);
  });

  it('lays out an A4 page with page numbers in the footer and the draft date in its properties', async () => {
    const layout = readWordLayout(await renderDeliverableDraft(input));
    expect(layout).toMatchObject({ pageWidth: 11906, pageHeight: 16838, bodyFont: '宋体', headingFont: '黑体', created: '2025-03-01T04:00:00Z' });
    expect(layout.footerFields).toEqual(expect.arrayContaining(['PAGE', 'NUMPAGES']));
  });

  it.skipIf(!hasLibreOffice)(nameLibreOfficeTest('opens in LibreOffice with a cover page and the sections after it'), async () => {
    const docx = await renderDeliverableDraft(input);
    const text = readFileSync(convertWithLibreOffice(docx, 'draft.docx', 'txt:Text (encoded):UTF8'), 'utf8');
    expect(text).toContain('项目法律服务方案');
    expect(text).toContain('一、项目背景');
    expect(countPdfPages(convertWithLibreOffice(docx, 'draft.docx', 'pdf'))).toBe(2);
  }, 120_000);
});
