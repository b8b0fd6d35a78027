import { type Db } from '@gongzhi/db';
import { type WorkerRole, completionAuthority, eligibleAssignees, generatorForDeliverable } from '@gongzhi/domain';
import { operations } from '@gongzhi/contracts';
import { type Caller, isAllowed } from '../lib/access-policy';
import { asWorkerRole, civil, text, userRef } from './common';
import { type DeliverableDetail, deliverableDetailInclude, toDeliverableDetail } from './deliverable-views';
import { type TaskDetail, plannedTaskOf, taskSummaryInclude, toTaskSummary } from './task-views';

export interface ViewContext {
  caller: Caller;
  teamRole: WorkerRole | null;
  seesApprovedOnly: boolean;
  now: Date;
}

const isWorkable = (status: string) => status === 'active' || status === 'changes_requested';

/** A deliverable with its revisions, reviews and what the caller may do with it; null when absent or hidden. */
export async function loadDeliverableDetail(db: Db, id: string, context: ViewContext): Promise<DeliverableDetail | null> {
  const row = await db.deliverable.findUnique({ where: { id }, include: deliverableDetailInclude });
  if (!row || (context.seesApprovedOnly && row.status !== 'approved')) return null;
  const reviews = await db.review.findMany({ where: { deliverableId: id }, include: { reviewer: { select: { id: true, displayName: true } } }, orderBy: [{ revision: 'desc' }, { createdAt: 'desc' }] });
  const facts = { teamRole: context.teamRole, isAssignee: row.task.assigneeId === context.caller.userId, isApproved: row.status === 'approved' };
  const isRunning = row.task.engagement.status === 'running';
  return toDeliverableDetail(row, reviews, {
    approvedOnly: context.seesApprovedOnly,
    can: {
      upload: isRunning && isWorkable(row.task.status) && isAllowed(operations.uploadDeliverableFile.permission, context.caller, facts),
      review: isRunning && row.status === 'submitted' && isAllowed(operations.reviewDeliverable.permission, context.caller, facts),
      generate:
        isRunning && isWorkable(row.task.status) && generatorForDeliverable(row.key) !== null && isAllowed(operations.generateDeliverableDocument.permission, context.caller, facts),
    },
  });
}

/** A task with its form, dependencies and deliverable, as the task page shows it. */
export async function loadTaskDetail(db: Db, id: string, context: ViewContext): Promise<TaskDetail | null> {
  const row = await db.task.findUnique({
    where: { id },
    include: {
      ...taskSummaryInclude,
      completedBy: { select: { id: true, displayName: true } },
      engagement: { select: { id: true, name: true, status: true, plan: true, members: { select: { role: true, user: { select: { id: true, displayName: true } } } } } },
    },
  });
  if (!row) return null;
  const planned = plannedTaskOf(row.engagement.plan, row.key);
  const dependencies = planned?.dependsOn.length
    ? await db.task.findMany({ where: { engagementId: row.engagementId, key: { in: planned.dependsOn } }, select: { id: true, key: true, titleZh: true, titleEn: true, status: true }, orderBy: { key: 'asc' } })
    : [];
  const deliverable = row.deliverable ? await loadDeliverableDetail(db, row.deliverable.id, context) : null;
  const facts = { teamRole: context.teamRole, isAssignee: row.assigneeId === context.caller.userId, isApproved: false };
  const isRunning = row.engagement.status === 'running';
  const people = new Map(row.engagement.members.map((member) => [member.user.id, member.user]));
  const memberOf = (role: string) => row.engagement.members.filter((member) => member.role === role).map((member) => member.user.id);
  const team = { pm: memberOf('pm')[0] ?? '', partner: memberOf('partner')[0] ?? '', lawyers: memberOf('lawyer'), client: memberOf('client')[0] ?? null };
  const role = asWorkerRole(row.role);
  // The same rules the workflow enforces: a button shown here is one it accepts.
  const authority = completionAuthority({ role, assigneeId: row.assigneeId }, team, context.caller.userId);
  const canComplete = isRunning && isWorkable(row.status) && authority.allowed && isAllowed(operations.completeTask.permission, context.caller, facts);
  const canAssign = (isRunning || row.engagement.status === 'paused') && row.status !== 'done' && row.status !== 'cancelled' && isAllowed(operations.assignTask.permission, context.caller, facts);
  // A client reads a task's submitted values only once the work is released.
  const isReleased = row.status === 'done' && (row.deliverable === null || deliverable?.status === 'approved');
  return {
    ...toTaskSummary(row, context.now),
    description: planned?.description ?? null,
    reminderDate: civil(row.reminderDate),
    escalationDate: civil(row.escalationDate),
    dependsOn: dependencies.map((task) => ({ id: task.id, key: task.key, title: text(task.titleZh, task.titleEn), status: task.status })),
    form: planned?.form ?? [],
    rules: planned?.rules ?? [],
    formData: context.seesApprovedOnly && !isReleased ? null : ((row.formData as TaskDetail['formData']) ?? null),
    completedBy: row.completedBy ? userRef(row.completedBy) : null,
    standInReason: row.standInReason,
    deliverable,
    assignableTo: canAssign
      ? eligibleAssignees(role, team)
          .filter((userId) => userId !== row.assigneeId)
          .flatMap((userId) => {
            const person = people.get(userId);
            return person ? [userRef(person)] : [];
          })
      : [],
    can: { complete: canComplete, completeAsStandIn: canComplete && authority.allowed && authority.standIn, assign: canAssign },
  };
}
