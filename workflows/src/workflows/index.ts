// The workflow bundle's entry point: every workflow type the worker registers.
export { communityStageWorkflow } from './community-stage';
export { documentGenerationWorkflow } from './document-generation';
export { engagementWorkflow } from './engagement';
export { questionnaireWorkflow } from './questionnaire';
export { fieldResearchWorkflow } from './field-research';
export { pdfRenditionWorkflow } from './pdf-rendition';
export { caseWorkflow } from './case';
export { caseSettingsWorkflow } from './case-settings';
export { hotlineWorkflow } from './hotline';
export { modelHouseholdsWorkflow } from './model-households';
export { workLogWorkflow } from './work-log';
export { consultationWorkflow } from './consultation';
export { adoptionWorkflow } from './adoption';
export { outcomesReportWorkflow } from './outcomes-report';
export { adoptionRecordWorkflow } from './adoption-record';
