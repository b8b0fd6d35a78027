import {
  ActivityFailure,
  CancelledFailure,
  type Client,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  isGrpcServiceError,
} from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition, type Workflow } from '@temporalio/common';
import { type Db } from '@gongzhi/db';
import {
  type BusinessCalendar,
  type EngagementPlan,
  type FieldError,
  type HolidayCalendar,
  type PlanInput,
  chinaHolidayCalendar,
  createBusinessCalendar,
  findTemplate,
  planEngagement,
} from '@gongzhi/domain';
import { type EngagementErrorCode, isEngagementErrorCode } from './errors';
import { adoptionRecordWorkflowId, adoptionWorkflowId, caseSettingsWorkflowId, caseWorkflowId, consultationWorkflowId, outcomesReportWorkflowId, modelHouseholdsWorkflowId, workLogWorkflowId, documentGenerationWorkflowId, ENGAGEMENT_TASK_QUEUE, engagementWorkflowId, fieldResearchWorkflowId, hotlineWorkflowId, pdfRenditionWorkflowId, questionnaireWorkflowId } from './ids';
import type { caseWorkflow } from './workflows/case';
import type { consultationWorkflow } from './workflows/consultation';
import type { adoptionWorkflow } from './workflows/adoption';
import type { outcomesReportWorkflow } from './workflows/outcomes-report';
import type { adoptionRecordWorkflow } from './workflows/adoption-record';
import type { caseSettingsWorkflow } from './workflows/case-settings';
import type { modelHouseholdsWorkflow } from './workflows/model-households';
import type { workLogWorkflow } from './workflows/work-log';
import type { hotlineWorkflow } from './workflows/hotline';
import type { documentGenerationWorkflow } from './workflows/document-generation';
import type { engagementWorkflow } from './workflows/engagement';
import type { fieldResearchWorkflow } from './workflows/field-research';
import type { pdfRenditionWorkflow } from './workflows/pdf-rendition';
import type { questionnaireWorkflow } from './workflows/questionnaire';
import {
  adaptKnowledgeUpdate,
  caseCommandUpdate,
  caseReportedUpdate,
  caseSettingsCommandUpdate,
  type ConsultationCommand,
  consultationCommandUpdate,
  consultationOpenedUpdate,
  type AdoptionCommand,
  adoptionCommandUpdate,
  adoptionOpenedUpdate,
  type AdoptionWorkflowInput,
  type ConsultationWorkflowInput,
  modelHouseholdCommandUpdate,
  type ModelHouseholdCommand,
  workLogCommandUpdate,
  type WorkLogCommand,
  workLogExportUpdate,
  type HotlineCommand,
  hotlineCommandUpdate,
  type HotlineCommandResult,
  type SaveCaseSettingsCommand,
  type CaseCommand,
  type CaseView,
  type CaseWorkflowInput,
  cancelEngagementUpdate,
  completeTaskUpdate,
  engagementReadyUpdate,
  generationRegisteredUpdate,
  pauseEngagementUpdate,
  questionnaireCommandUpdate,
  fieldResearchCommandUpdate,
  type FieldResearchCommand,
  type FieldResearchCommandResult,
  reassignTaskUpdate,
  resumeEngagementUpdate,
  knowledgeChangedSignal,
  retryWritesUpdate,
  reviewDeliverableUpdate,
  stateQuery,
  takeKnowledgeUpdate,
  updateDetailsUpdate,
  type AdaptKnowledgeInput,
  type AdaptKnowledgeResult,
  type CompleteTaskInput,
  type DocumentGenerationInput,
  type EngagementDetails,
  type EngagementStateView,
  type EngagementWorkflowInput,
  type KnowledgeChangedInput,
  type LifecycleInput,
  type LifecycleResult,
  type QuestionnaireCommand,
  type QuestionnaireCommandResult,
  type ReassignTaskInput,
  type ReviewDeliverableInput,
  type TakeKnowledgeInput,
  type TakeKnowledgeResult,
  type TaskView,
  type UpdateDetailsInput,
} from './workflows/definitions';

