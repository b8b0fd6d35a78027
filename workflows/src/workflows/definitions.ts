import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { type AdoptionInstrument, type CaseAction, type CaseReport, type CasePeriods, type CasePeriodSettings, type CaseState, type CivilDate, type CommunityProfileDetails, type HolidayCalendar, type HotlineCampaign, type HotlineMapping, type EngagementPlan, type EngagementStatus, type FormValues, type KnowledgeKind, type MeetingFigures, type OwnersMatter, type PlannedTask, type Question, type RespondentAudience, type ResearchSessionKind, type StageStatus, type TaskStatus, type WorkLogActivity } from '@gongzhi/domain';

export interface EngagementDetails {
  name: string;
  clientName: string;
  clientKind: 'street' | 'township';
  createdById: string;
  /**
   * SHA-256 of the creating request when it carried an idempotency key: a retry with the same
   * key and another body is told apart from a plain retry.
   */
  requestHash?: string;
}

export interface EngagementWorkflowInput {
  engagementId: string;
  details: EngagementDetails;
  plan: EngagementPlan;
  /** Attempts per projection write before it becomes an incident (40 unless a test asks for fewer). */
  writeAttempts?: number;
}

export interface CommunityStageWorkflowInput {
  engagementId: string;
  stageKey: string;
  communityKey: string;
  team: EngagementPlan['team'];
  tasks: PlannedTask[];
  /** Inherited from the parent so a child started during a pause waits too. */
  paused: boolean;
  writeAttempts?: number;
}

/**
 * A file already in the content-addressed store (uploaded before the update is sent). The
 * workflow makes the next revision of exactly these bytes: `sha256` is their identity.
 */
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
  /** Why the PM records a client's decision in the client's stead (required then; see completionAuthority). */
  standInReason?: string;
  /**
   * The caller's idempotency key: stored with the completion in one transaction, so a retry finds
   * it and gets the first answer even after the workflow that took the command has closed.
   */
  receiptKey?: string;
}

export interface ReviewDeliverableInput {
  taskKey: string;
  reviewerId: string;
  revision: number;
  /** The content the reviewer read; a decision on any other content is refused. */
  sha256: string;
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
  /** The SHA-256 of the current revision's file; null before the first submission. */
  revisionSha256: string | null;
  deliverableStatus: 'none' | 'draft' | 'submitted' | 'changes_requested' | 'approved';
  completedById: string | null;
  completedAt: string | null;
  formData: FormValues | null;
  lastReview: { revision: number; decision: 'approve' | 'request_changes'; comment: string | null; reviewerId: string } | null;
}

export type { EngagementStatus, StageStatus };

export interface EngagementStateView {
  engagementId: string;
  status: EngagementStatus;
  /** A write this workflow is waiting on an admin to retry. */
  attention: { activity: string; reason: string } | null;
  stages: { key: string; status: StageStatus }[];
  /** Tasks owned by this workflow (community tasks are queried from their child). */
  tasks: TaskView[];
}

export const completeTaskUpdate = defineUpdate<TaskView, [CompleteTaskInput]>('completeTask');
export const reviewDeliverableUpdate = defineUpdate<TaskView, [ReviewDeliverableInput]>('reviewDeliverable');
export const reassignTaskUpdate = defineUpdate<TaskView, [ReassignTaskInput]>('reassignTask');
/** Who pauses, resumes or cancels, and why. */
export interface LifecycleInput {
  actorId: string | null;
  reason?: string;
}

/** The engagement's status once the lifecycle change has been applied and written. */
export interface LifecycleResult {
  status: EngagementStatus;
}

/** A change to the engagement's names; absent fields stay as they are. */
export interface UpdateDetailsInput {
  actorId: string;
  name?: string;
  clientName?: string;
}

export const updateDetailsUpdate = defineUpdate<{ name: string; clientName: string }, [UpdateDetailsInput]>('updateEngagementDetails');

