import { type CivilDate } from '@gongzhi/domain';
import { formatChineseDate, toChineseNumeral } from './chinese-text';
import { type ClientProfile, termsFor } from './client-terms';
import {
  blank,
  BLANK_DATE,
  createAnnexHeading,
  createArticle,
  createAttachmentList,
  createChapterHeading,
  createCoverPage,
  createDataTable,
  createFormTable,
  createParagraph,
  createSignatureBlock,
  type FormTableOptions,
  packOfficialDocument,
  run,
} from './gbt9704';
import { UnverifiedMarks, type VerifiableText } from './unverified';

export const DEMOCRACY_MODULES = ['民主选举', '民主决策', '民主管理', '民主监督'] as const;
export type DemocracyModule = (typeof DEMOCRACY_MODULES)[number];

export interface ResidentialCompound {
  name: string;
  /** 商品房小区, 老旧小区, 回迁安置房, 单位宿舍 */
  type?: string;
  households?: number;
  /** 业主委员会, 物业管理委员会, or 未成立. */
  ownersBody?: string;
  /** The property service company, or 无物业（居委会托管）. */
  propertyCompany?: string;
}

export interface CommunityProfile {
  /** 和平里北社区 */
  name: string;
  /** 中共和平里北社区委员会, 和平里北社区党支部 */
  partyOrganization: string;
  households: number;
  residents: number;
  /** 居民小组 */
  residentGroups?: number;
  compounds: ResidentialCompound[];
  /** 居委会成员: 主任、副主任、委员. */
  committeeMembers: { name: string; position: string }[];
  /** Sub-committees under the committee (组织法 Art. 13), e.g. 人民调解委员会. */
  subCommittees?: string[];
  /** Features and problems found in research, one paragraph each. */
  features?: VerifiableText[];
}

/** A community problem and who acts on it at each tier (chapter 8). */
export interface CommunityIssue {
  /** The catalogue's violation title. */
  problem: string;
  /** Who dissuades first: 楼门长、物业服务人、网格员. */
  dissuader: string;
  /** The enforcer a report goes to. */
  enforcer: VerifiableText;
}

/** 社区规范管理自治手册 for one community (stage 5), per legal-facts D.5. */
export interface SelfGovernanceHandbookInput {
  client: ClientProfile;
  community: CommunityProfile;
  /** The law firm that drafted it. */
  preparedBy: string;
  /** Date of this draft. */
  date: CivilDate;
  /** Set once the 居民会议 has adopted the handbook; until then it is a draft with the procedure to follow. */
  adoptedOn?: CivilDate;
  /** Community-specific articles, appended to their module's chapter. */
  customRules?: { module: DemocracyModule; text: VerifiableText }[];
  issues: CommunityIssue[];
  /** The mediation committee: members, where and when it sits. */
  mediation: { members: string[]; venue: string; phone?: string };
  /** Replaces the standard clauses on staff liability (the 履职承诺 obligations and their consequences). */
  staffLiability?: VerifiableText[];
}

export const HANDBOOK_FORMS = [
  '居民会议签到表',
  '居民会议表决票',
  '违规行为劝阻记录及报告单',
  '矛盾纠纷调解申请及登记表',
  '居民委员会工作人员履职承诺书',
] as const;

/**
 * 社区规范管理自治手册: cover; 总则 under the community Party organisation's leadership; the community
 * profile and structure; residents' rights and duties; the four modules 民主选举 / 民主决策 / 民主管理 /
 * 民主监督 — with the committee's duty to guide the 业主大会、业委会 and 物业服务企业, and the contractual
 * (economic and civil) liability of committee staff for irregular conduct; the problem-handling flow;
 * mediation; 附则; the forms as attachments.
 */
