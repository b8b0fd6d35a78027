import {
  CancellationScope,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  isCancellation,
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

/**
 * `engagement-<id>`: one 创新社区治理 engagement from proposal to the client's acceptance. Stages
 * open when the stages they follow are done (government and self-governance run side by side);
 * within a stage, community work runs in one child workflow per community, the rest here.
 */
export async function engagementWorkflow(input: EngagementWorkflowInput): Promise<{ status: EngagementStatus }> {
  const { engagementId, plan } = input;
  let status: EngagementStatus = 'running';
  const stageStatus = new Map<string, StageStatus>(plan.stages.map((stage) => [stage.key, 'pending']));
  const finishedChildren = new Set<string>();
  const runningChildren = new Set<string>();
  const communityTaskKeys = new Set(plan.tasks.filter((task) => task.communityKey !== null).map((task) => task.key));
  const isPaused = () => status === 'paused';

  const board = new TaskBoard(
    {
      engagementId,
      team: plan.team,
      isPaused,
      // A community task is done when its community's child workflow for that stage has finished.
      isExternalDone: (taskKey) => {
        const task = plan.tasks.find((candidate) => candidate.key === taskKey);
        return !!task?.communityKey && finishedChildren.has(communityStageWorkflowId(engagementId, task.stageKey, task.communityKey));
      },
    },
    plan.tasks.filter((task) => !communityTaskKeys.has(task.key)),
  );
  board.installHandlers();

  const forwardToChildren = async (signal: typeof pauseSignal | typeof resumeSignal, actorId: string | null) => {
    await Promise.all([...runningChildren].map((childId) => getExternalWorkflowHandle(childId).signal(signal, { actorId })));
  };
  setHandler(pauseSignal, async ({ actorId, reason }) => {
    if (status !== 'running') return;
    status = 'paused';
    await projection.recordEngagementStatus({ engagementId, status, actorId, reason: reason ?? null, at: new Date().toISOString() });
    await forwardToChildren(pauseSignal, actorId);
  });
  setHandler(resumeSignal, async ({ actorId }) => {
    if (status !== 'paused') return;
    status = 'running';
    await projection.recordEngagementStatus({ engagementId, status, actorId, reason: null, at: new Date().toISOString() });
    await forwardToChildren(resumeSignal, actorId);
  });
  let cancellation: { actorId: string | null; reason: string | null } | null = null;
  const pipeline = new CancellationScope();
  setHandler(cancelSignal, ({ actorId, reason }) => {
    if (status === 'completed' || status === 'cancelled' || cancellation) return;
    cancellation = { actorId, reason: reason ?? null };
    pipeline.cancel();
  });
  setHandler(
    stateQuery,
    (): EngagementStateView => ({
      engagementId,
      status,
      stages: plan.stages.map((stage) => ({ key: stage.key, status: stageStatus.get(stage.key) ?? 'pending' })),
      tasks: board.views(),
    }),
  );

  const runStage = async (stage: PlannedStage) => {
    await condition(() => !isPaused());
    stageStatus.set(stage.key, 'active');
    await projection.recordStageStatus({ engagementId, stageKey: stage.key, status: 'active', at: new Date().toISOString() });
    const stageTasks = plan.tasks.filter((task) => task.stageKey === stage.key);
    const communities = plan.communities.filter((community) => stageTasks.some((task) => task.communityKey === community.key));
    const children = communities.map(async (community) => {
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
      // A pause or resume that arrived while the child was starting missed the forwarding above.
      if (isPaused() !== startedPaused) await getExternalWorkflowHandle(workflowId).signal(isPaused() ? pauseSignal : resumeSignal, { actorId: null });
      try {
        await child.result();
      } finally {
        runningChildren.delete(workflowId);
      }
      finishedChildren.add(workflowId);
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
    status = 'completed';
    await projection.recordEngagementStatus({ engagementId, status, actorId: null, reason: null, at: new Date().toISOString() });
  } catch (error) {
    if (!isCancellation(error) || !cancellation) throw error;
    status = 'cancelled';
    const { actorId, reason } = cancellation;
    await CancellationScope.nonCancellable(async () => {
      const at = new Date().toISOString();
      for (const [key, value] of stageStatus) if (value !== 'done') stageStatus.set(key, 'cancelled');
      await board.cancelOpenTasks(at);
      await projection.recordEngagementStatus({ engagementId, status: 'cancelled', actorId, reason, at });
    });
  }
  await condition(allHandlersFinished);
  return { status };
}
