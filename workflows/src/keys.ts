/**
 * Business keys of every effect the engine records. A retried activity or a replayed workflow
 * writes the same key again, and the unique index keeps one row: these strings are what makes
 * the projection's writes idempotent, so they change only with a migration of existing rows in mind.
 * Pure: workflow code builds some of them too.
 */

/** One review per deliverable revision. */
export function reviewKey(deliverableId: string, revision: number): string {
  return `review-${deliverableId}-${revision}`;
}

export const notificationKey = {
  assigned: (engagementId: string, taskKey: string, userId: string) => `${engagementId}:${taskKey}:assigned:${userId}`,
  /** A reminder, overdue notice or escalation: once per task, kind and recipient. */
  deadline: (engagementId: string, taskKey: string, kind: 'reminder' | 'overdue' | 'escalation', userId: string) => `${engagementId}:${taskKey}:${kind}:${userId}`,
  reviewRequested: (engagementId: string, taskKey: string, revision: number) => `${engagementId}:${taskKey}:review_requested:${revision}`,
  reviewed: (engagementId: string, taskKey: string, decision: string, revision: number) => `${engagementId}:${taskKey}:${decision}:${revision}`,
  /** A task can pass to the same person more than once: the instant tells the hand-overs apart. */
  reassigned: (engagementId: string, taskKey: string, toId: string, at: string) => `${engagementId}:${taskKey}:reassigned:${toId}:${at}`,
  incident: (incidentKey: string, userId: string) => `incident:${incidentKey}:${userId}`,
  /** A master knowledge entry's new version, told once per engagement and recipient. */
  knowledgeChanged: (engagementId: string, entryId: string, version: number, userId: string) => `${engagementId}:knowledge:${entryId}:${version}:${userId}`,
  /** A case's 督办 (the event that raised it), once per recipient. */
  caseSupervised: (caseId: string, seq: number, userId: string) => `case:${caseId}:${seq}:supervised:${userId}`,
  /** A 会诊 asked of someone, its due-day reminder, its conclusion: once per consultation and recipient. */
  consultation: (consultationId: string, what: 'requested' | 'due' | 'concluded', userId: string) => `consultation:${consultationId}:${what}:${userId}`,
};

export const auditKey = {
  engagementCreated: (engagementId: string) => `engagement.created:${engagementId}`,
  stage: (status: string, engagementId: string, stageKey: string) => `stage.${status}:${engagementId}:${stageKey}`,
  taskActivated: (engagementId: string, taskKey: string) => `task.activated:${engagementId}:${taskKey}`,
  /** A task reaches `done` once: its one task.completed event. */
  taskCompleted: (engagementId: string, taskKey: string) => `task.completed:${engagementId}:${taskKey}`,
  /** A submission for review is one per revision. */
  deliverableSubmitted: (engagementId: string, taskKey: string, revision: number) => `deliverable.submitted:${engagementId}:${taskKey}:${revision}`,
  reassigned: (engagementId: string, taskKey: string, at: string) => `task.reassigned:${engagementId}:${taskKey}:${at}`,
  tasksCancelled: (engagementId: string, at: string, firstTaskKey: string | undefined) => `tasks.cancelled:${engagementId}:${at}:${firstTaskKey}`,
  engagementUpdated: (engagementId: string, at: string) => `engagement.updated:${engagementId}:${at}`,
  engagementStatus: (status: string, engagementId: string, at: string) => `engagement.${status}:${engagementId}:${at}`,
  knowledgeTaken: (engagementId: string, at: string) => `knowledge.taken:${engagementId}:${at}`,
  knowledgeAdapted: (engagementId: string, entryId: string, at: string) => `knowledge.adapted:${engagementId}:${entryId}:${at}`,
  /** A questionnaire's design, links and entered responses: `questionnaire.<what>:<id>:<at>`. */
  questionnaire: (what: 'created' | 'revised' | 'closed' | 'links' | 'response', id: string, at: string) => `questionnaire.${what}:${id}:${at}`,
  /** A field-research session, a problem's tag or a community's profile: `research.<what>:<id>:<at>`. */
  research: (what: 'session_recorded' | 'session_revised' | 'problem_tagged' | 'profile_saved', id: string, at: string) => `research.${what}:${id}:${at}`,
  /** Event `seq` of a case (1: the report). */
  caseEvent: (caseId: string, seq: number) => `case.event:${caseId}:${seq}`,
  /** A new version of an engagement's case periods. */
  caseSettings: (engagementId: string, stamp: string) => `case.settings:${engagementId}:${stamp}`,
  modelHousehold: (id: string, what: 'recorded' | 'withdrawn') => `model-household.${what}:${id}`,
  /** A 工作日志 entry logged or withdrawn (once each), or shared/unshared (by the instant: it can go back and forth). */
  workLog: (id: string, what: 'logged' | 'withdrawn' | 'shared', stamp = '') => `work-log.${what}:${id}${stamp ? `:${stamp}` : ''}`,
  /** A 会诊 opened, concluded or withdrawn (once each), or an opinion given (by the opinion's id). */
  consultation: (id: string, what: 'opened' | 'concluded' | 'withdrawn' | 'opinion') => `consultation.${what}:${id}`,
  adoption: (id: string, what: string) => `adoption.${what}:${id}`,
  /** A 12345 import staged or imported (by import id), or the settings saved (by engagement id). */
  hotline: (what: 'staged' | 'imported' | 'settings', id: string, stamp: string) => `hotline.${what}:${id}:${stamp}`,
  documentGenerated: (generationId: string) => `deliverable.generated:${generationId}`,
  incidentRaised: (incidentKey: string) => `incident.raised:${incidentKey}`,
  incidentResolved: (incidentKey: string) => `incident.resolved:${incidentKey}`,
};
