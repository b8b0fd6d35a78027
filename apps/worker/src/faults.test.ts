// Faults under a running engagement, against the real servers: the Temporal server (its state in
// PostgreSQL) restarted on the same databases and ports; the product's PostgreSQL restarted on the
// same data directory with every connection dropped; the database refusing writes for a minute;
// twelve Updates to one engagement at once. Each time nothing is lost or doubled: every task done
// once, one revision per submission, one effect per command.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseNameOf, dropDatabase, withDatabase } from '@gongzhi/db';
import { withConnection } from '@gongzhi/db/testing';
import { findFreePort } from '@gongzhi/infra/ports';
import { startPostgresProcess } from '@gongzhi/infra/postgres-process';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { ensureTemporalServer, setUpTemporalSchemas, startTemporalServer } from '@gongzhi/infra/temporal-server';
import { EngagementCommandError } from '@gongzhi/workflows/client';
import { sampleFormData } from '@gongzhi/workflows/demo';
import { createTestEngine, driveEngagement, engagementRequest, fileFor, type TestEngine } from '@gongzhi/workflows/testing';
import { describe, expect, it } from 'vitest';

/** Done once each, one revision per submission, and nothing after the last. */
async function expectFinishedOnce(engine: TestEngine, engagementId: string, plannedTasks: number): Promise<void> {
  const { db } = engine;
  expect((await db.engagement.findUniqueOrThrow({ where: { id: engagementId } })).status).toBe('completed');
  const tasks = await db.task.findMany({ where: { engagementId }, include: { deliverable: { include: { revisions: true } } } });
  expect(tasks).toHaveLength(plannedTasks);
  expect(tasks.filter((task) => task.status !== 'done' || task.completedAt === null).map((task) => task.key)).toEqual([]);
  for (const task of tasks) {
    if (!task.deliverable) continue;
    // driveEngagement sends nothing back here: exactly one revision, approved once.
    expect(task.deliverable.revisions.map((revision) => revision.revision), task.key).toEqual([1]);
  }
}

