// What the worker's benchmark scripts share: timing, percentiles, the command that completes a
// freshly started engagement's first task, and the stack they run on.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EngagementPlan } from '@gongzhi/domain';
import { findFreePort } from '@gongzhi/infra/ports';
import { startPostgresProcess } from '@gongzhi/infra/postgres-process';
import { ensureTemporalCli } from '@gongzhi/infra/temporal-cli';
import { startTemporalDevServer } from '@gongzhi/infra/temporal-dev-server';
import { sampleFormData } from '@gongzhi/workflows/demo';
import { fileFor, type TestEngine } from '@gongzhi/workflows/testing';
import { type CompleteTaskInput } from '@gongzhi/workflows';

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const startedAt = performance.now();
  const result = await work();
  return [result, performance.now() - startedAt];
}

/** The completion of the engagement's first open task, once the workflow has written it (right after the start). */
export async function firstTaskCompletion(
  engine: TestEngine,
  engagementId: string,
  plan: EngagementPlan,
): Promise<CompleteTaskInput> {
  let task = await engine.db.task.findFirst({ where: { engagementId, status: 'active' }, orderBy: { key: 'asc' } });
  while (task === null) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    task = await engine.db.task.findFirst({ where: { engagementId, status: 'active' }, orderBy: { key: 'asc' } });
  }
  const planned = plan.tasks.find((candidate) => candidate.key === task.key)!;
  return {
    taskKey: planned.key,
    actorId: task.assigneeId!,
    formData: sampleFormData(planned),
    ...(planned.deliverable ? { file: fileFor(planned, 1) } : {}),
  };
}

/**
 * A durable PostgreSQL (as `pnpm start` runs it; the tests' scratch server turns fsync off) and the
 * Temporal dev server on a SQLite file, in a scratch directory removed by `stop`.
 */
export async function startBenchStack(
  name: string,
): Promise<{ postgresUrl: string; temporalAddress: string; stop(): Promise<void> }> {
  const scratch = await mkdtemp(join(tmpdir(), `gongzhi-${name}-`));
  const postgres = await startPostgresProcess({
    kind: 'persistent',
    dataDir: join(scratch, 'postgres'),
    port: await findFreePort(),
    database: 'bench',
  });
  const dev = await startTemporalDevServer({
    cliPath: await ensureTemporalCli(),
    port: await findFreePort(),
    headless: true,
    dbFile: join(scratch, 'temporal.db'),
  }).catch(async (error: unknown) => {
    await postgres.stop();
    throw error;
  });
  return {
    postgresUrl: postgres.url,
    temporalAddress: dev.address,
    async stop() {
      await dev.stop();
      await postgres.stop();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}