/** What a command may end in besides a workflow's own refusals. */
export type CommandErrorCode = EngagementErrorCode | 'engagement_not_found' | 'temporarily_unavailable' | 'engagement_needs_attention' | 'conflict';

/** A refused or impossible command, with a stable code the API maps to its status and message. */
export class EngagementCommandError extends Error {
  constructor(
    readonly code: CommandErrorCode,
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
  /** Attempts per projection write before it becomes an incident; tests ask for fewer than 40. */
  writeAttempts?: number;
}

export interface EngagementClientDeps {
  db: Db;
  temporal: Client;
  /** Holidays and make-up workdays business days count on; defaults to the built-in Chinese ones. */
  holidays?: HolidayCalendar;
  /** Business-day calendar for planning; defaults to one on `holidays`. */
  calendar?: BusinessCalendar;
  taskQueue?: string;
  /**
   * How long one command may take end to end (including waiting for a worker to pick it up).
   * Past it the caller hears `temporarily_unavailable`; the command was either never accepted
   * or is carried out later, and repeating it with the same idempotency key is safe.
   */
  commandTimeoutMs?: number;
}

const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_NOT_FOUND = 5;

/** Temporal could not be reached or did not answer in time: the command's fate is not known yet. */
function isOutage(error: unknown): boolean {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  const grpc = isGrpcServiceError(error) ? error : isGrpcServiceError((error as { cause?: unknown } | null)?.cause) ? (error as { cause: { code: number } }).cause : null;
  return grpc !== null && (grpc.code === GRPC_UNAVAILABLE || grpc.code === GRPC_DEADLINE_EXCEEDED);
}

const GRPC_RESOURCE_EXHAUSTED = 8;
const isResourceExhausted = (error: unknown) =>
  (isGrpcServiceError(error) && error.code === GRPC_RESOURCE_EXHAUSTED) ||
  (isGrpcServiceError((error as { cause?: unknown } | null)?.cause) && (error as { cause: { code: number } }).cause.code === GRPC_RESOURCE_EXHAUSTED);

const isNotFound = (error: unknown) =>
  error instanceof WorkflowNotFoundError || (isGrpcServiceError(error) && error.code === GRPC_NOT_FOUND) || (isGrpcServiceError((error as { cause?: unknown } | null)?.cause) && (error as { cause: { code: number } }).cause.code === GRPC_NOT_FOUND);

/** Maps what Temporal says about a refused or impossible command to a stable business code. */
/** A command whose write kept failing (its activity out of retries) is an outage to the caller, not a refusal. */
function refuseFailedWrite(error: unknown, what: string): void {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ActivityFailure) {
    throw new EngagementCommandError('temporarily_unavailable', `${what} could not be written; try again shortly`);
  }
}

async function toCommandError(error: unknown, taskStatus: () => Promise<string | undefined>): Promise<never> {
  if (error instanceof EngagementCommandError) throw error;
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
  if (isOutage(error)) {
    throw new EngagementCommandError('temporarily_unavailable', 'the workflow engine did not answer in time; the command may still be carried out');
  }
  if (isNotFound(error)) {
    // The owning workflow has not started (its stage is not open) or has already closed.
    const status = await taskStatus();
    if (status === 'done') throw new EngagementCommandError('task_already_completed', 'the task is already completed');
    if (status === 'cancelled' || status === undefined) throw new EngagementCommandError('engagement_not_running', 'the engagement has ended');
    throw new EngagementCommandError('task_not_open', 'the task is not open');
  }
  throw error;
}

export type EngagementClient = ReturnType<typeof createEngagementClient>;

/** Thirty seconds: long enough for a worker to take a command and write it, short enough for a person waiting. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 30_000;

/**
 * The typed door into running engagements, used by the API and the tooling. Commands go to the
 * workflow that owns the task, as Updates: they answer only after the workflow has accepted the
 * change and written its projection, and an update id makes a retried command a no-op. Every
 * call into Temporal has a deadline, so an outage is a bounded `temporarily_unavailable`.
 */
