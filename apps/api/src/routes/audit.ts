import { type FastifyInstance } from 'fastify';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, type AuditEntityType, type auditActionSchema, operations } from '@gongzhi/contracts';
import { type Prisma } from '@gongzhi/db';
import { type z } from 'zod';
import { requestIdOfAuditKey } from '../lib/audit';
import { registerOperation } from '../lib/operation-route';
import { iso, pageOf, skipOf, userRef } from '../views/common';

type AuditAction = z.infer<typeof auditActionSchema>;

/**
 * The log's stored actions (as the workflow activities and the API write them) under the names
 * the contract publishes. Stored actions not listed here are not part of an engagement's trail.
 */
const WIRE_ACTIONS: Record<string, AuditAction> = {
  'engagement.created': 'engagement.created',
  'engagement.updated': 'engagement.updated',
  'engagement.paused': 'engagement.paused',
  // The workflow records a resume as the status it returns to.
  'engagement.running': 'engagement.resumed',
  'engagement.completed': 'engagement.completed',
  'engagement.cancelled': 'engagement.cancelled',
  'stage.opened': 'stage.opened',
  'stage.done': 'stage.completed',
  'stage.cancelled': 'stage.cancelled',
  'task.activated': 'task.activated',
  'task.reassigned': 'task.assigned',
  'task.completed': 'task.completed',
  'tasks.cancelled': 'task.cancelled',
  'deliverable.file_uploaded': 'deliverable.file_uploaded',
  'deliverable.submitted': 'deliverable.submitted',
  'deliverable.approved': 'deliverable.reviewed',
  'deliverable.changes_requested': 'deliverable.reviewed',
  'file.downloaded': 'file.downloaded',
  'deliverable.generated': 'deliverable.generated',
  'knowledge.taken': 'knowledge.taken',
  'knowledge.adapted': 'knowledge.adapted',
};

// Every other published action is stored under its own name (questionnaires, research, cases, 12345, 德治典型, 工作日志, 会诊).
for (const action of AUDIT_ACTIONS) if (!Object.values(WIRE_ACTIONS).includes(action)) WIRE_ACTIONS[action] = action;

const storedActionsOf = (wire: readonly AuditAction[]) => Object.entries(WIRE_ACTIONS).filter(([, action]) => wire.includes(action)).map(([stored]) => stored);
const ENTITY_TYPES = new Set<string>(AUDIT_ENTITY_TYPES);
const asSnapshot = (value: Prisma.JsonValue | null): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/**
 * A bound as PostgreSQL can take it: an instant in year 0 (valid ISO 8601, which PostgreSQL has
 * no year for) is the start of year 1, before which no event happened anyway.
 */
const EARLIEST = new Date('0001-01-01T00:00:00.000Z');
const storableInstant = (value: string): Date => {
  const instant = new Date(value);
  return instant < EARLIEST ? EARLIEST : instant;
};

export default async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const { db } = fastify;

  registerOperation(fastify, operations.listEngagementAudit, async (request) => {
    const { action, actorId, since, until, page, pageSize } = request.query;
    const where: Prisma.AuditEventWhereInput = {
      engagementId: request.params.id,
      action: { in: storedActionsOf(action ?? Object.values(WIRE_ACTIONS)) },
      entityType: { in: [...ENTITY_TYPES] },
      ...(actorId ? { actorId } : {}),
      ...(since || until ? { at: { ...(since ? { gte: storableInstant(since) } : {}), ...(until ? { lt: storableInstant(until) } : {}) } } : {}),
    };
    const [rows, total] = await Promise.all([
      db.auditEvent.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], skip: skipOf(page, pageSize), take: pageSize }),
      db.auditEvent.count({ where }),
    ]);
    const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id) => id !== null))];
    const actors = new Map((await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } })).map((user) => [user.id, user]));
    return pageOf(
      rows.map((row) => {
        const actor = row.actorId ? actors.get(row.actorId) : undefined;
        return {
          id: row.id.toString(),
          at: iso(row.at),
          actor: actor ? userRef(actor) : null,
          action: WIRE_ACTIONS[row.action]!,
          entity: { type: row.entityType as AuditEntityType, id: row.entityId.slice(0, 300) },
          before: asSnapshot(row.before),
          after: asSnapshot(row.after),
          requestId: requestIdOfAuditKey(row.key),
        };
      }),
      total,
      page,
      pageSize,
    );
  });
}
