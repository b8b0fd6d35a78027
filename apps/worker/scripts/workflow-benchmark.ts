// `pnpm --filter @gongzhi/worker benchmark:workflows`: what the engagement workflow costs over
// Temporal's own round trip, measured side by side in one run on one machine (the Temporal dev
// server as `pnpm start` runs it, a durable PostgreSQL, one worker process running both task
// queues, tracing off as by default):
//   W4  an engagement's start (update-with-start, answered once the workflow has planned and
//       recorded the engagement) vs a no-op workflow's update-with-start;
//   W1  a task's completion (Update → validation → activity → one transaction → answer) vs a
//       no-op Update on a running workflow, and vs a no-op Update that calls one no-op activity
//       (the least any command costs while the workflow writes only through activities);
//   W2  one engagement driven to its end: its commands near the 60th vs its first ones, beside a
//       no-op workflow's 60th Update vs its first (does a longer history cost more per command?).
// Results go to docs/benchmarks.md by hand; the figures are ratios of one run.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { type EngagementClient } from '@gongzhi/workflows/client';
import { createTestEngine, driveEngagement, engagementRequest, type TestEngine } from '@gongzhi/workflows/testing';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { firstTaskCompletion, percentile, startBenchStack, timed } from './lib/bench';
import { finishSignal, noopActivities, noopActivityUpdate, noopUpdate, type noopWorkflow } from './noop-workflow';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const UPDATES = 60;
const noopWorkflowsPath = fileURLToPath(new URL('./noop-workflow.ts', import.meta.url));

const median = (values: number[]) => percentile(values, 50);

interface Row {
  name: string;
  measured: number[];
  baseline: number[];
  baselineName: string;
  target: string;
}

