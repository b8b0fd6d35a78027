// `pnpm --filter @gongzhi/worker benchmark:memory` (W5): the worker's memory per cached engagement
// beside a no-op workflow's (scripts/noop-workflow.ts), at several cache fills, so an operator can
// size GONGZHI_WORKER_MAX_CACHED_WORKFLOWS. Each measurement is a fresh worker (cache big enough for
// all) on its own task queue, the Temporal dev server and a durable PostgreSQL as `pnpm start` runs
// them: warm up, settle, read the process's resident memory, start N engagements (or no-op
// workflows), wait until each has written its first tasks and the worker is idle, settle, read it
// again. RSS covers the workflow threads' heaps and Temporal's core, which a heap figure would not.
// Results go to docs/benchmarks.md by hand.
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFileStore } from '@gongzhi/storage';
import { temporalWorkerTracing } from '@gongzhi/telemetry';
import { workflowsPath } from '@gongzhi/workflows';
import { createEngagementActivities } from '@gongzhi/workflows/activities';
import { createTestEngine, engagementRequest, type TestEngine } from '@gongzhi/workflows/testing';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { startBenchStack } from './lib/bench';
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

/** A fresh worker with a cache big enough for all: its resident memory before and after `count` more starts. */
async function measure(
  what: string,
  temporalAddress: string,
  options: Omit<WorkerOptions, 'connection' | 'maxCachedWorkflows' | 'plugins'>,
  start: () => Promise<unknown>,
  count: number,
): Promise<Row> {
  const connection = await NativeConnection.connect({ address: temporalAddress });
  const worker = await Worker.create({ ...options, connection, maxCachedWorkflows: 20_000, plugins });
  const running = worker.run();
  try {
    await inBatches(5, start);
    const before = await settledRss();
    const cachedBefore = worker.getStatus().numCachedWorkflows;
    await inBatches(count, start);
    const after = await settledRss();
    return {
      what,
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
  const stack = await startBenchStack('memory-bench');
  const rows: Row[] = [];
  // A fresh database and task queue for each count: earlier workflows stay out of this worker's cache.
  const withEngine = async (work: (engine: TestEngine) => Promise<Row>) => {
    const engine = await createTestEngine({
      databaseServerUrl: stack.postgresUrl,
      temporalAddress: stack.temporalAddress,
    });
    try {
      rows.push(await work(engine));
    } finally {
      await engine.close();
    }
  };
  try {
    for (const count of NOOP_COUNTS) {
      await withEngine((engine) => {
        const taskQueue = `noop-${randomUUID()}`;
        const start = () => {
          const startWorkflowOperation = new WithStartWorkflowOperation<typeof noopWorkflow>('noopWorkflow', {
            workflowId: `noop-${randomUUID()}`,
            taskQueue,
            workflowIdConflictPolicy: 'USE_EXISTING',
          });
          return engine.temporal.workflow.executeUpdateWithStart(noopUpdate, { args: [0], startWorkflowOperation });
        };
        return measure(
          'no-op workflow',
          stack.temporalAddress,
          { taskQueue, workflowsPath: noopWorkflowsPath, activities: noopActivities },
          start,
          count,
        );
      });
    }
    for (const count of COUNTS) {
      await withEngine(async (engine) => {
        const files = createFileStore({ dir: await mkdtemp(join(tmpdir(), 'gongzhi-memory-files-')) });
        const start = () =>
          engine.engagements.startEngagement(
            engagementRequest(engine.team, {
              name: `朝阳区第${randomUUID().slice(0, 4)}号街道创新社区治理法律服务项目`,
            }),
          );
        return measure(
          'engagement (3 communities)',
          stack.temporalAddress,
          {
            taskQueue: engine.taskQueue,
            workflowsPath,
            activities: createEngagementActivities({ db: engine.db, files }),
          },
          start,
          count,
        );
      });
    }
  } finally {
    await stack.stop();
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
