// The layout of Chinese official documents (GB/T 9704-2012 党政机关公文格式), shared by every Word
// document this package writes. Generators describe content; everything about the page lives here.
import {
  AlignmentType,
  BorderStyle,
  Document,
  type FileChild,
  Footer,
  type IRunOptions,
  type ISectionOptions,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { type CivilDate } from '@gongzhi/domain';
import { formatChineseDate, instantOfCivilDate, measureFullWidth, toChineseNumeral } from './chinese-text';
import { describeUnverifiedMarks, type UnverifiedMarks } from './unverified';

// ---- Page (GB/T 9704 5.2): A4, text block 156 × 225 mm, top margin 37 mm, binding margin 28 mm.

/** A4 in the exact twips Word writes (210 × 297 mm rounds one twip short). */
export const PAGE_WIDTH = 11906;
export const PAGE_HEIGHT = 16838;
/** 156 mm and 225 mm. */
export const TEXT_BLOCK_WIDTH = 8844;
export const TEXT_BLOCK_HEIGHT = 12756;
/** 37 mm top, 28 mm binding (left); right and bottom follow from the text block: 26 mm and 35 mm. */
export const MARGIN = {
  top: 2098,
  left: 1587,
  right: PAGE_WIDTH - 1587 - TEXT_BLOCK_WIDTH,
  bottom: PAGE_HEIGHT - 2098 - TEXT_BLOCK_HEIGHT,
} as const;
// The page number's 一字线 sits 7 mm below the text block (7.5): 35 − 7 mm to its top, less a
// 4号 line (≈ 5 mm), leaves the footer's bottom edge 23 mm above the paper's.
const FOOTER_DISTANCE = 1304;

/** 22 lines of 28 characters (5.2.2). 225 mm / 22 = 28.95 pt per line. */
export const LINES_PER_PAGE = 22;
export const CHARACTERS_PER_LINE = 28;
export const LINE_PITCH = 579;
// 28 characters of 3号 (16 pt) need 448 pt; the text block is 442.2 pt wide. Word's 公文 templates close
// the gap with a linesAndChars document grid (charSpace −849), but LibreOffice gives each 16-pt glyph two
// grid cells when the pitch falls below the glyph (14–18 characters a line) and snaps table text to the line
// grid (double-spaced tables). −0.25 pt of character spacing on body text gives 28 × 15.75 pt = 441 pt in
// Word, WPS and LibreOffice alike, and the exact 28.95-pt line spacing gives the 22 lines without a grid.
export const BODY_CHARACTER_SPACING = -5;
/** One character of body text in twips (15.75 pt): the unit of "空二字", "右空四字". */
export const CHARACTER_WIDTH = 315;
const INDENT_TWO_CHARACTERS = 640;

// ---- Fonts (GB/T 9704 5.3, 7.2–7.5). The official fonts are rarely installed outside government
// machines, so each is declared with the font Word should use instead (fontTable altName) and its
// family and charset, which guide Word's substitution beyond the alternate.

export const FONT = {
  /** 2号小标宋: titles. */
  title: '方正小标宋简体',
  /** 3号仿宋: body text, Arabic numerals included. */
  body: '仿宋_GB2312',
  /** 黑体: 一、 headings, 附件 labels, table headers. */
  heading: '黑体',
  /** 楷体: （一） headings, subtitles. */
  kai: '楷体_GB2312',
  /** 4号宋体: page numbers. */
  pageNumber: '宋体',
} as const;

export const FONT_FALLBACKS: Readonly<Record<string, readonly string[]>> = {
  [FONT.title]: ['华文中宋', 'SimSun'],
  [FONT.body]: ['仿宋', 'FangSong'],
  [FONT.heading]: ['SimHei'],
  [FONT.kai]: ['楷体', 'KaiTi'],
  [FONT.pageNumber]: ['SimSun'],
};

// family, pitch and PANOSE as Word writes them for these fonts.
const FONT_TABLE_TRAITS: Readonly<Record<string, { family: string; pitch: string; panose: string }>> = {
  [FONT.title]: { family: 'script', pitch: 'variable', panose: '02000000000000000000' },
  [FONT.body]: { family: 'modern', pitch: 'fixed', panose: '02010609030101010101' },
  [FONT.heading]: { family: 'modern', pitch: 'fixed', panose: '02010609060101010101' },
  [FONT.kai]: { family: 'modern', pitch: 'fixed', panose: '02010609030101010101' },
  [FONT.pageNumber]: { family: 'auto', pitch: 'variable', panose: '02010600030101010101' },
};

/** Font sizes in half-points, by their Chinese names (字号). */
export const SIZE = { 一号: 52, 二号: 44, 三号: 32, 四号: 28, 小四: 24, 五号: 21, 小五: 18 } as const;

export function fontFor(name: string): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

// ---- Style ids the generators may refer to.
const STYLE_TABLE_TEXT = 'TableText';
const STYLE_CHAPTER = 'Chapter';

// ---- Text

/** A run of body text; options override font, size, weight. */
export function run(text: string, options: IRunOptions = {}): TextRun {
  return new TextRun({ text, ...options });
}

export interface BodyParagraphOptions {
  /** The customary two-character first-line indent; off for lines that start at the margin. */
  isIndented?: boolean;
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
  keepNext?: boolean;
}

/** A body paragraph in 3号仿宋, justified, indented two characters. */
export function createParagraph(content: string | ParagraphChild[], options: BodyParagraphOptions = {}): Paragraph {
  return new Paragraph({
    children: typeof content === 'string' ? [new TextRun(content)] : content,
    alignment: options.alignment ?? AlignmentType.JUSTIFIED,
    indent: options.isIndented === false ? undefined : { firstLine: INDENT_TWO_CHARACTERS },
    keepNext: options.keepNext,
  });
}

/** A body paragraph per non-empty line of `text`. */
export function createParagraphs(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => createParagraph(line));
}

