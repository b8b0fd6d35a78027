import {
  CancellationScope,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  isCancellation,
  log,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { type PlannedStage } from '@gongzhi/domain';
import { communityStageWorkflowId } from '../ids';
import { communityStageWorkflow } from './community-stage';
import {
  cancelSignal,
  pauseSignal,
  resumeSignal,
  stateQuery,
  type EngagementStateView,
  type EngagementStatus,
  type EngagementWorkflowInput,
  type StageStatus,
} from './definitions';
import { TaskBoard, projection } from './task-board';

type RunState = 'running' | 'paused';

/**
 * `engagement-<id>`: one 创新社区治理 engagement from proposal to the client's acceptance. Stages
 * open when the stages they follow are done (government and self-governance run side by side);
 * within a stage, community work runs in one child workflow per community, the rest here.
 */
export async function engagementWorkflow(input: EngagementWorkflowInput): Promise<{ status: EngagementStatus }> {
  const { engagementId, plan } = input;
  let status: EngagementStatus = 'running';
  // Pause and resume only record what people asked for; one loop below applies it in order.
  let desired: { state: RunState; actorId: string | null; reason: string | null } = { state: 'running', actorId: null, reason: null };
  let cancellation: { actorId: string | null; reason: string | null } | null = null;
  const stageStatus = new Map<string, StageStatus>(plan.stages.map((stage) => [stage.key, 'pending']));
  const finishedChildren = new Set<string>();
  const runningChildren = new Set<string>();
  const childRuns = new Set<Promise<void>>();
  const communityTaskKeys = new Set(plan.tasks.filter((task) => task.communityKey !== null).map((task) => task.key));
  const isPaused = () => desired.state === 'paused';

  const board = new TaskBoard(
    {
      engagementId,
      team: plan.team,
      isPaused,
      isClosing: () => cancellation !== null,
      // A community task is done when its community's child workflow for that stage has finished.
      isExternalDone: (taskKey) => {
        const task = plan.tasks.find((candidate) => candidate.key === taskKey);
        return !!task?.communityKey && finishedChildren.has(communityStageWorkflowId(engagementId, task.stageKey, task.communityKey));
      },
    },
    plan.tasks.filter((task) => !communityTaskKeys.has(task.key)),
  );
  board.installHandlers();

  /** Signals a running child; one that has just closed no longer needs telling. */
  const tellChild = async (childId: string, state: RunState) => {
    try {
      await getExternalWorkflowHandle(childId).signal(state === 'paused' ? pauseSignal : resumeSignal, { actorId: null });
    } catch (error) {
      log.info('child not signalled', { childId, error: String(error) });
    }
  };
  setHandler(pauseSignal, ({ actorId, reason }) => {
    if (cancellation || status !== 'running') return;
    desired = { state: 'paused', actorId, reason: reason ?? null };
  });
  setHandler(resumeSignal, ({ actorId }) => {
    if (cancellation || status !== 'running') return;
    desired = { state: 'running', actorId, reason: null };
  });
  const pipeline = new CancellationScope();
  setHandler(cancelSignal, ({ actorId, reason }) => {
    if (status !== 'running' || cancellation) return;
    cancellation = { actorId, reason: reason ?? null };
    pipeline.cancel();
  });
  setHandler(
    stateQuery,
    (): EngagementStateView => ({
      engagementId,
      status: status === 'running' && isPaused() ? 'paused' : status,
      stages: plan.stages.map((stage) => ({ key: stage.key, status: stageStatus.get(stage.key) ?? 'pending' })),
      tasks: board.views(),
    }),
  );

  // Applies pause/resume one change at a time, so the projection and the children always end on
  // the last request, however quickly requests follow each other.
  let applied: RunState = 'running';
  let isFinished = false;
  const applyRunState = CancellationScope.nonCancellable(async () => {
    for (;;) {
      await condition(() => isFinished || desired.state !== applied);
      if (isFinished) return;
      const change = desired;
      try {
        await projection.recordEngagementStatus({ engagementId, status: change.state, actorId: change.actorId, reason: change.reason, at: new Date().toISOString() });
      } catch (error) {
        log.warn('pause/resume not recorded', { error: String(error) });
      }
      await Promise.all([...runningChildren].map((childId) => tellChild(childId, change.state)));
      applied = change.state;
    }
  });

  const runStage = async (stage: PlannedStage) => {
    await condition(() => !isPaused());
    stageStatus.set(stage.key, 'active');
    await projection.recordStageStatus({ engagementId, stageKey: stage.key, status: 'active', at: new Date().toISOString() });
    const stageTasks = plan.tasks.filter((task) => task.stageKey === stage.key);
    const communities = plan.communities.filter((community) => stageTasks.some((task) => task.communityKey === community.key));
    const children = communities.map((community) => {
      const run = (async () => {
        const workflowId = communityStageWorkflowId(engagementId, stage.key, community.key);
        const startedPaused = isPaused();
        const child = await startChild(communityStageWorkflow, {
          workflowId,
          args: [
            {
              engagementId,
              stageKey: stage.key,
              communityKey: community.key,
              team: plan.team,
              tasks: stageTasks.filter((task) => task.communityKey === community.key),
              paused: startedPaused,
            },
          ],
          parentClosePolicy: ParentClosePolicy.TERMINATE,
        });
        runningChildren.add(workflowId);
        // A pause or resume applied while the child was starting missed it.
        if (isPaused() !== startedPaused) await tellChild(workflowId, isPaused() ? 'paused' : 'running');
        try {
          await child.result();
        } finally {
          runningChildren.delete(workflowId);
        }
        finishedChildren.add(workflowId);
      })();
      childRuns.add(run);
      return run;
    });
    await Promise.all([...children, board.run(stageTasks.filter((task) => board.has(task.key)).map((task) => task.key))]);
    stageStatus.set(stage.key, 'done');
    await projection.recordStageStatus({ engagementId, stageKey: stage.key, status: 'done', at: new Date().toISOString() });
  };

  // Each stage starts as soon as every stage it follows is done: a DAG, not a fixed sequence.
  const stageRuns = new Map<string, Promise<void>>();
  const startStage = (stage: PlannedStage): Promise<void> => {
    const existing = stageRuns.get(stage.key);
    if (existing) return existing;
    const prerequisites = plan.stages.filter((candidate) => stage.after.includes(candidate.key));
    const run = Promise.all(prerequisites.map(startStage)).then(() => runStage(stage));
    stageRuns.set(stage.key, run);
    return run;
  };

  try {
    await projection.materializeEngagement({ engagementId, workflowId: workflowInfo().workflowId, details: input.details, plan });
    await pipeline.run(() => Promise.all(plan.stages.map(startStage)));
    await condition(allHandlersFinished);
    status = 'completed';
    await projection.recordEngagementStatus({ engagementId, status, actorId: null, reason: null, at: new Date().toISOString() });
  } catch (error) {
    if (!isCancellation(error) || !cancellation) throw error;
    const { actorId, reason } = cancellation;
    await CancellationScope.nonCancellable(async () => {
      // Children close their own open tasks; accepted updates here finish writing first.
      await Promise.allSettled([...childRuns]);
      await condition(allHandlersFinished);
      status = 'cancelled';
      const at = new Date().toISOString();
      for (const [key, value] of stageStatus) if (value !== 'done') stageStatus.set(key, 'cancelled');
      await board.cancelOpenTasks(at);
      await projection.recordEngagementStatus({ engagementId, status: 'cancelled', actorId, reason, at });
    });
  } finally {
    isFinished = true;
  }
  await applyRunState;
  await condition(allHandlersFinished);
  return { status };
}
