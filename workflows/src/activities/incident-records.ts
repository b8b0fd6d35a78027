import { type Db, publishChange } from '@gongzhi/db';
import { auditKey, notificationKey } from '../keys';
import { audit, json } from './support';
import { type EngagementActivities } from './types';

/** Writes that ran out of retries: the incident people are told of, and its closing. */
export function createIncidentRecords(db: Db): Pick<EngagementActivities, 'recordIncident' | 'resolveIncident'> {
  return {
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
          data: recipients.map((userId) => ({ key: notificationKey.incident(key, userId), userId, engagementId, kind: 'needs_attention' as const, payload: json({ activity, reason: reason.slice(0, 500), engagementName: engagement.name }) })),
          skipDuplicates: true,
        });
        await audit(tx, { key: auditKey.incidentRaised(key), engagementId, actorId: null, action: 'engagement.needs_attention', entityType: 'engagement', entityId: engagementId, after: { workflowId, activity, reason: reason.slice(0, 500) }, at });
      });
      await publishChange(db, { engagementId, type: 'engagement.updated' });
    },

    async resolveIncident({ key, actorId, at }) {
      const incident = await db.workflowIncident.findUnique({ where: { key } });
      if (!incident || incident.resolvedAt) return;
      await db.$transaction(async (tx) => {
        await tx.workflowIncident.updateMany({ where: { key, resolvedAt: null }, data: { resolvedAt: new Date(at), resolvedById: actorId } });
        await audit(tx, {
          key: auditKey.incidentResolved(key),
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
  };
}
