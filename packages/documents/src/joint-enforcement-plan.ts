import { AlignmentType } from 'docx';
import { type CivilDate } from '@gongzhi/domain';
import { type ClientProfile, termsFor } from './client-terms';
import {
  blank,
  BLANK_DATE,
  createAnnexHeading,
  createAttachmentList,
  createDataTable,
  createFormTable,
  createParagraph,
  createSignatureBlock,
  createTitleBlock,
  CUT_LINE,
  type FormTableOptions,
  HeadingNumbering,
  packOfficialDocument,
} from './gbt9704';
import { correctionNoticeBody } from './correction-notice';
import { UnverifiedMarks, type VerifiableText } from './unverified';

export interface LeadershipGroup {
  /** 组长, e.g. 街道办事处主任. */
  leader: string;
  deputies: string[];
  /** Member units: 区城市管理委、区住房城乡建设委、区园林绿化局… */
  members: string[];
  /** The office under the group (联动执法办公室): where it sits and who runs it. */
  office: { location: string; director: string; phone?: string };
}

export interface DepartmentDuty {
  department: string;
  duties: VerifiableText[];
}

export interface PriorityProblem {
  /** The catalogue's violation title. */
  problem: string;
  lead: VerifiableText;
  cooperating: VerifiableText;
  measures: VerifiableText;
}

export interface DepartmentSymposium {
  department: string;
  date: CivilDate;
}

/** The plan's own time limits; the client decides them at the symposiums. */
export interface JointEnforcementTimeLimits {
  /** Hours within which a department reports after a whistle (一般事项). */
  reportHours: number;
  /** Hours for urgent matters (安全隐患、正在实施的违法建设). */
  urgentHours: number;
  /** Working days for written feedback after the action. */
  feedbackDays: number;
}

/** 联动执法方案 (stage 4) with its forms, per legal-facts D.3. */
export interface JointEnforcementPlanInput {
  client: ClientProfile;
  /** 成文日期; `null` for a draft not yet issued. */
  date: CivilDate | null;
  /** The law firm that drafted it (document properties). */
  preparedBy: string;
  leadership: LeadershipGroup;
  departments: DepartmentDuty[];
  priorityProblems: PriorityProblem[];
  /** The 座谈探讨 held with each department before drafting (risk note 1). */
  symposiums?: DepartmentSymposium[];
  timeLimits?: JointEnforcementTimeLimits;
  /** 文号 abbreviation for the forms' numbers, e.g. 和联; the client's short name when omitted. */
  numberPrefix?: string;
}

const DEFAULT_LIMITS: JointEnforcementTimeLimits = { reportHours: 24, urgentHours: 2, feedbackDays: 5 };

export const JOINT_ENFORCEMENT_FORMS = [
  '吹哨报到（联动执法）通知单',
  '案件移送函',
  '联合执法记录表',
  '处置情况反馈单',
  '责令限期改正通知书（式样）',
] as const;

/**
 * 联动执法方案: basis; leadership group and office; division of duties; the workflow 发现 → 吹哨 → 报到 →
 * 会商 → 联合执法 → 反馈; priority problems; information sharing, referral and evidence hand-over;
 * supervision and appraisal; then the forms as attachments with blanks to fill in, the last the
 * 责令限期改正通知书 the client issues for a delegated item (with the elements the law requires).
 */
