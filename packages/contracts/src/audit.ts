import { z } from 'zod';
import { CASE_EVENT_KINDS } from '@gongzhi/domain';
import { idParamsSchema, idSchema, instantSchema, line, pageOf, pageQueryShape, queryList, userRefSchema } from './common';
import { defineOperation } from './operation';

export const AUDIT_ACTIONS = [
  'engagement.created',
  'engagement.updated',
  'engagement.paused',
  'engagement.resumed',
  'engagement.cancelled',
  'engagement.completed',
  'stage.opened',
  'stage.completed',
  'stage.cancelled',
  'task.activated',
  'task.assigned',
  'task.completed',
  'task.cancelled',
  'deliverable.file_uploaded',
  'deliverable.submitted',
  'deliverable.reviewed',
  'deliverable.generated',
  'knowledge.taken',
  'knowledge.adapted',
  'questionnaire.created',
  'questionnaire.revised',
  'questionnaire.closed',
  'questionnaire.links_issued',
  'questionnaire.response_entered',
  'research.session_recorded',
  'research.session_revised',
  'research.problem_tagged',
  'research.profile_saved',
  ...CASE_EVENT_KINDS.map((kind) => `case.${kind}` as const),
  'case.settings_saved',
  'hotline.import_staged',
  'hotline.month_imported',
  'hotline.settings_saved',
  'model_household.recorded',
  'model_household.withdrawn',
  'work_log.logged',
  'work_log.shared',
  'work_log.unshared',
  'work_log.withdrawn',
  'consultation.opened',
  'consultation.opinion_given',
  'consultation.concluded',
  'consultation.withdrawn',
  'adoption.opened',
  'adoption.notice_ended',
  'adoption.meeting_recorded',
  'adoption.renoticed',
  'adoption.filed',
  'adoption.withdrawn',
  'adoption.comment_links_issued',
  'adoption.comments_received',
  'adoption.comment_answered',
  'file.downloaded',
] as const;
/** What an engagement's trail records events about. */
export const AUDIT_ENTITY_TYPES = ['engagement', 'stage', 'task', 'deliverable', 'knowledge_entry', 'questionnaire', 'research_session', 'community_problem', 'community', 'problem_case', 'hotline_import', 'model_household', 'work_log_entry', 'consultation', 'adoption'] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export const auditActionSchema = z.enum(AUDIT_ACTIONS).meta({ id: 'AuditAction' });

/** A JSON object snapshot of the changed fields; values are whatever the entity holds. */
const snapshotSchema = z.record(z.string().max(200), z.unknown());

export const auditEventSchema = z
  .object({
    /** The event's position in the append-only log (a decimal integer, increasing): not a UUID. */
    id: z.string().regex(/^[1-9][0-9]{0,18}$/),
    at: instantSchema,
    /** Null when the system acted (a timer, the workflow). */
    actor: userRefSchema.nullable(),
    action: auditActionSchema,
    entity: z.object({ type: z.enum(AUDIT_ENTITY_TYPES), id: line(300) }).strict(),
    /** The changed fields before and after; null on creation or deletion respectively. */
    before: snapshotSchema.nullable(),
    after: snapshotSchema.nullable(),
    requestId: line(100).nullable(),
  })
  .strict()
  .meta({ id: 'AuditEvent' });

export const listAuditQuerySchema = z
  .object({
    action: queryList(auditActionSchema, AUDIT_ACTIONS.length).optional(),
    actorId: idSchema.optional(),
    /** At or after this instant. */
    since: instantSchema.optional(),
    /** Before this instant. */
    until: instantSchema.optional(),
    ...pageQueryShape,
  })
  .strict();

export const listEngagementAudit = defineOperation({
  id: 'listEngagementAudit',
  method: 'GET',
  path: '/api/engagements/:id/audit',
  tag: 'audit',
  summary: { zh: '项目审计记录', en: 'Engagement audit trail' },
  description: 'Every state change of the engagement: who, what, when, before/after. Newest first.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'partner', 'lawyer'], admins: true },
  params: idParamsSchema,
  query: listAuditQuerySchema,
  responses: { 200: pageOf(auditEventSchema) },
});
