import { type Db, type Prisma, toDbDate } from '@gongzhi/db';
import { type WorkerRole, civilDateAt, computeProgress, findOverdue, findTemplate, parseEngagementPlan } from '@gongzhi/domain';
import { type engagementDetailSchema, type engagementSummarySchema, operations } from '@gongzhi/contracts';
import { type z } from 'zod';
import { type Caller, isAllowed } from '../lib/access-policy';
import { asWorkerRole, civil, iso, text, userRef } from './common';
import { deliverableSummaryInclude, toDeliverableSummary } from './deliverable-views';
import { taskSummaryInclude, toTaskSummary } from './task-views';

export type EngagementSummary = z.output<typeof engagementSummarySchema>;
export type EngagementDetail = z.output<typeof engagementDetailSchema>;

/** Everything a summary needs, for one caller (their membership decides `myRole`). */
export const engagementSummarySelect = (userId: string) =>
  ({
    id: true,
    name: true,
    clientName: true,
    clientKind: true,
    status: true,
    templateKey: true,
    templateVersion: true,
    startDate: true,
    createdAt: true,
    updatedAt: true,
    stages: { select: { key: true, order: true, titleZh: true, titleEn: true, status: true, plannedStart: true, plannedEnd: true }, orderBy: { order: 'asc' } },
    tasks: { select: { id: true, key: true, stageKey: true, communityKey: true, status: true, dueDate: true, titleZh: true, titleEn: true } },
    members: { where: { userId }, select: { role: true } },
    // A write the workflow is waiting on an admin to retry: the engagement needs attention.
    incidents: { where: { resolvedAt: null }, select: { activity: true, reason: true, raisedAt: true }, orderBy: { raisedAt: 'asc' }, take: 1 },
  }) satisfies Prisma.EngagementSelect;

export type EngagementSummaryRow = Prisma.EngagementGetPayload<{ select: ReturnType<typeof engagementSummarySelect> }>;

const progressTasksOf = (row: EngagementSummaryRow) =>
  row.tasks.map((task) => ({ key: task.key, stageKey: task.stageKey, communityKey: task.communityKey, status: task.status, dueDate: civil(task.dueDate) }));

const EMPTY_PROGRESS = { total: 0, done: 0, percent: 0 };

/** Ties between tasks due the same day go to the smaller key, compared by code unit (no collation). */
const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function toEngagementSummary(row: EngagementSummaryRow, now: Date): EngagementSummary {
  const tasks = progressTasksOf(row);
  const progress = computeProgress(tasks);
  const today = civilDateAt(now);
  const open = row.tasks.filter((task) => task.status !== 'done' && task.status !== 'cancelled').sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime() || byKey(a, b));
  const next = open[0];
  const plannedEnd = row.stages.reduce<Date | null>((latest, stage) => (!latest || stage.plannedEnd > latest ? stage.plannedEnd : latest), null);
  const role = row.members[0]?.role;
  return {
    id: row.id,
    name: row.name,
    clientName: row.clientName,
    clientKind: row.clientKind,
    status: row.status,
    templateKey: row.templateKey,
    templateVersion: row.templateVersion,
    startDate: civil(row.startDate),
    plannedEndDate: civil(plannedEnd ?? row.startDate),
    stages: row.stages.map((stage) => ({
      key: stage.key,
      title: text(stage.titleZh, stage.titleEn),
      status: stage.status,
      progress: progress.byStage[stage.key] ?? EMPTY_PROGRESS,
      plannedStart: civil(stage.plannedStart),
      plannedEnd: civil(stage.plannedEnd),
      isStalled: stage.status === 'active' && civil(stage.plannedEnd) < today,
    })),
    progress: progress.overall,
    overdueTaskCount: findOverdue(tasks, now).length,
    nextDeadline: next ? { date: civil(next.dueDate), taskId: next.id, title: text(next.titleZh, next.titleEn) } : null,
    myRole: role ? asWorkerRole(role) : null,
    attention: row.incidents[0] ? { activity: row.incidents[0].activity, reason: row.incidents[0].reason, since: iso(row.incidents[0].raisedAt) } : null,
    updatedAt: iso(row.updatedAt),
  };
}

