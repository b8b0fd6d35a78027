// Faults under a running engagement, against the real servers: the Temporal server (its state in
// PostgreSQL) restarted on the same databases and ports; the product's PostgreSQL restarted on the
// same data directory with every connection dropped; every worker stopped, then a new one; the
// database refusing writes for a minute; twelve Updates to one engagement at once. Each time nothing is lost or doubled: every task done
// once, one revision per submission, one effect per command.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseNameOf, dropDatabase, withDatabase } from '@gongzhi/db';
import { withConnection } from '@gongzhi/db/testing';
import { findFreePortIn } from '@gongzhi/infra/ports';
import { type PostgresProcess, startPostgresProcess } from '@gongzhi/infra/postgres-process';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { ensureTemporalServer, setUpTemporalSchemas, startTemporalServer, type TemporalServer } from '@gongzhi/infra/temporal-server';
import { createEngagementClient, EngagementCommandError } from '@gongzhi/workflows/client';
import { sampleFormData } from '@gongzhi/workflows/demo';
import { createTestEngine, driveEngagement, engagementRequest, fileFor, type TestEngine } from '@gongzhi/workflows/testing';
import { describe, expect, it } from 'vitest';
import { cleanUp } from './testing/clean-up';
import { expectFinishedOnce } from './testing/finished-once';

describe('faults under a running engagement', () => {
  it('the Temporal server (state in PostgreSQL) stops mid-pipeline, its timers pending, and comes back on the same ports: the engagement finishes, nothing lost or doubled', async () => {
    const { databaseServerUrl } = injectTestStack();
    const suffix = randomUUID().replaceAll('-', '').slice(0, 12);
    const postgres = { serverUrl: databaseServerUrl, database: `faults_temporal_${suffix}`, visibilityDatabase: `faults_temporal_${suffix}_visibility` };
    let temporal: TemporalServer | undefined;
    let engine: TestEngine | undefined;
    try {
      const { server, sqlTool } = await ensureTemporalServer(process.env);
      await setUpTemporalSchemas(sqlTool, postgres);
      temporal = await startTemporalServer({ binary: server, postgres });
      engine = await createTestEngine({ databaseServerUrl, temporalAddress: temporal.address });
      await engine.startWorker();
      const { engagementId, plan } = await engine.engagements.startEngagement(engagementRequest(engine.team));
      await driveEngagement(engine, engagementId, plan, { maxCommands: 20, timeoutMs: 120_000 });
      const ports = temporal.ports;
      await temporal.stop();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      temporal = await startTemporalServer({ binary: server, postgres, ports });

      await driveEngagement(engine, engagementId, plan, { timeoutMs: 240_000 });
      await expectFinishedOnce(engine, engagementId, plan.tasks.length);
    } finally {
      await cleanUp([
        async () => engine?.close(),
        async () => temporal?.stop(),
        () => dropDatabase(databaseServerUrl, postgres.database),
        () => dropDatabase(databaseServerUrl, postgres.visibilityDatabase),
      ]);
    }
  }, 8 * 60_000);

  it('PostgreSQL stops mid-pipeline (every connection dropped) and comes back on the same data: the engagement finishes, nothing lost or doubled', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gongzhi-faults-pg-'));
    const options = { kind: 'persistent' as const, dataDir: join(dataDir, 'postgres'), port: await findFreePortIn(20_000, 32_767), database: 'gongzhi' };
    let postgres: PostgresProcess | undefined;
    let engine: TestEngine | undefined;
    try {
      postgres = await startPostgresProcess(options);
      engine = await createTestEngine({ databaseServerUrl: postgres.url, temporalAddress: injectTestStack().temporalAddress });
      await engine.startWorker();
      const { engagementId, plan } = await engine.engagements.startEngagement(engagementRequest(engine.team));
      await driveEngagement(engine, engagementId, plan, { maxCommands: 20, timeoutMs: 120_000 });
      await postgres.stop();
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      postgres = await startPostgresProcess(options);

      await driveEngagement(engine, engagementId, plan, { timeoutMs: 240_000 });
      await expectFinishedOnce(engine, engagementId, plan.tasks.length);
    } finally {
      await cleanUp([async () => engine?.close(), async () => postgres?.stop(), () => rm(dataDir, { recursive: true, force: true })]);
    }
  }, 8 * 60_000);

  it('every worker stops with work in flight and a new one starts later: the engagement finishes, nothing lost or doubled', async () => {
    const engine = await createTestEngine(injectTestStack());
    try {
      const first = await engine.startWorker();
      const { engagementId, plan } = await engine.engagements.startEngagement(engagementRequest(engine.team));
      await driveEngagement(engine, engagementId, plan, { maxCommands: 20, timeoutMs: 120_000 });
      await first.stop();
      // Nobody polls: a user's command answers "temporarily unavailable" within its deadline…
      const open = await engine.db.task.findFirstOrThrow({ where: { engagementId, status: 'active' } });
      const planned = plan.tasks.find((task) => task.key === open.key)!;
      const command = { taskKey: planned.key, actorId: open.assigneeId!, formData: sampleFormData(planned), ...(planned.deliverable ? { file: fileFor(planned, 1) } : {}) };
      const impatient = createEngagementClient({ db: engine.db, temporal: engine.temporal, taskQueue: engine.taskQueue, commandTimeoutMs: 3_000 });
      const unanswered = await impatient.completeTask(engagementId, command, `retried-${open.key}`).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(unanswered).toBeInstanceOf(EngagementCommandError);
      expect((unanswered as EngagementCommandError).code).toBe('temporarily_unavailable');
      expect((await engine.db.task.findUniqueOrThrow({ where: { id: open.id } })).status).toBe('active');

      // …and once a worker is back, the user's retry with the same key has its one effect.
      await engine.startWorker();
      const retried = await engine.engagements.completeTask(engagementId, command, `retried-${open.key}`);
      expect(retried.status).toBe(planned.deliverable ? 'in_review' : 'done');

      await driveEngagement(engine, engagementId, plan, { timeoutMs: 240_000 });
      await expectFinishedOnce(engine, engagementId, plan.tasks.length);
    } finally {
      await engine.close();
    }
  }, 8 * 60_000);

  it('the database refuses writes for a minute: a command given meanwhile waits for its write and is answered once the database accepts it, and the engagement finishes', async () => {
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
      await new Promise((resolve) => setTimeout(resolve, 500));
      // A user's command during the fault: read and sent, its write refused and retried until the
      // database takes it; a patient caller gets its answer then.
      const patient = createEngagementClient({ db: engine.db, temporal: engine.temporal, taskQueue: engine.taskQueue, commandTimeoutMs: 180_000 });
      let isAnswered = false;
      const duringFault = driveEngagement({ db: engine.db, engagements: patient }, engagementId, plan, { maxCommands: 1, timeoutMs: 180_000 }).finally(() => {
        isAnswered = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 60_000));
      expect(isAnswered).toBe(false);
      await setReadOnly(false);
      expect((await duringFault).commands).toBe(1);

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