/** A line break inside a paragraph or table cell. */
export function createLineBreak(): TextRun {
  return new TextRun({ break: 1 });
}

export function createBlankLine(): Paragraph {
  return new Paragraph({ children: [] });
}

/** A dashed line to cut a receipt off along, one line wide (27 full-width characters of the 28 a line holds). */
export const CUT_LINE = `${'－'.repeat(11)}（裁剪线）${'－'.repeat(11)}`;

export function createPageBreak(): Paragraph {
  return new Paragraph({ children: [new PageBreak()] });
}

/** A run of blanks to fill in by hand: ＿＿＿. */
export function blank(characters = 6): string {
  return '＿'.repeat(characters);
}

// ---- Headings (GB/T 9704 7.3.3): 一、 in 黑体, （一） in 楷体, 1. and （1） in 仿宋 (1. in bold here).

export type HeadingLevel = 1 | 2 | 3 | 4;

/** The number of the `index`-th (1-based) heading of a level: 一、 （一） 1. （1）. */
export function headingNumber(level: HeadingLevel, index: number): string {
  if (!Number.isInteger(index) || index < 1)
    throw new RangeError(`heading index must be a positive integer, got ${index}`);
  switch (level) {
    case 1:
      return `${toChineseNumeral(index)}、`;
    case 2:
      return `（${toChineseNumeral(index)}）`;
    case 3:
      return `${index}.`;
    case 4:
      return `（${index}）`;
  }
}

