import { AlignmentType } from 'docx';
import { type ClientProfile } from './client-terms';
import {
  blank,
  BLANK_DATE,
  createFormTable,
  createHeading,
  createParagraph,
  createSignatureBlock,
  createTitleBlock,
  packOfficialDocument,
  run,
} from './gbt9704';
import { UnverifiedMarks, type VerifiableText } from './unverified';

/** A violation type the template is prefilled for; every case-specific fact stays blank. */
export interface CorrectionNoticeViolation {
  /** The act as the notice describes it: 占用、堵塞消防车通道. */
  act: string;
  /** The provision breached: 《北京市物业管理条例》第七十八条第二款第（十）项. */
  provisionBreached: VerifiableText;
  /** The specific rule that empowers the order, cited after 行政处罚法 Art. 28: 《北京市物业管理条例》第九十八条第（十）项. */
  specificBasis: VerifiableText;
  /** What correcting means: 清除堆放物品，恢复消防车通道畅通. */
  correction: string;
  /** The penalty if not corrected: 将依法处以五千元以上五万元以下罚款. */
  consequence: VerifiableText;
}

/** 责令限期改正通知书 template, per legal-facts D.7. */
export interface CorrectionNoticeInput {
  /** The issuing body (its name heads the notice and its seal closes it); its district reviews the order. */
  client: ClientProfile;
  /** 文号 abbreviation, e.g. 京东和责改; blank for the case to fill in when omitted. */
  numberPrefix?: string;
  /** Prefill for one violation type; a generic template (all blanks) when omitted. */
  violation?: CorrectionNoticeViolation;
  /** The court for 行政诉讼 when known (Beijing concentrates administrative cases); blank when omitted. */
  court?: string;
}

/**
 * 责令限期改正通知书 with the elements the law requires: number; party; facts (time, place, act); the
 * provision breached; the basis (行政处罚法 Art. 28 and the specific rule); the correction and its deadline;
 * the consequence; the remedies (行政复议 within 60 days, 行政复议法 Art. 20, or 行政诉讼 within six months,
 * 行政诉讼法 Art. 46); seal and date; and the 送达回证 (proof of service). Blanks ＿＿ are for the case.
 */
export async function renderCorrectionNotice(input: CorrectionNoticeInput): Promise<Buffer> {
  const marks = new UnverifiedMarks();
  return packOfficialDocument({
    title: `${input.client.name}责令限期改正通知书`,
    author: input.client.name,
    marks,
    sections: [{ children: [...createTitleBlock({ title: `${input.client.name}\n责令限期改正通知书` }), ...correctionNoticeBody(input, marks)] }],
  });
}

/**
 * The notice below its title, for a document of its own or an attachment of another (the joint-
 * enforcement plan's 配套文书), through the host document's 待核实 marks.
 */
export function correctionNoticeBody(input: CorrectionNoticeInput, marks: UnverifiedMarks) {
  const { client, violation } = input;
  const prefix = input.numberPrefix ?? blank(4);
  const number = `${prefix}〔　　　〕第　　　号`;
  const court = input.court ?? `${blank(8)}人民法院`;
  const act = violation ? violation.act : blank(12);

  return [
    createParagraph(number, { alignment: AlignmentType.RIGHT, isIndented: false }),
    createParagraph(`当事人：${blank(14)}`, { isIndented: false }),
    createParagraph(`身份证件号码（统一社会信用代码）：${blank(10)}`, { isIndented: false }),
    createParagraph(`住所（地址）：${blank(9)}　联系电话：${blank(5)}`, { isIndented: false }),
    createParagraph([
      run(`经查，你（单位）于　　年　　月　　日　　时许，在${blank(12)}（地点）实施了`),
      run(violation ? act : `${act}（违法行为）`),
      run(`的行为，具体事实为：${blank(18)}。`),
    ]),
    createParagraph([
      run('上述行为违反了'),
      ...(violation ? marks.runs(violation.provisionBreached) : [run(blank(14))]),
      run('的规定。依据《中华人民共和国行政处罚法》第二十八条第一款和'),
      ...(violation ? marks.runs(violation.specificBasis) : [run(blank(14))]),
      run('的规定，现责令你（单位）于　　年　　月　　日前（自收到本通知书之日起　　日内）改正上述违法行为，具体要求：'),
      run(violation ? `${violation.correction}。` : `${blank(18)}。`),
    ]),
    createParagraph([
      run('逾期不改正的，'),
      ...(violation ? marks.runs(violation.consequence) : [run(blank(18))]),
      run('。'),
    ]),
    createParagraph(
      `如不服本通知，可以自收到本通知书之日起六十日内向${client.district}人民政府申请行政复议（《中华人民共和国行政复议法》第二十条），或者自收到本通知书之日起六个月内向${court}提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。`,
    ),
    createParagraph(`执法人员：${blank(5)}　执法证号：${blank(6)}`, { isIndented: true }),
    createParagraph(`　　　　　${blank(5)}　执法证号：${blank(6)}`, { isIndented: true }),
    createParagraph(`联系地址：${blank(10)}　联系电话：${blank(6)}`, { isIndented: true }),
    ...createSignatureBlock({ signers: [client.name], date: null, hasSeal: true }),
    createParagraph('（本通知书一式两份，一份送达当事人，一份存档。）', { isIndented: false }),
    createHeading(1, '送达回证'),
    createFormTable({
      grid: [3, 3, 2, 3],
      rows: [
        {
          cells: [
            { text: '送达文书名称及文号', isLabel: true },
            { text: `责令限期改正通知书\n${number}`, span: 3 },
          ],
        },
        {
          cells: [
            { text: '受送达人', isLabel: true },
            { text: '', span: 3 },
          ],
        },
        {
          cells: [
            { text: '送达地点', isLabel: true },
            { text: '', span: 3 },
          ],
        },
        {
          cells: [
            { text: '送达方式', isLabel: true },
            { text: '□直接送达　□留置送达　□邮寄送达　□委托送达　□公告送达', span: 3 },
          ],
        },
        {
          height: 800,
          cells: [
            { text: '受送达人签名或者盖章', isLabel: true },
            { text: '' },
            { text: '签收时间', isLabel: true },
            { text: `${BLANK_DATE}　时` },
          ],
        },
        {
          height: 800,
          cells: [
            { text: '送达人签名', isLabel: true },
            { text: '' },
            { text: '送达时间', isLabel: true },
            { text: `${BLANK_DATE}　时` },
          ],
        },
        {
          height: 800,
          cells: [
            { text: '见证人签名（留置送达时）', isLabel: true },
            { text: '', span: 3 },
          ],
        },
        {
          height: 1000,
          cells: [
            { text: '备注（拒收理由等）', isLabel: true },
            { text: '', span: 3 },
          ],
        },
      ],
    }),
  ];
}
