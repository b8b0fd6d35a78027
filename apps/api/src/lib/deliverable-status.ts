import { type DeliverableStatus, type revisionStatusSchema } from '@gongzhi/contracts';
import { type z } from 'zod';

type RevisionStatus = z.infer<typeof revisionStatusSchema>;

export interface DeliverableState {
  status: 'draft' | 'submitted' | 'changes_requested' | 'approved';
  currentRevision: number;
  /** Whether any revision row exists (an uploaded draft counts). */
  hasRevisions: boolean;
}

/**
 * The wire status of a deliverable. The workflow writes submitted / changes_requested /
 * approved; an upload (the API's) marks it draft; `draft` with nothing uploaded is `none`.
 */
export function deliverableStatusOf(deliverable: DeliverableState): DeliverableStatus {
  if (deliverable.status === 'draft') return deliverable.hasRevisions ? 'draft' : 'none';
  return deliverable.status;
}

/**
 * A revision's status: rows above `currentRevision` are drafts not yet submitted (the API
 * writes them on upload, the workflow adopts them on completion); a reviewed revision carries
 * the partner's decision; the current one is under review or, without a review gate, released.
 */
export function revisionStatusOf(
  deliverable: { status: DeliverableState['status']; currentRevision: number },
  revision: { revision: number; reviewDecision: 'approved' | 'changes_requested' | null },
): RevisionStatus {
  if (revision.revision > deliverable.currentRevision) return 'draft';
  if (revision.reviewDecision) return revision.reviewDecision;
  if (revision.revision === deliverable.currentRevision) return deliverable.status === 'approved' ? 'approved' : 'submitted';
  return 'superseded';
}
