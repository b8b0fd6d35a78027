import { z } from 'zod';
import { civilDateSchema } from '../calendar';
import { knowledgeKeySchema } from './citation';

/**
 * The sources the knowledge base is compiled from (shared/spec/domain/legal-facts.md). `weak`
 * sources are secondary reprints or unconfirmed registries: whatever rests on them alone stays
 * 待核实 until a lawyer checks the official text.
 */
export const SOURCE_KEYS = ['LRB', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'S10'] as const;
export const sourceKeySchema = z.enum(SOURCE_KEYS);
export type SourceKey = z.infer<typeof sourceKeySchema>;

export const knowledgeSourceSchema = z
  .object({
    key: sourceKeySchema,
    description: z.string().min(1),
    urls: z.array(z.url()),
    /** A secondary reprint or an unconfirmed list: content resting on it alone is unverified. */
    weak: z.boolean(),
  })
  .strict();
export type KnowledgeSource = z.infer<typeof knowledgeSourceSchema>;

export const knowledgeSources: readonly KnowledgeSource[] = [
  {
    key: 'LRB',
    description: '法律法规全文汇编（GitHub LawRefBook/Laws，2025年4月版本）；北京地方性法规见其“北京地方法规”目录。',
    urls: ['https://github.com/LawRefBook/Laws'],
    weak: false,
  },
  {
    key: 'S1',
    description: '关于京政发〔2020〕9号下放431项行政执法职权分类情况的报道（2020年7月7日）。',
    urls: ['http://www.cfgw.net.cn/epaper/content/202007/07/content_27908.htm'],
    weak: false,
  },
  {
    key: 'S2',
    description: '东城区人民政府文件，引用京政发〔2020〕9号并划分“区街共有”职权。',
    urls: ['https://www.bjdch.gov.cn/zwgk/zcwj2024/202412/t20241204_3956671.html'],
    weak: false,
  },
  {
    key: 'S3',
    description: '关于2020年7月1日起431项行政执法职权下放街道、乡镇的报道。',
    urls: [
      'http://www.tellerreport.com/news/2020-04-16-from-july-1--beijing-%E2%80%99s-431-administrative-law-enforcement-functions-have-been-delegated-to-the-towns-and-villages.rymQTyuUuI.html',
    ],
    weak: false,
  },
  {
    key: 'S4',
    description: '2025年修订《北京市消防条例》的新闻报道；条文序号仅见于一家转载网页，须核对官方文本。',
    urls: [
      'https://difang.gmw.cn/bj/2025-03/27/content_37930922.htm',
      'https://www.163.com/dy/article/JRJS99J00511B8LM.html',
      'http://blg686.com/dy/article/JUJ1L0O60552233K.html',
    ],
    weak: true,
  },
  {
    key: 'S5',
    description: '2025年修订《中华人民共和国治安管理处罚法》（2026年1月1日起施行），据县级公安机关网站转载。',
    urls: ['https://www.linhai.gov.cn/art/2025/12/24/art_1229304862_4086783.html'],
    weak: false,
  },
  {
    key: 'S6',
    description: '《中共中央 国务院关于加强和完善城乡社区治理的意见》（2017年）全文转载。',
    urls: ['https://github.com/passwordgloo/Comet-law'],
    weak: false,
  },
  {
    key: 'S7',
    description: '“吹哨报到”机制起源的报道（平谷区金海湖镇，2017年）。',
    urls: ['http://zt.bjdj.gov.cn/rdztarticle/3000190526.html', 'http://www.71.cn/2019/0701/1048926.shtml'],
    weak: false,
  },
  {
    key: 'S8',
    description: '2023年5月26日关于房屋承重结构安全的紧急通知（二手转载）。',
    urls: ['https://265xx.com/w409/455781.html'],
    weak: true,
  },
  {
    key: 'S9',
    description: '第三方整理的官方来源清单；所列文件的日期和文号未经核实。',
    urls: [
      'https://www.beijing.gov.cn/zhengce/zfwj/zfwj2016/szfl/202010/t20201030_2125883.html',
      'https://www.beijing.gov.cn/zhengce/dfxfg/202512/t20251203_4318928.html',
    ],
    weak: true,
  },
  {
    key: 'S10',
    description: '民政部关于居民委员会“四个民主”工作的文件（转载）。',
    urls: ['http://fsou.com/html/text/chl/1474/147432_2.html'],
    weak: false,
  },
];

/**
 * 效力层级. `部门规章` is kept apart from `政府规章` (地方政府规章) because 立法法 does: the brief's
 * list had only the latter, and 住宅室内装饰装修管理办法 is a ministry rule.
 */
export const LAW_LEVELS = [
  '法律',
  '行政法规',
  '部门规章',
  '地方性法规',
  '政府规章',
  '规范性文件',
  '党内法规与政策文件',
] as const;
export const lawLevelSchema = z.enum(LAW_LEVELS);
export type LawLevel = z.infer<typeof lawLevelSchema>;

/**
 * What one cited article says, as the sources summarise it. Always a summary in the firm's words
 * (`summary`), never presented as statute text: the compiled laws (职权法律法规汇编) quote the
 * official text, not this.
 */
export const articleExcerptSchema = z
  .object({
    article: z.number().int().positive(),
    articleSub: z.number().int().min(2).optional(),
    articleTo: z.number().int().positive().optional(),
    paragraph: z.number().int().positive().optional(),
    item: z.number().int().positive().optional(),
    summary: z.string().min(1),
    unverified: z.boolean().optional(),
  })
  .strict();
export type ArticleExcerpt = z.infer<typeof articleExcerptSchema>;

export const lawVersionSchema = z
  .object({
    /** How the version is named in citations and lists, e.g. 2024年修正. */
    label: z.string().min(1),
    adopted: civilDateSchema.optional(),
    published: civilDateSchema.optional(),
    /** Amendments and revisions, oldest first. */
    amended: z.array(civilDateSchema).optional(),
    effective: civilDateSchema.optional(),
  })
  .strict();