describe('faults under a running engagement', () => {
  it('the Temporal server (state in PostgreSQL) stops with work in flight and comes back on the same ports: the engagement finishes, nothing lost or doubled', async () => {
    const { databaseServerUrl } = injectTestStack();
    const suffix = randomUUID().replaceAll('-', '').slice(0, 12);
    const postgres = { serverUrl: databaseServerUrl, database: `faults_temporal_${suffix}`, visibilityDatabase: `faults_temporal_${suffix}_visibility` };
    const { server, sqlTool } = await ensureTemporalServer(process.env);
    await setUpTemporalSchemas(sqlTool, postgres);
    let temporal = await startTemporalServer({ binary: server, postgres });
    const engine = await createTestEngine({ databaseServerUrl, temporalAddress: temporal.address });
    try {
      await engine.startWorker();
      const { engagementId, plan } = await engine.engagements.startEngagement(engagementRequest(engine.team));
      // Commands sent, their activities and timers still running when the server goes.
      await driveEngagement(engine, engagementId, plan, { maxCommands: 20, timeoutMs: 120_000 });
      await temporal.stop();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      temporal = await startTemporalServer({ binary: server, postgres, ports: temporal.ports });

      await driveEngagement(engine, engagementId, plan, { timeoutMs: 240_000 });
      await expectFinishedOnce(engine, engagementId, plan.tasks.length);
    } finally {
      await engine.close();
      await temporal.stop();
      await Promise.allSettled([dropDatabase(databaseServerUrl, postgres.database), dropDatabase(databaseServerUrl, postgres.visibilityDatabase)]);
    }
  }, 8 * 60_000);

  it('PostgreSQL stops with the worker mid-write and comes back on the same data: the engagement finishes, nothing lost or doubled', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gongzhi-faults-pg-'));
    const port = await findFreePort();
    const options = { kind: 'persistent' as const, dataDir: join(dataDir, 'postgres'), port, database: 'gongzhi' };
    let postgres = await startPostgresProcess(options);
    const engine = await createTestEngine({ databaseServerUrl: postgres.url, temporalAddress: injectTestStack().temporalAddress });
    try {
      await engine.startWorker();
      const { engagementId, plan } = await engine.engagements.startEngagement(engagementRequest(engine.team));
      await driveEngagement(engine, engagementId, plan, { maxCommands: 20, timeoutMs: 120_000 });
      // Every connection drops; the activities writing the last commands fail and are retried.
      await postgres.stop();
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      postgres = await startPostgresProcess(options);

      await driveEngagement(engine, engagementId, plan, { timeoutMs: 240_000 });
      await expectFinishedOnce(engine, engagementId, plan.tasks.length);
    } finally {
      await engine.close().catch(() => undefined);
      await postgres.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 8 * 60_000);

  it('the database refuses writes for a minute with work in flight: activities keep retrying, and the engagement finishes once it accepts them again', async () => {
    const engine = await createTestEngine(injectTestStack());
    const database = databaseNameOf(engine.databaseUrl);
    const serverUrl = withDatabase(engine.databaseUrl, 'postgres');
    // New sessions start read-only; the open ones are cut so that none keeps writing.
    const setReadOnly = (readOnly: boolean) =>
      withConnection(serverUrl, async (client) => {
        await client.query(`ALTER DATABASE "${database}" ${readOnly ? 'SET default_transaction_read_only = on' : 'RESET default_transaction_read_only'}`);
        await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
      });
    try {
      await engine.startWorker();
      const { engagementId, plan } = await engine.engagements.startEngagement(engagementRequest(engine.team));
      await driveEngagement(engine, engagementId, plan, { maxCommands: 20, timeoutMs: 120_000 });
      await setReadOnly(true);
      await new Promise((resolve) => setTimeout(resolve, 60_000));
      await setReadOnly(false);

      await driveEngagement(engine, engagementId, plan, { timeoutMs: 300_000 });
      await expectFinishedOnce(engine, engagementId, plan.tasks.length);
    } finally {
      await setReadOnly(false).catch(() => undefined);
      await engine.close();
    }
  }, 8 * 60_000);

  it('twelve completions of one task at once, four of them one retried click: one takes effect, the click’s retries share its answer, the rest are refused', async () => {
    const engine = await createTestEngine(injectTestStack());
    try {
      await engine.startWorker();
      const { engagementId, plan } = await engine.engagements.startEngagement(engagementRequest(engine.team));
      // The projection is written by the workflow's first activities, just after the start.
      let active = await engine.db.task.findFirst({ where: { engagementId, status: 'active' }, orderBy: { key: 'asc' } });
      for (const deadline = Date.now() + 30_000; active === null && Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        active = await engine.db.task.findFirst({ where: { engagementId, status: 'active' }, orderBy: { key: 'asc' } });
      }
      if (active === null) throw new Error('no task became active');
      const planned = plan.tasks.find((task) => task.key === active.key)!;
      const command = {
        taskKey: planned.key,
        actorId: active.assigneeId!,
        formData: sampleFormData(planned),
        ...(planned.deliverable ? { file: fileFor(planned, 1) } : {}),
      };
      const updateIds = [...Array.from({ length: 4 }, () => 'one-click'), ...Array.from({ length: 8 }, (_, index) => `click-${index}`)];
      const results = await Promise.allSettled(updateIds.map((updateId) => engine.engagements.completeTask(engagementId, command, updateId)));

      const accepted = results.flatMap((result, index) => (result.status === 'fulfilled' ? [{ updateId: updateIds[index]!, value: result.value }] : []));
      const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
      expect(new Set(accepted.map((result) => result.updateId)).size).toBe(1);
      // The retried click either won (all four share its answer) or lost (all four were refused).
      expect([1, 4]).toContain(accepted.length);
      expect(accepted.every((result) => JSON.stringify(result.value) === JSON.stringify(accepted[0]!.value))).toBe(true);
      expect(refused).toHaveLength(12 - accepted.length);
      for (const reason of refused) {
        expect(reason).toBeInstanceOf(EngagementCommandError);
        expect((reason as EngagementCommandError).code).toBe('task_already_completed');
      }

      const task = await engine.db.task.findUniqueOrThrow({ where: { id: active.id }, include: { deliverable: { include: { revisions: true } } } });
      expect(task.status).toBe(planned.deliverable ? 'in_review' : 'done');
      if (planned.deliverable) expect(task.deliverable!.revisions).toHaveLength(1);
      await engine.engagements.cancel(engagementId, { actorId: engine.team.pm, reason: 'test over' });
    } finally {
      await engine.close();
    }
  });
});
