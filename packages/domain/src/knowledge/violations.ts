import { z } from 'zod';
import { citeProvisions, knowledgeKeySchema, type Provision, provisionSchema, UNVERIFIED_MARK } from './citation';
import { type Law, laws, sourceKeySchema } from './laws';

/**
 * The Beijing catalogue of common community violations (违法行为查处职权部门清单, legal-facts
 * section A): what is prohibited, the penalty, who enforces it and who reports it. Chinese data for
 * Chinese documents; lawyers edit it in the product, which stores and versions it.
 */

/**
 * Whether the 街道/乡镇 itself exercises the item's enforcement power:
 * - `yes` — a statute names the 街道办事处/乡镇人民政府 itself;
 * - `no` — a district or city department or the police (powers not among those delegated under 京政发〔2020〕9号);
 * - `shared` — by statute, part rests with the 街乡 and part with a department;
 * - `unverified` — it depends on the annex of 京政发〔2020〕9号 and the district's division decision, not checked per item.
 */
export const DELEGATION_STATUSES = ['yes', 'no', 'shared', 'unverified'] as const;
export const delegationStatusSchema = z.enum(DELEGATION_STATUSES);
export type DelegationStatus = z.infer<typeof delegationStatusSchema>;

export const enforcerSchema = z
  .object({
    /** The real Beijing body, e.g. 区住房和城乡建设委员会. */
    body: z.string().min(1),
    /** Which cases it takes, when the item is divided (城镇违法建设, 道路范围内 …). */
    scope: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
    unverified: z.boolean().optional(),
  })
  .strict();
export type Enforcer = z.infer<typeof enforcerSchema>;

/** 发现报告主体: who must dissuade or report, as a statute says. */
export const reporterSchema = z
  .object({
    party: z.string().min(1),
    duty: z.string().min(1),
    basis: provisionSchema.optional(),
  })
  .strict();
export type Reporter = z.infer<typeof reporterSchema>;

/** 12345 接诉即办 is the complaint channel for every item (北京市接诉即办工作条例第二条). */
export const COMPLAINT_CHANNEL = '12345市民服务热线（接诉即办）';

function unverifiedParts(entry: {
  prohibitions: Provision[];
  penalties: Provision[];
  related: Provision[];
  coercion?: { basis: Provision[] } | undefined;
  reporters: Reporter[];
  enforcers: Enforcer[];
}): string[] {
  const provisions = [
    ...entry.prohibitions,
    ...entry.penalties,
    ...entry.related,
    ...(entry.coercion?.basis ?? []),
    ...entry.reporters.flatMap((reporter) => (reporter.basis ? [reporter.basis] : [])),
  ];
  return [
    ...provisions
      .filter((provision) => provision.unverified === true)
      .map((provision) => `provision ${provision.lawKey} ${provision.article ?? ''}`.trim()),
    ...entry.enforcers
      .filter((enforcer) => enforcer.unverified === true)
      .map((enforcer) => `enforcer ${enforcer.body}`),
  ];
}