export function createEngagementClient({
  db,
  temporal,
  holidays = chinaHolidayCalendar(),
  calendar = createBusinessCalendar(holidays),
  taskQueue = ENGAGEMENT_TASK_QUEUE,
  commandTimeoutMs = DEFAULT_COMMAND_TIMEOUT_MS,
}: EngagementClientDeps) {
  const withDeadline = <T>(call: () => Promise<T>): Promise<T> => temporal.connection.withDeadline(Date.now() + commandTimeoutMs, call);
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

  /**
   * Sends one Update and waits for its answer, within the deadline. Every command has an update
   * id — the caller's idempotency key, or a fresh one — so a retry after an outage joins the
   * first attempt instead of repeating it.
   */
  async function runUpdate<Ret, Args extends [unknown]>(
    engagementId: string,
    handle: WorkflowHandle,
    update: UpdateDefinition<Ret, Args>,
    input: Args[0],
    idempotencyKey: string | undefined,
    statusWhenGone: () => Promise<string | undefined>,
  ): Promise<Ret> {
    try {
      return await withDeadline(() => handle.executeUpdate(update, { args: [input] as Args, updateId: idempotencyKey ?? crypto.randomUUID() }));
    } catch (error) {
      // Not an outage but a write waiting on an admin: say so, and that the command will complete then.
      if (isOutage(error) && (await db.workflowIncident.count({ where: { engagementId, resolvedAt: null } })) > 0) {
        throw new EngagementCommandError('engagement_needs_attention', 'the engagement waits for an administrator to retry a failed write; the command completes then');
      }
      return toCommandError(error, statusWhenGone);
    }
  }

  const taskCommand =
    <Input extends { taskKey: string }>(update: UpdateDefinition<TaskView, [Input]>) =>
    async (engagementId: string, input: Input, idempotencyKey?: string): Promise<TaskView> =>
      runUpdate(engagementId, await ownerOf(engagementId, input.taskKey), update, input, idempotencyKey, taskStatus(engagementId, input.taskKey));

  const completeTaskCommand = taskCommand<CompleteTaskInput>(completeTaskUpdate);

  // A lifecycle command to a workflow that is gone: the engagement has ended.
  const lifecycleCommand =
    (update: UpdateDefinition<LifecycleResult, [LifecycleInput]>) =>
    async (engagementId: string, input: LifecycleInput, idempotencyKey?: string): Promise<LifecycleResult> =>
      runUpdate(engagementId, await engagementHandle(engagementId), update, input, idempotencyKey, async () => 'cancelled');

  /**
   * Starts a workflow once, under its business id, and waits for its "on record" Update
   * (update-with-start): a repeat joins the running workflow, and one that already ran to its end
   * is fine when `isRecorded` finds what its first request wrote.
   */
  const startOnce = async (start: WithStartWorkflowOperation<Workflow>, ready: UpdateDefinition<unknown, []>, updateId: string, isRecorded: () => Promise<boolean>) => {
    try {
      await withDeadline(() => temporal.workflow.executeUpdateWithStart(ready, { args: [], updateId, startWorkflowOperation: start }));
    } catch (error) {
      const hasClosed = error instanceof WorkflowExecutionAlreadyStartedError || (error as { cause?: unknown })?.cause instanceof WorkflowExecutionAlreadyStartedError;
      if (!(hasClosed && (await isRecorded()))) await toCommandError(error, async () => undefined);
    }
  };

  /**
   * One command to a record-keeping workflow by update-with-start (its run ends when idle; the next
   * command starts a new one). Answers once the command is written. Many callers at once can meet
   * Temporal's limit of Updates in flight per workflow (RESOURCE_EXHAUSTED): it waits a moment and
   * sends again, within the command's deadline.
   */
  const commandWithStart = async <Command, Result>(
    update: UpdateDefinition<Result, [Command]>,
    command: Command,
    idempotencyKey: string | undefined,
    target: { workflowType: string; workflowId: string; args: unknown[]; what: string },
  ): Promise<Result> => {
    const send = () =>
      withDeadline(() =>
        temporal.workflow.executeUpdateWithStart(update, {
          args: [command],
          updateId: idempotencyKey ?? crypto.randomUUID(),
          startWorkflowOperation: new WithStartWorkflowOperation<Workflow>(target.workflowType, { workflowId: target.workflowId, taskQueue, args: target.args, workflowIdConflictPolicy: 'USE_EXISTING' }),
        }),
      );
    const deadline = Date.now() + commandTimeoutMs;
    for (let attempt = 1; ; attempt++) {
      try {
        return await send();
      } catch (error) {
        if (isResourceExhausted(error) && Date.now() + 1000 < deadline) {
          await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt) * (0.5 + Math.random())));
          continue;
        }
        if (isResourceExhausted(error)) throw new EngagementCommandError('temporarily_unavailable', 'too many commands at once; try again shortly');
        refuseFailedWrite(error, target.what);
        // The run ended (idle, or its history long) as the command arrived: the next run takes it.
        if (attempt === 1 && (isNotFound(error) || error instanceof WorkflowExecutionAlreadyStartedError)) continue;
        return toCommandError(error, async () => undefined);
      }
    }
  };

  return {
    /**
     * Plans the engagement and starts its workflow, which writes the projection as its first
     * step; answers once that is done (update-with-start), so the caller can read the engagement.
     * The database never holds an engagement without its workflow. Safe to repeat with the same id.
     */
    async startEngagement(request: StartEngagementRequest): Promise<{ engagementId: string; workflowId: string; plan: EngagementPlan }> {
      const template = findTemplate(request.templateKey, request.templateVersion);
      if (!template) throw new EngagementCommandError('validation_failed', `unknown template ${request.templateKey}@${request.templateVersion ?? 'latest'}`);
      const plan = planEngagement(template, { startDate: request.startDate, communities: request.communities, departments: request.departments, team: request.team }, calendar);
      const input: EngagementWorkflowInput = {
        engagementId: request.engagementId,
        details: {
          name: request.name,
          clientName: request.clientName,
          clientKind: request.clientKind,
          createdById: request.createdById,
          ...(request.requestHash ? { requestHash: request.requestHash } : {}),
        },
        plan,
        ...(request.writeAttempts !== undefined ? { writeAttempts: request.writeAttempts } : {}),
      };
      const workflowId = engagementWorkflowId(request.engagementId);
      const start = new WithStartWorkflowOperation<typeof engagementWorkflow>('engagementWorkflow', {
        workflowId,
        taskQueue,
        args: [input],
        // A repeated create joins the running engagement; an engagement runs once and is never restarted.
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      // Already run to its end under this id: the engagement exists, as the first request made it.
      await startOnce(start, engagementReadyUpdate, 'engagement-ready', async () => (await db.engagement.count({ where: { id: request.engagementId } })) > 0);
      return { engagementId: request.engagementId, workflowId, plan };
    },

    /**
     * Starts drafting a document for a deliverable on a worker; answers once the request is on
     * record (update-with-start), so the caller can follow it. Safe to repeat with the same id.
     */
    async generateDocument(input: DocumentGenerationInput): Promise<{ generationId: string }> {
      const start = new WithStartWorkflowOperation<typeof documentGenerationWorkflow>('documentGenerationWorkflow', {
        workflowId: documentGenerationWorkflowId(input.generationId),
        taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      await startOnce(start, generationRegisteredUpdate, 'generation-registered', async () => (await db.generatedDocument.count({ where: { id: input.generationId } })) > 0);
      return { generationId: input.generationId };
    },

    /**
     * One command to a questionnaire's workflow (update-with-start: a questionnaire's run ends when
     * idle, and the next command starts a new one). Answers once the command is written. With an
     * idempotency key, a retry joins the first attempt while its run lives.
     */
    questionnaireCommand: (engagementId: string, questionnaireId: string, command: QuestionnaireCommand, idempotencyKey?: string): Promise<QuestionnaireCommandResult> =>
      commandWithStart(questionnaireCommandUpdate, command, idempotencyKey, {
        workflowType: 'questionnaireWorkflow',
        workflowId: questionnaireWorkflowId(questionnaireId),
        args: [{ questionnaireId, engagementId }] satisfies Parameters<typeof questionnaireWorkflow>,
        what: 'the questionnaire',
      }),

    /** One command to the engagement's field-research workflow (sessions and their problems), as questionnaireCommand. */
    fieldResearchCommand: (engagementId: string, command: FieldResearchCommand, idempotencyKey?: string): Promise<FieldResearchCommandResult> =>
      commandWithStart(fieldResearchCommandUpdate, command, idempotencyKey, {
        workflowType: 'fieldResearchWorkflow',
        workflowId: fieldResearchWorkflowId(engagementId),
        args: [{ engagementId }] satisfies Parameters<typeof fieldResearchWorkflow>,
        what: 'the research record',
      }),

    /**
     * Reports a community problem as a case and starts its workflow (`case-<id>`), which writes it
     * as its first step; answers once it is on record, or with why the report does not fit. Safe to
     * repeat with the same case id: a repeat joins the case (null when it has already closed).
     */
    async reportCase(input: Omit<CaseWorkflowInput, 'holidays'>): Promise<CaseView | null> {
      const start = new WithStartWorkflowOperation<typeof caseWorkflow>('caseWorkflow', {
        workflowId: caseWorkflowId(input.caseId),
        taskQueue,
        args: [{ ...input, holidays }],
        workflowIdConflictPolicy: 'USE_EXISTING',
        // A case runs once: its id is never reused, even after a refused report.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      try {
        return await withDeadline(() => temporal.workflow.executeUpdateWithStart(caseReportedUpdate, { args: [], updateId: 'case-reported', startWorkflowOperation: start }));
      } catch (error) {
        const hasClosed = error instanceof WorkflowExecutionAlreadyStartedError || (error as { cause?: unknown })?.cause instanceof WorkflowExecutionAlreadyStartedError;
        if (hasClosed && (await db.problemCase.count({ where: { id: input.caseId } })) > 0) return null;
        if (hasClosed) throw new EngagementCommandError('conflict', 'this case id was used by a report that was refused; report it again as a new case');
        return toCommandError(error, async () => undefined);
      }
    },

    /** The engagement's case periods as a new version (its case-settings workflow), as fieldResearchCommand. */
    saveCaseSettings: (engagementId: string, command: SaveCaseSettingsCommand, idempotencyKey?: string): Promise<{ version: number }> =>
      commandWithStart(caseSettingsCommandUpdate, command, idempotencyKey, {
        workflowType: 'caseSettingsWorkflow',
        workflowId: caseSettingsWorkflowId(engagementId),
        args: [{ engagementId }] satisfies Parameters<typeof caseSettingsWorkflow>,
        what: 'the case periods',
      }),

    /** Records or withdraws a 德治典型 household (the engagement's model-households workflow), as fieldResearchCommand. */
    modelHouseholdCommand: (engagementId: string, command: ModelHouseholdCommand, idempotencyKey?: string): Promise<{ id: string; changed: boolean }> =>
      commandWithStart(modelHouseholdCommandUpdate, command, idempotencyKey, {
        workflowType: 'modelHouseholdsWorkflow',
        workflowId: modelHouseholdsWorkflowId(engagementId),
        args: [{ engagementId }] satisfies Parameters<typeof modelHouseholdsWorkflow>,
        what: 'the model households',
      }),

    /** Logs, shares or withdraws a 工作日志 entry (the engagement's work-log workflow), as fieldResearchCommand. */
    workLogCommand: (engagementId: string, command: WorkLogCommand, idempotencyKey?: string): Promise<{ id: string; changed: boolean }> =>
      commandWithStart(workLogCommandUpdate, command, idempotencyKey, {
        workflowType: 'workLogWorkflow',
        workflowId: workLogWorkflowId(engagementId),
        args: [{ engagementId }] satisfies Parameters<typeof workLogWorkflow>,
        what: 'the work log',
      }),

    /** The 工作台账 workbook (of one community, or all), drafted on a worker by the work-log workflow. */
    workLogExport: (engagementId: string, communityKey: string | null) =>
      commandWithStart(workLogExportUpdate, { communityKey }, undefined, {
        workflowType: 'workLogWorkflow',
        workflowId: workLogWorkflowId(engagementId),
        args: [{ engagementId }] satisfies Parameters<typeof workLogWorkflow>,
        what: 'the work-log ledger',
      }),

    /** One command to the engagement's 12345 workflow (stage or import a month's extract, save the settings, export), as fieldResearchCommand. */
    hotlineCommand: <C extends HotlineCommand>(engagementId: string, command: C, idempotencyKey?: string): Promise<Extract<HotlineCommandResult, { kind: C['kind'] }>> =>
      commandWithStart(hotlineCommandUpdate, command as HotlineCommand, idempotencyKey, {
        workflowType: 'hotlineWorkflow',
        workflowId: hotlineWorkflowId(engagementId),
        args: [{ engagementId }] satisfies Parameters<typeof hotlineWorkflow>,
        what: 'the 12345 record',
      }) as Promise<Extract<HotlineCommandResult, { kind: C['kind'] }>>,

    /**
     * Puts a 会诊 on record and starts its workflow (`consultation-<id>`); answers once it is
     * written, or with why it does not fit. Safe to repeat with the same id: a repeat joins it.
     */
    async openConsultation(input: ConsultationWorkflowInput): Promise<void> {
      const start = new WithStartWorkflowOperation<typeof consultationWorkflow>('consultationWorkflow', {
        workflowId: consultationWorkflowId(input.consultationId),
        taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        // A consultation runs once: its id is never reused, even after a refused opening.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      try {
        await withDeadline(() => temporal.workflow.executeUpdateWithStart(consultationOpenedUpdate, { args: [], updateId: 'consultation-opened', startWorkflowOperation: start }));
      } catch (error) {
        const hasClosed = error instanceof WorkflowExecutionAlreadyStartedError || (error as { cause?: unknown })?.cause instanceof WorkflowExecutionAlreadyStartedError;
        if (hasClosed && (await db.consultation.count({ where: { id: input.consultationId } })) > 0) return;
        if (hasClosed) throw new EngagementCommandError('conflict', 'this consultation id was used by an opening that was refused; open it again as a new consultation');
        await toCommandError(error, async () => undefined);
      }
    },

    /**
     * An opinion, the conclusion or a withdrawal; with an idempotency key a retry joins the first
     * attempt while its run lives. By update-with-start: when the consultation's run is gone (ended
     * early, or with the consultation), a run picks it up from its record and takes the command —
     * or refuses it, the consultation being closed (and gives its task back again).
     */
    consultationCommand: (engagementId: string, consultationId: string, command: ConsultationCommand, idempotencyKey?: string): Promise<{ consultationId: string; changed: boolean }> =>
      commandWithStart(consultationCommandUpdate, command, idempotencyKey, {
        workflowType: 'consultationWorkflow',
        workflowId: consultationWorkflowId(consultationId),
        args: [{ consultationId, engagementId } satisfies ConsultationWorkflowInput],
        what: 'the consultation',
      }),

    /** Opens a community's adoption procedure; answers once it is on record (a retry with the same id joins it). */
    async openAdoption(input: AdoptionWorkflowInput): Promise<void> {
      const start = new WithStartWorkflowOperation<typeof adoptionWorkflow>('adoptionWorkflow', {
        workflowId: adoptionWorkflowId(input.adoptionId),
        taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        // A procedure runs once: its id is never reused, even after a refused opening.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      try {
        await withDeadline(() => temporal.workflow.executeUpdateWithStart(adoptionOpenedUpdate, { args: [], updateId: 'adoption-opened', startWorkflowOperation: start }));
      } catch (error) {
        const hasClosed = error instanceof WorkflowExecutionAlreadyStartedError || (error as { cause?: unknown })?.cause instanceof WorkflowExecutionAlreadyStartedError;
        if (hasClosed && (await db.conventionAdoption.count({ where: { id: input.adoptionId } })) > 0) return;
        if (hasClosed) throw new EngagementCommandError('conflict', 'this procedure id was used by an opening that was refused; open it again as a new procedure');
        await toCommandError(error, async () => undefined);
      }
    },

    /**
     * A meeting, a re-notice, the filing or a withdrawal; with an idempotency key a retry joins the
     * first attempt while its run lives. By update-with-start: when the procedure's run is gone
     * (ended early, or with the procedure), a run picks it up from its record and takes the
     * command — or refuses it, the procedure being adopted or withdrawn.
     */
    adoptionCommand: (engagementId: string, adoptionId: string, command: AdoptionCommand, idempotencyKey?: string): Promise<{ adoptionId: string; changed: boolean }> =>
      commandWithStart(adoptionCommandUpdate, command, idempotencyKey, {
        workflowType: 'adoptionWorkflow',
        workflowId: adoptionWorkflowId(adoptionId),
        args: [{ adoptionId, engagementId } satisfies AdoptionWorkflowInput],
        what: 'the adoption procedure',
      }),

    /** One person's action on a case; answers with the case after it. With an idempotency key a retry is the same action once. */
    async caseCommand(caseId: string, command: CaseCommand, idempotencyKey?: string): Promise<CaseView> {
      try {
        // The key with the request's hash: Temporal answers a repeated update id with its first result, so
        // the same key asking something else must reach the workflow, which refuses it.
        const updateId = idempotencyKey ? `${idempotencyKey}:${command.requestHash ?? ''}` : crypto.randomUUID();
        return await withDeadline(() => temporal.workflow.getHandle(caseWorkflowId(caseId)).executeUpdate(caseCommandUpdate, { args: [command], updateId }));
      } catch (error) {
        if (isNotFound(error)) {
          // Its workflow ends with the case: a closed case takes no more actions.
          const row = await db.problemCase.findUnique({ where: { id: caseId }, select: { status: true } });
          if (row && row.status !== 'open') throw new EngagementCommandError('case_closed', 'the case is closed');
          throw new EngagementCommandError('unknown_case', `no open case ${caseId}`);
        }
        return toCommandError(error, async () => undefined);
      }
    },

    /**
     * The PDF copy of a stored .docx/.xlsx, converted on a worker (LibreOffice) and stored; answers
     * once it is. People asking for the same content at once share one conversion.
     */
    async renderPdf(input: Parameters<typeof pdfRenditionWorkflow>[0]): Promise<Awaited<ReturnType<typeof pdfRenditionWorkflow>>> {
      try {
        return await temporal.workflow.execute<typeof pdfRenditionWorkflow>('pdfRenditionWorkflow', {
          workflowId: pdfRenditionWorkflowId(input.sourceSha256),
          taskQueue,
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowExecutionTimeout: '5 minutes',
        });
      } catch (error) {
        throw new EngagementCommandError('temporarily_unavailable', `the PDF could not be made now (${error instanceof Error ? error.message : 'unknown'}); try again shortly`);
      }
    },

    /** The 成效证明材料 workbook, drafted on a worker from the engagement's records as of today and stored. */
    async outcomesReport(engagementId: string): Promise<Awaited<ReturnType<typeof outcomesReportWorkflow>>> {
      try {
        return await temporal.workflow.execute<typeof outcomesReportWorkflow>('outcomesReportWorkflow', {
          workflowId: outcomesReportWorkflowId(engagementId, crypto.randomUUID()),
          taskQueue,
          args: [{ engagementId }],
          workflowExecutionTimeout: '5 minutes',
        });
      } catch (error) {
        throw new EngagementCommandError('temporarily_unavailable', `the outcomes workbook could not be drafted now (${error instanceof Error ? error.message : 'unknown'}); try again shortly`);
      }
    },

    /** A procedure's 民主程序记录 (.docx), drafted on a worker from its record as of now and stored; null: no such procedure. */
    async adoptionRecord(engagementId: string, adoptionId: string): Promise<Awaited<ReturnType<typeof adoptionRecordWorkflow>>> {
      try {
        return await temporal.workflow.execute<typeof adoptionRecordWorkflow>('adoptionRecordWorkflow', {
          workflowId: adoptionRecordWorkflowId(adoptionId, crypto.randomUUID()),
          taskQueue,
          args: [{ engagementId, adoptionId }],
          workflowExecutionTimeout: '3 minutes',
        });
      } catch (error) {
        throw new EngagementCommandError('temporarily_unavailable', `the adoption record could not be drafted now (${error instanceof Error ? error.message : 'unknown'}); try again shortly`);
      }
    },

    /** With an idempotency key, the completion also leaves a receipt under it (see CompleteTaskInput.receiptKey). */
    completeTask: async (engagementId: string, input: CompleteTaskInput, idempotencyKey?: string): Promise<TaskView> =>
      completeTaskCommand(engagementId, idempotencyKey ? { ...input, receiptKey: idempotencyKey } : input, idempotencyKey),
    reviewDeliverable: taskCommand<ReviewDeliverableInput>(reviewDeliverableUpdate),
    reassignTask: taskCommand<ReassignTaskInput>(reassignTaskUpdate),

    /** Pauses the engagement; answers once every timer is held and the projection says paused. */
    pause: lifecycleCommand(pauseEngagementUpdate),
    /** Resumes a paused engagement; answers once it runs again. */
    resume: lifecycleCommand(resumeEngagementUpdate),
    /** Cancels the engagement; answers once every open task is closed and the projection says cancelled. */
    cancel: lifecycleCommand(cancelEngagementUpdate),

    /** Renames the engagement or its client government; answers with the names now recorded. */
    async updateDetails(engagementId: string, input: UpdateDetailsInput, idempotencyKey?: string): Promise<{ name: string; clientName: string }> {
      return runUpdate(engagementId, await engagementHandle(engagementId), updateDetailsUpdate, input, idempotencyKey, async () => 'cancelled');
    },

    /** Takes master knowledge entries into the engagement's copy; answers with what moved. */
    async takeKnowledge(engagementId: string, input: TakeKnowledgeInput, idempotencyKey?: string): Promise<TakeKnowledgeResult> {
      return runUpdate(engagementId, await engagementHandle(engagementId), takeKnowledgeUpdate, input, idempotencyKey, async () => 'cancelled');
    },

    /** The engagement's own version of a knowledge entry; the firm's master stays as it is. */
    async adaptKnowledge(engagementId: string, input: AdaptKnowledgeInput, idempotencyKey?: string): Promise<AdaptKnowledgeResult> {
      return runUpdate(engagementId, await engagementHandle(engagementId), adaptKnowledgeUpdate, input, idempotencyKey, async () => 'cancelled');
    },

    /**
     * Tells running engagements that a master entry they copied has a new version (their PM gets
     * a notice). Best effort within the deadline: an engagement not told still shows the entry as
     * behind in its knowledge view. Answers how many were told.
     */
    async announceKnowledgeChange(engagementIds: string[], change: KnowledgeChangedInput): Promise<number> {
      const engagements = await db.engagement.findMany({ where: { id: { in: engagementIds } }, select: { workflowId: true } });
      const results = await Promise.allSettled(
        engagements.map(({ workflowId }) => withDeadline(() => temporal.workflow.getHandle(workflowId).signal(knowledgeChangedSignal, change))),
      );
      return results.filter((result) => result.status === 'fulfilled').length;
    },

    /**
     * Asks every workflow of the engagement that waits on a failed write to try it again (an
     * admin, once the cause is fixed). Answers whether each retried write went through.
     */
    async retryWrites(engagementId: string, actorId: string): Promise<{ workflowId: string; resolved: boolean }[]> {
      const waiting = await db.workflowIncident.findMany({ where: { engagementId, resolvedAt: null }, select: { workflowId: true }, distinct: ['workflowId'] });
      return Promise.all(
        waiting.map(async ({ workflowId }) => {
          const { resolved } = await runUpdate(engagementId, temporal.workflow.getHandle(workflowId), retryWritesUpdate, { actorId }, undefined, async () => 'cancelled');
          return { workflowId, resolved };
        }),
      );
    },

    /** The live state of the engagement workflow: its stages and the tasks it owns (not its children's). */
    async getState(engagementId: string): Promise<EngagementStateView> {
      const handle = await engagementHandle(engagementId);
      return withDeadline(() => handle.query(stateQuery));
    },

    /** The live state of one task, from whichever workflow owns it; undefined before that workflow starts. */
    async getTaskState(engagementId: string, taskKey: string): Promise<TaskView | undefined> {
      const handle = await ownerOf(engagementId, taskKey);
      try {
        const state = await withDeadline(() => handle.query(stateQuery));
        return state.tasks.find((task) => task.key === taskKey);
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return undefined;
        throw error;
      }
    },
  };
}
