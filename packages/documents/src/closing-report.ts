import { type FileChild } from 'docx';
import { type CivilDate, evaluateResidentsMeeting, type OutcomeConvention, type Tier, tierLabels, TIERS } from '@gongzhi/domain';
import { formatChineseDate, formatChineseDateRange, formatPercent } from './chinese-text';
import { type ClientProfile } from './client-terms';
import {
  type CellContent,
  createDataTable,
  createParagraph,
  createSignatureBlock,
  createTitleBlock,
  HeadingNumbering,
  packOfficialDocument,
  run,
} from './gbt9704';
import { UnverifiedMarks, type VerifiableText } from './unverified';

export interface ClosingStage {
  name: string;
  plannedEnd: CivilDate;
  /** Unset while the stage is still open. */
  completedOn?: CivilDate;
}

export interface ClosingDeliverable {
  title: string;
  community?: string;
  approvedOn: CivilDate;
  /** The approved draft number (第N稿). */
  revision: number;
}

/** A convention adopted by a 居民会议: its vote (as the outcomes record it), checked against 组织法 Art. 9. */
export interface ClosingConvention extends Pick<OutcomeConvention, 'community' | 'adoptedOn' | 'eligible' | 'attendees' | 'votesFor' | 'votesAgainst' | 'abstentions'> {
  filingNo?: string;
  /** Set when the figures come from the community's own report and are not yet checked against the minutes. */
  isUnverified?: boolean;
}

export interface ClosingTraining {
  date: CivilDate;
  topic: string;
  audience: string;
  attendance: number;
}

export interface ClosingEvent {
  date: CivilDate;
  community: string;
  /** 启动仪式, 知识竞赛, 文艺展演, 主题论坛, 专项宣传 */
  kind: string;
  participants: number;
}

export interface ClosingModelHousehold {
  community: string;
  household: string;
  deeds: string;
  recognizedOn: CivilDate;
}

export interface ClosingCases {
  tier: Tier;
  opened: number;
  resolved: number;
  /** Mean days from opening to resolution of the resolved cases. */
  averageDays?: number;
}

/**
 * 项目总结报告 (the engagement's close): figures as the engagement recorded them. Every list is optional
 * and a section with no data is left out, not printed as zeros.
 */
export interface ClosingReportInput {
  client: ClientProfile;
  engagementName: string;
  preparedBy: string;
  date: CivilDate;
  period: { start: CivilDate; end: CivilDate };
  communities: string[];
  stages?: ClosingStage[];
  deliverables?: ClosingDeliverable[];
  conventions?: ClosingConvention[];
  trainings?: ClosingTraining[];
  events?: ClosingEvent[];
  cases?: ClosingCases[];
  /** The cases as counted once each (a case that went on to 法治 is in three tiers' rows); the tiers' sums when omitted. */
  caseTotals?: { reported: number; resolved: number };
  /** 德治典型: households the communities recognised for setting an example. */
  modelHouseholds?: ClosingModelHousehold[];
  /** 12345 tickets in the catalogue's categories, the same length of time before and after. */
  hotline?: { before: number; after: number; months: number; isUnverified?: boolean };
  highlights?: VerifiableText[];
  shortcomings?: VerifiableText[];
  nextSteps?: VerifiableText[];
}

/**
 * 项目总结报告: overview; stages done; deliverables approved; conventions adopted with their vote figures
 * (quorum and majority checked); trainings and attendance; promotion events; cases by tier with
 * resolution rate and time; 12345 before and after; highlights, shortcomings and next steps.
 */
