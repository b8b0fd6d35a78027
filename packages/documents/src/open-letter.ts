import { Paragraph, TextRun } from 'docx';
import { type CivilDate } from '@gongzhi/domain';
import { formatChineseDate, toChineseNumeral } from './chinese-text';
import { createBodyParagraph, createBodyParagraphs, createSignatureLines, createTitle, fontFor, QUOTE_FONT, packWordDocument } from './word-layout';

export interface OpenLetterInput {
  communityName: string;
  /** What is happening and why it matters to residents; each line becomes a paragraph. */
  problem: string;
  /** Provisions quoted verbatim, each naming its source, e.g. 《北京市物业管理条例》第七十八条…… */
  legalBasis: string[];
  /** What residents are asked to do, in order; numbered 一、二、… in the letter. */
  requests: string[];
  /** Who signs: the residents' committee, often jointly with the property company. */
  issuer: string;
  date: CivilDate;
  /** The number residents call; 12345 (the city's hotline) is always named as well. */
  hotline?: string;
}

const CITY_HOTLINE = '12345';

/**
 * The moral tier (德治) of the interaction mechanism: the first, public step on a community problem.
 * The consequences paragraph names the next two tiers so residents know what follows if the
 * problem persists: treatment under the residents' convention, then referral to the department
 * responsible.
 */
export async function renderOpenLetter(input: OpenLetterInput): Promise<Buffer> {
  if (input.requests.length === 0) throw new RangeError('an open letter needs at least one request');
  const hotline = input.hotline ?? CITY_HOTLINE;
  const title = `致${input.communityName}居民的公开信`;
  const hotlineText = hotline === CITY_HOTLINE ? '12345市民服务热线' : `${hotline}或者12345市民服务热线`;

  const legalBasis =
    input.legalBasis.length === 0
      ? []
      : [
          ...createBodyParagraphs('根据有关法律法规的规定：'),
          ...input.legalBasis.map((provision) => createBodyParagraph([new TextRun({ text: provision, font: fontFor(QUOTE_FONT) })])),
        ];

  return packWordDocument({
    title,
    author: input.issuer,
    date: input.date,
    children: [
      createTitle(title),
      new Paragraph({ children: [new TextRun('各位居民朋友：')], spacing: { before: 240 } }),
      ...createBodyParagraphs(input.problem),
      ...legalBasis,
      ...createBodyParagraphs('为维护社区良好秩序，保障大家的安全和合法权益，我们向全体居民倡议：'),
      ...input.requests.map((request, index) => createBodyParagraph([new TextRun(`${toChineseNumeral(index + 1)}、${request}`)])),
      ...createBodyParagraphs(
        [
          `对经劝导仍不改正的，社区居民委员会将依照《${input.communityName}居民公约》组织协商、开展专项治理；涉嫌违反法律法规的，将报请街道（乡镇）和有关职能部门依法查处，由此产生的法律责任由行为人承担。`,
          `如您发现上述问题，或者对社区治理有意见和建议，欢迎向社区居民委员会反映，也可以拨打${hotlineText}反映。`,
          '让我们从自身做起、从现在做起，共同建设安全、整洁、文明、和谐的美好家园！',
        ].join('\n'),
      ),
      ...createSignatureLines([input.issuer, formatChineseDate(input.date)]),
    ],
  });
}
