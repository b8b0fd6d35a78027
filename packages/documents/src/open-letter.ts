import { type CivilDate } from '@gongzhi/domain';
import { toChineseNumeral } from './chinese-text';
import {
  createParagraph,
  createParagraphs,
  createSignatureBlock,
  createTitleBlock,
  FONT,
  fontFor,
  packOfficialDocument,
  run,
} from './gbt9704';
import { UnverifiedMarks, type VerifiableText } from './unverified';

/** 倡议书/公开信 (the moral tier), per legal-facts D.6. */
export interface OpenLetterInput {
  communityName: string;
  /** 公开信 (a letter to residents) or 倡议书 (an appeal); 公开信 when omitted. */
  kind?: '公开信' | '倡议书';
  /** For a 倡议书 the subject of its title: 关于{topic}的倡议书, e.g. 规范电动自行车停放充电. */
  topic?: string;
  /** What is happening and why it matters to residents; each line becomes a paragraph. */
  problem: string;
  /** Provisions quoted verbatim, each naming its source, e.g. 《北京市物业管理条例》第七十八条…… */
  legalBasis: VerifiableText[];
  /** What residents are asked to do, in order; numbered 一、二、… in the letter. */
  requests: VerifiableText[];
  /** Who signs: the residents' committee, often jointly with the property company (one signer per line). */
  issuer: string | string[];
  date: CivilDate;
  /** The number residents call; 12345 (the city's hotline) is always named as well. */
  hotline?: string;
  /** The street office or township a persisting problem is referred to; 街道（乡镇） when omitted. */
  government?: string;
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
  if (input.kind === '倡议书' && !input.topic) throw new RangeError('a 倡议书 needs a topic for its title');
  const marks = new UnverifiedMarks();
  const hotline = input.hotline ?? CITY_HOTLINE;
  const signers = typeof input.issuer === 'string' ? [input.issuer] : input.issuer;
  const title = input.kind === '倡议书' ? `关于${input.topic}的倡议书` : `致${input.communityName}居民的公开信`;
  const hotlineText = hotline === CITY_HOTLINE ? '12345市民服务热线' : `${hotline}或者12345市民服务热线`;
  const government = input.government ?? '街道（乡镇）';

  const legalBasis =
    input.legalBasis.length === 0
      ? []
      : [
          createParagraph('根据有关法律法规的规定：'),
          ...input.legalBasis.map((provision) => createParagraph(marks.runs(provision, { font: FONT.kai }))),
        ];

  return packOfficialDocument({
    title,
    author: signers.join('、'),
    date: input.date,
    marks,
    sections: [
      {
        children: [
          ...createTitleBlock({ title, addressee: `${input.communityName}各位居民朋友` }),
          ...createParagraphs(input.problem),
          ...legalBasis,
          createParagraph(
            `为维护社区良好秩序，保障大家的安全和合法权益，我们向全体居民${input.kind === '倡议书' ? '发出如下倡议' : '倡议'}：`,
          ),
          ...input.requests.map((request, index) =>
            createParagraph([run(`${toChineseNumeral(index + 1)}、`), ...marks.runs(request)]),
          ),
          createParagraph(
            `对经劝导仍不改正的，社区居民委员会将依照《${input.communityName}居民公约》组织协商、开展专项治理；涉嫌违反法律法规的，将报请${government}和有关职能部门依法查处，由此产生的法律责任由行为人承担。`,
          ),
          createParagraph(
            `如您发现上述问题，或者对社区治理有意见和建议，欢迎向社区居民委员会反映，也可以拨打${hotlineText}反映。`,
          ),
          createParagraph([
            run('让我们从自身做起、从现在做起，共同建设安全、整洁、文明、和谐的美好家园！', {
              font: fontFor(FONT.body),
            }),
          ]),
          ...createSignatureBlock({ signers, date: input.date }),
        ],
      },
    ],
  });
}