const HEADING_STYLE: Record<HeadingLevel, string> = { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3', 4: 'Heading4' };

export interface HeadingOptions {
  /** Text run on after the heading in the same paragraph, as levels 3 and 4 usually are. */
  body?: string | ParagraphChild[];
}

/** A heading whose number the caller wrote (or none). */
export function createHeading(
  level: HeadingLevel,
  title: string | ParagraphChild[],
  options: HeadingOptions = {},
): Paragraph {
  const titleRuns = typeof title === 'string' ? [new TextRun(title)] : title;
  const bodyRuns =
    options.body === undefined
      ? []
      : typeof options.body === 'string'
        ? [new TextRun({ text: options.body, bold: false, font: fontFor(FONT.body) })]
        : options.body;
  return new Paragraph({
    style: HEADING_STYLE[level],
    children: [...titleRuns, ...bodyRuns],
    // A run-in heading is a paragraph of text; only a heading standing alone must stay with what follows.
    ...(bodyRuns.length === 0 ? { keepNext: true } : {}),
  });
}

/**
 * Numbers headings as a document is written: each call to `heading(level, …)` takes the next number at
 * that level and restarts the levels below it, so 一、（一）（二）二、（一） come out right without the
 * generator counting.
 */
export class HeadingNumbering {
  private readonly counters = [0, 0, 0, 0];

  next(level: HeadingLevel): string {
    this.counters[level - 1] = (this.counters[level - 1] ?? 0) + 1;
    for (let lower = level; lower < this.counters.length; lower += 1) this.counters[lower] = 0;
    return headingNumber(level, this.counters[level - 1] ?? 1);
  }

  heading(level: HeadingLevel, title: string | ParagraphChild[], options: HeadingOptions = {}): Paragraph {
    const number = this.next(level);
    const titleRuns = typeof title === 'string' ? [new TextRun(`${number}${title}`)] : [new TextRun(number), ...title];
    return createHeading(level, titleRuns, options);
  }
}

/** 第一章　总则: centred 黑体, for manuals, conventions and handbooks organised in chapters and articles. */
export function createChapterHeading(index: number, title: string): Paragraph {
  return new Paragraph({ style: STYLE_CHAPTER, children: [new TextRun(`第${toChineseNumeral(index)}章　${title}`)] });
}

/** 第一条　…: the article number in 黑体, the text in 仿宋. */
export function createArticle(index: number, content: string | ParagraphChild[]): Paragraph {
  return createArticleLine(`第${toChineseNumeral(index)}条`, content);
}

/** An article quoted by its own label (第七十八条第二款　…), the label in 黑体. */
export function createArticleLine(label: string, content: string | ParagraphChild[]): Paragraph {
  const body = typeof content === 'string' ? [new TextRun(content)] : content;
  return createParagraph([new TextRun({ text: label, font: fontFor(FONT.heading) }), new TextRun('　'), ...body]);
}

// ---- Title block (7.3.2), addressee (7.3.3), signature and date (7.3.5), attachments (7.3.4, 8).

export interface TitleBlockOptions {
  title: string;
  /** A line under the title in 楷体: （征求意见稿）, （2026年11月）. */
  subtitle?: string;
  /** 主送机关, written flush left with a full-width colon. */
  addressee?: string;
}

export function createTitleBlock(options: TitleBlockOptions): Paragraph[] {
  const lines = options.title.split('\n');
  const title = new Paragraph({
    style: 'Title',
    children: lines.flatMap((line, index) =>
      index === 0 ? [new TextRun(line)] : [new TextRun({ text: line, break: 1 })],
    ),
  });
  const subtitle = options.subtitle
    ? [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: options.subtitle, font: fontFor(FONT.kai) })],
        }),
      ]
    : [];
  // 标题与正文（主送机关）间空一行.
  const addressee = options.addressee
    ? [createBlankLine(), new Paragraph({ children: [new TextRun(`${options.addressee}：`)] })]
    : [createBlankLine()];
  return [title, ...subtitle, ...addressee];
}

export interface SignatureOptions {
  /** 发文机关署名, one line each (joint documents list several). */
  signers: string[];
  /** 成文日期; `null` leaves ____年__月__日 for the signer to fill in. */
  date: CivilDate | null;
  /** A sealed document puts the date 4 characters from the right and centres the signer over it (7.3.5.1). */
  hasSeal?: boolean;
}

export const BLANK_DATE = '　　年　　月　　日';

