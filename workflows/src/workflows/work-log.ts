import { proxyActivities, setHandler } from '@temporalio/workflow';
import { type WorkLogActivities } from '../activities/work-log-records';
import { serveUntilIdle } from './command-keeper';
import { type WorkLogCommand, workLogCommandUpdate, workLogExportUpdate, type WorkLogWorkflowInput } from './definitions';
import { refuse, refuseUnstorableText } from './task-board';

const records = proxyActivities<WorkLogActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10 },
});

// Drafting a workbook of a long log takes longer than a write.
const drafts = proxyActivities<WorkLogActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 5 },
});

const KINDS: readonly WorkLogCommand['kind'][] = ['log', 'share', 'withdraw'];

const run = (engagementId: string, command: WorkLogCommand) => {
  switch (command.kind) {
    case 'log':
      return records.logWork({ engagementId, command });
    case 'share':
      return records.shareWorkLogEntry({ engagementId, command });
    case 'withdraw':
      return records.withdrawWorkLogEntry({ engagementId, command });
  }
};

/**
 * `work-log-<engagement id>`: the one writer of an engagement's 工作日志 — what the firm's lawyers
 * did for it, and which entries the client's contact sees — and the drafter of its 工作台账. Apart from the engagement's own
 * workflow because lawyers go on logging service after the engagement has delivered. A run ends
 * when idle; the next command starts one.
 */
export async function workLogWorkflow({ engagementId, idle }: WorkLogWorkflowInput): Promise<void> {
  let handled = 0;
  setHandler(
    workLogCommandUpdate,
    async (command) => {
      try {
        const result = await run(engagementId, command);
        if ('refused' in result) {
          switch (result.refused) {
            case 'not_found':
              return refuse('unknown_work_log_entry', 'no such work-log entry');
            case 'engagement_not_running':
              return refuse('engagement_not_running', 'the engagement is cancelled');
            case 'invalid':
              return refuse('validation_failed', 'the entry does not fit the engagement', result.errors);
          }
        }
        return result;
      } finally {
        handled += 1;
      }
    },
    {
      // A malformed command is refused before it is accepted: it never reaches the handler.
      validator: (command) => {
        if (typeof command !== 'object' || command === null || !KINDS.includes(command.kind)) refuse('validation_failed', 'not a work-log command');
        refuseUnstorableText(command);
      },
    },
  );
  setHandler(
    workLogExportUpdate,
    async ({ communityKey }) => {
      try {
        return await drafts.exportWorkLog({ engagementId, communityKey });
      } finally {
        handled += 1;
      }
    },
    {
      validator: (command) => {
        if (typeof command !== 'object' || command === null || (command.communityKey !== null && typeof command.communityKey !== 'string')) refuse('validation_failed', 'not a ledger request');
      },
    },
  );
  await serveUntilIdle(() => handled, idle);
}
