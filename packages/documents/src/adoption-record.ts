import { AlignmentType } from 'docx';
import { adoptionInstrumentLabels, type CivilDate, type MeetingFigures, type OwnersMatter, ownersMatterLabels } from '@gongzhi/domain';
import { formatChineseDate } from './chinese-text';
import { createDataTable, createFormTable, createHeading, createNote, createParagraph, createSignatureBlock, createTitleBlock, packOfficialDocument } from './gbt9704';
import { UnverifiedMarks } from './unverified';

/** 民主程序记录: one adoption procedure's evidence, from its record. */
export interface AdoptionRecordInput {
  clientName: string;
  communityName: string;
  title: string;
  instrument: 'residents_convention' | 'owners_rules';
  matter: OwnersMatter | null;
  /** Where the procedure stands, in words (已通过, 待备案 …). */
  statusLabel: string;
  openedBy: string;
  openedOn: CivilDate;
  notice: { from: CivilDate; to: CivilDate; location: string; round: number };
  links: { issued: number; used: number };
  comments: { round: number; clause: string; body: string; signedAs: string; submittedOn: CivilDate; answer: string | null; answeredBy: string | null }[];
  meetings: { position: number; heldOn: CivilDate; figures: MeetingFigures; verdictLabel: string; explanation: string; note: string; recordedBy: string }[];
  filing: { filedOn: CivilDate; filedWith: string; filingNo: string | null } | null;
  withdrawn: { on: CivilDate; reason: string } | null;
  preparedBy: string;
  date: CivilDate;
}

const area = (value: number) => `${value.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 })} 平方米`;

/** A meeting's figures as the form a reader checks them against the sign-in sheet and the tally. */
function figuresTable(figures: MeetingFigures) {
  if (figures.kind === 'residents') {
    return createFormTable({
      grid: [1, 1, 1, 1],
      rows: [
        { cells: [{ text: '应到人数', isLabel: true }, { text: `${figures.eligible} 人` }, { text: '实到人数', isLabel: true }, { text: `${figures.attendees} 人` }] },
        { cells: [{ text: '赞成', isLabel: true }, { text: `${figures.votesFor} 票` }, { text: '反对 / 弃权', isLabel: true }, { text: `${figures.votesAgainst} 票 / ${figures.abstentions} 票` }] },
      ],
      fontSize: 21,
    });
  }
  return createFormTable({
    grid: [1.2, 1, 1, 1],
    rows: [
      { cells: [{ text: '', isLabel: true }, { text: '专有部分面积', isLabel: true }, { text: '人数', isLabel: true }, { text: '占比（面积 / 人数）', isLabel: true }] },
      { cells: [{ text: '全体业主', isLabel: true }, { text: area(figures.totalArea) }, { text: `${figures.totalOwners} 人` }, { text: '—' }] },
      { cells: [{ text: '参与表决', isLabel: true }, { text: area(figures.participatingArea) }, { text: `${figures.participatingOwners} 人` }, { text: `${share(figures.participatingArea, figures.totalArea)} / ${share(figures.participatingOwners, figures.totalOwners)}（占全体）` }] },
      { cells: [{ text: '同意', isLabel: true }, { text: area(figures.areaFor) }, { text: `${figures.ownersFor} 人` }, { text: `${share(figures.areaFor, figures.participatingArea)} / ${share(figures.ownersFor, figures.participatingOwners)}（占参与）` }] },
    ],
    fontSize: 21,
  });
}

