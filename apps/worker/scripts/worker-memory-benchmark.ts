// `pnpm --filter @gongzhi/worker benchmark:memory` (W5): the worker's memory per cached engagement
// beside a no-op workflow's (scripts/noop-workflow.ts), at several cache fills, so an operator can
// size GONGZHI_WORKER_MAX_CACHED_WORKFLOWS. Each measurement is a fresh worker (cache big enough for
// all) on its own task queue, the Temporal dev server and a durable PostgreSQL as `pnpm start` runs
// them: warm up, settle, read the process's resident memory, start N engagements (or no-op
// workflows), wait until each has written its first tasks and the worker is idle, settle, read it
// again. RSS covers the workflow threads' heaps and Temporal's core, which a heap figure would not.
// Results go to docs/benchmarks.md by hand.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '@gongzhi/infra/ports';
import { startPostgresProcess } from '@gongzhi/infra/postgres-process';
import { ensureTemporalCli } from '@gongzhi/infra/temporal-cli';
import { startTemporalDevServer } from '@gongzhi/infra/temporal-dev-server';
import { createFileStore } from '@gongzhi/storage';
import { temporalWorkerTracing } from '@gongzhi/telemetry';
import { workflowsPath } from '@gongzhi/workflows';
import { createEngagementActivities } from '@gongzhi/workflows/activities';
import { createTestEngine, engagementRequest, type TestEngine } from '@gongzhi/workflows/testing';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { noopActivities, noopUpdate, type noopWorkflow } from './noop-workflow';

const COUNTS = (process.env.BENCH_MEMORY_COUNTS ?? '100,340').split(',').map(Number);
const NOOP_COUNTS = (process.env.BENCH_MEMORY_NOOP_COUNTS ?? '100,340,1000').split(',').map(Number);
const CONCURRENCY = 10;
/** BENCH_MEMORY_WITH_INTERCEPTORS=1: workers with the OpenTelemetry interceptors (as with tracing on), to see what they cost. */
const plugins = process.env.BENCH_MEMORY_WITH_INTERCEPTORS === '1' ? [temporalWorkerTracing(undefined)] : [];
const noopWorkflowsPath = fileURLToPath(new URL('./noop-workflow.ts', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resident memory once things have settled: garbage collected (this thread), the median of five readings. */
async function settledRss(): Promise<number> {
  await sleep(2_000);
  (globalThis as { gc?: () => void }).gc?.();
  const readings: number[] = [];
  for (let reading = 0; reading < 5; reading++) {
    readings.push(process.memoryUsage().rss);
    await sleep(200);
  }
  return readings.sort((a, b) => a - b)[2]!;
}

async function inBatches(count: number, start: (index: number) => Promise<unknown>): Promise<void> {
  for (let first = 0; first < count; first += CONCURRENCY)
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, count - first) }, (_, offset) => start(first + offset)),
    );
}

interface Row {
  what: string;
  count: number;
  cached: number;
  deltaMb: number;
}

async function measureEngagements(engine: TestEngine, temporalAddress: string, count: number): Promise<Row> {
  const connection = await NativeConnection.connect({ address: temporalAddress });
  const files = createFileStore({ dir: await mkdtemp(join(tmpdir(), 'gongzhi-memory-files-')) });
  const worker = await Worker.create({
    connection,
    taskQueue: engine.taskQueue,
    workflowsPath,
    activities: createEngagementActivities({ db: engine.db, files }),
    maxCachedWorkflows: 20_000,
    plugins,
  });
  const running = worker.run();
  try {
    const start = () =>
      engine.engagements.startEngagement(
        engagementRequest(engine.team, { name: `朝阳区第${randomUUID().slice(0, 4)}号街道创新社区治理法律服务项目` }),
      );
    await inBatches(5, start);
    const before = await settledRss();
    const cachedBefore = worker.getStatus().numCachedWorkflows;
    await inBatches(count, start);
    const after = await settledRss();
    return {
      what: 'engagement (3 communities)',
      count,
      cached: worker.getStatus().numCachedWorkflows - cachedBefore,
      deltaMb: (after - before) / 2 ** 20,
    };
  } finally {
    worker.shutdown();
    await running;
    await connection.close();
  }
}

