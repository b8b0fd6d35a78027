import { z } from 'zod';
import { DELIVERABLE_STATUSES, GENERATED_DOCUMENT_KINDS, GENERATION_STATUSES, REVIEW_DECISIONS, localizedTextSchema } from '@gongzhi/domain';
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
import { defineOperation, linksById } from './operation';
import { ALL_TEAM_ROLES } from './permissions';

/**
 * A deliverable's state: `none` nothing uploaded yet, `draft` a file uploaded but nothing
 * submitted yet, `submitted` awaiting a partner's review, `changes_requested`, `approved`.
 */
export const deliverableStatusSchema = z.enum(['none', ...DELIVERABLE_STATUSES]).meta({ id: 'DeliverableStatus' });
export type DeliverableStatus = z.infer<typeof deliverableStatusSchema>;

/** A revision is submitted for review, sent back, approved, or superseded by a later one. */
export const revisionStatusSchema = z.enum(['submitted', 'changes_requested', 'approved', 'superseded']).meta({ id: 'RevisionStatus' });

/** SHA-256 of a file's bytes, lower-case hex: the file's identity in the content-addressed store. */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/).meta({ id: 'Sha256', description: 'SHA-256 of the file, 64 lower-case hex digits' });

export const revisionSchema = z
  .object({
    /** 1, 2, 3… per deliverable, numbered by the workflow when it accepts a submission. */
    revision: z.number().int().min(1),
    status: revisionStatusSchema,
    fileName: line(255),
    mimeType: line(200),
    sizeBytes: z.number().int().min(0),
    /** What was submitted, reviewed and downloaded: a revision's content never changes. */
    sha256: sha256Schema,
    note: prose(2000).nullable(),
    submittedBy: userRefSchema,
    submittedAt: instantSchema,
  })
  .strict()
  .meta({ id: 'Revision' });

/** A file received for a deliverable, not yet submitted: the next completion names it by `sha256`. */
export const uploadSchema = z
  .object({
    sha256: sha256Schema,
    fileName: line(255),
    /** Decided by the server from the file's name and bytes. */
    mimeType: line(200),
    sizeBytes: z.number().int().min(0),
    uploadedBy: userRefSchema,
    uploadedAt: instantSchema,
  })
  .strict()
  .meta({ id: 'Upload' });

export const reviewDecisionSchema = z.enum(REVIEW_DECISIONS);

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

/** A draft Gongzhi writes for a deliverable from the engagement's data and knowledge base. */
export const generationSchema = z
  .object({
    id: idSchema,
    deliverableId: idSchema,
    kind: z.enum(GENERATED_DOCUMENT_KINDS),
    format: z.enum(['docx', 'xlsx']),
    status: z.enum(GENERATION_STATUSES).meta({ description: '`running`, `done` (its file is offered as an upload), `failed` (`error` says why)' }),
    /** 0–100. */
    progress: z.number().int().min(0).max(100),
    /** What it is doing now, in Chinese: 读取项目知识库, 排版行权手册（22 项职权）… */
    step: line(300).nullable(),
    error: line(1000).nullable(),
    /** The draft, once done: submit it by `sha256` (or upload an edited version instead). */
    upload: uploadSchema.nullable(),
    requestedBy: userRefSchema.nullable(),
    createdAt: instantSchema,
    finishedAt: instantSchema.nullable(),
  })
  .strict()
  .meta({ id: 'DocumentGeneration' });

