import { type EngagementPlan, type KnowledgeKind } from '@gongzhi/domain';
import {
  type AdaptKnowledgeResult,
  type EngagementDetails,
  type EngagementStatus,
  type KnowledgeChangedInput,
  type StageStatus,
  type SubmittedFile,
  type TakeKnowledgeResult,
} from '../workflows/definitions';

export interface MaterializeEngagementInput {
  engagementId: string;
  workflowId: string;
  details: EngagementDetails;
  plan: EngagementPlan;
}

export interface RecordTaskCompletionInput {
  engagementId: string;
  taskKey: string;
  actorId: string;
  formData: Record<string, unknown>;
  file: SubmittedFile | null;
  note: string | null;
  /** Set when the PM recorded a client's decision in the client's stead. */
  standInReason?: string;
  /** The caller's idempotency key, kept as a receipt with the completion. */
  receiptKey?: string;
  /** The deliverable revision this completion submits (0 when the task has no deliverable). */
  revision: number;
  status: 'in_review' | 'done';
  /** Who is asked to review, when the deliverable goes to review. */
  reviewerId: string | null;
  at: string;
}

export interface RecordReviewInput {
  engagementId: string;
  taskKey: string;
  reviewerId: string;
  revision: number;
  /** The content decided on (older histories recorded none: the stored revision's then). */
  sha256?: string;
  decision: 'approve' | 'request_changes';
  comment: string | null;
  assigneeId: string;
  at: string;
}

export interface NotifyInput {
  /** Business key: a retried or replayed notification is written once. */
  key: string;
  userId: string;
  engagementId: string;
  taskKey: string | null;
  kind: 'reminder' | 'overdue' | 'escalation';
  payload: Record<string, unknown>;
}

/** What workflow code may ask of the outside world: every effect keyed by a business id. */
export interface EngagementActivities {
  materializeEngagement(input: MaterializeEngagementInput): Promise<void>;
  recordStageStatus(input: { engagementId: string; stageKey: string; status: Exclude<StageStatus, 'pending'>; at: string }): Promise<void>;
  recordTaskActivated(input: { engagementId: string; taskKey: string; assigneeId: string; at: string }): Promise<void>;
  recordTaskCompletion(input: RecordTaskCompletionInput): Promise<void>;
  recordReview(input: RecordReviewInput): Promise<void>;
  recordReassignment(input: { engagementId: string; taskKey: string; actorId: string; fromId: string; toId: string; notify: boolean; at: string }): Promise<void>;
  recordTasksCancelled(input: { engagementId: string; taskKeys: string[]; at: string }): Promise<void>;
  recordEngagementDetails(input: { engagementId: string; actorId: string; before: { name: string; clientName: string }; after: { name: string; clientName: string }; at: string }): Promise<void>;
  recordEngagementStatus(input: { engagementId: string; status: EngagementStatus; actorId: string | null; reason: string | null; at: string }): Promise<void>;
  notify(input: NotifyInput): Promise<void>;
  /** Takes master knowledge entries into the engagement's copy (all of them when the engagement is created). */
  takeKnowledge(input: { engagementId: string; actorId: string | null; entryIds: string[] | 'all'; keepAdaptation: boolean; at: string }): Promise<TakeKnowledgeResult>;
  /** Writes the engagement's own version of an entry; refuses content inconsistent with the engagement's knowledge base. */
  adaptKnowledge(input: {
    engagementId: string;
    actorId: string;
    kind: KnowledgeKind;
    key: string;
    content: unknown;
    reason: string;
    at: string;
  }): Promise<AdaptKnowledgeResult | { refused: 'not_found' | 'key_changed' | 'invalid' | 'inconsistent'; problems: string[] }>;
  /** Tells the engagement's PM that a master entry it copied has a new version. */
  noticeKnowledgeChange(input: KnowledgeChangedInput & { engagementId: string; at: string }): Promise<void>;
  /** Records a write that failed every retry: the engagement needs attention; the PM and admins are told. */
  recordIncident(input: { key: string; engagementId: string; workflowId: string; activity: string; reason: string; at: string }): Promise<void>;
  /** Closes an incident: retried by `actorId`, or given up (null) because the engagement was cancelled. */
  resolveIncident(input: { key: string; actorId: string | null; at: string }): Promise<void>;
}
