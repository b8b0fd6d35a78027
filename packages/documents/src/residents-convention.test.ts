import { beforeAll, describe, expect, it } from 'vitest';
import { BLANK_DATE } from './gbt9704';
import { renderResidentsConvention } from './residents-convention';
import { conventionInput } from './testing/fixtures';
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

const draftInput = conventionInput('street');
const adoptedInput = { ...draftInput, adoptedOn: '2026-12-18', filingNo: '和备〔2026〕7号' };
const SUBSTANTIVE_RULES = [
  '遵纪守法',
  '邻里和睦',
  '环境卫生与垃圾分类',
  '文明养犬',
  '消防安全与电动自行车',
  '装修与房屋使用',
  '绿地与公共区域',
  '停车',
  '移风易俗',
  '参与自治',
  '高空抛物',
];

describe('renderResidentsConvention', () => {
  const documents: Record<string, Buffer> = {};
  let pdfs: Map<string, PdfText>;

  beforeAll(async () => {
    documents['draft.docx'] = await renderResidentsConvention(draftInput);
    documents['township.docx'] = await renderResidentsConvention({
      ...conventionInput('township'),
      additionalRules: [
        { topic: '农家院经营', text: { text: '经营农家院的居民应当遵守本镇民宿管理规定。', isUnverified: true } },
      ],
    });
    documents['adopted.docx'] = await renderResidentsConvention(adoptedInput);
    pdfs = convertAndRead(documents);
  }, CONVERSION_TIMEOUT_MS);

  it('is laid out per GB/T 9704', () => {
    expectOfficialLayout(documents['draft.docx'] ?? Buffer.alloc(0));
  });

  it('writes the D.4 structure with its legal basis, rules, no-fines clause and filing', () => {
    const text = readWordText(documents['draft.docx'] ?? Buffer.alloc(0));
    expect(text).toContain('和平里北社区居民公约（草案）');
    expect(text).toContain('《中华人民共和国城市居民委员会组织法》第十五条');
    expect(text).toContain('第十七条、第十八条');
    for (const chapter of ['第一章　总则', '第二章　居民行为规范', '第三章　实施与监督', '第四章　附则'])
      expect(text).toContain(chapter);
    for (const rule of SUBSTANTIVE_RULES) expect(text).toContain(`【${rule}】`);
    expect(text).toContain('本公约不设定罚款');
    expect(text).not.toMatch(/处\d+元|罚款\d/);
    expect(text).toContain('报和平里街道办事处备案');
    expect(text).toContain(`居民会议于${BLANK_DATE}讨论通过`);
    expect(text).toContain('制定程序提示');
  });

  it('numbers articles continuously across chapters', () => {
    const text = readWordText(documents['draft.docx'] ?? Buffer.alloc(0));
    const numbers = [...text.matchAll(/^第([一二三四五六七八九十]+)条/gm)].map((match) => match[1]);
    expect(numbers.slice(0, 3)).toEqual(['一', '二', '三']);
    expect(numbers.at(-1)).toBe('二十五');
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('fills the adoption date and filing number once adopted, and drops the draft label and procedure notes', () => {
    const docx = documents['adopted.docx'] ?? Buffer.alloc(0);
    const text = readWordText(docx);
    expect(text).not.toContain('（草案）');
    expect(text).toContain('居民会议于2026年12月18日讨论通过');
    expect(text).toContain('备案号：和备〔2026〕7号');
    expect(text).not.toContain('制定程序提示');
    expect(readWordLayout(docx).created).toBe('2026-12-18T04:00:00Z');
  });

  it.skipIf(!hasOfficeTools)(
    nameOfficeTest('opens in LibreOffice: title, chapters, filing with the street office'),
    () => {
      const pdf = pdfOf(pdfs, 'draft.docx');
      expect(pdf.compact).toContain('和平里北社区居民公约（草案）');
      expect(pdf.compact).toContain('第二章居民行为规范');
      expect(pdf.compact).toContain('本公约不设定罚款');
      expect(pdf.compact).toContain('报和平里街道办事处备案');
      expect(pdf.compact).not.toContain('待核实');
    },
  );

  it.skipIf(!hasOfficeTools)(
    nameOfficeTest('files a township convention with the township and marks its unverified rule'),
    () => {
      const pdf = pdfOf(pdfs, 'township.docx');
      expect(pdf.compact).toContain('雁栖北社区居民公约（草案）');
      expect(pdf.compact).toContain('报雁栖镇人民政府备案');
      expect(pdf.compact).toContain('【农家院经营】经营农家院的居民应当遵守本镇民宿管理规定。【待核实】');
      expect(pdf.compact).toMatch(/标注“【待核实】”的内容（共1处）/);
    },
  );
});