/** An admin, the cause fixed, asks a workflow to retry the write it is waiting on. */
export interface RetryWritesInput {
  actorId: string;
}

/** Answers once the retried write went through (`resolved`) or failed again (a new incident). */
export const retryWritesUpdate = defineUpdate<{ resolved: boolean }, [RetryWritesInput]>('retryWrites');

/** Answers once the engagement's projection exists: the API's create waits for it (update-with-start). */
export const engagementReadyUpdate = defineUpdate<{ engagementId: string }, []>('engagementReady');
export const pauseEngagementUpdate = defineUpdate<LifecycleResult, [LifecycleInput]>('pauseEngagement');
export const resumeEngagementUpdate = defineUpdate<LifecycleResult, [LifecycleInput]>('resumeEngagement');
export const cancelEngagementUpdate = defineUpdate<LifecycleResult, [LifecycleInput]>('cancelEngagement');

/** Takes master knowledge entries into the engagement's copy (see takeKnowledge in @gongzhi/db). */
export interface TakeKnowledgeInput {
  actorId: string;
  entryIds: string[] | 'all';
  keepAdaptation: boolean;
}

export interface TakeKnowledgeResult {
  taken: { entryId: string; from: number | null; to: number }[];
}

/** The engagement's own version of a knowledge entry; `content` is the entry as its kind's schema types it. */
export interface AdaptKnowledgeInput {
  actorId: string;
  kind: KnowledgeKind;
  key: string;
  content: unknown;
  reason: string;
}

export interface AdaptKnowledgeResult {
  entryId: string;
  baseVersion: number;
}

/** A master entry the engagement copied has a new version: the PM is told. */
export interface KnowledgeChangedInput {
  entryId: string;
  kind: KnowledgeKind;
  key: string;
  title: string;
  version: number;
  reason: string;
}

export const takeKnowledgeUpdate = defineUpdate<TakeKnowledgeResult, [TakeKnowledgeInput]>('takeKnowledge');
export const adaptKnowledgeUpdate = defineUpdate<AdaptKnowledgeResult, [AdaptKnowledgeInput]>('adaptKnowledge');
export const knowledgeChangedSignal = defineSignal<[KnowledgeChangedInput]>('knowledgeChanged');

// Signals of the first release, still handled so engagements started then keep replaying.
export const pauseSignal = defineSignal<[{ actorId: string | null; reason?: string }]>('pause');
export const resumeSignal = defineSignal<[{ actorId: string | null }]>('resume');
export const cancelSignal = defineSignal<[{ actorId: string | null; reason?: string }]>('cancel');
export const stateQuery = defineQuery<EngagementStateView>('state');

/** What the API asks for when someone clicks 生成文稿 on a deliverable. */
export interface DocumentGenerationInput {
  generationId: string;
  engagementId: string;
  deliverableId: string;
  requestedById: string;
  at: string;
}
/** Answers once the generation is on record (update-with-start). */
export const generationRegisteredUpdate = defineUpdate<{ generationId: string }, []>('generationRegistered');

// ─── Field research: one workflow per questionnaire ─────────────────────────────────────────

export interface QuestionnaireWorkflowInput {
  questionnaireId: string;
  engagementId: string;
  /** How long a run waits for a command before it ends (default an hour; tests ask for less). */
  idle?: string;
}

/** The questionnaire's design: its title, the text above the questions, and the questions (domain shapes). */
export interface QuestionnaireDesignInput {
  title: string;
  intro: string;
  questions: Question[];
}

