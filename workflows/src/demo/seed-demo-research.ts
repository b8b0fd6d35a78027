import { createHash, randomUUID } from 'node:crypto';
import { type Db } from '@gongzhi/db';
import { type Answers, bankQuestionsFor, type CommunityProfileDetails, type Question, type RespondentAudience } from '@gongzhi/domain';
import { type EngagementClient } from '../client';

/** A small deterministic generator: the demo's answers are the same on every seed. */
function randomFrom(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0) || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

/** How often respondents pick each option, in a plausible spread (first options are not favoured by default). */
const WEIGHTS: Record<string, Record<string, number>> = {
  'years-lived': { '不满1年': 1, '1—3年': 2, '3—10年': 4, '10年以上': 5 },
  'housing-type': { 商品房: 4, 房改房: 5, 保障性住房: 1, 老旧平房: 1, 租住: 2, 其他: 0.3 },
  'main-problems': { '私搭乱建、违法建设': 3, '占用消防通道、堆物堆料': 6, '楼道内电动自行车停放充电': 5, 飞线充电: 4, 噪声扰民: 2, '小区停车难、乱停车': 6, 垃圾分类不到位: 2, 养犬不文明: 2, 物业服务质量差: 3, 公共收益不透明: 3, 群租房: 1 },
  'convention-known': { '了解，并参与过讨论': 2, '知道有，但不了解内容': 5, 不知道有居民公约: 3 },
  'owners-committee': { 已成立业主委员会: 2, 已成立物业管理委员会: 3, 正在筹备: 2, 未成立: 2, 不清楚: 2 },
  'public-income-disclosed': { 按季度公示: 1, 每年公示一次: 2, 不定期公示: 2, 从未公示: 3, 不清楚: 4 },
  'work-years': { '不满2年': 2, '2—5年': 4, '5—10年': 3, '10年以上': 2 },
  'deliberation-frequency': { 没有召开: 1, '1—3次': 4, '4—11次': 3, 每月至少一次: 1 },
  'delegated-powers-difficulty': { 执法人员不足: 5, 职权边界不清: 5, 取证难: 3, 文书不规范: 2, 与区级部门衔接不畅: 4, 缺少法律专业支持: 4 },
  'hotline-topics': { 物业管理: 6, 违法建设: 3, 噪声: 3, 停车管理: 5, 供暖: 4, 市容环境: 2, 房屋质量: 2, 邻里纠纷: 2 },
};
/** Mean score per scale question, by audience feeling (residents harsher on property services). */
const SCALE_CENTRE: Record<string, number> = { 'property-satisfaction': 2.9, 'law-awareness': 2.3, 'report-path-clear': 2.8, 'joint-enforcement': 3.4 };

const SUGGESTIONS = [
  '希望街道牵头成立业主委员会，把停车收益和广告收益按季度公示。',
  '楼道里电动车太多，晚上充电很危险，建议在小区东侧增设集中充电棚。',
  '居民公约应该简短一些，贴在每个楼门口，大家才会看。',
  '违建问题反映多次没人管，希望明确到底是哪个部门负责、多长时间答复。',
  '建议每月固定一天请律师到社区坐班，解答物业和邻里纠纷的问题。',
  '议事协商会通知太晚，上班族参加不了，能否安排在周末或者线上开。',
  '物业费涨价前应当开业主大会表决，不能由物业公司单方面决定。',
  '希望执法队和社区一起建一个微信群，发现问题拍照上报，处理结果也在群里反馈。',
];
const STAFF_SUGGESTIONS = [
  '下放的职权清单应当逐项写明法律依据和办理时限，便于执法队员对照执行。',
  '建议律师对常用的责令改正通知书、现场检查笔录进行统一审核，形成标准文本。',
  '“吹哨报到”后部门到场时间不一，希望联动执法方案写明各部门的响应时限。',
  '希望定期组织执法人员培训，重点讲解新修订的治安管理处罚法和物业管理条例。',
  '12345工单中物业类诉求占比高，建议推动成立物业管理委员会，从源头减少投诉。',
];

