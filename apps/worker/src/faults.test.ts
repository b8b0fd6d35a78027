// The servers under an engagement going away mid-pipeline and coming back: the Temporal server
// (its state in PostgreSQL) restarted on the same databases and port, and the product's
// PostgreSQL restarted on the same data directory with every connection dropped. Each time the
// engagement finishes, and every task is done once, with one revision per submission.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase } from '@gongzhi/db';
import { findFreePort } from '@gongzhi/infra/ports';
import { startPostgresProcess } from '@gongzhi/infra/postgres-process';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { ensureTemporalServer, setUpTemporalSchemas, startTemporalServer } from '@gongzhi/infra/temporal-server';
import { createTestEngine, driveEngagement, engagementRequest, type TestEngine } from '@gongzhi/workflows/testing';
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

describe('servers restarted mid-pipeline', () => {
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
});
