import { AlignmentType, BorderStyle, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { type CivilDate } from '@gongzhi/domain';
import { formatChineseDate, toChineseNumeral } from './chinese-text';
import { BODY_FONT, createBodyParagraphs, createHeading, createTitle, FONT_SIZE, fontFor, HEADING_FONT, packWordDocument } from './word-layout';

export interface DeliverableSection {
  heading: string;
  /** Plain text; each line becomes a paragraph. */
  body: string;
}

export interface DeliverableDraftInput {
  engagementName: string;
  clientName: string;
  /** Set when the deliverable belongs to one community (a convention review, a community report). */
  communityName?: string;
  title: string;
  /** 1 for the first draft; a revision requested in review increments it. */
  revision: number;
  preparedBy: string;
  date: CivilDate;
  sections: DeliverableSection[];
}

// A heading a lawyer already numbered (一、 / 第一章 / 1. / （一）) keeps its own number.
const NUMBERED_HEADING = /^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十百\d]+[章节部分条]|\d+[.、．]|（[一二三四五六七八九十]+）)/;

/**
 * Any deliverable a lawyer drafts (service plan, research report, manual chapter…): a cover page
 * that says what, for whom and which draft, then the sections in order.
 */
export async function renderDeliverableDraft(input: DeliverableDraftInput): Promise<Buffer> {
  if (!Number.isInteger(input.revision) || input.revision < 1) throw new RangeError(`revision must be a positive integer, got ${input.revision}`);
  const revisionLabel = `第${toChineseNumeral(input.revision)}稿`;
  const coverRows: [string, string][] = [
    ['项目名称', input.engagementName],
    ['委 托 方', input.clientName],
    ...(input.communityName ? ([['社　　区', input.communityName]] as [string, string][]) : []),
    ['稿　　次', revisionLabel],
    ['日　　期', formatChineseDate(input.date)],
    ['起 草 人', input.preparedBy],
  ];

  const cover = [
    new Paragraph({ children: [], spacing: { before: 2400 } }),
    createTitle(input.title),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 1200 },
      children: [new TextRun({ text: `（${revisionLabel}·征求意见稿）`, font: fontFor(BODY_FONT), size: FONT_SIZE.三号 })],
    }),
    createCoverTable(coverRows),
    new Paragraph({ children: [new PageBreak()] }),
  ];

  const body = input.sections.flatMap((section, index) => [
    createHeading(NUMBERED_HEADING.test(section.heading.trim()) ? section.heading.trim() : `${toChineseNumeral(index + 1)}、${section.heading.trim()}`),
    ...createBodyParagraphs(section.body),
  ]);

  return packWordDocument({
    title: input.title,
    author: input.preparedBy,
    date: input.date,
    hasCoverPage: true,
    children: [...cover, ...body],
  });
}

// A borderless two-column table keeps the cover's labels and values aligned in every Word version,
// which tab stops with CJK full-width characters do not.
function createCoverTable(rows: [string, string][]): Table {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const borders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
  return new Table({
    alignment: AlignmentType.CENTER,
    width: { size: 8000, type: WidthType.DXA },
    columnWidths: [1900, 6100],
    borders,
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          children: [
            new TableCell({
              width: { size: 1900, type: WidthType.DXA },
              children: [new Paragraph({ children: [new TextRun({ text: `${label}：`, font: fontFor(HEADING_FONT), size: FONT_SIZE.四号 })], spacing: { before: 200, after: 20 } })],
            }),
            new TableCell({
              width: { size: 6100, type: WidthType.DXA },
              borders: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000' } },
              children: [new Paragraph({ children: [new TextRun({ text: value, size: FONT_SIZE.四号 })], spacing: { before: 200, after: 20 } })],
            }),
          ],
        }),
    ),
  });
}