/**
 * 署名 and 成文日期 per GB/T 9704 7.3.5: unsealed, the signer sits 2 characters from the right and the
 * date starts 2 characters to the right of the signer's first character (more room for the signer when the
 * date is longer); sealed, the date sits 4 characters from the right with the signer centred over it.
 */
export function createSignatureBlock(options: SignatureOptions): Paragraph[] {
  const date = options.date === null ? BLANK_DATE : formatChineseDate(options.date);
  const dateWidth = measureFullWidth(date);
  const signerWidth = Math.max(...options.signers.map(measureFullWidth), 0);
  let signerRight: number;
  let dateRight: number;
  if (options.hasSeal === true) {
    dateRight = 4;
    signerRight = Math.max(0, dateRight + (dateWidth - signerWidth) / 2);
  } else {
    dateRight = Math.max(2, signerWidth - dateWidth);
    signerRight = dateRight + dateWidth + 2 - signerWidth;
  }
  const line = (text: string, right: number): Paragraph =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(right * CHARACTER_WIDTH) },
      keepNext: true,
      keepLines: true,
      children: [new TextRun(text)],
    });
  // One blank line under the text; a seal needs two more lines of room above the signer.
  const spacer = Array.from(
    { length: options.hasSeal === true ? 3 : 1 },
    () => new Paragraph({ children: [], keepNext: true }),
  );
  return [...spacer, ...options.signers.map((signer) => line(signer, signerRight)), line(date, dateRight)];
}

/**
 * 附件说明 (7.3.4): 附件：1.名称, the following names under the first, wrapped names aligned with their
 * first character; no punctuation after the names.
 */
export function createAttachmentList(names: string[]): Paragraph[] {
  if (names.length === 0) return [];
  const label = 5 * CHARACTER_WIDTH; // 空二字 + 附件：
  if (names.length === 1) {
    return [
      createBlankLine(),
      new Paragraph({
        indent: { left: label, hanging: 3 * CHARACTER_WIDTH },
        children: [new TextRun(`附件：${names[0]}`)],
      }),
    ];
  }
  const numberWidth = CHARACTER_WIDTH * (String(names.length).length + 1) * 0.5;
  return [
    createBlankLine(),
    ...names.map(
      (name, index) =>
        new Paragraph({
          indent: {
            left: Math.round(label + numberWidth),
            hanging: Math.round(numberWidth + (index === 0 ? 3 * CHARACTER_WIDTH : 0)),
          },
          children: [new TextRun(`${index === 0 ? '附件：' : ''}${index + 1}.${name}`)],
        }),
    ),
  ];
}

/**
 * The head of an attachment (8): on a new page, 附件N in 3号黑体 flush left on the first line, the
 * attachment's title centred on the third.
 */
export function createAnnexHeading(index: number | undefined, title: string): Paragraph[] {
  return [
    new Paragraph({
      pageBreakBefore: true,
      children: [new TextRun({ text: index === undefined ? '附件' : `附件${index}`, font: fontFor(FONT.heading) })],
    }),
    createBlankLine(),
    new Paragraph({ style: 'Title', spacing: { after: 290 }, children: [new TextRun(title)] }),
  ];
}

/** 注：… in 仿宋, a paragraph set apart from the text (used for the 待核实 note and drafting notes). */
export function createNote(text: string, options: { label?: string } = {}): Paragraph {
  const label = options.label ?? '注：';
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT_TWO_CHARACTERS },
    children: [new TextRun({ text: label, font: fontFor(FONT.heading) }), new TextRun(text)],
  });
}

// ---- Cover page (manuals and reports: the body restarts at page 1 after it).

export interface CoverOptions {
  title: string;
  subtitle?: string;
  /** Label/value lines: 委托单位, 服务单位, 稿次… */
  fields: [string, string][];
  /** The unit that issues or prepares the document, at the foot of the cover. */
  issuer: string;
  date: CivilDate | null;
}