export async function renderJointEnforcementPlan(input: JointEnforcementPlanInput): Promise<Buffer> {
  const marks = new UnverifiedMarks();
  const numbering = new HeadingNumbering();
  const terms = termsFor(input.client.kind);
  const { client, leadership } = input;
  const limits = input.timeLimits ?? DEFAULT_LIMITS;
  const prefix = input.numberPrefix ?? client.shortName;
  const title = `${client.shortName}与区有关职能部门\n社区治理联动执法方案`;

  const consulted =
    input.symposiums && input.symposiums.length > 0
      ? `本方案起草前，已分别与${input.symposiums.map((symposium) => symposium.department).join('、')}座谈探讨违法行为查处的实际操作和难点。`
      : '';

  const children = [
    ...createTitleBlock({ title }),
    createParagraph(
      `为建立${client.shortName}与区有关职能部门查处社区违法行为的联动机制，厘清职责边界，提高违法行为查处效率，推动社区治理合法、高效开展，结合${client.shortName}实际，制定本方案。${consulted}`,
    ),
    numbering.heading(1, '工作依据'),
    createParagraph(
      `${terms.regulationBasis}第五条（街乡吹哨、部门报到）、第十一条（统筹协调、督促职能部门依法履职）、第二十六条（综合执法、案件移送和联合执法）；《中华人民共和国行政处罚法》第二十四条和《北京市人民政府关于向街道办事处和乡镇人民政府下放部分行政执法职权并实行综合执法的决定》（京政发〔2020〕9号）；《北京市接诉即办工作条例》。`,
    ),
    numbering.heading(1, '组织领导'),
    createParagraph(
      `成立${client.shortName}社区治理联动执法工作领导小组。组长：${leadership.leader}；副组长：${leadership.deputies.join('、') || '（待定）'}；成员单位：${leadership.members.join('、')}。`,
    ),
    createParagraph(
      `领导小组下设联动执法办公室，设在${leadership.office.location}，由${leadership.office.director}任办公室主任，负责“吹哨”调度、会商组织、案件移送登记和督办考核等日常工作${leadership.office.phone ? `，联系电话：${leadership.office.phone}` : ''}。`,
    ),
    numbering.heading(1, '职责分工'),
    numbering.heading(2, client.shortName),
    createParagraph(
      `统筹协调辖区社区治理违法行为的查处，对需要多部门协同的事项“吹哨”召集职能部门，组织会商和联合执法，督促职能部门依法履职。`,
    ),
    numbering.heading(2, terms.enforcementTeam),
    createParagraph(
      `依法行使下放${terms.short}的行政执法职权，对职权范围内的违法行为立案查处；发现属于职能部门管辖的，依照本方案移送；参加联合执法。`,
    ),
    ...input.departments.flatMap((department) => [
      numbering.heading(2, department.department),
      ...department.duties.map((duty) => createParagraph(marks.runs(duty))),
    ]),
    numbering.heading(2, '社区居民委员会和物业服务人'),
    createParagraph(
      '对辖区内的违法行为及时劝阻；劝阻无效的，及时向联动执法办公室报告，配合调查取证，协助做好当事人的思想工作。',
    ),
    numbering.heading(1, '工作流程'),
    numbering.heading(3, '发现。', {
      body: '通过网格巡查、社区和物业报告、12345市民服务热线派单、执法检查等渠道发现违法行为，联动执法办公室登记建档。',
    }),
    numbering.heading(3, '吹哨。', {
      body: `属于${terms.short}职权的，由${terms.enforcementTeam}依法查处；需要职能部门处置或者多部门协同的，联动执法办公室填写《吹哨报到（联动执法）通知单》，经领导小组负责人签发后送达职能部门。`,
    }),
    numbering.heading(3, '报到。', {
      body: `职能部门接到通知单后，一般事项${limits.reportHours}小时内、紧急事项${limits.urgentHours}小时内派员到场报到，并在通知单回执上签收。`,
    }),
    numbering.heading(3, '会商。', {
      body: '联动执法办公室组织报到部门会商，明确违法事实、法律依据、管辖部门、处置措施和分工，形成会商意见。',
    }),
    numbering.heading(3, '联合执法。', {
      body: '各部门依照各自职权依法处置，执法人员不少于两人并出示执法证件，现场情况记入《联合执法记录表》。',
    }),
    numbering.heading(3, '反馈。', {
      body: `职能部门应当在处置完毕后${limits.feedbackDays}个工作日内填写《处置情况反馈单》书面反馈；联动执法办公室核实后办结，并向报告的社区和诉求人反馈。`,
    }),
    numbering.heading(1, '重点治理问题'),
    createParagraph(`根据实地调研情况，现阶段重点治理以下${input.priorityProblems.length}类问题：`),
    createDataTable({
      columns: [
        { header: '序号', weight: 1, align: 'center' },
        { header: '问题', weight: 4 },
        { header: '牵头部门', weight: 4 },
        { header: '协同部门', weight: 4 },
        { header: '主要措施', weight: 7 },
      ],
      rows: input.priorityProblems.map((problem, index) => [
        String(index + 1),
        problem.problem,
        marks.runs(problem.lead),
        marks.runs(problem.cooperating),
        marks.runs(problem.measures),
      ]),
    }),
    numbering.heading(1, '信息共享、案件移送与证据移交'),
    numbering.heading(3, '信息共享。', {
      body: '各成员单位明确一名联络员，通过联动执法工作群和网格化管理平台共享违法线索、处置进展和执法结果。',
    }),
    numbering.heading(3, '案件移送。', {
      body: `发现违法行为不属于本单位管辖的，应当制作《案件移送函》，连同证据材料一并移送有管辖权的部门；接收部门应当在${limits.feedbackDays}个工作日内书面反馈受理情况，不得推诿。`,
    }),
    numbering.heading(3, '证据移交。', {
      body: '移送的证据材料应当列明清单，由移送和接收双方签字确认；现场照片、视频等电子证据注明采集时间、地点和采集人。',
    }),
    numbering.heading(1, '监督考核'),
    createParagraph(
      `联动执法办公室对“吹哨”事项的报到、处置和反馈情况逐件登记、定期通报。职能部门未按要求报到或者履职不到位的，依照${terms.regulationBasis}第四十四条报告区人民政府，纳入绩效考评。`,
    ),
    numbering.heading(1, '附则'),
    createParagraph(`本方案自印发之日起施行，由联动执法办公室负责解释。`),
    ...createAttachmentList([...JOINT_ENFORCEMENT_FORMS]),
    ...createSignatureBlock({ signers: [client.name], date: input.date, hasSeal: true }),
    ...createWhistleNotice(prefix, client.name),
    ...createReferralLetter(prefix, client.name, limits.feedbackDays),
    ...createJointActionRecord(),
    ...createFeedbackForm(prefix),
    ...createAnnexHeading(5, JOINT_ENFORCEMENT_FORMS[4]),
    createParagraph(client.name, { alignment: AlignmentType.CENTER, isIndented: false }),
    ...correctionNoticeBody({ client, numberPrefix: `${prefix}责改` }, marks),
  ];

  return packOfficialDocument({
    title: title.replace('\n', ''),
    author: input.preparedBy,
    date: input.date ?? undefined,
    marks,
    sections: [{ children }],
  });
}