export const deliverableDetailSchema = deliverableSummarySchema
  .extend({
    /** Newest first. Clients see approved revisions only. */
    revisions: z.array(revisionSchema).max(200),
    /** Files uploaded since the last submission, newest first (the team only; empty for clients). */
    uploads: z.array(uploadSchema).max(50),
    /** Newest first. */
    reviews: z.array(reviewSchema).max(200),
    /** Drafts generated for this deliverable, newest first (the team only; empty for clients). */
    generations: z.array(generationSchema).max(20),
    /** What the caller may do now, so the page shows only working buttons. */
    can: z.object({ upload: z.boolean(), review: z.boolean(), generate: z.boolean() }).strict(),
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
  links: {
    ...linksById('$response.body#/items/0/id', ['getDeliverable', 'uploadDeliverableFile', 'reviewDeliverable']),
    downloadDeliverableRevision: {
      operationId: 'downloadDeliverableRevision',
      parameters: { id: '$response.body#/items/0/id', rev: '$response.body#/items/0/latestRevision' },
    },
  },
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
  // What may be done with it, its latest revision's file, and its task.
  links: {
    ...linksById('$response.body#/id', ['uploadDeliverableFile', 'reviewDeliverable']),
    downloadDeliverableRevision: { operationId: 'downloadDeliverableRevision', parameters: { id: '$response.body#/id', rev: '$response.body#/revisions/0/revision' } },
    getTask: { operationId: 'getTask', parameters: { id: '$response.body#/task/id' } },
  },
});

/**
 * What uploads accept, as Chinese offices exchange them. The type is judged by the server from the
 * extension, the leading bytes and, for Office files, the package's declared content types; what
 * a deliverable of each kind accepts is `DELIVERABLE_FILE_EXTENSIONS`.
 */
export const UPLOAD_LIMITS = {
  maxBytes: 50 * 1024 * 1024,
  extensions: ['.docx', '.doc', '.xlsx', '.xls', '.pptx', '.ppt', '.pdf', '.png', '.jpg', '.jpeg', '.zip'],
} as const;

/** The extensions a deliverable of each kind accepts (`any`: evidence such as photos and scans too). */
export const DELIVERABLE_FILE_EXTENSIONS = {
  docx: ['.docx', '.doc'],
  xlsx: ['.xlsx', '.xls'],
  pptx: ['.pptx', '.ppt'],
  pdf: ['.pdf'],
  any: [...UPLOAD_LIMITS.extensions],
} as const satisfies Record<z.infer<typeof deliverableKindSchema>, readonly string[]>;

export const uploadFileBodySchema = z
  .object({ file: z.file().min(1).max(UPLOAD_LIMITS.maxBytes) })
  .strict()
  .meta({ id: 'UploadFileBody', description: 'multipart/form-data: one `file` part' });

export const uploadDeliverableFile = defineOperation({
  id: 'uploadDeliverableFile',
  method: 'POST',
  path: '/api/deliverables/:id/uploads',
  tag: 'deliverables',
  summary: { zh: '上传成果文件', en: 'Upload a file for a deliverable' },
  description:
    'multipart/form-data with one `file` part (≤ 50 MB). The file must be of the deliverable’s kind, judged by its extension, its bytes and (Office files) its declared content types; web pages, SVG and scripts are refused whatever their bytes (415). Stores the bytes content-addressed and answers with their SHA-256. Nothing is submitted: `completeTask` names the file by `sha256`, and only then does the workflow create the next revision. Uploading never changes a submitted revision.',
  permission: { auth: 'engagement', resource: 'deliverable', teamRoles: ['pm', 'lawyer'], admins: false, rules: ['assignee-or-pm'] },
  params: idParamsSchema,
  body: uploadFileBodySchema,
  requestEncoding: 'multipart',
  responses: { 201: uploadSchema },
  errors: ['not_assignee', 'task_not_open', 'engagement_not_running', 'unsupported_media_type', 'payload_too_large'],
});

export const generateDeliverableDocument = defineOperation({
  id: 'generateDeliverableDocument',
  method: 'POST',
  path: '/api/deliverables/:id/generations',
  tag: 'deliverables',
  summary: { zh: '生成文稿', en: 'Generate a draft' },
  description:
    'Drafts the deliverable (项目法律服务方案, 调研报告, 行权手册, 职权梳理表, 违法行为查处职权部门清单, 职权法律法规汇编, 联动执法方案, 居民公约草案, 公开信, 社区规范管理自治手册, 项目总结报告) from the engagement’s plan, records, team and its copy of the knowledge base (the handbook from the community’s profile, `saveCommunityProfile`; without one the generation fails saying so), on a worker. Answers 201 once the request is recorded; follow `progress` on the deliverable (its `generations`). When done, the draft is offered as an upload: nothing is submitted until `completeTask` names its `sha256`, so the partner reviews it like any revision. 422 `no_generator` for deliverables Gongzhi cannot draft.',
  permission: { auth: 'engagement', resource: 'deliverable', teamRoles: ['pm', 'lawyer'], admins: false, rules: ['assignee-or-pm'] },
  params: idParamsSchema,
  body: z.object({}).strict().meta({ id: 'GenerateDocumentBody' }),
  responses: { 201: generationSchema },
  errors: ['not_assignee', 'task_not_open', 'engagement_not_running', 'no_generator', 'temporarily_unavailable'],
});

