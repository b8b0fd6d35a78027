import { beforeAll, describe, expect, it } from 'vitest';
import { renderOpenLetter } from './open-letter';
import { DOCUMENT_DATE_TEXT, openLetterInput } from './testing/fixtures';
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

const input = openLetterInput('street');

describe('renderOpenLetter', () => {
  const documents: Record<string, Buffer> = {};
  let pdfs: Map<string, PdfText>;

  beforeAll(async () => {
    documents['letter.docx'] = await renderOpenLetter(input);
    documents['appeal.docx'] = await renderOpenLetter({
      ...openLetterInput('township'),
      kind: '倡议书',
      topic: '规范电动自行车停放充电',
      legalBasis: [input.legalBasis[0] ?? ''],
    });
    pdfs = convertAndRead(documents);
  }, CONVERSION_TIMEOUT_MS);

  it('is laid out per GB/T 9704', () => {
    expectOfficialLayout(documents['letter.docx'] ?? Buffer.alloc(0));
  });

  it('follows D.6: title, addressee, problem, quoted basis, numbered requests, consequences, contact, issuers and date', () => {
    const lines = readWordText(documents['letter.docx'] ?? Buffer.alloc(0)).split('\n');
    const indexOf = (fragment: string): number => lines.findIndex((line) => line.includes(fragment));
    const order = [
      indexOf('致和平里北社区居民的公开信'),
      indexOf('和平里北社区各位居民朋友：'),
      indexOf('私拉电线“飞线”充电'),
      indexOf('《中华人民共和国消防法》第二十八条'),
      indexOf('《北京市消防条例》第九十七条'),
      indexOf('一、电动自行车请停放'),
      indexOf('二、请到集中充电设施'),
      indexOf('三、请保持楼道畅通'),
      indexOf('《和平里北社区居民公约》'),
      indexOf('12345市民服务热线'),
      lines.lastIndexOf('和平里北社区居民委员会'),
      lines.lastIndexOf('北京和顺物业管理有限公司'),
      lines.lastIndexOf(DOCUMENT_DATE_TEXT),
    ];
    expect(order.every((position) => position >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('names a local hotline beside 12345 when one is given', async () => {
    const text = readWordText(await renderOpenLetter({ ...input, hotline: '010-64212345' }));
    expect(text).toContain('拨打010-64212345或者12345市民服务热线反映');
  });

  it('refuses a letter that asks nothing, and an appeal without a topic', async () => {
    await expect(renderOpenLetter({ ...input, requests: [] })).rejects.toThrow(RangeError);
    await expect(renderOpenLetter({ ...input, kind: '倡议书' })).rejects.toThrow(RangeError);
  });

  it.skipIf(!hasOfficeTools)(
    nameOfficeTest('opens in LibreOffice with the requests, the referral to the street office and the 待核实 mark'),
    () => {
      const pdf = pdfOf(pdfs, 'letter.docx');
      expect(pdf.compact).toContain('致和平里北社区居民的公开信');
      expect(pdf.compact).toContain('报请和平里街道办事处和有关职能部门依法查处');
      expect(pdf.compact).toContain('对个人处五百元以上一千元以下罚款。【待核实】');
      expect(pdf.compact).toContain(DOCUMENT_DATE_TEXT);
      expect(pdf.compact).toMatch(/标注“【待核实】”的内容（共1处）/);
    },
  );

  it.skipIf(!hasOfficeTools)(nameOfficeTest('writes a township 倡议书 with no unverified item and no note'), () => {
    const pdf = pdfOf(pdfs, 'appeal.docx');
    expect(pdf.compact).toContain('关于规范电动自行车停放充电的倡议书');
    expect(pdf.compact).toContain('发出如下倡议');
    expect(pdf.compact).toContain('报请雁栖镇人民政府和有关职能部门依法查处');
    expect(pdf.compact).not.toContain('待核实');
  });
});