export function createCoverPage(options: CoverOptions): FileChild[] {
  const noBorder = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const borders = {
    top: noBorder,
    bottom: noBorder,
    left: noBorder,
    right: noBorder,
    insideHorizontal: noBorder,
    insideVertical: noBorder,
  };
  const fieldTable = new Table({
    alignment: AlignmentType.CENTER,
    width: { size: 7000, type: WidthType.DXA },
    columnWidths: [2000, 5000],
    borders,
    rows: options.fields.map(
      ([label, value]) =>
        new TableRow({
          children: [
            new TableCell({
              width: { size: 2000, type: WidthType.DXA },
              borders: { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder },
              children: [
                new Paragraph({
                  alignment: AlignmentType.DISTRIBUTE,
                  children: [new TextRun({ text: label, font: fontFor(FONT.heading) })],
                }),
              ],
            }),
            new TableCell({
              width: { size: 5000, type: WidthType.DXA },
              borders: {
                top: noBorder,
                left: noBorder,
                right: noBorder,
                bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
              },
              children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(value)] })],
            }),
          ],
        }),
    ),
  });
  // The cover fills one page: what is left of its 22 lines after the content is shared out as space,
  // a little more above the title than between the blocks. A 一号 title line takes 45 pt, 17 characters.
  const titleLines =
    options.title.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(measureFullWidth(line) / 17)), 0) *
    (900 / LINE_PITCH);
  const content = titleLines + (options.subtitle ? 1 : 0) + options.fields.length * 1.2 + 2;
  const spare = Math.max(3, Math.floor(LINES_PER_PAGE - content - 1));
  const top = Math.ceil(spare * 0.4);
  const middle = Math.floor((spare - top) / 2);
  const bottom = spare - top - middle;
  return [
    ...Array.from({ length: top }, createBlankLine),
    new Paragraph({
      style: 'Title',
      spacing: { line: 900, lineRule: LineRuleType.EXACT, after: 0 },
      children: options.title
        .split('\n')
        .flatMap((line, index) => [new TextRun({ text: line, size: SIZE.一号, ...(index > 0 ? { break: 1 } : {}) })]),
    }),
    ...(options.subtitle
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: options.subtitle, font: fontFor(FONT.kai) })],
          }),
        ]
      : []),
    ...Array.from({ length: middle }, createBlankLine),
    fieldTable,
    ...Array.from({ length: bottom }, createBlankLine),
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [new TextRun(options.issuer)] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun(options.date === null ? BLANK_DATE : formatChineseDate(options.date))],
    }),
  ];
}

// ---- Tables: 仿宋 五号 (or smaller for wide tables), 黑体 header repeated on every page.

export type CellContent = string | ParagraphChild[];

export interface TableColumn {
  header: string;
  /** Relative width; the table fills the text block. */
  weight: number;
  align?: 'left' | 'center';
}

export interface DataTableOptions {
  columns: readonly TableColumn[];
  rows: readonly CellContent[][];
  /** Half-points; 五号 by default, 小五 for the 13-column landscape list. */
  fontSize?: number;
  /** Twips; the portrait text block by default. */
  width?: number;
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };
const TABLE_BORDERS = {
  top: THIN,
  bottom: THIN,
  left: THIN,
  right: THIN,
  insideHorizontal: THIN,
  insideVertical: THIN,
};

function distributeWidths(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  const widths = weights.map((weight) => Math.floor((weight / sum) * total));
  widths[widths.length - 1] = (widths.at(-1) ?? 0) + total - widths.reduce((acc, width) => acc + width, 0);
  return widths;
}

