// The GB/T 9704 checks every Word document's XML must pass, shared by the generators' tests.
import { expect } from 'vitest';
import { readWordLayout, type WordLayout } from './office-files';

/** 37 mm and 28 mm in twips, within a twip of rounding. */
const TOP_MARGIN = 2098;
const LEFT_MARGIN = 1587;

export function expectOfficialLayout(docx: Buffer, options: { landscapeSections?: number } = {}): WordLayout {
  const layout = readWordLayout(docx);
  const portrait = layout.sections.filter((section) => section.orientation !== 'landscape');
  const landscape = layout.sections.filter((section) => section.orientation === 'landscape');
  expect(landscape).toHaveLength(options.landscapeSections ?? 0);
  for (const section of portrait) {
    expect(section).toMatchObject({ width: 11906, height: 16838 });
    expect(Math.abs(section.margin.top - TOP_MARGIN)).toBeLessThanOrEqual(2);
    expect(Math.abs(section.margin.left - LEFT_MARGIN)).toBeLessThanOrEqual(2);
    // The text block is 156 × 225 mm.
    expect(section.width - section.margin.left - section.margin.right).toBe(8844);
    expect(section.height - section.margin.top - section.margin.bottom).toBe(12756);
  }
  for (const section of landscape) {
    expect(section).toMatchObject({ width: 16838, height: 11906 });
    expect(section.width - section.margin.left - section.margin.right).toBe(12756);
  }

  // 3号仿宋 body (Arabic numerals included), exactly 28.95 pt a line; 2号小标宋 titles; 黑体 and 楷体 headings.
  expect(layout.body).toMatchObject({
    eastAsia: '仿宋_GB2312',
    ascii: '仿宋_GB2312',
    size: 32,
    line: 579,
    lineRule: 'exact',
    spacing: -5,
  });
  expect(layout.styles.get('Title')).toMatchObject({ eastAsia: '方正小标宋简体', size: 44 });
  expect(layout.styles.get('Heading1')).toMatchObject({ eastAsia: '黑体', size: 32 });
  expect(layout.styles.get('Heading2')).toMatchObject({ eastAsia: '楷体_GB2312', size: 32 });
  expect(layout.styles.get('Heading3')).toMatchObject({ eastAsia: '仿宋_GB2312', isBold: true });
  // Each official font names the font to use where it is not installed.
  expect(Object.fromEntries(layout.fontFallbacks)).toMatchObject({
    方正小标宋简体: '华文中宋',
    仿宋_GB2312: '仿宋',
    黑体: 'SimHei',
    楷体_GB2312: '楷体',
    宋体: 'SimSun',
  });

  // "— N —" in 4号宋体: odd pages right, even pages left.
  expect(layout.hasEvenAndOddFooters).toBe(true);
  const numbered = layout.footers.filter((footer) => footer.fields.includes('PAGE'));
  expect(numbered.length).toBeGreaterThanOrEqual(2);
  for (const footer of numbered) expect(footer).toMatchObject({ text: '—  —', eastAsia: '宋体', size: 28 });
  expect(new Set(numbered.map((footer) => footer.alignment))).toEqual(new Set(['right', 'left']));
  return layout;
}