async function measureNoops(engine: TestEngine, temporalAddress: string, count: number): Promise<Row> {
  const connection = await NativeConnection.connect({ address: temporalAddress });
  const taskQueue = `noop-${randomUUID()}`;
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowsPath: noopWorkflowsPath,
    activities: noopActivities,
    maxCachedWorkflows: 20_000,
    plugins,
  });
  const running = worker.run();
  try {
    const start = () => {
      const startWorkflowOperation = new WithStartWorkflowOperation<typeof noopWorkflow>('noopWorkflow', {
        workflowId: `noop-${randomUUID()}`,
        taskQueue,
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      return engine.temporal.workflow.executeUpdateWithStart(noopUpdate, { args: [0], startWorkflowOperation });
    };
    await inBatches(5, start);
    const before = await settledRss();
    const cachedBefore = worker.getStatus().numCachedWorkflows;
    await inBatches(count, start);
    const after = await settledRss();
    return {
      what: 'no-op workflow',
      count,
      cached: worker.getStatus().numCachedWorkflows - cachedBefore,
      deltaMb: (after - before) / 2 ** 20,
    };
  } finally {
    worker.shutdown();
    await running;
    await connection.close();
  }
}

async function main(): Promise<void> {
  if (!(globalThis as { gc?: () => void }).gc)
    console.warn('run with node --expose-gc (the package script does) for steadier readings');
  const scratch = await mkdtemp(join(tmpdir(), 'gongzhi-memory-bench-'));
  const postgres = await startPostgresProcess({
    kind: 'persistent',
    dataDir: join(scratch, 'postgres'),
    port: await findFreePort(),
    database: 'bench',
  });
  const rows: Row[] = [];
  try {
    const dev = await startTemporalDevServer({
      cliPath: await ensureTemporalCli(),
      port: await findFreePort(),
      headless: true,
      dbFile: join(scratch, 'temporal.db'),
    });
    try {
      for (const count of NOOP_COUNTS) {
        const engine = await createTestEngine({ databaseServerUrl: postgres.url, temporalAddress: dev.address });
        try {
          rows.push(await measureNoops(engine, dev.address, count));
        } finally {
          await engine.close();
        }
      }
      for (const count of COUNTS) {
        // A fresh database and task queue each time: the earlier engagements stay out of this worker's cache.
        const engine = await createTestEngine({ databaseServerUrl: postgres.url, temporalAddress: dev.address });
        try {
          rows.push(await measureEngagements(engine, dev.address, count));
        } finally {
          await engine.close();
        }
      }
    } finally {
      await dev.stop();
    }
  } finally {
    await postgres.stop();
    await rm(scratch, { recursive: true, force: true });
  }

  const noopPerWorkflow = rows.filter((row) => row.what === 'no-op workflow').map((row) => row.deltaMb / row.cached);
  const noopMedian = noopPerWorkflow.sort((a, b) => a - b)[Math.floor(noopPerWorkflow.length / 2)]!;
  console.log(`\nW5 worker memory (RSS), Temporal dev server, ${new Date().toISOString().slice(0, 10)}\n`);
  console.log(
    '| started | count | workflows cached | RSS growth MB | MB per started | MB per cached workflow | ÷ no-op per workflow |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    const perWorkflow = row.deltaMb / row.cached;
    console.log(
      `| ${row.what} | ${row.count} | ${row.cached} | ${row.deltaMb.toFixed(0)} | ${(row.deltaMb / row.count).toFixed(2)} | ${perWorkflow.toFixed(3)} | ${(perWorkflow / noopMedian).toFixed(1)}× |`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
