import { proxyActivities } from '@temporalio/workflow';
import { type AdoptionRecordActivities } from '../activities/adoption-record-export';

const drafts = proxyActivities<AdoptionRecordActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 5 },
});

/**
 * `adoption-record-<adoption id>-<request>`: drafts a procedure's 民主程序记录 on a worker (never
 * in the API process) from its record, stores it and answers with the file.
 */
export async function adoptionRecordWorkflow(input: { engagementId: string; adoptionId: string }): Promise<Awaited<ReturnType<AdoptionRecordActivities['exportAdoptionRecord']>>> {
  return drafts.exportAdoptionRecord(input);
}
