import { z } from 'zod';
import { knowledgeKeySchema, provisionSchema } from './citation';

/**
 * The document templates (文书模板) the powers use. `requiredElements` is what a generated document
 * must contain, in order. Where legal-facts section D or a cited article lists the elements, the list
 * follows it exactly and the template is verified; where the list is the firm's drafting practice
 * (Beijing's unified enforcement forms, issued by the city's enforcement bureau, are not in the
 * sources), the template is `unverified` until a lawyer checks it against those forms.
 */
export const documentTemplateSchema = z
  .object({
    key: knowledgeKeySchema,
    title: z.string().min(1),
    purpose: z.string().min(1),
    requiredElements: z.array(z.string().min(1)).min(1),
    legalBasis: z.array(provisionSchema),
    unverified: z.boolean(),
    notes: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((template, context) => {
    if (template.legalBasis.some((provision) => provision.unverified === true) && !template.unverified) {
      context.addIssue({
        code: 'custom',
        path: ['unverified'],
        message: `template ${template.key} cites an unverified provision`,
      });
    }
  });
export type DocumentTemplate = z.infer<typeof documentTemplateSchema>;

const PRACTICE_NOTE = '要素系参照通行执法文书拟定，须对照市城市管理综合行政执法局统一的执法文书样式核对。';

export const documentTemplates: readonly DocumentTemplate[] = z.array(documentTemplateSchema).parse([
  {
    key: 'order-to-correct',
    title: '责令限期改正通知书',
    purpose: '实施行政处罚时责令当事人改正或者限期改正违法行为。',
    requiredElements: [
      '文号',
      '当事人',
      '违法事实（时间、地点、行为）',
      '违反的规定',
      '依据（行政处罚法第二十八条及具体规定）',
      '改正要求和期限',
      '逾期不改正的后果',
      '救济途径（六十日内申请行政复议——行政复议法（2023）第二十条；六个月内提起行政诉讼——行政诉讼法第四十六条）',
      '执法机关印章',
      '日期',
      '送达证明',
    ],
    legalBasis: [
      { lawKey: 'administrative-penalty-law', article: 28 },
      { lawKey: 'administrative-reconsideration-law', article: 20 },
      { lawKey: 'administrative-litigation-law', article: 46 },
    ],
    unverified: false,
  },
  {
    key: 'demand-notice',
    title: '催告书',
    purpose: '作出强制执行决定前，书面催告当事人履行义务。',
    requiredElements: [
      '文号',
      '当事人',
      '应当履行的义务及其依据',
      '履行义务的期限',
      '履行义务的方式',
      '涉及金钱给付的，明确的金额和给付方式',
      '当事人依法享有的陈述权和申辩权',
      '执法机关印章',
      '日期',
      '送达证明',
    ],
    legalBasis: [{ lawKey: 'administrative-coercion-law', article: 35 }],
    unverified: false,
    notes:
      '履行期限、方式、金额和给付方式、陈述权和申辩权四项为行政强制法第三十五条规定的法定内容；文号、印章、日期、送达证明为文书通例。',
  },
  {
    key: 'demolition-notice',
    title: '限期拆除公告',
    purpose: '强制拆除违法建设前公告，限期当事人自行拆除；违法建设当事人无法确定的，督促其接受处理。',
    requiredElements: [
      '文号',
      '违法建设的位置及当事人（无法确定当事人的，予以说明）',
      '违法事实',
      '依据（北京市城乡规划条例第七十八条；行政强制法第四十四条）',
      '限期自行拆除的要求和期限',
      '逾期不拆除将依法实施强制拆除的告知',
      '公告期间（无法确定当事人的，不少于十日）',
      '执法机关印章',
      '日期',
    ],
    legalBasis: [
      { lawKey: 'bj-urban-rural-planning-regulations', article: 78 },
      { lawKey: 'administrative-coercion-law', article: 44 },
    ],
    unverified: false,
    notes:
      '公告限期当事人自行拆除（行政强制法第四十四条）和无法确定当事人时公告不少于十日（北京市城乡规划条例第七十八条）为法定内容；其余要素为文书通例。',
  },
  {
    key: 'penalty-advance-notice',
    title: '行政处罚事先告知书',
    purpose: '作出行政处罚决定前，告知当事人拟作出的处罚及其权利。',
    requiredElements: [
      '文号',
      '当事人',
      '拟作出的行政处罚内容',
      '违法事实',
      '理由和依据',
      '当事人依法享有的陈述、申辩、要求听证等权利及行使方式',
      '执法机关印章',
      '日期',
      '送达证明',
    ],
    legalBasis: [{ lawKey: 'administrative-penalty-law', article: 44 }],
    unverified: false,
  },
  {
    key: 'penalty-decision',
    title: '行政处罚决定书',
    purpose: '载明行政处罚决定。',
    requiredElements: [
      '文号',
      '当事人的姓名或者名称、地址',
      '违反法律、法规、规章的事实和证据',
      '行政处罚的种类和依据',
      '行政处罚的履行方式和期限',
      '申请行政复议、提起行政诉讼的途径和期限',
      '作出行政处罚决定的行政机关名称和作出决定的日期',
      '作出行政处罚决定的行政机关印章',
      '送达证明',
    ],
    legalBasis: [{ lawKey: 'administrative-penalty-law', article: 59 }],
    unverified: false,
  },
  {
    key: 'on-site-inspection-record',
    title: '现场检查（勘验）笔录',
    purpose: '记录现场检查、勘验的情况，固定违法事实的证据。',
    requiredElements: [
      '检查（勘验）时间、地点',
      '执法人员姓名及执法证件号码',
      '当事人或者见证人',
      '现场情况记录',
      '照片、录像等证据目录',
      '当事人意见',
      '执法人员、当事人或者见证人签名',
    ],
    legalBasis: [],
    unverified: true,
    notes: PRACTICE_NOTE,
  },
  {
    key: 'dissuasion-report-form',
    title: '劝阻、制止、报告单',
    purpose:
      '物业服务人、业主委员会（物业管理委员会）对违法行为劝阻、制止，劝阻无效时向街道办事处、乡镇人民政府或者行政执法机关报告。',
    requiredElements: [
      '报告单位',
      '发现时间、地点',
      '违法行为及行为人',
      '劝阻、制止的经过和结果',
      '报告对象（街道办事处、乡镇人民政府或者行政执法机关）',
      '附件（照片等）',
      '报告人签名、日期',
    ],
    legalBasis: [
      { lawKey: 'bj-property-management-regulations', article: 78, paragraph: 3 },
      { lawKey: 'bj-urban-rural-planning-regulations', article: 62 },
    ],
    unverified: true,
    notes:
      '北京市住房和城乡建设委员会2020年发布过物业劝阻、制止、报告台账示范文本（仅见于第三方来源清单），要素须对照该示范文本核对。',
  },
  {
    key: 'case-filing-form',
    title: '立案审批表',
    purpose: '对发现的违法行为决定是否立案查处。',
    requiredElements: [
      '案件来源',
      '当事人基本情况',
      '涉嫌违法事实',
      '涉嫌违反的规定',
      '承办人意见',
      '审批意见',
      '立案日期',
    ],
    legalBasis: [],
    unverified: true,
    notes: PRACTICE_NOTE,
  },
  {
    key: 'service-receipt',
    title: '送达回证',
    purpose: '证明执法文书已经送达当事人。',
    requiredElements: [
      '送达文书名称和文号',
      '受送达人',
      '送达地点',
      '送达方式',
      '送达日期',
      '受送达人签名或者盖章（拒收的，注明情况并由见证人签名）',
      '送达人签名',
    ],
    legalBasis: [],
    unverified: true,
    notes: PRACTICE_NOTE,
  },
  {
    key: 'referral-letter',
    title: '联动执法案件移送函',
    purpose: '发现的违法行为属于市、区人民政府工作部门职责的，通知有关部门查处，并移交证据材料。',
    requiredElements: [
      '文号',
      '接收部门',
      '违法行为及线索来源',
      '已采取的劝阻、制止措施',
      '移送依据',
      '移交的证据材料清单',
      '请求反馈处理结果的期限',
      '联系人及联系方式',
      '印章',
      '日期',
    ],
    legalBasis: [{ lawKey: 'bj-subdistrict-office-regulations', article: 26 }],
    unverified: true,
    notes:
      '联动执法方案第六部分“信息共享、案件移送和证据移交”的配套文书；要素系律师事务所拟定，须与各职能部门座谈确认。',
  },
  {
    key: 'whistle-notice',
    title: '吹哨报到通知',
    purpose: '街道办事处、乡镇人民政府就反映集中、难以解决的问题统筹协调、指挥调度职能部门到场处置。',
    requiredElements: [
      '文号',
      '被调度的部门',
      '问题及地点',
      '需要部门承担的事项',
      '报到时间和地点',
      '联系人及联系方式',
      '印章',
      '日期',
    ],
    legalBasis: [
      { lawKey: 'bj-subdistrict-office-regulations', article: 5 },
      { lawKey: 'bj-subdistrict-office-regulations', article: 11 },
    ],
    unverified: true,
    notes: '要素系律师事务所拟定；部门拒不报到的，依北京市街道办事处条例第四十四条报区人民政府。',
  },
  {
    key: 'supervision-decision',
    title: '责令限期改正（撤销）决定书',
    purpose: '街道办事处、乡镇人民政府责令业主大会、业主委员会限期改正违法决定，或者撤销其决定。',
    requiredElements: [
      '文号',
      '业主大会或者业主委员会名称',
      '被责令改正或者撤销的决定',
      '违反的法律、法规或者规章',
      '依据',
      '处理决定（限期改正或者撤销）',
      '救济途径',
      '印章',
      '日期',
      '送达证明',
    ],
    legalBasis: [
      { lawKey: 'property-management-regulations', article: 19 },
      { lawKey: 'bj-property-management-regulations', article: 8 },
    ],
    unverified: true,
    notes: '要素系律师事务所拟定；是否属于可申请行政复议、提起行政诉讼的行政行为及救济期限，须律师研判后填写。',
  },
  {
    key: 'filing-register',
    title: '备案登记表',
    purpose: '登记居民公约、业主大会和业主委员会等事项的备案。',
    requiredElements: ['备案事项', '报送单位', '报送日期', '报送材料清单', '审查意见', '备案日期和备案号', '经办人'],
    legalBasis: [
      { lawKey: 'residents-committee-law', article: 15 },
      { lawKey: 'bj-residents-committee-measures', article: 18 },
      { lawKey: 'bj-property-management-regulations', article: 43 },
    ],
    unverified: true,
    notes: '要素系律师事务所拟定。',
  },
  {
    key: 'open-letter',
    title: '倡议书（公开信）',
    purpose: '德治层面：就社区问题发布遵规守约的倡议。',
    requiredElements: [
      '标题',
      '称谓',
      '存在的问题',
      '引用的法律依据',
      '分条列明的倡议事项',
      '不遵守的后果',
      '联系方式及12345市民服务热线',
      '发布单位和日期',
    ],
    legalBasis: [],
    unverified: false,
  },
  {
    key: 'residents-convention',
    title: '居民公约',
    purpose: '自治层面：居民会议讨论制定、居民委员会监督执行的社区规范。',
    requiredElements: [
      '序言及制定依据（城市居民委员会组织法第十五条；北京市实施办法第十七条、第十八条）',
      '总则',
      '具体规范（遵纪守法、邻里和睦、环境卫生与垃圾分类、文明养犬、消防安全与电动自行车、装修与房屋使用、绿地与公共区域、停车、移风易俗、参与社区事务）',
      '实施（居民委员会监督、劝导、宣传；公约不得设定罚款）',
      '附则（通过日期；报街道办事处（乡镇人民政府）备案）',
    ],
    legalBasis: [
      { lawKey: 'residents-committee-law', article: 15 },
      { lawKey: 'bj-residents-committee-measures', article: 17 },
      { lawKey: 'bj-residents-committee-measures', article: 18 },
    ],
    unverified: false,
  },
]);

/** The template with this key, or undefined. */
export function findDocumentTemplate(key: string): DocumentTemplate | undefined {
  return documentTemplates.find((template) => template.key === key);
}
