import { type DeliverableStatus, type revisionStatusSchema } from '@gongzhi/contracts';
import { type DeliverableStatus as StoredDeliverableStatus, type ReviewOutcome } from '@gongzhi/domain';
import { type z } from 'zod';

type RevisionStatus = z.infer<typeof revisionStatusSchema>;

/**
 * The wire status of a deliverable. The workflow writes submitted / changes_requested /
 * approved; before the first submission it is `draft` once a file was uploaded, `none` before.
 */
export function deliverableStatusOf(deliverable: { status: StoredDeliverableStatus; hasUploads: boolean }): DeliverableStatus {
  if (deliverable.status === 'draft') return deliverable.hasUploads ? 'draft' : 'none';
  return deliverable.status;
}

/**
 * A revision's status: a reviewed revision carries the partner's decision; the current one is
 * under review or, without a review gate, released; earlier unreviewed ones were superseded.
 */
export function revisionStatusOf(
  deliverable: { status: StoredDeliverableStatus; currentRevision: number },
  revision: { revision: number; reviewDecision: ReviewOutcome | null },
): RevisionStatus {
  if (revision.reviewDecision) return revision.reviewDecision;
  if (revision.revision === deliverable.currentRevision) return deliverable.status === 'approved' ? 'approved' : 'submitted';
  return 'superseded';
}
