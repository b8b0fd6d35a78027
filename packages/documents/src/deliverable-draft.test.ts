import { beforeAll, describe, expect, it } from 'vitest';
import { renderDeliverableDraft } from './deliverable-draft';
import {
  CONVERSION_TIMEOUT_MS,
  convertAndRead,
  hasOfficeTools,
  nameOfficeTest,
  type PdfText,
  pdfOf,
  readWordLayout,
  readWordText,
} from './testing/office-files';
import { expectOfficialLayout } from './testing/official-layout';

const input = {
  engagementName: '和平里街道创新社区治理法律服务项目',
  clientName: '和平里街道办事处',
  communityName: '和平里北社区',
  title: '既有居民公约审查意见',
  revision: 2,
  preparedBy: '张明律师',
  date: '2025-03-01',
  sections: [
    { heading: '审查范围', body: '基层治理规范化、法治化是社区治理的重要方向。\n\n本意见在前期调研的基础上拟定。' },
    { heading: '主要问题', body: '（一）部分条款设定了罚款。\n（二）未履行备案程序。' },
    { heading: '三、修改建议', body: '删除罚款条款，补充备案程序。' },
  ],
};

describe('renderDeliverableDraft', () => {
  let docx: Buffer;
  let pdfs: Map<string, PdfText>;

  beforeAll(async () => {
    docx = await renderDeliverableDraft(input);
    pdfs = convertAndRead({ 'draft.docx': docx });
  }, CONVERSION_TIMEOUT_MS);

  it('is laid out per GB/T 9704 with the draft date in its properties', () => {
    expectOfficialLayout(docx);
    expect(readWordLayout(docx).created).toBe('2025-03-01T04:00:00Z');
  });

  it('puts the cover before the sections', () => {
    const text = readWordText(docx);
    for (const fragment of [
      '既有居民公约审查意见',
      '委托方',
      '和平里街道办事处',
      '社区',
      '和平里北社区',
      '第二稿',
      '2025年3月1日',
      '起草人',
      '张明律师',
    ])
      expect(text).toContain(fragment);
    expect(text.indexOf('张明律师')).toBeLessThan(text.indexOf('一、审查范围'));
  });

  it('numbers headings, keeps a number the lawyer wrote, and makes each body line a paragraph', () => {
    const lines = readWordText(docx).split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        '一、审查范围',
        '二、主要问题',
        '三、修改建议',
        '本意见在前期调研的基础上拟定。',
        '（二）未履行备案程序。',
      ]),
    );
    expect(lines).not.toContain('三、三、修改建议');
  });

  it('leaves the community line out for an engagement-wide deliverable', async () => {
    const text = readWordText(await renderDeliverableDraft({ ...input, communityName: undefined }));
    expect(text).not.toContain('和平里北社区');
  });

  it('refuses a revision that is not a positive whole number', async () => {
    await expect(renderDeliverableDraft({ ...input, revision: 0 })).rejects.toThrow(RangeError);
  });

  it.skipIf(!hasOfficeTools)(
    nameOfficeTest('opens in LibreOffice: a one-page unnumbered cover, then the body from page 1'),
    () => {
      const pdf = pdfOf(pdfs, 'draft.docx');
      expect(pdf.pages).toBe(2);
      const [cover, body] = pdf.layout.split('\f');
      expect(cover?.replace(/\s+/g, '')).toContain('（第二稿·征求意见稿）');
      expect(cover).not.toMatch(/—\s*\d+\s*—/);
      expect(body?.replace(/\s+/g, '')).toContain('一、审查范围');
      expect(body).toMatch(/—\s*1\s*—/);
    },
  );
});