/** What a person or a respondent asks of a questionnaire; its workflow carries each out (concurrently: the database transaction of each locks the questionnaire). */
export type QuestionnaireCommand =
  | ({ type: 'create'; actorId: string; audience: RespondentAudience } & QuestionnaireDesignInput)
  | ({ type: 'revise'; actorId: string; expectedVersion: number; reason: string } & QuestionnaireDesignInput)
  | { type: 'close'; actorId: string }
  /** Only the hashes: a token never enters the workflow's history. */
  | { type: 'issueLinks'; actorId: string; links: { id: string; tokenHash: string }[]; communityId: string | null }
  | { type: 'enterResponse'; actorId: string; key: string; communityId: string | null; answeredOn: string; answers: Record<string, unknown> }
  | { type: 'submitThroughLink'; key: string; tokenHash: string; answers: Record<string, unknown> }
  /** Renders the results as a workbook on a worker; writes nothing but the file. */
  | { type: 'exportResults'; actorId: string };

export interface QuestionnaireCommandResult {
  /** The questionnaire's version after the command (the version a response answered). */
  version: number;
  responseId?: string;
  issued?: number;
  /** exportResults: the workbook in the file store. */
  file?: { storageKey: string; sha256: string; sizeBytes: number; fileName: string };
}

export const questionnaireCommandUpdate = defineUpdate<QuestionnaireCommandResult, [QuestionnaireCommand]>('questionnaireCommand');

// ─── Field research: symposiums, interviews and the problems they raised ────────────────────

export interface FieldResearchWorkflowInput {
  engagementId: string;
  /** How long a run waits for a command before it ends (default an hour; tests ask for less). */
  idle?: string;
}

/** A session as a lawyer records it; `problems` is its whole list (ids chosen by the API). */
export interface ResearchSessionDetails {
  kind: ResearchSessionKind;
  communityId: string | null;
  heldOn: string;
  place: string;
  participants: string;
  headcount: number | null;
  notes: string;
  /** `keepTag`: a problem already on the session whose tag stays as it is. */
  problems: { id: string; description: string; violationKey: string | null; outsideCatalogue: boolean; keepTag?: boolean }[];
}

export type FieldResearchCommand =
  | ({ type: 'recordSession'; actorId: string; sessionId: string } & ResearchSessionDetails)
  | ({ type: 'reviseSession'; actorId: string; sessionId: string; expectedVersion: number } & ResearchSessionDetails)
  | { type: 'tagProblem'; actorId: string; problemId: string; violationKey: string | null; outsideCatalogue: boolean }
  /** A community's profile (社区概况): `expectedVersion` 0 for the first. */
  | { type: 'saveProfile'; actorId: string; communityKey: string; expectedVersion: number; details: CommunityProfileDetails };

export interface FieldResearchCommandResult {
  /** The session's (or profile's) version after the command (tagging a problem makes a new one). */
  version?: number;
}

export const fieldResearchCommandUpdate = defineUpdate<FieldResearchCommandResult, [FieldResearchCommand]>('fieldResearchCommand');

// ─── Community problem cases (德治 → 自治 → 法治) ─────────────────────────────────────────────

export interface CaseWorkflowInput {
  caseId: string;
  engagementId: string;
  report: CaseReport;
  /** The periods the case runs on, fixed when it is reported (the engagement's, for its violation type). */
  periods: CasePeriods;
  /** The holiday calendar its business days count on, as the reporting process had it. */
  holidays: HolidayCalendar;
}

/**
 * A person's action on a case; `actorId` is who does it (the API's caller). With the caller's
 * idempotency key, `requestHash` is the hash of what they asked: the same key asking something else
 * is refused, and the event keeps both so a retry after the case closed is recognised.
 */
export type CaseCommand = CaseAction & { actorId: string; requestKey?: string; requestHash?: string };

export interface CaseView {
  caseId: string;
  /** Events written so far (the case row's version). */
  version: number;
  state: CaseState;
}

/** Answers once the case's row is written (the report's update-with-start), or refuses the report. */
export const caseReportedUpdate = defineUpdate<CaseView, []>('caseReported');
export const caseCommandUpdate = defineUpdate<CaseView, [CaseCommand]>('caseCommand');
export const caseStateQuery = defineQuery<CaseView>('caseState');

export interface CaseSettingsWorkflowInput {
  engagementId: string;
  /** How long a run waits for a command before it ends (default an hour). */
  idle?: string;
}

