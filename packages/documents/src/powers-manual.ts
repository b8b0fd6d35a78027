import { type CivilDate } from '@gongzhi/domain';
import { type ClientProfile, termsFor } from './client-terms';
import {
  createChapterHeading,
  createCoverPage,
  createDataTable,
  createHeading,
  createParagraph,
  headingNumber,
  HeadingNumbering,
  packOfficialDocument,
  run,
} from './gbt9704';
import { bookTitle, groupByLevel, type LawReference } from './law-references';
import { UnverifiedMarks, type VerifiableText } from './unverified';

export const POWER_CATEGORIES = ['行政处罚', '行政强制', '行政检查', '指导监督', '其他'] as const;
export type PowerCategory = (typeof POWER_CATEGORIES)[number];

/** One statutory power of the client in community governance. */
export interface PowerEntry {
  /** 对违法建设的查处, 撤销业主大会、业主委员会违法决定 */
  title: string;
  category: PowerCategory;
  /** Who exercises it: 街道综合行政执法队, 街道办事处（城市管理办公室）. */
  implementer: string;
  /** Citations, e.g. 《中华人民共和国城乡规划法》第六十四条. */
  legalBasis: VerifiableText[];
  /** 行权流程, in order; numbered （1）（2）… in the manual. */
  steps: VerifiableText[];
  /** Names of the 文书模板 it uses (listed in chapter 7). */
  templates: string[];
  /** 行权流程要点 for the 职权梳理表: the steps in a line; the steps joined by → when omitted. */
  summary?: VerifiableText;
}

export interface PartyRole {
  /** 街道办事处, 居民委员会, 业主委员会（物业管理委员会）, 物业服务人, 区职能部门 */
  party: string;
  role: VerifiableText[];
}

/** How to handle one problem type of the violation catalogue (chapter 5). */
export interface ProblemGuide {
  /** The catalogue's violation title: 违法建设（私搭乱建）. */
  problem: string;
  enforcer: VerifiableText;
  steps: VerifiableText[];
  legalBasis: VerifiableText[];
}

export interface DocumentTemplateEntry {
  name: string;
  /** 适用情形 */
  usage: string;
  legalBasis?: VerifiableText;
}

/** 行权手册 (stage 4): chapters per legal-facts D.1. */
export interface PowersManualInput {
  client: ClientProfile;
  /** The law firm that prepared it. */
  preparedBy: string;
  date: CivilDate;
  /** Printed under the cover title: 征求意见稿, 2026年版. */
  edition?: string;
  /** 第一章 目的与依据: extra paragraphs after the standard purpose (the client's own situation). */
  purpose?: VerifiableText[];
  /** 第二章 行权主体及职责. */
  parties: PartyRole[];
  /** 第三章 职权清单, grouped by category in the manual. */
  powers: PowerEntry[];
  /** 第五章 常见问题处置指引. */
  problemGuides: ProblemGuide[];
  /** 第六章 协调联动: paragraphs after the standard 吹哨报到 / 接诉即办 text. */
  coordination?: VerifiableText[];
  /** 第七章 文书模板. */
  templates: DocumentTemplateEntry[];
  /** 第八章 附录：法律法规目录. */
  laws: LawReference[];
}

/**
 * 行权手册: cover, then eight chapters — purpose and basis; parties; the powers list (per power: category,
 * implementer, legal basis, numbered 行权流程, templates); the general procedure; a handling guide per
 * problem type; coordination (吹哨报到, 接诉即办); the templates; the annexed list of laws.
 */
