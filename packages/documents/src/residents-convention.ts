import { type CivilDate } from '@gongzhi/domain';
import { formatChineseDate } from './chinese-text';
import {
  BLANK_DATE,
  createArticle,
  createChapterHeading,
  createHeading,
  createNote,
  createPageBreak,
  createParagraphs,
  createSignatureBlock,
  createTitleBlock,
  packOfficialDocument,
  run,
} from './gbt9704';
import { UnverifiedMarks, type VerifiableText } from './unverified';

/** A 居民公约 draft for one community, per legal-facts D.4. */
export interface ResidentsConventionInput {
  /** The community's full name, e.g. 和平里北社区. */
  communityName: string;
  /** The 街道办事处 or 乡镇人民政府 the convention is filed with, e.g. 和平里街道办事处, 雁栖镇人民政府. */
  streetOffice: string;
  /** Set once the 居民会议 has adopted it; until then the dates stay blank for the meeting to fill in. */
  adoptedOn?: CivilDate;
  /** The filing number, once filed. */
  filingNo?: string;
  /**
   * Community-specific rules from the research (a 高空抛物 clause, a 停车 arrangement), added to chapter 2
   * after the standard rules. A rule may not fine anyone: the convention works by persuasion.
   */
  additionalRules?: { topic: string; text: VerifiableText }[];
}

interface Chapter {
  title: string;
  articles: (string | { topic: string; text: VerifiableText })[];
}

/**
 * The structure follows legal-facts D.4. The text is a drafting base for the lawyers: every
 * community's convention is customised after field research, then adopted by its 居民会议.
 * Two legal limits shape the wording: a convention may not conflict with law (居委会组织法 Art. 15),
 * and it may not fine anyone or restrict rights — it works by persuasion, and violations of law go
 * to the bodies that hold the power to enforce.
 */
function writeChapters(input: ResidentsConventionInput): Chapter[] {
  const { communityName, streetOffice } = input;
  const adopted = input.adoptedOn ? formatChineseDate(input.adoptedOn) : BLANK_DATE;
  return [
    {
      title: '总则',
      articles: [
        `为推进${communityName}居民自我管理、自我教育、自我服务，维护社区公共秩序，营造文明和谐、安全整洁的居住环境，根据《中华人民共和国城市居民委员会组织法》第十五条和《北京市实施〈中华人民共和国城市居民委员会组织法〉办法》第十七条、第十八条等规定，结合本社区实际，制定本公约。`,
        `本公约适用于居住在${communityName}辖区内的全体居民，包括户籍居民、常住居民和承租人。辖区内的单位、物业服务企业和商户参照本公约，共同维护社区秩序。`,
        '居民遵守本公约，应当坚持以下原则：遵守宪法和法律、法规，践行社会主义核心价值观；权利与义务相统一，个人利益服从社区公共利益；有事好商量，众人的事情由众人商量；互帮互助，共建共治共享。',
        '本公约的内容不得与宪法、法律、法规和国家的政策相抵触。本公约未作规定的事项，依照法律、法规、规章和有关政策执行。',
      ],
    },
    {
      title: '居民行为规范',
      articles: [
        '【遵纪守法】居民应当自觉学法、守法、用法，维护社会治安，不参与赌博、吸毒、传销和邪教等违法活动；发现违法犯罪行为或者安全隐患，及时向公安机关或者社区居民委员会报告。出租房屋的，应当遵守房屋租赁管理规定，如实登记承租人信息，不违规群租。',
        '【邻里和睦】居民应当互相尊重、互谅互让、守望相助，关爱老年人、未成年人、残疾人和困难家庭。邻里之间发生纠纷，应当协商解决，也可以申请社区人民调解委员会调解，不得辱骂、斗殴或者采取过激行为。居民应当控制生活噪声，不在午休和夜间时段从事影响他人休息的活动。',
        '【环境卫生与垃圾分类】居民应当按照《北京市生活垃圾管理条例》的规定，将生活垃圾分为厨余垃圾、可回收物、有害垃圾和其他垃圾，定时定点分类投放。不乱扔、乱倒垃圾，不在楼道、屋顶和公共区域堆放杂物，不乱贴乱画，不在护栏、树木上晾晒吊挂物品。',
        '【文明养犬】养犬居民应当依法为犬只办理登记和年检，居住在养犬重点管理区的，每户限养一只，不饲养大型犬、烈性犬。携犬出户应当束犬链、由成年人牵领，主动避让老年人和儿童；乘坐电梯应当避开高峰时间并采取防护措施；及时清除犬只粪便，防止犬吠干扰他人。',
        '【消防安全与电动自行车】居民应当爱护消防设施，不占用、堵塞、封闭消防车通道、疏散通道和安全出口，不在楼道、楼梯间等公共部位堆放物品。电动自行车及其蓄电池不进楼入户、不进电梯，不私拉电线“飞线”充电，应当在规定区域停放、在符合安全要求的充电设施处充电。发现火情，立即拨打119报警。',
        '【装修与房屋使用】居民装修房屋，应当事先告知物业服务人并遵守装饰装修管理规定，不拆改房屋承重结构，不擅自拆改供水、排水、燃气等共用管线，不违法搭建建筑物、构筑物，不私挖地下空间。装修作业应当遵守本市规定的作业时间，不在午休、夜间和法定节假日从事产生噪声的装修作业。将住宅改变为经营性用房的，应当遵守法律、法规和管理规约，并经有利害关系的业主一致同意。',
        '【绿地与公共区域】居民应当爱护绿地、树木和公共设施，不毁绿种菜、圈占绿地，不擅自占用楼道、屋顶、地下室等共用部位，不利用共用部位从事经营活动。',
        '【停车】机动车和非机动车应当在规定区域有序停放，服从停车管理，不占用消防车通道、盲道和出入口，不私设地锁、地桩等障碍物。',
        '【移风易俗】居民应当崇尚科学、破除陋习，婚事新办、丧事简办，不大操大办、铺张浪费；文明祭扫，不在社区内焚烧、抛撒祭品；遵守本市烟花爆竹燃放和控制吸烟的规定；孝老爱亲，弘扬良好家风。',
        '【参与自治】居民应当积极参加居民会议和居民委员会选举，依法行使选举权和被选举权；参与社区议事协商，对社区公共事务和居民委员会的工作提出意见和建议，监督居务公开；积极参加志愿服务和社区公益活动。',
        ...(input.additionalRules ?? []),
      ],
    },
    {
      title: '实施与监督',
      articles: [
        `${communityName}居民委员会负责本公约的宣传和监督执行，居民小组长、楼门长和志愿者协助做好宣传、劝导工作。`,
        '对违反本公约的行为，居民委员会和居民可以采取提醒、劝导、说服教育等方式督促改正；对屡劝不改、影响较大的问题，居民委员会可以组织当事人协商，或者提请居民会议、居民代表会议讨论，商定专项治理措施。',
        '本公约不设定罚款，不设定收费、扣押财物或者限制人身自由等任何处罚和强制措施，也不以停止提供公共服务作为惩戒手段。',
        `违反本公约的行为同时违反法律、法规的，居民委员会和物业服务人应当予以劝阻；劝阻无效的，及时向${streetOffice}或者有关行政主管部门报告，由有权机关依法处理。居民也可以通过12345市民服务热线反映。`,
        '居民委员会可以对遵守本公约、热心社区公益事业的家庭和个人给予表扬。',
        `居民对本公约的执行有意见的，可以向居民委员会提出，也可以向居民会议或者${streetOffice}反映。`,
      ],
    },
    {
      title: '附则',
      articles: [
        `本公约经${communityName}居民会议于${adopted}讨论通过，自通过之日起施行。`,
        `本公约通过后，报${streetOffice}备案${input.filingNo ? `（备案号：${input.filingNo}）` : ''}。`,
        '本公约的修改，由居民会议依照本公约的制定程序讨论通过，并重新备案。',
        '本公约与法律、法规、规章和国家政策的规定不一致的，依照法律、法规、规章和国家政策的规定执行。',
      ],
    },
  ];
}

