// The baseline of `benchmark:workflows`: a workflow that does nothing but answer. Its start and
// its Update go the same way through Temporal and the worker as an engagement's, without the
// engagement's work (the plan, the activities, the database).
import { condition, defineSignal, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

export const noopUpdate = defineUpdate<number, [number]>('noop');
/** The same, through one activity that does nothing: Temporal's round trip for "the workflow writes through an activity". */
export const noopActivityUpdate = defineUpdate<number, [number]>('noopActivity');

export const noopActivities = { noop: async (value: number): Promise<number> => value };
const { noop } = proxyActivities<typeof noopActivities>({ startToCloseTimeout: '10 seconds' });
export const finishSignal = defineSignal('finish');

export async function noopWorkflow(): Promise<void> {
  let finished = false;
  setHandler(noopUpdate, (value) => value);
  setHandler(noopActivityUpdate, (value) => noop(value));
  setHandler(finishSignal, () => {
    finished = true;
  });
  await condition(() => finished);
}
