import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { EngagementCommandError } from './client';
import { sampleFormData } from './demo/sample-form';
import { communityStageWorkflowId, engagementWorkflowId } from './ids';
import { recordHistory } from './testing/histories';
import { createTestEngine, driveEngagement, engagementRequest, fileFor, type TestEngine } from './testing/harness';

let engine: TestEngine;

beforeAll(async () => {
  engine = await createTestEngine(injectTestStack());
  await engine.startWorker();
});

afterAll(async () => {
  await engine?.close();
});

async function waitFor<T>(read: () => Promise<T>, isReady: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isReady(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const expectRefusal = async (promise: Promise<unknown>, code: string) => {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(EngagementCommandError);
  expect((error as EngagementCommandError).code).toBe(code);
  return error as EngagementCommandError;
};

describe('an engagement with three communities', () => {
  it('runs from proposal to the client’s acceptance, with a deliverable sent back and revised', async () => {
    const request = engagementRequest(engine.team);
    const { engagementId, plan } = await engine.engagements.startEngagement(request);
    // Starting twice is not an error and starts nothing new.
    await engine.engagements.startEngagement(request);

    const { sentBack } = await driveEngagement(engine, engagementId, plan, { sendBack: ['service-plan', 'self-governance-manual~heping'] });
    expect(sentBack).toEqual(expect.arrayContaining(['service-plan', 'self-governance-manual~heping']));

    const handle = engine.temporal.workflow.getHandle(engagementWorkflowId(engagementId));
    expect(await handle.result()).toEqual({ status: 'completed' });
    if (process.env.GONGZHI_RECORD_HISTORIES === '1') {
      // Refreshes the committed histories that replay.test.ts replays on every CI run.
      await recordHistory('engagement', await handle.fetchHistory());
      await recordHistory('community-stage', await engine.temporal.workflow.getHandle(communityStageWorkflowId(engagementId, 'self-governance', 'heping')).fetchHistory());
    }

    const { db } = engine;
    const tasks = await db.task.findMany({ where: { engagementId } });
    expect(tasks).toHaveLength(plan.tasks.length);
    expect(tasks.filter((task) => task.status !== 'done')).toEqual([]);
    // Every task was done by someone holding its role on the team, and has exactly one
    // task.completed event — reviewed ones included — saying who finished it and when.
    const completions = await db.auditEvent.findMany({ where: { engagementId, action: 'task.completed' }, select: { entityId: true, actorId: true } });
    for (const task of tasks) {
      expect(task.completedById, task.key).toBe(task.assigneeId);
      const events = completions.filter((event) => event.entityId === task.id);
      expect(events.map((event) => event.actorId), task.key).toEqual([task.assigneeId]);
    }
    expect(await db.stage.count({ where: { engagementId, status: 'done' } })).toBe(7);
    expect(await db.task.count({ where: { engagementId, communityKey: 'xingfu' } })).toBe(plan.tasks.filter((task) => task.communityKey === 'xingfu').length);

    const servicePlan = await db.deliverable.findFirstOrThrow({ where: { engagementId, key: 'service-plan' }, include: { revisions: { include: { review: true }, orderBy: { revision: 'asc' } } } });
    expect(servicePlan.status).toBe('approved');
    expect(servicePlan.revisions.map((revision) => [revision.revision, revision.review?.decision])).toEqual([
      [1, 'changes_requested'],
      [2, 'approved'],
    ]);
    expect(servicePlan.revisions[0]!.review!.comment).toContain('法律依据');
    const reviewed = await db.deliverable.findMany({ where: { engagementId, requiresReview: true } });
    expect(reviewed.every((deliverable) => deliverable.status === 'approved')).toBe(true);

    const lawyer = engine.team.lawyers[0];
    expect(await db.notification.count({ where: { userId: lawyer, engagementId, kind: 'changes_requested' } })).toBeGreaterThan(0);
    expect(await db.notification.count({ where: { userId: engine.team.partner, engagementId, kind: 'review_requested' } })).toBe(reviewed.length + sentBack.length);
    const audit = await db.auditEvent.findMany({ where: { engagementId }, select: { action: true } });
    expect(audit.filter((event) => event.action === 'deliverable.changes_requested')).toHaveLength(2);
    expect(audit.filter((event) => event.action === 'engagement.completed')).toHaveLength(1);
    expect((await db.engagement.findUniqueOrThrow({ where: { id: engagementId } })).status).toBe('completed');
  });

  it('refuses the wrong person, missing fields and a second completion, and changes nothing', async () => {
    const { engagementId, plan } = await engine.engagements.startEngagement(engagementRequest(engine.team));
    const task = plan.tasks.find((candidate) => candidate.key === 'proposal.draft-service-plan')!;
    await waitFor(() => engine.db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId, key: task.key } } }), (row) => row.status === 'active');
    const other = task.assigneeId === engine.team.lawyers[0] ? engine.team.lawyers[1] : engine.team.lawyers[0];
    const form = sampleFormData(task);

    await expectRefusal(engine.engagements.completeTask(engagementId, { taskKey: task.key, actorId: other, formData: form, file: fileFor(task, 1) }), 'not_assignee');
    const invalid = await expectRefusal(
      engine.engagements.completeTask(engagementId, { taskKey: task.key, actorId: task.assigneeId, formData: { background: '', surprise: 1 }, file: fileFor(task, 1) }),
      'validation_failed',
    );
    expect(invalid.fieldErrors.map((error) => [error.field, error.code])).toEqual(
      expect.arrayContaining([
        ['surprise', 'unknown_field'],
        ['background', 'required'],
        ['workPlanSummary', 'required'],
      ]),
    );
    await expectRefusal(engine.engagements.completeTask(engagementId, { taskKey: task.key, actorId: task.assigneeId, formData: form }), 'file_required');
    // A task whose stage has not opened cannot be completed yet.
    const later = plan.tasks.find((candidate) => candidate.key === 'proposal.client-meeting')!;
    await expectRefusal(engine.engagements.completeTask(engagementId, { taskKey: later.key, actorId: later.assigneeId, formData: sampleFormData(later) }), 'task_not_open');
    const untouched = await engine.db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId, key: task.key } } });
    expect(untouched.status).toBe('active');
    expect(untouched.formData).toBeNull();

    // The same command twice (same update id) has one effect and returns the first answer.
    const command = { taskKey: task.key, actorId: task.assigneeId, formData: form, file: fileFor(task, 1) };
    const first = await engine.engagements.completeTask(engagementId, command, 'same-click');
    const again = await engine.engagements.completeTask(engagementId, command, 'same-click');
    expect(again).toEqual(first);
    expect(first.status).toBe('in_review');
    expect(await engine.db.deliverableRevision.count({ where: { deliverable: { engagementId, key: 'service-plan' } } })).toBe(1);
    // A new command for a task already submitted is refused.
    await expectRefusal(engine.engagements.completeTask(engagementId, command, 'another-click'), 'task_already_completed');
    // Only the partner reviews, only the current revision and its content, and sending back needs a comment.
    const { sha256 } = fileFor(task, 1);
    await expectRefusal(engine.engagements.reviewDeliverable(engagementId, { taskKey: task.key, reviewerId: engine.team.pm, revision: 1, sha256, decision: 'approve' }), 'not_reviewer');
    await expectRefusal(engine.engagements.reviewDeliverable(engagementId, { taskKey: task.key, reviewerId: engine.team.partner, revision: 2, sha256, decision: 'approve' }), 'stale_revision');
    await expectRefusal(engine.engagements.reviewDeliverable(engagementId, { taskKey: task.key, reviewerId: engine.team.partner, revision: 1, sha256: fileFor(task, 2).sha256, decision: 'approve' }), 'stale_revision');
    await expectRefusal(engine.engagements.reviewDeliverable(engagementId, { taskKey: task.key, reviewerId: engine.team.partner, revision: 1, sha256, decision: 'request_changes' }), 'validation_failed');
    const approved = await engine.engagements.reviewDeliverable(engagementId, { taskKey: task.key, reviewerId: engine.team.partner, revision: 1, sha256, decision: 'approve' });
    expect(approved.status).toBe('done');
    await expectRefusal(engine.engagements.completeTask(engagementId, command, 'late-click'), 'task_already_completed');
    await engine.engagements.cancel(engagementId, { actorId: engine.team.pm, reason: 'test over' });
  });

  it('refuses text the projection could not store, and the task stays completable and the engagement cancellable', async () => {
    const { engagementId, plan } = await engine.engagements.startEngagement(engagementRequest(engine.team));
    const task = plan.tasks.find((candidate) => candidate.key === 'proposal.draft-service-plan')!;
    await waitFor(() => engine.db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId, key: task.key } } }), (row) => row.status === 'active');
    const form = sampleFormData(task);
    const lone = '\ud800';
    const base = { taskKey: task.key, actorId: task.assigneeId, formData: form, file: fileFor(task, 1) };
    const inForm = await expectRefusal(engine.engagements.completeTask(engagementId, { ...base, formData: { ...form, background: `背景${lone}` } }), 'validation_failed');
    expect(inForm.fieldErrors).toEqual([expect.objectContaining({ field: 'background', code: 'invalid_characters' })]);
    const inNote = await expectRefusal(engine.engagements.completeTask(engagementId, { ...base, note: `说明${lone}` }), 'validation_failed');
    expect(inNote.fieldErrors).toEqual([expect.objectContaining({ field: 'note', code: 'invalid_characters' })]);
    await expectRefusal(engine.engagements.completeTask(engagementId, { ...base, formData: { ...form, workPlanSummary: 'a\u0000b' } }), 'validation_failed');
    // Nothing was taken: a valid completion goes through, and the engagement still cancels.
    expect((await engine.engagements.completeTask(engagementId, base)).status).toBe('in_review');
    expect(await engine.engagements.cancel(engagementId, { actorId: engine.team.pm })).toEqual({ status: 'cancelled' });
  });

  it('pauses, reassigns, resumes and cancels', async () => {
    const { engagementId, plan } = await engine.engagements.startEngagement(engagementRequest(engine.team));
    const task = plan.tasks.find((candidate) => candidate.key === 'proposal.draft-service-plan')!;
    const row = () => engine.db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId, key: task.key } } });
    await waitFor(row, (current) => current.status === 'active');

    const newAssignee = task.assigneeId === engine.team.lawyers[0] ? engine.team.lawyers[1] : engine.team.lawyers[0];
    await expectRefusal(engine.engagements.reassignTask(engagementId, { taskKey: task.key, actorId: task.assigneeId, assigneeId: newAssignee }), 'not_assignee');
    await expectRefusal(engine.engagements.reassignTask(engagementId, { taskKey: task.key, actorId: engine.team.pm, assigneeId: engine.team.client }), 'invalid_assignee');
    const reassigned = await engine.engagements.reassignTask(engagementId, { taskKey: task.key, actorId: engine.team.pm, assigneeId: newAssignee });
    expect(reassigned.assigneeId).toBe(newAssignee);
    expect((await row()).assigneeId).toBe(newAssignee);
    expect(await engine.db.notification.count({ where: { userId: newAssignee, engagementId, kind: 'reassigned' } })).toBe(1);

    // Pause answers with the state it leads to, once written: no polling afterwards.
    expect(await engine.engagements.pause(engagementId, { actorId: engine.team.pm, reason: '委托方要求暂停' })).toEqual({ status: 'paused' });
    expect((await engine.db.engagement.findUniqueOrThrow({ where: { id: engagementId } })).status).toBe('paused');
    await expectRefusal(engine.engagements.pause(engagementId, { actorId: engine.team.pm }), 'engagement_not_running');
    await expectRefusal(engine.engagements.completeTask(engagementId, { taskKey: task.key, actorId: newAssignee, formData: sampleFormData(task), file: fileFor(task, 1) }), 'engagement_not_running');
    expect((await engine.engagements.getState(engagementId)).status).toBe('paused');

    expect(await engine.engagements.resume(engagementId, { actorId: engine.team.pm })).toEqual({ status: 'running' });
    expect((await engine.db.engagement.findUniqueOrThrow({ where: { id: engagementId } })).status).toBe('running');
    await expectRefusal(engine.engagements.resume(engagementId, { actorId: engine.team.pm }), 'engagement_not_running');
    const done = await engine.engagements.completeTask(engagementId, { taskKey: task.key, actorId: newAssignee, formData: sampleFormData(task), file: fileFor(task, 1) });
    expect(done.status).toBe('in_review');

    // Cancel answers once every open task is closed and the projection says so.
    expect(await engine.engagements.cancel(engagementId, { actorId: engine.team.pm, reason: '项目终止' })).toEqual({ status: 'cancelled' });
    const engagement = await engine.db.engagement.findUniqueOrThrow({ where: { id: engagementId } });
    expect(engagement.status).toBe('cancelled');
    expect(await engine.temporal.workflow.getHandle(engagementWorkflowId(engagementId)).result()).toEqual({ status: 'cancelled' });
    await expectRefusal(engine.engagements.cancel(engagementId, { actorId: engine.team.pm }), 'engagement_not_running');
    expect(await engine.db.task.count({ where: { engagementId, status: { notIn: ['cancelled', 'done'] } } })).toBe(0);
    expect(await engine.db.stage.count({ where: { engagementId, status: 'cancelled' } })).toBe(7);
  });

  it('pauses and resumes community work at once, keeps the children in step, and cancels them', async () => {
    const { engagementId, plan } = await engine.engagements.startEngagement(engagementRequest(engine.team));
    const openCommunityTask = () => engine.db.task.findFirst({ where: { engagementId, communityKey: { not: null }, status: 'active' }, orderBy: { key: 'asc' } });
    await driveEngagement(engine, engagementId, plan, { stopWhen: async () => (await openCommunityTask()) !== null });
    const task = (await openCommunityTask())!;
    const planned = plan.tasks.find((candidate) => candidate.key === task.key)!;

    // Requests in quick succession: each answers once applied, children included, so the last one holds.
    await engine.engagements.pause(engagementId, { actorId: engine.team.pm });
    await engine.engagements.resume(engagementId, { actorId: engine.team.pm });
    await engine.engagements.pause(engagementId, { actorId: engine.team.pm });
    await engine.engagements.resume(engagementId, { actorId: engine.team.pm });
    expect((await engine.engagements.getTaskState(engagementId, task.key))?.status).toBe('active');
    expect((await engine.db.engagement.findUniqueOrThrow({ where: { id: engagementId } })).status).toBe('running');
    const done = await engine.engagements.completeTask(engagementId, { taskKey: task.key, actorId: task.assigneeId, formData: sampleFormData(planned) });
    expect(done.status).toBe('done');

    await engine.engagements.pause(engagementId, { actorId: engine.team.pm, reason: '春节暂停' });
    const sibling = (await openCommunityTask())!;
    const siblingPlan = plan.tasks.find((candidate) => candidate.key === sibling.key)!;
    // The community's own workflow refuses work too: the pause reached it before the pause answered.
    await expectRefusal(engine.engagements.completeTask(engagementId, { taskKey: sibling.key, actorId: sibling.assigneeId, formData: sampleFormData(siblingPlan) }), 'engagement_not_running');

    await engine.engagements.cancel(engagementId, { actorId: engine.team.pm, reason: '委托方终止项目' });
    const handle = engine.temporal.workflow.getHandle(engagementWorkflowId(engagementId));
    expect(await handle.result()).toEqual({ status: 'cancelled' });
    const child = await engine.temporal.workflow.getHandle(communityStageWorkflowId(engagementId, sibling.stageKey, sibling.communityKey!)).describe();
    expect(child.status.name).toBe('CANCELLED');
    expect(await engine.db.task.count({ where: { engagementId, status: { notIn: ['done', 'cancelled'] } } })).toBe(0);
    expect((await engine.db.engagement.findUniqueOrThrow({ where: { id: engagementId } })).status).toBe('cancelled');
    // Pause and resume after the end are refused and change nothing.
    await expectRefusal(engine.engagements.resume(engagementId, { actorId: engine.team.pm }), 'engagement_not_running');
    await expectRefusal(engine.engagements.pause(engagementId, { actorId: engine.team.pm }), 'engagement_not_running');
    expect((await engine.db.engagement.findUniqueOrThrow({ where: { id: engagementId } })).status).toBe('cancelled');
    if (process.env.GONGZHI_RECORD_HISTORIES === '1') await recordHistory('engagement-paused-cancelled', await handle.fetchHistory());
  });

  it('reminds, marks overdue and escalates to the PM when a due date has passed', async () => {
    // Started in the past: the first task is long overdue the moment it opens.
    const { engagementId } = await engine.engagements.startEngagement(engagementRequest(engine.team, { startDate: '2026-03-02' }));
    const notifications = await waitFor(
      () => engine.db.notification.findMany({ where: { engagementId, task: { key: 'proposal.draft-service-plan' } }, select: { kind: true, userId: true } }),
      (rows) => rows.some((notification) => notification.kind === 'escalation'),
    );
    const assignee = (await engine.db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId, key: 'proposal.draft-service-plan' } } })).assigneeId;
    expect(notifications).toEqual(
      expect.arrayContaining([
        { kind: 'assigned', userId: assignee },
        { kind: 'reminder', userId: assignee },
        { kind: 'overdue', userId: assignee },
        { kind: 'escalation', userId: engine.team.pm },
      ]),
    );
    expect(notifications).toHaveLength(4);
    await engine.engagements.cancel(engagementId, { actorId: engine.team.pm });
  });
});