/** An engagement's own columns and stages, without its tasks: what a portfolio page loads per row. */
export const engagementHeadSelect = (userId: string) => {
  const { tasks: _tasks, ...head } = engagementSummarySelect(userId);
  return head;
};
type EngagementHeadRow = Prisma.EngagementGetPayload<{ select: ReturnType<typeof engagementHeadSelect> }>;

const CLOSED_STATUSES = ['done', 'cancelled'] as const;

/**
 * Summaries of a page of engagements from task aggregates rather than every task row: counts
 * by stage and status feed the domain's `computeProgress` (as many stand-ins as there are
 * tasks), overdue counts and the next deadline come from the database. Same answers as
 * `toEngagementSummary`, which the detail page computes from its full task list.
 */
export async function summarizeEngagements(db: Db, rows: readonly EngagementHeadRow[], now: Date): Promise<EngagementSummary[]> {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const open = { engagementId: { in: ids }, status: { notIn: [...CLOSED_STATUSES] } };
  const [counts, overdue, earliest] = await Promise.all([
    db.task.groupBy({ by: ['engagementId', 'stageKey', 'status'], where: { engagementId: { in: ids } }, _count: { _all: true } }),
    db.task.groupBy({ by: ['engagementId'], where: { ...open, dueDate: { lt: toDbDate(civilDateAt(now)) } }, _count: { _all: true } }),
    db.task.groupBy({ by: ['engagementId'], where: open, _min: { dueDate: true } }),
  ]);
  const due = earliest.filter((row) => row._min.dueDate !== null);
  const nextTasks =
    due.length === 0
      ? []
      : await db.task.findMany({
          where: { status: { notIn: [...CLOSED_STATUSES] }, OR: due.map((row) => ({ engagementId: row.engagementId, dueDate: row._min.dueDate! })) },
          select: { id: true, engagementId: true, key: true, titleZh: true, titleEn: true, dueDate: true },
        });
  nextTasks.sort(byKey);
  return rows.map((row) => {
    const standIns = counts
      .filter((count) => count.engagementId === row.id)
      .flatMap((count) => Array.from({ length: count._count._all }, () => ({ ...STAND_IN, stageKey: count.stageKey, status: count.status })));
    const next = nextTasks.find((task) => task.engagementId === row.id);
    return {
      // Stages and progress from the counts; what needs dates comes from the database.
      ...toEngagementSummary({ ...row, tasks: standIns }, now),
      overdueTaskCount: overdue.find((count) => count.engagementId === row.id)?._count._all ?? 0,
      nextDeadline: next ? { date: civil(next.dueDate), taskId: next.id, title: text(next.titleZh, next.titleEn) } : null,
    };
  });
}

/** A task standing in for one counted row: only its stage and status are read. */
const STAND_IN = { id: '', key: '', communityKey: null, dueDate: new Date(0), titleZh: '', titleEn: '' };

/** The earliest due date among unfinished tasks (for sorting the portfolio by next deadline). */
export function nextDeadlineOf(row: { tasks: readonly { status: string; dueDate: Date }[] }): number {
  const due = row.tasks.filter((task) => task.status !== 'done' && task.status !== 'cancelled').map((task) => task.dueDate.getTime());
  return due.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...due);
}

export interface DetailContext {
  caller: Caller;
  teamRole: WorkerRole | null;
  seesApprovedOnly: boolean;
  now: Date;
}

