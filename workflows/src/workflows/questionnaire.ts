import { currentUpdateInfo, proxyActivities, setHandler } from '@temporalio/workflow';
import { questionProblems } from '@gongzhi/domain';
import { type QuestionnaireExportActivities } from '../activities/questionnaire-export';
import { type QuestionnaireActivities } from '../activities/questionnaire-records';
import { IDLE, serveUntilIdle } from './command-keeper';
import { type QuestionnaireCommand, questionnaireCommandUpdate, type QuestionnaireWorkflowInput } from './definitions';
import { refuse, refuseStaleVersion, refuseUnstorableText } from './task-board';

const records = proxyActivities<QuestionnaireActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10 },
});
/** Rendering a workbook of thousands of responses takes longer than a write; an unknown questionnaire is not retried. */
const exports = proxyActivities<QuestionnaireExportActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 3, nonRetryableErrorTypes: ['not_found'] },
});

/**
 * The one writer of a questionnaire: its design (create, revise, close), its links and its
 * responses, each a command the API sends with update-with-start under `questionnaire-<id>`. A
 * questionnaire is answered by many respondents on their phones, so it has a workflow of its own
 * rather than filling the engagement's history; a run ends when idle or long and the next command
 * starts a fresh one, so no run is ever kept open for a questionnaire nobody answers.
 */
export async function questionnaireWorkflow({ questionnaireId, engagementId, idle = IDLE }: QuestionnaireWorkflowInput): Promise<void> {
  let handled = 0;
  setHandler(
    questionnaireCommandUpdate,
    async (command) => {
      try {
        if (command.type === 'exportResults') {
          return await exports.exportQuestionnaireResults({ questionnaireId, engagementId });
        }
        // The Update's id tells apart two commands carried out in the same workflow task (same clock).
        const result = await records.applyQuestionnaireCommand({ questionnaireId, engagementId, at: new Date().toISOString(), commandId: currentUpdateInfo()?.id ?? '', command });
        if ('refused' in result) {
          switch (result.refused) {
            case 'not_found':
              return refuse('unknown_questionnaire', `no such questionnaire (or link) in engagement ${engagementId}`);
            case 'engagement_not_running':
            case 'questionnaire_closed':
            case 'link_used':
              return refuse(result.refused, result.refused);
            case 'version_conflict':
              return refuseStaleVersion({ zh: '问卷', en: 'questionnaire' }, result.currentVersion);
            case 'invalid':
              return refuse('validation_failed', 'the questionnaire or the answers do not fit', result.errors);
          }
        }
        return result;
      } finally {
        handled += 1;
      }
    },
    { validator: validateCommand },
  );

  await serveUntilIdle(() => handled, idle);
}

/** What can be refused before it enters the history: text that cannot be stored, questions that do not fit. */
function validateCommand(command: QuestionnaireCommand): void {
  if (command.type === 'create' || command.type === 'revise') {
    refuseUnstorableText({ title: command.title, intro: command.intro, ...(command.type === 'revise' ? { reason: command.reason } : {}) });
    const problems = questionProblems(command.questions);
    if (problems.length > 0) refuse('validation_failed', 'the questions do not fit', problems);
  }
}
