import { type Prisma } from '@gongzhi/db';
import { type PlannedTask, civilDateAt, happenedOn, isOverdue, parseEngagementPlan } from '@gongzhi/domain';
import { type taskDetailSchema, type taskSummarySchema } from '@gongzhi/contracts';
import { type z } from 'zod';
import { asWorkerRole, civil, iso, isoOrNull, text, userRef } from './common';

export const taskSummaryInclude = {
  engagement: { select: { id: true, name: true } },
  stage: { select: { key: true, titleZh: true, titleEn: true } },
  community: { select: { key: true, name: true } },
  department: { select: { key: true, name: true } },
  assignee: { select: { id: true, displayName: true } },
  deliverable: { select: { id: true } },
} satisfies Prisma.TaskInclude;

export type TaskSummaryRow = Prisma.TaskGetPayload<{ include: typeof taskSummaryInclude }>;
export type TaskSummary = z.output<typeof taskSummarySchema>;
export type TaskDetail = z.output<typeof taskDetailSchema>;

export function toTaskSummary(row: TaskSummaryRow, now: Date): TaskSummary {
  const dueDate = civil(row.dueDate);
  return {
    id: row.id,
    key: row.key,
    title: text(row.titleZh, row.titleEn),
    status: row.status,
    role: asWorkerRole(row.role),
    engagement: { id: row.engagement.id, name: row.engagement.name },
    stage: { key: row.stage.key, title: text(row.stage.titleZh, row.stage.titleEn) },
    community: row.community ? { key: row.community.key, name: row.community.name } : null,
    department: row.department ? { key: row.department.key, name: row.department.name } : null,
    assignee: userRef(row.assignee),
    dueDate,
    isOverdue: isOverdue({ status: row.status, dueDate }, now),
    isGate: row.isGate,
    hasDeliverable: row.deliverable !== null,
    completedAt: isoOrNull(row.completedAt),
    happenedOn: row.status === 'done' ? happenedOn(row.formData) : null,
    updatedAt: iso(row.updatedAt),
  };
}

/** The plan's entry for a task: form, rules, description and dependencies come from the plan the workflow runs. */
export function plannedTaskOf(plan: unknown, taskKey: string): PlannedTask | undefined {
  return parseEngagementPlan(plan).tasks.find((task) => task.key === taskKey);
}

/** Today in Asia/Shanghai, as a date column value, for "overdue" queries. */
export const todayOf = (now: Date): string => civilDateAt(now);