/** The engagement page: stages, the community × stage matrix, counts, overdue work, team and deliverables. */
export async function loadEngagementDetail(db: Db, id: string, context: DetailContext): Promise<EngagementDetail | null> {
  const row = await db.engagement.findUnique({
    where: { id },
    select: {
      ...engagementSummarySelect(context.caller.userId),
      plan: true,
      communities: { select: { id: true, key: true, name: true }, orderBy: { createdAt: 'asc' } },
      departments: { select: { key: true, name: true }, orderBy: { createdAt: 'asc' } },
      members: { select: { role: true, userId: true, user: { select: { id: true, displayName: true } } }, orderBy: { createdAt: 'asc' } },
    },
  });
  if (!row) return null;
  const mine = row.members.filter((member) => member.userId === context.caller.userId);
  const summary = toEngagementSummary({ ...row, members: mine }, context.now);
  const plan = parseEngagementPlan(row.plan);
  const template = findTemplate(row.templateKey, row.templateVersion);
  const progress = computeProgress(progressTasksOf({ ...row, members: mine }));

  const [overdueRows, deliverableRows, statusEvent] = await Promise.all([
    db.task.findMany({
      where: { engagementId: id, id: { in: findOverdue(row.tasks.map((task) => ({ id: task.id, status: task.status, dueDate: civil(task.dueDate) })), context.now).map((task) => task.id) } },
      include: taskSummaryInclude,
      orderBy: [{ dueDate: 'asc' }, { key: 'asc' }],
      take: 200,
    }),
    db.deliverable.findMany({
      where: { engagementId: id, ...(context.seesApprovedOnly ? { status: 'approved' } : {}) },
      include: deliverableSummaryInclude,
      orderBy: [{ task: { dueDate: 'asc' } }, { key: 'asc' }],
      take: 500,
    }),
    row.status === 'paused' || row.status === 'cancelled'
      ? db.auditEvent.findFirst({ where: { engagementId: id, action: `engagement.${row.status}` }, orderBy: { at: 'desc' }, select: { after: true } })
      : Promise.resolve(null),
  ]);

  const byRole = (role: string) => row.members.filter((member) => member.role === role).map((member) => userRef(member.user));
  const pm = byRole('pm')[0];
  const partner = byRole('partner')[0];
  if (!pm || !partner) throw new Error(`engagement ${id} has no PM or partner on its team`);
  const reason = (statusEvent?.after as { reason?: unknown } | null | undefined)?.reason;
  const facts = { teamRole: context.teamRole, isAssignee: false, isApproved: false };
  const isRunning = row.status === 'running';
  const isPaused = row.status === 'paused';

  return {
    ...summary,
    stages: summary.stages.map((stage) => {
      const planned = plan.stages.find((candidate) => candidate.key === stage.key);
      const gate = template?.stages.find((candidate) => candidate.key === stage.key)?.gate;
      return {
        ...stage,
        order: planned?.order ?? 0,
        summary: planned?.summary ?? stage.title,
        after: planned?.after ?? [],
        gate: gate ? { title: gate.title, signOff: gate.signOff } : null,
      };
    }),
    communities: row.communities,
    departments: row.departments,
    team: { pm, partner, lawyers: byRole('lawyer'), client: byRole('client')[0] ?? null },
    matrix: row.communities.map((community) => ({
      community: { key: community.key, name: community.name },
      cells: row.stages.map((stage) => ({ stageKey: stage.key, progress: progress.byCommunityStage[community.key]?.[stage.key] ?? null })),
    })),
    taskCounts: countByStatus(row.tasks),
    overdueTasks: overdueRows.map((task) => toTaskSummary(task, context.now)),
    deliverables: deliverableRows.map((deliverable) => toDeliverableSummary(deliverable, { approvedOnly: context.seesApprovedOnly })),
    statusReason: typeof reason === 'string' && reason.length > 0 ? reason.slice(0, 1000) : null,
    createdAt: iso(row.createdAt),
    can: {
      update: isAllowed(operations.updateEngagement.permission, context.caller, facts) && (isRunning || isPaused),
      pause: isAllowed(operations.pauseEngagement.permission, context.caller, facts) && isRunning,
      resume: isAllowed(operations.resumeEngagement.permission, context.caller, facts) && isPaused,
      cancel: isAllowed(operations.cancelEngagement.permission, context.caller, facts) && (isRunning || isPaused),
      readAudit: isAllowed(operations.listEngagementAudit.permission, context.caller, facts),
      retry: isAllowed(operations.retryEngagement.permission, context.caller, facts) && summary.attention !== null,
    },
  };
}

function countByStatus(tasks: readonly { status: EngagementDetail['overdueTasks'][number]['status'] }[]): EngagementDetail['taskCounts'] {
  const counts = { pending: 0, active: 0, in_review: 0, changes_requested: 0, done: 0, cancelled: 0 };
  for (const task of tasks) counts[task.status] += 1;
  return counts;
}