/**
 * 《××社区居民公约（草案）》: 总则 with the legal basis, 居民行为规范 (ten standard rules plus the
 * community's own), 实施与监督 (persuasion only, no fines), 附则 (adoption and filing); a draft ends with
 * the procedure that makes it valid.
 */
export async function renderResidentsConvention(input: ResidentsConventionInput): Promise<Buffer> {
  const marks = new UnverifiedMarks();
  const title = `${input.communityName}居民公约${input.adoptedOn ? '' : '（草案）'}`;
  const status = input.adoptedOn
    ? `（${formatChineseDate(input.adoptedOn)}${input.communityName}居民会议讨论通过）`
    : '（征求意见稿，待居民会议讨论通过）';

  let articleNumber = 0;
  const chapters = writeChapters(input).flatMap((chapter, index) => [
    createChapterHeading(index + 1, chapter.title),
    ...chapter.articles.map((article) => {
      articleNumber += 1;
      return createArticle(
        articleNumber,
        typeof article === 'string' ? article : [run(`【${article.topic}】`), ...marks.runs(article.text)],
      );
    }),
  ]);

  return packOfficialDocument({
    title,
    author: `${input.communityName}居民委员会`,
    date: input.adoptedOn,
    marks,
    sections: [
      {
        children: [
          ...createTitleBlock({ title, subtitle: status }),
          ...chapters,
          ...createSignatureBlock({ signers: [`${input.communityName}居民会议`], date: input.adoptedOn ?? null }),
          ...(input.adoptedOn ? [] : createProcedureNotes(input.streetOffice)),
        ],
      },
    ],
  });
}

// Risk note 2 of the service: a convention binds only after public notice, a quorate residents'
// meeting and filing. The draft carries the steps on a page of its own, to be removed before issue.
function createProcedureNotes(streetOffice: string) {
  return [
    createPageBreak(),
    createHeading(1, '附：制定程序提示（印发前删除）'),
    ...createParagraphs(
      [
        '1.公示征求意见：草案在社区公示栏和居民群公示，广泛征求居民、驻区单位和物业服务人的意见，并记录采纳情况。',
        '2.居民会议表决：居民会议由本社区十八周岁以上的居民、每户派代表或者每个居民小组选举的代表二至三人参加；须有全体成员过半数出席方可举行，决定由出席人员过半数通过（城市居民委员会组织法第九条）。保存签到表、表决票和会议记录。',
        `3.备案与公布：通过后报${streetOffice}备案（城市居民委员会组织法第十五条；北京市实施办法第十八条），并在社区公布，做到家喻户晓。`,
      ].join('\n'),
    ),
    createNote(
      '本公约不设定罚款：居民公约是居民自我约束的规范，不得设定罚款、收费等处罚，违法行为由有权机关依法处理。',
    ),
  ];
}
