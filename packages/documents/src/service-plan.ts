import { type CivilDate } from '@gongzhi/domain';
import { formatChineseDate, formatChineseDateRange, toChineseNumeral } from './chinese-text';
import { type ClientProfile, termsFor } from './client-terms';
import {
  type CellContent,
  createDataTable,
  createLineBreak,
  createParagraph,
  run,
  createSignatureBlock,
  createTitleBlock,
  HeadingNumbering,
  packOfficialDocument,
} from './gbt9704';
import { UnverifiedMarks, type VerifiableText } from './unverified';

export interface TitledText {
  title: string;
  /** Paragraphs; each may be flagged unverified. */
  body: VerifiableText[];
}

export interface PlanCommunity {
  name: string;
  households?: number;
  residents?: number;
  /** What sets it apart: 老旧小区, 商品房小区, 回迁房… */
  note?: string;
}

export interface PlanTeamMember {
  name: string;
  /** 项目负责人, 主办律师, 协办律师, 督导合伙人 */
  role: string;
  duty: string;
  phone?: string;
}

export interface PlanStage {
  /** 方案与合作, 项目培训, 实地调研… in pipeline order. */
  name: string;
  content: string;
  /** The stage's deliverables; a date or count not yet agreed with the client may be flagged. */
  deliverables: VerifiableText[];
  start: CivilDate;
  end: CivilDate;
}

/** 项目法律服务方案 (stage 1): what the firm will do for the client, how, by when. */
export interface ServicePlanInput {
  /** 和平里街道“创新社区治理”法律服务项目 */
  engagementName: string;
  client: ClientProfile;
  firm: { name: string; phone?: string };
  /** The communities covered, in the client's order. */
  communities: PlanCommunity[];
  team: PlanTeamMember[];
  /** 项目背景: the policy background and the client's situation, one paragraph each. */
  background: VerifiableText[];
  /** 服务内容, one titled part each (项目培训, 实地调研, 构建政府依法治理体系…). */
  serviceContent: TitledText[];
  stages: PlanStage[];
  /** 服务方式; the firm's three standard methods when omitted. */
  serviceMethods?: TitledText[];
  /** 风险提示; the firm's two standard notes when omitted. */
  risks?: VerifiableText[];
  /** 预期效果; the firm's four standard outcomes when omitted. */
  expectedOutcomes?: TitledText[];
  /** Date of this draft. */
  date: CivilDate;
  /** 第N稿; 1 when omitted. */
  revision?: number;
}

const STANDARD_METHODS: TitledText[] = [
  {
    title: '实地调研',
    body: [
      '律师团队深入基层政府及社区进行实地调研，通过与基层干部及居委会成员沟通交流，了解、提炼社区治理现状及难题。',
    ],
  },
  {
    title: '座谈探讨',
    body: [
      '针对社区治理常见违法事项（包括但不限于私搭乱建、侵占绿地等）查处的实际操作及现实难点等问题，与基层政府及各职能部门深入交流、探讨，为构建政府部门之间联动执法机制提供支撑。',
    ],
  },
  {
    title: '团队难点分析',
    body: [
      '以基层政府法律顾问提供法律服务为主、律师事务所其他律师组成专业团队提供法律服务为辅的方式开展项目工作。复杂、疑难法律问题及时进行集体“会诊”，确保项目落地实施的合法性。',
    ],
  },
];

const STANDARD_RISKS: VerifiableText[] = [
  '在梳理基层政府及职能部门职权并制作行权手册时，应加强与各部门的沟通，保证手册的实用性。',
  '在指导社区制作社区规范管理手册时，应结合各社区的实际情况及特点进行定制化服务，并指导社区履行公示、居民会议表决、备案等法定民主程序，确保制度合法有效。',
];

const STANDARD_OUTCOMES: TitledText[] = [
  {
    title: '厘清行政机关社区治理的职权边界，确保依法行政',
    body: [
      '明晰基层政府与各职能部门在社区治理中的职责边界，构建查处社区违法行为的联动机制，提高违法行为查处效率，避免行政风险。',
    ],
  },
  {
    title: '完善社区自治体系，提升社区自治组织治理水平',
    body: [
      '建立健全民主选举、民主决策、民主管理、民主监督四个模块的居民规范管理制度，对居民委员会工作人员违规操作的经济和民事责任作出契约性规定，让社区自治步入法治轨道。',
    ],
  },
  {
    title: '规范居民行为，培养规则意识',
    body: ['通过有序参与社区管理和系列宣传活动，使纸面制度内化为居民的行为指引，在全社区形成良好的文化氛围。'],
  },
  {
    title: '构建和谐社区',
    body: ['通过德治引导、自治规范和联动查处，减少社区违法行为，有效化解社区矛盾纠纷，增强社区居民的幸福感、安全感。'],
  },
];

/**
 * 项目法律服务方案: background, scope (the client and its communities), team, service content, the work
 * plan (a table of stages with their deliverables and dates), methods, risks and expected outcomes.
 */
