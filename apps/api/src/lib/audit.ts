import { type DbClient, type InputJsonValue } from '@gongzhi/db';

/**
 * Audit events the API writes itself (sign-ins, user administration, tokens, uploads,
 * engagement edits); the workflow activities record task, review and lifecycle changes. Each
 * key is `api:<requestId>:<action>:<entityId>`, unique per effect, and is how the request id
 * travels with the event (the table has no column for it).
 */
export interface ApiAuditEvent {
  action: string;
  actorId: string | null;
  engagementId?: string | null;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

const API_KEY_PREFIX = 'api:';

export async function recordAudit(db: DbClient, requestId: string, event: ApiAuditEvent, at: Date = new Date()): Promise<void> {
  await db.auditEvent.createMany({
    data: [
      {
        key: `${API_KEY_PREFIX}${requestId}:${event.action}:${event.entityId}`,
        engagementId: event.engagementId ?? null,
        actorId: event.actorId,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId,
        // Absent snapshots are SQL NULL, not JSON null.
        before: event.before ? (event.before as InputJsonValue) : undefined,
        after: event.after ? (event.after as InputJsonValue) : undefined,
        at,
      },
    ],
    skipDuplicates: true,
  });
}

/** The request id of an event the API wrote; null for the workflow's events. */
export function requestIdOfAuditKey(key: string): string | null {
  if (!key.startsWith(API_KEY_PREFIX)) return null;
  return key.slice(API_KEY_PREFIX.length).split(':')[0] || null;
}
