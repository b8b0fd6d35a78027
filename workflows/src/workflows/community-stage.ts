import { CancellationScope, allHandlersFinished, condition, isCancellation, setHandler } from '@temporalio/workflow';
import { pauseSignal, resumeSignal, stateQuery, type CommunityStageWorkflowInput, type EngagementStateView } from './definitions';
import { IncidentDesk } from './incidents';
import { TaskBoard, projectionActivities } from './task-board';

/**
 * One community's share of one stage (e.g. the symposium, questionnaire and interviews of
 * research in 朝阳社区). The engagement starts one per community, in parallel, and waits for all.
 */
export async function communityStageWorkflow(input: CommunityStageWorkflowInput): Promise<{ completedTaskKeys: string[] }> {
  let paused = input.paused;
  let cancelled = false;
  const incidents = new IncidentDesk({ engagementId: input.engagementId, isClosing: () => cancelled });
  incidents.installHandlers();
  const board = new TaskBoard(
    { engagementId: input.engagementId, team: input.team, isPaused: () => paused, isClosing: () => cancelled, isExternalDone: () => false, incidents, projection: projectionActivities(input.writeAttempts) },
    input.tasks,
  );
  board.installHandlers();
  setHandler(pauseSignal, () => void (paused = true));
  setHandler(resumeSignal, () => void (paused = false));
  setHandler(
    stateQuery,
    (): EngagementStateView => ({
      engagementId: input.engagementId,
      status: cancelled ? 'cancelled' : paused ? 'paused' : 'running',
      attention: incidents.current(),
      stages: [],
      tasks: board.views(),
    }),
  );

  try {
    await board.run(input.tasks.map((task) => task.key));
  } catch (error) {
    if (!isCancellation(error)) throw error;
    cancelled = true;
    await CancellationScope.nonCancellable(async () => {
      // A completion already accepted finishes writing before its task can be closed.
      await condition(allHandlersFinished);
      await board.cancelOpenTasks(new Date().toISOString());
    });
    throw error;
  }
  await condition(allHandlersFinished);
  return { completedTaskKeys: input.tasks.map((task) => task.key) };
}
