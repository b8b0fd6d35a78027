export { type AdoptionRecordInput, renderAdoptionRecord } from './adoption-record';
export { type CaseReferralInput, type CaseReferralStep, type CaseReferralViolation, renderCaseReferral } from './case-referral';
export { formatChineseDate, formatChineseDateRange, toChineseNumeral } from './chinese-text';
export { type ClientProfile, type ClientTerms, termsFor } from './client-terms';
export {
  type ClosingCases,
  type ClosingConvention,
  type ClosingDeliverable,
  type ClosingEvent,
  type ClosingModelHousehold,
  type ClosingReportInput,
  type ClosingStage,
  type ClosingTraining,
  renderClosingReport,
} from './closing-report';
export {
  type CorrectionNoticeInput,
  type CorrectionNoticeViolation,
  renderCorrectionNotice,
} from './correction-notice';
export { type DeliverableDraftInput, type DeliverableSection, renderDeliverableDraft } from './deliverable-draft';
export {
  type DepartmentDuty,
  type DepartmentSymposium,
  JOINT_ENFORCEMENT_FORMS,
  type JointEnforcementPlanInput,
  type JointEnforcementTimeLimits,
  type LeadershipGroup,
  type PriorityProblem,
  renderJointEnforcementPlan,
} from './joint-enforcement-plan';
export {
  citationsFromKnowledge,
  type CitingKnowledge,
  type ClientWordingOptions,
  describeLawVersion,
  type DocumentKnowledge,
  documentTemplateEntriesFromKnowledge,
  type KnowledgeDocumentRequest,
  lawCompilationInputFromKnowledge,
  type LawReferenceOptions,
  lawReferencesFromKnowledge,
  partyRolesFor,
  powerEntriesFromKnowledge,
  powersHeldBy,
  powersManualInputFromKnowledge,
  powersTableInputFromKnowledge,
  problemGuidesFromKnowledge,
  violationsListInputFromKnowledge,
  caseReferralViolationFromKnowledge,
  type FoundProblem,
  jointEnforcementPlanInputFromKnowledge,
  type JointEnforcementRequest,
  openLetterInputFromKnowledge,
  caseLetterInputFromKnowledge,
  type CaseLetterRequest,
  type OpenLetterRequest,
  selfGovernanceHandbookInputFromKnowledge,
  type SelfGovernanceHandbookRequest,
} from './from-knowledge';
export { type LawCompilationInput, renderLawCompilation } from './law-compilation';
export { LAW_LEVELS, type LawArticle, type LawLevel, type LawReference } from './law-references';
export { type OpenLetterInput, renderOpenLetter } from './open-letter';
export {
  type DocumentTemplateEntry,
  type PartyRole,
  POWER_CATEGORIES,
  type PowerCategory,
  type PowerEntry,
  type PowersManualInput,
  type ProblemGuide,
  renderPowersManual,
} from './powers-manual';
export { type PowersTableInput, renderPowersTable } from './powers-table';
export {
  POWERS_TABLE_HEADER_ROW,
  POWERS_TABLE_HEADERS,
  POWERS_TABLE_NOTES_SHEET,
  POWERS_TABLE_SHEET,
  renderPowersTableWorkbook,
} from './powers-table-workbook';
export {
  type QuestionnaireResult,
  type QuestionResult,
  renderResearchReport,
  RESEARCH_AUDIENCES,
  type ResearchAudience,
  type ResearchProblem,
  type ResearchReportInput,
  type ResearchSession,
} from './research-report';
export { renderResidentsConvention, type ResidentsConventionInput } from './residents-convention';
export {
  type CommunityIssue,
  type CommunityProfile,
  DEMOCRACY_MODULES,
  type DemocracyModule,
  HANDBOOK_FORMS,
  renderSelfGovernanceHandbook,
  type ResidentialCompound,
  type SelfGovernanceHandbookInput,
} from './self-governance-handbook';
export {
  type PlanCommunity,
  type PlanStage,
  type PlanTeamMember,
  renderServicePlan,
  type ServicePlanInput,
  type TitledText,
} from './service-plan';
export { UNVERIFIED_MARK, type VerifiableText } from './unverified';
export {
  NOTES_SHEET,
  renderViolationsList,
  type ViolationListItem,
  violationListItemsFromKnowledge,
  VIOLATIONS_HEADER_ROW,
  VIOLATIONS_HEADERS,
  VIOLATIONS_SHEET,
  type ViolationsListInput,
} from './violations-list';
export { renderViolationsListDocument } from './violations-list-document';
export { type QuestionnaireResponseRow, type QuestionnaireResultsInput, renderQuestionnaireResultsWorkbook, RESPONSES_SHEET, RESULTS_NOTES_SHEET, RESULTS_SHEET } from './questionnaire-results-workbook';
export { CONVERTIBLE_TO_PDF, type ConvertibleKind, convertToPdf, PDF_CONVERSION_TIMEOUT_MS, PdfConverterMissing } from './pdf';
export { parseCsv, readTable, type TableRead, writeTable } from './tables';
export { type HotlineWorkbookInput, renderHotlineWorkbook } from './hotline-workbook';
export { LEDGER_HEADER_ROW, LEDGER_SHEET, LEDGER_TOTALS_SHEET, renderWorkLogWorkbook, type WorkLogWorkbookEntry, type WorkLogWorkbookInput } from './work-log-workbook';
export {
  OUTCOMES_CASES_SHEET,
  OUTCOMES_CONVENTIONS_SHEET,
  OUTCOMES_DELIVERABLES_SHEET,
  OUTCOMES_EVENTS_SHEET,
  OUTCOMES_HEADER_ROW,
  OUTCOMES_SUMMARY_SHEET,
  renderOutcomesWorkbook,
  type OutcomesWorkbookInput,
} from './outcomes-workbook';
