export {
  type BusinessCalendar,
  type CivilDate,
  type HolidayCalendar,
  addCalendarDays,
  civilDateAt,
  civilDateSchema,
  createBusinessCalendar,
  daysBetween,
  endOfCivilDay,
  holidayCalendarSchema,
  morningOf,
} from './calendar';
export { checkCompletion, type CompletionCheck, type FieldError, type FormValue, type FormValues } from './completion';
export { chinaHolidayCalendar, chinaHolidays } from './holidays';
export {
  type EngagementPlan,
  engagementPlanSchema,
  parseEngagementPlan,
  type PlanInput,
  type PlannedDeliverable,
  type PlannedStage,
  type PlannedTask,
  planEngagement,
  planInputSchema,
  taskKeyOf,
} from './plan';
export { computeProgress, type EngagementProgress, findOverdue, isOverdue, isTaskOpen, type Progress, type ProgressTask } from './progress';
export { evaluateOwnersVote, evaluateResidentsMeeting, type OwnersMatter, type OwnersVote, type ResidentsMeetingResult } from './quorum';
export { builtInTemplates, findTemplate } from './template/registry';
export {
  type CompletionRule,
  type DeliverableKind,
  type DeliverableSpec,
  type FormField,
  type LocalizedText,
  type PipelineTemplate,
  type Role,
  type StageTemplate,
  type TaskScope,
  type TaskTemplate,
  type WorkerRole,
  localizedTextSchema,
  pipelineTemplateSchema,
  roleSchema,
  workerRoleSchema,
} from './template/schema';
export { type CompletionAuthority, completionAuthority, type EngagementTeam, eligibleAssignees } from './team';
export { findUnstorableText, isUnstorableText } from './text';
export { nextTier, type Tier, TIERS, tierLabels } from './tiers';
export { type Violation, violationCatalogue } from './violations';
export {
  CHANGE_TYPES,
  type ChangeType,
  CLIENT_KINDS,
  type ClientKind,
  clientGovernmentTerm,
  DELIVERABLE_STATUSES,
  type DeliverableStatus,
  ENGAGEMENT_STATUSES,
  type EngagementStatus,
  NOTIFICATION_KINDS,
  NOTIFICATION_TOPIC_LIST,
  NOTIFICATION_TOPICS,
  type NotificationKind,
  type NotificationTopic,
  REVIEW_DECISIONS,
  REVIEW_OUTCOMES,
  type ReviewDecision,
  type ReviewOutcome,
  reviewOutcomeOf,
  STAGE_STATUSES,
  type StageStatus,
  TASK_STATUSES,
  type TaskStatus,
  TOKEN_SCOPES,
  type TokenScope,
} from './vocabulary';