const share = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(2)}%` : '—');

/**
 * 民主程序记录: the evidence a community's adoption leaves — the 公示 (where, when, which round),
 * the residents' comments and the answers, each meeting's figures with the verdict the law gives
 * them and why, and the 备案. Paper originals (sign-in sheet, tally, filing receipt) are listed as
 * attachments: the record says what they must show.
 */
export async function renderAdoptionRecord(input: AdoptionRecordInput): Promise<Buffer> {
  const marks = new UnverifiedMarks();
  const isConvention = input.instrument === 'residents_convention';
  const body = [
    ...createTitleBlock({ title: `${input.title}\n民主程序记录`, subtitle: `（${input.communityName}　${formatChineseDate(input.date)}）` }),
    createHeading(1, '一、基本情况'),
    createFormTable({
      grid: [1, 2.2],
      rows: [
        { cells: [{ text: '社区', isLabel: true }, { text: input.communityName }] },
        { cells: [{ text: '事项', isLabel: true }, { text: input.title }] },
        { cells: [{ text: '类别', isLabel: true }, { text: `${adoptionInstrumentLabels[input.instrument].zh}${input.matter ? `；${ownersMatterLabels[input.matter].zh}` : ''}` }] },
        { cells: [{ text: '程序状态', isLabel: true }, { text: input.statusLabel }] },
        { cells: [{ text: '启动', isLabel: true }, { text: `${input.openedBy}，${formatChineseDate(input.openedOn)}` }] },
      ],
      fontSize: 21,
    }),
    createHeading(1, '二、公示情况'),
    createParagraph(
      `草案于${formatChineseDate(input.notice.from)}至${formatChineseDate(input.notice.to)}在${input.notice.location}公示${input.notice.round > 1 ? `（经修改后第${input.notice.round}次公示，此前各轮公示见审计记录）` : ''}。${input.links.issued > 0 ? `公示期间共发放意见征集链接 ${input.links.issued} 个，收回 ${input.links.used} 份，收到意见 ${input.comments.length} 条。` : '公示期间未通过意见征集链接征求意见。'}`,
    ),
    createHeading(1, '三、居民意见及答复'),
    ...(input.comments.length === 0
      ? [createParagraph('公示期间未通过意见征集链接收到意见。')]
      : [
          createDataTable({
            columns: [
              { header: '序号', weight: 0.6, align: 'center' },
              { header: '条款', weight: 1 },
              { header: '意见', weight: 3 },
              { header: '提出人', weight: 1.3 },
              { header: '答复', weight: 3 },
            ],
            rows: input.comments.map((comment, index) => [
              String(index + 1),
              comment.clause || '整体',
              `${comment.body}\n（${formatChineseDate(comment.submittedOn)}${comment.round > 1 ? `，第${comment.round}轮公示` : ''}）`,
              comment.signedAs || '匿名',
              comment.answer ? `${comment.answer}${comment.answeredBy ? `\n（${comment.answeredBy}）` : ''}` : '尚未答复',
            ]),
          }),
        ]),
    createHeading(1, isConvention ? '四、居民会议表决' : '四、业主表决'),
    ...(input.meetings.length === 0
      ? [createParagraph('尚未召开会议表决。')]
      : input.meetings.flatMap((meeting) => [
          createHeading(2, `（${'一二三四五六七八九十'[meeting.position - 1] ?? meeting.position}）第${meeting.position}次会议：${formatChineseDate(meeting.heldOn)}　${meeting.verdictLabel}`),
          figuresTable(meeting.figures),
          createParagraph(`表决结果：${meeting.explanation}。`),
          ...(meeting.note ? [createParagraph(`会议情况：${meeting.note}`)] : []),
          createParagraph(`登记人：${meeting.recordedBy}。表决结果由系统按法律规定的比例计算，非人工填写。`, { alignment: AlignmentType.LEFT }),
        ])),
    createHeading(1, '五、备案情况'),
    createParagraph(
      input.filing
        ? `已于${formatChineseDate(input.filing.filedOn)}报${input.filing.filedWith}备案${input.filing.filingNo ? `，备案文号：${input.filing.filingNo}` : ''}（《城市居民委员会组织法》第十五条）。`
        : isConvention
          ? input.withdrawn
            ? '程序已撤回，未备案。'
            : '尚未备案。居民公约经居民会议讨论通过后，报不设区的市、市辖区的人民政府或者它的派出机关备案（《城市居民委员会组织法》第十五条）。'
          : '业主共同决定事项经依法表决通过，对业主具有法律约束力（《民法典》第二百八十条第一款）。本程序不含备案环节；如有关规定要求将决定报送或备案，另行办理。',
    ),
    ...(input.withdrawn ? [createHeading(1, '六、撤回'), createParagraph(`${formatChineseDate(input.withdrawn.on)}撤回，理由：${input.withdrawn.reason}`)] : []),
    createNote(`1. ${isConvention ? '居民会议签到表' : '业主表决票及计票表'}（原件，与上表人数核对一致）；2. 计票单（原件）；3. 公示照片（张贴位置、起止日期）${isConvention ? '；4. 备案回执' : ''}。`, { label: '附件：' }),
    ...createSignatureBlock({ signers: [input.preparedBy], date: input.date }),
  ];
  return packOfficialDocument({ title: `${input.title}民主程序记录`, author: input.preparedBy, marks, sections: [{ children: body }] });
}