/** The engagement's case periods as a new version, on the version edited (0: none yet). */
export interface SaveCaseSettingsCommand {
  actorId: string;
  periods: CasePeriodSettings;
  expectedVersion: number;
}

export const caseSettingsCommandUpdate = defineUpdate<{ version: number }, [SaveCaseSettingsCommand]>('caseSettingsCommand');

export interface ModelHouseholdsWorkflowInput {
  engagementId: string;
  /** How long a run waits for a command before it ends (default an hour). */
  idle?: string;
}

/** 德治典型: record a household a community recognised, or withdraw one with a reason. */
export type ModelHouseholdCommand =
  | { kind: 'record'; actorId: string; id: string; communityKey: string; household: string; deeds: string; recognizedOn: CivilDate; recognizedBy: string; caseId: string | null }
  | { kind: 'withdraw'; actorId: string; id: string; reason: string };

export const modelHouseholdCommandUpdate = defineUpdate<{ id: string; changed: boolean }, [ModelHouseholdCommand]>('modelHouseholdCommand');

export interface WorkLogWorkflowInput {
  engagementId: string;
  /** How long a run waits for a command before it ends (default an hour). */
  idle?: string;
}

/** 工作日志: log what one did, share an entry with the client (or stop), withdraw one with a reason. */
export type WorkLogCommand =
  | { kind: 'log'; actorId: string; id: string; communityKey: string | null; workedOn: CivilDate; minutes: number; activity: WorkLogActivity; note: string; clientVisible: boolean }
  | { kind: 'share'; actorId: string; id: string; clientVisible: boolean }
  | { kind: 'withdraw'; actorId: string; id: string; reason: string };

export const workLogCommandUpdate = defineUpdate<{ id: string; changed: boolean }, [WorkLogCommand]>('workLogCommand');

/** The 工作台账 workbook of the standing entries (of one community, or all), drafted on a worker and stored. */
export const workLogExportUpdate = defineUpdate<{ file: { storageKey: string; sha256: string; sizeBytes: number; fileName: string } }, [{ communityKey: string | null }]>('workLogExport');

export interface HotlineWorkflowInput {
  engagementId: string;
  /** How long a run waits for a command before it ends (default an hour). */
  idle?: string;
}

/** A file in the store read as a month's 12345 extract and kept for its column mapping. */
export interface StageHotlineImportCommand {
  kind: 'stage';
  actorId: string;
  importId: string;
  month: string;
  fileName: string;
  storageKey: string;
  sha256: string;
  sizeBytes: number;
  requestKey?: string;
  requestHash?: string;
}

/** A staged file's tickets imported as its month's with this mapping, replacing the month's earlier import. */
export interface CommitHotlineImportCommand {
  kind: 'commit';
  actorId: string;
  importId: string;
  mapping: HotlineMapping;
}

/** The street's other communities (with households) and the 每月一题 months, as a new version. */
export interface SaveHotlineSettingsCommand {
  kind: 'settings';
  actorId: string;
  communities: { name: string; households: number }[];
  campaigns: HotlineCampaign[];
  expectedVersion: number;
}

/** The comparison as a workbook in the file store. */
export interface ExportHotlineReportCommand {
  kind: 'export';
}

export type HotlineCommand = StageHotlineImportCommand | CommitHotlineImportCommand | SaveHotlineSettingsCommand | ExportHotlineReportCommand;
export type HotlineCommandResult =
  | { kind: 'stage'; importId: string }
  | { kind: 'commit'; importId: string; ticketCount: number; replaced: number }
  | { kind: 'settings'; version: number }
  | { kind: 'export'; file: { storageKey: string; sha256: string; sizeBytes: number; fileName: string } };

export const hotlineCommandUpdate = defineUpdate<HotlineCommandResult, [HotlineCommand]>('hotlineCommand');