function cellParagraphs(
  content: CellContent,
  options: { size: number; align: 'left' | 'center'; isHeader: boolean },
): Paragraph[] {
  const alignment = options.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
  // Table text is set solid (no body character spacing) at 1.25 × its size. The TableText style says so
  // for 五号; other sizes say it on each paragraph. (Fewer properties per cell: a 200-page report has
  // tens of thousands of cells, and the docx writer's time grows with every XML element.)
  const isStyleSize = options.size === SIZE.五号;
  const paragraph = {
    style: STYLE_TABLE_TEXT,
    alignment,
    ...(isStyleSize ? {} : { spacing: { line: Math.round(options.size * 12.5), lineRule: LineRuleType.EXACT } }),
  };
  const runOptions = {
    ...(isStyleSize ? {} : { size: options.size }),
    ...(options.isHeader ? { font: fontFor(FONT.heading) } : {}),
  };
  if (typeof content !== 'string') return [new Paragraph({ ...paragraph, children: content })];
  return content
    .split('\n')
    .map((line) => new Paragraph({ ...paragraph, children: [new TextRun({ text: line, ...runOptions })] }));
}

export function createTableCell(
  content: CellContent,
  options: {
    width: number;
    size: number;
    align?: 'left' | 'center';
    isHeader?: boolean;
    columnSpan?: number;
    shading?: string;
  },
): TableCell {
  return new TableCell({
    width: { size: options.width, type: WidthType.DXA },
    columnSpan: options.columnSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    shading: options.shading
      ? { fill: options.shading, color: 'auto', type: 'clear' }
      : options.isHeader
        ? { fill: 'E7E6E6', color: 'auto', type: 'clear' }
        : undefined,
    children: cellParagraphs(content, {
      size: options.size,
      align: options.align ?? 'left',
      isHeader: options.isHeader === true,
    }),
  });
}

/** A ruled table with a header row that repeats on every page. */
export function createDataTable(options: DataTableOptions): Table {
  const size = options.fontSize ?? SIZE.五号;
  const total = options.width ?? TEXT_BLOCK_WIDTH;
  const widths = distributeWidths(
    options.columns.map((column) => column.weight),
    total,
  );
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: options.columns.map((column, index) =>
      createTableCell(column.header, { width: widths[index] ?? 0, size, align: 'center', isHeader: true }),
    ),
  });
  const rows = options.rows.map(
    (cells) =>
      new TableRow({
        // A row stays on one page, as a reader of a printed table expects.
        cantSplit: true,
        children: options.columns.map((column, index) =>
          createTableCell(cells[index] ?? '', { width: widths[index] ?? 0, size, align: column.align ?? 'left' }),
        ),
      }),
  );
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    borders: TABLE_BORDERS,
    margins: CELL_MARGINS,
    rows: [header, ...rows],
  });
}

export interface FormCell {
  text: CellContent;
  /** Grid columns the cell spans. */
  span?: number;
  isLabel?: boolean;
}

export interface FormTableOptions {
  /** Relative widths of the grid columns. */
  grid: readonly number[];
  rows: readonly { cells: readonly FormCell[]; /** Twips; room to write by hand. */ height?: number }[];
  fontSize?: number;
}

const FORM_ROW_HEIGHT = 567;

