// The stack behind `pnpm start` (see start.ts, which runs this file in a child process):
//
//   Temporal dev server (state in .data/temporal.db, UI :8233), or with GONGZHI_TEMPORAL=server
//   the Temporal server itself (state in PostgreSQL, after it), or TEMPORAL_ADDRESS's cluster
//   PostgreSQL (embedded, data in .data/postgres, :5433; or DATABASE_URL)
//   → migrations → demo users (or the first administrator) → worker, API, dashboard → demo engagement
//
// Demo users and the demo engagement only on the embedded database in development, or with
// `--demo`: a DATABASE_URL may name a real firm's server, and `--production` is a firm's own.
//
// Development (the default): the apps from source (tsx, the Vite dev server), every process's
// output in the terminal; if any app or server dies on its own, the whole stack stops with a
// non-zero exit so nobody keeps using a half-dead stack.
// Production (`--production`): the apps built first (the API bundle, the worker's workflow bundle,
// the dashboard, which the API serves), every process restarted with backoff when it dies while
// the rest keep serving, output in `<data dir>/logs/<name>.log`, rotated.
//
// SIGINT/SIGTERM, or its stdin closing (start.ts died), stops the apps first, then the servers.
import { spawn, type ChildProcess } from 'node:child_process';
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { Client, Connection } from '@temporalio/client';
import {
  applyMigrations,
  createDb,
  databaseNameOf,
  type Db,
  ensureFirstAdministrator,
  hashPassword,
  seedDemoUsers,
} from '@gongzhi/db';
import { parseStartArgs, shouldSeedDemoData } from './demo-data';
import { keepRunning, type Running } from './keep-running';
import { isPortFree } from './ports';
import { startPostgresProcess } from './postgres-process';
import { spawnOwnedProcess, stopProcessGroup } from './process-group';
import { printBanner, readinessOf, redactPassword, type Health } from './start-banner';
import { parseStartConfig, repoRoot, type StartConfig } from './start-config';
import { linePrefixer, log, logFile, logsIn, type OutputSink } from './start-output';
import { ensureTemporalCli, temporalCliOptionsFromEnv } from './temporal-cli';
import { startTemporalDevServer } from './temporal-dev-server';
import { STACK_PID_FILE } from './backup';
import { assertSameTemporal, recordTemporal } from './temporal-engine';
import {
  ensureTemporalServer,
  setUpTemporalSchemas,
  standardTemporalServerPorts,
  startTemporalServer,
} from './temporal-server';

// ── lifecycle ───────────────────────────────────────────────────────────────────────────────────

class StopRequested extends Error {}

/**
 * Everything started so far, stopped in reverse order exactly once. A process it runs either stops
 * everything when it dies on its own (development) or is restarted with backoff (production).
 */
class Stack {
  private readonly stoppers: { name: string; stop: () => Promise<void> }[] = [];
  private stopping: Promise<void> | undefined;

  constructor(private readonly restartsProcesses: boolean) {}

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /** Starts a process (server or app) and owns it: stopped with the rest; its death handled as above. */
  async run<T extends Running>(name: string, start: () => Promise<T>): Promise<T> {
    if (this.restartsProcesses) {
      const kept = await keepRunning(name, start, { onEvent: log });
      await this.add(name, kept.stop);
      return kept.first;
    }
    const running = await start();
    await this.add(name, running.stop);
    void running.exited.then((how) => {
      if (!this.isStopping)
        void this.shutdown(`${name} exited unexpectedly${typeof how === 'string' ? ` (${how})` : ''}`, 1);
    });
    return running;
  }

  /** Registers a running piece; if shutdown already began, stops it right away. */
  async add(name: string, stop: () => Promise<void>): Promise<void> {
    if (this.isStopping) {
      await stop();
      throw new StopRequested();
    }
    this.stoppers.push({ name, stop });
  }

  shutdown(reason: string, exitCode: number): Promise<void> {
    this.stopping ??= (async () => {
      log(`${reason} — stopping…`);
      let code = exitCode;
      for (const { name, stop } of this.stoppers.reverse()) {
        try {
          await stop();
          log(`stopped ${name}`);
        } catch (error) {
          code = 1;
          log(`could not stop ${name}: ${errorMessage(error)}`);
        }
      }
      process.exit(code);
    })();
    return this.stopping;
  }
}

