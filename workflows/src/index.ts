import { fileURLToPath } from 'node:url';

export { ENGAGEMENT_ERROR_CODES, type EngagementErrorCode, isEngagementErrorCode } from './errors';
export { ENGAGEMENT_TASK_QUEUE, communityStageWorkflowId, engagementWorkflowId, workflowIdForTask } from './ids';
export { auditKey, notificationKey, reviewKey } from './keys';
export {
  type CompleteTaskInput,
  type EngagementDetails,
  type EngagementStateView,
  type EngagementStatus,
  type EngagementWorkflowInput,
  type ReassignTaskInput,
  type ReviewDeliverableInput,
  type StageStatus,
  type SubmittedFile,
  type TaskView,
} from './workflows/definitions';

/** The workflow bundle's entry, for `Worker.create({ workflowsPath })` in development and tests. */
export const workflowsPath = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));
