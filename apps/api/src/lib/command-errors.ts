import { type ErrorCode } from '@gongzhi/contracts';
import { EngagementCommandError } from '@gongzhi/workflows/client';
import { ApiError } from './api-error';

type CommandCode = EngagementCommandError['code'];

/** How the workflow's refusals read on the wire: most pass through under the same code. */
const DEFAULT_CODES: Record<CommandCode, ErrorCode> = {
  validation_failed: 'form_invalid',
  not_assignee: 'not_assignee',
  not_reviewer: 'not_reviewer',
  task_not_open: 'task_not_open',
  task_already_completed: 'task_already_completed',
  task_not_in_review: 'task_not_in_review',
  stale_revision: 'stale_revision',
  file_required: 'file_required',
  engagement_not_running: 'engagement_not_running',
  invalid_assignee: 'invalid_assignee',
  unknown_task: 'not_found',
  unknown_knowledge_entry: 'not_found',
  unknown_questionnaire: 'not_found',
  unknown_research_record: 'not_found',
  questionnaire_closed: 'questionnaire_closed',
  link_used: 'link_used',
  engagement_not_found: 'not_found',
  temporarily_unavailable: 'temporarily_unavailable',
  engagement_needs_attention: 'engagement_needs_attention',
  conflict: 'conflict',
  unknown_case: 'not_found',
  case_closed: 'case_closed',
  case_wrong_step: 'case_wrong_step',
  case_not_allowed: 'case_not_allowed',
  hotline_file_unreadable: 'hotline_file_unreadable',
  hotline_rows_invalid: 'hotline_rows_invalid',
  unknown_hotline_import: 'not_found',
  unknown_model_household: 'not_found',
  unknown_work_log_entry: 'not_found',
  unknown_consultation: 'not_found',
  consultation_closed: 'consultation_closed',
  consultation_pending: 'consultation_pending',
  unknown_adoption: 'not_found',
  adoption_closed: 'adoption_closed',
  adoption_out_of_order: 'adoption_out_of_order',
  notice_over: 'notice_over',
  adoption_in_progress: 'adoption_in_progress',
};

/**
 * Runs a workflow command and turns its refusal into the API's error; `overrides` adapt a code
 * to the operation (a review comment is request validation, not a task form).
 */
export async function runCommand<T>(command: () => Promise<T>, overrides: Partial<Record<CommandCode, ErrorCode>> = {}): Promise<T> {
  try {
    return await command();
  } catch (error) {
    if (!(error instanceof EngagementCommandError)) throw error;
    const code = overrides[error.code] ?? DEFAULT_CODES[error.code];
    throw new ApiError(code, error.fieldErrors.length > 0 ? { domainFieldErrors: error.fieldErrors } : {});
  }
}
