import { adaptKnowledge, type Db, publishChange, takeKnowledge } from '@gongzhi/db';
import { auditKey, notificationKey } from '../keys';
import { audit, json } from './support';
import { type EngagementActivities } from './types';

/** The engagement's copy of the knowledge base, and the notices that the master moved on. */
export function createKnowledgeRecords(db: Db): Pick<EngagementActivities, 'takeKnowledge' | 'adaptKnowledge' | 'noticeKnowledgeChange'> {
  return {
    async takeKnowledge({ engagementId, actorId, entryIds, keepAdaptation, at }) {
      const taken = await db.$transaction(async (tx) => {
        const moved = await takeKnowledge(tx, { engagementId, entryIds, keepAdaptation });
        if (moved.length > 0) {
          await audit(tx, { key: auditKey.knowledgeTaken(engagementId, at), engagementId, actorId, action: 'knowledge.taken', entityType: 'engagement', entityId: engagementId, after: { entries: moved, keepAdaptation }, at });
        }
        return moved;
      });
      if (taken.length > 0) await publishChange(db, { engagementId, type: 'engagement.updated' });
      return { taken };
    },

    async adaptKnowledge({ engagementId, actorId, kind, key, content, reason, at }) {
      const result = await db.$transaction(async (tx) => {
        const adapted = await adaptKnowledge(tx, { engagementId, actorId, kind, key, content, reason, at: new Date(at) });
        if ('refused' in adapted) return adapted;
        await audit(tx, {
          key: auditKey.knowledgeAdapted(engagementId, adapted.entryId, at),
          engagementId,
          actorId,
          action: 'knowledge.adapted',
          entityType: 'knowledge_entry',
          entityId: adapted.entryId,
          before: adapted.before ?? undefined,
          after: { content, reason },
          at,
        });
        return adapted;
      });
      if ('refused' in result) return { refused: result.refused, problems: 'problems' in result ? result.problems : [] };
      await publishChange(db, { engagementId, type: 'engagement.updated' });
      return { entryId: result.entryId, baseVersion: result.baseVersion };
    },

    async noticeKnowledgeChange({ engagementId, entryId, kind, key, title, version, reason }) {
      const managers = await db.engagementMember.findMany({ where: { engagementId, role: 'pm' }, select: { userId: true } });
      await db.notification.createMany({
        data: managers.map(({ userId }) => ({
          key: notificationKey.knowledgeChanged(engagementId, entryId, version, userId),
          userId,
          engagementId,
          kind: 'knowledge_changed' as const,
          payload: json({ entryId, kind, key, title, version, reason }),
        })),
        skipDuplicates: true,
      });
      if (managers.length > 0) await publishChange(db, { engagementId, type: 'notification' });
    },
  };
}