// ── apps ────────────────────────────────────────────────────────────────────────────────────────

interface AppSpec {
  name: string;
  packageName: string;
  dir: string;
  /** A file that must exist before the app can run from source (the app may not be written yet). */
  entry: string;
  env: Record<string, string>;
  /** Development: the arguments of its `dev` script. */
  args: string[];
  /**
   * Production: node's arguments to run the built app, from its directory; none for an app that
   * does not run in production (the dashboard, which the API serves).
   */
  production?: { args: string[]; env: Record<string, string> };
  /** A port that accepts connections once the app is up. */
  readyPort?: number;
}

async function appSkipReason(app: AppSpec): Promise<string | undefined> {
  const manifestPath = join(repoRoot, app.dir, 'package.json');
  const manifest = z
    .object({ scripts: z.record(z.string(), z.string()).optional() })
    .parse(JSON.parse(await readFile(manifestPath, 'utf8').catch(() => '{}')));
  if (manifest.scripts?.dev === undefined) return `${app.dir}/package.json has no "dev" script`;
  if (!(await exists(join(repoRoot, app.dir, app.entry)))) return `${app.dir}/${app.entry} does not exist yet`;
  return undefined;
}

const PNPM_STOP_NOISE = /ELIFECYCLE|ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL|"pnpm recursive run" failed|^\s*$/;

/** Development: the app's `dev` script, its output in the terminal. */
async function startDevApp(app: AppSpec, stack: Stack): Promise<Running> {
  // detached: the app and everything under it (pnpm → sh → tsx → node) form one process group
  // that we stop as a whole; a terminal Ctrl-C reaches only us, so the order stays ours.
  // --silent: pnpm's own lines ("$ tsx …", "ELIFECYCLE Command failed" when we stop it) are
  // noise; the app's output and its exit code are what matter.
  const child: ChildProcess = spawn('pnpm', ['--silent', '--filter', app.packageName, 'run', 'dev', ...app.args], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...app.env },
  });
  // Once we stop an app, pnpm reports that its script "failed"; that is us, not news.
  const out = linePrefixer(app.name, (line) => !stack.isStopping || !PNPM_STOP_NOISE.test(line));
  child.stdout?.setEncoding('utf8').on('data', (text: string) => out.write(text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => out.write(text));
  const exited = new Promise<string>((resolvePromise) => {
    child.once('error', (error) => resolvePromise(`could not be started: ${error.message}`));
    child.once('exit', (code, signal) => {
      out.flush();
      resolvePromise(signal === null ? `code ${String(code)}` : `signal ${signal}`);
    });
  });
  return { exited, stop: () => stopProcessGroup(child, 15_000) };
}

/**
 * Production: the built app straight under node (no pnpm or tsx wrapper between us and it), its
 * output in `logs/<name>.log`, its process id in `run/<name>.pid` for operators (and the test
 * that kills it).
 */
async function startBuiltApp(
  app: AppSpec,
  production: NonNullable<AppSpec['production']>,
  dataDir: string,
): Promise<Running> {
  const out = logFile(join(dataDir, 'logs'), app.name);
  const child = spawnOwnedProcess(process.execPath, production.args, {
    cwd: join(repoRoot, app.dir),
    env: { ...process.env, ...app.env, ...production.env },
    stopGraceMs: 15_000,
    onOutput: (text) => out.write(text),
  });
  const pidFile = join(dataDir, 'run', `${app.name}.pid`);
  await mkdir(join(dataDir, 'run'), { recursive: true });
  if (child.pid !== undefined) await writeFile(pidFile, `${child.pid}\n`);
  const exited = child.exited.then(async (how) => {
    await rm(pidFile, { force: true });
    return how;
  });
  return {
    exited,
    async stop() {
      await child.stop();
      await exited;
    },
  };
}

