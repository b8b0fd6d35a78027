import { beforeAll, describe, expect, it } from 'vitest';
import { renderLawCompilation } from './law-compilation';
import { CLIENTS, DOCUMENT_DATE_TEXT, lawCompilationInput } from './testing/fixtures';
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

describe('renderLawCompilation', () => {
  let docx: Buffer;
  let pdfs: Map<string, PdfText>;

  beforeAll(async () => {
    docx = await renderLawCompilation(lawCompilationInput('street'));
    pdfs = convertAndRead({ 'compilation.docx': docx });
  }, CONVERSION_TIMEOUT_MS);

  it('is laid out per GB/T 9704', () => {
    expectOfficialLayout(docx);
  });

  it('groups the laws by level, highest first, each with its articles', () => {
    const lines = readWordText(docx).split('\n');
    const levels = ['一、法律', '二、行政法规', '三、地方性法规', '四、地方政府规章', '五、规范性文件'].map((heading) =>
      lines.indexOf(heading),
    );
    expect(levels.every((position) => position > 0)).toBe(true);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    const law = lines.indexOf('（一）《中华人民共和国行政处罚法》（全国人民代表大会常务委员会，2021年修订）');
    expect(lines[law + 2]).toBe('第二十八条　行政机关实施行政处罚时，应当责令当事人改正或者限期改正违法行为。');
  });

  it('refuses an empty compilation', async () => {
    await expect(renderLawCompilation({ ...lawCompilationInput('street'), laws: [] })).rejects.toThrow(RangeError);
  });

  it.skipIf(!hasOfficeTools)(
    nameOfficeTest('opens in LibreOffice with the cover, the levels, the articles and the 待核实 marks'),
    () => {
      const pdf = pdfOf(pdfs, 'compilation.docx');
      expect(pdf.compact).toContain('和平里街道社区治理职权法律法规汇编');
      expect(pdf.compact).toContain(CLIENTS.street.name);
      expect(pdf.compact).toContain(DOCUMENT_DATE_TEXT);
      expect(pdf.compact).toContain('收录文件10件');
      for (const heading of ['编辑说明', '一、法律', '三、地方性法规', '五、规范性文件'])
        expect(pdf.compact).toContain(heading);
      expect(pdf.compact).toContain('第四十四条行政机关在作出行政处罚决定之前');
      expect(pdf.compact).toContain('《北京市消防条例》【待核实】');
      expect(pdf.compact).toContain('对个人处五百元以上一千元以下罚款。【待核实】');
      expect(pdf.compact).toMatch(/标注“【待核实】”的内容（共3处）/);
    },
  );
});