export const downloadGenerationParamsSchema = z.object({ id: idSchema, generationId: idSchema }).strict();

export const downloadGeneratedDocument = defineOperation({
  id: 'downloadGeneratedDocument',
  method: 'GET',
  path: '/api/deliverables/:id/generations/:generationId/file',
  tag: 'deliverables',
  summary: { zh: '下载生成的文稿', en: 'Download a generated draft' },
  description: 'The generated file, checked against its SHA-256 before it is sent. 404 until the generation is done.',
  permission: { auth: 'engagement', resource: 'deliverable', teamRoles: ['pm', 'partner', 'lawyer'], admins: true },
  params: downloadGenerationParamsSchema,
  responseEncoding: 'binary',
  responses: { 200: z.file().meta({ description: 'The file bytes' }) },
});

export const downloadRevisionParamsSchema = z.object({ id: idSchema, rev: queryInt(1, 10_000) }).strict();

export const downloadDeliverableRevision = defineOperation({
  id: 'downloadDeliverableRevision',
  method: 'GET',
  path: '/api/deliverables/:id/revisions/:rev/file',
  tag: 'deliverables',
  summary: { zh: '下载成果文件', en: 'Download a revision’s file' },
  description:
    'The file itself, with Content-Disposition carrying its name (RFC 5987 for Chinese names). The stored bytes are checked against the revision’s SHA-256 before anything is sent: a file that no longer matches is never served (500).',
  permission: { auth: 'engagement', resource: 'deliverable', teamRoles: ALL_TEAM_ROLES, admins: true, rules: ['client-sees-approved-only'] },
  params: downloadRevisionParamsSchema,
  responseEncoding: 'binary',
  responses: { 200: z.file().meta({ description: 'The file bytes' }) },
});

export const downloadDeliverableRevisionPdf = defineOperation({
  id: 'downloadDeliverableRevisionPdf',
  method: 'GET',
  path: '/api/deliverables/:id/revisions/:rev/pdf',
  tag: 'deliverables',
  summary: { zh: '下载成果文件的 PDF 版本', en: 'Download a revision as PDF' },
  description:
    'The revision’s Word or Excel file converted to PDF by LibreOffice on a worker (the first request converts it, later ones get the same file). 422 `not_convertible` for other kinds of file; 503 `temporarily_unavailable` when no worker can convert it now.',
  permission: { auth: 'engagement', resource: 'deliverable', teamRoles: ALL_TEAM_ROLES, admins: true, rules: ['client-sees-approved-only'] },
  params: downloadRevisionParamsSchema,
  responseEncoding: 'binary',
  responses: { 200: z.file().meta({ description: 'The PDF' }) },
  errors: ['not_convertible', 'temporarily_unavailable'],
});

const reviewBase = {
  revision: z.number().int().min(1),
  /** The SHA-256 of the revision as the reviewer read it: a decision applies to that content only. */
  sha256: sha256Schema,
};
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
    'Only the engagement’s partner. `revision` and its `sha256` must be the ones under review (409 `stale_revision` otherwise); answers after the workflow accepted the decision.',
  permission: { auth: 'engagement', resource: 'deliverable', teamRoles: ['partner'], admins: false },
  params: idParamsSchema,
  body: reviewBodySchema,
  responses: { 201: deliverableDetailSchema },
  errors: ['not_reviewer', 'task_not_in_review', 'stale_revision', 'engagement_not_running', 'conflict', 'temporarily_unavailable', 'engagement_needs_attention'],
});
