import { type Duration } from '@temporalio/common';
import { allHandlersFinished, condition, workflowInfo } from '@temporalio/workflow';

/** A run ends after this long without a command; the next command starts a new run. */
export const IDLE = '1 hour';
/** A run ends before its history grows long; the next command starts a new run. */
const MAX_HISTORY = 4000;

/**
 * Keeps a command workflow's run open while commands come (each an Update started with
 * update-with-start), and ends it once none has finished for `idle` or its history grows long; the
 * next command starts a fresh run. Commands still running at the end are waited for.
 */
export async function serveUntilIdle(handled: () => number, idle: string = IDLE): Promise<void> {
  for (;;) {
    const seen = handled();
    const active = await condition(() => handled() !== seen, idle as Duration);
    if (!active || workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > MAX_HISTORY) break;
  }
  await condition(allHandlersFinished);
}
