import { ApplicationFailure, CancellationScope, condition, isCancellation, log, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import {
  checkCompletion,
  completionAuthority,
  eligibleAssignees,
  endOfCivilDay,
  findUnstorableText,
  morningOf,
  type EngagementPlan,
  type FormValues,
  type PlannedTask,
} from '@gongzhi/domain';
import type { EngagementActivities } from '../activities/types';
import { type EngagementErrorCode } from '../errors';
import { notificationKey } from '../keys';
import { type IncidentDesk } from './incidents';
import {
  adoptionTaskSignal,
  completeTaskUpdate,
  consultationHoldSignal,
  reassignTaskUpdate,
  reviewDeliverableUpdate,
  type AdoptionTaskSignal,
  type CompleteTaskInput,
  type ReassignTaskInput,
  type ReviewDeliverableInput,
  type TaskView,
} from './definitions';

/**
 * Projection writes are idempotent (unique business keys) and fail only while PostgreSQL is
 * unreachable or refuses the data. 40 attempts backing off to a minute ride out ~35 minutes of
 * outage (a restart or fail-over); past that the write becomes an incident an admin retries
 * (see incidents.ts) instead of hiding in an endless retry. Tests ask for fewer attempts.
 */
export function projectionActivities(maximumAttempts = 40): EngagementActivities {
  return proxyActivities<EngagementActivities>({
    // Each write takes milliseconds; a worker that died mid-activity is detected after this long.
    startToCloseTimeout: '10 seconds',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts },
  });
}

export function refuse(code: EngagementErrorCode, message: string, details?: unknown): never {
  throw ApplicationFailure.create({ type: code, message, nonRetryable: true, details: details === undefined ? [] : [details] });
}

/** A write on top of a version someone else has replaced: 409 `conflict`, saying which version is current. */
export function refuseStaleVersion(subject: { zh: string; en: string }, currentVersion: number): never {
  return refuse('conflict', `the ${subject.en} is at version ${currentVersion}`, [
    { field: 'expectedVersion', code: 'rule', message: { zh: `${subject.zh}已被他人修改（当前为第 ${currentVersion} 版），请刷新后在最新版本上修改`, en: `Someone saved version ${currentVersion} meanwhile; reload and edit the newest version` } },
  ]);
}

/**
 * Refuses free text the projection could not store (NUL, invalid Unicode): accepted, it would
 * fail its write on every retry. Form values are checked by checkCompletion.
 */
export function refuseUnstorableText(values: Readonly<Record<string, unknown>>): void {
  // Only the strings among a command's values are text to store.
  const at = findUnstorableText(Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === 'string')));
  if (!at) return;
  const field = String(at[0]);
  refuse('validation_failed', `${field} holds characters that cannot be stored`, [
    { field, code: 'invalid_characters', message: { zh: '含有无法保存的字符（如空字符或不完整的 Unicode 字符）', en: 'contains characters that cannot be stored' } },
  ]);
}

function sleepUntil(instant: Date): Promise<void> {
  // Date.now() inside a workflow is the deterministic workflow clock, not the host's.
  return sleep(Math.max(1, instant.getTime() - Date.now()));
}

interface BoardContext {
  engagementId: string;
  team: EngagementPlan['team'];
  isPaused(): boolean;
  /** Being cancelled: no new work is accepted while open tasks are closed. */
  isClosing(): boolean;
  /** Another workflow's task counts as done (e.g. a community child that has finished). */
  isExternalDone(taskKey: string): boolean;
  /** Where writes that ran out of retries wait for an admin. */
  incidents: IncidentDesk;
  /** The activities that write this workflow's projection. */
  projection: EngagementActivities;
}

interface Entry {
  plan: PlannedTask;
  view: TaskView;
  /** Which accepted update is writing this task's projection; validators refuse a second one meanwhile. */
  busy: 'completion' | 'review' | 'reassignment' | null;
  /** Open 会诊 the task waits for: it cannot be completed until each is concluded or withdrawn. */
  heldBy: Set<string>;
  /** The adoption procedure that completes this task (a convention's notice, vote, filing); nobody completes it by hand meanwhile. */
  drivenBy: string | null;
}

