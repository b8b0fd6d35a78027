import { beforeAll, describe, expect, it } from 'vitest';
import { renderResearchReport } from './research-report';
import { CLIENTS, communityNames, DOCUMENT_DATE_TEXT, researchReportInput } from './testing/fixtures';
import {
  CONVERSION_TIMEOUT_MS,
  convertAndRead,
  hasOfficeTools,
  nameOfficeTest,
  type PdfText,
  pdfOf,
  readWordText,
} from './testing/office-files';
import { expectOfficialLayout } from './testing/official-layout';

const SECTIONS = ['一、调研概况', '二、问卷调查结果', '三、座谈会与访谈情况', '四、发现的主要问题', '五、结论与建议'];

describe('renderResearchReport', () => {
  const documents: Record<string, Buffer> = {};
  let pdfs: Map<string, PdfText>;

  beforeAll(async () => {
    documents['street.docx'] = await renderResearchReport(researchReportInput('street', 2));
    documents['township.docx'] = await renderResearchReport(researchReportInput('township', 1));
    pdfs = convertAndRead(documents);
  }, CONVERSION_TIMEOUT_MS);

  it('is laid out per GB/T 9704', () => {
    expectOfficialLayout(documents['street.docx'] ?? Buffer.alloc(0));
  });

  it('tabulates each question per community and audience: counts, percentages of the base and a bar', () => {
    const input = researchReportInput('street', 2);
    const result = input.questionnaires[0];
    const question = result?.questions[0];
    if (!result || !question) throw new Error('fixture without questions');
    const total = question.options.reduce((sum, option) => sum + option.count, 0);
    const lines = readWordText(documents['street.docx'] ?? Buffer.alloc(0)).split('\n');
    const start = lines.indexOf(`（1）${question.question}`);
    expect(start).toBeGreaterThan(lines.indexOf(`（一）${result.community}`));
    expect(lines.slice(start + 1, start + 5)).toEqual(['选项', '人数', '占比', '图示']);
    const first = question.options[0];
    expect(lines.slice(start + 5, start + 8)).toEqual([
      first?.label,
      String(first?.count),
      `${(((first?.count ?? 0) / total) * 100).toFixed(1)}%`,
    ]);
    expect(lines[start + 8]).toMatch(/^█+$/);
    // A multiple-choice question is a share of the respondents, not of the answers.
    expect(lines).toContain(`（2）您认为本社区最突出的问题是？（多选，${result.returned}人作答）`);
  });

  it('tags every problem with its catalogue violation', () => {
    const text = readWordText(documents['street.docx'] ?? Buffer.alloc(0));
    for (const problem of researchReportInput('street', 2).problems)
      expect(text).toContain(`【违法行为：${problem.violation}】`);
  });

  it.skipIf(!hasOfficeTools)(
    nameOfficeTest(
      'opens in LibreOffice with the sections, the coverage figures, the communities and the 待核实 marks',
    ),
    () => {
      const pdf = pdfOf(pdfs, 'street.docx');
      for (const section of SECTIONS) expect(pdf.compact).toContain(section);
      expect(pdf.compact).toContain('和平里街道社区治理现状调研报告');
      expect(pdf.compact).toContain(CLIENTS.street.name);
      for (const community of communityNames('street', 2)) expect(pdf.compact).toContain(community);
      expect(pdf.compact).toContain('2026年5月6日至6月30日');
      expect(pdf.compact).toMatch(/共发放问卷\d+份，回收\d+份，回收率\d+\.\d%/);
      expect(pdf.compact).toContain('座谈会（2026年5月11日）');
      expect(pdf.compact).toContain('【违法行为：飞线充电、电动自行车进楼入梯】');
      expect(pdf.compact).toContain('出租人不配合登记。【待核实】');
      expect(pdf.compact).toContain(DOCUMENT_DATE_TEXT);
      expect(pdf.compact).toMatch(/标注“【待核实】”的内容（共2处）/);
    },
  );

  it.skipIf(!hasOfficeTools)(nameOfficeTest('writes a township report for its own communities'), () => {
    const pdf = pdfOf(pdfs, 'township.docx');
    expect(pdf.compact).toContain('雁栖镇社区治理现状调研报告');
    expect(pdf.compact).toContain('雁栖北社区');
    expect(pdf.compact).toContain('雁栖镇领导班子成员');
    expect(pdf.compact).not.toContain('和平里');
  });
});
