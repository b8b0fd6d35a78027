import { beforeAll, describe, expect, it } from 'vitest';
import {
  createAttachmentList,
  createParagraph,
  createSignatureBlock,
  createTitleBlock,
  headingNumber,
  HeadingNumbering,
  packOfficialDocument,
  run,
} from './gbt9704';
import { UNVERIFIED_MARK, UnverifiedMarks } from './unverified';
import {
  CONVERSION_TIMEOUT_MS,
  convertAndRead,
  hasOfficeTools,
  nameOfficeTest,
  type PdfText,
  pdfOf,
  readWordText,
  readZipText,
} from './testing/office-files';
import { expectOfficialLayout } from './testing/official-layout';

const SENTENCE =
  '为推进社区居民自我管理自我教育自我服务维护社区公共秩序营造文明和谐安全整洁的居住环境根据城市居民委员会组织法第十五条等规定结合本社区实际制定本方案';

async function packSample(marks?: UnverifiedMarks): Promise<Buffer> {
  const numbering = new HeadingNumbering();
  return packOfficialDocument({
    title: '样张',
    author: '北京市易和律师事务所',
    date: '2026-11-27',
    marks: marks ?? new UnverifiedMarks(),
    sections: [
      {
        children: [
          ...createTitleBlock({ title: '关于版式的样张', addressee: '和平里街道办事处' }),
          numbering.heading(1, '总体要求'),
          // Thirty paragraphs of solid CJK text: enough to fill more than one page.
          ...Array.from({ length: 30 }, () => createParagraph(SENTENCE + SENTENCE, { isIndented: false })),
          numbering.heading(2, '具体要求'),
          ...(marks ? [createParagraph(marks.runs({ text: '一条未核实的依据', isUnverified: true }))] : []),
          ...createAttachmentList(['联动执法通知单', '案件移送函']),
          ...createSignatureBlock({ signers: ['北京市东城区和平里街道办事处'], date: '2026-11-27' }),
        ],
      },
    ],
  });
}

describe('heading numbers', () => {
  it('follow GB/T 9704: 一、 （一） 1. （1）', () => {
    expect([1, 2, 3, 4].map((level) => headingNumber(level as 1 | 2 | 3 | 4, 12))).toEqual([
      '十二、',
      '（十二）',
      '12.',
      '（12）',
    ]);
  });

  it('restart the lower levels when a higher one advances', () => {
    const numbering = new HeadingNumbering();
    expect([
      numbering.next(1),
      numbering.next(2),
      numbering.next(2),
      numbering.next(3),
      numbering.next(1),
      numbering.next(2),
      numbering.next(3),
    ]).toEqual(['一、', '（一）', '（二）', '1.', '二、', '（一）', '1.']);
  });
});

describe('packOfficialDocument', () => {
  let sample: Buffer;
  let pdfs: Map<string, PdfText>;

  beforeAll(async () => {
    sample = await packSample();
    pdfs = convertAndRead({ 'sample.docx': sample });
  }, CONVERSION_TIMEOUT_MS);

  it('writes A4 with the GB/T 9704 margins, fonts, sizes and page-number footers', () => {
    expectOfficialLayout(sample);
  });

  it('places the signer two characters from the right and the date two characters right of the signer', () => {
    const xml = readZipText(sample, 'word/document.xml');
    const indentOf = (text: string) =>
      Number(new RegExp(`<w:ind w:right="(\\d+)"/>(?:(?!</w:p>).)*${text}`).exec(xml)?.[1]);
    // 北京市东城区和平里街道办事处 is 14 characters, 2026年11月27日 is 7 wide (digits count half): the signer is the longer.
    expect(indentOf('北京市东城区和平里街道办事处')).toBe(2 * 315);
    expect(indentOf('2026年11月27日')).toBe((14 - 7) * 315);
  });

  it('lists attachments as 附件：1.… 2.… with no punctuation after the names', () => {
    const lines = readWordText(sample).split('\n');
    expect(lines).toContain('附件：1.联动执法通知单');
    expect(lines).toContain('2.案件移送函');
  });

  it('closes a document with marks with the note, and one without marks without it', async () => {
    expect(readWordText(sample)).not.toContain(UNVERIFIED_MARK);
    const marks = new UnverifiedMarks();
    const marked = readWordText(await packSample(marks));
    expect(marks.count).toBe(1);
    expect(marked).toContain(`一条未核实的依据${UNVERIFIED_MARK}`);
    expect(marked.split('\n').at(-1)).toContain('（共1处）');
    const noMarks = readWordText(
      await packOfficialDocument({
        title: 't',
        author: 'a',
        marks: new UnverifiedMarks(),
        sections: [{ children: [createParagraph([run('正文')])] }],
      }),
    );
    expect(noMarks).not.toContain('待核实');
  });

  it.skipIf(!hasOfficeTools)(nameOfficeTest('sets 22 lines of 28 characters a page in LibreOffice'), () => {
    const pdf = pdfOf(pdfs, 'sample.docx');
    // Page 2 holds only the solid paragraphs: every line full, 22 of them.
    const page2 = pdf.layout.split('\f')[1] ?? '';
    const lines = page2
      .split('\n')
      .map((line) => line.replace(/\s+/g, ''))
      .filter((line) => line.length > 0 && !/^—\d+—$/.test(line));
    expect(lines).toHaveLength(22);
    expect(Math.max(...lines.map((line) => [...line].length))).toBe(28);
    expect(page2).toMatch(/—\s*2\s*—/);
  });
});
