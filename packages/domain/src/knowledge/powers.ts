import { z } from 'zod';
import { knowledgeKeySchema, type Provision, provisionSchema } from './citation';
import { delegationStatusSchema } from './violations';

/**
 * The grassroots government's powers (职权) in community governance — the 行权手册 and the
 * 职权梳理表 of stage 4 — from legal-facts sections C and D, and A for the enforcement powers
 * delegated under 京政发〔2020〕9号. Each carries its legal basis, the steps to exercise it
 * (行权流程) and the document templates it uses.
 */
export const POWER_CATEGORIES = [
  '行政处罚',
  '行政强制',
  '行政检查',
  '组织协调',
  '指导监督',
  '备案审查',
  '其他',
] as const;
export const powerCategorySchema = z.enum(POWER_CATEGORIES);
export type PowerCategory = z.infer<typeof powerCategorySchema>;

/** 两者: both a 街道办事处 and a 乡镇人民政府 hold it (by the statute, or 北京市街道办事处条例第四十九条). */
export const POWER_HOLDERS = ['街道办事处', '乡镇人民政府', '两者'] as const;
export const powerHolderSchema = z.enum(POWER_HOLDERS);
export type PowerHolder = z.infer<typeof powerHolderSchema>;

export const powerSchema = z
  .object({
    key: knowledgeKeySchema,
    title: z.string().min(1),
    category: powerCategorySchema,
    holder: powerHolderSchema,
    /** `yes`: a statute gives it to the 街乡 itself; `unverified`: it rests on the per-item annex of 京政发〔2020〕9号. */
    delegatedToStreet: delegationStatusSchema,
    legalBasis: z.array(provisionSchema).min(1),
    /** 行权流程, in order. */
    process: z.array(z.string().min(1)).min(2),
    /** Keys into documentTemplates. */
    templates: z.array(knowledgeKeySchema),
    /** Catalogue items (violation 序号) the power is used on. */
    violationNos: z.array(z.number().int().positive()),
    unverified: z.boolean(),
    notes: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((power, context) => {
    if (power.legalBasis.some((provision) => provision.unverified === true) && !power.unverified) {
      context.addIssue({
        code: 'custom',
        path: ['unverified'],
        message: `power ${power.key} cites an unverified provision`,
      });
    }
  });
export type Power = z.infer<typeof powerSchema>;

const at = (lawKey: string, article: number, rest: Omit<Provision, 'lawKey' | 'article'> = {}): Provision => ({
  lawKey,
  article,
  ...rest,
});
const BJWY = 'bj-property-management-regulations';
const STREET = 'bj-subdistrict-office-regulations';

/** legal-facts D.1: 立案 → 调查取证 → 事先告知 → 决定 → 送达 → 执行 → 结案. */
const PENALTY_PROCESS = [
  '立案：对发现或者接报的违法行为进行审查，符合条件的立案（立案审批表）。',
  '调查取证：现场检查（勘验）、询问，收集证据；责令当事人改正或者限期改正违法行为（行政处罚法第二十八条）。',
  '事先告知：告知拟作出的行政处罚内容及事实、理由、依据，以及陈述、申辩、要求听证等权利（行政处罚法第四十四条）。',
  '决定：听取陈述、申辩后作出决定，制作行政处罚决定书（行政处罚法第五十九条）。',
  '送达：将行政处罚决定书送达当事人，制作送达回证。',
  '执行：当事人在期限内履行；逾期不履行的，依法催告后强制执行（行政强制法第三十五条）。',
  '结案：执行完毕后结案归档。',
];
const PENALTY_TEMPLATES = [
  'case-filing-form',
  'on-site-inspection-record',
  'order-to-correct',
  'penalty-advance-notice',
  'penalty-decision',
  'service-receipt',
];

export const powers: readonly Power[] = z.array(powerSchema).parse([
  {
    key: 'joint-enforcement-whistle',
    title: '组织协调职能部门开展联合执法（吹哨报到）',
    category: '组织协调',
    holder: '两者',
    delegatedToStreet: 'yes',
    legalBasis: [
      at(STREET, 5),
      at(STREET, 11),
      at(STREET, 26),
      at(STREET, 44),
      at(STREET, 49),
      at('bj-complaint-handling-regulations', 2),
    ],
    process: [
      '发现问题：通过巡查、网格、接诉即办或者居民委员会、物业服务人的报告，发现反映集中、难以解决的问题。',
      '吹哨：向有关区人民政府工作部门及其派出机构发出吹哨报到通知。',
      '报到：被调度的部门按照通知到场。',
      '会商：组织会商研判，明确各部门分工。',
      '联合执法：各部门依各自职权开展联合执法。',
      '反馈：部门反馈处理结果，跟踪督办至问题解决。',
      '考评：部门拒不履行职责的，报区人民政府调查、督办，纳入年度绩效考评（北京市街道办事处条例第四十四条）。',
    ],
    templates: ['whistle-notice', 'referral-letter'],
    violationNos: [],
    unverified: false,
    notes:
      '“街乡吹哨、部门报到”始于2017年平谷区金海湖镇，2018年起作为北京市“一号改革课题”推行。乡镇人民政府参照北京市街道办事处条例执行（第四十九条）。',
  },
  {
    key: 'complaint-handling',
    title: '接诉即办',
    category: '其他',
    holder: '两者',
    delegatedToStreet: 'yes',
    legalBasis: [at(STREET, 6), at(STREET, 17), at(STREET, 49), at('bj-complaint-handling-regulations', 2)],
    process: [
      '受理：接收12345市民服务热线派单及居民、辖区单位直接反映的诉求。',
      '办理：属于本街道（乡镇）职责范围、能够直接办理的，按照时限要求办理。',
      '转办协调：不属于职责范围或者涉及多部门的，按规定转办或者统筹协调，必要时吹哨报到。',
      '答复：向诉求人反馈办理结果。',
      '回访归档：跟踪回访，办结归档。',
    ],
    templates: ['whistle-notice'],
    violationNos: [],
    unverified: false,
    notes: '各街道、乡镇按月以响应率、解决率、满意率考核排名，具体权重和排名方法待核实。',
  },
  {
    key: 'illegal-construction-patrol',
    title: '违法建设巡查、制止',
    category: '行政检查',
    holder: '两者',
    delegatedToStreet: 'yes',
    legalBasis: [
      at('bj-urban-rural-planning-regulations', 62),
      at('bj-urban-rural-planning-regulations', 58),
      at(STREET, 26),
      at(STREET, 28),
    ],
    process: [
      '巡查：对本辖区内的建设情况进行日常巡查。',
      '接报：接收居民委员会、业主委员会、物业服务企业的劝阻报告。',
      '现场检查：现场检查（勘验），固定证据。',
      '制止：发现违法建设行为的，当场予以制止。',
      '处理：属于本街道（乡镇）职责的，依法立案查处；属于其他执法机关职责的，移送有关部门查处。',
      '跟踪：跟踪处理结果直至整改完毕。',
    ],
    templates: ['on-site-inspection-record', 'dissuasion-report-form', 'referral-letter'],
    violationNos: [1],
    unverified: false,
  },
  {
    key: 'urban-illegal-construction-enforcement',
    title: '城镇违法建设的查处和强制拆除',
    category: '行政强制',
    holder: '两者',
    delegatedToStreet: 'unverified',
    legalBasis: [
      at('bj-urban-rural-planning-regulations', 58),
      at('bj-urban-rural-planning-regulations', 74),
      at('bj-urban-rural-planning-regulations', 78),
      at('urban-rural-planning-law', 64),
      at('administrative-coercion-law', 35),
      at('administrative-coercion-law', 44),
      { lawKey: 'bj-enforcement-delegation-decision' },
    ],
    process: [
      '立案：对巡查发现或者接报的违法建设立案（立案审批表）。',
      '调查取证：现场检查（勘验），查明建设情况和当事人。',
      '责令停止建设：对正在搭建、开挖的，书面责令立即停止建设，必要时查封施工现场（北京市城乡规划条例第七十四条）。',
      '限期拆除：依法作出限期拆除等决定并送达当事人。',
      '催告：逾期不拆除的，书面催告当事人履行（行政强制法第三十五条）。',
      '公告：公告限期当事人自行拆除；无法确定当事人的，公告期间不少于十日（行政强制法第四十四条；北京市城乡规划条例第七十八条）。',
      '强制拆除：期满仍不拆除的，依法实施强制拆除。',
      '结案：结案归档。',
    ],
    templates: [
      'case-filing-form',
      'on-site-inspection-record',
      'order-to-correct',
      'demand-notice',
      'demolition-notice',
      'service-receipt',
    ],
    violationNos: [1],
    unverified: false,
    notes:
      '原由城市管理综合执法部门行使，2020年7月1日起由街道、乡镇综合行政执法队行使；具体事项是否下放及区街分工，须对照京政发〔2020〕9号附件和本区划分决定核实。',
  },
  {
    key: 'rural-illegal-construction-enforcement',
    title: '乡、村庄规划区内违法建设的查处',
    category: '行政强制',
    holder: '乡镇人民政府',
    delegatedToStreet: 'yes',
    legalBasis: [
      at('urban-rural-planning-law', 65),
      at('bj-urban-rural-planning-regulations', 62),
      at('bj-urban-rural-planning-regulations', 92),
    ],
    process: [
      '发现：巡查发现或者接报乡村违法建设。',
      '立案：立案并调查取证，制作现场检查（勘验）笔录。',
      '责令停止建设、限期改正：书面责令当事人停止建设、限期改正。',
      '催告：逾期不改正的，书面催告当事人履行（行政强制法第三十五条）。',
      '拆除：经公告限期自行拆除后仍不拆除的，依法拆除（行政强制法第四十四条）。',
      '结案：结案归档。',
    ],
    templates: [
      'case-filing-form',
      'on-site-inspection-record',
      'order-to-correct',
      'demand-notice',
      'demolition-notice',
      'service-receipt',
    ],
    violationNos: [1],
    unverified: false,
  },
  {
    key: 'property-contract-filing-penalty',
    title: '对物业服务人未按规定备案物业服务合同的处罚',
    category: '行政处罚',
    holder: '两者',
    delegatedToStreet: 'yes',
    legalBasis: [at(BJWY, 91)],
    process: PENALTY_PROCESS,
    templates: PENALTY_TEMPLATES,
    violationNos: [21],
    unverified: false,
    notes: '责令限期改正，给予警告；逾期不改的，处五千元以上一万元以下罚款。',
  },
  {
    key: 'project-manager-report-penalty',
    title: '对物业服务企业项目负责人未按时报到的处罚',
    category: '行政处罚',
    holder: '两者',
    delegatedToStreet: 'yes',
    legalBasis: [at(BJWY, 93)],
    process: PENALTY_PROCESS,
    templates: PENALTY_TEMPLATES,
    violationNos: [21],
    unverified: false,
    notes: '责令限期改正；逾期不改的，处五千元以上一万元以下罚款。',
  },
  {
    key: 'revoke-owners-decisions',
    title: '责令改正或者撤销业主大会、业主委员会的违法决定',
    category: '指导监督',
    holder: '两者',
    delegatedToStreet: 'yes',
    legalBasis: [at('property-management-regulations', 19), at(BJWY, 8)],
    process: [
      '受理：受理业主反映，或者在指导监督中发现业主大会、业主委员会的决定可能违反法律、法规、规章。',
      '核实：调查核实，听取业主委员会的意见。',
      '决定：责令限期改正；不改正或者依法应当撤销的，作出撤销决定。',
      '送达：书面送达业主大会、业主委员会。',
      '跟踪：跟踪改正情况。',
    ],
    templates: ['supervision-decision', 'service-receipt'],
    violationNos: [22],
    unverified: false,
    notes: '决定侵害业主合法权益的，受侵害的业主也可以请求人民法院撤销（民法典第二百八十条）。',
  },
  {
    key: 'convene-owners-meetings',
    title: '责令限期召集或者组织召集业主大会、业主委员会会议',
    category: '指导监督',
    holder: '两者',
    delegatedToStreet: 'yes',
    legalBasis: [at(BJWY, 36), at(BJWY, 45)],
    process: [
      '受理：受理业主或者业主委员会委员关于未按规定召集会议的请求。',
      '核实：核实未按规定召集的情况。',
      '责令召集：责令业主委员会（主任、副主任）限期召集。',
      '组织召集：逾期仍未召集的，组织召集。',
    ],
    templates: ['supervision-decision', 'service-receipt'],
    violationNos: [22],
    unverified: false,
  },
  {
    key: 'order-member-removal',
    title: '责令业主委员会提请业主大会罢免委员',
    category: '指导监督',
    holder: '两者',
    delegatedToStreet: 'yes',
    legalBasis: [at(BJWY, 46)],
    process: [
      '发现：发现业主委员会委员不再符合任职条件等情形。',
      '核实：调查核实。',
      '责令提请：业主委员会未提请罢免的，责令其提请业主大会罢免有关委员资格。',
      '跟踪：跟踪业主大会的表决结果。',
    ],
    templates: ['supervision-decision', 'service-receipt'],
    violationNos: [22],
    unverified: false,
  },
  {
    key: 'guide-owners-assembly',
    title: '指导成立业主大会、选举业主委员会',
    category: '指导监督',
    holder: '两者',
    delegatedToStreet: 'yes',
    legalBasis: [
      at(BJWY, 8),
      at(BJWY, 30),
      at(BJWY, 31),
      at(BJWY, 32),
      at(BJWY, 39),
      at('property-management-regulations', 10),
      at('civil-code', 277),
    ],
    process: [
      '受理申请：已交付的专有部分达到建筑物总面积百分之五十以上，百分之五以上的业主、专有部分占建筑物总面积百分之五以上的业主或者建设单位申请成立业主大会。',
      '审核：三十日内审核申请。',
      '组建筹备组：指定居民委员会工作人员担任筹备组组长，筹备组中业主代表不少于二分之一。',
      '首次会议：指导筹备组在六十日内组织召开首次业主大会会议。',
      '选举：指导选举业主委员会（五人以上单数；一百户以下的住宅小区可以由三人组成）。',
      '备案：办理业主大会、业主委员会备案。',
    ],
    templates: ['filing-register'],
    violationNos: [],
    unverified: false,
    notes: '业主共同决定事项的表决比例适用民法典第二百七十八条。',
  },
  {
    key: 'form-property-committee',
    title: '组建物业管理委员会',
    category: '指导监督',
    holder: '两者',
    delegatedToStreet: 'yes',
    legalBasis: [at(BJWY, 52, { articleTo: 59 }), at(BJWY, 8)],
    process: [
      '判断情形：不具备成立业主大会条件，或者业主大会成立后未能选举产生业主委员会。',
      '组建：物业管理委员会由七人以上单数组成，业主代表不少于二分之一，主任由居民委员会代表担任。',
      '指导履职：指导物业管理委员会组织业主共同决定物业管理事项。',
      '推动转换：在任期（一般不超过三年）内推动成立业主大会、选举产生业主委员会。',
    ],
    templates: ['filing-register'],
    violationNos: [],
    unverified: false,
    notes: '组建细则见《北京市物业管理委员会组建办法》（京建发〔2021〕53号，文号待核实）。',
  },
  {
    key: 'owners-body-filing',
    title: '业主大会、业主委员会备案',
    category: '备案审查',
    holder: '两者',
    delegatedToStreet: 'yes',
    legalBasis: [at(BJWY, 8), at(BJWY, 43), at('property-management-regulations', 16)],
    process: [
      '受理：受理业主委员会自选举产生之日起三十日内报送的备案材料。',
      '审查：审查备案材料。',
      '备案：符合要求的予以备案。',
      '存档：登记存档。',
    ],
    templates: ['filing-register'],
    violationNos: [],
    unverified: false,
  },
  {
    key: 'convention-filing',
    title: '居民公约备案',
    category: '备案审查',
    holder: '两者',
    delegatedToStreet: 'yes',
    legalBasis: [
      at('residents-committee-law', 15),
      at('residents-committee-law', 9),
      at('bj-residents-committee-measures', 18),
      at(STREET, 32),
    ],
    process: [
      '受理：受理居民委员会报送的居民公约文本及居民会议讨论通过的记录。',
      '审查程序：核对居民会议是否有过半数应到人员出席、决定是否经出席人过半数通过（城市居民委员会组织法第九条）。',
      '审查内容：审查公约是否与宪法、法律、法规和国家的政策相抵触，是否设定罚款。',
      '备案：符合要求的予以备案；不符合的，提出修改意见。',
      '指导实施：指导居民委员会组织、监督公约的实施。',
    ],
    templates: ['filing-register', 'residents-convention'],
    violationNos: [],
    unverified: false,
    notes:
      '城市居民委员会组织法第十五条规定报区人民政府或者街道办事处备案；北京市实施办法第十八条规定报街道办事处或者乡、镇人民政府备案。',
  },
  {
    key: 'residents-committee-guidance',
    title: '指导居民委员会开展自治（社区议事、居民公约）',
    category: '指导监督',
    holder: '街道办事处',
    delegatedToStreet: 'yes',
    legalBasis: [at('residents-committee-law', 2), at(STREET, 31), at(STREET, 32)],
    process: [
      '指导协商：指导居民委员会通过社区议事厅等形式，组织居民和社区单位协商解决社区治理问题。',
      '推动公约：推动居民委员会制定和完善居民公约。',
      '指导居民会议：指导居民会议依法召开、依法表决。',
      '支持自治：支持和帮助居民委员会开展自我管理、自我教育、自我服务。',
    ],
    templates: ['residents-convention', 'open-letter'],
    violationNos: [],
    unverified: false,
  },
  {
    key: 'assistance-task-approval',
    title: '审核职能部门要求居民委员会协助的工作',
    category: '其他',
    holder: '两者',
    delegatedToStreet: 'yes',
    legalBasis: [
      at('residents-committee-law', 20),
      at('bj-residents-committee-measures', 28),
      at(STREET, 32),
      { lawKey: 'community-governance-opinions-2017' },
    ],
    process: [
      '受理：职能部门提出需要居民委员会协助的事项。',
      '审核：对照居民委员会协助政府工作任务清单审核。',
      '安排：同意的，统一安排；不同意的，告知提出部门。',
      '告知：未经同意要求居民委员会协助的，居民委员会可以拒绝。',
    ],
    templates: [],
    violationNos: [],
    unverified: false,
    notes: '中央文件要求为基层群众性自治组织减负，不得将执法、拆迁、城市管理等任务交由其承担。',
  },
  {
    key: 'grid-management',
    title: '网格化管理',
    category: '其他',
    holder: '街道办事处',
    delegatedToStreet: 'yes',
    legalBasis: [at(STREET, 24)],
    process: [
      '采集：网格员巡查发现或者接报问题。',
      '立案：登记立案。',
      '派遣：派至责任单位处理。',
      '处理：责任单位处理。',
      '反馈：责任单位反馈处理结果。',
      '核查：由派遣方另行核查。',
      '结案：核查通过后结案。',
    ],
    templates: [],
    violationNos: [],
    unverified: false,
    notes: '流程参照数字化城市管理事件处置的通行做法（督办分级、回退、挂账等规则因区而异）。',
  },
  {
    key: 'environment-campaigns',
    title: '组织违法建设、停车秩序、垃圾分类等专项整治',
    category: '组织协调',
    holder: '街道办事处',
    delegatedToStreet: 'yes',
    legalBasis: [at(STREET, 28)],
    process: [
      '确定事项：确定整治事项和范围。',
      '制定方案：制定整治方案，明确部门分工。',
      '动员：组织居民委员会、物业服务人和居民参与，发布倡议书。',
      '整治：开展整治；需要执法的，由职权部门依法查处，必要时吹哨报到。',
      '总结：总结评估整治效果。',
    ],
    templates: ['open-letter', 'whistle-notice'],
    violationNos: [1, 8, 12, 17],
    unverified: false,
  },
  {
    key: 'department-oversight',
    title: '对区政府工作部门派出机构的考核和人事任免提出意见',
    category: '其他',
    holder: '街道办事处',
    delegatedToStreet: 'yes',
    legalBasis: [at(STREET, 11), at(STREET, 44)],
    process: [
      '记录：记录派出机构在吹哨报到、接诉即办等工作中的履职情况。',
      '提出意见：按照区人民政府的规定，对派出机构的工作考核和人事任免提出意见和建议。',
      '报告：工作部门拒不履行职责的，报区人民政府。',
    ],
    templates: [],
    violationNos: [],
    unverified: false,
  },
  {
    key: 'dissuade-and-refer',
    title: '劝阻、制止违法行为并通知职能部门查处',
    category: '其他',
    holder: '两者',
    delegatedToStreet: 'yes',
    legalBasis: [at(STREET, 26), at(STREET, 49), at(BJWY, 78, { paragraph: 3 })],
    process: [
      '发现：发现违法行为，或者接到业主委员会（物业管理委员会）、物业服务人劝阻无效后的报告。',
      '劝阻、制止：对违法行为进行劝阻、制止。',
      '查处：属于本街道（乡镇）职责范围的，及时立案查处。',
      '移送：属于市、区人民政府工作部门职责的，通知有关部门查处并移交证据材料。',
      '联合执法：涉及多部门的，依托综合指挥平台组织联合执法。',
    ],
    templates: ['dissuasion-report-form', 'referral-letter', 'whistle-notice'],
    violationNos: [3, 5, 6, 8, 9, 10, 11],
    unverified: false,
  },
  {
    key: 'delegated-enforcement',
    title: '行使下放的行政执法职权（综合行政执法）',
    category: '行政处罚',
    holder: '两者',
    delegatedToStreet: 'unverified',
    legalBasis: [
      { lawKey: 'bj-enforcement-delegation-decision' },
      at('administrative-penalty-law', 24),
      at(STREET, 11),
      at(STREET, 25),
      at(STREET, 49),
    ],
    process: PENALTY_PROCESS,
    templates: [...PENALTY_TEMPLATES, 'demand-notice'],
    violationNos: [2, 4, 7, 12, 13, 14, 15, 16, 17, 18, 19, 20, 23],
    unverified: false,
    notes:
      '2020年7月1日起下放431项，含行政处罚权、行政强制权及相关行政检查权，由街道办事处、乡镇人民政府以自己名义行使，执法队伍为街道/乡镇综合行政执法队。列明的目录事项是否下放、是否区街共有，须对照决定附件和本区划分决定逐项核实。',
  },
  {
    key: 'waste-discharge-registration',
    title: '生活垃圾排放登记',
    category: '备案审查',
    holder: '两者',
    delegatedToStreet: 'yes',
    legalBasis: [at('bj-household-waste-regulations', 37)],
    process: [
      '受理：受理生活垃圾分类管理责任人的排放登记。',
      '核对：核对登记信息。',
      '登记：登记并汇总辖区生活垃圾排放数据。',
    ],
    templates: ['filing-register'],
    violationNos: [17],
    unverified: false,
  },
]);

/** The power with this key, or undefined. */
export function findPower(key: string): Power | undefined {
  return powers.find((power) => power.key === key);
}
