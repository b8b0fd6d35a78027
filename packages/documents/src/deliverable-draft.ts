import { type CivilDate } from '@gongzhi/domain';
import { formatChineseDate, toChineseNumeral } from './chinese-text';
import {
  createCoverPage,
  createHeading,
  createParagraphs,
  createTitleBlock,
  headingNumber,
  packOfficialDocument,
} from './gbt9704';
import { UnverifiedMarks } from './unverified';

export interface DeliverableSection {
  heading: string;
  /** Plain text; each line becomes a paragraph. */
  body: string;
}

/** Any lawyer-drafted deliverable that has no generator of its own. */
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
const NUMBERED_HEADING =
  /^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十百\d]+[章节部分条]|\d+[.、．]|（[一二三四五六七八九十]+）)/;

/**
 * Any deliverable a lawyer drafts: a cover page that says what, for whom and which draft, then the
 * title and the sections in order, numbered 一、二、 unless the lawyer numbered them.
 */
export async function renderDeliverableDraft(input: DeliverableDraftInput): Promise<Buffer> {
  if (!Number.isInteger(input.revision) || input.revision < 1)
    throw new RangeError(`revision must be a positive integer, got ${input.revision}`);
  const revisionLabel = `第${toChineseNumeral(input.revision)}稿`;
  const fields: [string, string][] = [
    ['项目名称', input.engagementName],
    ['委托方', input.clientName],
    ...(input.communityName ? ([['社区', input.communityName]] as [string, string][]) : []),
    ['稿次', revisionLabel],
    ['日期', formatChineseDate(input.date)],
    ['起草人', input.preparedBy],
  ];

  const body = input.sections.flatMap((section, index) => [
    createHeading(
      1,
      NUMBERED_HEADING.test(section.heading.trim())
        ? section.heading.trim()
        : `${headingNumber(1, index + 1)}${section.heading.trim()}`,
    ),
    ...createParagraphs(section.body),
  ]);

  return packOfficialDocument({
    title: input.title,
    author: input.preparedBy,
    date: input.date,
    marks: new UnverifiedMarks(),
    cover: createCoverPage({
      title: input.title,
      subtitle: `（${revisionLabel}·征求意见稿）`,
      fields,
      issuer: input.preparedBy,
      date: input.date,
    }),
    sections: [{ children: [...createTitleBlock({ title: input.title }), ...body] }],
  });
}
