import { beforeAll, describe, expect, it } from 'vitest';
import { renderServicePlan } from './service-plan';
import { CLIENTS, communityNames, DOCUMENT_DATE_TEXT, servicePlanInput } from './testing/fixtures';
import {
  CONVERSION_TIMEOUT_MS,
  convertToPdf,
  hasOfficeTools,
  nameOfficeTest,
  type PdfText,
  readPdf,
  readWordText,
} from './testing/office-files';
import { expectOfficialLayout } from './testing/official-layout';

const SECTIONS = [
  '一、项目背景',
  '二、服务对象和范围',
  '三、服务团队',
  '四、服务内容',
  '五、工作计划',
  '六、服务方式',
  '七、风险提示',
  '八、预期效果',
];

describe('renderServicePlan', () => {
  const documents = new Map<'street' | 'township', Buffer>();
  const pdfs = new Map<'street' | 'township', PdfText>();

  beforeAll(async () => {
    documents.set('street', await renderServicePlan(servicePlanInput('street', 5)));
    documents.set('township', await renderServicePlan(servicePlanInput('township', 4)));
    if (!hasOfficeTools) return;
    const converted = convertToPdf(
      [...documents].map(([variant, content]) => ({ name: `plan-${variant}.docx`, content })),
    );
    for (const variant of documents.keys()) pdfs.set(variant, readPdf(converted.get(`plan-${variant}.docx`) ?? ''));
  }, CONVERSION_TIMEOUT_MS);

  it('is laid out per GB/T 9704', () => {
    expectOfficialLayout(documents.get('street') ?? Buffer.alloc(0));
  });

  it('refuses a plan without stages or with a bad revision', async () => {
    await expect(renderServicePlan({ ...servicePlanInput('street'), stages: [] })).rejects.toThrow(RangeError);
    await expect(renderServicePlan({ ...servicePlanInput('street'), revision: 0 })).rejects.toThrow(RangeError);
  });

  it('numbers the sections in order and the parts within them', () => {
    const lines = readWordText(documents.get('street') ?? Buffer.alloc(0)).split('\n');
    const positions = SECTIONS.map((heading) => lines.indexOf(heading));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(lines).toContain('（一）项目培训');
    expect(lines).toContain('（三）团队难点分析');
  });

  it.skipIf(!hasOfficeTools)(
    nameOfficeTest('opens in LibreOffice with the sections, the engagement data and the 待核实 mark'),
    () => {
      const pdf = pdfs.get('street');
      if (!pdf) throw new Error('no PDF');
      for (const heading of SECTIONS) expect(pdf.layout).toContain(heading);
      expect(pdf.compact).toContain('和平里街道“创新社区治理”项目法律服务方案');
      expect(pdf.compact).toContain(CLIENTS.street.name);
      for (const community of communityNames('street', 5)) expect(pdf.compact).toContain(community);
      // The stage table: deliverables and dates.
      expect(pdf.compact).toContain('违法行为查处职权部门清单');
      expect(pdf.compact).toContain('2026年3月2日');
      expect(pdf.compact).toContain('至3月21日');
      expect(pdf.compact).toContain('街道综合行政执法队');
      expect(pdf.compact).toContain(DOCUMENT_DATE_TEXT);
      expect(pdf.compact).toContain('调研报告【待核实】');
      expect(pdf.compact).toContain('标注“【待核实】”的内容（共1处）');
      expect(pdf.layout).toMatch(/—\s*1\s*—/);
    },
  );

  it.skipIf(!hasOfficeTools)(
    nameOfficeTest('names a township client as 乡镇 and flags its unconfirmed background'),
    () => {
      const pdf = pdfs.get('township');
      if (!pdf) throw new Error('no PDF');
      expect(pdf.compact).toContain('北京市怀柔区雁栖镇人民政府');
      expect(pdf.compact).toContain('雁栖镇领导班子');
      expect(pdf.compact).toContain('乡镇综合行政执法队');
      expect(pdf.compact).toContain('431项行政执法职权');
      expect(pdf.compact).toContain('亟需厘清职权边界、规范执法程序。【待核实】');
      expect(pdf.compact).not.toContain('和平里');
    },
  );
});
