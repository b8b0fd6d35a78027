// Realistic inputs for every generator, for the tests and the benchmark. The legal content follows
// shared/spec/domain/legal-facts.md; items it marks [unverified] are flagged here, as a caller would.
// Test-only: production callers build these view models from the knowledge base.
import { type CivilDate } from '@gongzhi/domain';
import { type ClientProfile } from '../client-terms';
import { type ClosingReportInput } from '../closing-report';
import { type CorrectionNoticeInput } from '../correction-notice';
import { type JointEnforcementPlanInput } from '../joint-enforcement-plan';
import { type LawCompilationInput } from '../law-compilation';
import { type LawReference } from '../law-references';
import { type OpenLetterInput } from '../open-letter';
import { type PowerEntry, type PowersManualInput } from '../powers-manual';
import { type QuestionnaireResult, type ResearchReportInput, type ResearchSession } from '../research-report';
import { type ResidentsConventionInput } from '../residents-convention';
import { type SelfGovernanceHandbookInput } from '../self-governance-handbook';
import { type ServicePlanInput } from '../service-plan';
import { type ViolationListItem, type ViolationsListInput } from '../violations-list';

export type Variant = 'street' | 'township';

export const FIRM = '北京市易和律师事务所';
export const DOCUMENT_DATE: CivilDate = '2026-11-27';
export const DOCUMENT_DATE_TEXT = '2026年11月27日';

export const CLIENTS: Record<Variant, ClientProfile> = {
  street: { name: '北京市东城区和平里街道办事处', shortName: '和平里街道', kind: 'street', district: '东城区' },
  township: { name: '北京市怀柔区雁栖镇人民政府', shortName: '雁栖镇', kind: 'township', district: '怀柔区' },
};

const COMMUNITY_STEMS: Record<Variant, string[]> = {
  street: ['和平里', '安德里', '青年湖', '兴化', '地坛', '化工', '交林', '民旺', '黄寺', '小黄庄'],
  township: ['雁栖', '范各庄', '下辛庄', '神堂峪', '石片', '长园', '柏崖厂', '大地', '交界河', '莲花池'],
};
const COMMUNITY_SUFFIXES = ['北', '东', '西', '南', '中'];

/** `count` community names, unique, in a stable order: 和平里北社区, 安德里北社区, … */
export function communityNames(variant: Variant, count: number): string[] {
  const stems = COMMUNITY_STEMS[variant];
  return Array.from(
    { length: count },
    (_, index) =>
      `${stems[index % stems.length]}${COMMUNITY_SUFFIXES[Math.floor(index / stems.length) % COMMUNITY_SUFFIXES.length]}社区`,
  );
}

