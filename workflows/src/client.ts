import { ActivityFailure, CancelledFailure, type Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { type Db } from '@gongzhi/db';
import {
  type BusinessCalendar,
  type EngagementPlan,
  type FieldError,
  type PlanInput,
  chinaHolidayCalendar,
  createBusinessCalendar,
  findTemplate,
  planEngagement,
} from '@gongzhi/domain';
import { materializeEngagement } from './activities/engagement-activities';
import { type EngagementErrorCode, isEngagementErrorCode } from './errors';
import { ENGAGEMENT_TASK_QUEUE, engagementWorkflowId } from './ids';
import type { engagementWorkflow } from './workflows/engagement';
import {
  cancelSignal,
  completeTaskUpdate,
  pauseSignal,
  reassignTaskUpdate,
  resumeSignal,
  reviewDeliverableUpdate,
  stateQuery,
  type CompleteTaskInput,
  type EngagementDetails,
  type EngagementStateView,
  type EngagementWorkflowInput,
  type ReassignTaskInput,
  type ReviewDeliverableInput,
  type TaskView,
} from './workflows/definitions';

/** A refused command, with a stable code the API maps to its status and message. */
export class EngagementCommandError extends Error {
  constructor(
    readonly code: EngagementErrorCode | 'engagement_not_found',
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'EngagementCommandError';
  }
}

export interface StartEngagementRequest extends PlanInput, EngagementDetails {
  /** Chosen by the caller so a retried request finds the same engagement. */
  engagementId: string;
  templateKey: string;
  templateVersion?: number;
}

export interface EngagementClientDeps {
  db: Db;
  temporal: Client;
  /** Business-day calendar for planning; defaults to the built-in Chinese holidays. */
  calendar?: BusinessCalendar;
  taskQueue?: string;
}

/** Maps what Temporal says about a refused or impossible command to a stable business code. */
async function toCommandError(error: unknown, taskStatus: () => Promise<string | undefined>): Promise<never> {
  if (error instanceof WorkflowUpdateFailedError) {
    if (error.cause instanceof ApplicationFailure && isEngagementErrorCode(error.cause.type)) {
      const details = error.cause.details?.[0];
      throw new EngagementCommandError(error.cause.type, error.cause.message, Array.isArray(details) ? (details as FieldError[]) : []);
    }
    // Accepted, then cut short by the engagement's cancellation.
    if (error.cause instanceof CancelledFailure || error.cause instanceof ActivityFailure) {
      throw new EngagementCommandError('engagement_not_running', 'the engagement was cancelled while the change was being written');
    }
  }
  if (error instanceof WorkflowNotFoundError) {
    // The owning workflow has not started (its stage is not open) or has already closed.
    const status = await taskStatus();
    if (status === 'done') throw new EngagementCommandError('task_already_completed', 'the task is already completed');
    if (status === 'cancelled') throw new EngagementCommandError('engagement_not_running', 'the engagement was cancelled');
    throw new EngagementCommandError('task_not_open', 'the task is not open');
  }
  throw error;
}

export type EngagementClient = ReturnType<typeof createEngagementClient>;

/**
 * The typed door into running engagements, used by the API and the tooling. Commands go to the
 * workflow that owns the task, as Updates: they answer only after the workflow has accepted the
 * change and written its projection, and an update id makes a retried command a no-op.
 */
export function createEngagementClient({ db, temporal, calendar = createBusinessCalendar(chinaHolidayCalendar()), taskQueue = ENGAGEMENT_TASK_QUEUE }: EngagementClientDeps) {
  const taskStatus = (engagementId: string, taskKey: string) => async () =>
    (await db.task.findUnique({ where: { engagementId_key: { engagementId, key: taskKey } }, select: { status: true } }))?.status;
  const ownerOf = async (engagementId: string, taskKey: string) => {
    const task = await db.task.findUnique({ where: { engagementId_key: { engagementId, key: taskKey } }, select: { workflowId: true } });
    if (!task) throw new EngagementCommandError('unknown_task', `no task ${taskKey} in engagement ${engagementId}`);
    return temporal.workflow.getHandle(task.workflowId);
  };

  const engagementHandle = async (engagementId: string) => {
    const engagement = await db.engagement.findUnique({ where: { id: engagementId }, select: { workflowId: true } });
    if (!engagement) throw new EngagementCommandError('engagement_not_found', `no engagement ${engagementId}`);
    return temporal.workflow.getHandle(engagement.workflowId);
  };

  return {
    /** Plans the engagement, writes its projection, then starts its workflow; safe to repeat. */
    async startEngagement(request: StartEngagementRequest): Promise<{ engagementId: string; workflowId: string; plan: EngagementPlan }> {
      const template = findTemplate(request.templateKey, request.templateVersion);
      if (!template) throw new EngagementCommandError('validation_failed', `unknown template ${request.templateKey}@${request.templateVersion ?? 'latest'}`);
      const plan = planEngagement(template, { startDate: request.startDate, communities: request.communities, departments: request.departments, team: request.team }, calendar);
      const input: EngagementWorkflowInput = {
        engagementId: request.engagementId,
        details: { name: request.name, clientName: request.clientName, clientKind: request.clientKind, createdById: request.createdById },
        plan,
      };
      const workflowId = engagementWorkflowId(request.engagementId);
      await materializeEngagement(db, { ...input, workflowId });
      await startWorkflow(temporal, taskQueue, input);
      await db.engagement.updateMany({ where: { id: request.engagementId, workflowStartedAt: null }, data: { workflowStartedAt: new Date() } });
      return { engagementId: request.engagementId, workflowId, plan };
    },

    async completeTask(engagementId: string, input: CompleteTaskInput, idempotencyKey?: string): Promise<TaskView> {
      const handle = await ownerOf(engagementId, input.taskKey);
      return handle
        .executeUpdate(completeTaskUpdate, { args: [input], ...(idempotencyKey ? { updateId: idempotencyKey } : {}) })
        .catch((error: unknown) => toCommandError(error, taskStatus(engagementId, input.taskKey)));
    },

    async reviewDeliverable(engagementId: string, input: ReviewDeliverableInput, idempotencyKey?: string): Promise<TaskView> {
      const handle = await ownerOf(engagementId, input.taskKey);
      return handle
        .executeUpdate(reviewDeliverableUpdate, { args: [input], ...(idempotencyKey ? { updateId: idempotencyKey } : {}) })
        .catch((error: unknown) => toCommandError(error, taskStatus(engagementId, input.taskKey)));
    },

    async reassignTask(engagementId: string, input: ReassignTaskInput, idempotencyKey?: string): Promise<TaskView> {
      const handle = await ownerOf(engagementId, input.taskKey);
      return handle
        .executeUpdate(reassignTaskUpdate, { args: [input], ...(idempotencyKey ? { updateId: idempotencyKey } : {}) })
        .catch((error: unknown) => toCommandError(error, taskStatus(engagementId, input.taskKey)));
    },

    async pause(engagementId: string, actorId: string | null, reason?: string): Promise<void> {
      await (await engagementHandle(engagementId)).signal(pauseSignal, { actorId, ...(reason ? { reason } : {}) });
    },

    async resume(engagementId: string, actorId: string | null): Promise<void> {
      await (await engagementHandle(engagementId)).signal(resumeSignal, { actorId });
    },

    async cancel(engagementId: string, actorId: string | null, reason?: string): Promise<void> {
      await (await engagementHandle(engagementId)).signal(cancelSignal, { actorId, ...(reason ? { reason } : {}) });
    },

    /** The live state of the engagement workflow: its stages and the tasks it owns (not its children's). */
    async getState(engagementId: string): Promise<EngagementStateView> {
      const handle = await engagementHandle(engagementId);
      return handle.query(stateQuery);
    },

    /** The live state of one task, from whichever workflow owns it; undefined before that workflow starts. */
    async getTaskState(engagementId: string, taskKey: string): Promise<TaskView | undefined> {
      const handle = await ownerOf(engagementId, taskKey);
      try {
        const state = await handle.query(stateQuery);
        return state.tasks.find((task) => task.key === taskKey);
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return undefined;
        throw error;
      }
    },
  };
}

async function startWorkflow(temporal: Client, taskQueue: string, input: EngagementWorkflowInput): Promise<void> {
  try {
    await temporal.workflow.start<typeof engagementWorkflow>('engagementWorkflow', {
      workflowId: engagementWorkflowId(input.engagementId),
      taskQueue,
      args: [input],
      // An engagement runs once: repeating the start of a finished one must not reopen it.
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    // Starting twice is not an error: the engagement already runs under its business id.
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

/** Starts the workflows of engagements whose projection was written but whose start was lost. */
export async function startUnstartedEngagements({ db, temporal, taskQueue = ENGAGEMENT_TASK_QUEUE }: { db: Db; temporal: Client; taskQueue?: string }): Promise<string[]> {
  const pending = await db.engagement.findMany({ where: { workflowStartedAt: null, status: 'running' }, select: { id: true, name: true, clientName: true, clientKind: true, createdById: true, plan: true } });
  for (const engagement of pending) {
    await startWorkflow(temporal, taskQueue, {
      engagementId: engagement.id,
      details: { name: engagement.name, clientName: engagement.clientName, clientKind: engagement.clientKind, createdById: engagement.createdById },
      plan: engagement.plan as unknown as EngagementPlan,
    });
    await db.engagement.update({ where: { id: engagement.id }, data: { workflowStartedAt: new Date() } });
  }
  return pending.map((engagement) => engagement.id);
}
