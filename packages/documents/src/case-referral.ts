import { type CivilDate } from '@gongzhi/domain';
import { AlignmentType } from 'docx';
import { formatChineseDate } from './chinese-text';
import { type ClientProfile, termsFor } from './client-terms';
import { blank, BLANK_DATE, createFormTable, createHeading, createPageBreak, createParagraph, createSignatureBlock, createTitleBlock, CUT_LINE, packOfficialDocument, run } from './gbt9704';
import { UnverifiedMarks, type VerifiableText } from './unverified';

/** One step of the case before the referral, as the letter recounts it. */
export interface CaseReferralStep {
  on: CivilDate;
  /** What it was: 发布倡议书, 入户劝导, 按居民公约处理, 矛盾纠纷调解 … */
  what: string;
  /** What was done, in the recorder's words. */
  detail: string;
}

/** The catalogue item the case is: what the letter cites, flagged where the knowledge doubts it. */
export interface CaseReferralViolation {
  title: string;
  prohibitions: VerifiableText[];
  penalties: VerifiableText[];
  /** Who enforces it, for this client (the catalogue's division). */
  enforcer: VerifiableText;
}

/** 案件移送函 for one community problem case at the rule-of-law tier (法治). */
export interface CaseReferralInput {
  client: ClientProfile;
  /** The department it goes to. */
  department: string;
  /** The day it is referred: the letter's date. */
  date: CivilDate;
  communityName: string;
  place: string;
  /** The problem as reported (its title). */
  title: string;
  description: string;
  foundOn: CivilDate;
  /** What the moral and self-governance tiers did, oldest first. */
  history: CaseReferralStep[];
  /** Null: outside the catalogue (the lawyer names the provisions by hand). */
  violation: CaseReferralViolation | null;
  /** Business days the department has to accept, and to reply once accepted (the case's periods). */
  acceptDays: number;
  replyDays: number;
  /** A referral made again after the department sent it back or after its reply did not resolve it. */
  isRepeat?: boolean;
  /** 文号 abbreviation, e.g. 和平里; the client's short name when omitted. */
  numberPrefix?: string;
}

const withoutFullStop = (text: string) => text.replace(/[。；;.\s]+$/u, '');

/**
 * 案件移送函 as the joint-enforcement plan's 案件移送 clause asks (its attachment 2, filled in from the
 * case): the facts, what the moral and self-governance tiers did, the violation with its prohibiting
 * and penalty provisions and enforcer from the catalogue (each flagged 待核实 as the knowledge flags it),
 * the time limits, the materials, the seal; then the receipt the department returns and a record of
 * the steps taken, dated.
 */
export async function renderCaseReferral(input: CaseReferralInput): Promise<Buffer> {
  const marks = new UnverifiedMarks();
  const terms = termsFor(input.client.kind);
  const prefix = input.numberPrefix ?? input.client.shortName;
  const year = input.date.slice(0, 4);
  const number = `${prefix}移〔${year}〕${blank(2)}号`;
  const { violation } = input;
  const citations = (items: VerifiableText[]) => items.flatMap((item, index) => [...(index > 0 ? [run('、')] : []), ...marks.runs(item)]);
  const tried = input.history.length > 0;

  const body = [
    createParagraph(number, { alignment: AlignmentType.RIGHT, isIndented: false }),
    createParagraph(`${input.department}：`, { isIndented: false }),
    createParagraph(
      `我${terms.short}在开展社区治理工作中，于${formatChineseDate(input.foundOn)}发现${input.communityName}${input.place}存在以下问题：${withoutFullStop(input.title)}。${input.description ? `${withoutFullStop(input.description)}。` : ''}`,
    ),
    createParagraph(
      tried
        ? `此前，社区已依照“德治、自治、法治”相结合的工作机制先行处理（经过见附表），问题仍未解决${input.isRepeat ? '；本案曾移送处理，现再次移送' : ''}。`
        : `该问题情节紧急或者已超出社区自治处理范围，未经前置处理直接移送${input.isRepeat ? '；本案曾移送处理，现再次移送' : ''}。`,
    ),
    violation
      ? createParagraph([
          run(`经初步核查，该行为涉嫌违反`),
          ...citations(violation.prohibitions),
          run('的规定，依照'),
          ...citations(violation.penalties),
          run('的规定予以查处。依据本项目违法行为查处职权部门清单，执法主体为：'),
          ...marks.runs(violation.enforcer),
          run('。'),
        ])
      : createParagraph(`经初步核查，该行为涉嫌违反${blank(14)}的规定，依照${blank(14)}的规定，属于贵单位管辖。`),
    createParagraph(
      `根据《${input.client.shortName}与区有关职能部门社区治理联动执法方案》关于案件移送的规定，现将该案件移送贵单位依法处理。请于收到本函之日起${input.acceptDays}个工作日内将受理情况书面反馈我${terms.short}（填写所附回执），受理后${input.replyDays}个工作日内反馈处理结果；不属于贵单位职责的，请在回执中说明理由并退回。逾期未反馈的，将按联动执法方案纳入督办和考核。`,
    ),
    createParagraph('随案移送的材料：'),
    createParagraph(`1.问题报告及现场情况说明（共${blank(1)}页）`),
    ...(tried ? [createParagraph(`2.前置处理记录（倡议书、劝导、居民公约处理、调解等，见附表；共${blank(1)}页）`)] : []),
    createParagraph(`${tried ? 3 : 2}.现场照片、视频等证据材料（注明采集时间、地点和采集人；共${blank(1)}页）`),
    createParagraph(`联系人：${blank(6)}　联系电话：${blank(8)}`),
    ...createSignatureBlock({ signers: [input.client.name], date: input.date, hasSeal: true }),
  ];

  // The steps taken, then the receipt the department fills in, cuts off and returns, on a page of their own.
  const receipt = [
    createParagraph('', { isIndented: false }),
    createParagraph(CUT_LINE, { alignment: AlignmentType.CENTER, isIndented: false }),
    createFormTable({
      grid: [2, 3, 2, 3],
      rows: [
        { cells: [{ text: '案件移送回执', isLabel: true, span: 4 }] },
        { cells: [{ text: '移送函编号', isLabel: true }, { text: number }, { text: '接收单位', isLabel: true }, { text: input.department }] },
        { cells: [{ text: '受理情况', isLabel: true }, { text: '□予以受理　□不属于本单位职责，退回（理由：　　　　　　）', span: 3 }] },
        { cells: [{ text: '承办人（科室）', isLabel: true }, { text: '' }, { text: '联系电话', isLabel: true }, { text: '' }] },
        { cells: [{ text: '接收人', isLabel: true }, { text: '' }, { text: '接收时间', isLabel: true }, { text: BLANK_DATE }] },
      ],
    }),
  ];
  const historyTable = tried
    ? [
        createHeading(1, '附表　前置处理经过'),
        createFormTable({
          grid: [4, 3, 9],
          rows: [
            { cells: [{ text: '日期', isLabel: true }, { text: '环节', isLabel: true }, { text: '处理情况', isLabel: true }] },
            ...input.history.map((step) => ({ cells: [{ text: formatChineseDate(step.on) }, { text: step.what }, { text: step.detail }] })),
          ],
        }),
      ]
    : [];

  return packOfficialDocument({
    title: `${input.client.name}案件移送函`,
    author: input.client.name,
    marks,
    sections: [{ children: [...createTitleBlock({ title: `${input.client.name}\n案件移送函` }), ...body, createPageBreak(), ...historyTable, ...receipt] }],
  });
}
