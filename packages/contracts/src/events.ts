import { z } from 'zod';
import { idParamsSchema, idSchema, instantSchema, line } from './common';
import { deliverableStatusSchema } from './deliverables';
import { planKeySchema, taskStatusSchema } from './domain-schemas';
import { engagementStatusSchema, stageStatusSchema } from './engagements';
import { questionnaireStatusSchema } from './research';
import { defineOperation } from './operation';
import { ALL_TEAM_ROLES } from './permissions';

const envelope = { engagementId: idSchema, at: instantSchema };

/**
 * One server-sent event: the SSE `event:` line carries `type`, `data:` this JSON, `id:` a
 * monotonically increasing cursor (send it back as `Last-Event-ID` to resume). The data say
 * what changed; the dashboard refetches the affected queries.
 */
export const engagementEventSchema = z
  .discriminatedUnion('type', [
    z
      .object({
        ...envelope,
        type: z.literal('task.updated'),
        data: z.object({ taskId: idSchema, status: taskStatusSchema, assigneeId: idSchema }).strict(),
      })
      .strict(),
    z
      .object({ ...envelope, type: z.literal('stage.updated'), data: z.object({ stageKey: line(100), status: stageStatusSchema }).strict() })
      .strict(),
    z
      .object({
        ...envelope,
        type: z.literal('deliverable.updated'),
        data: z.object({ deliverableId: idSchema, status: deliverableStatusSchema, revision: z.number().int().min(1).nullable() }).strict(),
      })
      .strict(),
    z
      .object({
        ...envelope,
        type: z.literal('questionnaire.updated'),
        data: z.object({ questionnaireId: idSchema, status: questionnaireStatusSchema, version: z.number().int().min(1), responses: z.number().int().min(0) }).strict(),
      })
      .strict(),
    z
      .object({ ...envelope, type: z.literal('research.updated'), data: z.object({ sessionId: idSchema, version: z.number().int().min(1) }).strict() })
      .strict(),
    /** A community's profile (社区概况) was saved: `community` is its key. */
    z
      .object({ ...envelope, type: z.literal('profile.updated'), data: z.object({ community: planKeySchema, version: z.number().int().min(1) }).strict() })
      .strict(),
    /** A community problem case moved (an action, or time: an observation over, a deadline passed). */
    z
      .object({
        ...envelope,
        type: z.literal('case.updated'),
        data: z.object({ caseId: idSchema, version: z.number().int().min(1), step: z.string().max(40), supervision: z.enum(['normal', 'yellow', 'red']), status: z.enum(['open', 'resolved', 'withdrawn']) }).strict(),
      })
      .strict(),
    /** The street's 12345 figures changed: a month imported (`month`) or their settings saved (`month` null). */
    z
      .object({ ...envelope, type: z.literal('hotline.updated'), data: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/).nullable() }).strict() })
      .strict(),
    z.object({ ...envelope, type: z.literal('engagement.updated'), data: z.object({ status: engagementStatusSchema }).strict() }).strict(),
    /** For the user holding the stream: a new notification. */
    z.object({ ...envelope, type: z.literal('notification'), data: z.object({ notificationId: idSchema }).strict() }).strict(),
  ])
  .meta({ id: 'EngagementEvent' });
export type EngagementEvent = z.infer<typeof engagementEventSchema>;
export const ENGAGEMENT_EVENT_TYPES = engagementEventSchema.options.map((option) => option.shape.type.value);

export const streamEngagementEvents = defineOperation({
  id: 'streamEngagementEvents',
  method: 'GET',
  path: '/api/engagements/:id/events',
  tag: 'events',
  summary: { zh: '项目实时事件（SSE）', en: 'Engagement live events (SSE)' },
  description:
    'text/event-stream. Each message: `id: <cursor>`, `event: <type>`, `data: <EngagementEvent JSON>`; a `: ping` comment every 25 s keeps proxies open. Send `Last-Event-ID` to resume. The stream ends when the access it was opened with ends: sign-out, a password change or reset, a disabled account, a revoked or expired token, removal from the team (checked every few seconds, across API processes). A user may hold a few streams at once per API process (5 by default); beyond that 429 `rate_limited`.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true },
  params: idParamsSchema,
  responseEncoding: 'event-stream',
  responses: { 200: engagementEventSchema },
});