function answerFor(question: Question, random: () => number, lean: number, suggestions: readonly string[]): Answers[string] | undefined {
  const pick = (options: readonly string[]) => {
    const weights = options.map((option) => WEIGHTS[question.key]?.[option] ?? 1);
    let roll = random() * weights.reduce((sum, weight) => sum + weight, 0);
    for (const [index, weight] of weights.entries()) if ((roll -= weight) <= 0) return options[index]!;
    return options[options.length - 1]!;
  };
  switch (question.type) {
    case 'single':
      return pick(question.options);
    case 'multiple': {
      const count = Math.min(question.maxChoices ?? 3, 1 + Math.floor(random() * 3));
      const chosen = new Set<string>();
      for (let tries = 0; chosen.size < count && tries < 20; tries++) chosen.add(pick(question.options));
      // “None of these” stands alone.
      const none = question.options.find((option) => option.startsWith('都没有'));
      if (none && chosen.has(none) && chosen.size > 1) chosen.delete(none);
      return question.options.filter((option) => chosen.has(option));
    }
    case 'scale': {
      const centre = (SCALE_CENTRE[question.key] ?? 3) + lean;
      const score = Math.round(centre + (random() + random() - 1) * 2);
      return Math.max(1, Math.min(question.points, score));
    }
    case 'text':
      return random() < 0.35 ? suggestions[Math.floor(random() * suggestions.length)] : undefined;
  }
}

function answersFor(questions: readonly Question[], random: () => number, lean: number, suggestions: readonly string[] = SUGGESTIONS): Answers {
  const answers: Answers = {};
  for (const question of questions) {
    const answer = answerFor(question, random, lean, suggestions);
    if (answer !== undefined) answers[question.key] = answer;
  }
  return answers;
}

const INTRO: Record<RespondentAudience, string> = {
  residents:
    '尊敬的居民朋友：为了解社区治理中的突出问题，听取您对居民公约、议事协商和物业服务的意见，和平里街道办事处委托北京市易和律师事务所开展本次调查。问卷不记名，约需5分钟，所填内容仅用于社区治理调研。感谢您的支持！',
  government:
    '为梳理街道承接下放执法职权、“吹哨报到”联动执法中的难点，项目组开展本次调查。问卷不记名，结果仅用于形成调研报告和行权手册，请根据实际工作情况填写。',
  committee: '为了解社区居委会在议事协商、居民公约执行和问题上报中的实际情况，项目组开展本次调查。问卷不记名，仅用于调研。',
  property: '为了解物业服务企业在小区管理中遇到的困难及对街道、执法部门的协同需求，项目组开展本次调查。问卷不记名，仅用于调研。',
};

/**
 * The demo's field research, through the questionnaires' workflows like any user's: a residents'
 * questionnaire answered through links in every community (a different mood in each), and a
 * questionnaire for street-office staff typed in from the paper forms of the October symposium.
 */
export async function seedDemoResearch({ db, engagements, engagementId, pmId, lawyerId }: { db: Db; engagements: EngagementClient; engagementId: string; pmId: string; lawyerId: string }): Promise<void> {
  await seedDemoFieldNotes({ db, engagements, engagementId, pmId, lawyerId });
  await seedDemoProfiles({ db, engagements, engagementId, lawyerId });
  if ((await db.questionnaire.count({ where: { engagementId } })) > 0) return;
  const communities = await db.community.findMany({ where: { engagementId }, orderBy: { createdAt: 'asc' }, select: { id: true, name: true } });
  const random = randomFrom(engagementId);

  const residentsId = randomUUID();
  const residentsQuestions = bankQuestionsFor('residents');
  await engagements.questionnaireCommand(engagementId, residentsId, { type: 'create', actorId: lawyerId, audience: 'residents', title: '和平里街道社区治理情况调查问卷（居民代表、业主委员会）', intro: INTRO.residents, questions: residentsQuestions });
  // Per community: how many answered, and how they lean on the scales.
  const turnout = [11, 8, 9, 6, 7];
  const lean = [-0.4, 0.3, 0, -0.6, 0.5];
  for (const [index, community] of communities.entries()) {
    const count = turnout[index % turnout.length]!;
    const links = Array.from({ length: count + 3 }, () => ({ id: randomUUID(), token: randomUUID() }));
    await engagements.questionnaireCommand(engagementId, residentsId, { type: 'issueLinks', actorId: pmId, communityId: community.id, links: links.map(({ id, token }) => ({ id, tokenHash: createHash('sha256').update(token).digest('hex') })) });
    for (const link of links.slice(0, count)) {
      await engagements.questionnaireCommand(engagementId, residentsId, { type: 'submitThroughLink', key: randomUUID(), tokenHash: createHash('sha256').update(link.token).digest('hex'), answers: answersFor(residentsQuestions, random, lean[index % lean.length]!) });
    }
  }

  const governmentId = randomUUID();
  const governmentQuestions = bankQuestionsFor('government');
  await engagements.questionnaireCommand(engagementId, governmentId, { type: 'create', actorId: lawyerId, audience: 'government', title: '和平里街道基层治理与执法协同情况调查问卷（街道工作人员）', intro: INTRO.government, questions: governmentQuestions });
  for (let index = 0; index < 12; index++) {
    await engagements.questionnaireCommand(engagementId, governmentId, {
      type: 'enterResponse',
      actorId: lawyerId,
      key: randomUUID(),
      communityId: null,
      answeredOn: index < 7 ? '2026-10-14' : '2026-10-16',
      answers: answersFor(governmentQuestions, random, 0, STAFF_SUGGESTIONS),
    });
  }
}