export async function renderClosingReport(input: ClosingReportInput): Promise<Buffer> {
  const marks = new UnverifiedMarks();
  const numbering = new HeadingNumbering();
  const { client } = input;
  const title = `${client.shortName}“创新社区治理”\n法律服务项目总结报告`;
  const present = <T>(list: T[] | undefined): list is T[] => list !== undefined && list.length > 0;
  const cell = (item: VerifiableText): CellContent => marks.runs(item);

  const children: FileChild[] = [
    ...createTitleBlock({ title, addressee: client.name }),
    createParagraph(
      `${input.preparedBy}受托为${client.shortName}及辖区${input.communities.length}个社区提供“创新社区治理”法律服务（${input.engagementName}），服务期间为${formatChineseDateRange(input.period.start, input.period.end)}。现将项目完成情况报告如下。`,
    ),
  ];

  if (present(input.stages)) {
    const done = input.stages.filter((stage) => stage.completedOn !== undefined);
    const onTime = done.filter((stage) => (stage.completedOn ?? '') <= stage.plannedEnd);
    children.push(
      numbering.heading(1, '项目阶段完成情况'),
      createParagraph(`项目共${input.stages.length}个阶段，已完成${done.length}个，其中按计划完成${onTime.length}个。`),
      createDataTable({
        columns: [
          { header: '序号', weight: 1, align: 'center' },
          { header: '阶段', weight: 5 },
          { header: '计划完成', weight: 3, align: 'center' },
          { header: '实际完成', weight: 3, align: 'center' },
          { header: '状态', weight: 2, align: 'center' },
        ],
        rows: input.stages.map((stage, index) => [
          String(index + 1),
          stage.name,
          formatChineseDate(stage.plannedEnd),
          stage.completedOn ? formatChineseDate(stage.completedOn) : '',
          stage.completedOn === undefined ? '进行中' : stage.completedOn <= stage.plannedEnd ? '按期完成' : '延期完成',
        ]),
      }),
    );
  }

  if (present(input.deliverables)) {
    children.push(
      numbering.heading(1, '工作成果交付情况'),
      createParagraph(`项目共交付经合伙人审核、委托方确认的工作成果${input.deliverables.length}项：`),
      createDataTable({
        columns: [
          { header: '序号', weight: 1, align: 'center' },
          { header: '成果名称', weight: 6 },
          { header: '社区', weight: 3 },
          { header: '定稿', weight: 2, align: 'center' },
          { header: '确认日期', weight: 3, align: 'center' },
        ],
        rows: input.deliverables.map((deliverable, index) => [
          String(index + 1),
          deliverable.title,
          deliverable.community ?? '全项目',
          `第${deliverable.revision}稿`,
          formatChineseDate(deliverable.approvedOn),
        ]),
      }),
    );
  }

  if (present(input.conventions)) {
    const valid = input.conventions.filter((convention) => {
      const result = evaluateResidentsMeeting({
        eligible: convention.eligible,
        attendees: convention.attendees,
        votesFor: convention.votesFor,
      });
      return result.passed;
    });
    children.push(
      numbering.heading(1, '居民公约制定和表决情况'),
      createParagraph(
        `${input.conventions.length}个社区的居民公约经公示征求意见后提交居民会议表决，其中${valid.length}个社区的表决出席人数过半数、赞成票超过出席人数半数，符合《中华人民共和国城市居民委员会组织法》第九条的规定：`,
      ),
      createDataTable({
        columns: [
          { header: '社区', weight: 4 },
          { header: '表决日期', weight: 3, align: 'center' },
          { header: '应到', weight: 1.5, align: 'center' },
          { header: '实到（出席率）', weight: 3, align: 'center' },
          { header: '赞成', weight: 1.5, align: 'center' },
          { header: '反对', weight: 1.5, align: 'center' },
          { header: '弃权', weight: 1.5, align: 'center' },
          { header: '结果', weight: 2, align: 'center' },
          { header: '备案号', weight: 3 },
        ],
        rows: input.conventions.map((convention) => {
          const result = evaluateResidentsMeeting({
            eligible: convention.eligible,
            attendees: convention.attendees,
            votesFor: convention.votesFor,
          });
          return [
            cell({ text: convention.community, isUnverified: convention.isUnverified }),
            formatChineseDate(convention.adoptedOn),
            String(convention.eligible),
            `${convention.attendees}（${formatPercent(convention.attendees, convention.eligible)}）`,
            String(convention.votesFor),
            String(convention.votesAgainst),
            String(convention.abstentions),
            result.passed ? '通过' : result.quorumMet ? '未通过' : '不足法定人数',
            convention.filingNo ?? '待备案',
          ];
        }),
      }),
    );
  }

  if (present(input.trainings)) {
    const attendance = input.trainings.reduce((total, training) => total + training.attendance, 0);
    children.push(
      numbering.heading(1, '项目培训情况'),
      createParagraph(`共举办《创新社区治理项目》法律培训${input.trainings.length}场，参训${attendance}人次：`),
      createDataTable({
        columns: [
          { header: '日期', weight: 3, align: 'center' },
          { header: '培训主题', weight: 6 },
          { header: '培训对象', weight: 5 },
          { header: '参训人数', weight: 2, align: 'center' },
        ],
        rows: input.trainings.map((training) => [
          formatChineseDate(training.date),
          training.topic,
          training.audience,
          String(training.attendance),
        ]),
      }),
    );
  }

  if (present(input.events)) {
    const kinds = [...new Set(input.events.map((event) => event.kind))];
    children.push(
      numbering.heading(1, '推广与深化活动'),
      createParagraph(
        `共开展推广活动${input.events.length}场，参与${input.events.reduce((total, event) => total + event.participants, 0)}人次，其中${kinds
          .map((kind) => {
            const events = input.events?.filter((event) => event.kind === kind) ?? [];
            return `${kind}${events.length}场（${events.reduce((total, event) => total + event.participants, 0)}人次）`;
          })
          .join('、')}。`,
      ),
    );
  }

  if (present(input.cases)) {
    const opened = input.caseTotals?.reported ?? input.cases.reduce((total, row) => total + row.opened, 0);
    const resolved = input.caseTotals?.resolved ?? input.cases.reduce((total, row) => total + row.resolved, 0);
    const byTier = TIERS.map((tier) => input.cases?.find((row) => row.tier === tier)).filter(
      (row): row is ClosingCases => row !== undefined,
    );
    children.push(
      numbering.heading(1, '社区问题分层处置情况'),
      createParagraph(
        `项目期间，按照德治、自治、法治相结合的互动机制共处置社区问题${opened}件，已解决${resolved}件，解决率${formatPercent(resolved, opened)}：`,
      ),
      createDataTable({
        columns: [
          { header: '处置层级', weight: 5 },
          { header: '受理', weight: 2, align: 'center' },
          { header: '解决', weight: 2, align: 'center' },
          { header: '解决率', weight: 2, align: 'center' },
          { header: '平均用时（天）', weight: 3, align: 'center' },
        ],
        rows: byTier.map((row) => [
          tierLabels[row.tier].zh,
          String(row.opened),
          String(row.resolved),
          formatPercent(row.resolved, row.opened),
          row.averageDays === undefined ? '' : row.averageDays.toFixed(1),
        ]),
      }),
    );
  }

  if (present(input.modelHouseholds)) {
    const households = input.modelHouseholds;
    children.push(
      numbering.heading(1, '德治典型'),
      createParagraph(`项目期间，各社区共认定德治典型（示范户）${households.length}户：`),
      createDataTable({
        columns: [
          { header: '社区', weight: 3 },
          { header: '示范户', weight: 4 },
          { header: '典型事迹', weight: 8 },
          { header: '认定日期', weight: 3, align: 'center' },
        ],
        rows: households.map((row) => [row.community, row.household, row.deeds, row.recognizedOn]),
      }),
    );
  }

  if (input.hotline) {
    const { before, after, months } = input.hotline;
    const change =
      before > 0 ? `${after <= before ? '下降' : '上升'}${formatPercent(Math.abs(before - after), before)}` : '';
    children.push(
      numbering.heading(1, '12345市民服务热线诉求变化'),
      createParagraph(
        marks.runs({
          text: `项目实施前${months}个月，辖区涉及清单所列违法行为的12345诉求${before}件；实施后同期${after}件${change ? `，${change}` : ''}。`,
          isUnverified: input.hotline.isUnverified,
        }),
      ),
    );
  }

  const lists: [string, VerifiableText[] | undefined][] = [
    ['主要成效', input.highlights],
    ['存在的不足', input.shortcomings],
    ['下一步工作建议', input.nextSteps],
  ];
  for (const [heading, items] of lists) {
    if (!present(items)) continue;
    children.push(
      numbering.heading(1, heading),
      ...items.map((item, index) => createParagraph([run(`${index + 1}.`), ...marks.runs(item)])),
    );
  }

  children.push(...createSignatureBlock({ signers: [input.preparedBy], date: input.date }));
  return packOfficialDocument({
    title: title.replace('\n', ''),
    author: input.preparedBy,
    date: input.date,
    marks,
    sections: [{ children }],
  });
}
