// A write that fails every retry neither fails the engagement nor leaves it silently stuck: it
// becomes an incident (the engagement needs attention, the PM and admins are told), and once the
// cause is fixed an admin's retry makes the same write, exactly once. Cancelling still cancels.
// The faults are real: PostgreSQL refusing writes through a trigger, as a broken database would.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { waitFor } from '@gongzhi/testing';
import { EngagementCommandError } from './client';
import { sampleFormData } from './demo/sample-form';
import { recordHistory } from './testing/histories';
import { createTestEngine, engagementRequest, fileFor, type TestEngine } from './testing/harness';

let engine: TestEngine;

beforeAll(async () => {
  engine = await createTestEngine(injectTestStack());
  await engine.startWorker();
});

afterAll(async () => {
  await engine?.close();
});

/** Makes PostgreSQL refuse every change to one engagement's tasks, with the given SQLSTATE. */
async function refuseTaskWrites(engagementId: string, sqlState: string): Promise<() => Promise<void>> {
  const name = `refuse_${randomUUID().replaceAll('-', '')}`;
  await engine.db.$executeRawUnsafe(
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.engagement_id = '${engagementId}' THEN RAISE EXCEPTION 'simulated outage: the database refuses writes' USING ERRCODE = '${sqlState}'; END IF; RETURN NEW; END; $$`,
  );
  await engine.db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE UPDATE ON task FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  return async () => {
    await engine.db.$executeRawUnsafe(`DROP TRIGGER ${name} ON task`);
    await engine.db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
  };
}

const openIncident = (engagementId: string) =>
  waitFor(
    () => engine.db.workflowIncident.findFirst({ where: { engagementId, resolvedAt: null } }),
    (incident) => incident !== null,
    60_000,
  ).then((incident) => incident!);

async function startWithFirstTaskOpen(writeAttempts?: number) {
  const started = await engine.engagements.startEngagement({ ...engagementRequest(engine.team), ...(writeAttempts ? { writeAttempts } : {}) });
  const task = started.plan.tasks.find((candidate) => candidate.key === 'proposal.draft-service-plan')!;
  await waitFor(
    () => engine.db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId: started.engagementId, key: task.key } } }),
    (row) => row.status === 'active',
  );
  return { ...started, task };
}

describe('a write that succeeded before its activity failed', () => {
  it('is recognised on the retry: nothing twice, nothing diverging', async () => {
    // A second worker on its own queue whose completion write commits, then "dies" before answering,
    // as a worker killed between COMMIT and its reply would.
    const lost = { first: true };
    const faulty = await createTestEngine(injectTestStack());
    try {
      await faulty.startWorker({
        wrapActivities: (activities) => ({
          ...activities,
          async recordTaskCompletion(input) {
            await activities.recordTaskCompletion(input);
            if (lost.first) {
              lost.first = false;
              throw new Error('worker lost after COMMIT (simulated)');
            }
          },
        }),
      });
      const { engagementId, plan } = await faulty.engagements.startEngagement(engagementRequest(faulty.team));
      const task = plan.tasks.find((candidate) => candidate.key === 'proposal.draft-service-plan')!;
      await waitFor(() => faulty.db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId, key: task.key } } }), (row) => row.status === 'active');
      const done = await faulty.engagements.completeTask(engagementId, { taskKey: task.key, actorId: task.assigneeId, formData: sampleFormData(task), file: fileFor(task, 1) }, 'commit-then-lost');
      expect(lost.first).toBe(false);
      expect(done.status).toBe('in_review');
      const { db } = faulty;
      expect(await db.deliverableRevision.count({ where: { deliverable: { engagementId } } })).toBe(1);
      expect(await db.auditEvent.count({ where: { engagementId, action: 'deliverable.submitted' } })).toBe(1);
      expect(await db.notification.count({ where: { engagementId, kind: 'review_requested' } })).toBe(1);
      expect(await db.commandReceipt.count({ where: { engagementId } })).toBe(1);
      expect(await db.workflowIncident.count({ where: { engagementId } })).toBe(0);
      // The workflow and the projection agree, and the engagement goes on: the partner can decide.
      const approved = await faulty.engagements.reviewDeliverable(engagementId, { taskKey: task.key, reviewerId: faulty.team.partner, revision: 1, sha256: fileFor(task, 1).sha256, decision: 'approve' });
      expect(approved.status).toBe('done');
      expect((await db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId, key: task.key } } })).status).toBe('done');
      await faulty.engagements.cancel(engagementId, { actorId: faulty.team.pm });
    } finally {
      await faulty.close();
    }
  });
});

describe('a write that fails every retry', () => {
  it('becomes an incident people are told of, and an admin’s retry after the repair completes it once', async () => {
    const { engagementId, task } = await startWithFirstTaskOpen(2);
    const repair = await refuseTaskWrites(engagementId, 'P0001');
    const command = { taskKey: task.key, actorId: task.assigneeId, formData: sampleFormData(task), file: fileFor(task, 1) };
    // The completion is accepted; its write fails twice and waits for an admin.
    const completion = engine.engagements.completeTask(engagementId, command, 'incident-click-1');
    const incident = await openIncident(engagementId);
    expect(incident).toMatchObject({ activity: 'recordTaskCompletion', workflowId: `engagement-${engagementId}` });
    expect(incident.reason).toContain('simulated outage');
    expect((await engine.engagements.getState(engagementId)).attention).toMatchObject({ activity: 'recordTaskCompletion' });
    const told = await engine.db.notification.findMany({ where: { engagementId, kind: 'needs_attention' }, select: { userId: true } });
    expect(told.map((row) => row.userId).sort()).toEqual([engine.team.pm, engine.adminId].sort());
    // Nothing half-done meanwhile: the task is still open, no revision exists.
    expect((await engine.db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId, key: task.key } } })).status).toBe('active');
    expect(await engine.db.deliverableRevision.count({ where: { deliverable: { engagementId } } })).toBe(0);

    // Retrying before the repair fails again, with a new incident.
    expect(await engine.engagements.retryWrites(engagementId, engine.adminId)).toEqual([{ workflowId: `engagement-${engagementId}`, resolved: false }]);
    await repair();
    expect(await engine.engagements.retryWrites(engagementId, engine.adminId)).toEqual([{ workflowId: `engagement-${engagementId}`, resolved: true }]);
    expect((await completion).status).toBe('in_review');

    const incidents = await engine.db.workflowIncident.findMany({ where: { engagementId }, orderBy: { raisedAt: 'asc' } });
    expect(incidents).toHaveLength(2);
    expect(incidents.every((row) => row.resolvedAt !== null)).toBe(true);
    expect(incidents[1]!.resolvedById).toBe(engine.adminId);
    expect(await engine.db.deliverableRevision.count({ where: { deliverable: { engagementId } } })).toBe(1);
    expect(await engine.db.auditEvent.count({ where: { engagementId, action: 'deliverable.submitted' } })).toBe(1);
    expect((await engine.engagements.getState(engagementId)).attention).toBeNull();
    // The same click again: the first answer, nothing written twice.
    expect((await engine.engagements.completeTask(engagementId, command, 'incident-click-1')).status).toBe('in_review');
    expect(await engine.db.commandReceipt.count({ where: { engagementId } })).toBe(1);
    await engine.engagements.cancel(engagementId, { actorId: engine.team.pm });
    if (process.env.GONGZHI_RECORD_HISTORIES === '1') {
      // An incident raised, retried in vain, repaired and retried: replayed on every CI run.
      await recordHistory('engagement-incident', await engine.temporal.workflow.getHandle(`engagement-${engagementId}`).fetchHistory());
    }
  });

  it('raises data the database refuses at once, without half an hour of retries, and cancelling still cancels', async () => {
    // 40 attempts as in production: a data error must not wait for them.
    const { engagementId, task } = await startWithFirstTaskOpen();
    const repair = await refuseTaskWrites(engagementId, '22023');
    // Its outcome is taken at once, so the rejection that follows is expected, not unhandled.
    const completion = engine.engagements.completeTask(engagementId, { taskKey: task.key, actorId: task.assigneeId, formData: sampleFormData(task), file: fileFor(task, 1) }).then(
      () => undefined,
      (error: unknown) => error,
    );
    const incident = await openIncident(engagementId);
    expect(incident.reason).toContain('SQLSTATE 22023');
    expect(Date.now() - incident.raisedAt.getTime()).toBeLessThan(60_000);

    // The engagement is cancelled while the write waits: the completion is given up, the rest closes.
    await repair();
    expect(await engine.engagements.cancel(engagementId, { actorId: engine.team.pm, reason: '委托方终止' })).toEqual({ status: 'cancelled' });
    const refused = await completion;
    expect(refused).toBeInstanceOf(EngagementCommandError);
    expect((refused as EngagementCommandError).code).toBe('engagement_not_running');
    expect((await engine.db.engagement.findUniqueOrThrow({ where: { id: engagementId } })).status).toBe('cancelled');
    expect((await engine.db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId, key: task.key } } })).status).toBe('cancelled');
    expect(await engine.db.workflowIncident.count({ where: { engagementId, resolvedAt: null } })).toBe(0);
  });
});