/** A form (通知单, 移送函回执, 记录表): label cells in 黑体, blank cells to fill in by hand. */
export function createFormTable(options: FormTableOptions): Table {
  const size = options.fontSize ?? SIZE.小四;
  const widths = distributeWidths(options.grid, TEXT_BLOCK_WIDTH);
  const rows = options.rows.map((row) => {
    let column = 0;
    const cells = row.cells.map((cell) => {
      const span = cell.span ?? 1;
      const width = widths.slice(column, column + span).reduce((sum, value) => sum + value, 0);
      column += span;
      return createTableCell(cell.text, {
        width,
        size,
        align: cell.isLabel ? 'center' : 'left',
        isHeader: cell.isLabel === true,
        columnSpan: span > 1 ? span : undefined,
        shading: cell.isLabel ? 'F2F2F2' : undefined,
      });
    });
    // At least 1 cm a row: forms are filled in by hand.
    return new TableRow({
      cantSplit: true,
      height: { value: row.height ?? FORM_ROW_HEIGHT, rule: 'atLeast' },
      children: cells,
    });
  });
  return new Table({
    width: { size: TEXT_BLOCK_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: TABLE_BORDERS,
    margins: CELL_MARGINS,
    rows,
  });
}

/** A bar of `fraction` (0–1) drawn in block characters, for questionnaire tables. */
export function drawBar(fraction: number, fullWidth = 20): string {
  const cells = Math.round(Math.min(1, Math.max(0, fraction)) * fullWidth);
  return '█'.repeat(cells);
}

// ---- Page numbers (7.5): 4号宋体 Arabic numerals between 一字线, "— 1 —"; odd pages right, even pages
// left, one character in from the edge of the text block — the outside edge once printed on both sides.

function createPageNumberFooter(side: 'odd' | 'even'): Footer {
  const oneCharacter = SIZE.四号 * 10; // 14 pt in twips
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneCharacter } : { left: oneCharacter },
        spacing: { line: 320, lineRule: LineRuleType.EXACT },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: fontFor(FONT.pageNumber),
            size: SIZE.四号,
            characterSpacing: 0,
          }),
        ],
      }),
    ],
  });
}

function createEmptyFooter(): Footer {
  return new Footer({ children: [new Paragraph({ children: [] })] });
}

// ---- Packing

export interface OfficialSection {
  /** Landscape for wide tables (GB/T 9704 9.1: 横排表格); the text block keeps its 156 × 225 mm, turned. */
  orientation?: 'portrait' | 'landscape';
  children: FileChild[];
}

export interface OfficialDocumentInput {
  title: string;
  /** Who the document is attributed to in its properties (the drafting lawyer or the issuing body). */
  author: string;
  /** The document's date for its properties; a template not yet dated has none. */
  date?: CivilDate;
  /**
   * The marks the generator wrote. Required, so no generator can forget the note: when any item was
   * marked 【待核实】, the document ends with the note explaining the mark.
   */
  marks: UnverifiedMarks;
  /** Cover page on its own, unnumbered; the body then starts at page 1. */
  cover?: FileChild[];
  sections: OfficialSection[];
}

