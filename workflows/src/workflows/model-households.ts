import { proxyActivities, setHandler } from '@temporalio/workflow';
import { type ModelHouseholdActivities } from '../activities/model-household-records';
import { serveUntilIdle } from './command-keeper';
import { modelHouseholdCommandUpdate, type ModelHouseholdsWorkflowInput } from './definitions';
import { refuse, refuseUnstorableText } from './task-board';

const records = proxyActivities<ModelHouseholdActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10 },
});

/**
 * `model-households-<engagement id>`: the one writer of an engagement's 德治典型 — the households its
 * communities recognised for setting an example. Apart from the engagement's own workflow because
 * the communities go on recognising them after the engagement has delivered. A run ends when idle;
 * the next command starts one.
 */
export async function modelHouseholdsWorkflow({ engagementId, idle }: ModelHouseholdsWorkflowInput): Promise<void> {
  let handled = 0;
  setHandler(
    modelHouseholdCommandUpdate,
    async (command) => {
      try {
        const result = command.kind === 'record' ? await records.recordModelHousehold({ engagementId, command }) : await records.withdrawModelHousehold({ engagementId, command });
        if ('refused' in result) {
          switch (result.refused) {
            case 'not_found':
              return refuse('unknown_model_household', 'no such model household');
            case 'engagement_not_running':
              return refuse('engagement_not_running', 'the engagement is cancelled');
            case 'invalid':
              return refuse('validation_failed', 'the record does not fit the engagement', result.errors);
          }
        }
        return result;
      } finally {
        handled += 1;
      }
    },
    { validator: (command) => refuseUnstorableText(command) },
  );
  await serveUntilIdle(() => handled, idle);
}
