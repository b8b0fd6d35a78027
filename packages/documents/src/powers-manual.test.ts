import { beforeAll, describe, expect, it } from 'vitest';
import { renderPowersManual } from './powers-manual';
import { CLIENTS, DOCUMENT_DATE_TEXT, powersManualInput } from './testing/fixtures';
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

const CHAPTERS = [
  '第一章　目的与依据',
  '第二章　行权主体及职责',
  '第三章　职权清单',
  '第四章　行权程序',
  '第五章　常见问题处置指引',
  '第六章　协调联动',
  '第七章　文书模板',
  '第八章　附录：法律法规目录',
];

describe('renderPowersManual', () => {
  const documents: Record<string, Buffer> = {};
  let pdfs: Map<string, PdfText>;

  beforeAll(async () => {
    documents['street.docx'] = await renderPowersManual(powersManualInput('street'));
    documents['township.docx'] = await renderPowersManual(powersManualInput('township'));
    pdfs = convertAndRead(documents);
  }, CONVERSION_TIMEOUT_MS);

  it('is laid out per GB/T 9704', () => {
    expectOfficialLayout(documents['street.docx'] ?? Buffer.alloc(0));
  });

  it('writes each power with category, implementer, numbered legal basis, numbered steps and templates', () => {
    const lines = readWordText(documents['street.docx'] ?? Buffer.alloc(0)).split('\n');
    const start = lines.indexOf('（一）对违法建设的查处');
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start, start + 14)).toEqual([
      '（一）对违法建设的查处',
      '1.职权类别及实施主体。行政处罚；街道综合行政执法队。',
      '2.法律依据。',
      '（1）《中华人民共和国城乡规划法》第六十四条',
      '（2）《北京市城乡规划条例》第五十八条、第七十四条',
      '（3）《北京市禁止违法建设若干规定》【待核实】',
      '3.行权流程。',
      '（1）巡查发现或者接报后现场核查，制作现场检查笔录并拍照取证',
      '（2）责令停止建设、限期改正，送达《责令限期改正通知书》',
      '（3）告知拟作出处罚的事实、理由、依据及陈述申辩、听证权利',
      '（4）作出行政处罚决定并送达',
      '（5）逾期不拆除的，催告后依法强制拆除；当事人不明的，公告不少于十日',
      '4.文书模板。《现场检查笔录》、《责令限期改正通知书》、《行政处罚事先告知书》、《行政处罚决定书》、《催告书》、《限期拆除公告》。',
      '（二）对侵占绿地、毁绿种菜的查处',
    ]);
    // Powers are grouped by category, each group counted.
    expect(lines).toContain('一、行政处罚（2项）');
    expect(lines).toContain('二、行政强制（1项）');
    expect(lines).toContain('三、指导监督（1项）');
  });

  it.skipIf(!hasOfficeTools)(
    nameOfficeTest('opens in LibreOffice with the eight chapters, the client, the annex of laws and the 待核实 marks'),
    () => {
      const pdf = pdfOf(pdfs, 'street.docx');
      // pdftotext turns the full-width space after 第N章 into layout spaces; compare without them.
      for (const chapter of CHAPTERS) expect(pdf.compact).toContain(chapter.replace('　', ''));
      expect(pdf.compact).toContain('和平里街道社区治理行权手册');
      expect(pdf.compact).toContain(CLIENTS.street.name);
      expect(pdf.compact).toContain(DOCUMENT_DATE_TEXT);
      // The annexed list, grouped by level, with the unverified rule flagged.
      expect(pdf.compact).toContain('一、法律');
      expect(pdf.compact).toContain('《北京市禁止违法建设若干规定》（北京市人民政府，市政府令第295号）【待核实】');
      expect(pdf.compact).toContain('综合行政执法队或者生态环境部门【待核实】');
      expect(pdf.compact).toMatch(/标注“【待核实】”的内容（共\d+处）/);
      // The cover has no page number; the body starts at 1.
      expect(pdf.layout.split('\f')[0]).not.toMatch(/—\s*\d+\s*—/);
      expect(pdf.layout.split('\f')[1]).toMatch(/—\s*1\s*—/);
    },
  );

  it.skipIf(!hasOfficeTools)(
    nameOfficeTest('cites the Beijing street-office regulation by analogy for a township'),
    () => {
      const township = pdfOf(pdfs, 'township.docx');
      expect(township.compact).toContain('雁栖镇社区治理行权手册');
      expect(township.compact).toContain('《北京市街道办事处条例》（依该条例第四十九条参照适用）');
      expect(township.compact).toContain('乡镇综合行政执法队');
      expect(township.compact).toContain('第六十五条（乡、村庄规划区）');
      expect(pdfOf(pdfs, 'street.docx').compact).not.toContain('参照适用');
    },
  );
});