export async function renderSelfGovernanceHandbook(input: SelfGovernanceHandbookInput): Promise<Buffer> {
  const marks = new UnverifiedMarks();
  const terms = termsFor(input.client.kind);
  const { community, client } = input;
  const committee = `${community.name}居民委员会`;
  const title = `${community.name}规范管理自治手册`;
  let chapterIndex = 0;
  let articleIndex = 0;
  const chapter = (name: string) => createChapterHeading((chapterIndex += 1), name);
  const article = (content: VerifiableText) => createArticle((articleIndex += 1), marks.runs(content));
  const custom = (module: DemocracyModule) =>
    (input.customRules ?? []).filter((rule) => rule.module === module).map((rule) => article(rule.text));

  const general = [
    chapter('总则'),
    article(
      `为健全${community.name}在社区党组织领导下的居民自治体系，推进民主选举、民主决策、民主管理、民主监督规范化、法治化，根据《中华人民共和国城市居民委员会组织法》《中华人民共和国民法典》《北京市实施〈中华人民共和国城市居民委员会组织法〉办法》《北京市物业管理条例》、${terms.regulationBasis}等法律法规，结合本社区实际，制定本手册。`,
    ),
    article(
      `${community.partyOrganization}是社区各类组织和各项工作的领导核心。${committee}在社区党组织领导下依法开展自我管理、自我教育、自我服务，接受${client.name}的指导，协助其开展工作。`,
    ),
    article('社区自治坚持党的领导、依法自治、民主公开、权责一致的原则，有事好商量，众人的事情由众人商量。'),
    article(
      `本手册适用于${community.name}辖区居民、${committee}及其工作人员，辖区业主大会、业主委员会（物业管理委员会）和物业服务人依照本手册接受指导、参与社区治理。`,
    ),
  ];

  const profileRows = community.compounds.map((compound, index) => [
    String(index + 1),
    compound.name,
    compound.type ?? '',
    compound.households === undefined ? '' : String(compound.households),
    compound.ownersBody ?? '未成立',
    compound.propertyCompany ?? '',
  ]);
  const compoundsTable = createDataTable({
    columns: [
      { header: '序号', weight: 1, align: 'center' },
      { header: '小区（院落）', weight: 4 },
      { header: '类型', weight: 3 },
      { header: '户数', weight: 2, align: 'center' },
      { header: '业主组织', weight: 3 },
      { header: '物业服务', weight: 4 },
    ],
    rows: profileRows,
  });
  const members = community.committeeMembers.map((member) => `${member.name}（${member.position}）`).join('、');
  const profile = [
    chapter('社区概况与组织架构'),
    article(
      `${community.name}现有居民${community.households}户、${community.residents}人${community.residentGroups ? `，划分居民小组${community.residentGroups}个` : ''}${
        community.compounds.length > 0 ? `，辖区包括${community.compounds.length}个居住小区（院落），具体情况如下：` : '。'
      }`,
    ),
    ...(community.compounds.length > 0 ? [compoundsTable] : []),
    // What research found, as one article the 居民会议 adopts with the rest: the lawyer words it neutrally.
    ...((community.features ?? []).length > 0
      ? [
          createArticle((articleIndex += 1), [
            run('经调研，本社区治理需重点关注以下情况：'),
            ...(community.features ?? []).flatMap((feature, index) => [run(`（${toChineseNumeral(index + 1)}）`), ...marks.runs(feature)]),
          ]),
        ]
      : []),
    article(
      `社区组织架构为：${community.partyOrganization}领导；${committee}${members ? `（成员：${members}）` : ''}负责社区自治事务${community.subCommittees && community.subCommittees.length > 0 ? `，下设${community.subCommittees.join('、')}` : ''}；居民会议和居民代表会议是社区重大事项的决策机构；居务监督委员会负责监督；居民小组长、楼门长协助开展工作。`,
    ),
  ];

  const rights = [
    chapter('居民的权利和义务'),
    article(
      '年满十八周岁的本社区居民，除依法被剥夺政治权利的以外，享有选举权和被选举权；有权参加居民会议，对社区公共事务提出意见和建议，监督居民委员会及其工作人员的工作。',
    ),
    article(
      '居民应当遵守法律法规、居民公约和本手册，执行居民会议的决定，爱护公共设施，维护社区公共秩序，积极参与社区公益活动。',
    ),
  ];

  const election = [
    chapter('民主选举'),
    article(
      '居民委员会由主任、副主任和委员共五至九人组成，每届任期五年，成员可以连选连任。居民委员会成员由本社区全体有选举权的居民或者由每户派代表选举产生；根据居民意见，也可以由每个居民小组选举代表二至三人选举产生（《中华人民共和国城市居民委员会组织法》第七条、第八条）。',
    ),
    article(
      '居民委员会成员候选人由本社区有选举权的居民十人以上或者户代表五人以上联名提名，也可以由居民小组提名；选举应当差额进行，实行无记名投票、公开计票，当场公布选举结果（《北京市实施〈中华人民共和国城市居民委员会组织法〉办法》第十三条）。',
    ),
    article('居民小组长由居民小组推选产生；楼门长由本楼门居民推选产生。'),
    article(
      `${committee}依照《北京市物业管理条例》指导、协助符合条件的小区成立业主大会、选举业主委员会：筹备组由居民委员会工作人员担任组长，业主代表不少于筹备组成员的二分之一；业主委员会委员为五人以上单数（一百户以下的小区可以为三人），任期不超过五年。不具备成立业主大会条件或者未选出业主委员会的，由${client.shortName}组建物业管理委员会，居民委员会代表任主任。`,
    ),
    ...custom('民主选举'),
  ];

  const decision = [
    chapter('民主决策'),
    article(
      '居民会议由本社区十八周岁以上的居民组成，也可以由每户派代表或者每个居民小组选举代表二至三人参加。居民会议必须有全体十八周岁以上的居民、户的代表或者居民小组选举的代表的过半数出席，才能举行；会议的决定，由出席人的过半数通过（《中华人民共和国城市居民委员会组织法》第九条）。',
    ),
    article(
      '居民会议每年至少召开两次。有五分之一以上的十八周岁以上的居民、五分之一以上的户或者三分之一以上的居民小组提议，应当召集居民会议。涉及全体居民利益的重要问题，居民委员会必须提请居民会议讨论决定。',
    ),
    article(
      '居民公约的制定和修改、社区发展规划、公益事业的兴办和筹资、居民委员会成员的撤换和补选等事项，由居民会议讨论决定。日常议事协商通过社区议事厅进行，议题、过程和结果向居民公开。',
    ),
    article(
      '业主共同决定事项，应当由专有部分面积占比三分之二以上的业主且人数占比三分之二以上的业主参与表决。筹集建筑物及其附属设施的维修资金，改建、重建建筑物及其附属设施，改变共有部分的用途或者利用共有部分从事经营活动，应当经参与表决专有部分面积四分之三以上的业主且参与表决人数四分之三以上的业主同意；决定其他事项，应当经参与表决专有部分面积过半数的业主且参与表决人数过半数的业主同意（《中华人民共和国民法典》第二百七十八条）。居民委员会派员列席业主大会会议。',
    ),
    ...custom('民主决策'),
  ];

  const management = [
    chapter('民主管理'),
    article(
      `居民公约由居民会议讨论制定，报${client.name}备案，由居民委员会监督执行。居民公约不得与宪法、法律、法规和国家的政策相抵触，不得设定罚款等处罚（《中华人民共和国城市居民委员会组织法》第十五条）。`,
    ),
    article(
      community.subCommittees && community.subCommittees.length > 0
        ? `${committee}下设${community.subCommittees.join('、')}，分工负责相关工作。`
        : `${committee}根据需要设人民调解、治安保卫、公共卫生等委员会，分工负责相关工作（《中华人民共和国城市居民委员会组织法》第十三条）。`,
    ),
    article(
      `${committee}在${client.shortName}指导下，履行对业主大会、业主委员会（物业管理委员会）和物业服务企业的指导和监督职责：（一）指导业主大会、业主委员会依法履职，列席业主委员会会议，对违反法律法规的决定，向${client.shortName}报告并建议责令改正或者撤销；（二）督促物业服务企业履行物业服务合同，对侵占共有部分、违法搭建等行为及时劝阻和报告；（三）协调业主、业主委员会和物业服务企业之间的矛盾纠纷；（四）推动符合条件的居民委员会成员通过法定程序兼任业主委员会成员。`,
    ),
    article(
      `协助${client.shortName}和有关部门开展的工作，以${client.shortName}公布的居民委员会协助工作事项清单为准；清单以外的事项，居民委员会可以拒绝。`,
    ),
    ...custom('民主管理'),
  ];

  const standardLiability: VerifiableText[] = [
    `${committee}成员及聘用的社区工作者（以下统称工作人员）上岗时签订《居民委员会工作人员履职承诺书》，承诺依法依规履职，不擅自处分集体财产，不违规出具证明，不泄露居民个人信息，不违规收取费用或者接受财物，不弄虚作假。`,
    // The Civil Code article is the firm's reading, not yet checked against legal-facts: marked.
    {
      text: '工作人员违反承诺违规操作，造成居民委员会或者居民经济损失的，应当依照承诺书的约定予以赔偿；有故意或者重大过失的，居民委员会对外承担责任后，依照《中华人民共和国民法典》第一千一百九十一条向其追偿。',
      isUnverified: true,
    },
    '工作人员违规操作的，视情节由居务监督委员会提出意见，给予批评教育、责令作出书面检查、在居民会议上说明情况；居民委员会成员情节严重的，由居民会议依法罢免；涉嫌违纪违法的，移送有关机关处理。',
  ];
  const oversight = [
    chapter('民主监督'),
    article(
      '居民委员会实行居务公开。财务收支、公益事业筹资及使用、协助政府工作事项、居民会议决定及执行情况等，应当定期在社区公开栏和居民群公布，接受居民监督（《中华人民共和国城市居民委员会组织法》第十六条）。',
    ),
    article(
      '居务监督委员会由居民会议推选产生，对居务公开、财务管理、居民会议决定的执行等进行监督，每半年向居民会议报告监督情况。居民委员会每年向居民会议述职，接受居民评议。',
    ),
    article(
      '居民委员会督促业主委员会依照《北京市物业管理条例》公开业主大会决定、共有部分收益和维修资金使用等信息，业主委员会委员交纳物业费等情况每六个月公开一次。',
    ),
    ...(input.staffLiability ?? standardLiability).map(article),
    ...custom('民主监督'),
  ];

  const issueRows = input.issues.map((issue, index) => [
    String(index + 1),
    issue.problem,
    issue.dissuader,
    `${committee}\n联动执法办公室`,
    marks.runs(issue.enforcer),
  ]);
  const flow = [
    chapter('问题处置流程'),
    article(
      '社区违法违规问题按照德治、自治、法治相结合的方式分层处置：（一）德治：居民委员会发布倡议书、公开信，楼门长、志愿者上门劝导；（二）自治：经劝导仍不改正的，依照居民公约组织当事人协商，提请居民会议或者居民代表会议研究专项治理措施；（三）法治：涉嫌违反法律法规的，居民委员会和物业服务人劝阻，劝阻无效的及时报告，由执法主体依法查处。',
    ),
    article(
      `物业服务人对物业管理区域内的违法行为应当劝阻、制止；劝阻、制止无效的，应当及时报告${client.shortName}或者有关行政主管部门（《北京市物业管理条例》第七十八条第三款）。本社区常见问题的处置分工如下：`,
    ),
    createDataTable({
      columns: [
        { header: '序号', weight: 1, align: 'center' },
        { header: '问题', weight: 5 },
        { header: '劝阻主体', weight: 4 },
        { header: '报告对象', weight: 4 },
        { header: '执法主体', weight: 5 },
      ],
      rows: issueRows,
    }),
    article(
      '报告时填写《违规行为劝阻记录及报告单》，写明发现时间、地点、行为和劝阻经过，附现场照片；接到处置结果后，居民委员会向报告人和相关居民反馈。',
    ),
  ];

  const mediation = [
    chapter('矛盾纠纷调解'),
    article(
      `${community.name}人民调解委员会${input.mediation.members.length > 0 ? `由${input.mediation.members.join('、')}组成，` : ''}在${input.mediation.venue}接待调解申请${input.mediation.phone ? `，联系电话：${input.mediation.phone}` : ''}。`,
    ),
    article(
      '邻里、家庭、物业等矛盾纠纷，当事人可以口头或者书面申请调解，填写《矛盾纠纷调解申请及登记表》；调解委员会也可以主动调解。调解遵循自愿、平等、合法原则，不收取任何费用。',
    ),
    // The thirty-day limit for 司法确认 has no source in legal-facts yet: marked.
    article({
      text: '经调解达成协议的，可以制作调解协议书，双方当事人可以自调解协议生效之日起三十日内共同向人民法院申请司法确认；调解不成的，告知当事人通过仲裁、诉讼等途径解决。可能激化的纠纷，及时报告并采取预防措施。',
      isUnverified: true,
    }),
  ];

  const adoption = input.adoptedOn ? formatChineseDate(input.adoptedOn) : BLANK_DATE;
  const closing = [
    chapter('附则'),
    article(`本手册经${community.name}居民会议于${adoption}讨论通过，自通过之日起施行，并报${client.name}备案。`),
    article('本手册与法律法规和国家政策不一致的，依照法律法规和国家政策执行。本手册由居民委员会负责解释。'),
    ...createAttachmentList([...HANDBOOK_FORMS]),
    ...createSignatureBlock({ signers: [`${community.name}居民会议`], date: input.adoptedOn ?? null }),
    ...(input.adoptedOn
      ? []
      : [
          createParagraph(
            `制定程序提示（印发前删除）：草案应当在社区公示栏和居民群公示，征求居民、驻区单位和物业服务人的意见；提交居民会议表决，出席人数须过半数、决定须经出席人过半数通过；通过后报${client.name}备案并公布。`,
          ),
        ]),
  ];

  return packOfficialDocument({
    title,
    author: input.preparedBy,
    date: input.adoptedOn ?? input.date,
    marks,
    cover: createCoverPage({
      title,
      subtitle: input.adoptedOn ? `（${adoption}居民会议通过）` : '（草案）',
      fields: [
        ['社　　区', community.name],
        ['指导单位', client.name],
        ['编制单位', input.preparedBy],
      ],
      issuer: committee,
      date: input.adoptedOn ?? input.date,
    }),
    sections: [
      {
        children: [
          ...general,
          ...profile,
          ...rights,
          ...election,
          ...decision,
          ...management,
          ...oversight,
          ...flow,
          ...mediation,
          ...closing,
          ...createHandbookForms(community.name, committee),
        ],
      },
    ],
  });
}