const label = (text: string) => ({ text, isLabel: true });
const field = (text = '', span = 1) => ({ text, span });

function createWhistleNotice(prefix: string, clientName: string) {
  const form: FormTableOptions = {
    grid: [2, 3, 2, 3],
    rows: [
      {
        cells: [label('通知单编号'), field(`${prefix}哨〔　　〕　　号`), label('签发时间'), field(`${BLANK_DATE}　时`)],
      },
      { cells: [label('被通知部门'), field('', 3)] },
      { cells: [label('事项名称'), field('', 3)] },
      { cells: [label('发生地点'), field('', 3)] },
      { height: 1600, cells: [label('问题描述'), field('（时间、地点、行为、现状，可附照片）', 3)] },
      { cells: [label('初步法律依据'), field('', 3)] },
      { cells: [label('报到时限'), field('□一般事项　　小时内　□紧急事项　　小时内'), label('报到地点'), field()] },
      { cells: [label('联系人'), field(), label('联系电话'), field()] },
      { cells: [label('签发人'), field(), label('吹哨单位'), field(`${clientName}（盖章）`)] },
      { cells: [{ text: '回　　执', isLabel: true, span: 4 }] },
      { cells: [label('报到部门'), field(), label('报到人员'), field()] },
      { cells: [label('报到时间'), field(`${BLANK_DATE}　时　分`), label('签收人'), field()] },
    ],
  };
  return [...createAnnexHeading(1, JOINT_ENFORCEMENT_FORMS[0]), createFormTable(form)];
}