export const violationEntrySchema = z
  .object({
    /** 序号 in the catalogue; stable (the database and the documents key on it). */
    no: z.number().int().positive(),
    key: knowledgeKeySchema,
    title: z.string().min(1),
    description: z.string().min(1),
    /** 禁止性条款 */
    prohibitions: z.array(provisionSchema),
    /** 罚则条款 (and, for owners' bodies, the supervisory measures that take their place). */
    penalties: z.array(provisionSchema),
    /** Division of duties, definitions, civil liability: cited, neither prohibition nor penalty. */
    related: z.array(provisionSchema),
    /** 处罚种类/幅度, in the firm's words; ranges only as the sources give them. */
    penaltySummary: z.string().min(1),
    /** 强制措施 */
    coercion: z
      .object({ summary: z.string().min(1), basis: z.array(provisionSchema).min(1) })
      .strict()
      .optional(),
    /** The usual enforcer, one body. */
    enforcer: z.string().min(1),
    /** The full division when more than one body enforces (empty when `enforcer` says it all). */
    enforcers: z.array(enforcerSchema),
    delegatedToStreet: delegationStatusSchema,
    reporters: z.array(reporterSchema),
    cooperatingDepartments: z.array(z.string().min(1)),
    complaintChannel: z.string().min(1),
    /**
     * 12345 dispatch categories the item maps to. The dispatch catalogue (派单目录) is not in the
     * sources, so the mapping is always unverified — and shown as such apart from the legal content.
     */
    hotlineCategories: z.object({ names: z.array(z.string().min(1)).min(1), unverified: z.boolean() }).strict(),
    sourceKeys: z.array(sourceKeySchema),
    /**
     * True when any legal content — a cited provision, an enforcer — is unverified. The delegation
     * status and the hotline mapping carry their own marks and do not count here: both are
     * unverified for most items by nature, and folding them in would mark the whole catalogue.
     */
    unverified: z.boolean(),
    notes: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((entry, context) => {
    const parts = unverifiedParts(entry);
    if (parts.length > 0 && !entry.unverified) {
      context.addIssue({
        code: 'custom',
        path: ['unverified'],
        message: `item ${entry.no} has unverified parts (${parts.join(', ')}) but is not marked unverified`,
      });
    }
  });
export type ViolationEntry = z.infer<typeof violationEntrySchema>;

const BJWY = 'bj-property-management-regulations';
const STREET_ENFORCEMENT = '街道/乡镇综合行政执法队';
const STREET_OR_TOWNSHIP = '街道办事处、乡镇人民政府';
const FIRE = '区消防救援支队（消防救援机构）';
const POLICE_STATION = '公安派出所';
const POLICE = '公安机关（公安派出所）';
const HOUSING = '区住房和城乡建设委员会';
const PLANNING = '市规划和自然资源委员会及其区分局';

/** 第N条… of a law; `rest` adds 款/项, a note or an unverified mark. */
function at(lawKey: string, article: number, rest: Omit<Provision, 'lawKey' | 'article'> = {}): Provision {
  return { lawKey, article, ...rest };
}
/** A law the sources name without an article: always unverified. */
function wholeLaw(lawKey: string, note?: string): Provision {
  return note === undefined ? { lawKey, unverified: true } : { lawKey, note, unverified: true };
}
const bjwy78 = (item: number) => at(BJWY, 78, { paragraph: 2, item });
const bjwy98 = (item: number, note?: string) => at(BJWY, 98, note === undefined ? { item } : { item, note });
/** BJWY 78 ③: the dissuade-then-report duty behind every item prohibited in 78 ②. */
const propertyReporters: Reporter = {
  party: '业主委员会（物业管理委员会）、物业服务人',
  duty: '及时劝阻；劝阻无效的，向街道办事处、乡镇人民政府或者行政执法机关报告。利害关系人有权投诉、举报。',
  basis: at(BJWY, 78, { paragraph: 3 }),
};
const hotline = (...names: string[]) => ({ names, unverified: true });

export const violationEntries: readonly ViolationEntry[] = z.array(violationEntrySchema).parse([
  {
    no: 1,
    key: 'illegal-construction',
    title: '违法建设（私搭乱建、私挖地下空间）',
    description:
      '违法搭建建筑物、构筑物、障碍物或者私挖地下空间等违法建设行为。违法建设分为城镇违法建设和乡村违法建设。',
    prohibitions: [bjwy78(3)],
    penalties: [
      at('urban-rural-planning-law', 64, { note: '城镇违法建设' }),
      at('urban-rural-planning-law', 65, { note: '乡、村庄规划区内的违法建设' }),
      bjwy98(3),
      wholeLaw('bj-illegal-construction-provisions', '市政府规章，令号见第三方来源清单'),
    ],
    related: [
      at('bj-urban-rural-planning-regulations', 58, {
        note: '查处违法建设的职责分工；街道办事处可以依照规定开展综合执法',
      }),
      at('bj-urban-rural-planning-regulations', 75),
      at('bj-urban-rural-planning-regulations', 92, { note: '违法建设的定义' }),
      at('civil-code', 286),
    ],
    penaltySummary:
      '城镇违法建设，处建设工程造价百分之五以上百分之十以下的罚款，或者责令限期拆除；乡村违法建设由乡镇人民政府依法查处；物业管理区域内违法搭建、私挖地下空间的，依照城乡规划法律法规处理。',
    coercion: {
      summary:
        '对正在搭建、开挖的违法建设，书面责令立即停止建设，并可以查封施工现场；逾期不拆除的，依法催告后实施强制拆除；违法建设当事人无法确定的，予以公告，公告期间不得少于十日。',
      basis: [
        at('bj-urban-rural-planning-regulations', 74),
        at('bj-urban-rural-planning-regulations', 78),
        at('administrative-coercion-law', 35),
        at('administrative-coercion-law', 44),
      ],
    },
    enforcer: STREET_ENFORCEMENT,
    enforcers: [
      {
        scope: '城镇违法建设',
        body: STREET_ENFORCEMENT,
        note: '原城市管理综合执法部门的职权，2020年7月1日起由街道、乡镇行使',
      },
      { scope: '乡村违法建设', body: '乡镇人民政府' },
      { scope: '临时建设及涉及规划许可的案件', body: PLANNING },
    ],
    delegatedToStreet: 'unverified',
    reporters: [
      {
        party: '居民委员会、业主委员会、物业服务企业',
        duty: '发现违法建设的，予以劝阻，并报告街道办事处、乡镇人民政府或者其他执法机关。',
        basis: at('bj-urban-rural-planning-regulations', 62),
      },
      propertyReporters,
      {
        party: '业主大会、业主委员会',
        duty: '有权请求行为人停止侵害；业主也可以向有关行政主管部门报告或者投诉。',
        basis: at('civil-code', 286),
      },
    ],
    cooperatingDepartments: [PLANNING, '乡镇人民政府'],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('违法建设'),
    sourceKeys: ['LRB', 'S1', 'S9'],
    unverified: true,
    notes:
      '《北京市禁止违法建设若干规定》的令号、日期仅见于第三方来源清单，全文未见于任何已存来源。街道办事处对违法建设的巡查、制止职责见北京市城乡规划条例第六十二条。',
  },
  {
    no: 2,
    key: 'green-space-encroachment',
    title: '侵占绿地、毁绿种菜',
    description:
      '侵占绿地、毁坏绿化植物和绿化设施，在绿地内种菜、取土、搭建，擅自改变绿地用途或者未经批准临时占用绿地。',
    prohibitions: [
      bjwy78(9),
      at('bj-greening-regulations', 50),
      at('bj-greening-regulations', 57),
      at('bj-greening-regulations', 60),
    ],
    penalties: [
      bjwy98(9),
      at('bj-greening-regulations', 67),
      at('bj-greening-regulations', 68),
      at('bj-greening-regulations', 71),
    ],
    related: [at('bj-greening-regulations', 73, { note: '处罚由园林绿化主管部门或者城市管理综合行政执法部门实施' })],
    penaltySummary:
      '物业管理区域内侵占绿地、毁坏绿化的，责令改正；拒不改正的，处五百元以上五千元以下罚款。损害绿化的，情节较轻的处二十元以上五十元以下罚款，情节严重的处五十元以上五百元以下罚款；擅自改变绿地性质和用途的，处土地使用权地价款三至五倍的罚款；未经批准临时占用绿地的，责令限期改正、恢复原状。',
    enforcer: STREET_ENFORCEMENT,
    enforcers: [
      { scope: '已下放街道、乡镇的事项', body: STREET_ENFORCEMENT },
      { scope: '未下放的事项', body: '区园林绿化局' },
    ],
    delegatedToStreet: 'unverified',
    reporters: [propertyReporters],
    cooperatingDepartments: ['区园林绿化局'],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('园林绿化', '侵占绿地'),
    sourceKeys: ['LRB', 'S1'],
    unverified: false,
  },
  {
    no: 3,
    key: 'fire-lane-obstruction',
    title: '占用、堵塞消防车通道、疏散通道',
    description: '占用、堵塞、封闭消防车通道、疏散通道、安全出口等影响消防安全的行为。',
    prohibitions: [at('fire-protection-law', 28), bjwy78(10)],
    penalties: [
      at('fire-protection-law', 60),
      bjwy98(10, '前段：消防通道、疏散通道'),
      at('bj-fire-regulations', 102, { note: '条文序号仅见于转载网页', unverified: true }),
    ],
    related: [at('fire-protection-law', 53, { note: '公安派出所可以负责日常消防监督检查' })],
    penaltySummary:
      '对单位处五千元以上五万元以下罚款，对个人处警告或者五百元以下罚款；经责令改正拒不改正的，强制执行。物业管理区域内占用、堵塞、封闭消防通道、疏散通道的，对单位处五千元以上五万元以下罚款，对个人处五百元罚款。2025年修订的《北京市消防条例》对个人规定警告或者五百元以下罚款（据报道为第一百零二条，待核实）。',
    coercion: { summary: '经责令改正拒不改正的，强制清除障碍。', basis: [at('fire-protection-law', 60)] },
    enforcer: FIRE,
    enforcers: [{ body: FIRE }, { scope: '日常消防监督检查', body: POLICE_STATION }],
    delegatedToStreet: 'no',
    reporters: [propertyReporters],
    cooperatingDepartments: [POLICE_STATION],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('消防安全'),
    sourceKeys: ['LRB', 'S4'],
    unverified: true,
    notes:
      '《北京市消防条例》2025年修订、2025年5月1日起施行，条文序号仅见于转载网页；所据汇编收录的是已被取代的2011年文本。',
  },
  {
    no: 4,
    key: 'stairwell-clutter',
    title: '楼道等共用部位堆放杂物',
    description: '在楼道、楼梯间等共用部位乱堆乱放杂物；堆物占用疏散通道的，按占用疏散通道处理（见本目录第3项）。',
    prohibitions: [
      bjwy78(10),
      at('bj-civilized-conduct-regulations', 30, { item: 1 }),
      wholeLaw('bj-fire-regulations', '2025年修订文本禁止在楼道堆放物品，条文序号未见'),
    ],
    penalties: [bjwy98(10, '后段：其他共用部位')],
    related: [],
    penaltySummary:
      '占用、堵塞其他共用部位的，责令改正，给予警告，对个人处二百元以上五百元以下罚款，对单位处二千元以上二万元以下罚款；占用疏散通道的，由消防救援机构依照本目录第3项处理。',
    enforcer: STREET_ENFORCEMENT,
    enforcers: [
      { scope: '占用疏散通道的', body: FIRE },
      { scope: '占用其他共用部位的', body: STREET_ENFORCEMENT },
    ],
    delegatedToStreet: 'unverified',
    reporters: [propertyReporters],
    cooperatingDepartments: [FIRE],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('消防安全', '楼道堆物'),
    sourceKeys: ['LRB', 'S4'],
    unverified: true,
  },
  {
    no: 5,
    key: 'unsafe-e-bike-charging',
    title: '飞线充电、电动自行车进楼入梯',
    description:
      '违规私拉电线、电缆为电动自行车等电动车辆充电；在门厅、疏散通道、楼梯间停放电动自行车或者充电；携电动自行车、蓄电池进入电梯。',
    prohibitions: [
      bjwy78(5),
      wholeLaw('bj-fire-regulations', '2025年修订文本关于电动自行车停放、充电和进入电梯的禁止性规定'),
    ],
    penalties: [bjwy98(5), at('bj-fire-regulations', 97, { note: '条文序号仅见于转载网页', unverified: true })],
    related: [],
    penaltySummary:
      '违规私拉电线、电缆充电的，由消防救援机构责令改正；拒不改正的，处五百元以上五千元以下罚款。在门厅、疏散通道、楼梯间停放电动自行车或者充电，携电动自行车、蓄电池进入电梯，拒不改正的，对个人处五百元以上一千元以下罚款，对单位处二千元以上一万元以下罚款（2025年修订的《北京市消防条例》，据报道为第九十七条，待核实）。',
    enforcer: FIRE,
    enforcers: [],
    delegatedToStreet: 'no',
    reporters: [propertyReporters],
    cooperatingDepartments: [],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('消防安全', '电动自行车充电'),
    sourceKeys: ['LRB', 'S4'],
    unverified: true,
  },
  {
    no: 6,
    key: 'throwing-from-height',
    title: '高空抛物',
    description: '从建筑物或者其他高处抛掷物品的行为。',
    prohibitions: [bjwy78(7), at('civil-code', 1254)],
    penalties: [
      at('public-security-penalties-law', 43, { item: 5, note: '2026年1月1日起施行的修订文本条文序号' }),
      bjwy98(7),
      at('criminal-law', 291, { articleSub: 2, note: '情节严重的' }),
    ],
    related: [],
    penaltySummary:
      '由公安机关给予警告，处五百元以上五千元以下罚款；依照2026年1月1日起施行的《中华人民共和国治安管理处罚法》，处五日以下拘留或者一千元以下罚款；情节严重的，依法追究刑事责任。造成他人损害的，依法承担侵权责任。',
    enforcer: POLICE_STATION,
    enforcers: [],
    delegatedToStreet: 'no',
    reporters: [
      propertyReporters,
      {
        party: '物业服务企业等建筑物管理人',
        duty: '采取必要的安全保障措施，防止从建筑物中抛掷物品。',
        basis: at('civil-code', 1254),
      },
    ],
    cooperatingDepartments: [],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('高空抛物'),
    sourceKeys: ['LRB', 'S5'],
    unverified: false,
    notes: '治安管理处罚法条文序号据县级公安机关网站转载的2025年修订文本。',
  },
  {
    no: 7,
    key: 'dog-keeping',
    title: '违规养犬',
    description:
      '未经登记、年检养犬；在重点管理区内超量饲养或者饲养烈性犬、大型犬；违反规定携犬出户、乘坐电梯；犬吠扰民；犬只粪便不及时清除。',
    prohibitions: [at('bj-dog-regulations', 9), at('bj-dog-regulations', 10), at('bj-dog-regulations', 17), bjwy78(12)],
    penalties: [at('bj-dog-regulations', 27), at('bj-dog-regulations', 29), at('bj-dog-regulations', 30), bjwy98(12)],
    related: [at('civil-code', 1245, { articleTo: 1250, note: '饲养动物损害的民事责任' })],
    penaltySummary:
      '未经登记、年检养犬的，由公安机关没收其犬，或者对单位处五千元罚款、对个人处二千元罚款；违反携犬出户、乘坐电梯等规定的，由公安机关予以警告，并可对个人处五百元以下罚款；犬只粪便不清除的，可以处五十元罚款。物业管理区域内违反规定饲养动物的，由公安机关依法处罚。',
    enforcer: POLICE,
    enforcers: [{ body: POLICE }, { scope: '犬只粪便不清除、破坏市容环境卫生的', body: STREET_ENFORCEMENT }],
    delegatedToStreet: 'unverified',
    reporters: [
      propertyReporters,
      {
        party: '居民委员会、业主委员会',
        duty: '可以召集居民会议、业主会议，就养犬管理事项依法制定公约，并组织监督实施。',
        basis: at('bj-dog-regulations', 6),
      },
    ],
    cooperatingDepartments: [STREET_ENFORCEMENT],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('养犬管理'),
    sourceKeys: ['LRB'],
    unverified: false,
  },
  {
    no: 8,
    key: 'illegal-rental',
    title: '群租房、违规出租房屋',
    description:
      '违反规定出租房屋，包括超过人均居住面积或者每间居住人数标准出租，以及将厨房、卫生间、阳台、地下室等出租供人员居住。',
    prohibitions: [
      bjwy78(13),
      wholeLaw(
        'bj-rental-standards-notice-2013',
        '人均居住面积不低于五平方米、每间不超过二人、不得出租厨房、卫生间、阳台和地下室',
      ),
      wholeLaw('bj-housing-rental-regulations', '可能已适用'),
    ],
    penalties: [bjwy98(12, '适用于第七十八条第二款第十三项')],
    related: [],
    penaltySummary:
      '物业管理区域内违反规定出租房屋的，由公安机关依法处罚；住房租赁市场的违法行为由区住房和城乡建设委员会依法查处。',
    enforcer: POLICE,
    enforcers: [
      { body: POLICE },
      { scope: '住房租赁市场', body: HOUSING },
      { scope: '联合整治', body: '街道办事处（牵头组织）' },
    ],
    delegatedToStreet: 'no',
    reporters: [propertyReporters],
    cooperatingDepartments: [HOUSING, '街道办事处'],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('房屋租赁', '群租房'),
    sourceKeys: ['LRB'],
    unverified: true,
    notes:
      '出租房屋居住标准出自2013年北京市住房和城乡建设委员会的通知，正式名称、文号和现行效力待核实；《北京市住房租赁条例》是否施行及其条款待核实。',
  },
  {
    no: 9,
    key: 'structural-alteration',
    title: '违规装修、损坏或者擅自拆改承重结构',
    description: '装饰装修房屋时损坏、擅自拆改建筑物承重结构，或者未与物业服务人签订装饰装修服务协议。',
    prohibitions: [
      bjwy78(1),
      at(BJWY, 79, { note: '装饰装修服务协议' }),
      wholeLaw('residential-decoration-measures'),
      wholeLaw('bj-load-bearing-structure-notice-2023'),
      wholeLaw('bj-building-use-safety-regulations', '2026年3月1日起施行'),
    ],
    penalties: [bjwy98(1)],
    related: [],
    penaltySummary: '由区住房和城乡建设委员会责令改正，处五万元以上十万元以下罚款。',
    enforcer: HOUSING,
    enforcers: [
      { body: HOUSING, note: '条例原文为“区住房和城乡建设或者房屋主管部门”' },
      { scope: '当事人拒不恢复原状的', body: '公安机关', unverified: true },
    ],
    delegatedToStreet: 'no',
    reporters: [propertyReporters],
    cooperatingDepartments: ['公安机关'],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('房屋安全', '违规装修'),
    sourceKeys: ['LRB', 'S8', 'S9'],
    unverified: true,
    notes:
      '2023年5月26日紧急通知仅见于二手转载；《北京市房屋建筑使用安全条例》的日期仅见于第三方来源清单；拒不恢复原状时由公安机关处置的依据未见。',
  },
  {
    no: 10,
    key: 'change-of-use',
    title: '擅自改变房屋用途（住改商）',
    description: '擅自改变物业规划用途，如将住宅改为经营性用房。',
    prohibitions: [bjwy78(11), at('civil-code', 279, { note: '住宅改为经营性用房须经有利害关系的业主一致同意' })],
    penalties: [bjwy98(11), at('bj-urban-rural-planning-regulations', 84)],
    related: [],
    penaltySummary: '由规划自然资源主管部门责令限期改正，按照应当缴纳的土地使用权地价款数额的二倍处以罚款。',
    enforcer: PLANNING,
    enforcers: [],
    delegatedToStreet: 'no',
    reporters: [propertyReporters],
    cooperatingDepartments: [],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('擅自改变房屋用途'),
    sourceKeys: ['LRB'],
    unverified: false,
  },
  {
    no: 11,
    key: 'commercial-use-of-common-parts',
    title: '擅自利用共用部位经营',
    description: '擅自利用共用部位、共用设施设备进行经营活动。',
    prohibitions: [bjwy78(2)],
    penalties: [bjwy98(2)],
    related: [
      at('civil-code', 278, { paragraph: 1, item: 8, note: '利用共有部分从事经营活动须经业主依法表决' }),
      at('civil-code', 282, { note: '共有部分收入扣除合理成本后属于业主共有' }),
    ],
    penaltySummary:
      '由区住房和城乡建设委员会查处，对单位处五万元以上二十万元以下罚款，对个人处一千元以上一万元以下罚款。',
    enforcer: HOUSING,
    enforcers: [],
    delegatedToStreet: 'no',
    reporters: [propertyReporters],
    cooperatingDepartments: [],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('物业管理'),
    sourceKeys: ['LRB'],
    unverified: false,
  },
  {
    no: 12,
    key: 'private-parking-locks',
    title: '私设地锁、地桩',
    description: '在道路、住宅小区和其他公共区域擅自设置地锁、地桩等障碍物，阻碍机动车停放和通行。',
    prohibitions: [at('bj-parking-regulations', 26), at('bj-civilized-conduct-regulations', 30, { item: 4 })],
    penalties: [at('bj-parking-regulations', 26)],
    related: [],
    penaltySummary:
      '在其他公共场所擅自设置的，处五百元以上一千元以下罚款；道路范围内、实行物业管理的住宅小区内，分别由公安机关交通管理部门、区住房和城乡建设委员会依法处理。',
    enforcer: STREET_ENFORCEMENT,
    enforcers: [
      { scope: '实行物业管理的住宅小区', body: HOUSING },
      { scope: '道路范围内', body: '公安机关交通管理部门' },
      { scope: '其他公共场所', body: STREET_ENFORCEMENT },
    ],
    delegatedToStreet: 'unverified',
    reporters: [],
    cooperatingDepartments: [HOUSING, '公安机关交通管理部门'],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('停车管理', '地锁地桩'),
    sourceKeys: ['LRB'],
    unverified: false,
  },
  {
    no: 13,
    key: 'noise-nuisance',
    title: '噪声扰民（装修噪声、家庭噪声、广场舞等）',
    description:
      '违反规定时段在住宅楼内进行产生噪声的装修作业，家庭室内活动或者在公共场所组织娱乐、健身活动产生噪声干扰他人，以及夜间违法施工。',
    prohibitions: [
      at('noise-pollution-law', 65),
      at('noise-pollution-law', 66),
      at('bj-noise-measures', 35),
      bjwy78(8),
    ],
    penalties: [
      at('noise-pollution-law', 82),
      at('bj-noise-measures', 40, { note: '夜间施工' }),
      at('bj-noise-measures', 43),
      at('public-security-penalties-law', 58, {
        note: '系2012年修正文本的条文序号，2026年1月1日起施行的修订文本已调整序号',
        unverified: true,
      }),
      bjwy98(8),
    ],
    related: [at('bj-noise-measures', 3, { note: '公安部门负责社会生活噪声的监督管理' })],
    penaltySummary:
      '社会生活噪声扰民的，由公安机关给予警告；警告后不改正的，处二百元以上五百元以下罚款。违反噪声污染防治法有关规定的，对个人可以处二百元以上一千元以下罚款。夜间违法施工由街道/乡镇综合行政执法队依法查处。',
    enforcer: POLICE_STATION,
    enforcers: [
      { scope: '社会生活噪声', body: POLICE_STATION },
      { scope: '夜间施工噪声', body: STREET_ENFORCEMENT },
    ],
    delegatedToStreet: 'unverified',
    reporters: [
      {
        party: '居民委员会、业主委员会、物业服务人',
        duty: '对社会生活噪声扰民行为及时劝阻、调解；劝阻、调解无效的，可以向有关部门报告或者投诉。',
        basis: at('noise-pollution-law', 70),
      },
      propertyReporters,
    ],
    cooperatingDepartments: [STREET_ENFORCEMENT],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('噪声扰民'),
    sourceKeys: ['LRB', 'S5'],
    unverified: true,
    notes: '治安管理处罚法原第五十八条（2012年文本）在2026年1月1日起施行的修订文本中的对应条文待核实。',
  },
  {
    no: 14,
    key: 'cooking-fumes',
    title: '餐饮油烟扰民',
    description:
      '餐饮服务业经营者超标排放油烟，在居民住宅楼等场所新建、改建、扩建产生油烟的餐饮服务项目，以及在禁止区域露天烧烤。',
    prohibitions: [at('air-pollution-law', 81), wholeLaw('bj-air-pollution-regulations', '餐饮油烟相关条款')],
    penalties: [at('air-pollution-law', 118)],
    related: [],
    penaltySummary:
      '超标排放油烟的，处五千元以上五万元以下罚款；在居民住宅楼等场所新建产生油烟的餐饮服务项目的，处一万元以上十万元以下罚款；在禁止区域露天烧烤的，处五百元以上二万元以下罚款。',
    enforcer: STREET_ENFORCEMENT,
    enforcers: [
      { body: STREET_ENFORCEMENT, unverified: true },
      { body: '区生态环境局', unverified: true },
    ],
    delegatedToStreet: 'unverified',
    reporters: [],
    cooperatingDepartments: ['区生态环境局'],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('油烟扰民'),
    sourceKeys: ['LRB', 'S1'],
    unverified: true,
    notes: '由街道/乡镇综合行政执法队还是区生态环境局查处，以及《北京市大气污染防治条例》的相应条款，均待核实。',
  },
  {
    no: 15,
    key: 'street-vending',
    title: '占道经营、店外经营、公共场所堆物',
    description: '擅自占用城市道路等公共场所堆物堆料、摆摊设点，临街经营者超出门窗进行店外经营。',
    prohibitions: [at('bj-city-appearance-regulations', 35)],
    penalties: [at('bj-city-appearance-regulations', 35)],
    related: [],
    penaltySummary:
      '擅自占用公共场所堆物堆料、摆摊设点的，责令改正，并可处五百元以上五千元以下罚款；超出门窗店外经营的，责令改正，并可处三百元以上三千元以下罚款。',
    coercion: {
      summary: '堆放物品无法确认所有人、管理人的，公告不少于七日；期满无人认领的，予以清除。',
      basis: [at('bj-city-appearance-regulations', 35)],
    },
    enforcer: STREET_ENFORCEMENT,
    enforcers: [],
    delegatedToStreet: 'unverified',
    reporters: [],
    cooperatingDepartments: [],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('占道经营'),
    sourceKeys: ['LRB', 'S1'],
    unverified: false,
  },
  {
    no: 16,
    key: 'fly-posting',
    title: '乱贴小广告、乱涂写',
    description: '擅自在公共场所散发、悬挂、张贴宣传品、广告，或者在建筑物、构筑物上刻画、涂写、喷涂。',
    prohibitions: [at('bj-city-appearance-regulations', 41)],
    penalties: [at('bj-city-appearance-regulations', 41)],
    related: [at('bj-city-appearance-regulations', 40, { note: '乡镇人民政府和街道办事处组织设置公共信息栏' })],
    penaltySummary:
      '责令清除，并处一百元以上一千元以下罚款，情节严重的处一千元以上一万元以下罚款；组织张贴、涂写的，处一万元以上十万元以下罚款，情节严重的处十万元以上五十万元以下罚款。',
    enforcer: STREET_ENFORCEMENT,
    enforcers: [],
    delegatedToStreet: 'unverified',
    reporters: [],
    cooperatingDepartments: [],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('小广告'),
    sourceKeys: ['LRB', 'S1'],
    unverified: false,
  },
  {
    no: 17,
    key: 'waste-sorting',
    title: '生活垃圾未分类投放',
    description: '单位和个人未按规定分类投放生活垃圾；生活垃圾分类管理责任人未履行管理义务或者未办理排放登记。',
    prohibitions: [
      at('bj-household-waste-regulations', 33),
      at('bj-household-waste-regulations', 34),
      at('bj-household-waste-regulations', 35),
      at('bj-household-waste-regulations', 37),
    ],
    penalties: [
      at('bj-household-waste-regulations', 67),
      at('bj-household-waste-regulations', 68),
      at('bj-household-waste-regulations', 69),
    ],
    related: [],
    penaltySummary:
      '个人未分类投放的，由管理责任人劝阻；拒不听从的，给予书面警告；再次违反的，处五十元以上二百元以下罚款，自愿参加社区服务活动的不予处罚。单位未分类投放的，处一千元罚款；再次违反的，处一万元以上五万元以下罚款。管理责任人未履行管理义务的，处三千元以上三万元以下罚款。',
    enforcer: STREET_ENFORCEMENT,
    enforcers: [],
    delegatedToStreet: 'unverified',
    reporters: [
      {
        party: '生活垃圾分类管理责任人（住宅小区实行物业管理的，为物业服务人）',
        duty: '对个人未分类投放的行为进行劝阻。',
        basis: at('bj-household-waste-regulations', 67),
      },
    ],
    cooperatingDepartments: [],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('垃圾分类'),
    sourceKeys: ['LRB', 'S1'],
    unverified: false,
    notes: '生活垃圾分类管理责任人向街道办事处、乡镇人民政府办理排放登记（第三十七条）。',
  },
  {
    no: 18,
    key: 'hanging-laundry',
    title: '在护栏、树木等处晾晒吊挂',
    description: '在城市道路及其他公共场所的护栏、电线杆、树木、绿篱等处晾晒衣物或者吊挂物品。',
    prohibitions: [at('bj-city-appearance-regulations', 36)],
    penalties: [at('bj-city-appearance-regulations', 36)],
    related: [],
    penaltySummary: '责令改正，并可处二十元以上五十元以下罚款。',
    enforcer: STREET_ENFORCEMENT,
    enforcers: [],
    delegatedToStreet: 'unverified',
    reporters: [],
    cooperatingDepartments: [],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('市容环境'),
    sourceKeys: ['LRB', 'S1'],
    unverified: false,
  },
  {
    no: 19,
    key: 'pipe-tampering',
    title: '擅自拆改供水、排水管线',
    description: '擅自拆改供水、排水等管线。',
    prohibitions: [bjwy78(6)],
    penalties: [bjwy98(6)],
    related: [],
    penaltySummary: '由水务主管部门责令限期改正，处一万元以上三万元以下罚款。',
    enforcer: '区水务局',
    enforcers: [],
    delegatedToStreet: 'unverified',
    reporters: [propertyReporters],
    cooperatingDepartments: [],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('供排水'),
    sourceKeys: ['LRB', 'S1'],
    unverified: false,
    notes: '京政发〔2020〕9号下放了22项水务执法职权，本项是否在其中待核实。',
  },
  {
    no: 20,
    key: 'billboards-and-signs',
    title: '违规设置户外广告、牌匾标识',
    description: '违反规定设置户外广告设施，或者牌匾标识的设置不符合规范。',
    prohibitions: [at('bj-city-appearance-regulations', 38), at('bj-city-appearance-regulations', 39)],
    penalties: [at('bj-city-appearance-regulations', 38), at('bj-city-appearance-regulations', 39)],
    related: [],
    penaltySummary:
      '户外广告设施违反规定的，责令限期拆除，逾期未拆除的强制拆除，并可处一万元以上十万元以下罚款；牌匾标识不符合规范的，责令限期改正，逾期不改正的予以强制拆除，并可处五百元以上五千元以下罚款。',
    enforcer: STREET_ENFORCEMENT,
    enforcers: [],
    delegatedToStreet: 'unverified',
    reporters: [],
    cooperatingDepartments: [],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('户外广告牌匾'),
    sourceKeys: ['LRB', 'S1'],
    unverified: false,
  },
  {
    no: 21,
    key: 'property-service-breaches',
    title: '物业服务人违规',
    description:
      '物业服务人未按规定将物业服务合同备案、项目负责人未按时报到、挪用侵占公共收益、被解聘后拒不退出物业管理区域等违规行为。',
    prohibitions: [],
    penalties: [
      at(BJWY, 91),
      at(BJWY, 92),
      at(BJWY, 93),
      at(BJWY, 94),
      at(BJWY, 95),
      at(BJWY, 96),
      at(BJWY, 97),
      at(BJWY, 100),
    ],
    related: [],
    penaltySummary:
      '未按规定备案物业服务合同的，由街道办事处、乡镇人民政府责令限期改正，给予警告；逾期不改的，处五千元以上一万元以下罚款。项目负责人未按时报到的，由街道办事处、乡镇人民政府责令限期改正；逾期不改的，处五千元以上一万元以下罚款。挪用、侵占公共收益的，由区住房和城乡建设委员会责令退还，并处挪用、侵占金额二倍以下罚款。被解聘后拒不退出物业管理区域的，按日处一万元罚款。',
    enforcer: STREET_OR_TOWNSHIP,
    enforcers: [
      { scope: '第九十一条、第九十三条', body: STREET_OR_TOWNSHIP },
      { scope: '第九十二条、第九十四条至第九十七条、第一百条', body: HOUSING },
    ],
    delegatedToStreet: 'shared',
    reporters: [],
    cooperatingDepartments: [HOUSING],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('物业管理'),
    sourceKeys: ['LRB'],
    unverified: false,
    notes: '第九十七条的按日罚款适用于拒不退出物业管理区域；拒不移交资料、财物另有罚则，以条文为准。',
  },
  {
    no: 22,
    key: 'unlawful-owners-decisions',
    title: '业主大会、业主委员会作出违法决定',
    description: '业主大会、业主委员会作出违反法律、法规的决定，业主委员会不按规定召集会议，或者委员不再符合任职条件。',
    prohibitions: [],
    penalties: [at('property-management-regulations', 19), at(BJWY, 8), at(BJWY, 36), at(BJWY, 45), at(BJWY, 46)],
    related: [at('civil-code', 280, { note: '受侵害的业主可以请求人民法院撤销' })],
    penaltySummary:
      '街道办事处、乡镇人民政府责令限期改正或者撤销其决定；业主委员会未按规定召集会议的，责令限期召集，逾期仍未召集的组织召集；可以责令业主委员会提请业主大会罢免有关委员。决定侵害业主合法权益的，受侵害的业主可以请求人民法院撤销。',
    enforcer: STREET_OR_TOWNSHIP,
    enforcers: [],
    delegatedToStreet: 'yes',
    reporters: [],
    cooperatingDepartments: ['居民委员会'],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('物业管理', '业主组织'),
    sourceKeys: ['LRB'],
    unverified: false,
  },
  {
    no: 23,
    key: 'smoking-in-banned-places',
    title: '在禁止吸烟场所吸烟',
    description: '在禁止吸烟场所吸烟，以及禁止吸烟场所的经营者、管理者未履行控制吸烟管理义务。',
    prohibitions: [],
    penalties: [at('bj-tobacco-control-regulations', 24), at('bj-tobacco-control-regulations', 25)],
    related: [],
    penaltySummary: '依照《北京市控制吸烟条例》第二十四条（场所经营者、管理者）、第二十五条（吸烟的个人）的规定处罚。',
    enforcer: '区卫生健康委员会',
    enforcers: [
      { body: '区卫生健康委员会' },
      { scope: '已下放街道、乡镇的部分控烟处罚权', body: STREET_ENFORCEMENT, unverified: true },
    ],
    delegatedToStreet: 'unverified',
    reporters: [],
    cooperatingDepartments: [STREET_ENFORCEMENT],
    complaintChannel: COMPLAINT_CHANNEL,
    hotlineCategories: hotline('控制吸烟'),
    sourceKeys: ['LRB', 'S1'],
    unverified: true,
    notes:
      '京政发〔2020〕9号下放了11项卫生健康执法职权；据网络报道（来源较弱），天桥街道于2020年7月1日开出首张控烟罚单，哪些控烟处罚权已下放街乡待核实。',
  },
]);

/** The catalogue item with this 序号, or undefined. */
export function findViolation(no: number): ViolationEntry | undefined {
  return violationEntries.find((entry) => entry.no === no);
}

/**
 * One catalogue row in the flat shape the documents package and the database seed have used since
 * the catalogue was a JSON file: Chinese text, the citations rendered, 【待核实】 on every
 * unverified part.
 */
export interface Violation {
  id: number;
  problem: string;
  enforcer: string;
  legalBasis: string;
  sourceKeys: string[];
  hasUnverified: boolean;
}

const sentence = (text: string) => (/[。；]$/.test(text) ? text.slice(0, -1) : text);

export function renderEnforcers(entry: Pick<ViolationEntry, 'enforcer' | 'enforcers'>): string {
  if (entry.enforcers.length === 0) return entry.enforcer;
  return entry.enforcers
    .map(
      (enforcer) =>
        `${enforcer.scope ? `${enforcer.scope}：` : ''}${enforcer.body}${enforcer.unverified ? UNVERIFIED_MARK : ''}`,
    )
    .join('；');
}

/** 法律依据（汇总）: the prohibitions, penalties, coercion and related provisions as one Chinese text. */
export function renderLegalBasis(entry: ViolationEntry, lawList: readonly Law[] = laws): string {
  const parts: string[] = [];
  if (entry.prohibitions.length > 0) parts.push(`禁止性规定：${citeProvisions(entry.prohibitions, lawList)}`);
  if (entry.penalties.length > 0) parts.push(`罚则：${citeProvisions(entry.penalties, lawList)}`);
  parts.push(`处罚：${sentence(entry.penaltySummary)}`);
  if (entry.coercion)
    parts.push(`强制措施：${sentence(entry.coercion.summary)}（${citeProvisions(entry.coercion.basis, lawList)}）`);
  if (entry.related.length > 0) parts.push(`相关规定：${citeProvisions(entry.related, lawList)}`);
  return `${parts.join('。')}。`;
}

export function toLegacyViolation(entry: ViolationEntry, lawList: readonly Law[] = laws): Violation {
  return {
    id: entry.no,
    problem: entry.title,
    enforcer: renderEnforcers(entry),
    legalBasis: renderLegalBasis(entry, lawList),
    sourceKeys: [...entry.sourceKeys],
    hasUnverified: entry.unverified,
  };
}

export const violationCatalogue: { note: string; violations: Violation[] } = {
  note: '北京市社区常见违法行为目录（23项）。“街道/乡镇综合行政执法队”指自2020年7月1日起依京政发〔2020〕9号承接原城市管理综合执法职权的街乡执法队伍；各事项是否下放街道、乡镇，须对照该决定附件和本区划分决定逐项核实。标注【待核实】的内容来自较弱来源或者未见条文，须对照官方文本核实后方可使用。',
  violations: violationEntries.map((entry) => toLegacyViolation(entry)),
};