export async function renderServicePlan(input: ServicePlanInput): Promise<Buffer> {
  const revision = input.revision ?? 1;
  if (!Number.isInteger(revision) || revision < 1)
    throw new RangeError(`revision must be a positive integer, got ${revision}`);
  if (input.stages.length === 0) throw new RangeError('a service plan needs at least one stage');
  const marks = new UnverifiedMarks();
  const numbering = new HeadingNumbering();
  const terms = termsFor(input.client.kind);
  const { client } = input;
  const first = input.stages[0];
  const last = input.stages.at(-1);

  const titled = (parts: TitledText[]) =>
    parts.flatMap((part) => [
      numbering.heading(2, part.title),
      ...part.body.map((paragraph) => createParagraph(marks.runs(paragraph))),
    ]);

  const communityRows: CellContent[][] = input.communities.map((community, index) => [
    String(index + 1),
    community.name,
    community.households === undefined ? '' : String(community.households),
    community.residents === undefined ? '' : String(community.residents),
    community.note ?? '',
  ]);
  const teamRows: CellContent[][] = input.team.map((member) => [
    member.name,
    member.role,
    member.duty,
    member.phone ?? '',
  ]);
  const stageRows: CellContent[][] = input.stages.map((stage, index) => [
    String(index + 1),
    stage.name,
    stage.content,
    stage.deliverables.flatMap((deliverable, deliverableIndex) => [
      ...(deliverableIndex > 0 ? [createLineBreak()] : []),
      ...marks.runs(deliverable),
    ]),
    formatChineseDateRange(stage.start, stage.end),
  ]);

  const children = [
    ...createTitleBlock({
      title: `${client.shortName}“创新社区治理”\n项目法律服务方案`,
      subtitle: `（第${toChineseNumeral(revision)}稿）`,
      addressee: client.name,
    }),
    createParagraph(
      `受${client.name}委托，${input.firm.name}拟为${client.shortName}及辖区${input.communities.length}个社区提供基层治理规范化法治化之“创新社区治理”法律服务（${input.engagementName}）。为全面、详细地介绍项目服务背景、服务内容及工作计划，明确项目各阶段、各环节的工作成果，特制定本方案。`,
    ),
    numbering.heading(1, '项目背景'),
    ...input.background.map((paragraph) => createParagraph(marks.runs(paragraph))),
    numbering.heading(1, '服务对象和范围'),
    createParagraph(
      `本项目的服务对象为${client.name}（以下简称“${client.shortName}”）及辖区${input.communities.length}个社区居民委员会。服务范围涵盖${client.shortName}领导班子及相关科室、${terms.enforcementTeam}，各社区党组织、居民委员会、居民代表，以及业主大会、业主委员会（物业管理委员会）和物业服务企业。服务社区如下：`,
    ),
    createDataTable({
      columns: [
        { header: '序号', weight: 1, align: 'center' },
        { header: '社区', weight: 4 },
        { header: '户数', weight: 2, align: 'center' },
        { header: '常住人口', weight: 2, align: 'center' },
        { header: '备注', weight: 5 },
      ],
      rows: communityRows,
    }),
    numbering.heading(1, '服务团队'),
    createParagraph(
      `本项目由${input.firm.name}组建专业团队提供服务，以${client.shortName}法律顾问为主、其他律师组成的专业团队为辅，复杂疑难问题提交团队集体“会诊”。团队组成如下：`,
    ),
    createDataTable({
      columns: [
        { header: '姓名', weight: 2, align: 'center' },
        { header: '项目角色', weight: 2, align: 'center' },
        { header: '职责', weight: 6 },
        { header: '联系电话', weight: 3, align: 'center' },
      ],
      rows: teamRows,
    }),
    numbering.heading(1, '服务内容'),
    ...titled(input.serviceContent),
    numbering.heading(1, '工作计划'),
    createParagraph(
      `项目自${first ? formatChineseDate(first.start) : ''}开始，至${last ? formatChineseDate(last.end) : ''}结束，共分${input.stages.length}个阶段。各阶段工作成果经律师事务所合伙人审核、委托方确认后进入下一阶段；涉及社区的工作按社区同步推进。`,
    ),
    createDataTable({
      columns: [
        { header: '序号', weight: 1, align: 'center' },
        { header: '阶段', weight: 3 },
        { header: '工作内容', weight: 7 },
        { header: '阶段成果', weight: 6 },
        { header: '时间安排', weight: 4, align: 'center' },
      ],
      rows: stageRows,
    }),
    numbering.heading(1, '服务方式'),
    ...titled(input.serviceMethods ?? STANDARD_METHODS),
    numbering.heading(1, '风险提示'),
    ...(input.risks ?? STANDARD_RISKS).map((risk) => createParagraph([run(numbering.next(2)), ...marks.runs(risk)])),
    numbering.heading(1, '预期效果'),
    ...titled(input.expectedOutcomes ?? STANDARD_OUTCOMES),
    ...(input.firm.phone ? [createParagraph(`联系电话：${input.firm.phone}`)] : []),
    ...createSignatureBlock({ signers: [input.firm.name], date: input.date }),
  ];

  return packOfficialDocument({
    title: `${client.shortName}“创新社区治理”项目法律服务方案`,
    author: input.firm.name,
    date: input.date,
    marks,
    sections: [{ children }],
  });
}