type Problem = [description: string, tag: string | null];
interface DemoSession {
  kind: 'symposium' | 'interview';
  community: string | null;
  heldOn: string;
  place: string;
  participants: string;
  headcount: number;
  notes: string;
  problems: Problem[];
}

/** The October symposiums and interviews, as the lawyers wrote them up; one problem is left for the lawyer to tag. */
const DEMO_SESSIONS: DemoSession[] = [
  {
    kind: 'symposium',
    community: null,
    heldOn: '2026-10-12',
    place: '和平里街道办事处三楼会议室',
    participants: '街道办事处副主任、城市管理办公室、综合行政执法队、社区建设办公室、平安建设办公室负责人',
    headcount: 9,
    notes: '街道介绍承接下放执法职权以来的情况：执法队在编人员少，违法建设取证和强制拆除程序耗时长。\n12345工单中物业管理、停车和违建类诉求占比较高。\n希望明确与区住房城乡建设委、区消防救援支队的移交程序和响应时限。',
    problems: [
      ['违法建设发现后取证难、拆除周期长', 'illegal-construction'],
      ['楼道飞线充电反复出现，劝阻后又恢复', 'unsafe-e-bike-charging'],
    ],
  },
  {
    kind: 'symposium',
    community: 'hepingli-bei',
    heldOn: '2026-10-14',
    place: '和平里北社区党群服务中心二楼会议室',
    participants: '社区党委书记、居委会委员4人、居民代表6人、物业项目经理',
    headcount: 12,
    notes: '居民代表集中反映和平里三区楼道堆物和电动自行车入户充电问题，物业表示劝阻后缺少进一步手段。\n部分居民不了解居民公约的内容，希望公约简短、贴到楼门口。',
    problems: [
      ['和平里三区3号楼楼道长期堆放纸箱、旧家具', 'stairwell-clutter'],
      ['电动自行车推进楼道、入户充电', 'unsafe-e-bike-charging'],
      ['小区停车收益、广告收益从未公示', 'property-service-breaches'],
    ],
  },
  {
    kind: 'symposium',
    community: 'anding',
    heldOn: '2026-10-15',
    place: '安定门社区居委会议事厅',
    participants: '居委会主任、委员3人、楼门长5人、居民代表4人',
    headcount: 13,
    notes: '老旧平房区一层住户在公共区域私搭棚子的情况较多，邻里矛盾突出。\n夜间遛狗不拴绳、犬吠扰民投诉集中在东区。',
    problems: [
      ['一层住户在公共绿地私搭棚子、圈占绿地', 'illegal-construction'],
      ['遛狗不拴绳、夜间犬吠扰民', 'dog-keeping'],
      ['广场舞音响声音过大，影响老人休息', 'noise-nuisance'],
    ],
  },
  {
    kind: 'interview',
    community: 'qingnianhu',
    heldOn: '2026-10-16',
    place: '青年湖社区居委会主任办公室',
    participants: '居委会主任、物业服务中心经理',
    headcount: 2,
    notes: '沿街三家餐馆油烟直排，居民多次拨打12345。\n地下室有人居住，疑似群租。\n业委会换届争议较大，居委会希望律师指导换届程序。',
    problems: [
      ['沿街餐馆油烟直排，居民投诉多', 'cooking-fumes'],
      ['地下室被改作出租住房，住有十余人', 'illegal-rental'],
      ['业主委员会换届选举程序争议', null],
    ],
  },
  {
    kind: 'interview',
    community: 'xinghua',
    heldOn: '2026-10-19',
    place: '兴化社区物业服务中心',
    participants: '物业项目经理、秩序维护队队长',
    headcount: 2,
    notes: '消防车通道被私家车长期占用，夜间尤甚；部分居民私设地锁占用公共车位。',
    problems: [
      ['消防车通道被私家车长期占用', 'fire-lane-obstruction'],
      ['居民私设地锁占用公共车位', 'private-parking-locks'],
      ['居民对物业费上涨意见大', 'outside'],
    ],
  },
];

