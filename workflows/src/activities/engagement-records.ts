import { type Db, publishChange } from '@gongzhi/db';
import { auditKey } from '../keys';
import { audit } from './support';
import { type EngagementActivities } from './types';

/** The engagement's own state: its stages, its names, its status. */
export function createEngagementRecords(db: Db): Pick<EngagementActivities, 'recordStageStatus' | 'recordEngagementDetails' | 'recordEngagementStatus'> {
  return {
    async recordStageStatus({ engagementId, stageKey, status, at }) {
      const stage = await db.stage.findUniqueOrThrow({ where: { engagementId_key: { engagementId, key: stageKey } } });
      await db.$transaction(async (tx) => {
        await tx.stage.update({
          where: { id: stage.id },
          data: { status, ...(status === 'active' ? { startedAt: stage.startedAt ?? new Date(at) } : {}), ...(status === 'done' ? { completedAt: new Date(at) } : {}) },
        });
        await audit(tx, {
          key: auditKey.stage(status, engagementId, stageKey),
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

    async recordEngagementDetails({ engagementId, actorId, before, after, at }) {
      await db.$transaction(async (tx) => {
        await tx.engagement.update({ where: { id: engagementId }, data: after });
        await audit(tx, { key: auditKey.engagementUpdated(engagementId, at), engagementId, actorId, action: 'engagement.updated', entityType: 'engagement', entityId: engagementId, before, after, at });
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
        await audit(tx, { key: auditKey.engagementStatus(status, engagementId, at), engagementId, actorId, action: `engagement.${status}`, entityType: 'engagement', entityId: engagementId, before: { status: engagement.status }, after: { status, reason }, at });
      });
      await publishChange(db, { engagementId, type: 'engagement.updated' });
    },
  };
}
