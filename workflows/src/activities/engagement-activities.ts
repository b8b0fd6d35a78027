import { ApplicationFailure } from '@temporalio/common';
import { type Db, type DbTransaction, type InputJsonValue, isRefusedData, publishChange, sqlStateOf } from '@gongzhi/db';
import { type EngagementPlan, reviewOutcomeOf } from '@gongzhi/domain';
import { reviewKey, workflowIdForTask } from '../ids';
import { type EngagementActivities, type MaterializeEngagementInput } from './types';

/** Everything an activity needs from outside, built once by the worker. */
export interface EngagementActivityDeps {
  db: Db;
}

type Tx = DbTransaction;

const civilDate = (date: string) => new Date(`${date}T00:00:00.000Z`);
const json = (value: unknown) => value as InputJsonValue;

async function audit(
  db: Db | Tx,
  event: { key: string; engagementId: string; actorId: string | null; action: string; entityType: string; entityId: string; before?: unknown; after?: unknown; at: string },
): Promise<void> {
  // The key makes the effect idempotent: a retried activity or replayed workflow records it once.
  await db.auditEvent.createMany({
    data: [
      {
        ...event,
        // Absent before/after is SQL NULL, not a JSON null value.
        before: event.before === undefined ? undefined : json(event.before),
        after: event.after === undefined ? undefined : json(event.after),
        at: new Date(event.at),
      },
    ],
    skipDuplicates: true,
  });
}

function teamMembers(team: EngagementPlan['team']) {
  const members = [
    { userId: team.pm, role: 'pm' as const },
    { userId: team.partner, role: 'partner' as const },
    ...team.lawyers.map((userId) => ({ userId, role: 'lawyer' as const })),
    ...(team.client ? [{ userId: team.client, role: 'client' as const }] : []),
  ];
  // One membership per person: the first role listed is the one they play here.
  return members.filter((member, index) => members.findIndex((other) => other.userId === member.userId) === index);
}

/**
 * Writes an engagement's whole projection — engagement, team, communities, departments, stages,
 * tasks, deliverables — from its plan: the workflow's first step. Idempotent: every row has a
 * business key, so a retried attempt writes nothing twice.
 */
export async function materializeEngagement(db: Db, input: MaterializeEngagementInput): Promise<void> {
  const { engagementId, plan, details } = input;
  await db.$transaction(async (tx) => {
    await tx.engagement.upsert({
      where: { id: engagementId },
      update: {},
      create: {
        id: engagementId,
        name: details.name,
        clientName: details.clientName,
        clientKind: details.clientKind,
        templateKey: plan.templateKey,
        templateVersion: plan.templateVersion,
        startDate: civilDate(plan.startDate),
        workflowId: input.workflowId,
        requestHash: details.requestHash ?? null,
        plan: json(plan),
        createdById: details.createdById,
      },
    });
    await tx.engagementMember.createMany({ data: teamMembers(plan.team).map((member) => ({ engagementId, ...member })), skipDuplicates: true });
    await tx.community.createMany({ data: plan.communities.map((community) => ({ engagementId, ...community })), skipDuplicates: true });
    await tx.department.createMany({ data: plan.departments.map((department) => ({ engagementId, ...department })), skipDuplicates: true });
    await tx.stage.createMany({
      data: plan.stages.map((stage) => ({
        engagementId,
        key: stage.key,
        order: stage.order,
        titleZh: stage.title.zh,
        titleEn: stage.title.en,
        plannedStart: civilDate(stage.plannedStart),
        plannedEnd: civilDate(stage.plannedEnd),
      })),
      skipDuplicates: true,
    });
    await tx.task.createMany({
      data: plan.tasks.map((task) => ({
        engagementId,
        stageKey: task.stageKey,
        key: task.key,
        templateTaskKey: task.templateTaskKey,
        scope: task.scope,
        communityKey: task.communityKey,
        departmentKey: task.departmentKey,
        titleZh: task.title.zh,
        titleEn: task.title.en,
        role: task.role,
        assigneeId: task.assigneeId,
        dueDate: civilDate(task.dueDate),
        reminderDate: civilDate(task.reminderDate),
        escalationDate: civilDate(task.escalationDate),
        workflowId: workflowIdForTask(engagementId, task),
        isGate: task.isGate,
      })),
      skipDuplicates: true,
    });
    const withDeliverables = plan.tasks.filter((task) => task.deliverable);
    const taskIds = new Map(
      (await tx.task.findMany({ where: { engagementId, key: { in: withDeliverables.map((task) => task.key) } }, select: { id: true, key: true } })).map(
        (task) => [task.key, task.id],
      ),
    );
    await tx.deliverable.createMany({
      data: withDeliverables.map((task) => ({
        engagementId,
        taskId: taskIds.get(task.key)!,
        key: task.deliverable!.key,
        titleZh: task.deliverable!.title.zh,
        titleEn: task.deliverable!.title.en,
        kind: task.deliverable!.kind,
        requiresReview: task.deliverable!.requiresReview,
      })),
      skipDuplicates: true,
    });
    await audit(tx, {
      key: `engagement.created:${engagementId}`,
      engagementId,
      actorId: details.createdById,
      action: 'engagement.created',
      entityType: 'engagement',
      entityId: engagementId,
      after: { name: details.name, clientName: details.clientName, templateKey: plan.templateKey, templateVersion: plan.templateVersion, startDate: plan.startDate },
      at: new Date().toISOString(),
    });
  });
}

