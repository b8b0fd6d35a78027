import { type Prisma } from '@gongzhi/db';
import { type deliverableDetailSchema, type deliverableSummarySchema } from '@gongzhi/contracts';
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
  revisions: { select: { revision: true }, orderBy: { revision: 'desc' }, take: 1 },
} satisfies Prisma.DeliverableInclude;

export const deliverableDetailInclude = {
  ...deliverableSummaryInclude,
  task: { select: { ...deliverableSummaryInclude.task.select, status: true, assigneeId: true, engagement: { select: { status: true } } } },
  revisions: {
    include: { submittedBy: { select: { id: true, displayName: true } }, review: { select: { decision: true } } },
    orderBy: { revision: 'desc' },
  },
} satisfies Prisma.DeliverableInclude;

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
  const status = deliverableStatusOf({ status: row.status, currentRevision: row.currentRevision, hasRevisions: newest !== null });
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
    submittedAt: row.status === 'submitted' ? iso(row.updatedAt) : null,
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
      uploadedBy: userRef(revision.submittedBy),
      uploadedAt: iso(revision.submittedAt),
    }));
  const visible = new Set(revisions.map((revision) => revision.revision));
  return {
    ...toDeliverableSummary(row, options),
    revisions,
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