async function measure(engine: TestEngine, noopQueue: string): Promise<Row[]> {
  const { temporal } = engine;
  const noopStart = () => {
    const workflowId = `noop-${randomUUID()}`;
    const startWorkflowOperation = new WithStartWorkflowOperation<typeof noopWorkflow>('noopWorkflow', {
      workflowId,
      taskQueue: noopQueue,
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    return temporal.workflow
      .executeUpdateWithStart(noopUpdate, { args: [0], startWorkflowOperation })
      .then(() => temporal.workflow.getHandle(workflowId));
  };
  const engagementStart = () =>
    engine.engagements.startEngagement(
      engagementRequest(engine.team, { name: `朝阳区第${randomUUID().slice(0, 4)}号街道创新社区治理法律服务项目` }),
    );
  // Warm-up: worker caches, connections, prepared statements, both bundles.
  await (await noopStart()).signal(finishSignal);
  await engagementStart();

  // W4: starts, alternating so that both see the same machine.
  const starts: number[] = [];
  const noopStarts: number[] = [];
  const engagements: Awaited<ReturnType<typeof engagementStart>>[] = [];
  const noops: Awaited<ReturnType<typeof noopStart>>[] = [];
  for (let run = 0; run < RUNS; run++) {
    const [engagement, ms] = await timed(engagementStart);
    engagements.push(engagement);
    starts.push(ms);
    const [noop, noopMs] = await timed(noopStart);
    noops.push(noop);
    noopStarts.push(noopMs);
  }

  // W1: each engagement's first task completed, beside a no-op Update on a running workflow.
  const completions: number[] = [];
  const noopUpdates: number[] = [];
  const noopActivityUpdates: number[] = [];
  for (const [index, { engagementId, plan }] of engagements.entries()) {
    const command = await firstTaskCompletion(engine, engagementId, plan);
    completions.push(
      (await timed(() => engine.engagements.completeTask(engagementId, command, `bench-${engagementId}`)))[1],
    );
    noopUpdates.push((await timed(() => noops[index]!.executeUpdate(noopUpdate, { args: [index] })))[1]);
    noopActivityUpdates.push(
      (await timed(() => noops[index]!.executeUpdate(noopActivityUpdate, { args: [index] })))[1],
    );
  }
  await Promise.all(noops.map((handle) => handle.signal(finishSignal)));

  // W2: one engagement to its end, every command timed in order; one no-op workflow, 60 Updates.
  const commandTimes: number[] = [];
  const timedClient = {
    completeTask: async (...args: Parameters<EngagementClient['completeTask']>) => {
      const [result, ms] = await timed(() => engine.engagements.completeTask(...args));
      commandTimes.push(ms);
      return result;
    },
    reviewDeliverable: async (...args: Parameters<EngagementClient['reviewDeliverable']>) => {
      const [result, ms] = await timed(() => engine.engagements.reviewDeliverable(...args));
      commandTimes.push(ms);
      return result;
    },
  } as unknown as EngagementClient;
  const driven = await engagementStart();
  await driveEngagement({ db: engine.db, engagements: timedClient }, driven.engagementId, driven.plan, {
    timeoutMs: 600_000,
  });
  const long = await noopStart();
  const noopSeries: number[] = [];
  for (let update = 1; update <= UPDATES + 5; update++)
    noopSeries.push((await timed(() => long.executeUpdate(noopUpdate, { args: [update] })))[1]);
  await long.signal(finishSignal);
  // Around the 60th (56th–65th) beside the first ten, for both.
  const around60 = (series: number[]) => series.slice(UPDATES - 5, UPDATES + 5);
  const first10 = (series: number[]) => series.slice(0, 10);
  console.log(`W2: the engagement took ${commandTimes.length} commands to its end`);

  return [
    {
      name: 'W4 start: engagement vs no-op workflow',
      measured: starts,
      baseline: noopStarts,
      baselineName: 'no-op update-with-start',
      target: '—',
    },
    {
      name: 'W1 task completion vs no-op Update',
      measured: completions,
      baseline: noopUpdates,
      baselineName: 'no-op Update',
      target: '≤ 1.3×',
    },
    {
      name: 'W1 task completion vs no-op Update with a no-op activity',
      measured: completions,
      baseline: noopActivityUpdates,
      baselineName: 'no-op Update → no-op activity',
      target: '—',
    },
    {
      name: 'W2 engagement: commands 56–65 vs 1–10',
      measured: around60(commandTimes),
      baseline: first10(commandTimes),
      baselineName: 'its first 10 commands',
      target: '≤ 1.2×',
    },
    {
      name: 'W2 no-op workflow: Updates 56–65 vs 1–10',
      measured: around60(noopSeries),
      baseline: first10(noopSeries),
      baselineName: 'its first 10 Updates',
      target: '—',
    },
  ];
}

async function main(): Promise<void> {
  const stack = await startBenchStack('workflow-bench');
  let rows: Row[] = [];
  try {
    const engine = await createTestEngine({
      databaseServerUrl: stack.postgresUrl,
      temporalAddress: stack.temporalAddress,
    });
    const connection = await NativeConnection.connect({ address: stack.temporalAddress });
    const noopQueue = `noop-${randomUUID()}`;
    const noopWorker = await Worker.create({
      connection,
      taskQueue: noopQueue,
      workflowsPath: noopWorkflowsPath,
      activities: noopActivities,
    });
    const noopRunning = noopWorker.run();
    try {
      await engine.startWorker();
      rows = await measure(engine, noopQueue);
    } finally {
      noopWorker.shutdown();
      await noopRunning;
      await connection.close();
      await engine.close();
    }
  } finally {
    await stack.stop();
  }

  const fmt = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
  console.log(`\n${RUNS} runs each (alternating), Temporal dev server, ${new Date().toISOString().slice(0, 10)}\n`);
  console.log(
    '| measure | p50 ms | p99 ms | baseline | baseline p50 ms | baseline p99 ms | p50 ÷ baseline p50 | target |',
  );
  console.log('|---|---:|---:|---|---:|---:|---:|---|');
  for (const row of rows) {
    console.log(
      `| ${row.name} | ${fmt(median(row.measured))} | ${fmt(percentile(row.measured, 99))} | ${row.baselineName} | ${fmt(median(row.baseline))} | ${fmt(percentile(row.baseline, 99))} | ${(median(row.measured) / median(row.baseline)).toFixed(2)}× | ${row.target} |`,
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
