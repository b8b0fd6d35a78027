import { type Prisma } from '@gongzhi/db';
import { type deliverableDetailSchema, type deliverableSummarySchema, type generationSchema, type uploadSchema } from '@gongzhi/contracts';
import { type z } from 'zod';
import { deliverableStatusOf, revisionStatusOf } from '../lib/deliverable-status';
import { iso, text, userRef } from './common';

export const deliverableSummaryInclude = {
  engagement: { select: { id: true, name: true } },
  task: {
    select: {
      id: true,
      titleZh: true,
      titleEn: true,
      assignee: { select: { id: true, displayName: true } },
      stage: { select: { key: true, titleZh: true, titleEn: true } },
      community: { select: { key: true, name: true } },
      department: { select: { key: true, name: true } },
    },
  },
  revisions: { select: { revision: true, submittedAt: true }, orderBy: { revision: 'desc' }, take: 1 },
  uploads: { select: { uploadedAt: true }, orderBy: { uploadedAt: 'desc' }, take: 1 },
} satisfies Prisma.DeliverableInclude;

const uploadInclude = { uploadedBy: { select: { id: true, displayName: true } } } satisfies Prisma.DeliverableUploadInclude;
export type UploadRow = Prisma.DeliverableUploadGetPayload<{ include: typeof uploadInclude }>;
export type Upload = z.output<typeof uploadSchema>;

export const deliverableDetailInclude = {
  ...deliverableSummaryInclude,
  task: { select: { ...deliverableSummaryInclude.task.select, status: true, assigneeId: true, engagement: { select: { status: true } } } },
  revisions: {
    include: { submittedBy: { select: { id: true, displayName: true } }, review: { select: { decision: true } } },
    orderBy: { revision: 'desc' },
  },
  uploads: { include: uploadInclude, orderBy: { uploadedAt: 'desc' }, take: 50 },
  generated: { include: { createdBy: { select: { id: true, displayName: true } }, upload: { include: uploadInclude } }, orderBy: { createdAt: 'desc' }, take: 20 },
} satisfies Prisma.DeliverableInclude;

export type GenerationRow = Prisma.GeneratedDocumentGetPayload<{ include: { createdBy: { select: { id: true; displayName: true } }; upload: { include: typeof uploadInclude } } }>;
export type Generation = z.output<typeof generationSchema>;

export function toGeneration(row: GenerationRow): Generation {
  return {
    id: row.id,
    deliverableId: row.deliverableId!,
    kind: row.kind as Generation['kind'],
    format: row.format as Generation['format'],
    status: row.status,
    progress: row.progress,
    step: row.step,
    error: row.error,
    upload: row.upload ? toUpload(row.upload) : null,
    requestedBy: row.createdBy ? userRef(row.createdBy) : null,
    createdAt: iso(row.createdAt),
    finishedAt: row.finishedAt ? iso(row.finishedAt) : null,
  };
}

export const toUpload = (row: UploadRow): Upload => ({
  sha256: row.sha256,
  fileName: row.fileName,
  mimeType: row.mimeType,
  sizeBytes: row.sizeBytes,
  uploadedBy: userRef(row.uploadedBy),
  uploadedAt: iso(row.uploadedAt),
});

export type DeliverableSummaryRow = Prisma.DeliverableGetPayload<{ include: typeof deliverableSummaryInclude }>;
export type DeliverableDetailRow = Prisma.DeliverableGetPayload<{ include: typeof deliverableDetailInclude }>;
export type DeliverableSummary = z.output<typeof deliverableSummarySchema>;
export type DeliverableDetail = z.output<typeof deliverableDetailSchema>;
export type ReviewRow = Prisma.ReviewGetPayload<{ include: { reviewer: { select: { id: true; displayName: true } } } }>;

/**
 * `approvedOnly` (clients): the newest revision they may see is the approved current one; the
 * route has already refused them deliverables that are not approved.
 */
export function toDeliverableSummary(row: DeliverableSummaryRow | DeliverableDetailRow, options: { approvedOnly: boolean }): DeliverableSummary {
  const newest = row.revisions[0]?.revision ?? null;
  const status = deliverableStatusOf({ status: row.status, hasUploads: row.uploads.length > 0 });
  return {
    id: row.id,
    key: row.key,
    title: text(row.titleZh, row.titleEn),
    kind: row.kind,
    requiresReview: row.requiresReview,
    status,
    engagement: { id: row.engagement.id, name: row.engagement.name },
    stage: { key: row.task.stage.key, title: text(row.task.stage.titleZh, row.task.stage.titleEn) },
    community: row.task.community ? { key: row.task.community.key, name: row.task.community.name } : null,
    department: row.task.department ? { key: row.task.department.key, name: row.task.department.name } : null,
    task: { id: row.task.id, title: text(row.task.titleZh, row.task.titleEn), assignee: userRef(row.task.assignee) },
    latestRevision: options.approvedOnly ? (row.currentRevision > 0 ? row.currentRevision : null) : newest,
    // The workflow writes `submitted` as its last change to the row while the review is pending.
    submittedAt: row.status === 'submitted' && row.revisions[0] ? iso(row.revisions[0].submittedAt) : null,
    updatedAt: iso(row.updatedAt),
  };
}

export function toDeliverableDetail(
  row: DeliverableDetailRow,
  reviews: ReviewRow[],
  options: { approvedOnly: boolean; can: DeliverableDetail['can'] },
): DeliverableDetail {
  const revisions = row.revisions
    .map((revision) => ({ revision, status: revisionStatusOf(row, { revision: revision.revision, reviewDecision: revision.review?.decision ?? null }) }))
    .filter(({ status }) => !options.approvedOnly || status === 'approved')
    .map(({ revision, status }) => ({
      revision: revision.revision,
      status,
      fileName: revision.fileName,
      mimeType: revision.mimeType,
      sizeBytes: revision.sizeBytes,
      sha256: revision.sha256,
      note: revision.note,
      submittedBy: userRef(revision.submittedBy),
      submittedAt: iso(revision.submittedAt),
    }));
  const visible = new Set(revisions.map((revision) => revision.revision));
  // Files received since the last submission: what the next completion may name.
  const lastSubmittedAt = row.revisions[0]?.submittedAt.getTime() ?? 0;
  return {
    ...toDeliverableSummary(row, options),
    revisions,
    uploads: options.approvedOnly ? [] : row.uploads.filter((upload) => upload.uploadedAt.getTime() > lastSubmittedAt).map(toUpload),
    generations: options.approvedOnly ? [] : row.generated.map(toGeneration),
    reviews: reviews
      .filter((review) => !options.approvedOnly || (review.decision === 'approved' && visible.has(review.revision)))
      .map((review) => ({
        id: review.id,
        revision: review.revision,
        decision: review.decision === 'approved' ? 'approve' : 'request_changes',
        comment: review.comment,
        reviewer: userRef(review.reviewer),
        at: iso(review.createdAt),
      })),
    can: options.can,
  };
}
