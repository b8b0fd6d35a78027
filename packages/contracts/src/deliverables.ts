import { z } from 'zod';
import { localizedTextSchema } from '@gongzhi/domain';
import {
  engagementRefSchema,
  idParamsSchema,
  idSchema,
  instantSchema,
  line,
  pageOf,
  pageQueryShape,
  placeSchema,
  prose,
  queryFlag,
  queryInt,
  queryList,
  stageRefSchema,
  userRefSchema,
} from './common';
import { deliverableKindSchema } from './domain-schemas';
import { defineOperation } from './operation';
import { ALL_TEAM_ROLES } from './permissions';

/**
 * A deliverable's state: `none` nothing uploaded yet, `draft` a revision uploaded but its task
 * not yet completed, `submitted` awaiting a partner's review, `changes_requested`, `approved`.
 */
export const deliverableStatusSchema = z.enum(['none', 'draft', 'submitted', 'changes_requested', 'approved']).meta({ id: 'DeliverableStatus' });
export type DeliverableStatus = z.infer<typeof deliverableStatusSchema>;

export const revisionStatusSchema = z.enum(['draft', 'submitted', 'changes_requested', 'approved', 'superseded']);

export const revisionSchema = z
  .object({
    /** 1, 2, 3… per deliverable. */
    revision: z.number().int().min(1),
    status: revisionStatusSchema,
    fileName: line(255),
    mimeType: line(200),
    sizeBytes: z.number().int().min(0),
    /** SHA-256 of the file, hex; the file is stored content-addressed under it. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    note: prose(2000).nullable(),
    uploadedBy: userRefSchema,
    uploadedAt: instantSchema,
  })
  .strict()
  .meta({ id: 'Revision' });

export const reviewDecisionSchema = z.enum(['approve', 'request_changes']);

export const reviewSchema = z
  .object({
    id: idSchema,
    revision: z.number().int().min(1),
    decision: reviewDecisionSchema,
    comment: prose(10_000).nullable(),
    reviewer: userRefSchema,
    at: instantSchema,
  })
  .strict()
  .meta({ id: 'Review' });

export const deliverableSummarySchema = z
  .object({
    id: idSchema,
    key: line(200),
    title: localizedTextSchema,
    kind: deliverableKindSchema,
    requiresReview: z.boolean(),
    status: deliverableStatusSchema,
    engagement: engagementRefSchema,
    stage: stageRefSchema,
    community: placeSchema.nullable(),
    department: placeSchema.nullable(),
    task: z.object({ id: idSchema, title: localizedTextSchema, assignee: userRefSchema }).strict(),
    latestRevision: z.number().int().min(1).nullable(),
    /** When the revision now under review was submitted; null unless `submitted`. */
    submittedAt: instantSchema.nullable(),
    updatedAt: instantSchema,
  })
  .strict()
  .meta({ id: 'DeliverableSummary' });

export const deliverableDetailSchema = deliverableSummarySchema
  .extend({
    /** Newest first. Clients see approved revisions only. */
    revisions: z.array(revisionSchema).max(200),
    /** Newest first. */
    reviews: z.array(reviewSchema).max(200),
    /** What the caller may do now, so the page shows only working buttons. */
    can: z.object({ uploadRevision: z.boolean(), review: z.boolean() }).strict(),
  })
  .strict()
  .meta({ id: 'DeliverableDetail' });

export const listDeliverablesQuerySchema = z
  .object({
    /** Submitted deliverables of engagements where the caller is the partner. */
    awaitingMyReview: queryFlag().optional(),
    engagementId: idSchema.optional(),
    status: queryList(deliverableStatusSchema, 5).optional(),
    sort: z.enum(['submittedAt', '-submittedAt', 'updatedAt', '-updatedAt']).default('-updatedAt'),
    ...pageQueryShape,
  })
  .strict();

export const listDeliverables = defineOperation({
  id: 'listDeliverables',
  method: 'GET',
  path: '/api/deliverables',
  tag: 'deliverables',
  summary: { zh: '成果列表（含待我审阅）', en: 'List deliverables (incl. awaiting my review)' },
  description: 'The review queue is `?awaitingMyReview=true&sort=submittedAt` (oldest first).',
  permission: { auth: 'user', rules: ['member-engagements-only', 'client-sees-approved-only'] },
  query: listDeliverablesQuerySchema,
  responses: { 200: pageOf(deliverableSummarySchema) },
});