function addDays(date: CivilDate, days: number): CivilDate {
  const instant = new Date(`${date}T00:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() + days);
  return instant.toISOString().slice(0, 10);
}

// ---- Stage 1

export function servicePlanInput(variant: Variant, communityCount = 5): ServicePlanInput {
  const client = CLIENTS[variant];
  const start: CivilDate = '2026-03-02';
  const stageNames: [string, string, string[], number][] = [
    ['方案与合作', '拟定项目法律服务方案，与委托方沟通确认，签订合作协议。', ['项目法律服务方案', '合作协议'], 20],
    [
      '项目培训',
      `为${client.shortName}及各社区居委会领导班子成员开展《创新社区治理项目》法律培训。`,
      ['培训课件', '培训签到表及反馈'],
      20,
    ],
    ['实地调研', '通过座谈会、书面调查问卷、实地访谈了解各社区治理现状及难题。', ['调研问卷', '调研报告'], 40],
    [
      '构建政府依法治理体系',
      '梳理法定职权和社区常见违法行为的执法部门，与职能部门座谈探讨，制作联动执法方案。',
      ['行权手册', '违法行为查处职权部门清单', '职权法律法规汇编及职权梳理表', '联动执法方案及配套文书'],
      60,
    ],
    [
      '构建居民依法自治体系',
      '审查既有居民公约，诊断法律风险，逐社区定制自治手册，指导履行民主程序。',
      ['居民公约（草案）', '社区规范管理自治手册', '居民会议表决及备案材料'],
      60,
    ],
    [
      '良性互动机制',
      '建立德治、自治、法治相结合的分层处置机制，发布倡议书、公开信。',
      ['倡议书/公开信', '分层处置台账'],
      40,
    ],
    [
      '推广与深化',
      '开展自治手册启动仪式、知识竞赛、文艺展演、主题论坛和常态宣传。',
      ['活动方案及总结', '项目总结报告'],
      60,
    ],
  ];
  let cursor = start;
  const stages = stageNames.map(([name, content, deliverables, days], index) => {
    const stageStart = cursor;
    const end = addDays(stageStart, days - 1);
    cursor = addDays(end, 1);
    return {
      name,
      content,
      // The client has not yet confirmed the research window.
      deliverables: deliverables.map((deliverable) =>
        index === 2 && deliverable === '调研报告' ? { text: deliverable, isUnverified: true } : deliverable,
      ),
      start: stageStart,
      end,
    };
  });
  return {
    engagementName: `${client.shortName}“创新社区治理”法律服务项目`,
    client,
    firm: { name: FIRM, phone: '010-51260403' },
    communities: communityNames(variant, communityCount).map((name, index) => ({
      name,
      households: 1200 + ((index * 137) % 1800),
      residents: 3100 + ((index * 389) % 4200),
      note:
        index % 3 === 0
          ? '老旧小区为主，无物业管理'
          : index % 3 === 1
            ? '商品房小区，已成立业主委员会'
            : '回迁安置房，物业管理委员会托管',
    })),
    team: [
      {
        name: '胡云霞',
        role: '项目负责人',
        duty: `${client.shortName}法律顾问，统筹项目，主持集体会诊`,
        phone: '15810601756',
      },
      { name: '王立新', role: '督导合伙人', duty: '审核阶段成果，签署阶段验收意见', phone: '18618205626' },
      { name: '张明', role: '主办律师', duty: '负责政府依法治理体系各项成果', phone: '13901234567' },
      { name: '李静', role: '主办律师', duty: '负责居民依法自治体系和各社区自治手册', phone: '13801234567' },
    ],
    background: [
      '2017年6月12日，《中共中央 国务院关于加强和完善城乡社区治理的意见》要求健全完善城乡社区治理体系，不断提升城乡社区治理水平，着力补齐城乡社区治理短板。',
      '党的十九大报告提出，打造共建共治共享的社会治理格局，加强社区治理体系建设，推动社会治理重心向基层下移，实现政府治理和社会调节、居民自治良性互动。',
      {
        text: `自2020年7月1日起，本市向街道办事处和乡镇人民政府下放431项行政执法职权，${client.shortName}承接了大量与居民生活密切相关的执法事项，亟需厘清职权边界、规范执法程序。`,
        isUnverified: variant === 'township',
      },
    ],
    serviceContent: [
      {
        title: '项目培训',
        body: [
          `为${client.shortName}、各社区居委会领导班子成员提供《创新社区治理项目》法律培训，介绍创新社区治理的必要性及工作路径。`,
        ],
      },
      {
        title: '项目实地调研',
        body: [
          '通过座谈会、书面调查问卷、实地访谈方式，与领导班子成员、居委会成员、居民代表或业委会成员、物业公司了解社区治理现状及难题。',
        ],
      },
      {
        title: '构建政府依法治理体系',
        body: [
          '梳理法定职权，制作行权手册；梳理社区常见违法行为所涉职能部门职权，编制违法行为查处职权部门清单、职权法律法规汇编及职权梳理表，编制联动执法方案及配套文书。',
        ],
      },
      {
        title: '构建居民依法自治体系',
        body: [
          '审查既有居民公约，诊断社区治理中的法律风险和实操问题，设计治理规范及程序性文书模板，形成社区规范管理自治手册。',
        ],
      },
      {
        title: '构建良性互动机制',
        body: [
          '对社区治理问题，先发布倡议书、公开信加强德治引导；再依照居民公约专项治理；仍不能解决的，移送职能部门依法查处。',
        ],
      },
    ],
    stages,
    date: DOCUMENT_DATE,
    revision: 2,
  };
}

// ---- Stage 4

export function lawReferences(): LawReference[] {
  return [
    {
      name: '中华人民共和国行政处罚法',
      level: '法律',
      issuer: '全国人民代表大会常务委员会',
      version: '2021年修订',
      articles: [
        {
          article: '第二十四条',
          summary:
            '省、自治区、直辖市根据当地实际情况，可以决定将基层管理迫切需要的县级人民政府部门的行政处罚权交由能够有效承接的乡镇人民政府、街道办事处行使。',
        },
        { article: '第二十八条', summary: '行政机关实施行政处罚时，应当责令当事人改正或者限期改正违法行为。' },
        {
          article: '第四十四条',
          summary:
            '行政机关在作出行政处罚决定之前，应当告知当事人拟作出的行政处罚内容及事实、理由、依据，并告知当事人依法享有的陈述、申辩、要求听证等权利。',
        },
      ],
    },
    {
      name: '中华人民共和国行政强制法',
      level: '法律',
      issuer: '全国人民代表大会常务委员会',
      articles: [{ article: '第三十五条', summary: '行政机关作出强制执行决定前，应当事先催告当事人履行义务。' }],
    },
    {
      name: '中华人民共和国城乡规划法',
      level: '法律',
      version: '2019年修正',
      articles: [
        {
          article: '第六十四条',
          summary:
            '未取得建设工程规划许可证进行建设的，由县级以上地方人民政府城乡规划主管部门责令停止建设；可以采取改正措施消除影响的，限期改正，处建设工程造价百分之五以上百分之十以下的罚款。',
        },
      ],
    },
    {
      name: '中华人民共和国城市居民委员会组织法',
      level: '法律',
      version: '2018年修正',
      articles: [
        {
          article: '第十五条',
          summary:
            '居民公约由居民会议讨论制定，报不设区的市、市辖区的人民政府或者它的派出机关备案，由居民委员会监督执行。',
        },
      ],
    },
    {
      name: '物业管理条例',
      level: '行政法规',
      issuer: '国务院',
      version: '2018年修订',
      articles: [
        {
          article: '第十九条',
          summary:
            '业主大会、业主委员会作出的决定违反法律、法规的，街道办事处、乡镇人民政府应当责令限期改正或者撤销其决定。',
        },
      ],
    },
    {
      name: '北京市物业管理条例',
      level: '地方性法规',
      issuer: '北京市人民代表大会常务委员会',
      version: '2024年修正',
      articles: [
        {
          article: '第七十八条第二款',
          summary: '列明物业管理区域内禁止的行为，包括违法搭建、侵占绿地、占用消防车通道、私拉电线为电动自行车充电等。',
        },
        {
          article: '第七十八条第三款',
          summary:
            '物业服务人对违法行为应当劝阻、制止；劝阻、制止无效的，应当及时报告街道办事处、乡镇人民政府或者有关行政主管部门。',
        },
      ],
    },
    {
      name: '北京市街道办事处条例',
      level: '地方性法规',
      version: '2019年11月27日通过',
      articles: [{ article: '第五条', summary: '建立健全街道办事处吹哨、部门报到工作机制。' }],
    },
    {
      name: '北京市消防条例',
      level: '地方性法规',
      version: '2025年修订，2025年5月1日施行',
      isUnverified: true,
      articles: [
        {
          article: '第九十七条',
          summary: {
            text: '违反规定在楼道、楼梯间停放电动自行车或者为其充电，拒不改正的，对个人处五百元以上一千元以下罚款。',
            isUnverified: true,
          },
        },
      ],
    },
    {
      name: '北京市禁止违法建设若干规定',
      level: '地方政府规章',
      issuer: '北京市人民政府',
      version: '市政府令第295号',
      isUnverified: true,
    },
    {
      name: '北京市人民政府关于向街道办事处和乡镇人民政府下放部分行政执法职权并实行综合执法的决定',
      level: '规范性文件',
      version: '京政发〔2020〕9号',
    },
  ];
}

export function powerEntries(variant: Variant): PowerEntry[] {
  const team = variant === 'street' ? '街道综合行政执法队' : '乡镇综合行政执法队';
  return [
    {
      title: '对违法建设的查处',
      category: '行政处罚',
      implementer: team,
      legalBasis: [
        variant === 'street'
          ? '《中华人民共和国城乡规划法》第六十四条'
          : '《中华人民共和国城乡规划法》第六十五条（乡、村庄规划区）',
        '《北京市城乡规划条例》第五十八条、第七十四条',
        { text: '《北京市禁止违法建设若干规定》', isUnverified: true },
      ],
      steps: [
        '巡查发现或者接报后现场核查，制作现场检查笔录并拍照取证',
        '责令停止建设、限期改正，送达《责令限期改正通知书》',
        '告知拟作出处罚的事实、理由、依据及陈述申辩、听证权利',
        '作出行政处罚决定并送达',
        '逾期不拆除的，催告后依法强制拆除；当事人不明的，公告不少于十日',
      ],
      templates: [
        '现场检查笔录',
        '责令限期改正通知书',
        '行政处罚事先告知书',
        '行政处罚决定书',
        '催告书',
        '限期拆除公告',
      ],
      summary: '核查取证→责令改正→告知→决定→催告→强制拆除',
    },
    {
      title: '对侵占绿地、毁绿种菜的查处',
      category: '行政处罚',
      implementer: team,
      legalBasis: ['《北京市物业管理条例》第七十八条第二款、第九十八条', '《北京市绿化条例》第五十条、第六十七条'],
      steps: ['接报后现场核查取证', '责令改正、恢复绿地', '拒不改正的，依法立案处罚'],
      templates: ['现场检查笔录', '责令限期改正通知书', '行政处罚决定书'],
    },
    {
      title: '查封违法建设施工现场',
      category: '行政强制',
      implementer: team,
      legalBasis: ['《北京市城乡规划条例》第七十四条', '《中华人民共和国行政强制法》'],
      steps: [
        '报负责人批准',
        '通知当事人到场，当场告知查封的理由、依据和救济途径',
        '制作查封决定书和现场笔录，张贴封条',
      ],
      templates: ['查封决定书', '现场笔录'],
    },
    {
      title: '撤销业主大会、业主委员会违法决定',
      category: '指导监督',
      implementer: variant === 'street' ? '街道办事处（城市管理办公室）' : '乡镇人民政府（村镇建设科）',
      legalBasis: ['《物业管理条例》第十九条', '《北京市物业管理条例》第八条'],
      steps: ['接到业主投诉或者居委会报告后调查核实', '责令限期改正', '逾期不改正的，作出撤销决定并公告'],
      templates: ['责令限期改正通知书', '撤销决定书'],
    },
  ];
}

export function powersManualInput(variant: Variant): PowersManualInput {
  const client = CLIENTS[variant];
  return {
    client,
    preparedBy: FIRM,
    date: DOCUMENT_DATE,
    edition: '征求意见稿',
    parties: [
      {
        party: client.name,
        role: ['统筹辖区社区治理，行使下放的行政执法职权，对需多部门协同的事项“吹哨”召集职能部门。'],
      },
      { party: '社区居民委员会', role: ['对违法行为劝阻、报告，协助调查取证，组织居民依照居民公约自我管理。'] },
      { party: '业主委员会（物业管理委员会）', role: ['督促业主遵守管理规约，对违法行为劝阻并报告。'] },
      {
        party: '物业服务人',
        role: [
          '对物业管理区域内的违法行为劝阻、制止，劝阻、制止无效的及时报告（《北京市物业管理条例》第七十八条第三款）。',
        ],
      },
      {
        party: '区有关职能部门',
        role: [
          '依法查处职责范围内的违法行为，接受统筹调度，按要求报到。',
          { text: '消防救援机构负责占用消防车通道等消防违法行为的查处。', isUnverified: false },
        ],
      },
    ],
    powers: powerEntries(variant),
    problemGuides: [
      {
        problem: '违法建设/私搭乱建',
        enforcer: variant === 'street' ? '街道综合行政执法队' : '乡镇综合行政执法队；乡村规划区内由乡镇人民政府查处',
        steps: ['居委会、物业劝阻并报告', '执法队现场核查、责令停止建设', '立案查处，依法强制拆除'],
        legalBasis: ['《中华人民共和国城乡规划法》第六十四条', '《北京市城乡规划条例》第六十二条'],
      },
      {
        problem: '油烟扰民',
        enforcer: { text: '综合行政执法队或者生态环境部门', isUnverified: true },
        steps: ['核实经营者和排放情况', '责令改正', '移送或者立案查处'],
        legalBasis: ['《中华人民共和国大气污染防治法》第八十一条、第一百一十八条'],
      },
    ],
    templates: [
      { name: '现场检查笔录', usage: '现场检查、勘验时记录' },
      {
        name: '责令限期改正通知书',
        usage: '责令当事人改正或者限期改正违法行为',
        legalBasis: '《中华人民共和国行政处罚法》第二十八条',
      },
      { name: '行政处罚事先告知书', usage: '作出处罚决定前告知', legalBasis: '《中华人民共和国行政处罚法》第四十四条' },
      { name: '行政处罚决定书', usage: '作出处罚决定', legalBasis: '《中华人民共和国行政处罚法》第五十九条' },
      { name: '催告书', usage: '强制执行前催告', legalBasis: '《中华人民共和国行政强制法》第三十五条' },
    ],
    laws: lawReferences(),
  };
}

export function violationItems(variant: Variant): ViolationListItem[] {
  const team = variant === 'street' ? '街道综合行政执法队' : '乡镇综合行政执法队';
  return [
    {
      violation: '违法建设/私搭乱建、私挖地下空间',
      prohibitingArticles: '《北京市物业管理条例》第七十八条第二款第（三）项',
      penaltyArticles:
        variant === 'street' ? '《中华人民共和国城乡规划法》第六十四条' : '《中华人民共和国城乡规划法》第六十五条',
      penalty: '责令停止建设、限期改正，处建设工程造价5%以上10%以下罚款；无法改正的限期拆除',
      enforcer: team,
      delegation: '是',
      coerciveMeasures: '查封施工现场；催告后强制拆除（当事人不明的公告不少于10日）',
      priorProcedure: '居委会、物业劝阻并报告；责令停止建设',
      reporters: '居委会、物业服务人、网格员',
      cooperatingDepartments: '规划自然资源部门',
      remarks: { text: '《北京市禁止违法建设若干规定》（市政府令第295号）', isUnverified: true },
    },
    {
      violation: '侵占绿地、毁绿种菜',
      prohibitingArticles: '《北京市物业管理条例》第七十八条第二款第（九）项',
      penaltyArticles: '《北京市物业管理条例》第九十八条第（九）项',
      penalty: '责令改正；拒不改正的，处500元以上5000元以下罚款',
      enforcer: team,
      delegation: '是',
      priorProcedure: '劝阻、责令改正',
      reporters: '居委会、物业服务人',
      cooperatingDepartments: '园林绿化部门',
    },
    {
      violation: '占用、堵塞消防车通道',
      prohibitingArticles: '《中华人民共和国消防法》第二十八条',
      penaltyArticles: '《中华人民共和国消防法》第六十条',
      penalty: '个人警告或者500元以下罚款；单位5000元以上50000元以下罚款',
      enforcer: '消防救援机构',
      delegation: '否',
      coerciveMeasures: '强制清除、拖离',
      priorProcedure: '物业劝阻、报告',
      reporters: '物业服务人、居委会',
      cooperatingDepartments: '公安派出所',
    },
    {
      violation: '飞线充电、电动自行车进楼入梯',
      prohibitingArticles: { text: '《北京市消防条例》（2025年修订）第九十七条', isUnverified: true },
      penaltyArticles: '《北京市物业管理条例》第九十八条第（五）项',
      penalty: { text: '拒不改正的，个人500元以上1000元以下罚款', isUnverified: true },
      enforcer: '消防救援机构',
      delegation: '否',
      reporters: '物业服务人',
    },
    {
      violation: '油烟扰民',
      prohibitingArticles: '《中华人民共和国大气污染防治法》第八十一条',
      penaltyArticles: '《中华人民共和国大气污染防治法》第一百一十八条',
      penalty: '5000元以上50000元以下罚款',
      enforcer: { text: `${team}或者生态环境部门`, isUnverified: true },
      delegation: { text: '区街共有', isUnverified: true },
      reporters: '居委会',
    },
    {
      violation: '垃圾分类不规范',
      prohibitingArticles: '《北京市生活垃圾管理条例》第三十三条',
      penaltyArticles: '《北京市生活垃圾管理条例》第六十七条',
      penalty: '管理责任人劝阻→书面警告→50元以上200元以下罚款（可以参加社区服务代替）',
      enforcer: team,
      delegation: '是',
      priorProcedure: '生活垃圾分类管理责任人劝阻',
      reporters: '生活垃圾分类管理责任人',
    },
  ];
}

export function violationsListInput(variant: Variant): ViolationsListInput {
  return {
    clientName: CLIENTS[variant].name,
    generatedOn: DOCUMENT_DATE,
    preparedBy: FIRM,
    items: violationItems(variant),
  };
}

export function lawCompilationInput(variant: Variant): LawCompilationInput {
  return { client: CLIENTS[variant], preparedBy: FIRM, date: DOCUMENT_DATE, laws: lawReferences() };
}

export function jointEnforcementPlanInput(variant: Variant): JointEnforcementPlanInput {
  const client = CLIENTS[variant];
  return {
    client,
    date: DOCUMENT_DATE,
    preparedBy: FIRM,
    numberPrefix: variant === 'street' ? '和联' : '雁联',
    leadership: {
      leader: variant === 'street' ? '街道办事处主任' : '镇长',
      deputies: variant === 'street' ? ['分管城市管理的副主任'] : ['分管城建的副镇长'],
      members: ['区城市管理委', '区住房城乡建设委', '区园林绿化局', '区消防救援支队', '公安派出所', '区生态环境局'],
      office: { location: `${client.shortName}城市管理办公室`, director: '城市管理办公室主任', phone: '010-64281234' },
    },
    departments: [
      { department: '区住房城乡建设委', duties: ['查处违规装修、拆改承重结构，擅自利用共用部位经营等行为。'] },
      { department: '区消防救援支队', duties: ['查处占用、堵塞消防车通道和疏散通道等消防违法行为。'] },
      {
        department: '公安派出所',
        duties: [
          '查处高空抛物、违规养犬、噪声扰民等治安违法行为。',
          { text: '对群租房开展联合清理。', isUnverified: true },
        ],
      },
    ],
    priorityProblems: [
      {
        problem: '违法建设/私搭乱建',
        lead: variant === 'street' ? '街道综合行政执法队' : '乡镇综合行政执法队',
        cooperating: '区规划自然资源分局',
        measures: '建立台账，新增违建“零容忍”，存量违建分类拆除',
      },
      {
        problem: '占用、堵塞消防车通道',
        lead: '区消防救援支队',
        cooperating: '物业服务人、公安派出所',
        measures: '划线标识、联合巡查、强制清除',
      },
      {
        problem: '油烟扰民',
        lead: { text: '区生态环境局', isUnverified: true },
        cooperating: '综合行政执法队',
        measures: '核查油烟净化设施，责令改正',
      },
    ],
    symposiums: [
      { department: '区城市管理委', date: '2026-09-10' },
      { department: '区消防救援支队', date: '2026-09-12' },
      { department: '区住房城乡建设委', date: '2026-09-15' },
    ],
  };
}

// ---- Stage 5 and 6

export function handbookInput(variant: Variant, communityIndex = 0): SelfGovernanceHandbookInput {
  const client = CLIENTS[variant];
  const name = communityNames(variant, communityIndex + 1)[communityIndex] ?? '和平里北社区';
  return {
    client,
    preparedBy: FIRM,
    date: DOCUMENT_DATE,
    community: {
      name,
      partyOrganization: `中共${name}委员会`,
      households: 2368,
      residents: 6120,
      residentGroups: 24,
      compounds: [
        {
          name: '和平里三区',
          type: '老旧小区',
          households: 860,
          ownersBody: '未成立',
          propertyCompany: '无物业（居委会托管）',
        },
        {
          name: '和平家园',
          type: '商品房小区',
          households: 1108,
          ownersBody: '业主委员会',
          propertyCompany: '北京和顺物业管理有限公司',
        },
        {
          name: '化工宿舍',
          type: '单位宿舍',
          households: 400,
          ownersBody: '物业管理委员会',
          propertyCompany: '北京东城房管物业公司',
        },
      ],
      committeeMembers: [
        { name: '刘芳', position: '主任' },
        { name: '陈伟', position: '副主任' },
        { name: '赵丽', position: '委员' },
        { name: '孙强', position: '委员' },
        { name: '周敏', position: '委员' },
      ],
      subCommittees: ['人民调解委员会', '治安保卫委员会', '公共卫生委员会', '环境和物业管理委员会'],
      features: [
        '老旧小区占比高，楼道堆物、飞线充电问题突出；商品房小区业主与物业的矛盾集中在共有部分收益公开。',
        { text: '社区现有出租房屋约430套，其中疑似群租约20套。', isUnverified: true },
      ],
    },
    customRules: [
      { module: '民主管理', text: '和平里三区公共停车位由环境和物业管理委员会组织居民协商分配，每年公示一次。' },
      {
        module: '民主监督',
        text: { text: '停车管理收入扣除成本后全部用于小区公共设施维护，每季度公示。', isUnverified: true },
      },
    ],
    issues: [
      {
        problem: '楼道堆物',
        dissuader: '楼门长、物业服务人',
        enforcer: '消防救援机构（疏散通道）；综合行政执法队（其他共用部位）',
      },
      { problem: '飞线充电、电动自行车进楼入梯', dissuader: '物业服务人', enforcer: '消防救援机构' },
      {
        problem: '违法建设/私搭乱建',
        dissuader: '居委会、网格员',
        enforcer: variant === 'street' ? '街道综合行政执法队' : '乡镇综合行政执法队',
      },
    ],
    mediation: {
      members: ['刘芳', '退休法官王建国', '居民代表李秀兰'],
      venue: '社区党群服务中心调解室（每周二、四下午）',
      phone: '010-64219876',
    },
  };
}

export function conventionInput(variant: Variant): ResidentsConventionInput {
  return {
    communityName: communityNames(variant, 1)[0] ?? '和平里北社区',
    streetOffice: variant === 'street' ? '和平里街道办事处' : '雁栖镇人民政府',
    additionalRules: [
      {
        topic: '高空抛物',
        text: '居民不得从建筑物中抛掷物品，阳台、窗台不摆放易坠落物品；发现高空抛物行为的，及时向物业服务人和公安机关报告。',
      },
    ],
  };
}

export function openLetterInput(variant: Variant): OpenLetterInput {
  return {
    communityName: communityNames(variant, 1)[0] ?? '和平里北社区',
    problem:
      '近期，本社区部分居民将电动自行车推入楼道、电梯，并从窗口私拉电线“飞线”充电。\n电动自行车蓄电池一旦起火，燃烧迅速并释放大量有毒烟气，后果不堪设想。',
    legalBasis: [
      '《中华人民共和国消防法》第二十八条：任何单位、个人不得占用、堵塞、封闭疏散通道、安全出口、消防车通道。',
      {
        text: '《北京市消防条例》第九十七条：违反规定在楼道、楼梯间停放电动自行车或者为其充电，拒不改正的，对个人处五百元以上一千元以下罚款。',
        isUnverified: true,
      },
    ],
    requests: [
      '电动自行车请停放在指定的停车棚，不推入楼道、不带入电梯。',
      '请到集中充电设施充电，不私拉电线充电。',
      '请保持楼道畅通，及时清理堆放的杂物。',
    ],
    issuer: [`${communityNames(variant, 1)[0] ?? ''}居民委员会`, '北京和顺物业管理有限公司'],
    date: DOCUMENT_DATE,
    government: variant === 'street' ? '和平里街道办事处' : '雁栖镇人民政府',
  };
}

export function correctionNoticeInput(variant: Variant): CorrectionNoticeInput {
  return {
    client: CLIENTS[variant],
    numberPrefix: variant === 'street' ? '京东和责改' : '京怀雁责改',
    violation: {
      act: '占用、堵塞消防车通道',
      provisionBreached: '《北京市物业管理条例》第七十八条第二款第（十）项',
      specificBasis: '《北京市物业管理条例》第九十八条第（十）项',
      correction: '清除堆放物品、移走车辆，恢复消防车通道畅通',
      consequence: { text: '将依法对单位处五千元以上五万元以下罚款，对个人处五百元罚款', isUnverified: true },
    },
  };
}

// ---- Stage 3

const QUESTIONS: { question: string; options: string[]; isMultiple?: boolean }[] = [
  { question: '您对本社区环境秩序的总体评价是？', options: ['满意', '基本满意', '不满意', '说不清'] },
  {
    question: '您认为本社区最突出的问题是？',
    options: ['楼道堆物', '飞线充电', '私搭乱建', '占用消防通道', '噪声扰民', '违规养犬'],
    isMultiple: true,
  },
  { question: '您是否了解居民公约的内容？', options: ['了解', '听说过但不了解内容', '不知道'] },
  { question: '遇到邻里纠纷，您首先会？', options: ['找居委会调解', '拨打12345', '自行协商', '不处理'] },
  { question: '您是否愿意参加居民会议表决社区事务？', options: ['愿意', '视情况而定', '不愿意'] },
];

export function researchReportInput(variant: Variant, communityCount = 3): ResearchReportInput {
  const client = CLIENTS[variant];
  const communities = communityNames(variant, communityCount);
  const audiences = ['居民代表', '居委会成员', '物业服务企业'] as const;
  const questionnaires: QuestionnaireResult[] = communities.flatMap((community, communityIndex) =>
    audiences.map((audience, audienceIndex) => {
      const returned = audience === '居民代表' ? 80 + ((communityIndex * 7) % 30) : 6 + audienceIndex;
      return {
        community,
        audience,
        distributed: returned + 5,
        returned,
        questions: QUESTIONS.map((question, questionIndex) => {
          const weights = question.options.map(
            (_, optionIndex) => ((communityIndex + questionIndex + optionIndex * 3) % 5) + 1,
          );
          const total = weights.reduce((sum, weight) => sum + weight, 0);
          const counts = weights.map((weight) =>
            Math.round((weight / total) * returned * (question.isMultiple ? 1.6 : 1)),
          );
          return {
            question: question.question,
            options: question.options.map((label, optionIndex) => ({ label, count: counts[optionIndex] ?? 0 })),
            ...(question.isMultiple ? { respondents: returned } : {}),
          };
        }),
      };
    }),
  );
  const sessions: ResearchSession[] = communities.flatMap((community, index) => [
    {
      kind: '座谈会' as const,
      community,
      date: addDays('2026-05-11', index % 30),
      participants: '社区党委书记、居委会主任及委员、居民代表、物业项目经理',
      headcount: 12,
      points: [
        '楼道堆物反复出现，劝阻后很快回潮，缺少后续处置手段。',
        '老旧小区无物业，居委会承担了大量物业管理职能。',
        { text: '部分职能部门接到“吹哨”后未在24小时内到场。', isUnverified: index % 2 === 0 },
      ],
    },
    {
      kind: '实地访谈' as const,
      community,
      date: addDays('2026-05-20', index % 30),
      participants: '楼门长和居民',
      headcount: 6,
      points: ['居民普遍支持集中充电设施建设，但担心收费。'],
    },
  ]);
  return {
    client,
    preparedBy: FIRM,
    date: DOCUMENT_DATE,
    period: { start: '2026-05-06', end: '2026-06-30' },
    communities,
    questionnaires,
    sessions,
    problems: [
      {
        title: '楼道堆物、占用疏散通道屡禁不止',
        violation: '楼道堆物',
        communities: communities.slice(0, Math.max(1, Math.ceil(communities.length / 2))),
        description: '老旧小区楼道普遍堆放杂物，既有劝阻缺少后续手段，存在火灾隐患。',
      },
      {
        title: '电动自行车飞线充电',
        violation: '飞线充电、电动自行车进楼入梯',
        communities,
        description: '集中充电设施不足，夜间飞线充电现象突出。',
      },
      {
        title: '群租房管理难',
        violation: '群租房/违规出租',
        communities: communities.slice(-1),
        description: { text: '疑似群租约20套，出租人不配合登记。', isUnverified: true },
      },
    ],
    conclusions: [
      '各社区治理的突出问题集中在消防安全和公共空间秩序，现有居民公约内容原则、缺少实施程序，居委会与职能部门的衔接机制尚未建立。',
    ],
    recommendations: [
      '以《违法行为查处职权部门清单》明确各类问题的执法主体和报告路径。',
      '逐社区修订居民公约，履行公示、居民会议表决和备案程序。',
      '建立“吹哨报到”台账，将报到和反馈时限纳入考核。',
    ],
  };
}

// ---- Close

export function closingReportInput(variant: Variant, communityCount = 3): ClosingReportInput {
  const client = CLIENTS[variant];
  const communities = communityNames(variant, communityCount);
  const plan = servicePlanInput(variant, communityCount);
  return {
    client,
    engagementName: plan.engagementName,
    preparedBy: FIRM,
    date: DOCUMENT_DATE,
    period: { start: '2026-03-02', end: DOCUMENT_DATE },
    communities,
    stages: plan.stages.map((stage, index) => ({
      name: stage.name,
      plannedEnd: stage.end,
      ...(index < plan.stages.length - 1 ? { completedOn: addDays(stage.end, index === 3 ? 6 : -2) } : {}),
    })),
    deliverables: [
      { title: '项目法律服务方案', approvedOn: '2026-03-20', revision: 2 },
      { title: '调研报告', approvedOn: '2026-07-06', revision: 1 },
      ...communities.map((community, index) => ({
        title: '社区规范管理自治手册',
        community,
        approvedOn: addDays('2026-09-20', index % 20),
        revision: 1 + (index % 2),
      })),
    ],
    conventions: communities.map((community, index) => ({
      community,
      adoptedOn: addDays('2026-10-15', index % 25),
      eligible: 120 + index,
      attendees: index === 1 ? 58 : 96,
      votesFor: index === 1 ? 50 : 88,
      votesAgainst: 3,
      abstentions: index === 1 ? 5 : 5,
      ...(index === 1 ? {} : { filingNo: `${client.shortName.slice(0, 1)}备〔2026〕${index + 1}号` }),
      isUnverified: index === 2,
    })),
    trainings: [
      {
        date: '2026-04-08',
        topic: '创新社区治理的必要性和工作路径',
        audience: `${client.shortName}领导班子`,
        attendance: 18,
      },
      {
        date: '2026-04-15',
        topic: '居民公约与社区自治',
        audience: '各社区居委会领导班子',
        attendance: communityCount * 5,
      },
    ],
    // No promotion events recorded yet: the section must be left out.
    events: [],
    cases: [
      { tier: 'moral', opened: 86, resolved: 61, averageDays: 6.4 },
      { tier: 'self-governance', opened: 25, resolved: 17, averageDays: 12.8 },
      { tier: 'rule-of-law', opened: 8, resolved: 6, averageDays: 21.5 },
    ],
    modelHouseholds: [
      { community: '和平里北社区', household: '和平里北街11号院 孙志强家', deeds: '退休电工，义务为院内居民检查电动自行车充电线路，引导居民到集中充电桩充电。', recognizedOn: '2026-10-15' },
      { community: '兴化社区', household: '兴化西里2号楼3单元 赵玉兰家', deeds: '率先拆除自家地锁，并逐户劝说另外3户拆除。', recognizedOn: '2026-10-31' },
    ],
    hotline: { before: 412, after: 301, months: 6, isUnverified: true },
    highlights: ['各社区居民公约均经居民会议表决并备案，居民知晓率明显提升。'],
    nextSteps: ['将分层处置台账纳入网格化管理平台，持续跟踪问题解决时长。'],
  };
}