function sectionProperties(orientation: 'portrait' | 'landscape', startAtOne: boolean): ISectionOptions['properties'] {
  const isLandscape = orientation === 'landscape';
  return {
    page: {
      // docx swaps width and height for a landscape page.
      size: {
        width: PAGE_WIDTH,
        height: PAGE_HEIGHT,
        orientation: isLandscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      // Turned a quarter, the binding edge is the top of a landscape page and the 37-mm top margin its right.
      margin: isLandscape
        ? {
            top: MARGIN.left,
            bottom: MARGIN.right,
            left: MARGIN.bottom,
            right: MARGIN.top,
            footer: FOOTER_DISTANCE,
            header: 851,
          }
        : {
            top: MARGIN.top,
            bottom: MARGIN.bottom,
            left: MARGIN.left,
            right: MARGIN.right,
            footer: FOOTER_DISTANCE,
            header: 851,
          },
      ...(startAtOne ? { pageNumbers: { start: 1 } } : {}),
    },
    // The pitch equals the exact line spacing; no grid type, see BODY_CHARACTER_SPACING.
    grid: { linePitch: LINE_PITCH },
  };
}

/** Packs an A4 official document: page setup, styles, fonts, page-number footers, properties. */
export async function packOfficialDocument(input: OfficialDocumentInput): Promise<Buffer> {
  if (input.sections.length === 0) throw new RangeError('a document needs at least one section');
  const lastIndex = input.sections.length - 1;
  const sections: ISectionOptions[] = [];
  if (input.cover) {
    const empty = createEmptyFooter();
    sections.push({
      properties: sectionProperties('portrait', false),
      footers: { default: empty, even: createEmptyFooter() },
      children: input.cover,
    });
  }
  input.sections.forEach((section, index) => {
    const children =
      index === lastIndex && input.marks.count > 0
        ? [...section.children, createBlankLine(), createNote(describeUnverifiedMarks(input.marks.count))]
        : section.children;
    sections.push({
      properties: sectionProperties(section.orientation ?? 'portrait', index === 0 && input.cover !== undefined),
      footers: { default: createPageNumberFooter('odd'), even: createPageNumberFooter('even') },
      children,
    });
  });

  const document = new Document({
    title: input.title,
    creator: input.author,
    lastModifiedBy: input.author,
    evenAndOddHeaderAndFooters: true,
    styles: createStyles(),
    sections,
  });
  return Packer.toBuffer(document, false, [
    { path: 'docProps/core.xml', data: renderCoreProperties(input) },
    { path: 'word/fontTable.xml', data: renderFontTable() },
  ]);
}

function createStyles(): ConstructorParameters<typeof Document>[0]['styles'] {
  // 一、 and （一） stand alone and stay with what follows; 1. and （1） usually run on into their text, so
  // keeping them whole or with the next paragraph would push long passages to the next page.
  const headingParagraph = { indent: { firstLine: INDENT_TWO_CHARACTERS }, keepNext: true, keepLines: true };
  const runInHeadingParagraph = { indent: { firstLine: INDENT_TWO_CHARACTERS } };
  return {
    default: {
      document: {
        run: {
          font: fontFor(FONT.body),
          size: SIZE.三号,
          sizeComplexScript: SIZE.三号,
          characterSpacing: BODY_CHARACTER_SPACING,
          language: { value: 'zh-CN', eastAsia: 'zh-CN' },
        },
        paragraph: { spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
      },
      title: {
        run: {
          font: fontFor(FONT.title),
          size: SIZE.二号,
          sizeComplexScript: SIZE.二号,
          characterSpacing: 0,
          bold: false,
          color: '000000',
        },
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          keepNext: true,
        },
      },
      heading1: {
        run: { font: fontFor(FONT.heading), size: SIZE.三号, bold: false, color: '000000' },
        paragraph: headingParagraph,
      },
      heading2: {
        run: { font: fontFor(FONT.kai), size: SIZE.三号, bold: false, color: '000000' },
        paragraph: headingParagraph,
      },
      heading3: {
        run: { font: fontFor(FONT.body), size: SIZE.三号, bold: true, color: '000000' },
        paragraph: runInHeadingParagraph,
      },
      heading4: {
        run: { font: fontFor(FONT.body), size: SIZE.三号, bold: false, color: '000000' },
        paragraph: runInHeadingParagraph,
      },
    },
    paragraphStyles: [
      {
        id: STYLE_CHAPTER,
        name: 'Chapter',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: fontFor(FONT.heading), size: SIZE.三号 },
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { before: LINE_PITCH, after: 0 },
          keepNext: true,
          keepLines: true,
          outlineLevel: 0,
        },
      },
      {
        id: STYLE_TABLE_TEXT,
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: SIZE.五号, characterSpacing: 0 },
        paragraph: { spacing: { line: 263, lineRule: LineRuleType.EXACT } },
      },
    ],
  };
}

function renderFontTable(): string {
  const fonts = Object.entries(FONT_FALLBACKS).map(([name, fallbacks]) => {
    const traits = FONT_TABLE_TRAITS[name];
    return [
      `<w:font w:name="${escapeXml(name)}">`,
      fallbacks[0] ? `<w:altName w:val="${escapeXml(fallbacks[0])}"/>` : '',
      traits ? `<w:panose1 w:val="${traits.panose}"/>` : '',
      '<w:charset w:val="86"/>',
      traits ? `<w:family w:val="${traits.family}"/><w:pitch w:val="${traits.pitch}"/>` : '',
      '</w:font>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">',
    ...fonts,
    '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>',
    '</w:fonts>',
  ].join('');
}

function renderCoreProperties(input: OfficialDocumentInput): string {
  const stamp = input.date
    ? instantOfCivilDate(input.date)
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z')
    : null;
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
