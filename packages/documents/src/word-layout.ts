import {
  AlignmentType,
  convertMillimetersToTwip,
  Document,
  type FileChild,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx';
import { type CivilDate } from '@gongzhi/domain';
import { instantOfCivilDate } from './chinese-text';

// Chinese Word writes the eastAsia font under its Chinese name; Word on any locale resolves 宋体/黑体
// to SimSun/SimHei, and LibreOffice falls back through fontconfig to whatever CJK font is installed.
export const BODY_FONT = '宋体';
export const HEADING_FONT = '黑体';
export const QUOTE_FONT = '楷体';
const LATIN_FONT = 'Times New Roman';

/** Font sizes in half-points, by their Chinese names (字号). */
export const FONT_SIZE = { 二号: 44, 三号: 32, 四号: 28, 小四: 24, 五号: 21 } as const;

// Two characters of 小四 (12 pt each): the first-line indent of every Chinese body paragraph.
const FIRST_LINE_INDENT = 480;
// 1.5 lines, the spacing lawyers expect in a draft they will mark up.
const BODY_LINE = 360;

export function fontFor(eastAsia: string): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  return { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia, cs: LATIN_FONT };
}

/** A body paragraph per non-empty line of `text`, each with the customary two-character indent. */
export function createBodyParagraphs(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => createBodyParagraph([new TextRun(line)]));
}

export function createBodyParagraph(children: ParagraphChild[], options: { isIndented?: boolean } = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: AlignmentType.JUSTIFIED,
    indent: options.isIndented === false ? undefined : { firstLine: FIRST_LINE_INDENT },
  });
}

export function createHeading(text: string, level: 1 | 2 = 1, options: { isCentered?: boolean } = {}): Paragraph {
  return new Paragraph({
    text,
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    alignment: options.isCentered === true ? AlignmentType.CENTER : undefined,
  });
}

export function createTitle(text: string): Paragraph {
  return new Paragraph({ text, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER });
}

/** Right-aligned lines (issuer, date) as they close a Chinese letter or convention. */
export function createSignatureLines(lines: string[]): Paragraph[] {
  return lines.map((line, index) =>
    new Paragraph({ children: [new TextRun(line)], alignment: AlignmentType.RIGHT, spacing: index === 0 ? { before: 480 } : undefined }),
  );
}

function createPageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页  共 ', PageNumber.TOTAL_PAGES, ' 页'], size: FONT_SIZE.五号 })],
      }),
    ],
  });
}

export interface WordDocumentInput {
  title: string;
  /** Who the document is attributed to in its properties (the drafting lawyer or the issuing body). */
  author: string;
  /** The document's date for its properties; a draft not yet dated (an unadopted convention) has none. */
  date?: CivilDate;
  children: FileChild[];
  /** A cover page carries no page number; the numbering still counts it, as Word does by default. */
  hasCoverPage?: boolean;
}

/**
 * Packs an A4 Chinese document: 宋体 小四 body, 黑体 headings, page numbers centred in the footer.
 * The core properties are written from `date` rather than left to the library, which would stamp
 * the moment of rendering: the same input should describe the same document.
 */
export async function packWordDocument(input: WordDocumentInput): Promise<Buffer> {
  const footer = createPageNumberFooter();
  const document = new Document({
    title: input.title,
    creator: input.author,
    lastModifiedBy: input.author,
    styles: {
      default: {
        document: {
          run: { font: fontFor(BODY_FONT), size: FONT_SIZE.小四, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: BODY_LINE, lineRule: LineRuleType.AUTO } },
        },
        title: {
          run: { font: fontFor(HEADING_FONT), size: FONT_SIZE.二号, bold: false, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 360 } },
        },
        heading1: {
          run: { font: fontFor(HEADING_FONT), size: FONT_SIZE.三号, bold: false, color: '000000' },
          paragraph: { spacing: { before: 360, after: 180 }, keepNext: true },
        },
        heading2: {
          run: { font: fontFor(HEADING_FONT), size: FONT_SIZE.四号, bold: false, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: input.hasCoverPage === true,
          page: {
            // A4 in the exact twips Word writes; converting 210×297 mm rounds one twip short.
            size: { width: 11906, height: 16838 },
            // GB/T 9704 margins for official documents: 37 mm top, 35 bottom, 28 left, 26 right.
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
              footer: convertMillimetersToTwip(20),
            },
          },
        },
        footers: input.hasCoverPage === true ? { default: footer, first: new Footer({ children: [] }) } : { default: footer },
        children: input.children,
      },
    ],
  });
  const coreProperties = { path: 'docProps/core.xml', data: renderCoreProperties(input) };
  return Packer.toBuffer(document, false, [coreProperties]);
}

function renderCoreProperties(input: WordDocumentInput): string {
  const stamp = input.date ? instantOfCivilDate(input.date).toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(input.title)}</dc:title>`,
    `<dc:creator>${escapeXml(input.author)}</dc:creator>`,
    `<cp:lastModifiedBy>${escapeXml(input.author)}</cp:lastModifiedBy>`,
    '<dc:language>zh-CN</dc:language>',
    stamp ? `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` : '',
    stamp ? `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` : '',
    '</cp:coreProperties>',
  ].join('');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