export async function renderPowersManual(input: PowersManualInput): Promise<Buffer> {
  const marks = new UnverifiedMarks();
  const terms = termsFor(input.client.kind);
  const { client } = input;
  const title = `${client.shortName}社区治理行权手册`;
  let chapter = 0;
  const nextChapter = (name: string) => createChapterHeading((chapter += 1), name);
  const verifiable = (item: VerifiableText) => createParagraph(marks.runs(item));

  // 第一章
  const purpose = [
    nextChapter('目的与依据'),
    createParagraph(
      `为厘清${client.name}在社区治理中的法定职权和职责边界，规范行政执法行为，提高社区违法行为查处效率，推动依法行政，根据《中华人民共和国行政处罚法》《中华人民共和国行政强制法》、${terms.regulationBasis}《北京市物业管理条例》等法律法规，以及《北京市人民政府关于向街道办事处和乡镇人民政府下放部分行政执法职权并实行综合执法的决定》（京政发〔2020〕9号），结合${client.shortName}实际，编制本手册。`,
    ),
    createParagraph(
      `本手册适用于${client.shortName}及其综合行政执法队在社区治理中依法履行职责、行使职权，辖区居民委员会、业主委员会（物业管理委员会）和物业服务人配合开展劝阻、报告工作时参照使用。`,
    ),
    ...(input.purpose ?? []).map(verifiable),
  ];

  // 第二章
  const partiesNumbering = new HeadingNumbering();
  const parties = [
    nextChapter('行权主体及职责'),
    ...input.parties.flatMap((party) => [partiesNumbering.heading(1, party.party), ...party.role.map(verifiable)]),
  ];

  // 第三章
  const powersNumbering = new HeadingNumbering();
  const powerGroups = POWER_CATEGORIES.map((category) => ({
    category,
    powers: input.powers.filter((power) => power.category === category),
  })).filter((group) => group.powers.length > 0);
  const powers = [
    nextChapter('职权清单'),
    createParagraph(
      `本章列明${client.shortName}在社区治理中的职权共${input.powers.length}项，按行政处罚、行政强制、行政检查、指导监督等类别编排；每项职权载明实施主体、法律依据、行权流程和所用文书。`,
    ),
    ...powerGroups.flatMap((group) => [
      powersNumbering.heading(1, `${group.category}（${group.powers.length}项）`),
      ...group.powers.flatMap((power) => [
        powersNumbering.heading(2, power.title),
        createHeading(3, `${headingNumber(3, 1)}职权类别及实施主体。`, {
          body: `${power.category}；${power.implementer}。`,
        }),
        createHeading(
          3,
          `${headingNumber(3, 2)}法律依据。`,
          power.legalBasis.length === 0 ? { body: '（待补充）' } : {},
        ),
        ...power.legalBasis.map((basis, index) =>
          createParagraph([run(headingNumber(4, index + 1)), ...marks.runs(basis)]),
        ),
        createHeading(3, `${headingNumber(3, 3)}行权流程。`),
        ...power.steps.map((step, index) => createParagraph([run(headingNumber(4, index + 1)), ...marks.runs(step)])),
        createHeading(3, `${headingNumber(3, 4)}文书模板。`, {
          body: power.templates.length === 0 ? '无。' : `${power.templates.map((name) => `《${name}》`).join('、')}。`,
        }),
      ]),
    ]),
  ];

  // 第四章: the general procedure of an ordinary penalty case, from the 行政处罚法.
  const procedureSteps: [string, string][] = [
    ['立案', '发现违法行为线索后，经初步核查，符合立案条件的，报负责人批准立案。'],
    [
      '调查取证',
      '执法人员不少于两人，出示执法证件，全面、客观、公正地调查，收集书证、物证、视听资料、现场笔录、询问笔录等证据，必要时依法检查。',
    ],
    [
      '告知',
      '作出行政处罚决定之前，依照《中华人民共和国行政处罚法》第四十四条告知当事人拟作出处罚的内容及事实、理由、依据，并告知其依法享有的陈述、申辩、要求听证等权利。',
    ],
    [
      '陈述申辩与听证',
      '充分听取当事人的陈述和申辩，对其提出的事实、理由和证据进行复核；符合听证条件且当事人要求听证的，依法组织听证。不得因当事人陈述、申辩而给予更重的处罚。',
    ],
    [
      '法制审核与决定',
      '依法需要法制审核的，经审核后由负责人作出决定；情节复杂或者重大的，集体讨论决定。行政处罚决定书载明《中华人民共和国行政处罚法》第五十九条规定的事项。',
    ],
    ['送达', '行政处罚决定书当场交付当事人；当事人不在场的，依照民事诉讼法的有关规定送达，并制作送达回证。'],
    [
      '执行',
      '当事人在决定书载明的期限内履行；逾期不履行的，依法加处罚款或者申请人民法院强制执行。需要强制拆除等行政强制执行的，依照《中华人民共和国行政强制法》先行催告（第三十五条），并依法公告（第四十四条）。',
    ],
    ['结案归档', '处罚决定执行完毕或者依法终结后，填写结案报告，按一案一卷归档。'],
  ];
  const procedureNumbering = new HeadingNumbering();
  const procedure = [
    nextChapter('行权程序'),
    createParagraph(
      '实施行政处罚，除依法可以当场作出的以外，按照下列普通程序办理；责令改正或者限期改正违法行为的，依照《中华人民共和国行政处罚法》第二十八条，与行政处罚一并作出或者在处罚前先行责令。',
    ),
    ...procedureSteps.map(([name, text]) => procedureNumbering.heading(3, `${name}。`, { body: text })),
  ];

  // 第五章
  const guideNumbering = new HeadingNumbering();
  const guides = [
    nextChapter('常见问题处置指引'),
    createParagraph(
      '居民委员会、物业服务人发现下列行为的，应当先行劝阻；劝阻无效的，及时向执法主体报告。执法主体依照下列指引处置：',
    ),
    ...input.problemGuides.flatMap((guide) => [
      guideNumbering.heading(1, guide.problem),
      createHeading(3, `${headingNumber(3, 1)}执法主体。`, { body: marks.runs(guide.enforcer, { bold: false }) }),
      createHeading(3, `${headingNumber(3, 2)}处置流程。`),
      ...guide.steps.map((step, index) => createParagraph([run(headingNumber(4, index + 1)), ...marks.runs(step)])),
      createHeading(3, `${headingNumber(3, 3)}法律依据。`, {
        body:
          guide.legalBasis.length === 0
            ? '（待补充）'
            : [...marks.join(guide.legalBasis, '；', { bold: false }), run('。', { bold: false })],
      }),
    ]),
  ];

  // 第六章
  const coordinationNumbering = new HeadingNumbering();
  const coordination = [
    nextChapter('协调联动'),
    coordinationNumbering.heading(1, '“街乡吹哨、部门报到”'),
    createParagraph(
      `依照${terms.regulationBasis}第五条、第十一条，${client.shortName}对需要多部门协同解决的综合性事项，可以“吹哨”召集区有关职能部门，统筹协调、督促其依法履职；区有关职能部门应当接受统筹调度，按要求“报到”并处置。职能部门未按要求报到或者履职不到位的，${client.shortName}可以依照该条例第四十四条向区人民政府报告，纳入考核。具体程序见《联动执法方案》。`,
    ),
    coordinationNumbering.heading(1, '接诉即办'),
    createParagraph(
      `对12345市民服务热线派单的社区治理诉求，${client.shortName}依照《北京市接诉即办工作条例》和${terms.regulationBasis}第六条及时受理、办理和反馈；属于职能部门职责的，及时转办或者“吹哨”协调。`,
    ),
    ...(input.coordination ?? []).map(verifiable),
  ];

  // 第七章
  const templates = [
    nextChapter('文书模板'),
    createParagraph(`本手册配套以下文书模板（共${input.templates.length}种），使用时按案件情况填写，统一编号、存档：`),
    createDataTable({
      columns: [
        { header: '序号', weight: 1, align: 'center' },
        { header: '文书名称', weight: 4 },
        { header: '适用情形', weight: 6 },
        { header: '依据', weight: 4 },
      ],
      rows: input.templates.map((template, index) => [
        String(index + 1),
        `《${template.name}》`,
        template.usage,
        template.legalBasis === undefined ? '' : marks.runs(template.legalBasis),
      ]),
    }),
  ];

  // 第八章
  const annex = [
    nextChapter('附录：法律法规目录'),
    ...groupByLevel(input.laws).flatMap((group, groupIndex) => [
      createHeading(1, `${headingNumber(1, groupIndex + 1)}${group.level}`),
      ...group.laws.map((law, index) =>
        createParagraph([
          run(`${index + 1}.`),
          ...marks.runs({
            text: `${bookTitle(law.name)}${law.issuer || law.version ? `（${[law.issuer, law.version].filter(Boolean).join('，')}）` : ''}`,
            isUnverified: law.isUnverified,
          }),
        ]),
      ),
    ]),
  ];

  return packOfficialDocument({
    title,
    author: input.preparedBy,
    date: input.date,
    marks,
    cover: createCoverPage({
      title,
      ...(input.edition ? { subtitle: `（${input.edition}）` } : {}),
      fields: [
        ['使用单位', client.name],
        ['编制单位', input.preparedBy],
        ['职权数量', `${input.powers.length}项`],
      ],
      issuer: client.name,
      date: input.date,
    }),
    sections: [
      {
        children: [...purpose, ...parties, ...powers, ...procedure, ...guides, ...coordination, ...templates, ...annex],
      },
    ],
  });
}
