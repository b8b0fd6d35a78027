/**
 * Business refusals raised by workflow update validators (as ApplicationFailure types) and
 * mapped by the client to API errors. Stable strings: the API and dashboard depend on them.
 */
export const ENGAGEMENT_ERROR_CODES = [
  'validation_failed',
  'not_assignee',
  'not_reviewer',
  'task_not_open',
  'task_already_completed',
  'task_not_in_review',
  'stale_revision',
  'file_required',
  'engagement_not_running',
  'unknown_task',
  'invalid_assignee',
  'unknown_knowledge_entry',
  'unknown_questionnaire',
  'unknown_research_record',
  'questionnaire_closed',
  'link_used',
  'conflict',
  'unknown_case',
  'case_closed',
  'case_wrong_step',
  'case_not_allowed',
  'hotline_file_unreadable',
  'hotline_rows_invalid',
  'unknown_hotline_import',
  'unknown_model_household',
  'unknown_work_log_entry',
  'unknown_consultation',
  'consultation_closed',
  'consultation_pending',
  'unknown_adoption',
  'adoption_closed',
  'adoption_out_of_order',
  'notice_over',
  'adoption_in_progress',
] as const;
export type EngagementErrorCode = (typeof ENGAGEMENT_ERROR_CODES)[number];

export function isEngagementErrorCode(value: unknown): value is EngagementErrorCode {
  return typeof value === 'string' && (ENGAGEMENT_ERROR_CODES as readonly string[]).includes(value);
}