export const lawSchema = z
  .object({
    key: knowledgeKeySchema,
    /** Full official title, without 《》. */
    title: z.string().min(1),
    /** The name as usually cited, without 《》. */
    shortName: z.string().min(1),
    /** 制定机关 (the body that adopted the version cited). */
    issuer: z.string().min(1),
    level: lawLevelSchema,
    documentNo: z.string().min(1).optional(),
    version: lawVersionSchema,
    sourceKeys: z.array(sourceKeySchema),
    /** The law itself (its title, number, date or existence) rests on a weak source. */
    unverified: z.boolean(),
    notes: z.string().min(1).optional(),
    excerpts: z.array(articleExcerptSchema),
  })
  .strict();
export type Law = z.infer<typeof lawSchema>;

const NPCSC = '全国人民代表大会常务委员会';
const BJ_PC = '北京市人民代表大会常务委员会';

export const laws: readonly Law[] = z.array(lawSchema).parse([
  // ——— 法律 ———
  {
    key: 'civil-code',
    title: '中华人民共和国民法典',
    shortName: '民法典',
    issuer: '全国人民代表大会',
    level: '法律',
    version: { label: '2020年通过', adopted: '2020-05-28', effective: '2021-01-01' },
    sourceKeys: ['LRB'],
    unverified: false,
    notes: '物权编第二百七十八条取代原物权法第七十六条的表决规则。',
    excerpts: [
      {
        article: 277,
        summary: '业主可以设立业主大会，选举业主委员会；地方人民政府有关部门、居民委员会应当给予指导和协助。',
      },
      {
        article: 278,
        summary:
          '业主共同决定事项，应当由专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决；筹集维修资金，改建、重建建筑物及其附属设施，改变共有部分用途或者利用共有部分从事经营活动，须经参与表决专有部分面积四分之三以上且参与表决人数四分之三以上的业主同意；其他事项（含使用维修资金）须经参与表决专有部分面积过半数且参与表决人数过半数的业主同意。',
      },
      { article: 279, summary: '业主将住宅改变为经营性用房的，应当经有利害关系的业主一致同意。' },
      {
        article: 280,
        summary:
          '业主大会、业主委员会的决定对业主具有法律约束力；侵害业主合法权益的，受侵害的业主可以请求人民法院予以撤销。',
      },
      { article: 281, summary: '建筑物及其附属设施的维修资金属于业主共有，其筹集、使用情况应当公布。' },
      { article: 282, summary: '利用业主共有部分产生的收入，扣除合理成本后属于业主共有。' },
      {
        article: 283,
        summary: '费用分摊、收益分配有约定的按照约定；没有约定或者约定不明确的，按照业主专有部分面积所占比例确定。',
      },
      {
        article: 286,
        summary:
          '业主大会、业主委员会对违章搭建、侵占通道、违反规定饲养动物等损害他人合法权益的行为，有权请求行为人停止侵害；业主也可以向有关行政主管部门报告或者投诉。',
      },
      { article: 1245, articleTo: 1250, summary: '饲养动物造成他人损害的民事责任。' },
      {
        article: 1254,
        summary:
          '禁止从建筑物中抛掷物品；物业服务企业等建筑物管理人应当采取必要的安全保障措施；公安等机关应当依法及时调查，查清责任人。',
      },
    ],
  },
  {
    key: 'criminal-law',
    title: '中华人民共和国刑法',
    shortName: '刑法',
    issuer: '全国人民代表大会',
    level: '法律',
    version: { label: '1997年修订及其后历次修正案', adopted: '1979-07-01', amended: ['1997-03-14'] },
    sourceKeys: ['LRB'],
    unverified: false,
    excerpts: [{ article: 291, articleSub: 2, summary: '从建筑物或者其他高空抛掷物品，情节严重的，构成犯罪。' }],
  },
  {
    key: 'administrative-penalty-law',
    title: '中华人民共和国行政处罚法',
    shortName: '行政处罚法',
    issuer: '全国人民代表大会（2021年由全国人民代表大会常务委员会修订）',
    level: '法律',
    version: { label: '2021年修订', adopted: '1996-03-17', amended: ['2009-08-27', '2017-09-01', '2021-01-22'] },
    sourceKeys: ['LRB'],
    unverified: false,
    excerpts: [
      {
        article: 24,
        summary:
          '省、自治区、直辖市可以决定将县级人民政府部门的行政处罚权交由能够有效承接的乡镇人民政府、街道办事处行使。',
      },
      { article: 28, summary: '行政机关实施行政处罚时，应当责令当事人改正或者限期改正违法行为。' },
      {
        article: 44,
        summary:
          '作出行政处罚决定前，应当告知当事人拟作出的处罚内容及事实、理由、依据，并告知其依法享有的陈述、申辩、要求听证等权利。',
      },
      {
        article: 59,
        summary:
          '行政处罚决定书应当载明：当事人的姓名或者名称、地址；违法事实和证据；处罚的种类和依据；履行方式和期限；申请行政复议、提起行政诉讼的途径和期限；作出决定的行政机关名称和日期；并加盖行政机关印章。',
      },
    ],
  },
  {
    key: 'administrative-coercion-law',
    title: '中华人民共和国行政强制法',
    shortName: '行政强制法',
    issuer: NPCSC,
    level: '法律',
    version: { label: '2011年通过', adopted: '2011-06-30' },
    sourceKeys: ['LRB'],
    unverified: false,
    excerpts: [
      {
        article: 35,
        summary:
          '作出强制执行决定前，应当书面催告当事人履行义务，载明履行义务的期限、方式，涉及金钱给付的金额和给付方式，以及当事人依法享有的陈述权和申辩权。',
      },
      { article: 44, summary: '对违法的建筑物、构筑物、设施等需要强制拆除的，应当予以公告，限期当事人自行拆除。' },
    ],
  },
  {
    key: 'administrative-reconsideration-law',
    title: '中华人民共和国行政复议法',
    shortName: '行政复议法',
    issuer: NPCSC,
    level: '法律',
    version: { label: '2023年修订', adopted: '1999-04-29', amended: ['2009-08-27', '2017-09-01', '2023-09-01'] },
    sourceKeys: ['LRB'],
    unverified: false,
    excerpts: [{ article: 20, summary: '自知道或者应当知道行政行为之日起六十日内提出行政复议申请。' }],
  },
  {
    key: 'administrative-litigation-law',
    title: '中华人民共和国行政诉讼法',
    shortName: '行政诉讼法',
    issuer: '全国人民代表大会',
    level: '法律',
    version: { label: '2017年修正', adopted: '1989-04-04', amended: ['2014-11-01', '2017-06-27'] },
    sourceKeys: ['LRB'],
    unverified: false,
    excerpts: [
      { article: 46, summary: '直接向人民法院提起诉讼的，应当自知道或者应当知道作出行政行为之日起六个月内提出。' },
    ],
  },
  {
    key: 'urban-rural-planning-law',
    title: '中华人民共和国城乡规划法',
    shortName: '城乡规划法',
    issuer: NPCSC,
    level: '法律',
    version: { label: '2019年修正', adopted: '2007-10-28', amended: ['2015-04-24', '2019-04-23'] },
    sourceKeys: ['LRB'],
    unverified: false,
    excerpts: [
      { article: 64, summary: '城镇违法建设，处建设工程造价百分之五以上百分之十以下的罚款，或者限期拆除。' },
      { article: 65, summary: '乡、村庄规划区内违法建设的查处，由乡、镇人民政府负责。' },
    ],
  },
  {
    key: 'fire-protection-law',
    title: '中华人民共和国消防法',
    shortName: '消防法',
    issuer: NPCSC,
    level: '法律',
    version: { label: '2021年修正', adopted: '1998-04-29', amended: ['2008-10-28', '2019-04-23', '2021-04-29'] },
    sourceKeys: ['LRB'],
    unverified: false,
    excerpts: [
      { article: 28, summary: '任何单位、个人不得占用、堵塞、封闭疏散通道、安全出口、消防车通道。' },
      { article: 53, summary: '公安派出所可以负责日常消防监督检查、开展消防宣传教育。' },
      {
        article: 60,
        summary:
          '占用、堵塞、封闭疏散通道、消防车通道等的，对单位处五千元以上五万元以下罚款，对个人处警告或者五百元以下罚款；拒不改正的，强制执行。',
      },
    ],
  },
  {
    key: 'noise-pollution-law',
    title: '中华人民共和国噪声污染防治法',
    shortName: '噪声污染防治法',
    issuer: NPCSC,
    level: '法律',
    version: { label: '2021年通过', adopted: '2021-12-24' },
    sourceKeys: ['LRB'],
    unverified: false,
    excerpts: [
      {
        article: 70,
        summary:
          '对社会生活噪声扰民行为，居民委员会等基层群众性自治组织、业主委员会、物业服务人应当及时劝阻、调解；劝阻、调解无效的，可以向有关部门报告或者投诉。',
      },
      { article: 82, summary: '违反社会生活噪声有关规定的，对个人可以处二百元以上一千元以下罚款。' },
    ],
  },
  {
    key: 'air-pollution-law',
    title: '中华人民共和国大气污染防治法',
    shortName: '大气污染防治法',
    issuer: NPCSC,
    level: '法律',
    version: {
      label: '2018年修正',
      adopted: '1987-09-05',
      amended: ['1995-08-29', '2000-04-29', '2015-08-29', '2018-10-26'],
    },
    sourceKeys: ['LRB'],
    unverified: false,
    excerpts: [
      {
        article: 118,
        summary:
          '餐饮服务业经营者超标排放油烟的，处五千元以上五万元以下罚款；在居民住宅楼等场所新建产生油烟的餐饮服务项目的，处一万元以上十万元以下罚款；在禁止区域露天烧烤的，处五百元以上二万元以下罚款。',
      },
    ],
  },
  {
    key: 'public-security-penalties-law',
    title: '中华人民共和国治安管理处罚法',
    shortName: '治安管理处罚法',
    issuer: NPCSC,
    level: '法律',
    version: {
      label: '2025年修订，2026年1月1日起施行',
      adopted: '2005-08-28',
      amended: ['2012-10-26', '2025-06-27'],
      effective: '2026-01-01',
    },
    sourceKeys: ['LRB', 'S5'],
    unverified: false,
    notes:
      '2025年修订后共一百四十四条，条文序号与2012年修正文本不同。所据法规汇编收录的是2012年修正文本；本库引用一律以2026年1月1日起施行的文本为准，沿用2012年序号的引用标注待核实。',
    excerpts: [{ article: 43, item: 5, summary: '从建筑物或者其他高处抛掷物品的，处五日以下拘留或者一千元以下罚款。' }],
  },
  {
    key: 'residents-committee-law',
    title: '中华人民共和国城市居民委员会组织法',
    shortName: '城市居民委员会组织法',
    issuer: NPCSC,
    level: '法律',
    version: { label: '2018年修正', adopted: '1989-12-26', amended: ['2018-12-29'] },
    sourceKeys: ['LRB'],
    unverified: false,
    excerpts: [
      {
        article: 2,
        summary:
          '居民委员会是居民自我管理、自我教育、自我服务的基层群众性自治组织；街道办事处对其工作给予指导，居民委员会协助其开展工作。',
      },
      { article: 6, summary: '居民委员会一般在一百户至七百户的范围内设立。' },
      { article: 7, summary: '居民委员会由主任、副主任和委员共五至九人组成。' },
      {
        article: 8,
        summary:
          '居民委员会成员由全体有选举权的居民、每户派代表或者每个居民小组选举代表二至三人选举产生；每届任期五年，可以连选连任。',
      },
      { article: 9, summary: '居民会议须有过半数的应到人员出席方能举行，会议的决定由出席人的过半数通过。' },
      {
        article: 10,
        summary:
          '居民委员会向居民会议负责并报告工作；五分之一以上的十八周岁以上居民、五分之一以上的户或者三分之一以上的居民小组提议的，应当召集居民会议；涉及全体居民利益的重要问题须提请居民会议讨论决定；居民会议有权撤换和补选居民委员会成员。',
      },
      { article: 13, summary: '居民委员会根据需要设人民调解、治安保卫、公共卫生等委员会。' },
      {
        article: 15,
        summary:
          '居民公约由居民会议讨论制定，报区人民政府或者街道办事处备案，由居民委员会监督执行；其内容不得与宪法、法律、法规和国家的政策相抵触。',
      },
      { article: 16, summary: '居民委员会举办公益事业可以依自愿原则向居民筹集费用，收支账目应当及时公布。' },
      {
        article: 20,
        summary: '政府有关部门需要居民委员会协助进行的工作，应当经区人民政府或者街道办事处同意并统一安排。',
      },
    ],
  },
  // ——— 行政法规、部门规章 ———
  {
    key: 'property-management-regulations',
    title: '物业管理条例',
    shortName: '物业管理条例',
    issuer: '国务院',
    level: '行政法规',
    documentNo: '中华人民共和国国务院令第379号公布',
    version: { label: '2018年修订', adopted: '2003-06-08', amended: ['2007-08-26', '2016-02-06', '2018-03-19'] },
    sourceKeys: ['LRB'],
    unverified: false,
    excerpts: [
      { article: 10, summary: '业主在区房地产行政主管部门或者街道办事处、乡镇人民政府的指导下成立业主大会。' },
      { article: 12, summary: '业主大会的表决比例规定；与民法典第二百七十八条不一致的，适用民法典。' },
      {
        article: 16,
        summary: '业主委员会自选举产生之日起三十日内，向区房地产行政主管部门和街道办事处、乡镇人民政府备案。',
      },
      {
        article: 19,
        summary:
          '业主大会、业主委员会作出违反法律、法规的决定的，街道办事处、乡镇人民政府可以责令限期改正或者撤销其决定。',
      },
    ],
  },
  {
    key: 'residential-decoration-measures',
    title: '住宅室内装饰装修管理办法',
    shortName: '住宅室内装饰装修管理办法',
    issuer: '建设部',
    level: '部门规章',
    documentNo: '建设部令第110号',
    version: { label: '建设部令第110号' },
    sourceKeys: [],
    unverified: false,
    notes: '全文未收入本库所据汇编；引用具体条款前须核对现行文本。',
    excerpts: [],
  },
  // ——— 北京市地方性法规 ———
  {
    key: 'bj-property-management-regulations',
    title: '北京市物业管理条例',
    shortName: '北京市物业管理条例',
    issuer: BJ_PC,
    level: '地方性法规',
    version: { label: '2024年修正', adopted: '2020-03-27', amended: ['2024-03-29'], effective: '2020-05-01' },
    sourceKeys: ['LRB'],
    unverified: false,
    notes: '第七十八条第二款列明禁止行为，第九十八条逐项规定执法部门和罚则；第七十八条第三款规定劝阻和报告义务。',
    excerpts: [
      {
        article: 3,
        summary:
          '物业管理纳入社区治理体系，建立社区党组织领导下居民委员会、业主委员会或者物业管理委员会、业主、物业服务人等共同参与的治理架构。',
      },
      {
        article: 8,
        summary:
          '街道办事处、乡镇人民政府组织、指导业主大会成立、业主委员会选举和物业管理委员会组建，办理相关备案手续，有权撤销其作出的违反法律法规和规章的决定。',
      },
      {
        article: 30,
        summary:
          '已交付的专有部分达到建筑物总面积百分之五十以上的，百分之五以上的业主、专有部分占建筑物总面积百分之五以上的业主或者建设单位可以申请成立业主大会。',
      },
      {
        article: 31,
        summary:
          '街道办事处、乡镇人民政府在三十日内审核成立业主大会的申请，由居民委员会工作人员担任筹备组组长，筹备组中业主代表不少于二分之一。',
      },
      { article: 32, summary: '筹备组应当在六十日内组织召开首次业主大会会议。' },
      { article: 34, summary: '业主大会决定的事项。' },
      {
        article: 35,
        summary:
          '业主大会定期会议每年至少召开一次，百分之二十以上业主提议的应当召开临时会议；会议召开十五日前通知全体业主；采用互联网方式表决的，应当通过市住房和城乡建设主管部门建立的电子投票系统；居民委员会派代表列席。',
      },
      {
        article: 36,
        summary:
          '业主委员会未按规定召集业主大会会议的，街道办事处、乡镇人民政府责令限期召集；逾期仍未召集的，组织召集。',
      },
      { article: 39, summary: '业主委员会由五人以上单数组成；一百户以下的住宅小区可以由三人组成。' },
      { article: 41, summary: '业主委员会委员每届任期不超过五年。' },
      { article: 43, summary: '业主委员会自选举产生之日起三十日内向街道办事处、乡镇人民政府申请备案。' },
      { article: 44, item: 8, summary: '业主委员会每半年公示委员交纳物业费等情况。' },
      {
        article: 45,
        summary:
          '业主委员会会议至少每两个月召开一次，应当有过半数委员参加；无正当理由不召集会议的，街道办事处、乡镇人民政府可以责令限期召集或者组织召集。',
      },
      {
        article: 46,
        summary: '委员不再符合条件等情形下，街道办事处、乡镇人民政府可以责令业主委员会提请业主大会罢免有关委员资格。',
      },
      {
        article: 52,
        articleTo: 59,
        summary:
          '不具备成立业主大会条件或者未能选举产生业主委员会的，由街道办事处、乡镇人民政府组建物业管理委员会；七人以上单数组成，业主代表不少于二分之一，主任由居民委员会代表担任，任期一般不超过三年。',
      },
      { article: 78, paragraph: 2, summary: '业主、物业使用人、物业服务人等不得实施的行为（共十三项）。' },
      { article: 78, paragraph: 2, item: 1, summary: '损坏、擅自拆改建筑物承重结构。' },
      { article: 78, paragraph: 2, item: 2, summary: '擅自利用共用部位、共用设施设备进行经营。' },
      { article: 78, paragraph: 2, item: 3, summary: '违法搭建建筑物、构筑物、障碍物或者私挖地下空间。' },
      { article: 78, paragraph: 2, item: 5, summary: '违规私拉电线、电缆为电动车辆充电。' },
      { article: 78, paragraph: 2, item: 6, summary: '擅自拆改供水、排水等管线。' },
      { article: 78, paragraph: 2, item: 7, summary: '从建筑物中抛掷物品。' },
      { article: 78, paragraph: 2, item: 8, summary: '制造超标噪音。' },
      { article: 78, paragraph: 2, item: 9, summary: '侵占绿地、毁坏绿化植物和绿化设施。' },
      {
        article: 78,
        paragraph: 2,
        item: 10,
        summary: '占用、堵塞、封闭消防通道、疏散通道等共用部位，包括乱堆乱放杂物。',
      },
      { article: 78, paragraph: 2, item: 11, summary: '擅自改变物业规划用途。' },
      { article: 78, paragraph: 2, item: 12, summary: '违反规定饲养动物。' },
      { article: 78, paragraph: 2, item: 13, summary: '违反规定出租房屋。' },
      {
        article: 78,
        paragraph: 3,
        summary:
          '发生前款行为的，业主委员会或者物业管理委员会、物业服务人应当及时劝阻；劝阻无效的，向街道办事处、乡镇人民政府或者行政执法机关报告。',
      },
      { article: 79, summary: '业主装饰装修房屋，应当与物业服务人签订装饰装修服务协议。' },
      {
        article: 91,
        summary:
          '物业服务人未按规定将物业服务合同备案的，由街道办事处、乡镇人民政府责令限期改正，给予警告；逾期不改的，处五千元以上一万元以下罚款。',
      },
      { article: 92, summary: '物业服务人违反服务规范的，由区住房和城乡建设或者房屋主管部门查处。' },
      {
        article: 93,
        summary:
          '物业服务企业项目负责人未按时报到的，由街道办事处、乡镇人民政府责令限期改正；逾期不改的，处五千元以上一万元以下罚款。',
      },
      {
        article: 96,
        summary:
          '物业服务人挪用、侵占公共收益的，由区住房和城乡建设或者房屋主管部门责令退还，并处挪用、侵占金额二倍以下罚款。',
      },
      { article: 97, summary: '被解聘的物业服务人拒不退出物业管理区域的，按日处一万元罚款。' },
      { article: 98, item: 1, summary: '损坏、擅自拆改承重结构的，责令改正，处五万元以上十万元以下罚款。' },
      {
        article: 98,
        item: 2,
        summary: '擅自利用共用部位经营的，对单位处五万元以上二十万元以下罚款，对个人处一千元以上一万元以下罚款。',
      },
      { article: 98, item: 3, summary: '违法搭建、私挖地下空间的，依照城乡规划法律法规处理。' },
      {
        article: 98,
        item: 5,
        summary: '违规私拉电线充电的，由消防救援机构责令改正；拒不改正的，处五百元以上五千元以下罚款。',
      },
      { article: 98, item: 6, summary: '擅自拆改供水、排水管线的，处一万元以上三万元以下罚款。' },
      { article: 98, item: 7, summary: '从建筑物中抛掷物品的，由公安机关给予警告，处五百元以上五千元以下罚款。' },
      { article: 98, item: 9, summary: '侵占绿地、毁坏绿化的，责令改正；拒不改正的，处五百元以上五千元以下罚款。' },
      {
        article: 98,
        item: 10,
        summary:
          '占用、堵塞、封闭消防通道、疏散通道的，由消防救援机构对单位处五千元以上五万元以下罚款，对个人处五百元罚款；占用、堵塞其他共用部位的，给予警告，对个人处二百元以上五百元以下罚款，对单位处二千元以上二万元以下罚款。',
      },
      { article: 98, item: 11, summary: '擅自改变物业规划用途的，由规划自然资源主管部门查处。' },
      { article: 98, item: 12, summary: '违反规定饲养动物、违反规定出租房屋的，由公安机关依法处罚。' },
    ],
  },
  {
    key: 'bj-subdistrict-office-regulations',
    title: '北京市街道办事处条例',
    shortName: '北京市街道办事处条例',
    issuer: BJ_PC,
    level: '地方性法规',
    version: { label: '2019年通过', adopted: '2019-11-27', effective: '2020-01-01' },
    sourceKeys: ['LRB'],
    unverified: false,
    excerpts: [
      { article: 3, summary: '街道办事处是区人民政府的派出机关。' },
      {
        article: 5,
        summary: '坚持党建引领“街乡吹哨、部门报到”，区人民政府工作部门应当接受街道办事处的统筹协调、指挥调度。',
      },
      { article: 6, summary: '依托市民服务热线落实接诉即办，及时回应、解决群众诉求。' },
      { article: 9, summary: '街道办事处设立综合行政执法等工作机构；不得要求街道办事处对口设置机构。' },
      { article: 10, summary: '街道办事处的职责，由市人民政府公布职责清单。' },
      {
        article: 11,
        summary:
          '街道办事处的职权：指挥调度区人民政府工作部门开展联合执法；对派出机构的工作考核和人事任免提出意见和建议；按照市人民政府确定的清单行使与群众生活密切相关的行政执法权等。',
      },
      {
        article: 17,
        summary: '对居民通过市民服务热线等途径反映的诉求，职责范围内的按时限办理，其他事项按规定转办或者协调处理。',
      },
      { article: 24, summary: '将辖区划分为若干管理网格，实行网格化管理。' },
      { article: 25, summary: '街道办事处依法开展综合行政执法活动。' },
      {
        article: 26,
        summary:
          '街道办事处发现违法行为应当劝阻和制止；属于本街道职责的及时查处，属于市、区部门职责的通知有关部门查处，涉及多部门的组织开展联合执法。',
      },
      { article: 28, summary: '组织开展违法建设、地下空间、停车秩序、居住区环境整治和垃圾分类等工作。' },
      { article: 31, summary: '指导居民委员会通过社区议事厅等形式组织协商，共同解决社区治理问题。' },
      {
        article: 32,
        summary: '推动居民委员会制定和完善居民公约；市民政部门会同相关部门制定并公布居民委员会协助政府工作任务清单。',
      },
      {
        article: 44,
        summary: '工作部门在“街乡吹哨、部门报到”中拒不履行职责的，街道办事处报区人民政府，纳入年度绩效考评。',
      },
      { article: 49, summary: '乡镇人民政府落实“街乡吹哨、部门报到”、接诉即办和综合行政执法，可以参照本条例执行。' },
    ],
  },
  {
    key: 'bj-urban-rural-planning-regulations',
    title: '北京市城乡规划条例',
    shortName: '北京市城乡规划条例',
    issuer: BJ_PC,
    level: '地方性法规',
    version: { label: '2021年修正', adopted: '2009-05-22', amended: ['2019-03-29', '2021-09-24'] },
    sourceKeys: ['LRB'],
    unverified: false,
    excerpts: [
      { article: 58, summary: '明确查处违法建设的职责分工；街道办事处查处违法建设，可以依照规定开展综合执法。' },
      {
        article: 62,
        summary:
          '乡镇人民政府、街道办事处对辖区建设情况进行巡查，发现违法建设应当制止；居民委员会、业主委员会和物业服务企业发现违法建设应当劝阻，并报告街道办事处、乡镇人民政府或者其他执法机关。',
      },
      { article: 74, summary: '对正在搭建、开挖的违法建设，书面责令立即停止建设，并可以查封施工现场。' },
      {
        article: 78,
        summary:
          '当事人逾期不拆除的，依法催告后实施强制拆除；违法建设当事人无法确定的，予以公告，公告期间不得少于十日。',
      },
      {
        article: 84,
        summary:
          '擅自改变建设工程使用用途的，由规划自然资源主管部门责令限期改正，按照应当缴纳的土地使用权地价款数额的二倍处以罚款。',
      },
      { article: 92, summary: '违法建设的定义，分为城镇违法建设和乡村违法建设。' },
    ],
  },
  {
    key: 'bj-city-appearance-regulations',
    title: '北京市市容环境卫生条例',
    shortName: '北京市市容环境卫生条例',
    issuer: BJ_PC,
    level: '地方性法规',
    version: {
      label: '2021年修正',
      adopted: '2002-09-06',
      amended: ['2006-12-08', '2016-11-25', '2020-04-24', '2021-09-24'],
    },
    sourceKeys: ['LRB'],
    unverified: false,
    excerpts: [
      {
        article: 35,
        summary:
          '擅自占用公共场所堆物堆料、摆摊设点的，责令改正，并可处五百元以上五千元以下罚款；超出门窗店外经营的，并可处三百元以上三千元以下罚款；无法确认所有人的堆放物品，公告不少于七日后予以清除。',
      },
      {
        article: 36,
        summary: '在护栏、电线杆、树木等处晾晒衣物或者吊挂物品的，责令改正，并可处二十元以上五十元以下罚款。',
      },
      {
        article: 38,
        summary: '违反规定设置户外广告设施的，责令限期拆除，逾期未拆除的强制拆除，并可处一万元以上十万元以下罚款。',
      },
      {
        article: 39,
        summary: '牌匾标识设置不符合规范的，责令限期改正，逾期不改正的予以强制拆除，并可处五百元以上五千元以下罚款。',
      },
      { article: 40, summary: '乡镇人民政府和街道办事处组织设置公共信息栏。' },
      {
        article: 41,
        summary:
          '擅自张贴、涂写宣传品、广告的，责令清除，并处一百元以上一千元以下罚款，情节严重的处一千元以上一万元以下罚款；组织张贴、涂写的，处一万元以上十万元以下罚款，情节严重的处十万元以上五十万元以下罚款。',
      },
    ],
  },
  {
    key: 'bj-household-waste-regulations',
    title: '北京市生活垃圾管理条例',
    shortName: '北京市生活垃圾管理条例',
    issuer: BJ_PC,
    level: '地方性法规',
    version: { label: '2020年施行文本', adopted: '2011-11-18', amended: ['2019-11-27'] },
    sourceKeys: ['LRB'],
    unverified: false,
    notes: '所据法规汇编的文件日期为2020年9月25日，正文标注2019年11月27日修正；是否另有其后修正须核对现行文本。',
    excerpts: [
      { article: 33, summary: '产生生活垃圾的单位和个人应当分类投放生活垃圾。' },
      {
        article: 34,
        articleTo: 35,
        summary: '生活垃圾分类管理责任人（住宅小区实行物业管理的为物业服务人）及其管理义务。',
      },
      { article: 37, summary: '生活垃圾分类管理责任人向街道办事处或者乡镇人民政府办理生活垃圾排放登记。' },
      {
        article: 67,
        summary:
          '个人未分类投放的，由管理责任人劝阻；拒不听从的给予书面警告，再次违反的处五十元以上二百元以下罚款，自愿参加社区服务活动的不予处罚；单位未分类投放的处一千元罚款，再次违反的处一万元以上五万元以下罚款。',
      },
      { article: 68, summary: '管理责任人未履行管理义务的，处三千元以上三万元以下罚款。' },
      { article: 69, summary: '管理责任人未办理生活垃圾排放登记的罚则。' },
    ],
  },
  {
    key: 'bj-greening-regulations',
    title: '北京市绿化条例',
    shortName: '北京市绿化条例',
    issuer: BJ_PC,
    level: '地方性法规',
    version: { label: '2016年修正', adopted: '2009-11-20', amended: ['2016-11-25'] },
    sourceKeys: ['LRB'],
    unverified: false,
    notes:
      '所据法规汇编的文件日期为2019年7月26日，正文仅标注2016年修正；是否另有2019年修正、条文序号有无变化须核对现行文本。',
    excerpts: [
      { article: 50, summary: '禁止损害绿化的行为，包括在绿地内取土、搭建构筑物，损毁树木、花草及绿化设施等。' },
      { article: 57, summary: '任何单位和个人不得擅自改变绿地的性质和用途。' },
      { article: 60, summary: '未经批准不得临时占用绿地。' },
      {
        article: 67,
        summary: '损害绿化的，情节较轻的处二十元以上五十元以下罚款，情节严重的处五十元以上五百元以下罚款。',
      },
      { article: 68, summary: '擅自改变绿地性质和用途的，按照改变的面积处土地使用权地价款三至五倍的罚款。' },
      { article: 71, summary: '未经许可临时占用绿地的，责令限期改正、恢复原状。' },
      {
        article: 73,
        summary:
          '本章行政处罚由园林绿化行政主管部门实施；市人民政府决定由城市管理综合行政执法部门行使的，由其实施（现由街道/乡镇综合行政执法队承接的，以下放决定为准）。',
      },
    ],
  },
  {
    key: 'bj-dog-regulations',
    title: '北京市养犬管理规定',
    shortName: '北京市养犬管理规定',
    issuer: BJ_PC,
    level: '地方性法规',
    version: { label: '2003年通过', adopted: '2003-09-05' },
    sourceKeys: ['LRB'],
    unverified: false,
    excerpts: [
      { article: 6, summary: '居民委员会、业主委员会可以召集会议，就养犬管理事项依法制定公约，并组织监督实施。' },
      { article: 9, summary: '实行养犬登记、年检制度。' },
      { article: 10, summary: '在重点管理区内，每户只准养一只犬，不得养烈性犬、大型犬。' },
      { article: 17, summary: '养犬人携犬出户、乘坐电梯、防止犬吠扰民等应当遵守的规定。' },
      {
        article: 27,
        summary: '未经登记、年检养犬的，由公安机关没收其犬，或者对单位处五千元罚款、对个人处二千元罚款。',
      },
      { article: 29, summary: '违反携犬出户、乘坐电梯等规定的，由公安机关予以警告，并可对个人处五百元以下罚款。' },
      { article: 30, summary: '携犬人对犬只在户外排泄的粪便不立即清除的，责令改正，并可处五十元罚款。' },
    ],
  },
  {
    key: 'bj-fire-regulations',
    title: '北京市消防条例',
    shortName: '北京市消防条例',
    issuer: BJ_PC,
    level: '地方性法规',
    version: { label: '2025年修订，2025年5月1日起施行', effective: '2025-05-01' },
    sourceKeys: ['S4', 'LRB'],
    unverified: false,
    notes:
      '2025年修订后共九章一百零四条。所据法规汇编收录的是已被取代的2011年修订文本；2025年文本的条文序号仅见于转载网页，凡引用其条文序号的一律标注待核实。',
    excerpts: [
      {
        article: 97,
        summary:
          '在门厅、疏散通道、楼梯间停放电动自行车或者充电，携电动自行车、蓄电池进入电梯，拒不改正的，对个人处五百元以上一千元以下罚款，对单位处二千元以上一万元以下罚款。',
        unverified: true,
      },
      { article: 102, summary: '个人占用、堵塞消防车通道、疏散通道的，处警告或者五百元以下罚款。', unverified: true },
    ],
  },
  {
    key: 'bj-noise-measures',
    title: '北京市环境噪声污染防治办法',
    shortName: '北京市环境噪声污染防治办法',
    issuer: '北京市人民政府',
    level: '政府规章',
    version: { label: '2006年通过，2007年1月1日起施行', adopted: '2006-11-17', effective: '2007-01-01' },
    sourceKeys: ['LRB'],
    unverified: false,
    notes:
      '系市人民政府规章（所据法规汇编将其归入地方性法规目录）。其制定依据《中华人民共和国环境噪声污染防治法》已被《中华人民共和国噪声污染防治法》取代，适用时须注意与上位法的衔接。',
    excerpts: [
      { article: 3, summary: '公安部门负责社会生活噪声污染防治的监督管理。' },
      {
        article: 35,
        summary:
          '法定休息日、节假日全天及工作日十二时至十四时、十八时至次日八时，禁止在已交付使用的居民住宅楼内进行产生噪声的装修作业。',
      },
      {
        article: 43,
        summary: '违反社会生活噪声有关规定的，由公安部门给予警告；警告后不改正的，处二百元以上五百元以下罚款。',
      },
    ],
  },
  {
    key: 'bj-parking-regulations',
    title: '北京市机动车停车条例',
    shortName: '北京市机动车停车条例',
    issuer: BJ_PC,
    level: '地方性法规',
    version: { label: '2024年修正', adopted: '2018-03-30', amended: ['2021-09-24', '2024-03-29'] },
    sourceKeys: ['LRB'],
    unverified: false,
    excerpts: [
      {
        article: 26,
        summary:
          '不得擅自设置地桩、地锁等障碍物阻碍机动车停放和通行；在其他公共场所内擅自设置的，处五百元以上一千元以下罚款。',
      },
    ],
  },
  {
    key: 'bj-civilized-conduct-regulations',
    title: '北京市文明行为促进条例',
    shortName: '北京市文明行为促进条例',
    issuer: BJ_PC,
    level: '地方性法规',
    version: { label: '2020年通过', adopted: '2020-04-24' },
    sourceKeys: ['LRB'],
    unverified: false,
    excerpts: [
      { article: 30, item: 1, summary: '重点治理在楼道等公共区域堆放杂物的不文明行为。' },
      { article: 30, item: 4, summary: '重点治理在公共区域擅自设置地桩、地锁等障碍物的不文明行为。' },
    ],
  },
  {
    key: 'bj-complaint-handling-regulations',
    title: '北京市接诉即办工作条例',
    shortName: '北京市接诉即办工作条例',
    issuer: BJ_PC,
    level: '地方性法规',
    version: { label: '2021年通过', adopted: '2021-09-24' },
    sourceKeys: ['LRB'],
    unverified: false,
    excerpts: [
      { article: 2, summary: '接诉即办以12345市民服务热线为受理诉求的主渠道，与“街乡吹哨、部门报到”机制相衔接。' },
    ],
  },
  {
    key: 'bj-residents-committee-measures',
    title: '北京市实施〈中华人民共和国城市居民委员会组织法〉办法',
    shortName: '北京市实施〈城市居民委员会组织法〉办法',
    issuer: BJ_PC,
    level: '地方性法规',
    version: { label: '1991年通过', adopted: '1991-12-21' },
    sourceKeys: ['LRB'],
    unverified: false,
    excerpts: [
      { article: 11, summary: '居民委员会每届任期三年（已被城市居民委员会组织法2018年修正后的五年任期取代）。' },
      { article: 13, summary: '居民委员会成员候选人由有选举权的居民十人以上或者户代表五人以上联合提名。' },
      { article: 16, summary: '居民会议每年至少举行二次。' },
      { article: 17, summary: '居民会议的任务，包括制定居民公约、审议工作计划和报告、撤换或者补选居民委员会成员。' },
      { article: 18, summary: '居民公约报街道办事处或者乡、镇人民政府备案，由居民委员会组织、监督实施。' },
      { article: 22, summary: '一般每十五户至五十户设立一个居民小组。' },
      {
        article: 28,
        summary: '未经区人民政府或者街道办事处、乡镇人民政府同意而要求居民委员会协助工作的，居民委员会可以拒绝。',
      },
    ],
  },
  {
    key: 'bj-tobacco-control-regulations',
    title: '北京市控制吸烟条例',
    shortName: '北京市控制吸烟条例',
    issuer: BJ_PC,
    level: '地方性法规',
    version: { label: '2021年修正', adopted: '2014-11-28', amended: ['2021-09-24'] },
    sourceKeys: ['LRB'],
    unverified: false,
    excerpts: [],
  },
  // ——— 来源较弱或者条文未见的文件（待核实） ———
  {
    key: 'bj-illegal-construction-provisions',
    title: '北京市禁止违法建设若干规定',
    shortName: '北京市禁止违法建设若干规定',
    issuer: '北京市人民政府',
    level: '政府规章',
    documentNo: '北京市人民政府令第295号',
    version: { label: '2020年公布' },
    sourceKeys: ['S9'],
    unverified: true,
    notes: '令号和日期仅见于第三方来源清单；全文未见于本库所据任何来源。',
    excerpts: [],
  },
  {
    key: 'bj-building-use-safety-regulations',
    title: '北京市房屋建筑使用安全条例',
    shortName: '北京市房屋建筑使用安全条例',
    issuer: BJ_PC,
    level: '地方性法规',
    version: { label: '2025年通过，2026年3月1日起施行' },
    sourceKeys: ['S9'],
    unverified: true,
    notes: '通过日期和施行日期仅见于第三方来源清单。',
    excerpts: [],
  },
  {
    key: 'bj-property-committee-measures',
    title: '北京市物业管理委员会组建办法',
    shortName: '北京市物业管理委员会组建办法',
    issuer: '北京市住房和城乡建设委员会',
    level: '规范性文件',
    documentNo: '京建发〔2021〕53号',
    version: { label: '2021年' },
    sourceKeys: ['S9'],
    unverified: true,
    notes: '北京市物业管理条例第五十二条至第五十九条的细化规定；文号仅见于第三方来源清单。',
    excerpts: [],
  },
  {
    key: 'bj-air-pollution-regulations',
    title: '北京市大气污染防治条例',
    shortName: '北京市大气污染防治条例',
    issuer: BJ_PC,
    level: '地方性法规',
    version: { label: '现行文本待核实' },
    sourceKeys: [],
    unverified: true,
    notes: '餐饮油烟相关条款序号未见于本库所据来源。',
    excerpts: [],
  },
  {
    key: 'bj-housing-rental-regulations',
    title: '北京市住房租赁条例',
    shortName: '北京市住房租赁条例',
    issuer: BJ_PC,
    level: '地方性法规',
    version: { label: '现行文本待核实' },
    sourceKeys: [],
    unverified: true,
    notes: '可能已适用于群租房、违规出租的认定和查处，须核实其是否施行及具体条款。',
    excerpts: [],
  },
  {
    key: 'bj-rental-standards-notice-2013',
    title: '北京市住房和城乡建设委员会2013年出租房屋居住标准通知',
    shortName: '2013年出租房屋居住标准通知',
    issuer: '北京市住房和城乡建设委员会',
    level: '规范性文件',
    version: { label: '2013年' },
    sourceKeys: [],
    unverified: true,
    notes:
      '正式名称、文号待核实。出租房屋人均居住面积不得低于五平方米、每个房间居住不得超过二人、不得将厨房、卫生间、阳台和地下室出租供人员居住；以上标准据未经核实的资料整理，须核对原文及其是否仍然有效。',
    excerpts: [],
  },
  {
    key: 'bj-load-bearing-structure-notice-2023',
    title: '2023年5月26日房屋承重结构安全紧急通知',
    shortName: '2023年承重结构安全紧急通知',
    issuer: '待核实',
    level: '规范性文件',
    version: { label: '2023年5月26日', published: '2023-05-26' },
    sourceKeys: ['S8'],
    unverified: true,
    notes: '正式名称、发文机关待核实；仅见于二手转载。',
    excerpts: [],
  },
  // ——— 规范性文件、政策文件 ———
  {
    key: 'bj-enforcement-delegation-decision',
    title: '北京市人民政府关于向街道办事处和乡镇人民政府下放部分行政执法职权并实行综合执法的决定',
    shortName: '京政发〔2020〕9号',
    issuer: '北京市人民政府',
    level: '规范性文件',
    documentNo: '京政发〔2020〕9号',
    version: { label: '2020年公布，2020年7月1日起施行', published: '2020-04-16', effective: '2020-07-01' },
    sourceKeys: ['S1', 'S2', 'S3'],
    unverified: false,
    notes:
      '下放431项行政执法职权（原城市管理综合执法部门393项、水务22项、卫生健康11项、生态环境4项、农业农村1项），包括行政处罚权、行政强制权及相关行政检查权，由街道办事处、乡镇人民政府以自己名义行使；市城市管理综合行政执法局统一了执法文书样式和检查单。部分职权为“区街共有”，由各区另行划分（如东城区2020年6月30日的划分决定）。法律依据：行政处罚法第二十四条、北京市街道办事处条例第十一条和第二十五条、北京市城乡规划条例第五十八条。各事项是否下放及其后的调整，须对照决定附件和本区划分决定逐项核实。',
    excerpts: [],
  },
  {
    key: 'community-governance-opinions-2017',
    title: '中共中央 国务院关于加强和完善城乡社区治理的意见',
    shortName: '关于加强和完善城乡社区治理的意见',
    issuer: '中共中央、国务院',
    level: '党内法规与政策文件',
    version: { label: '2017年6月', published: '2017-06-12' },
    sourceKeys: ['S6'],
    unverified: false,
    notes:
      '要求建立社区党组织领导、基层政府主导、多方参与的城乡社区治理体系；省级制定基层政府权责清单，明确居民委员会依法履职事项和协助政府工作事项两份清单；不得将执法、拆迁、整治、城市管理等任务交由基层群众性自治组织承担，不得搞“一票否决”；提升居民参与、服务供给、文化引领、依法办事、矛盾预防化解和信息化应用六种能力。',
    excerpts: [],
  },
]);

/** The law with this key, or undefined. */
export function findLaw(key: string): Law | undefined {
  return laws.find((law) => law.key === key);
}