async function findTask(db: Db | Tx, engagementId: string, taskKey: string) {
  return db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId, key: taskKey } }, include: { deliverable: true } });
}

/**
 * Data the database refuses (a value it cannot store, a broken constraint) fails the same way on
 * every retry: say so at once, not after half an hour of retries, so the workflow raises an
 * incident people can act on. Outages (connections refused, timeouts) stay retryable.
 */
function failFastOnRefusedData<A extends object>(activities: A): A {
  return Object.fromEntries(
    Object.entries(activities).map(([name, activity]) => [
      name,
      async (...args: unknown[]) => {
        try {
          return await (activity as (...input: unknown[]) => Promise<unknown>)(...args);
        } catch (error) {
          if (!isRefusedData(error)) throw error;
          throw ApplicationFailure.create({
            type: 'database_refused_data',
            message: `PostgreSQL refused the data (SQLSTATE ${sqlStateOf(error)}): ${error instanceof Error ? error.message.slice(0, 500) : String(error)}`,
            nonRetryable: true,
          });
        }
      },
    ]),
  ) as A;
}

/** Activities are built from their dependencies, so tests and the worker pass a real database. */
export function createEngagementActivities({ db }: EngagementActivityDeps): EngagementActivities {
  return failFastOnRefusedData<EngagementActivities>({
    async materializeEngagement(input) {
      await materializeEngagement(db, input);
      await publishChange(db, { engagementId: input.engagementId, type: 'engagement.updated' });
    },

    async recordStageStatus({ engagementId, stageKey, status, at }) {
      const stage = await db.stage.findUniqueOrThrow({ where: { engagementId_key: { engagementId, key: stageKey } } });
      await db.$transaction(async (tx) => {
        await tx.stage.update({
          where: { id: stage.id },
          data: { status, ...(status === 'active' ? { startedAt: stage.startedAt ?? new Date(at) } : {}), ...(status === 'done' ? { completedAt: new Date(at) } : {}) },
        });
        await audit(tx, {
          key: `stage.${status}:${engagementId}:${stageKey}`,
          engagementId,
          actorId: null,
          action: `stage.${status === 'active' ? 'opened' : status}`,
          entityType: 'stage',
          entityId: stage.id,
          before: { status: stage.status },
          after: { status },
          at,
        });
      });
      await publishChange(db, { engagementId, type: 'stage.updated', key: stageKey });
    },

    async recordTaskActivated({ engagementId, taskKey, assigneeId, at }) {
      const task = await findTask(db, engagementId, taskKey);
      await db.$transaction(async (tx) => {
        const { count } = await tx.task.updateMany({ where: { id: task.id, status: 'pending' }, data: { status: 'active', startedAt: new Date(at) } });
        // Not pending: already activated (a retry — its notice exists) or cancelled meanwhile.
        if (count === 0) return;
        await tx.notification.createMany({
          data: [{ key: `${engagementId}:${taskKey}:assigned:${assigneeId}`, userId: assigneeId, engagementId, taskId: task.id, kind: 'assigned', payload: json({ titleZh: task.titleZh, titleEn: task.titleEn, dueDate: task.dueDate.toISOString().slice(0, 10) }) }],
          skipDuplicates: true,
        });
        await audit(tx, { key: `task.activated:${engagementId}:${taskKey}`, engagementId, actorId: null, action: 'task.activated', entityType: 'task', entityId: task.id, before: { status: 'pending' }, after: { status: 'active' }, at });
      });
      await publishChange(db, { engagementId, type: 'task.updated', key: taskKey });
    },

    async recordTaskCompletion(input) {
      const { engagementId, taskKey, at } = input;
      const task = await findTask(db, engagementId, taskKey);
      await db.$transaction(async (tx) => {
        if (input.receiptKey) await tx.commandReceipt.createMany({ data: [{ key: input.receiptKey, engagementId, taskId: task.id }], skipDuplicates: true });
        if (task.deliverable && input.file) {
          await tx.deliverableRevision.createMany({
            data: [{ deliverableId: task.deliverable.id, revision: input.revision, ...input.file, submittedById: input.actorId, submittedAt: new Date(at), note: input.note }],
            skipDuplicates: true,
          });
          const { count } = await tx.deliverable.updateMany({
            // Guarded by revision: a stale attempt of an older submission never overwrites a newer state.
            where: { id: task.deliverable.id, currentRevision: { lt: input.revision } },
            // Without a review gate an uploaded deliverable is final: released like an approved one.
            data: { currentRevision: input.revision, status: input.status === 'in_review' ? 'submitted' : 'approved' },
          });
          if (count === 0) return;
        }
        const { count } = await tx.task.updateMany({
          where: { id: task.id, status: { notIn: ['done', 'cancelled'] } },
          data: {
            status: input.status,
            formData: json(input.formData),
            ...(input.standInReason ? { standInReason: input.standInReason } : {}),
            ...(input.status === 'done' ? { completedAt: new Date(at), completedById: input.actorId } : {}),
          },
        });
        if (count === 0) return;
        if (input.reviewerId) {
          await tx.notification.createMany({
            data: [{ key: `${engagementId}:${taskKey}:review_requested:${input.revision}`, userId: input.reviewerId, engagementId, taskId: task.id, kind: 'review_requested', payload: json({ titleZh: task.titleZh, titleEn: task.titleEn, revision: input.revision }) }],
            skipDuplicates: true,
          });
        }
        await audit(tx, {
          // A task reaches `done` once: its one task.completed event. A submission for review is one per revision.
          key: input.status === 'in_review' ? `deliverable.submitted:${engagementId}:${taskKey}:${input.revision}` : `task.completed:${engagementId}:${taskKey}`,
          engagementId,
          actorId: input.actorId,
          action: input.status === 'in_review' ? 'deliverable.submitted' : 'task.completed',
          entityType: 'task',
          entityId: task.id,
          before: { status: task.status, formData: task.formData },
          after: {
            status: input.status,
            formData: input.formData,
            revision: input.revision || undefined,
            file: input.file ?? undefined,
            ...(input.standInReason ? { standInFor: 'client', standInReason: input.standInReason } : {}),
          },
          at,
        });
      });
      await publishChange(db, { engagementId, type: 'task.updated', key: taskKey });
    },

    async recordReview(input) {
      const { engagementId, taskKey, at } = input;
      const task = await findTask(db, engagementId, taskKey);
      const deliverable = task.deliverable!;
      const approved = input.decision === 'approve';
      const decided = await db.deliverableRevision.findUniqueOrThrow({ where: { deliverableId_revision: { deliverableId: deliverable.id, revision: input.revision } }, select: { sha256: true } });
      await db.$transaction(async (tx) => {
        // Guarded: only the revision under review is decided, once; a stale retry changes nothing.
        const { count } = await tx.deliverable.updateMany({
          where: { id: deliverable.id, currentRevision: input.revision, status: 'submitted' },
          data: { status: approved ? 'approved' : 'changes_requested' },
        });
        if (count === 0) return;
        await tx.review.createMany({
          data: [{ key: reviewKey(deliverable.id, input.revision), deliverableId: deliverable.id, revision: input.revision, sha256: input.sha256 ?? decided.sha256, reviewerId: input.reviewerId, decision: reviewOutcomeOf[input.decision], comment: input.comment, createdAt: new Date(at) }],
          skipDuplicates: true,
        });
        await tx.task.update({
          where: { id: task.id },
          data: approved ? { status: 'done', completedAt: new Date(at), completedById: input.assigneeId } : { status: 'changes_requested' },
        });
        await tx.notification.createMany({
          data: [{ key: `${engagementId}:${taskKey}:${input.decision}:${input.revision}`, userId: input.assigneeId, engagementId, taskId: task.id, kind: approved ? 'approved' : 'changes_requested', payload: json({ titleZh: task.titleZh, titleEn: task.titleEn, revision: input.revision, comment: input.comment }) }],
          skipDuplicates: true,
        });
        await audit(tx, {
          key: reviewKey(deliverable.id, input.revision),
          engagementId,
          actorId: input.reviewerId,
          action: approved ? 'deliverable.approved' : 'deliverable.changes_requested',
          entityType: 'deliverable',
          entityId: deliverable.id,
          before: { status: deliverable.status },
          after: { status: approved ? 'approved' : 'changes_requested', revision: input.revision, sha256: input.sha256 ?? decided.sha256, comment: input.comment },
          at,
        });
        if (approved) {
          // An approved deliverable is its task's completion: who did the work, and when it was accepted.
          await audit(tx, {
            key: `task.completed:${engagementId}:${taskKey}`,
            engagementId,
            actorId: input.assigneeId,
            action: 'task.completed',
            entityType: 'task',
            entityId: task.id,
            before: { status: 'in_review' },
            after: { status: 'done', revision: input.revision, approvedById: input.reviewerId },
            at,
          });
        }
      });
      await publishChange(db, { engagementId, type: 'deliverable.updated', key: taskKey });
    },

    async recordReassignment({ engagementId, taskKey, actorId, fromId, toId, notify, at }) {
      const task = await findTask(db, engagementId, taskKey);
      await db.$transaction(async (tx) => {
        await tx.task.update({ where: { id: task.id }, data: { assigneeId: toId } });
        if (notify) {
          await tx.notification.createMany({
            data: [{ key: `${engagementId}:${taskKey}:reassigned:${toId}:${at}`, userId: toId, engagementId, taskId: task.id, kind: 'reassigned', payload: json({ titleZh: task.titleZh, titleEn: task.titleEn, fromId }) }],
            skipDuplicates: true,
          });
        }
        await audit(tx, { key: `task.reassigned:${engagementId}:${taskKey}:${at}`, engagementId, actorId, action: 'task.reassigned', entityType: 'task', entityId: task.id, before: { assigneeId: fromId }, after: { assigneeId: toId }, at });
      });
      await publishChange(db, { engagementId, type: 'task.updated', key: taskKey });
    },

    async recordTasksCancelled({ engagementId, taskKeys, at }) {
      await db.task.updateMany({ where: { engagementId, key: { in: taskKeys }, status: { notIn: ['done', 'cancelled'] } }, data: { status: 'cancelled' } });
      await audit(db, { key: `tasks.cancelled:${engagementId}:${at}:${taskKeys[0]}`, engagementId, actorId: null, action: 'tasks.cancelled', entityType: 'engagement', entityId: engagementId, after: { taskKeys }, at });
      await publishChange(db, { engagementId, type: 'task.updated' });
    },

    async recordEngagementDetails({ engagementId, actorId, before, after, at }) {
      await db.$transaction(async (tx) => {
        await tx.engagement.update({ where: { id: engagementId }, data: after });
        await audit(tx, { key: `engagement.updated:${engagementId}:${at}`, engagementId, actorId, action: 'engagement.updated', entityType: 'engagement', entityId: engagementId, before, after, at });
      });
      await publishChange(db, { engagementId, type: 'engagement.updated' });
    },

    async recordEngagementStatus({ engagementId, status, actorId, reason, at }) {
      const engagement = await db.engagement.findUniqueOrThrow({ where: { id: engagementId } });
      await db.$transaction(async (tx) => {
        const { count } = await tx.engagement.updateMany({
          // Pause and resume never reopen an engagement that has completed or been cancelled.
          where: { id: engagementId, ...(status === 'paused' || status === 'running' ? { status: { in: ['running', 'paused'] as const } } : {}) },
          data: { status, ...(status === 'completed' ? { completedAt: new Date(at) } : {}), ...(status === 'cancelled' ? { cancelledAt: new Date(at) } : {}) },
        });
        if (count === 0) return;
        if (status === 'cancelled') {
          await tx.stage.updateMany({ where: { engagementId, status: { in: ['pending', 'active'] } }, data: { status: 'cancelled' } });
          // Including the tasks of stages whose community workflows never started.
          await tx.task.updateMany({ where: { engagementId, status: { notIn: ['done', 'cancelled'] } }, data: { status: 'cancelled' } });
        }
        await audit(tx, { key: `engagement.${status}:${engagementId}:${at}`, engagementId, actorId, action: `engagement.${status}`, entityType: 'engagement', entityId: engagementId, before: { status: engagement.status }, after: { status, reason }, at });
      });
      await publishChange(db, { engagementId, type: 'engagement.updated' });
    },

    async notify({ key, userId, engagementId, taskKey, kind, payload }) {
      const task = taskKey ? await db.task.findUnique({ where: { engagementId_key: { engagementId, key: taskKey } }, select: { id: true } }) : null;
      await db.notification.createMany({ data: [{ key, userId, engagementId, taskId: task?.id ?? null, kind, payload: json(payload) }], skipDuplicates: true });
      await publishChange(db, { engagementId, type: 'notification', key: taskKey ?? undefined });
    },

    async recordIncident({ key, engagementId, workflowId, activity, reason, at }) {
      await db.$transaction(async (tx) => {
        const { count } = await tx.workflowIncident.createMany({ data: [{ key, engagementId, workflowId, activity, reason, raisedAt: new Date(at) }], skipDuplicates: true });
        if (count === 0) return;
        // The PM runs the engagement; admins can fix what broke and retry.
        const pm = await tx.engagementMember.findFirst({ where: { engagementId, role: 'pm' }, select: { userId: true } });
        const admins = await tx.user.findMany({ where: { roles: { has: 'admin' }, disabledAt: null }, select: { id: true } });
        const engagement = await tx.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { name: true } });
        const recipients = [...new Set([...(pm ? [pm.userId] : []), ...admins.map((admin) => admin.id)])];
        await tx.notification.createMany({
          data: recipients.map((userId) => ({ key: `incident:${key}:${userId}`, userId, engagementId, kind: 'needs_attention' as const, payload: json({ activity, reason: reason.slice(0, 500), engagementName: engagement.name }) })),
          skipDuplicates: true,
        });
        await audit(tx, { key: `incident.raised:${key}`, engagementId, actorId: null, action: 'engagement.needs_attention', entityType: 'engagement', entityId: engagementId, after: { workflowId, activity, reason: reason.slice(0, 500) }, at });
      });
      await publishChange(db, { engagementId, type: 'engagement.updated' });
    },

    async resolveIncident({ key, actorId, at }) {
      const incident = await db.workflowIncident.findUnique({ where: { key } });
      if (!incident || incident.resolvedAt) return;
      await db.$transaction(async (tx) => {
        await tx.workflowIncident.updateMany({ where: { key, resolvedAt: null }, data: { resolvedAt: new Date(at), resolvedById: actorId } });
        await audit(tx, {
          key: `incident.resolved:${key}`,
          engagementId: incident.engagementId,
          actorId,
          action: actorId ? 'engagement.retried' : 'engagement.incident_closed',
          entityType: 'engagement',
          entityId: incident.engagementId,
          after: { workflowId: incident.workflowId, activity: incident.activity },
          at,
        });
      });
      await publishChange(db, { engagementId: incident.engagementId, type: 'engagement.updated' });
    },
  });
}
