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
export { type EngagementPlan, type PlanInput, type PlannedDeliverable, type PlannedStage, type PlannedTask, planEngagement, planInputSchema, taskKeyOf } from './plan';
export { computeProgress, type EngagementProgress, findOverdue, isOverdue, isTaskOpen, type Progress, type ProgressTask, TASK_STATUSES, type TaskStatus } from './progress';
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
export { nextTier, type Tier, TIERS, tierLabels } from './tiers';
export { type Violation, violationCatalogue } from './violations';