function createReferralLetter(prefix: string, clientName: string, feedbackDays: number) {
  return [
    ...createAnnexHeading(2, JOINT_ENFORCEMENT_FORMS[1]),
    createParagraph(`${prefix}移〔　　〕　　号`, { alignment: AlignmentType.RIGHT, isIndented: false }),
    createParagraph(`${blank(10)}：`, { isIndented: false }),
    createParagraph(
      `我单位于${BLANK_DATE}在${blank(8)}发现${blank(6)}（当事人）涉嫌${blank(10)}的行为。经初步核查，依据${blank(12)}的规定，该案件属于贵单位管辖。现将该案件移送贵单位依法处理，请于收到本函之日起${feedbackDays}个工作日内将受理情况书面反馈我单位。`,
    ),
    createParagraph('随案移送的材料：'),
    createParagraph(`1.${blank(16)}（共　页）`),
    createParagraph(`2.${blank(16)}（共　页）`),
    createParagraph(`3.${blank(16)}（共　页）`),
    createParagraph(`联系人：${blank(6)}　联系电话：${blank(8)}`),
    ...createSignatureBlock({ signers: [clientName], date: null, hasSeal: true }),
    createParagraph(CUT_LINE, { alignment: AlignmentType.CENTER, isIndented: false }),
    createFormTable({
      grid: [2, 3, 2, 3],
      rows: [
        { cells: [{ text: '案件移送回执', isLabel: true, span: 4 }] },
        { cells: [label('移送函编号'), field(), label('接收单位'), field()] },
        { cells: [label('接收材料'), field('共　　件　　页', 3)] },
        { cells: [label('接收人'), field(), label('接收时间'), field(BLANK_DATE)] },
      ],
    }),
  ];
}

function createJointActionRecord() {
  return [
    ...createAnnexHeading(3, JOINT_ENFORCEMENT_FORMS[2]),
    createFormTable({
      grid: [2, 3, 2, 3],
      rows: [
        { cells: [label('执法时间'), field(`${BLANK_DATE}　时　分至　时　分`, 3)] },
        { cells: [label('执法地点'), field('', 3)] },
        { cells: [label('吹哨通知单编号'), field(), label('牵头单位'), field()] },
        { height: 1000, cells: [label('参加单位及人员（执法证号）'), field('', 3)] },
        { cells: [label('当事人'), field(), label('联系方式'), field()] },
        { height: 1600, cells: [label('现场检查情况及违法事实'), field('', 3)] },
        {
          height: 1200,
          cells: [label('采取的措施'), field('□责令改正　□责令限期改正　□立案调查　□查封、扣押　□移送　□其他：', 3)],
        },
        { height: 1000, cells: [label('处置结果'), field('', 3)] },
        { cells: [label('执法人员签名'), field(), label('当事人签名'), field()] },
        { cells: [label('记录人'), field(), label('见证人'), field()] },
      ],
    }),
  ];
}

function createFeedbackForm(prefix: string) {
  return [
    ...createAnnexHeading(4, JOINT_ENFORCEMENT_FORMS[3]),
    createFormTable({
      grid: [2, 3, 2, 3],
      rows: [
        { cells: [label('反馈单编号'), field(`${prefix}馈〔　　〕　　号`), label('对应通知单/移送函编号'), field()] },
        { cells: [label('反馈部门'), field(), label('反馈时间'), field(BLANK_DATE)] },
        { cells: [label('事项名称'), field('', 3)] },
        { height: 1600, cells: [label('处置情况'), field('（到场时间、人员、采取的措施、法律依据）', 3)] },
        { cells: [label('处置结果'), field('□已办结　□正在办理　□不属于本部门职责（说明理由）', 3)] },
        { height: 1000, cells: [label('后续措施'), field('', 3)] },
        { cells: [label('经办人'), field(), label('负责人'), field()] },
        { cells: [label('反馈部门（盖章）'), field('', 3)] },
      ],
    }),
  ];
}
