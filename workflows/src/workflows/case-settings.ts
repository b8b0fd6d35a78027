import { currentUpdateInfo, proxyActivities, setHandler } from '@temporalio/workflow';
import { type CaseSettingsActivities } from '../activities/case-settings-records';
import { serveUntilIdle } from './command-keeper';
import { caseSettingsCommandUpdate, type CaseSettingsWorkflowInput } from './definitions';
import { refuse, refuseStaleVersion } from './task-board';

const records = proxyActivities<CaseSettingsActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10 },
});

/**
 * `case-settings-<engagement id>`: the one writer of an engagement's case periods (its defaults and
 * per catalogue violation). Apart from the engagement's own workflow because case work, and so its
 * periods, go on after the engagement has delivered. A run ends when idle; the next command starts one.
 */
export async function caseSettingsWorkflow({ engagementId, idle }: CaseSettingsWorkflowInput): Promise<void> {
  let handled = 0;
  setHandler(caseSettingsCommandUpdate, async (command) => {
    try {
      const result = await records.saveCaseSettings({ engagementId, at: new Date().toISOString(), commandId: currentUpdateInfo()?.id ?? '', command });
      if ('refused' in result) {
        switch (result.refused) {
          case 'not_found':
          case 'engagement_not_running':
            return refuse('engagement_not_running', 'the engagement is cancelled');
          case 'version_conflict':
            return refuseStaleVersion({ zh: '案件办理时限', en: 'case periods' }, result.currentVersion);
          case 'invalid':
            return refuse('validation_failed', 'the periods do not fit', result.errors);
        }
      }
      return result;
    } finally {
      handled += 1;
    }
  });
  await serveUntilIdle(() => handled, idle);
}