export const getDeliverable = defineOperation({
  id: 'getDeliverable',
  method: 'GET',
  path: '/api/deliverables/:id',
  tag: 'deliverables',
  summary: { zh: '成果详情（版本与审阅意见）', en: 'Deliverable with revisions and reviews' },
  permission: { auth: 'engagement', resource: 'deliverable', teamRoles: ALL_TEAM_ROLES, admins: true, rules: ['client-sees-approved-only'] },
  params: idParamsSchema,
  responses: { 200: deliverableDetailSchema },
});

/** What uploads accept: the kinds templates ask for, as Chinese offices exchange them. */
export const UPLOAD_LIMITS = {
  maxBytes: 50 * 1024 * 1024,
  mimeTypes: [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/pdf',
    'application/msword',
    'application/vnd.ms-excel',
    'image/png',
    'image/jpeg',
    'application/zip',
  ],
} as const;

export const uploadRevisionBodySchema = z
  .object({
    file: z.file().min(1).max(UPLOAD_LIMITS.maxBytes).mime([...UPLOAD_LIMITS.mimeTypes]),
    note: prose(2000).optional(),
  })
  .strict()
  .meta({ id: 'UploadRevisionBody', description: 'multipart/form-data: a `file` part and an optional `note` field' });

export const uploadDeliverableRevision = defineOperation({
  id: 'uploadDeliverableRevision',
  method: 'POST',
  path: '/api/deliverables/:id/revisions',
  tag: 'deliverables',
  summary: { zh: '上传成果新版本', en: 'Upload a new revision' },
  description:
    'multipart/form-data with a `file` part (≤ 50 MB, Office/PDF/image/zip) and an optional `note`. Stores the file content-addressed and records its SHA-256; the revision is a `draft` until its task is completed (`completeTask`), which submits it for review.',
  permission: { auth: 'engagement', resource: 'deliverable', teamRoles: ['pm', 'lawyer'], admins: false, rules: ['assignee-or-pm'] },
  params: idParamsSchema,
  body: uploadRevisionBodySchema,
  requestEncoding: 'multipart',
  responses: { 201: revisionSchema },
  errors: ['not_assignee', 'task_not_open', 'engagement_not_running'],
});

export const downloadRevisionParamsSchema = z.object({ id: idSchema, rev: queryInt(1, 10_000) }).strict();

export const downloadDeliverableRevision = defineOperation({
  id: 'downloadDeliverableRevision',
  method: 'GET',
  path: '/api/deliverables/:id/revisions/:rev/file',
  tag: 'deliverables',
  summary: { zh: '下载成果文件', en: 'Download a revision’s file' },
  description: 'The file itself, with Content-Disposition carrying its name (RFC 5987 for Chinese names).',
  permission: { auth: 'engagement', resource: 'deliverable', teamRoles: ALL_TEAM_ROLES, admins: true, rules: ['client-sees-approved-only'] },
  params: downloadRevisionParamsSchema,
  responseEncoding: 'binary',
  responses: { 200: z.file().meta({ description: 'The file bytes' }) },
});

const reviewBase = { revision: z.number().int().min(1) };
export const reviewBodySchema = z
  .discriminatedUnion('decision', [
    z.object({ ...reviewBase, decision: z.literal('approve'), comment: prose(10_000).optional() }).strict(),
    z.object({ ...reviewBase, decision: z.literal('request_changes'), comment: line(10_000) }).strict(),
  ])
  .meta({ id: 'ReviewBody', description: 'Approve, or request changes with a comment (required then)' });

export const reviewDeliverable = defineOperation({
  id: 'reviewDeliverable',
  method: 'POST',
  path: '/api/deliverables/:id/reviews',
  tag: 'deliverables',
  summary: { zh: '审阅成果（通过或退回修改）', en: 'Review a deliverable (approve or request changes)' },
  description:
    'Only the engagement’s partner. `revision` must be the one under review (409 `stale_revision` otherwise); answers after the workflow accepted the decision.',
  permission: { auth: 'engagement', resource: 'deliverable', teamRoles: ['partner'], admins: false },
  params: idParamsSchema,
  body: reviewBodySchema,
  responses: { 201: deliverableDetailSchema },
  errors: ['not_reviewer', 'task_not_in_review', 'stale_revision', 'engagement_not_running', 'conflict'],
});