export interface ConsultationWorkflowInput {
  consultationId: string;
  engagementId: string;
  /**
   * The question as put; the workflow's first step puts it on record. Absent: a run that picks the
   * consultation up from its record, started by the next command after a run ended early.
   */
  open?: { actorId: string; topic: string; question: string; materials: string; dueOn: CivilDate; taskKey: string | null; holdsTask: boolean; invitees: string[] };
}

/** 会诊: an opinion from a lawyer asked, the conclusion, or a withdrawal with a reason. */
export type ConsultationCommand =
  | { kind: 'opine'; actorId: string; opinionId: string; body: string }
  | { kind: 'conclude'; actorId: string; conclusion: string }
  | { kind: 'withdraw'; actorId: string; reason: string };

/** Answers once the consultation is on record (or with why it does not fit the engagement). */
export const consultationOpenedUpdate = defineUpdate<{ consultationId: string }, []>('consultationOpened');
export const consultationCommandUpdate = defineUpdate<{ consultationId: string; changed: boolean }, [ConsultationCommand]>('consultationCommand');

/**
 * Sent to the workflow that owns a task: a consultation opened from it holds its completion
 * (`held: true`) until it is concluded or withdrawn (`held: false`).
 */
export const consultationHoldSignal = defineSignal<[{ taskKey: string; consultationId: string; held: boolean }]>('consultationHold');

export interface AdoptionWorkflowInput {
  adoptionId: string;
  engagementId: string;
  /**
   * The procedure as opened; the workflow's first step puts it on record. Absent: a run that picks
   * the procedure up from its record, started by the next command after a run ended early
   * (terminated, failed) — nothing wedges on a run that is gone.
   */
  open?: { actorId: string; communityId: string; instrument: AdoptionInstrument; matter: OwnersMatter | null; title: string; noticeFrom: CivilDate; noticeTo: CivilDate; location: string };
  /** Commands a run takes before it continues as new (picked up from the record); tests set it low. */
  rollAfter?: number;
}

/**
 * 民主程序: a meeting (with its figures; the verdict is computed as it is written), a revised
 * draft put on a new notice, the 备案, a withdrawal with a reason, and the 公示's comments.
 */
export type AdoptionCommand =
  | { kind: 'meeting'; actorId: string; meetingId: string; heldOn: CivilDate; figures: MeetingFigures; note: string }
  | { kind: 'renotice'; actorId: string; noticeFrom: CivilDate; noticeTo: CivilDate; location: string }
  | { kind: 'file'; actorId: string; filedOn: CivilDate; filedWith: string; filingNo: string | null }
  | { kind: 'withdraw'; actorId: string; reason: string }
  /** Single-use comment links for the draft on notice (hashes only: the tokens stay with the caller). */
  | { kind: 'issue_links'; actorId: string; links: { id: string; tokenHash: string }[] }
  /** A resident's comments through a link, which they use up; only while on notice. */
  | { kind: 'comment'; tokenHash: string; comments: { id: string; clause: string; body: string }[]; signedAs: string }
  /** The team's answer to a comment. */
  | { kind: 'answer'; actorId: string; commentId: string; answer: string };

export const adoptionOpenedUpdate = defineUpdate<{ adoptionId: string }, []>('adoptionOpened');
export const adoptionCommandUpdate = defineUpdate<{ adoptionId: string; changed: boolean }, [AdoptionCommand]>('adoptionCommand');

/**
 * Sent to the workflow that owns a community's convention tasks. `drive` (true) puts them in the
 * procedure's hands — completing them by hand is refused — and (false) gives them back;
 * `complete` completes one with the values the procedure recorded, as soon as it is open.
 */
export type AdoptionTaskSignal =
  | { kind: 'drive'; adoptionId: string; taskKeys: string[]; driven: boolean }
  | { kind: 'complete'; adoptionId: string; taskKey: string; actorId: string; formData: FormValues; at: string };
export const adoptionTaskSignal = defineSignal<[AdoptionTaskSignal]>('adoptionTask');