/** Production: builds the API bundle, the worker's workflow bundle and the dashboard from the sources. */
async function buildApps(stack: Stack, logsDir: string): Promise<void> {
  log(`building the API, the worker's workflow bundle and the dashboard (output in ${join(logsDir, 'build.log')})…`);
  const started = Date.now();
  const out = logFile(logsDir, 'build');
  const build = spawnOwnedProcess(
    'pnpm',
    ['--filter', '@gongzhi/api', '--filter', '@gongzhi/worker', '--filter', '@gongzhi/web', 'run', 'build'],
    {
      cwd: repoRoot,
      env: process.env,
      stopGraceMs: 5_000,
      onOutput: (text) => out.write(text),
    },
  );
  // Not on the stack: a Ctrl-C meanwhile ends our process, and with it the build's (see spawnOwnedProcess).
  const how = await build.exited;
  if (stack.isStopping) throw new StopRequested();
  if (how !== 'code 0')
    throw new Error(`the build failed (${how}):\n${build.outputTail().trimEnd().split('\n').slice(-30).join('\n')}`);
  log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// ── the hook for the demo engagement ────────────────────────────────────────────────────────────

/**
 * HOOK (provided by @gongzhi/workflows): `@gongzhi/workflows/demo` exports
 *   seedDemoEngagement({ db, temporal, storeEnv, taskQueue?, log? }): Promise<void>
 * (storeEnv: the environment the API and the worker get; the demo stores its files where they do)
 * which is idempotent (the demo has a fixed engagement id: every start after the first finds it
 * and changes nothing) and drives the demo through the worker, so it runs once the worker polls.
 * Resolved through the workflows package at run time because infra cannot depend on it
 * (workflows depends on infra for its tests, and turbo refuses cycles). Only "the module does not
 * exist" is tolerated; any error from inside it stops the start command.
 */
type SeedDemoEngagement = (input: {
  db: Db;
  temporal: Client;
  storeEnv: Record<string, string | undefined>;
  taskQueue?: string;
  log?: (message: string) => void;
}) => Promise<unknown>;

async function importFromWorkflows(specifier: string): Promise<Record<string, unknown> | undefined> {
  const requireFromWorkflows = createRequire(join(repoRoot, 'workflows', 'package.json'));
  let modulePath: string;
  try {
    modulePath = requireFromWorkflows.resolve(specifier);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return undefined;
    throw error;
  }
  return (await import(pathToFileURL(modulePath).href)) as Record<string, unknown>;
}

async function seedDemoEngagementIfAvailable(input: {
  config: StartConfig;
  databaseUrl: string;
  temporalAddress: string;
  isWorkerRunning: boolean;
}): Promise<void> {
  const demo = await importFromWorkflows('@gongzhi/workflows/demo');
  if (demo === undefined) {
    log('skipping the demo engagement: @gongzhi/workflows/demo does not exist yet');
    return;
  }
  if (typeof demo.seedDemoEngagement !== 'function') {
    throw new Error('@gongzhi/workflows/demo does not export a seedDemoEngagement function');
  }
  if (!input.isWorkerRunning) {
    log('skipping the demo engagement: it needs the worker');
    return;
  }
  const seedDemoEngagement = demo.seedDemoEngagement as SeedDemoEngagement;
  const taskQueue = input.config.GONGZHI_TASK_QUEUE ?? (await defaultTaskQueue());
  const connection = await Connection.connect({ address: input.temporalAddress });
  const db = createDb({ url: input.databaseUrl });
  try {
    const temporal = new Client({ connection, namespace: input.config.TEMPORAL_NAMESPACE });
    await waitForWorker(temporal, input.config.TEMPORAL_NAMESPACE, taskQueue);
    await seedDemoEngagement({
      db,
      temporal,
      storeEnv: { ...process.env, ...appEnvOf(input.config) },
      ...(taskQueue === undefined ? {} : { taskQueue }),
      log: (message) => log(`demo: ${message}`),
    });
  } finally {
    await db.$disconnect();
    await connection.close();
  }
}

async function defaultTaskQueue(): Promise<string | undefined> {
  const workflows = await importFromWorkflows('@gongzhi/workflows');
  return typeof workflows?.ENGAGEMENT_TASK_QUEUE === 'string' ? workflows.ENGAGEMENT_TASK_QUEUE : undefined;
}

/** The demo is driven through the worker: wait (bounded) until it polls its task queue. */
async function waitForWorker(temporal: Client, namespace: string, taskQueue: string | undefined): Promise<void> {
  if (taskQueue === undefined) return;
  if ((await pollersWithin(temporal, namespace, taskQueue, 180_000)) === 0)
    throw new Error(`no worker polled task queue ${taskQueue} within 3 minutes`);
}

/** How many workers poll the task queue, as soon as one does or when the time is up (then 0). */
async function pollersWithin(
  temporal: Client,
  namespace: string,
  taskQueue: string,
  timeoutMs: number,
): Promise<number> {
  for (const deadline = Date.now() + timeoutMs; ; await sleep(500)) {
    // The task queue type defaults to workflow, whose pollers are the workers that run engagements.
    const { pollers } = await temporal.workflowService.describeTaskQueue({ namespace, taskQueue: { name: taskQueue } });
    if (pollers.length > 0 || Date.now() > deadline) return pollers.length;
  }
}

/** Where uploaded and generated files live; the API and the worker get the same directory. */
function filesDirOf(config: StartConfig): string {
  return join(config.GONGZHI_DATA_DIR, 'files');
}

/** Set for an S3 bucket (GONGZHI_S3_*, passed through): then no files directory is given. */
const usesS3 = () => (process.env.GONGZHI_S3_BUCKET ?? '') !== '';

/** Where the worker, the API (and the demo) keep files: the data directory unless a bucket is named. */
function appEnvOf(config: StartConfig): Record<string, string> {
  return usesS3() ? {} : { GONGZHI_FILES_DIR: filesDirOf(config) };
}

// ── main ────────────────────────────────────────────────────────────────────────────────────────

/** How this start runs its processes (see the top of the file). */
interface Mode {
  isProduction: boolean;
  /** Where a server's output goes: the terminal, or its log file. */
  outputFor(name: string): OutputSink;
  /** Production: `<data dir>/logs`. */
  logsDir: string | undefined;
}

async function start(
  config: StartConfig,
  stack: Stack,
  options: { isDemoRequested: boolean; isProduction: boolean },
): Promise<void> {
  const { isProduction } = options;
  const logsDir = isProduction ? join(config.GONGZHI_DATA_DIR, 'logs') : undefined;
  const mode: Mode = {
    isProduction,
    logsDir,
    outputFor: (name) => (logsDir === undefined ? linePrefixer(name) : logFile(logsDir, name)),
  };
  const withDemo = shouldSeedDemoData({
    isEmbeddedDatabase: config.DATABASE_URL === undefined,
    isDemoRequested: options.isDemoRequested,
    isProduction,
  });
  if (!usesS3()) await mkdir(filesDirOf(config), { recursive: true });
  await assertPortsFree([
    ...(config.TEMPORAL_ADDRESS === undefined
      ? [
          { port: config.TEMPORAL_PORT, variable: 'TEMPORAL_PORT' },
          ...(config.GONGZHI_TEMPORAL === 'dev'
            ? [{ port: config.TEMPORAL_UI_PORT, variable: 'TEMPORAL_UI_PORT' }]
            : Object.values(standardTemporalServerPorts(config.TEMPORAL_PORT))
                .filter((candidate) => candidate !== config.TEMPORAL_PORT)
                .map((candidate) => ({
                  port: candidate,
                  variable: 'TEMPORAL_PORT (the server uses ports around it)',
                }))),
        ]
      : []),
    ...(config.DATABASE_URL === undefined ? [{ port: config.GONGZHI_PG_PORT, variable: 'GONGZHI_PG_PORT' }] : []),
    { port: config.GONGZHI_API_PORT, variable: 'GONGZHI_API_PORT' },
    // In production the API serves the dashboard: no port of its own.
    ...(isProduction ? [] : [{ port: config.GONGZHI_WEB_PORT, variable: 'GONGZHI_WEB_PORT' }]),
  ]);

  // While we run, `pnpm backup` refuses this directory (a copy of live files is not a backup).
  await mkdir(config.GONGZHI_DATA_DIR, { recursive: true });
  const pidFile = join(config.GONGZHI_DATA_DIR, STACK_PID_FILE);
  await writeFile(pidFile, `${process.pid}\n`);
  await stack.add('the data directory lock', () => rm(pidFile, { force: true }));
  if (logsDir !== undefined) {
    logsIn(logsDir);
    await buildApps(stack, logsDir);
  }
  if (config.TEMPORAL_ADDRESS === undefined) {
    await assertSameTemporal(config.GONGZHI_DATA_DIR, config.GONGZHI_TEMPORAL, {
      externalDatabase: config.DATABASE_URL !== undefined,
    });
  }
  // The dev server starts beside PostgreSQL; the server keeps its state in it, so it comes after.
  const [temporal, postgres] =
    config.TEMPORAL_ADDRESS === undefined && config.GONGZHI_TEMPORAL === 'server'
      ? await startPostgres(config, stack, mode).then(
          async (started) => [await startTemporalOnPostgres(config, stack, mode, started.url), started] as const,
        )
      : await Promise.all([startTemporal(config, stack, mode), startPostgres(config, stack, mode)]);
  if (config.TEMPORAL_ADDRESS === undefined) await recordTemporal(config.GONGZHI_DATA_DIR, config.GONGZHI_TEMPORAL);

  const { applied } = await applyMigrations(postgres.url);
  log(applied.length === 0 ? 'database schema is up to date' : `applied migrations: ${applied.join(', ')}`);
  const firstAdmin = await createAccounts(config, postgres.url, { withDemo, isProduction });

  const childEnv = {
    DATABASE_URL: postgres.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: config.TEMPORAL_NAMESPACE,
    GONGZHI_API_PORT: String(config.GONGZHI_API_PORT),
    GONGZHI_API_URL: `http://127.0.0.1:${config.GONGZHI_API_PORT}`,
    GONGZHI_WEB_PORT: String(config.GONGZHI_WEB_PORT),
    ...appEnvOf(config),
    GONGZHI_COOKIE_SECURE: config.GONGZHI_COOKIE_SECURE,
  };
  const apps: AppSpec[] = [
    {
      name: 'worker',
      packageName: '@gongzhi/worker',
      dir: 'apps/worker',
      entry: 'src/main.ts',
      env: childEnv,
      args: [],
      // Under tsx with the prebuilt workflow bundle (docs/architecture.md says why not compiled).
      production: {
        args: ['--import', 'tsx', 'src/main.ts'],
        env: { GONGZHI_WORKFLOW_BUNDLE: join(repoRoot, 'apps/worker/dist/workflow-bundle.js') },
      },
    },
    {
      name: 'api',
      packageName: '@gongzhi/api',
      dir: 'apps/api',
      entry: 'src/server.ts',
      env: { ...childEnv, PORT: String(config.GONGZHI_API_PORT) },
      args: [],
      production: {
        args: ['--enable-source-maps', 'dist/server.js'],
        env: { NODE_ENV: 'production', GONGZHI_WEB_DIR: join(repoRoot, 'apps/web/dist') },
      },
      readyPort: config.GONGZHI_API_PORT,
    },
    {
      name: 'web',
      packageName: '@gongzhi/web',
      dir: 'apps/web',
      entry: 'index.html',
      env: childEnv,
      // --strictPort: a silently different port would make the printed address wrong.
      args: ['--port', String(config.GONGZHI_WEB_PORT), '--strictPort'],
      readyPort: config.GONGZHI_WEB_PORT,
    },
  ];
  const running: AppSpec[] = [];
  for (const app of apps) {
    if (isProduction) {
      const { production } = app;
      if (production === undefined) continue;
      await stack.run(app.name, () => startBuiltApp(app, production, config.GONGZHI_DATA_DIR));
    } else {
      const skipReason = await appSkipReason(app);
      if (skipReason !== undefined) {
        log(`skipping ${app.name}: ${skipReason}`);
        continue;
      }
      await stack.run(app.name, () => startDevApp(app, stack));
    }
    running.push(app);
  }
  const isWorkerRunning = running.some((app) => app.name === 'worker');

  if (withDemo) {
    await seedDemoEngagementIfAvailable({
      config,
      databaseUrl: postgres.url,
      temporalAddress: temporal.address,
      isWorkerRunning,
    });
  }

  const notReady = await waitForPorts(running.flatMap((app) => (app.readyPort === undefined ? [] : [app])));
  const health: Health = {
    api: running.some((app) => app.name === 'api')
      ? await readinessOf(`http://127.0.0.1:${config.GONGZHI_API_PORT}`)
      : undefined,
    worker: isWorkerRunning ? await workerHealth(config, temporal.address) : undefined,
  };
  if (stack.isStopping) return;
  printBanner({
    config,
    isProduction,
    temporal,
    postgresUrl: postgres.url,
    running: running.map((app) => app.name),
    notReady: notReady.map((app) => ({ name: app.name, port: app.readyPort ?? 0 })),
    health,
    withDemo,
    firstAdmin,
    logsDir,
  });
}

type FirstAdmin = NonNullable<Parameters<typeof printBanner>[0]['firstAdmin']>;

/** The file that keeps the first administrator's password (mode 0600) until someone deletes it. */
const FIRST_ADMIN_PASSWORD_FILE = 'initial-admin-password';

/**
 * The demo accounts where demo data belongs. In production, on an installation's first start with
 * no account at all, its first administrator, whose password goes into a file only this user can
 * read (and on the terminal, when there is one: never into a service's journal).
 */
async function createAccounts(
  config: StartConfig,
  databaseUrl: string,
  { withDemo, isProduction }: { withDemo: boolean; isProduction: boolean },
): Promise<FirstAdmin | undefined> {
  const db = createDb({ url: databaseUrl });
  try {
    if (withDemo) {
      const { created } = await seedDemoUsers(db, { hashPassword });
      if (created.length > 0) log(`created demo users: ${created.join(', ')}`);
      return undefined;
    }
    log(`no demo users or engagement: ${isProduction ? 'production' : 'DATABASE_URL is set'} and --demo was not given`);
    // In development a DATABASE_URL may be a firm's server someone merely looks at: no accounts there.
    if (!isProduction) return undefined;
    const admin = await ensureFirstAdministrator(db, { hashPassword });
    if (admin === null) return undefined;
    const passwordFile = join(config.GONGZHI_DATA_DIR, FIRST_ADMIN_PASSWORD_FILE);
    // A fresh file ('wx': never through a link or into an old file with other permissions).
    await rm(passwordFile, { force: true });
    await writeFile(passwordFile, `${admin.username}\n${admin.password}\n`, { mode: 0o600, flag: 'wx' });
    log(`created the first administrator, ${admin.username}; its password is in ${passwordFile}`);
    return { ...admin, passwordFile, isShown: process.stdout.isTTY === true };
  } finally {
    await db.$disconnect();
  }
}

/** Whether a worker polls the engagements' task queue (waiting up to a minute for one to start). */
async function workerHealth(config: StartConfig, temporalAddress: string): Promise<Health['worker']> {
  const taskQueue = config.GONGZHI_TASK_QUEUE ?? (await defaultTaskQueue());
  if (taskQueue === undefined) return undefined;
  const connection = await Connection.connect({ address: temporalAddress }).catch(() => undefined);
  if (connection === undefined) return { pollers: 0, taskQueue };
  try {
    const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
    return { pollers: await pollersWithin(temporal, config.TEMPORAL_NAMESPACE, taskQueue, 60_000), taskQueue };
  } catch {
    return { pollers: 0, taskQueue };
  } finally {
    await connection.close();
  }
}

async function startTemporal(
  config: StartConfig,
  stack: Stack,
  mode: Mode,
): Promise<{ address: string; uiUrl: string | undefined }> {
  if (config.TEMPORAL_ADDRESS !== undefined) {
    log(`using the Temporal cluster at ${config.TEMPORAL_ADDRESS}`);
    return { address: config.TEMPORAL_ADDRESS, uiUrl: undefined };
  }
  const cliPath = await ensureTemporalCli(temporalCliOptionsFromEnv(process.env));
  if (cliPath === undefined) log('no local Temporal CLI; the Temporal SDK will download a dev server');
  const out = mode.outputFor('temporal');
  const server = await stack.run('Temporal dev server', () =>
    startTemporalDevServer({
      cliPath,
      port: config.TEMPORAL_PORT,
      uiPort: config.TEMPORAL_UI_PORT,
      dbFile: join(config.GONGZHI_DATA_DIR, 'temporal.db'),
      namespace: config.TEMPORAL_NAMESPACE,
      // Its shutdown is a burst of "connection refused" warnings from its own internal workers.
      onOutput: (text) => {
        if (!stack.isStopping) out.write(text);
      },
    }),
  );
  log(`Temporal dev server on ${server.address}`);
  return server;
}

async function startTemporalOnPostgres(
  config: StartConfig,
  stack: Stack,
  mode: Mode,
  postgresUrl: string,
): Promise<{ address: string; uiUrl: undefined }> {
  const { server, sqlTool } = await ensureTemporalServer(process.env);
  // Named after the product's database: two products on one PostgreSQL server never share a Temporal.
  const product = databaseNameOf(postgresUrl);
  const postgres = {
    serverUrl: postgresUrl,
    database: `${product}_temporal`,
    visibilityDatabase: `${product}_temporal_visibility`,
  };
  await setUpTemporalSchemas(sqlTool, postgres);
  const out = mode.outputFor('temporal');
  const running = await stack.run('Temporal server', () =>
    startTemporalServer({
      binary: server,
      postgres,
      // The same ports on every start: with new ones the restarted server would wait for its old
      // membership records to expire before taking its shards back, and commands would time out.
      ports: standardTemporalServerPorts(config.TEMPORAL_PORT),
      namespace: config.TEMPORAL_NAMESPACE,
      onOutput: (text) => {
        if (!stack.isStopping) out.write(text);
      },
    }),
  );
  log(
    `Temporal server on ${running.address}, its state in PostgreSQL (databases ${postgres.database}, ${postgres.visibilityDatabase})`,
  );
  return { address: running.address, uiUrl: undefined };
}

async function startPostgres(config: StartConfig, stack: Stack, mode: Mode): Promise<{ url: string }> {
  if (config.DATABASE_URL !== undefined) {
    log(`using PostgreSQL at ${redactPassword(config.DATABASE_URL)}`);
    return { url: config.DATABASE_URL };
  }
  const out = mode.outputFor('postgres');
  const server = await stack.run('PostgreSQL', () =>
    startPostgresProcess({
      kind: 'persistent',
      dataDir: join(config.GONGZHI_DATA_DIR, 'postgres'),
      port: config.GONGZHI_PG_PORT,
      database: 'gongzhi',
      onOutput: (text) => out.write(text),
    }),
  );
  log(`embedded PostgreSQL on 127.0.0.1:${config.GONGZHI_PG_PORT}`);
  return server;
}

async function assertPortsFree(ports: { port: number; variable: string }[]): Promise<void> {
  const twice = ports.filter((entry, index) => ports.findIndex((other) => other.port === entry.port) !== index);
  if (twice.length > 0) {
    throw new Error(
      `one port for two servers: ${twice.map(({ port: candidate, variable }) => `${candidate} (${variable})`).join(', ')}; choose other ports`,
    );
  }
  const taken: string[] = [];
  for (const { port: candidate, variable } of ports) {
    if (!(await isPortFree(candidate))) taken.push(`${candidate} (set ${variable} to use another)`);
  }
  if (taken.length > 0) {
    throw new Error(`ports already in use — is another \`pnpm start\` running? ${taken.join(', ')}`);
  }
}

/** Waits (bounded) for each app's port; returns the apps that never opened it. */
async function waitForPorts(apps: AppSpec[]): Promise<AppSpec[]> {
  const deadline = Date.now() + 120_000;
  const results = await Promise.all(
    apps.map(async (app) => {
      while (Date.now() < deadline) {
        if (await isListening(app.readyPort ?? 0)) return undefined;
        await sleep(300);
      }
      return app;
    }),
  );
  return results.filter((app): app is AppSpec => app !== undefined);
}

function isListening(candidate: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = createConnection({ host: '127.0.0.1', port: candidate });
    socket.once('connect', () => {
      socket.destroy();
      resolvePromise(true);
    });
    socket.once('error', () => resolvePromise(false));
  });
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseStartArgs>;
  try {
    args = parseStartArgs(process.argv.slice(2));
  } catch (error) {
    log(errorMessage(error));
    process.exit(1);
  }
  const stack = new Stack(args.isProduction);
  process.on('SIGINT', () => void stack.shutdown('Ctrl-C', 0));
  process.on('SIGTERM', () => void stack.shutdown('SIGTERM received', 0));
  if (args.isSupervised) {
    // start.ts holds the other end; EOF means it is gone (even SIGKILLed) and nobody could stop us.
    process.stdin.on('end', () => void stack.shutdown('the start command went away', 1));
    process.stdin.resume();
  }
  let config: StartConfig;
  try {
    config = parseStartConfig(process.env);
  } catch (error) {
    log(errorMessage(error));
    process.exit(1);
  }
  try {
    await start(config, stack, { isDemoRequested: args.isDemoRequested, isProduction: args.isProduction });
  } catch (error) {
    if (error instanceof StopRequested || stack.isStopping) return;
    log(`could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await stack.shutdown('start-up failed', 1);
  }
}

await main();
