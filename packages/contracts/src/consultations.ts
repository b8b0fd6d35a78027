import { z } from 'zod';
import { CONSULTATION_LIMITS, CONSULTATION_STATUSES } from '@gongzhi/domain';
import {
  civilDateSchema,
  ENGAGEMENT_WRITE_ERRORS,
  engagementParamsSchema,
  engagementRefSchema,
  idempotencyKeySchema,
  idSchema,
  instantSchema,
  line,
  localizedTextSchema,
  pageOf,
  pageQueryShape,
  prose,
  userRefSchema,
} from './common';
import { defineOperation } from './operation';
import { FIRM_TEAM_ROLES } from './permissions';

// 会诊: a hard legal question put to several of the firm's lawyers; each gives an opinion and
// the partner or the PM concludes. One workflow per consultation (`consultation-<id>`) writes it,
// reminds at its deadline and, when asked, holds the task it was opened from until it concludes.

export const consultationStatusSchema = z.enum(CONSULTATION_STATUSES).meta({ id: 'ConsultationStatus', description: 'open 征求意见中, concluded 已形成结论, withdrawn 已撤回' });

const opinionSchema = z
  .object({ id: idSchema, author: userRefSchema, body: prose(CONSULTATION_LIMITS.opinion), givenAt: instantSchema })
  .strict()
  .meta({ id: 'ConsultationOpinion' });

export const consultationSchema = z
  .object({
    id: idSchema,
    engagementId: idSchema,
    topic: line(CONSULTATION_LIMITS.topic),
    question: prose(CONSULTATION_LIMITS.question),
    materials: prose(CONSULTATION_LIMITS.materials).meta({ description: 'The facts, documents and provisions the lawyers should read (may be empty)' }),
    dueOn: civilDateSchema.meta({ description: 'The day opinions are due: that morning those asked who have not answered, and the requester, are reminded' }),
    overdue: z.boolean().meta({ description: 'Still open after its due day' }),
    status: consultationStatusSchema,
    task: z
      .object({ id: idSchema, key: line(300), title: localizedTextSchema, status: line(40) })
      .strict()
      .nullable()
      .meta({ description: 'The task it was opened from, if any' }),
    holdsTask: z.boolean().meta({ description: 'The task cannot be completed while this consultation is open (409 `consultation_pending`)' }),
    requestedBy: userRefSchema,
    openedAt: instantSchema,
    invitees: z
      .array(z.object({ user: userRefSchema, answered: z.boolean() }).strict())
      .max(CONSULTATION_LIMITS.maxInvitees)
      .meta({ description: 'The lawyers asked for an opinion, and whether each has given one' }),
    opinions: z.array(opinionSchema).max(CONSULTATION_LIMITS.maxOpinions).meta({ description: 'Oldest first' }),
    conclusion: z
      .object({ text: prose(CONSULTATION_LIMITS.conclusion), by: userRefSchema, at: instantSchema })
      .strict()
      .nullable(),
    withdrawn: z
      .object({ at: instantSchema, by: userRefSchema.nullable(), reason: prose(CONSULTATION_LIMITS.reason) })
      .strict()
      .nullable(),
    can: z
      .object({ opine: z.boolean(), conclude: z.boolean(), withdraw: z.boolean() })
      .strict()
      .meta({ description: 'opine: the caller was asked (or is the partner or PM); conclude: the engagement’s partner or PM; withdraw: the requester, the PM or an administrator — each only while open' }),
  })
  .strict()
  .meta({ id: 'Consultation' });

export const consultationSummarySchema = z
  .object({
    id: idSchema,
    engagement: engagementRefSchema,
    topic: line(CONSULTATION_LIMITS.topic),
    question: prose(CONSULTATION_LIMITS.question),
    conclusion: prose(CONSULTATION_LIMITS.conclusion),
    concludedBy: userRefSchema.nullable().meta({ description: 'Null when that account has since been removed' }),
    concludedAt: instantSchema,
    opinions: z.number().int().min(0),
  })
  .strict()
  .meta({ id: 'ConsultationSummary', description: 'A concluded consultation as the firm’s know-how' });

const consultationParams = z.object({ id: idSchema, consultationId: idSchema }).strict();
const CONSULTATION_ERRORS = [...ENGAGEMENT_WRITE_ERRORS, 'consultation_closed'] as const;
const links = {
  giveConsultationOpinion: { operationId: 'giveConsultationOpinion', parameters: { id: '$response.body#/engagementId', consultationId: '$response.body#/id' } },
  concludeConsultation: { operationId: 'concludeConsultation', parameters: { id: '$response.body#/engagementId', consultationId: '$response.body#/id' } },
  withdrawConsultation: { operationId: 'withdrawConsultation', parameters: { id: '$response.body#/engagementId', consultationId: '$response.body#/id' } },
  getConsultation: { operationId: 'getConsultation', parameters: { id: '$response.body#/engagementId', consultationId: '$response.body#/id' } },
} as const;

export const listConsultations = defineOperation({
  id: 'listConsultations',
  method: 'GET',
  path: '/api/engagements/:id/consultations',
  tag: 'consultations',
  summary: { zh: '会诊列表', en: 'Consultations' },
  description: 'The engagement’s consultations, open ones first (then the most recent), at most 200. Filter by `task` (key) or `status`. The firm’s team only: a consultation is the firm’s internal deliberation.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: FIRM_TEAM_ROLES, admins: true },
  params: engagementParamsSchema,
  query: z.object({ task: line(300).optional(), status: consultationStatusSchema.optional() }).strict(),
  responses: {
    200: z
      .object({ items: z.array(consultationSchema).max(200), can: z.object({ open: z.boolean() }).strict() })
      .strict()
      .meta({ id: 'Consultations' }),
  },
});

