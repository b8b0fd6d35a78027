export { createEngagementActivities, type EngagementActivityDeps } from './engagement-activities';
export { type EngagementActivities } from './types';
export { createDocumentActivities, DEFAULT_FIRM_NAME, type DocumentActivities, type DocumentActivityDeps, clientProfileOf } from './document-generation';
export { createQuestionnaireActivities, type QuestionnaireActivities, type QuestionnaireCommandInput } from './questionnaire-records';
export { createFieldResearchActivities, type FieldResearchActivities, type FieldResearchCommandInput } from './field-research-records';
export { createQuestionnaireExportActivities, type ExportedFile, type QuestionnaireExportActivities } from './questionnaire-export';
export { createPdfActivities, type PdfActivities, type PdfRendition } from './pdf-renditions';
export { createCaseActivities, type CaseActivities, type OpenCaseInput, type RecordCaseEventInput } from './case-records';
