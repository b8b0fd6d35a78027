import { beforeAll, describe, expect, it } from 'vitest';
import { renderClosingReport } from './closing-report';
import { CLIENTS, closingReportInput, DOCUMENT_DATE_TEXT } from './testing/fixtures';
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

describe('renderClosingReport', () => {
  const documents: Record<string, Buffer> = {};
  let pdfs: Map<string, PdfText>;

  beforeAll(async () => {
    documents['street.docx'] = await renderClosingReport(closingReportInput('street', 3));
    // A township engagement that has recorded only its trainings and its cases so far.
    const township = closingReportInput('township', 2);
    documents['township.docx'] = await renderClosingReport({
      ...township,
      stages: undefined,
      deliverables: [],
      conventions: undefined,
      hotline: undefined,
      modelHouseholds: undefined,
      // Counted once each: 3 cases, one of which went on from 德治 to 自治.
      cases: [
        { tier: 'moral', opened: 3, resolved: 1 },
        { tier: 'self-governance', opened: 1, resolved: 1 },
      ],
      caseTotals: { reported: 3, resolved: 2 },
      highlights: undefined,
      nextSteps: undefined,
    });
    pdfs = convertAndRead(documents);
  }, CONVERSION_TIMEOUT_MS);

  it('is laid out per GB/T 9704', () => {
    expectOfficialLayout(documents['street.docx'] ?? Buffer.alloc(0));
  });

  it('reports the figures: stages, vote counts checked against the quorum, attendance, cases by tier', () => {
    const text = readWordText(documents['street.docx'] ?? Buffer.alloc(0));
    expect(text).toContain('项目共7个阶段，已完成6个，其中按计划完成5个。');
    expect(text).toContain('延期完成');
    // Community 2 had 58 of 121 present: no quorum; the others passed.
    expect(text).toContain('3个社区的居民公约经公示征求意见后提交居民会议表决，其中2个社区的表决出席人数过半数');
    expect(text).toContain('不足法定人数');
    expect(text).toContain('共举办《创新社区治理项目》法律培训2场，参训33人次');
    expect(text).toContain('共处置社区问题119件，已解决84件，解决率70.6%');
    expect(text).toContain('德治：倡议书/公开信');
    expect(text).toContain('实施后同期301件，下降26.9%。【待核实】');
    expect(text).toContain('各社区共认定德治典型（示范户）2户');
    expect(text).toContain('兴化西里2号楼3单元 赵玉兰家');
  });

  it('counts each case once in the totals when given', () => {
    const text = readWordText(documents['township.docx'] ?? Buffer.alloc(0));
    expect(text).toContain('共处置社区问题3件，已解决2件，解决率66.7%');
    expect(text).not.toContain('德治典型');
  });

  it('omits sections with no data instead of printing zeros', () => {
    const street = readWordText(documents['street.docx'] ?? Buffer.alloc(0));
    expect(street).not.toContain('推广与深化活动');
    expect(street).not.toContain('存在的不足');
    const township = readWordText(documents['township.docx'] ?? Buffer.alloc(0));
    for (const absent of [
      '项目阶段完成情况',
      '工作成果交付情况',
      '居民公约制定和表决情况',
      '12345',
      '主要成效',
      '待核实',
    ])
      expect(township).not.toContain(absent);
    expect(township).toContain('一、项目培训情况');
    expect(township).toContain('二、社区问题分层处置情况');
  });

  it.skipIf(!hasOfficeTools)(
    nameOfficeTest('opens in LibreOffice with the sections, the client, the communities and the 待核实 marks'),
    () => {
      const pdf = pdfOf(pdfs, 'street.docx');
      for (const section of [
        '一、项目阶段完成情况',
        '二、工作成果交付情况',
        '三、居民公约制定和表决情况',
        '四、项目培训情况',
        '五、社区问题分层处置情况',
        '六、德治典型',
        '七、12345市民服务热线诉求变化',
        '八、主要成效',
        '九、下一步工作建议',
      ]) {
        expect(pdf.compact).toContain(section);
      }
      expect(pdf.compact).toContain('法律服务项目总结报告');
      expect(pdf.compact).toContain(CLIENTS.street.name);
      expect(pdf.compact).toContain('和平里北社区');
      expect(pdf.compact).toContain(DOCUMENT_DATE_TEXT);
      expect(pdf.compact).toContain('【待核实】');
      expect(pdf.compact).toMatch(/标注“【待核实】”的内容（共2处）/);
      const township = pdfOf(pdfs, 'township.docx');
      expect(township.compact).toContain('雁栖镇“创新社区治理”法律服务项目总结报告');
      expect(township.compact).not.toContain('待核实');
    },
  );
});