export const openConsultation = defineOperation({
  id: 'openConsultation',
  method: 'POST',
  path: '/api/engagements/:id/consultations',
  tag: 'consultations',
  summary: { zh: '发起会诊', en: 'Open a consultation' },
  description: `A question put to lawyers of the engagement’s team (\`invitees\`: user ids of its lawyers, PM or partner, not the requester; 1–${CONSULTATION_LIMITS.maxInvitees}), with its materials and the day opinions are due (today to ${CONSULTATION_LIMITS.maxDueDays} days ahead). From a task (\`taskKey\`, open and of this engagement), \`holdsTask\` makes the task wait: it cannot be completed until the consultation is concluded or withdrawn. Those asked are notified. 422 names each field that does not fit. With \`idempotencyKey\`, a retry answers with the same consultation (201 again).`,
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: FIRM_TEAM_ROLES, admins: false },
  params: engagementParamsSchema,
  body: z
    .object({
      topic: line(CONSULTATION_LIMITS.topic),
      question: line(CONSULTATION_LIMITS.question),
      materials: prose(CONSULTATION_LIMITS.materials).optional(),
      invitees: z.array(idSchema).min(1).max(CONSULTATION_LIMITS.maxInvitees),
      dueOn: civilDateSchema,
      taskKey: line(300).optional(),
      holdsTask: z.boolean().optional().meta({ description: 'Only with taskKey; default false' }),
      idempotencyKey: idempotencyKeySchema.optional(),
    })
    .strict(),
  responses: { 201: consultationSchema },
  errors: [...ENGAGEMENT_WRITE_ERRORS, 'conflict'],
  links,
});

export const getConsultation = defineOperation({
  id: 'getConsultation',
  method: 'GET',
  path: '/api/engagements/:id/consultations/:consultationId',
  tag: 'consultations',
  summary: { zh: '会诊详情', en: 'A consultation' },
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: FIRM_TEAM_ROLES, admins: true },
  params: consultationParams,
  responses: { 200: consultationSchema },
});

export const giveConsultationOpinion = defineOperation({
  id: 'giveConsultationOpinion',
  method: 'POST',
  path: '/api/engagements/:id/consultations/:consultationId/opinions',
  tag: 'consultations',
  summary: { zh: '提出会诊意见', en: 'Give an opinion' },
  description: `A lawyer asked (or the engagement’s partner or PM) gives an opinion while the consultation is open; one may add to an earlier opinion with another (at most ${CONSULTATION_LIMITS.maxOpinions} in all). 409 \`consultation_closed\` once it is concluded or withdrawn. With \`idempotencyKey\`, a retry adds nothing (201 again).`,
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: FIRM_TEAM_ROLES, admins: false },
  params: consultationParams,
  body: z.object({ body: line(CONSULTATION_LIMITS.opinion), idempotencyKey: idempotencyKeySchema.optional() }).strict(),
  responses: { 201: consultationSchema },
  errors: [...CONSULTATION_ERRORS, 'conflict'],
});

export const concludeConsultation = defineOperation({
  id: 'concludeConsultation',
  method: 'POST',
  path: '/api/engagements/:id/consultations/:consultationId/conclusion',
  tag: 'consultations',
  summary: { zh: '形成会诊结论', en: 'Conclude a consultation' },
  description: 'The engagement’s partner or PM writes the conclusion; the consultation closes, a task it held may be completed, and the requester and those asked are notified. 409 `consultation_closed` once it is concluded or withdrawn.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'partner'], admins: false },
  params: consultationParams,
  body: z.object({ conclusion: line(CONSULTATION_LIMITS.conclusion) }).strict(),
  responses: { 200: consultationSchema },
  errors: [...CONSULTATION_ERRORS],
});

export const withdrawConsultation = defineOperation({
  id: 'withdrawConsultation',
  method: 'POST',
  path: '/api/engagements/:id/consultations/:consultationId/withdrawal',
  tag: 'consultations',
  summary: { zh: '撤回会诊', en: 'Withdraw a consultation' },
  description: 'The requester, the PM or an administrator withdraws an open consultation with a reason (the question answered elsewhere, put by mistake); a task it held may be completed. 409 `consultation_closed` once it is concluded or withdrawn.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: FIRM_TEAM_ROLES, admins: true },
  params: consultationParams,
  body: z.object({ reason: line(CONSULTATION_LIMITS.reason) }).strict(),
  responses: { 200: consultationSchema },
  errors: [...CONSULTATION_ERRORS],
});

export const searchConsultations = defineOperation({
  id: 'searchConsultations',
  method: 'GET',
  path: '/api/consultations',
  tag: 'consultations',
  summary: { zh: '检索会诊结论', en: 'Search concluded consultations' },
  description:
    'The firm’s know-how: concluded consultations of every engagement, the most recent first. `q` searches Chinese full text over the topic, question, materials, opinions and conclusion (every pair of adjacent characters of the query must occur). The firm’s staff only.',
  permission: { auth: 'role', roles: ['admin', 'pm', 'partner', 'lawyer'] },
  query: z.object({ q: line(100).optional(), ...pageQueryShape }).strict(),
  responses: { 200: pageOf(consultationSummarySchema) },
});