/**
 * The human tasks one workflow owns: each is a coroutine that waits for its dependencies, opens,
 * runs its reminder/overdue/escalation timers, and ends when its updates mark it done. The
 * engagement workflow and each community child hold one board for their own tasks.
 */
export class TaskBoard {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly context: BoardContext, tasks: readonly PlannedTask[]) {
    for (const plan of tasks) {
      this.entries.set(plan.key, {
        plan,
        busy: null,
        heldBy: new Set(),
        drivenBy: null,
        view: {
          key: plan.key,
          status: 'pending',
          assigneeId: plan.assigneeId,
          revision: 0,
          revisionSha256: null,
          deliverableStatus: plan.deliverable ? 'draft' : 'none',
          completedById: null,
          completedAt: null,
          formData: null,
          lastReview: null,
        },
      });
    }
  }

  views(): TaskView[] {
    return [...this.entries.values()].map((entry) => entry.view);
  }

  has(taskKey: string): boolean {
    return this.entries.has(taskKey);
  }

  /** No accepted task update is still writing its projection. */
  isIdle(): boolean {
    return [...this.entries.values()].every((entry) => entry.busy === null);
  }

  isDone(taskKey: string): boolean {
    const entry = this.entries.get(taskKey);
    return entry ? entry.view.status === 'done' : this.context.isExternalDone(taskKey);
  }

  /** Runs the given tasks to completion (each after its dependencies), in parallel where the graph allows. */
  async run(taskKeys: readonly string[]): Promise<void> {
    await Promise.all(taskKeys.map((key) => this.runTask(this.entry(key))));
  }

  /** Marks every unfinished task cancelled, in state and projection. */
  async cancelOpenTasks(at: string): Promise<void> {
    const open = [...this.entries.values()].filter((entry) => entry.view.status !== 'done' && entry.view.status !== 'cancelled');
    for (const entry of open) entry.view.status = 'cancelled';
    if (open.length > 0) {
      await this.context.incidents.write('recordTasksCancelled', () => this.context.projection.recordTasksCancelled({ engagementId: this.context.engagementId, taskKeys: open.map((entry) => entry.plan.key), at }));
    }
  }

  installHandlers(): void {
    setHandler(completeTaskUpdate, (input) => this.complete(input), { validator: (input) => void this.validateCompletion(input) });
    setHandler(reviewDeliverableUpdate, (input) => this.review(input), { validator: (input) => this.validateReview(input) });
    setHandler(reassignTaskUpdate, (input) => this.reassign(input), { validator: (input) => void this.validateReassignment(input) });
    setHandler(consultationHoldSignal, ({ taskKey, consultationId, held }) => {
      const entry = this.entries.get(taskKey);
      // A task already done is past waiting; one of another workflow is not this board's.
      if (!entry || entry.view.status === 'done' || entry.view.status === 'cancelled') return;
      if (held) entry.heldBy.add(consultationId);
      else entry.heldBy.delete(consultationId);
    });
    setHandler(adoptionTaskSignal, async (signal) => {
      if (signal.kind === 'drive') {
        for (const key of signal.taskKeys) {
          const entry = this.entries.get(key);
          if (!entry) continue;
          if (signal.driven) entry.drivenBy = signal.adoptionId;
          else if (entry.drivenBy === signal.adoptionId) entry.drivenBy = null;
        }
        return;
      }
      await this.completeForProcedure(signal);
    });
  }

  private entry(taskKey: string): Entry {
    const entry = this.entries.get(taskKey);
    if (!entry) refuse('unknown_task', `task ${taskKey} does not belong to this workflow`);
    return entry;
  }

  private async runTask(entry: Entry): Promise<void> {
    const { plan } = entry;
    await condition(() => !this.context.isPaused() && plan.dependsOn.every((key) => this.isDone(key)));
    // Open in state first: the projection may show it active before this workflow has seen the
    // activity finish, and a completion sent then must be accepted. Its guarded write wins over a
    // late activation (which only moves a task out of `pending`).
    entry.view.status = 'active';
    await this.context.incidents.write('recordTaskActivated', () =>
      this.context.projection.recordTaskActivated({ engagementId: this.context.engagementId, taskKey: plan.key, assigneeId: entry.view.assigneeId, at: new Date().toISOString() }),
    );
    const deadlines = new CancellationScope();
    const timers = deadlines.run(() => this.runDeadlines(entry)).catch((error: unknown) => {
      if (!isCancellation(error)) throw error;
    });
    await condition(() => entry.view.status === 'done');
    deadlines.cancel();
    await timers;
  }

  /** Reminder before the due date, overdue notice after it, then escalation to the PM. */
  private async runDeadlines(entry: Entry): Promise<void> {
    const { plan } = entry;
    const schedule = [
      { at: morningOf(plan.reminderDate), kind: 'reminder' as const, to: () => entry.view.assigneeId },
      { at: new Date(endOfCivilDay(plan.dueDate).getTime() + 1), kind: 'overdue' as const, to: () => entry.view.assigneeId },
      { at: morningOf(plan.escalationDate), kind: 'escalation' as const, to: () => this.context.team.pm },
    ];
    for (const step of schedule) {
      await sleepUntil(step.at);
      // Deferred, not dropped: work waiting on a reviewer is not the assignee's delay and a paused
      // engagement is nobody's, but once it is back with them the notice goes out.
      await condition(() => !this.context.isPaused() && entry.view.status !== 'in_review');
      const userId = step.to();
      try {
        await this.context.projection.notify({
          key: notificationKey.deadline(this.context.engagementId, plan.key, step.kind, userId),
          userId,
          engagementId: this.context.engagementId,
          taskKey: plan.key,
          kind: step.kind,
          payload: { title: plan.title, dueDate: plan.dueDate, assigneeId: entry.view.assigneeId },
        });
      } catch (error) {
        // A notice is best-effort: a failed one must not wedge the workflow.
        if (isCancellation(error)) throw error;
        log.warn('deadline notice failed', { taskKey: plan.key, kind: step.kind, error: String(error) });
      }
    }
  }

  private refuseUnlessRunning(): void {
    if (this.context.isClosing()) refuse('engagement_not_running', 'the engagement is being cancelled');
    if (this.context.isPaused()) refuse('engagement_not_running', 'the engagement is paused');
  }

  /** The state checks, repeated by the handler: they depend only on workflow state. */
  private assertCompletable(input: CompleteTaskInput): Entry {
    this.refuseUnlessRunning();
    const entry = this.entry(input.taskKey);
    const { view } = entry;
    if (view.status === 'done') refuse('task_already_completed', 'the task is already completed');
    // The loser of a race with another completion (being written, or written and awaiting review).
    if (entry.busy === 'completion' || view.status === 'in_review') refuse('task_already_completed', 'the task has just been completed by someone else');
    if (entry.busy || (view.status !== 'active' && view.status !== 'changes_requested')) {
      refuse('task_not_open', `the task is ${entry.busy ? 'being completed' : view.status}`);
    }
    if (entry.heldBy.size > 0) refuse('consultation_pending', 'the task waits for a consultation to be concluded or withdrawn');
    if (entry.drivenBy) refuse('adoption_in_progress', 'the community’s adoption procedure completes this task');
    return entry;
  }

  private validateCompletion(input: CompleteTaskInput): void {
    const { plan, view } = this.assertCompletable(input);
    refuseUnstorableText({ note: input.note, standInReason: input.standInReason, fileName: input.file?.fileName });
    // Who may complete it is checked here only: a validator is not re-run when history replays.
    const authority = completionAuthority({ role: plan.role, assigneeId: view.assigneeId }, this.context.team, input.actorId);
    if (!authority.allowed) refuse('not_assignee', authority.reason.en);
    if (authority.standIn && !input.standInReason?.trim()) {
      refuse('validation_failed', 'the reason for recording the client’s decision in their stead is required', [
        { field: 'standInReason', code: 'required', message: { zh: '项目经理代委托方确认时，须写明代为确认的原因', en: 'Say why you record the client’s decision in their stead' } },
      ]);
    }
    const check = checkCompletion(plan, input.formData);
    if (!check.ok) refuse('validation_failed', 'the form has errors', check.errors);
    if (plan.deliverable && !input.file) refuse('file_required', 'this task produces a deliverable: attach the file');
  }

  private async complete(input: CompleteTaskInput): Promise<TaskView> {
    const entry = this.assertCompletable(input);
    // Form rules are not re-run here: validators are skipped on replay, and a later tightening
    // of a rule must not make an accepted completion fail when its history is replayed.
    const check = checkCompletion(entry.plan, input.formData);
    const values = check.ok ? check.values : (input.formData as FormValues);
    const { view, plan } = entry;
    const isStandIn = completionAuthority({ role: plan.role, assigneeId: view.assigneeId }, this.context.team, input.actorId);
    const standInReason = isStandIn.allowed && isStandIn.standIn ? (input.standInReason?.trim() ?? null) : null;
    const revision = plan.deliverable ? view.revision + 1 : view.revision;
    const nextStatus = plan.deliverable?.requiresReview ? 'in_review' : 'done';
    const at = new Date().toISOString();
    entry.busy = 'completion';
    try {
      // An accepted change is written whole even if the engagement is cancelled meanwhile; a write
      // waiting on an admin is given up by a cancellation (the update then fails, nothing half-done).
      await CancellationScope.nonCancellable(() => this.context.incidents.write('recordTaskCompletion', () => this.context.projection.recordTaskCompletion({
        engagementId: this.context.engagementId,
        taskKey: plan.key,
        actorId: input.actorId,
        formData: values,
        file: input.file ?? null,
        note: input.note ?? null,
        ...(standInReason ? { standInReason } : {}),
        ...(input.receiptKey ? { receiptKey: input.receiptKey } : {}),
        revision,
        status: nextStatus,
        reviewerId: nextStatus === 'in_review' ? this.context.team.partner : null,
        at,
      }), 'abandonOnClose'));
    } finally {
      entry.busy = null;
    }
    Object.assign(view, {
      status: nextStatus,
      revision,
      revisionSha256: plan.deliverable && input.file ? input.file.sha256 : view.revisionSha256,
      formData: values,
      deliverableStatus: plan.deliverable ? (nextStatus === 'done' ? 'approved' : 'submitted') : 'none',
      completedById: nextStatus === 'done' ? input.actorId : view.completedById,
      completedAt: nextStatus === 'done' ? at : view.completedAt,
    } satisfies Partial<TaskView>);
    return { ...view };
  }

  /**
   * Completes a task the adoption procedure drives, with the values it recorded, as soon as the
   * task is open (its dependencies done, nothing else writing it). A task already done, one of
   * another workflow, or one the engagement is closing is left as it is.
   */
  private async completeForProcedure(signal: Extract<AdoptionTaskSignal, { kind: 'complete' }>): Promise<void> {
    const entry = this.entries.get(signal.taskKey);
    if (!entry) return;
    const isOpen = () => (entry.view.status === 'active' || entry.view.status === 'changes_requested') && entry.busy === null && !this.context.isPaused();
    const isOver = () => entry.view.status === 'done' || entry.view.status === 'cancelled' || this.context.isClosing();
    await condition(() => isOpen() || isOver());
    // Only for the procedure that drives it now: one withdrawn meanwhile completes nothing.
    if (isOver() || entry.drivenBy !== signal.adoptionId) return;
    const { plan, view } = entry;
    const check = checkCompletion(plan, signal.formData);
    if (!check.ok) {
      // The procedure records what the form asks for; a mismatch is a defect to see, not a task to
      // wedge: the task goes back to its assignee to complete by hand.
      log.error('the adoption procedure’s values do not fit the task form', { taskKey: plan.key, errors: JSON.stringify(check.errors) });
      entry.drivenBy = null;
      return;
    }
    entry.busy = 'completion';
    try {
      await CancellationScope.nonCancellable(() => this.context.incidents.write('recordTaskCompletion', () => this.context.projection.recordTaskCompletion({
        engagementId: this.context.engagementId,
        taskKey: plan.key,
        actorId: signal.actorId,
        formData: check.values,
        file: null,
        note: null,
        revision: view.revision,
        status: 'done',
        reviewerId: null,
        at: signal.at,
      }), 'abandonOnClose'));
    } finally {
      entry.busy = null;
    }
    entry.drivenBy = null;
    // A deliverable it has (the vote record) keeps its state: the procedure's record is the evidence.
    Object.assign(view, { status: 'done', formData: check.values, completedById: signal.actorId, completedAt: signal.at } satisfies Partial<TaskView>);
  }

  private validateReview(input: ReviewDeliverableInput): void {
    this.refuseUnlessRunning();
    const entry = this.entry(input.taskKey);
    if (input.reviewerId !== this.context.team.partner) refuse('not_reviewer', 'only the engagement partner reviews deliverables');
    if (entry.view.status === 'done') refuse('task_already_completed', 'the deliverable is already approved');
    if (entry.busy || entry.view.status !== 'in_review') refuse('task_not_in_review', 'the deliverable is not awaiting review');
    if (input.revision !== entry.view.revision) refuse('stale_revision', `revision ${input.revision} is not the current one (${entry.view.revision})`);
    // What the partner read is what gets approved: a decision names the content, not just a number.
    if (input.sha256 !== entry.view.revisionSha256) refuse('stale_revision', `revision ${input.revision} has other content than the reviewer read`);
    refuseUnstorableText({ comment: input.comment });
    if (input.decision === 'request_changes' && !input.comment?.trim()) {
      refuse('validation_failed', 'a comment is required when requesting changes', [
        { field: 'comment', code: 'required', message: { zh: '退回修改时须填写意见', en: 'a comment is required when requesting changes' } },
      ]);
    }
  }

  private async review(input: ReviewDeliverableInput): Promise<TaskView> {
    const entry = this.entry(input.taskKey);
    const approved = input.decision === 'approve';
    const at = new Date().toISOString();
    entry.busy = 'review';
    try {
      await CancellationScope.nonCancellable(() => this.context.incidents.write('recordReview', () => this.context.projection.recordReview({
        engagementId: this.context.engagementId,
        taskKey: input.taskKey,
        reviewerId: input.reviewerId,
        revision: input.revision,
        sha256: entry.view.revisionSha256 ?? input.sha256,
        decision: input.decision,
        comment: input.comment?.trim() || null,
        assigneeId: entry.view.assigneeId,
        at,
      }), 'abandonOnClose'));
    } finally {
      entry.busy = null;
    }
    Object.assign(entry.view, {
      status: approved ? 'done' : 'changes_requested',
      deliverableStatus: approved ? 'approved' : 'changes_requested',
      completedById: approved ? entry.view.assigneeId : null,
      completedAt: approved ? at : null,
      lastReview: { revision: input.revision, decision: input.decision, comment: input.comment?.trim() || null, reviewerId: input.reviewerId },
    } satisfies Partial<TaskView>);
    return { ...entry.view };
  }

  private validateReassignment(input: ReassignTaskInput): void {
    if (this.context.isClosing()) refuse('engagement_not_running', 'the engagement is being cancelled');
    const entry = this.entry(input.taskKey);
    if (input.actorId !== this.context.team.pm) refuse('not_assignee', 'only the PM reassigns tasks');
    if (entry.view.status === 'done' || entry.view.status === 'cancelled') refuse('task_already_completed', 'the task is closed');
    if (entry.busy) refuse('task_not_open', 'the task is being completed');
    if (!eligibleAssignees(entry.plan.role, this.context.team).includes(input.assigneeId)) refuse('invalid_assignee', 'the new assignee is not on the engagement team in the task’s role');
  }

  private async reassign(input: ReassignTaskInput): Promise<TaskView> {
    this.validateReassignment(input);
    const entry = this.entry(input.taskKey);
    const previous = entry.view.assigneeId;
    entry.busy = 'reassignment';
    try {
      await CancellationScope.nonCancellable(() => this.context.incidents.write('recordReassignment', () => this.context.projection.recordReassignment({
        engagementId: this.context.engagementId,
        taskKey: input.taskKey,
        actorId: input.actorId,
        fromId: previous,
        toId: input.assigneeId,
        notify: entry.view.status !== 'pending',
        at: new Date().toISOString(),
      }), 'abandonOnClose'));
    } finally {
      entry.busy = null;
    }
    entry.view.assigneeId = input.assigneeId;
    return { ...entry.view };
  }
}
