/** The task queue every engagement workflow and activity runs on. */
export const ENGAGEMENT_TASK_QUEUE = 'gongzhi-engagements';

/** Business identity of an engagement's workflow: starting it twice finds the same run. */
export function engagementWorkflowId(engagementId: string): string {
  return `engagement-${engagementId}`;
}

/** One workflow per generated document: a repeated request with the same id joins it. */
export function documentGenerationWorkflowId(generationId: string): string {
  return `generation-${generationId}`;
}

/** One workflow per questionnaire writes its design, links and responses. */
export function questionnaireWorkflowId(questionnaireId: string): string {
  return `questionnaire-${questionnaireId}`;
}

/** One child per community per stage: `engagement-<id>-<stage>-<community>`. */
export function communityStageWorkflowId(engagementId: string, stageKey: string, communityKey: string): string {
  return `engagement-${engagementId}-${stageKey}-${communityKey}`;
}

/** The workflow that owns a task: community tasks live in their community's child, the rest in the engagement. */
export function workflowIdForTask(engagementId: string, task: { stageKey: string; communityKey: string | null }): string {
  return task.communityKey ? communityStageWorkflowId(engagementId, task.stageKey, task.communityKey) : engagementWorkflowId(engagementId);
}

/** One workflow per engagement writes its field-research sessions and their problems. */
export function fieldResearchWorkflowId(engagementId: string): string {
  return `field-research-${engagementId}`;
}

/** One PDF conversion per stored content: people asking at once share it. */
export function pdfRenditionWorkflowId(sourceSha256: string): string {
  return `pdf-${sourceSha256}`;
}

/** One workflow per community problem case, from its report to its close. */
export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}

/** One command workflow per engagement writes its 德治典型. */
export function modelHouseholdsWorkflowId(engagementId: string): string {
  return `model-households-${engagementId}`;
}

/** One command workflow per engagement writes its 工作日志. */
export function workLogWorkflowId(engagementId: string): string {
  return `work-log-${engagementId}`;
}

/** One command workflow per engagement writes its case periods. */
export function caseSettingsWorkflowId(engagementId: string): string {
  return `case-settings-${engagementId}`;
}

/** One command workflow per engagement writes its 12345 imports and their settings. */
export function hotlineWorkflowId(engagementId: string): string {
  return `hotline-${engagementId}`;
}

/** One short workflow per request for the outcomes workbook. */
export function outcomesReportWorkflowId(engagementId: string, requestId: string): string {
  return `outcomes-report-${engagementId}-${requestId}`;
}

/** One short workflow per request for a procedure's 民主程序记录. */
export function adoptionRecordWorkflowId(adoptionId: string, requestId: string): string {
  return `adoption-record-${adoptionId}-${requestId}`;
}

/** One workflow per 会诊, from its question to its conclusion. */
export function consultationWorkflowId(consultationId: string): string {
  return `consultation-${consultationId}`;
}

/** One workflow per 民主程序, from its notice to its filing. */
export function adoptionWorkflowId(adoptionId: string): string {
  return `adoption-${adoptionId}`;
}
