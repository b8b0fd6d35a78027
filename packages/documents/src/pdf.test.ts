import { describe, expect, it } from 'vitest';
import { convertToPdf, PdfConverterMissing } from './pdf';
import { renderOpenLetter } from './open-letter';
import { DOCUMENT_DATE } from './testing/fixtures';
import { hasOfficeTools, nameOfficeTest } from './testing/office-files';

describe('convertToPdf', () => {
  it(nameOfficeTest('turns a generated letter into a PDF'), { timeout: 120_000 }, async () => {
    if (!hasOfficeTools) return;
    const letter = await renderOpenLetter({ communityName: '和平里北社区', problem: '楼道堆物。', legalBasis: [], requests: ['请清理楼道。'], issuer: '和平里北社区居民委员会', date: DOCUMENT_DATE });
    const pdf = await convertToPdf(letter, 'docx');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5000);
  });

  it('says so when LibreOffice is not installed', async () => {
    await expect(convertToPdf(Buffer.from('x'), 'docx', 'no-such-soffice-binary')).rejects.toBeInstanceOf(PdfConverterMissing);
  });
});
