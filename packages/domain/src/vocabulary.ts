/**
 * The words every layer uses for the state of an engagement, declared once. The database enums
 * (`@gongzhi/db` proves them equal at compile time), the API contracts and the dashboard derive
 * from these lists; nobody spells a status anywhere else.
 */

export const ENGAGEMENT_STATUSES = ['running', 'paused', 'completed', 'cancelled'] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

export const STAGE_STATUSES = ['pending', 'active', 'done', 'cancelled'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

export const TASK_STATUSES = ['pending', 'active', 'in_review', 'changes_requested', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * A deliverable as stored: `draft` until its first revision is submitted, then the state of the
 * current revision. (The API also says `none` for a draft with no file uploaded yet.)
 */
export const DELIVERABLE_STATUSES = ['draft', 'submitted', 'changes_requested', 'approved'] as const;
export type DeliverableStatus = (typeof DELIVERABLE_STATUSES)[number];

/** What a partner decides on a revision (the command) … */
export const REVIEW_DECISIONS = ['approve', 'request_changes'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** … and what the revision then is (the record). */
export const REVIEW_OUTCOMES = ['approved', 'changes_requested'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const reviewOutcomeOf = { approve: 'approved', request_changes: 'changes_requested' } as const satisfies Record<ReviewDecision, ReviewOutcome>;

/**
 * Notifications the engine writes, and the topic each is shown under (two kinds may share one:
 * a task given to you is "assigned" whether first or passed on).
 */
export const NOTIFICATION_TOPICS = {
  assigned: 'task.assigned',
  reassigned: 'task.assigned',
  reminder: 'task.due_soon',
  overdue: 'task.overdue',
  escalation: 'task.escalated',
  review_requested: 'deliverable.submitted',
  changes_requested: 'deliverable.changes_requested',
  approved: 'deliverable.approved',
  needs_attention: 'engagement.needs_attention',
  knowledge_changed: 'knowledge.changed',
  /** A case's step passed its deadline: yellow to the PM, red to the PM and the client contact. */
  case_supervised: 'case.supervised',
  /** A 会诊 asks the recipient for an opinion. */
  consultation_requested: 'consultation.requested',
  /** A 会诊's opinions are due today and the recipient has given none (or asked it). */
  consultation_due: 'consultation.due',
  /** A 会诊 the recipient asked or was asked on is concluded. */
  consultation_concluded: 'consultation.concluded',
} as const;
export type NotificationKind = keyof typeof NOTIFICATION_TOPICS;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[NotificationKind];
export const NOTIFICATION_KINDS = Object.keys(NOTIFICATION_TOPICS) as [NotificationKind, ...NotificationKind[]];
export const NOTIFICATION_TOPIC_LIST = [...new Set(Object.values(NOTIFICATION_TOPICS))] as [NotificationTopic, ...NotificationTopic[]];

/** What a change announcement (pg_notify, relayed as server-sent events) is about. */
export const CHANGE_TYPES = ['engagement.updated', 'stage.updated', 'task.updated', 'deliverable.updated', 'questionnaire.updated', 'research.updated', 'profile.updated', 'case.updated', 'hotline.updated', 'notification'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/**
 * What a personal API token may do: `read` (GET), `write` (the commands of the user's own work)
 * and `admin` (user and template administration, for an admin's token only).
 */
export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/**
 * What a knowledge-base entry is: a source the others cite, a law with its excerpts, a catalogue
 * violation, a power of the client government, a document template.
 */
export const KNOWLEDGE_KINDS = ['source', 'law', 'violation', 'power', 'template'] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];

/** Where a document generation stands. */
export const GENERATION_STATUSES = ['running', 'done', 'failed'] as const;
export type GenerationStatus = (typeof GENERATION_STATUSES)[number];

export const CLIENT_KINDS = ['street', 'township'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

/** The word for the client government in documents and tasks: 街道办事处 or 乡镇人民政府. */
export const clientGovernmentTerm: Record<ClientKind, { zh: string; en: string }> = {
  street: { zh: '街道办事处', en: 'street office' },
  township: { zh: '乡镇人民政府', en: 'township government' },
};
