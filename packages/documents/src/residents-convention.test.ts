import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderResidentsConvention } from './residents-convention';
import { convertWithLibreOffice, countPdfPages, hasLibreOffice, nameLibreOfficeTest, readWordLayout, readWordText } from './testing/office-files';

const draftInput = { communityName: '和平里北社区', streetOffice: '和平里街道办事处' };
const adoptedInput = { ...draftInput, adoptedOn: '2025-06-18', filingNo: '和备〔2025〕7号' };

const SUBSTANTIVE_RULES = ['遵纪守法', '邻里和睦', '环境卫生与垃圾分类', '文明养犬', '消防安全与电动自行车', '装修与房屋使用', '绿地与公共区域', '停车', '移风易俗', '参与自治'];

describe('renderResidentsConvention', () => {
  it('writes the D.4 structure with its legal basis, rules, no-fines clause and filing', async () => {
    const text = readWordText(await renderResidentsConvention(draftInput));

    expect(text).toContain('和平里北社区居民公约（草案）');
    expect(text).toContain('《中华人民共和国城市居民委员会组织法》第十五条');
    expect(text).toContain('第十七条、第十八条');
    for (const chapter of ['第一章　总则', '第二章　居民行为规范', '第三章　实施与监督', '第四章　附则']) expect(text).toContain(chapter);
    for (const rule of SUBSTANTIVE_RULES) expect(text).toContain(`【${rule}】`);
    expect(text).toContain('本公约不设定罚款');
    expect(text).toContain('报和平里街道办事处备案');
    expect(text).toContain('居民会议于____年__月__日讨论通过');
    expect(text).toContain('制定程序提示');
  });

  it('numbers articles continuously across chapters', async () => {
    const text = readWordText(await renderResidentsConvention(draftInput));
    const numbers = [...text.matchAll(/^第([一二三四五六七八九十]+)条/gm)].map((match) => match[1]);
    expect(numbers.slice(0, 3)).toEqual(['一', '二', '三']);
    expect(numbers.at(-1)).toBe('二十四');
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('fills the adoption date and filing number once adopted, and drops the draft label and procedure notes', async () => {
    const docx = await renderResidentsConvention(adoptedInput);
    const text = readWordText(docx);

    expect(text).toContain('和平里北社区居民公约');
    expect(text).not.toContain('（草案）');
    expect(text).toContain('居民会议于2025年6月18日讨论通过');
    expect(text).toContain('备案号：和备〔2025〕7号');
    expect(text).not.toContain('制定程序提示');
    expect(readWordLayout(docx).created).toBe('2025-06-18T04:00:00Z');
  });

  it('lays out an A4 page in 宋体 with 黑体 headings and page numbers in the footer', async () => {
    const layout = readWordLayout(await renderResidentsConvention(draftInput));
    expect(layout).toMatchObject({ pageWidth: 11906, pageHeight: 16838, bodyFont: '宋体', headingFont: '黑体' });
    expect(layout.footerFields).toEqual(expect.arrayContaining(['PAGE', 'NUMPAGES']));
  });

  it.skipIf(!hasLibreOffice)(nameLibreOfficeTest('opens in LibreOffice with the Chinese text intact'), async () => {
    const docx = await renderResidentsConvention(draftInput);
    const text = readFileSync(convertWithLibreOffice(docx, 'convention.docx', 'txt:Text (encoded):UTF8'), 'utf8');
    expect(text).toContain('和平里北社区居民公约（草案）');
    expect(text).toContain('本公约不设定罚款');
    expect(countPdfPages(convertWithLibreOffice(docx, 'convention.docx', 'pdf'))).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
