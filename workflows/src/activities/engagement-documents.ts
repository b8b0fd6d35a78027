// What the stage-4, stage-6 and closing documents need from the engagement's own records: the
// problems research found (by catalogue item), the department symposiums, each community's vote on
// its convention, the trainings and promotion events as the tasks recorded them.
import { type Db, formOf, fromDbDate, heldOn, loadOutcomeFacts, textIn } from '@gongzhi/db';
import {
  type ClientProfile,
  type ClosingConvention,
  type ClosingDeliverable,
  type ClosingEvent,
  type ClosingReportInput,
  type ClosingStage,
  type ClosingTraining,
  type DepartmentSymposium,
  type FoundProblem,
} from '@gongzhi/documents';
import { type CivilDate, civilDateAt, type EngagementPlan, outcomeEventKindLabels, type ViolationEntry } from '@gongzhi/domain';
import { recordedProblems } from './research-report';

/**
 * The catalogue items research found, most widespread first (ties in the order first written), with
 * the communities that raised each and the first words each community's residents used for it. Problems that match no
 * catalogue item stay in the research report only.
 */
export async function foundProblems(db: Db, engagementId: string, plan: EngagementPlan, violations: readonly ViolationEntry[]): Promise<FoundProblem[]> {
  const names = new Map(plan.communities.map((community) => [community.key, community.name]));
  const byItem = new Map<string, { raised: Map<string, string>; keys: Set<string | null>; confirmed: boolean }>();
  for (const problem of await recordedProblems(db, engagementId, violations)) {
    if (!problem.violation) continue;
    const seen = byItem.get(problem.violation.key) ?? { raised: new Map<string, string>(), keys: new Set<string | null>(), confirmed: true };
    for (const key of problem.communityKeys) {
      seen.keys.add(key);
      // Each community's own first words for it: a letter never quotes another community's residents.
      const name = key === null ? null : names.get(key);
      if (name && !seen.raised.has(name)) seen.raised.set(name, problem.title);
    }
    // Confirmed only when a lawyer tagged every problem behind it; one matched by name leaves it 待核实.
    seen.confirmed &&= problem.tagged;
    byItem.set(problem.violation.key, seen);
  }
  const order = plan.communities.map((community) => community.key);
  return [...byItem]
    .map(([violationKey, { raised, keys, confirmed }]) => ({
      violationKey,
      raisedIn: Object.fromEntries(raised),
      confirmed,
      communities: order.filter((key) => keys.has(key)).map((key) => names.get(key)!),
      reach: keys.size,
    }))
    .sort((a, b) => b.reach - a.reach)
    .map(({ reach: _reach, ...problem }) => problem);
}

