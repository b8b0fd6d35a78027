import { beforeAll, describe, expect, it } from 'vitest';
import { renderPowersTable } from './powers-table';
import { CLIENTS, DOCUMENT_DATE, FIRM, powerEntries } from './testing/fixtures';
import {
  CONVERSION_TIMEOUT_MS,
  convertToPdf,
  hasOfficeTools,
  nameOfficeTest,
  type PdfText,
  readPdf,
  readPdfPageSize,
  readWordText,
} from './testing/office-files';
import { expectOfficialLayout } from './testing/official-layout';

describe('renderPowersTable', () => {
  let docx: Buffer;
  let pdf: PdfText | undefined;
  let pdfPath = '';

  beforeAll(async () => {
    docx = await renderPowersTable({
      client: CLIENTS.township,
      preparedBy: FIRM,
      date: DOCUMENT_DATE,
      powers: powerEntries('township'),
    });
    if (hasOfficeTools) {
      pdfPath = convertToPdf([{ name: 'powers.docx', content: docx }]).get('powers.docx') ?? '';
      pdf = readPdf(pdfPath);
    }
  }, CONVERSION_TIMEOUT_MS);

  it('is one landscape table per GB/T 9704', () => {
    expectOfficialLayout(docx, { landscapeSections: 1 });
  });

  it('has the columns 序号、职权名称、类别、实施主体、法律依据、行权流程要点、文书 and a row per power', () => {
    const lines = readWordText(docx).split('\n');
    const header = lines.indexOf('序号');
    expect(lines.slice(header, header + 7)).toEqual([
      '序号',
      '职权名称',
      '类别',
      '实施主体',
      '法律依据',
      '行权流程要点',
      '文书',
    ]);
    expect(lines).toContain('核查取证→责令改正→告知→决定→催告→强制拆除');
    // Without a summary the steps are joined by arrows.
    expect(lines).toContain('接报后现场核查取证→责令改正、恢复绿地→拒不改正的，依法立案处罚');
    expect(lines).toContain(
      '《中华人民共和国城乡规划法》第六十五条（乡、村庄规划区）；《北京市城乡规划条例》第五十八条、第七十四条；《北京市禁止违法建设若干规定》【待核实】',
    );
  });

  it.skipIf(!hasOfficeTools)(
    nameOfficeTest('opens in LibreOffice as landscape pages with the client, the powers and the note'),
    () => {
      if (!pdf) throw new Error('no PDF');
      const size = readPdfPageSize(pdfPath);
      expect(size.width).toBeGreaterThan(size.height);
      expect(pdf.compact).toContain('雁栖镇社区治理职权梳理表');
      expect(pdf.compact).toContain('北京市怀柔区雁栖镇人民政府');
      expect(pdf.compact).toContain('2026年11月27日');
      expect(pdf.compact).toContain('行权流程要点');
      expect(pdf.compact).toContain('共4项');
      expect(pdf.compact).toMatch(/标注“【待核实】”的内容（共1处）/);
    },
  );
});