const label = (text: string) => ({ text, isLabel: true });
const field = (text = '', span = 1) => ({ text, span });

function createHandbookForms(communityName: string, committee: string) {
  const signIn: FormTableOptions = {
    grid: [1, 3, 3, 2, 3],
    rows: [
      { cells: [label('会议名称'), field(`${communityName}居民会议`, 2), label('时间'), field(BLANK_DATE)] },
      { cells: [label('应到人数'), field('', 2), label('实到人数'), field()] },
      { cells: [label('序号'), label('姓名'), label('住址（楼门号）'), label('参会身份'), label('签名')] },
      ...Array.from({ length: 10 }, (_, index) => ({
        cells: [field(String(index + 1)), field(), field(), field('□居民□户代表□组代表'), field()],
      })),
    ],
    fontSize: 21,
  };
  const ballot: FormTableOptions = {
    grid: [1, 5, 2, 2, 2],
    rows: [
      { cells: [label('表决事项'), field('', 4)] },
      { cells: [label('序号'), label('议题'), label('同意'), label('不同意'), label('弃权')] },
      ...Array.from({ length: 4 }, (_, index) => ({
        cells: [field(String(index + 1)), field(), field('□'), field('□'), field('□')],
      })),
      { cells: [field('说明：在选定的方框内划“√”，每项只能选一项；多选或者不选的，该项视为弃权。', 5)] },
    ],
  };
  const report: FormTableOptions = {
    grid: [2, 3, 2, 3],
    rows: [
      { cells: [label('发现时间'), field(`${BLANK_DATE}　时`), label('发现地点'), field()] },
      { cells: [label('行为人（如知悉）'), field(), label('问题类别'), field()] },
      { height: 1400, cells: [label('行为描述'), field('', 3)] },
      { height: 1000, cells: [label('劝阻经过'), field('劝阻时间、劝阻人、劝阻方式及行为人态度：', 3)] },
      { cells: [label('报告对象'), field(`□${committee}　□联动执法办公室　□有关部门：${blank(4)}`, 3)] },
      { cells: [label('报告人'), field(), label('报告时间'), field(BLANK_DATE)] },
      { cells: [label('处置结果反馈'), field('', 3)] },
    ],
  };
  const mediation: FormTableOptions = {
    grid: [2, 3, 2, 3],
    rows: [
      { cells: [label('申请人'), field(), label('联系电话'), field()] },
      { cells: [label('被申请人'), field(), label('联系电话'), field()] },
      { height: 1400, cells: [label('纠纷简要情况'), field('', 3)] },
      { cells: [label('申请事项'), field('', 3)] },
      { cells: [label('受理时间'), field(BLANK_DATE), label('调解员'), field()] },
      { height: 1000, cells: [label('调解结果'), field('□达成协议　□未达成协议（告知其他解决途径）', 3)] },
      { cells: [label('申请人签名'), field(), label('登记人'), field()] },
    ],
  };
  return [
    ...createAnnexHeading(1, HANDBOOK_FORMS[0]),
    createFormTable(signIn),
    ...createAnnexHeading(2, HANDBOOK_FORMS[1]),
    createFormTable(ballot),
    ...createAnnexHeading(3, HANDBOOK_FORMS[2]),
    createFormTable(report),
    ...createAnnexHeading(4, HANDBOOK_FORMS[3]),
    createFormTable(mediation),
    ...createAnnexHeading(5, HANDBOOK_FORMS[4]),
    createParagraph(`本人系${committee}${blank(6)}（职务），为依法依规履行职责，自愿作出如下承诺：`),
    createParagraph('一、遵守宪法、法律法规和居民公约、本手册，执行居民会议的决定，接受居民和居务监督委员会的监督。'),
    createParagraph(
      '二、不擅自处分居民委员会管理的财产，不违规出具证明，不泄露居民个人信息，不违规收取费用或者接受财物，不弄虚作假。',
    ),
    createParagraph(
      '三、因违反上述承诺违规操作，给居民委员会或者居民造成经济损失的，本人自愿按照实际损失承担赔偿责任；居民委员会对外承担责任后，本人有故意或者重大过失的，同意居民委员会向本人追偿。',
    ),
    createParagraph(
      '四、违反承诺的，自愿接受批评教育、书面检查、向居民会议说明情况等处理；本人为居民委员会成员且情节严重的，接受居民会议依法罢免。',
    ),
    createParagraph(`承诺人（签名）：${blank(6)}　　监督人（居务监督委员会）：${blank(6)}`),
    ...createSignatureBlock({ signers: [committee], date: null }),
  ];
}