/** The symposiums held with each department in stage 4 (done consultations), in date order. */
export async function departmentSymposiums(db: Db, engagementId: string, plan: EngagementPlan, today: CivilDate): Promise<DepartmentSymposium[]> {
  const tasks = await db.task.findMany({
    where: { engagementId, templateTaskKey: 'department-consultation', status: 'done' },
    select: { departmentKey: true, formData: true, completedAt: true },
  });
  const names = new Map(plan.departments.map((department) => [department.key, department.name]));
  return tasks
    .flatMap((task) => {
      const department = task.departmentKey ? names.get(task.departmentKey) : undefined;
      return department ? [{ department, date: heldOn(formOf(task.formData), task.completedAt, today) }] : [];
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * 项目总结报告 from what the engagement recorded: stages against their plan, approved deliverables,
 * each community's vote on its convention (the figures the PM entered from the minutes), trainings
 * and promotion events with their attendance, and highlights and shortcomings drawn from those figures.
 */
export async function closingReportInput(
  db: Db,
  input: { engagementId: string; engagementName: string; plan: EngagementPlan; client: ClientProfile; preparedBy: string; date: CivilDate },
): Promise<ClosingReportInput> {
  const { engagementId, plan, client, date } = input;
  const communityName = (key: string | null) => (key ? (plan.communities.find((community) => community.key === key)?.name ?? key) : client.shortName);

  const stageRows = await db.stage.findMany({ where: { engagementId }, orderBy: { order: 'asc' }, select: { key: true, titleZh: true, status: true, completedAt: true } });
  const stages: ClosingStage[] = stageRows
    .filter((stage) => stage.status !== 'cancelled')
    .map((stage) => {
      const planned = plan.stages.find((candidate) => candidate.key === stage.key);
      return { name: stage.titleZh, plannedEnd: planned?.plannedEnd ?? date, ...(stage.status === 'done' && stage.completedAt ? { completedOn: civilDateAt(stage.completedAt) } : {}) };
    });

  const approved = await db.deliverable.findMany({
    where: { engagementId, status: 'approved' },
    select: { id: true, titleZh: true, currentRevision: true, updatedAt: true, task: { select: { communityKey: true, completedAt: true } } },
  });
  const approvals = await db.review.findMany({ where: { deliverableId: { in: approved.map((deliverable) => deliverable.id) }, decision: 'approved' }, select: { deliverableId: true, revision: true, createdAt: true } });
  const deliverables: ClosingDeliverable[] = approved
    .map((deliverable) => {
      const review = approvals.filter((row) => row.deliverableId === deliverable.id).sort((a, b) => b.revision - a.revision)[0];
      const on = review?.createdAt ?? deliverable.task.completedAt ?? deliverable.updatedAt;
      return {
        title: deliverable.titleZh,
        ...(deliverable.task.communityKey ? { community: communityName(deliverable.task.communityKey) } : {}),
        approvedOn: civilDateAt(on),
        revision: Math.max(1, review?.revision ?? deliverable.currentRevision),
      };
    })
    .sort((a, b) => a.approvedOn.localeCompare(b.approvedOn) || a.title.localeCompare(b.title, 'zh-CN'));

  const facts = await loadOutcomeFacts(db, engagementId, plan, date);
  const conventions: ClosingConvention[] = facts.conventions.map(({ communityKey: _key, filedOn: _filedOn, filingNo, community, ...vote }) => ({
    community: community || client.shortName,
    ...vote,
    ...(filingNo ? { filingNo } : {}),
  }));
  const filed = facts.conventions.filter((convention) => convention.filedOn !== null).length;

  const done = await db.task.findMany({
    where: { engagementId, status: 'done' },
    select: { templateTaskKey: true, formData: true, completedAt: true, dueDate: true },
  });
  const audience = textIn(formOf(done.find((task) => task.templateTaskKey === 'plan-training')?.formData), 'audience') ?? `${client.shortName}领导班子成员及各社区居委会成员`;
  const trainings: ClosingTraining[] = facts.trainings.map((training) => ({ date: training.date, topic: '“创新社区治理”法律培训', audience: audience.replace(/\s+/g, ' '), attendance: training.attendance }));
  const events: ClosingEvent[] = facts.events.map((event) => ({
    date: event.date,
    community: event.community || client.shortName,
    kind: event.theme ? `${outcomeEventKindLabels[event.kind].zh}（${event.theme}）` : outcomeEventKindLabels[event.kind].zh,
    participants: event.participants,
  }));
  const reached = facts.householdsReached;
  // Late as the timeline counts it: the day the work happened after its due date.
  const late = done.filter((task) => task.completedAt && heldOn(formOf(task.formData), task.completedAt, date) > task.dueDate.toISOString().slice(0, 10)).length;
  const open = await db.task.count({ where: { engagementId, status: { in: ['pending', 'active', 'in_review', 'changes_requested'] }, isGate: false } });

  // The cases by the tier each reached, and how many each tier resolved; counted once each in the totals.
  const cases = facts.cases.tiers.map(({ tier, reached: opened, resolved, averageDays }) => ({ tier, opened, resolved, ...(averageDays !== null ? { averageDays } : {}) }));
  const figures = facts.cases;
  const modelHouseholds = (
    await db.modelHousehold.findMany({ where: { engagementId, withdrawnAt: null }, orderBy: [{ recognizedOn: 'asc' }], select: { household: true, deeds: true, recognizedOn: true, community: { select: { name: true } } } })
  ).map((row) => ({ community: row.community.name, household: row.household, deeds: row.deeds, recognizedOn: fromDbDate(row.recognizedOn) }));

  const hotline = facts.hotline ? { before: facts.hotline.before, after: facts.hotline.after, months: facts.hotline.months, isUnverified: facts.hotline.unverified } : null;

  const highlights = [
    ...(trainings.length > 0 ? [`开展法律培训${trainings.length}场，${trainings.reduce((sum, row) => sum + row.attendance, 0)}人次参加。`] : []),
    ...(deliverables.length > 0 ? [`形成并经审核通过成果文件${deliverables.length}份。`] : []),
    ...(conventions.length > 0 ? [`${conventions.length}个社区经居民会议表决通过居民公约${filed > 0 ? `，其中${filed}个已报${client.shortName}备案` : ''}。`] : []),
    ...(events.length > 0 ? [`组织推广活动${events.length}场，参与${events.reduce((sum, row) => sum + row.participants, 0)}人次。`] : []),
    ...(reached > 0 ? [`专项及常态宣传覆盖${reached}户居民。`] : []),
    ...(figures.reported > 0 ? [`按德治、自治、法治分层处置社区问题${figures.reported}件，已解决${figures.resolved}件。`] : []),
    ...(modelHouseholds.length > 0 ? [`各社区认定德治典型（示范户）${modelHouseholds.length}户。`] : []),
  ];
  const shortcomings = [
    ...(late > 0 ? [`${late}项工作晚于计划完成。`] : []),
    ...(open > 0 ? [`尚有${open}项工作未完成，需在后续服务中继续推进。`] : []),
    ...(conventions.length < plan.communities.length ? [`${plan.communities.length - conventions.length}个社区的居民公约尚未经居民会议表决通过。`] : []),
  ];
  const end = plan.stages.map((stage) => stage.plannedEnd).sort().at(-1) ?? date;
  return {
    client,
    engagementName: input.engagementName,
    preparedBy: input.preparedBy,
    date,
    period: { start: plan.startDate, end: end < date ? end : date },
    communities: plan.communities.map((community) => community.name),
    stages,
    deliverables,
    conventions,
    trainings,
    events,
    ...(cases.length > 0 ? { cases, caseTotals: { reported: figures.reported, resolved: figures.resolved } } : {}),
    ...(modelHouseholds.length > 0 ? { modelHouseholds } : {}),
    ...(hotline ? { hotline } : {}),
    highlights,
    shortcomings,
    nextSteps: [
      '持续跟踪调研发现的社区问题，按德治、自治、法治三个层级逐项处置，直至解决。',
      '每季度与职能部门召开一次联动执法会商，通报案件移交和反馈情况。',
      '指导尚未完成居民公约表决和备案的社区依法履行民主程序。',
      '结合12345市民服务热线诉求变化，评估项目成效，确定下一年度重点治理问题。',
    ],
  };
}
