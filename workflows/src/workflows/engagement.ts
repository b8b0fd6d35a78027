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
  cancelEngagementUpdate,
  cancelSignal,
  engagementReadyUpdate,
  pauseEngagementUpdate,
  pauseSignal,
  resumeEngagementUpdate,
  resumeSignal,
  stateQuery,
  updateDetailsUpdate,
  type EngagementStateView,
  type EngagementStatus,
  type EngagementWorkflowInput,
  type LifecycleInput,
  type StageStatus,
  type UpdateDetailsInput,
} from './definitions';
import { IncidentDesk } from './incidents';
import { installKnowledgeHandlers } from './knowledge';
import { TaskBoard, projectionActivities, refuse, refuseUnstorableText } from './task-board';

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
  const projection = projectionActivities(input.writeAttempts);
  const incidents = new IncidentDesk({ engagementId, isClosing: () => cancellation !== null });
  incidents.installHandlers();

  const board = new TaskBoard(
    {
      engagementId,
      team: plan.team,
      isPaused,
      incidents,
      projection,
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
  const isEnded = () => cancellation !== null || status !== 'running';
  const requestPause = ({ actorId, reason }: LifecycleInput) => void (desired = { state: 'paused', actorId, reason: reason ?? null });
  const requestResume = ({ actorId }: LifecycleInput) => void (desired = { state: 'running', actorId, reason: null });
  const pipeline = new CancellationScope();
  const requestCancel = ({ actorId, reason }: LifecycleInput) => {
    cancellation = { actorId, reason: reason ?? null };
    pipeline.cancel();
  };
  // The first release's signals: fire and forget, kept so its engagements replay.
  setHandler(pauseSignal, (input) => void (isEnded() ? undefined : requestPause(input)));
  setHandler(resumeSignal, (input) => void (isEnded() ? undefined : requestResume(input)));
  setHandler(cancelSignal, (input) => void (isEnded() ? undefined : requestCancel(input)));

  // Pause, resume and cancel answer with the state they lead to, once it is applied and written.
  let applied: RunState = 'running';
  let isFinished = false;
  let materialized = false;
  let isClosed = false;
  const lifecycleView = () => ({ status: (isClosed || status !== 'running' ? status : desired.state === 'paused' ? 'paused' : 'running') as EngagementStatus });
  setHandler(
    pauseEngagementUpdate,
    async (input) => {
      requestPause(input);
      await condition(() => applied === 'paused' || isEnded());
      return lifecycleView();
    },
    {
      validator: (_input: LifecycleInput) => {
        if (isEnded()) refuse('engagement_not_running', 'the engagement has ended');
        if (desired.state === 'paused') refuse('engagement_not_running', 'the engagement is already paused');
      },
    },
  );
  setHandler(
    resumeEngagementUpdate,
    async (input) => {
      requestResume(input);
      await condition(() => applied === 'running' || isEnded());
      return lifecycleView();
    },
    {
      validator: (_input: LifecycleInput) => {
        if (isEnded()) refuse('engagement_not_running', 'the engagement has ended');
        if (desired.state !== 'paused') refuse('engagement_not_running', 'only a paused engagement can be resumed');
      },
    },
  );
  setHandler(
    cancelEngagementUpdate,
    async (input) => {
      requestCancel(input);
      await condition(() => isClosed);
      return lifecycleView();
    },
    { validator: (_input: LifecycleInput) => void (isEnded() ? refuse('engagement_not_running', 'the engagement has already ended') : undefined) },
  );
  // The names people know the engagement by; the team stays as planned (tasks are reassigned instead).
  let names = { name: input.details.name, clientName: input.details.clientName };
  setHandler(
    updateDetailsUpdate,
    async ({ actorId, name, clientName }) => {
      const before = names;
      names = { name: name ?? before.name, clientName: clientName ?? before.clientName };
      await CancellationScope.nonCancellable(() =>
        incidents.write('recordEngagementDetails', () => projection.recordEngagementDetails({ engagementId, actorId, before, after: names, at: new Date().toISOString() }), 'abandonOnClose'),
      );
      return names;
    },
    {
      validator: ({ name, clientName }: UpdateDetailsInput) => {
        if (isEnded()) refuse('engagement_not_running', 'the engagement has ended');
        refuseUnstorableText({ name, clientName });
      },
    },
  );
  installKnowledgeHandlers({ engagementId, projection, incidents, isMaterialized: () => materialized, isEnded });
  setHandler(engagementReadyUpdate, async () => {
    await condition(() => materialized);
    return { engagementId };
  });
  setHandler(
    stateQuery,
    (): EngagementStateView => ({
      engagementId,
      status: status === 'running' && isPaused() ? 'paused' : status,
      attention: incidents.current(),
      stages: plan.stages.map((stage) => ({ key: stage.key, status: stageStatus.get(stage.key) ?? 'pending' })),
      tasks: board.views(),
    }),
  );

  // Applies pause/resume one change at a time, so the projection and the children always end on
  // the last request, however quickly requests follow each other.
  const applyRunState = CancellationScope.nonCancellable(async () => {
    for (;;) {
      await condition(() => isFinished || desired.state !== applied);
      if (isFinished) return;
      const change = desired;
      await incidents.write('recordEngagementStatus', () =>
        projection.recordEngagementStatus({ engagementId, status: change.state, actorId: change.actorId, reason: change.reason, at: new Date().toISOString() }),
      );
      await Promise.all([...runningChildren].map((childId) => tellChild(childId, change.state)));
      applied = change.state;
    }
  });

  const runStage = async (stage: PlannedStage) => {
    await condition(() => !isPaused());
    stageStatus.set(stage.key, 'active');
    await incidents.write('recordStageStatus', () => projection.recordStageStatus({ engagementId, stageKey: stage.key, status: 'active', at: new Date().toISOString() }));
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
              ...(input.writeAttempts !== undefined ? { writeAttempts: input.writeAttempts } : {}),
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
    await incidents.write('recordStageStatus', () => projection.recordStageStatus({ engagementId, stageKey: stage.key, status: 'done', at: new Date().toISOString() }));
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
    await incidents.write('materializeEngagement', () => projection.materializeEngagement({ engagementId, workflowId: workflowInfo().workflowId, details: input.details, plan }));
    materialized = true;
    await pipeline.run(() => Promise.all(plan.stages.map(startStage)));
    // Accepted task updates finish writing before the engagement closes.
    await condition(() => board.isIdle());
    status = 'completed';
    await incidents.write('recordEngagementStatus', () => projection.recordEngagementStatus({ engagementId, status: 'completed', actorId: null, reason: null, at: new Date().toISOString() }));
  } catch (error) {
    if (!isCancellation(error) || !cancellation) throw error;
    const { actorId, reason } = cancellation;
    await CancellationScope.nonCancellable(async () => {
      // Children close their own open tasks; accepted task updates here finish writing first.
      // (Not allHandlersFinished: the cancel update itself waits for this to end.)
      await Promise.allSettled([...childRuns]);
      await condition(() => board.isIdle());
      status = 'cancelled';
      const at = new Date().toISOString();
      for (const [key, value] of stageStatus) if (value !== 'done') stageStatus.set(key, 'cancelled');
      await board.cancelOpenTasks(at);
      await incidents.write('recordEngagementStatus', () => projection.recordEngagementStatus({ engagementId, status: 'cancelled', actorId, reason, at }));
    });
  } finally {
    isClosed = true;
    isFinished = true;
  }
  await applyRunState;
  await condition(allHandlersFinished);
  return { status };
}
