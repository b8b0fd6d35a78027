import { type Question, type RespondentAudience } from './questionnaire';

/** A question of the firm's reusable bank, with the audiences it is asked of. */
export interface BankQuestion {
  question: Question;
  audiences: readonly RespondentAudience[];
  /** The topic it belongs to, for grouping in the editor. */
  topic: string;
}

const satisfaction = { points: 5, lowLabel: '非常不满意', highLabel: '非常满意' } as const;
const agreement = { points: 5, lowLabel: '完全不符合', highLabel: '完全符合' } as const;

const ALL: readonly RespondentAudience[] = ['government', 'committee', 'residents', 'property'];

/**
 * The firm's question bank for field research (实地调研) in community governance: what the
 * service description asks to learn — the community's problems, how the street office, the
 * residents' committee, owners and the property company work together, and where the law is
 * known and used. A questionnaire is built from these and its own questions.
 */
export const QUESTION_BANK: readonly BankQuestion[] = [
  // ── 基本情况
  {
    topic: '基本情况',
    audiences: ['residents'],
    question: { key: 'years-lived', type: 'single', text: '您在本社区居住了多长时间？', required: true, options: ['不满1年', '1—3年', '3—10年', '10年以上'] },
  },
  {
    topic: '基本情况',
    audiences: ['residents'],
    question: { key: 'housing-type', type: 'single', text: '您居住的房屋属于哪一类？', required: true, options: ['商品房', '房改房', '保障性住房', '老旧平房', '租住', '其他'] },
  },
  {
    topic: '基本情况',
    audiences: ['government', 'committee'],
    question: { key: 'work-years', type: 'single', text: '您从事基层治理工作的年限', required: true, options: ['不满2年', '2—5年', '5—10年', '10年以上'] },
  },
  // ── 突出问题
  {
    topic: '突出问题',
    audiences: ALL,
    question: {
      key: 'main-problems',
      type: 'multiple',
      text: '您认为本社区目前最突出的问题有哪些？（最多选三项）',
      required: true,
      maxChoices: 3,
      options: ['私搭乱建、违法建设', '占用消防通道、堆物堆料', '楼道内电动自行车停放充电', '飞线充电', '噪声扰民', '小区停车难、乱停车', '垃圾分类不到位', '养犬不文明', '物业服务质量差', '公共收益不透明', '群租房'],
    },
  },
  {
    topic: '突出问题',
    audiences: ['government', 'committee'],
    question: {
      key: 'hotline-topics',
      type: 'multiple',
      text: '本辖区12345市民服务热线诉求集中在哪些方面？（最多选三项）',
      required: false,
      maxChoices: 3,
      options: ['物业管理', '违法建设', '噪声', '停车管理', '供暖', '市容环境', '房屋质量', '邻里纠纷'],
    },
  },
  // ── 自治与协商
  {
    topic: '自治与协商',
    audiences: ['residents', 'committee'],
    question: { key: 'convention-known', type: 'single', text: '您是否了解本社区的居民公约？', required: true, options: ['了解，并参与过讨论', '知道有，但不了解内容', '不知道有居民公约'] },
  },
  {
    topic: '自治与协商',
    audiences: ['residents'],
    question: {
      key: 'participation-ways',
      type: 'multiple',
      text: '您参加过下列哪些社区事务？',
      required: false,
      options: ['居民会议或居民代表会议', '议事协商会（小区议事厅）', '业主大会投票', '社区志愿服务', '楼门长、单元长工作', '都没有参加过'],
    },
  },
  {
    topic: '自治与协商',
    audiences: ['committee', 'government'],
    question: {
      key: 'deliberation-frequency',
      type: 'single',
      text: '近一年本社区召开议事协商会的次数',
      required: true,
      options: ['没有召开', '1—3次', '4—11次', '每月至少一次'],
    },
  },
  {
    topic: '自治与协商',
    audiences: ['residents', 'property'],
    question: { key: 'owners-committee', type: 'single', text: '您所在小区是否成立了业主委员会（物业管理委员会）？', required: true, options: ['已成立业主委员会', '已成立物业管理委员会', '正在筹备', '未成立', '不清楚'] },
  },
  // ── 物业与公共收益
  {
    topic: '物业服务',
    audiences: ['residents', 'committee'],
    question: { key: 'property-satisfaction', type: 'scale', text: '您对小区物业服务的总体评价', required: true, ...satisfaction },
  },
  {
    topic: '物业服务',
    audiences: ['residents', 'property'],
    question: { key: 'public-income-disclosed', type: 'single', text: '小区公共收益（停车费、广告费等）是否定期公示？', required: true, options: ['按季度公示', '每年公示一次', '不定期公示', '从未公示', '不清楚'] },
  },
  {
    topic: '物业服务',
    audiences: ['property'],
    question: {
      key: 'property-difficulties',
      type: 'multiple',
      text: '贵公司在小区管理中遇到的主要困难（最多选三项）',
      required: true,
      maxChoices: 3,
      options: ['物业费收缴率低', '违法建设制止无效', '缺少执法部门支持', '业主委员会难以沟通', '公共设施老化、维修资金使用难', '合同到期续聘不确定'],
    },
  },
  {
    topic: '物业服务',
    audiences: ['property'],
    question: { key: 'fee-collection-rate', type: 'single', text: '上一年度物业费收缴率', required: true, options: ['90%以上', '80%—90%', '60%—80%', '60%以下'] },
  },
  // ── 执法与协同
  {
    topic: '执法与协同',
    audiences: ['government', 'committee', 'property'],
    question: {
      key: 'report-path-clear',
      type: 'scale',
      text: '发现违法行为后，“向谁报告、由谁查处”是否清楚',
      required: true,
      ...agreement,
    },
  },
  {
    topic: '执法与协同',
    audiences: ['government'],
    question: {
      key: 'delegated-powers-difficulty',
      type: 'multiple',
      text: '承接下放的行政执法职权后，主要困难在于（最多选三项）',
      required: true,
      maxChoices: 3,
      options: ['执法人员不足', '职权边界不清', '取证难', '文书不规范', '与区级部门衔接不畅', '缺少法律专业支持'],
    },
  },
  {
    topic: '执法与协同',
    audiences: ['government', 'committee'],
    question: { key: 'joint-enforcement', type: 'scale', text: '“街乡吹哨、部门报到”的联动执法效果', required: true, ...satisfaction },
  },
  // ── 法律服务
  {
    topic: '法律服务',
    audiences: ALL,
    question: {
      key: 'legal-needs',
      type: 'multiple',
      text: '您最希望律师提供哪些法律服务？',
      required: false,
      options: ['法律知识讲座与培训', '居民公约、议事规则的起草', '物业合同审查', '矛盾纠纷调解', '执法文书审核', '法律咨询值班'],
    },
  },
  {
    topic: '法律服务',
    audiences: ['residents'],
    question: { key: 'law-awareness', type: 'scale', text: '您对社区治理相关法律法规（如《北京市物业管理条例》）的了解程度', required: true, points: 5, lowLabel: '完全不了解', highLabel: '非常了解' },
  },
  // ── 意见建议
  {
    topic: '意见建议',
    audiences: ALL,
    question: { key: 'suggestions', type: 'text', text: '您对改进社区治理还有哪些意见和建议？', required: false },
  },
];

/** The bank's questions for an audience, in the bank's order: a starting questionnaire. */
export function bankQuestionsFor(audience: RespondentAudience): Question[] {
  return QUESTION_BANK.filter((entry) => entry.audiences.includes(audience)).map((entry) => entry.question);
}

export const bankQuestion = (key: string): Question | undefined => QUESTION_BANK.find((entry) => entry.question.key === key)?.question;