/** Demo ids derived from the engagement: seeding again finds the same records. */
function demoId(engagementId: string, name: string): string {
  const hex = createHash('sha256').update(`${engagementId}:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

async function seedDemoFieldNotes({ db, engagements, engagementId, lawyerId }: { db: Db; engagements: EngagementClient; engagementId: string; pmId: string; lawyerId: string }): Promise<void> {
  if ((await db.researchSession.count({ where: { engagementId } })) > 0) return;
  const communities = new Map((await db.community.findMany({ where: { engagementId }, select: { id: true, key: true } })).map((community) => [community.key, community.id]));
  for (const [index, session] of DEMO_SESSIONS.entries()) {
    await engagements.fieldResearchCommand(engagementId, {
      type: 'recordSession',
      actorId: lawyerId,
      sessionId: demoId(engagementId, `session-${index}`),
      kind: session.kind,
      communityId: session.community ? (communities.get(session.community) ?? null) : null,
      heldOn: session.heldOn,
      place: session.place,
      participants: session.participants,
      headcount: session.headcount,
      notes: session.notes,
      problems: session.problems.map(([description, tag], position) => ({
        id: demoId(engagementId, `session-${index}-problem-${position}`),
        description,
        violationKey: tag === null || tag === 'outside' ? null : tag,
        outsideCatalogue: tag === 'outside',
      })),
    });
  }
}

/**
 * The profiles the lawyers recorded (社区概况) for four of the five communities: 和平里西社区's
 * committee was re-elected in November and its profile is still to be taken down.
 */
const DEMO_PROFILES: Record<string, CommunityProfileDetails> = {
  'hepingli-bei': {
    partyOrganization: '中共和平里北社区委员会',
    households: 3126,
    residents: 7458,
    residentGroups: 14,
    committeeMembers: [
      { name: '孟凡荣', position: '党委书记、主任' },
      { name: '韩立新', position: '副主任' },
      { name: '丁淑敏', position: '委员' },
      { name: '曹宇航', position: '委员' },
      { name: '高雪梅', position: '委员' },
    ],
    subCommittees: ['人民调解委员会', '治安保卫委员会', '公共卫生委员会', '环境和物业管理委员会'],
    compounds: [
      { name: '和平里七区', type: '老旧小区', households: 1284, ownersBody: null, propertyCompany: '无物业（居委会托管）' },
      { name: '和平里九区', type: '房改房小区', households: 968, ownersBody: '物业管理委员会', propertyCompany: '北京和泰物业服务有限公司' },
      { name: '北三环东路18号院', type: '商品房小区', households: 874, ownersBody: '业主委员会', propertyCompany: '北京安居佳业物业管理有限公司' },
    ],
    mediation: { members: ['孟凡荣', '丁淑敏', '杨国栋（退休法官）', '居民代表刘桂兰'], venue: '和平里北社区党群服务中心一层调解室', phone: '010-84271516' },
    features: [
      '和平里七区建于二十世纪五六十年代，无物业服务企业，由居委会托管；楼道堆物、飞线充电集中，是座谈中居民反映最多的问题。',
      '北三环东路18号院业主委员会2025年换届后运转正常，但公共收益从未公示，居民代表多次提出。',
    ],
  },
  anding: {
    partyOrganization: '中共安定门社区委员会',
    households: 2217,
    residents: 5096,
    residentGroups: 9,
    committeeMembers: [
      { name: '周桂芳', position: '党委书记、主任' },
      { name: '马志强', position: '副主任' },
      { name: '沈丽娟', position: '委员' },
      { name: '郭建平', position: '委员' },
    ],
    subCommittees: ['人民调解委员会', '治安保卫委员会', '公共卫生委员会'],
    compounds: [
      { name: '安德路甲41号院', type: '单位宿舍', households: 512, ownersBody: null, propertyCompany: '原产权单位后勤服务中心' },
      { name: '安定门外大街东后巷小区', type: '老旧小区', households: 1046, ownersBody: '物业管理委员会', propertyCompany: '北京京城和美物业管理有限公司' },
      { name: '地坛北里平房区', type: '平房院落', households: 659, ownersBody: null, propertyCompany: '无物业（居委会托管）' },
    ],
    mediation: { members: ['周桂芳', '郭建平', '楼门长代表赵玉兰'], venue: '安定门社区居委会议事厅', phone: '010-64218390' },
    features: ['平房院落占地面积大，私搭乱建、占道堆物多发；单位宿舍产权单位撤出后物业服务时断时续。'],
  },
  qingnianhu: {
    partyOrganization: '中共青年湖社区委员会',
    households: 1875,
    residents: 4312,
    residentGroups: null,
    committeeMembers: [
      { name: '张海燕', position: '党支部书记、主任' },
      { name: '李文博', position: '副主任' },
      { name: '吴秀琴', position: '委员' },
    ],
    subCommittees: ['人民调解委员会', '公共卫生委员会'],
    compounds: [
      { name: '青年湖北街小区', type: '商品房小区', households: 1108, ownersBody: '业主委员会', propertyCompany: '北京鸿运物业管理有限公司' },
      { name: '青年湖南街12号院', type: '回迁安置房', households: 767, ownersBody: null, propertyCompany: '北京鸿运物业管理有限公司' },
    ],
    mediation: { members: ['张海燕', '吴秀琴', '居民代表孙志刚'], venue: '青年湖社区居委会调解室', phone: null },
    features: ['临街底商集中，餐饮油烟、夜间噪声投诉多；业主委员会与物业服务企业就续聘问题存在分歧。'],
  },
  xinghua: {
    partyOrganization: '中共兴化社区委员会',
    households: 2504,
    residents: 5873,
    residentGroups: 11,
    committeeMembers: [
      { name: '陈建华', position: '党委书记、主任' },
      { name: '刘雅琴', position: '副主任' },
      { name: '王振宇', position: '委员' },
      { name: '赵晓丽', position: '委员' },
      { name: '黄德胜', position: '委员' },
    ],
    subCommittees: ['人民调解委员会', '治安保卫委员会', '公共卫生委员会', '环境和物业管理委员会'],
    compounds: [
      { name: '兴化西里', type: '老旧小区', households: 1386, ownersBody: '物业管理委员会', propertyCompany: '北京兴业华物业服务有限公司' },
      { name: '兴化路9号院', type: '商品房小区', households: 1118, ownersBody: '业主委员会', propertyCompany: '北京兴业华物业服务有限公司' },
    ],
    mediation: { members: ['陈建华', '赵晓丽', '退休教师周长林'], venue: '兴化社区党群服务中心二层调解室', phone: '010-84119275' },
    features: ['兴化西里地下空间曾被改作群租，经整治后仍有反弹；养犬户多，遛狗不拴绳引发的纠纷占调解案件近三成。'],
  },
};

async function seedDemoProfiles({ db, engagements, engagementId, lawyerId }: { db: Db; engagements: EngagementClient; engagementId: string; lawyerId: string }): Promise<void> {
  if ((await db.communityProfile.count({ where: { engagementId } })) > 0) return;
  for (const [communityKey, details] of Object.entries(DEMO_PROFILES)) {
    await engagements.fieldResearchCommand(engagementId, { type: 'saveProfile', actorId: lawyerId, communityKey, expectedVersion: 0, details });
  }
}
