import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { type EngagementPlan, type FormValues, type PlannedTask, type TaskStatus } from '@gongzhi/domain';

export interface EngagementDetails {
  name: string;
  clientName: string;
  clientKind: 'street' | 'township';
  createdById: string;
}

export interface EngagementWorkflowInput {
  engagementId: string;
  details: EngagementDetails;
  plan: EngagementPlan;
}

export interface CommunityStageWorkflowInput {
  engagementId: string;
  stageKey: string;
  communityKey: string;
  team: EngagementPlan['team'];
  tasks: PlannedTask[];
  /** Inherited from the parent so a child started during a pause waits too. */
  paused: boolean;
}

/** A stored file, already written to the content-addressed store before the update is sent. */
export interface SubmittedFile {
  storageKey: string;
  sha256: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
}

export interface CompleteTaskInput {
  taskKey: string;
  actorId: string;
  formData: Record<string, unknown>;
  /** Required when the task produces a deliverable: each completion submits a new revision. */
  file?: SubmittedFile;
  note?: string;
}

export interface ReviewDeliverableInput {
  taskKey: string;
  reviewerId: string;
  revision: number;
  decision: 'approve' | 'request_changes';
  comment?: string;
}

export interface ReassignTaskInput {
  taskKey: string;
  actorId: string;
  assigneeId: string;
}

export interface TaskView {
  key: string;
  status: TaskStatus;
  assigneeId: string;
  revision: number;
  deliverableStatus: 'none' | 'draft' | 'submitted' | 'changes_requested' | 'approved';
  completedById: string | null;
  completedAt: string | null;
  formData: FormValues | null;
  lastReview: { revision: number; decision: 'approve' | 'request_changes'; comment: string | null; reviewerId: string } | null;
}

export type EngagementStatus = 'running' | 'paused' | 'completed' | 'cancelled';
export type StageStatus = 'pending' | 'active' | 'done' | 'cancelled';

export interface EngagementStateView {
  engagementId: string;
  status: EngagementStatus;
  stages: { key: string; status: StageStatus }[];
  /** Tasks owned by this workflow (community tasks are queried from their child). */
  tasks: TaskView[];
}

export const completeTaskUpdate = defineUpdate<TaskView, [CompleteTaskInput]>('completeTask');
export const reviewDeliverableUpdate = defineUpdate<TaskView, [ReviewDeliverableInput]>('reviewDeliverable');
export const reassignTaskUpdate = defineUpdate<TaskView, [ReassignTaskInput]>('reassignTask');
export const pauseSignal = defineSignal<[{ actorId: string | null; reason?: string }]>('pause');
export const resumeSignal = defineSignal<[{ actorId: string | null }]>('resume');
export const cancelSignal = defineSignal<[{ actorId: string | null; reason?: string }]>('cancel');
export const stateQuery = defineQuery<EngagementStateView>('state');
