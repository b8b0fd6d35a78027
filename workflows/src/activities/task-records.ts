import { type Db, publishChange } from '@gongzhi/db';
import { reviewOutcomeOf } from '@gongzhi/domain';
import { auditKey, notificationKey, reviewKey } from '../keys';
import { audit, findTask, json } from './support';
import { type EngagementActivities } from './types';

/** Tasks and their deliverables: opened, completed, reviewed, reassigned, cancelled, and the notices that go with them. */
export function createTaskRecords(
  db: Db,
): Pick<EngagementActivities, 'recordTaskActivated' | 'recordTaskCompletion' | 'recordReview' | 'recordReassignment' | 'recordTasksCancelled' | 'notify'> {
  return {
    async recordTaskActivated({ engagementId, taskKey, assigneeId, at }) {
      const task = await findTask(db, engagementId, taskKey);
      await db.$transaction(async (tx) => {
        const { count } = await tx.task.updateMany({ where: { id: task.id, status: 'pending' }, data: { status: 'active', startedAt: new Date(at) } });
        // Not pending: already activated (a retry — its notice exists) or cancelled meanwhile.
        if (count === 0) return;
        await tx.notification.createMany({
          data: [{ key: notificationKey.assigned(engagementId, taskKey, assigneeId), userId: assigneeId, engagementId, taskId: task.id, kind: 'assigned', payload: json({ titleZh: task.titleZh, titleEn: task.titleEn, dueDate: task.dueDate.toISOString().slice(0, 10) }) }],
          skipDuplicates: true,
        });
        await audit(tx, { key: auditKey.taskActivated(engagementId, taskKey), engagementId, actorId: null, action: 'task.activated', entityType: 'task', entityId: task.id, before: { status: 'pending' }, after: { status: 'active' }, at });
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
            data: [{ key: notificationKey.reviewRequested(engagementId, taskKey, input.revision), userId: input.reviewerId, engagementId, taskId: task.id, kind: 'review_requested', payload: json({ titleZh: task.titleZh, titleEn: task.titleEn, revision: input.revision }) }],
            skipDuplicates: true,
          });
        }
        await audit(tx, {
          key: input.status === 'in_review' ? auditKey.deliverableSubmitted(engagementId, taskKey, input.revision) : auditKey.taskCompleted(engagementId, taskKey),
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
          data: [{ key: notificationKey.reviewed(engagementId, taskKey, input.decision, input.revision), userId: input.assigneeId, engagementId, taskId: task.id, kind: approved ? 'approved' : 'changes_requested', payload: json({ titleZh: task.titleZh, titleEn: task.titleEn, revision: input.revision, comment: input.comment }) }],
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
            key: auditKey.taskCompleted(engagementId, taskKey),
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
            data: [{ key: notificationKey.reassigned(engagementId, taskKey, toId, at), userId: toId, engagementId, taskId: task.id, kind: 'reassigned', payload: json({ titleZh: task.titleZh, titleEn: task.titleEn, fromId }) }],
            skipDuplicates: true,
          });
        }
        await audit(tx, { key: auditKey.reassigned(engagementId, taskKey, at), engagementId, actorId, action: 'task.reassigned', entityType: 'task', entityId: task.id, before: { assigneeId: fromId }, after: { assigneeId: toId }, at });
      });
      await publishChange(db, { engagementId, type: 'task.updated', key: taskKey });
    },

    async recordTasksCancelled({ engagementId, taskKeys, at }) {
      await db.task.updateMany({ where: { engagementId, key: { in: taskKeys }, status: { notIn: ['done', 'cancelled'] } }, data: { status: 'cancelled' } });
      await audit(db, { key: auditKey.tasksCancelled(engagementId, at, taskKeys[0]), engagementId, actorId: null, action: 'tasks.cancelled', entityType: 'engagement', entityId: engagementId, after: { taskKeys }, at });
      await publishChange(db, { engagementId, type: 'task.updated' });
    },

    async notify({ key, userId, engagementId, taskKey, kind, payload }) {
      const task = taskKey ? await db.task.findUnique({ where: { engagementId_key: { engagementId, key: taskKey } }, select: { id: true } }) : null;
      await db.notification.createMany({ data: [{ key, userId, engagementId, taskId: task?.id ?? null, kind, payload: json(payload) }], skipDuplicates: true });
      await publishChange(db, { engagementId, type: 'notification', key: taskKey ?? undefined });
    },
  };
}
