// `pnpm --filter @gongzhi/worker benchmark:engines`: the Temporal dev server (SQLite file) beside
// the Temporal server on PostgreSQL, measured in one run on the same machine, so an operator knows
// what the switch costs or gains. For each engine (the dev server first, then the server): a fresh
// product database on one durable PostgreSQL server, an in-process worker, then
//   - engagement starts one after another (latency of the start command, which answers once the
//     workflow has recorded the engagement), and 10 at a time (starts per second);
//   - the first task's completion (Temporal Update → activity → PostgreSQL → answer) on each of
//     those engagements, one after another.
// Results go to docs/benchmarks.md by hand; the figures are ratios of one run, not targets.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase } from '@gongzhi/db';
import { findFreePort } from '@gongzhi/infra/ports';
import { startPostgresProcess } from '@gongzhi/infra/postgres-process';
import { ensureTemporalCli } from '@gongzhi/infra/temporal-cli';
import { startTemporalDevServer } from '@gongzhi/infra/temporal-dev-server';
import { ensureTemporalServer, setUpTemporalSchemas, startTemporalServer } from '@gongzhi/infra/temporal-server';
import { createTestEngine, engagementRequest, type TestEngine } from '@gongzhi/workflows/testing';
import { firstTaskCompletion, percentile, timed } from './lib/bench';

const SEQUENTIAL = Number(process.env.BENCH_STARTS ?? 30);
const CONCURRENT_BATCHES = Number(process.env.BENCH_BATCHES ?? 3);
const CONCURRENCY = 10;

interface Figures {
  engine: string;
  startP50: number;
  startP99: number;
  startsPerSecond: number;
  completeP50: number;
  completeP99: number;
}

async function measure(engineName: string, engine: TestEngine): Promise<Figures> {
  await engine.startWorker();
  const start = () =>
    engine.engagements.startEngagement(
      engagementRequest(engine.team, { name: `朝阳区第${randomUUID().slice(0, 4)}号街道创新社区治理法律服务项目` }),
    );
  await start(); // warm-up: worker caches, connections, prepared statements

  const started: { engagementId: string; plan: Awaited<ReturnType<typeof start>>['plan'] }[] = [];
  const startTimes: number[] = [];
  for (let index = 0; index < SEQUENTIAL; index++) {
    const [result, ms] = await timed(start);
    started.push(result);
    startTimes.push(ms);
  }

  let concurrentStarts = 0;
  const [, concurrentMs] = await timed(async () => {
    for (let batch = 0; batch < CONCURRENT_BATCHES; batch++) {
      await Promise.all(Array.from({ length: CONCURRENCY }, () => start()));
      concurrentStarts += CONCURRENCY;
    }
  });

  const completeTimes: number[] = [];
  for (const { engagementId, plan } of started) {
    // The projection of the first task is written by the workflow right after the start.
    const command = await firstTaskCompletion(engine, engagementId, plan);
    const [, ms] = await timed(() => engine.engagements.completeTask(engagementId, command, `bench-${engagementId}`));
    completeTimes.push(ms);
  }

  return {
    engine: engineName,
    startP50: percentile(startTimes, 50),
    startP99: percentile(startTimes, 99),
    startsPerSecond: concurrentStarts / (concurrentMs / 1000),
    completeP50: percentile(completeTimes, 50),
    completeP99: percentile(completeTimes, 99),
  };
}

async function main(): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'gongzhi-engine-bench-'));
  // Durable, as `pnpm start` runs it (the tests' scratch server turns fsync off).
  const postgres = await startPostgresProcess({
    kind: 'persistent',
    dataDir: join(scratch, 'postgres'),
    port: await findFreePort(),
    database: 'bench',
  });
  const results: Figures[] = [];
  try {
    // The dev server, as `pnpm start` runs it: a SQLite file.
    const cliPath = await ensureTemporalCli();
    const dev = await startTemporalDevServer({
      cliPath,
      port: await findFreePort(),
      headless: true,
      dbFile: join(scratch, 'temporal.db'),
    });
    const devEngine = await createTestEngine({ databaseServerUrl: postgres.url, temporalAddress: dev.address });
    try {
      results.push(await measure('dev server (SQLite file)', devEngine));
    } finally {
      await devEngine.close();
      await dev.stop();
    }

    // The Temporal server, its state on the same PostgreSQL server as the product's database.
    const { server, sqlTool } = await ensureTemporalServer();
    const databases = {
      serverUrl: postgres.url,
      database: 'bench_temporal',
      visibilityDatabase: 'bench_temporal_visibility',
    };
    await setUpTemporalSchemas(sqlTool, databases);
    const real = await startTemporalServer({ binary: server, postgres: databases });
    const realEngine = await createTestEngine({ databaseServerUrl: postgres.url, temporalAddress: real.address });
    try {
      results.push(await measure('Temporal server (PostgreSQL)', realEngine));
    } finally {
      await realEngine.close();
      await real.stop();
      await dropDatabase(postgres.url, databases.database);
      await dropDatabase(postgres.url, databases.visibilityDatabase);
    }
  } finally {
    await postgres.stop();
    await rm(scratch, { recursive: true, force: true });
  }

  const fmt = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
  console.log(
    `\n${SEQUENTIAL} starts one after another, ${CONCURRENT_BATCHES} × ${CONCURRENCY} at once, ${SEQUENTIAL} first-task completions\n`,
  );
  console.log(
    '| engine | start p50 ms | start p99 ms | starts/s (10 at once) | completion p50 ms | completion p99 ms |',
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const row of results) {
    console.log(
      `| ${row.engine} | ${fmt(row.startP50)} | ${fmt(row.startP99)} | ${fmt(row.startsPerSecond)} | ${fmt(row.completeP50)} | ${fmt(row.completeP99)} |`,
    );
  }
  const [dev, real] = results as [Figures, Figures];
  console.log(
    `| server ÷ dev | ${(real.startP50 / dev.startP50).toFixed(2)}× | ${(real.startP99 / dev.startP99).toFixed(2)}× | ${(real.startsPerSecond / dev.startsPerSecond).toFixed(2)}× | ${(real.completeP50 / dev.completeP50).toFixed(2)}× | ${(real.completeP99 / dev.completeP99).toFixed(2)}× |`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
