// The only door to the database: nothing else in the workspace imports @prisma/* or pg.
import { Prisma } from './generated/prisma/client';

export {
  createDb,
  type Db,
  type DbClient,
  type DbOptions,
  type DbTransaction,
  isRecordNotFound,
  isRefusedData,
  isUniqueViolation,
  sqlStateOf,
  type TransactionOptions,
  withTransaction,
} from './client';
export { CHANGE_CHANNEL, type Change, type ChangeListener, changeSchema, type ListenForChangesOptions, listenForChanges, publishChange } from './changes';
export { fromDbDate, toDbDate } from './dates';
export {
  closeQuestionnaireRecord,
  createQuestionnaireRecord,
  findQuestionnaireLink,
  findQuestionnaireRecord,
  hashLinkToken,
  issueQuestionnaireLinkRecords,
  listQuestionnaireRecords,
  type QuestionnaireDesign,
  type QuestionnaireRecord,
  type QuestionnaireRefusal,
  questionnaireResults,
  recordQuestionnaireResponse,
  type ResponseInput,
  reviseQuestionnaireRecord,
} from './research';
export {
  createResearchSessionRecord,
  findCommunityProfileDetails,
  findResearchSessionRecord,
  listCommunityProblemRecords,
  listCommunityProfileRecords,
  listResearchSessionRecords,
  type ProblemInput,
  type ResearchSessionInput,
  type ResearchSessionRecord,
  type ResearchSessionRefusal,
  reviseResearchSessionRecord,
  saveCommunityProfileRecord,
  tagCommunityProblemRecord,
} from './research-sessions';
export { type EmbeddedPostgres, type EmbeddedPostgresOptions, startEmbeddedPostgres } from './embedded-postgres';
export { applyMigrations, diffSchemaAgainstMigrations, listAppliedMigrations, type SchemaDiff } from './migrate';
export {
  adaptKnowledge,
  type AdaptKnowledgeInput,
  BUILT_IN_REASON_PREFIX,
  contentFingerprint,
  createKnowledgeEntry,
  type EngagementKnowledgeRow,
  findEngagementKnowledge,
  findKnowledgeEntry,
  findKnowledgeVersion,
  importBuiltInKnowledge,
  type KnowledgeCopyState,
  type KnowledgeImportResult,
  type KnowledgeListQuery,
  type KnowledgeListRow,
  type KnowledgeSet,
  type KnowledgeWriteInput,
  type KnowledgeWriteRefusal,
  type KnowledgeWriteResult,
  listEngagementKnowledge,
  listKnowledge,
  listKnowledgeVersions,
  engagementViolationKeys,
  loadEngagementKnowledge,
  loadMasterKnowledge,
  reviseKnowledgeEntry,
  takeKnowledge,
  type TakeKnowledgeInput,
} from './knowledge';
export {
  type CaseListRecord,
  type CaseRecord,
  type CaseRefusal,
  caseLetterKey,
  caseReportProblems,
  findCaseLetter,
  findCaseRecord,
  findCaseSettings,
  listCaseRecords,
  listDepartmentCaseEvents,
  openCaseRecord,
  recordCaseEventRecord,
  saveCaseSettingsRecord,
  caseFigureInputs,
} from './cases';
export { hashPassword, needsRehash, verifyPassword } from './password';
export { DEMO_PASSWORD, DEMO_USERS, type DemoUser, seedDemoUsers } from './seed';
export { databaseNameOf, dropDatabase, ensureDatabase, withDatabase } from './server';

// Row types of every model and the enums, as Prisma generates them from prisma/schema.prisma.
export {
  type ApiToken,
  type AuditEvent,
  type CaseEvent,
  type CaseSettings,
  type Community,
  type Consultation,
  type ConventionAdoption,
  type Deliverable,
  type DeliverableRevision,
  type Department,
  type Engagement,
  type EngagementMember,
  type GeneratedDocument,
  type EngagementKnowledge,
  type KnowledgeEntry,
  type KnowledgeVersion,
  type Notification,
  type ProblemCase,
  type PromotionEvent,
  type Questionnaire,
  type QuestionnaireLink,
  type QuestionnaireResponse,
  type Review,
  type Session,
  type Stage,
  type Task,
  type User,
} from './generated/prisma/client';
export {
  CaseStatus,
  ClientKind,
  ConventionStatus,
  DeliverableKind,
  DeliverableStatus,
  EngagementStatus,
  KnowledgeKind,
  NotificationKind,
  PromotionKind,
  ReviewDecision,
  Role,
  StageStatus,
  TaskScope,
  TaskStatus,
} from './generated/prisma/enums';

/** Prisma's namespace: JSON null markers (`Prisma.JsonNull`, `Prisma.DbNull`), input types, errors. */
export { Prisma };
/** A JSON value as read from a Json column. */
export type JsonValue = Prisma.JsonValue;
/** A JSON value accepted when writing a Json column. */
export type InputJsonValue = Prisma.InputJsonValue;
export {
  commitHotlineImportRecord,
  coveredHouseholds,
  findHotlineImport,
  findHotlineSettings,
  type HotlineCommitRefusal,
  hotlineCommunityNames,
  hotlineCounts,
  loadHotlineFigures,
  type HotlineImportRecord,
  type HotlineSettingsValue,
  importedHotlineMonths,
  listHotlineImports,
  saveHotlineSettingsRecord,
  stageHotlineImportRecord,
  type StagedHotlineImport,
} from './hotline';
export {
  findModelHousehold,
  listModelHouseholds,
  type ModelHouseholdInput,
  type ModelHouseholdRecord,
  type ModelHouseholdRefusal,
  recordModelHouseholdRecord,
  withdrawModelHouseholdRecord,
} from './model-households';
export {
  findWorkLogEntry,
  groupWorkLog,
  listWorkLog,
  listWorkLogLedger,
  recordWorkLogEntryRecord,
  shareWorkLogEntryRecord,
  withdrawWorkLogEntryRecord,
  type WorkLogEntryInput,
  type WorkLogFilter,
  type WorkLogRecord,
  type WorkLogRefusal,
  UNKNOWN_COMMUNITY,
} from './work-log';
export {
  addConsultationOpinionRecord,
  checkConsultationOpening,
  closeConsultationRecord,
  type ConsultationRecord,
  type ConsultationRefusal,
  consultationStatusOf,
  findConsultation,
  listConsultations,
  type OpenConsultationInput,
  type OpenedConsultation,
  openConsultationRecord,
  searchConsultations,
  unansweredInvitees,
} from './consultations';
export { formOf, heldOn, loadEngagementOutcomes, loadOutcomeFacts, numberIn, textIn } from './outcomes';
