import { proxyActivities } from '@temporalio/workflow';
import { type OutcomeActivities } from '../activities/outcome-records';

// Drafting a workbook of a long engagement takes longer than a write.
const drafts = proxyActivities<OutcomeActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 5 },
});

/**
 * `outcomes-report-<engagement id>-<request>`: drafts the engagement's 成效证明材料 workbook on a
 * worker (never in the API process) from its records, stores it and answers with the file.
 */
export async function outcomesReportWorkflow({ engagementId }: { engagementId: string }): Promise<Awaited<ReturnType<OutcomeActivities['exportOutcomes']>>> {
  return drafts.exportOutcomes({ engagementId });
}
