// The stack behind `pnpm start` (see start.ts, which runs this file in a child process):
//
//   Temporal dev server (state in .data/temporal.db, UI :8233), or with GONGZHI_TEMPORAL=server
//   the Temporal server itself (state in PostgreSQL, after it), or TEMPORAL_ADDRESS's cluster
//   PostgreSQL (embedded, data in .data/postgres, :5433; or DATABASE_URL)
//   → migrations → demo users → worker, API, dashboard → demo engagement
//
// Demo users and the demo engagement only on the embedded database, or with `--demo`
// (`pnpm start --demo`): a DATABASE_URL may name a real firm's server.
//
// SIGINT/SIGTERM, or its stdin closing (start.ts died), stops the apps first, then the servers; if
// any app or server dies on its own, the whole stack stops with a non-zero exit so nobody keeps
// using a half-dead stack.
import { spawn, type ChildProcess } from 'node:child_process';
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { Client, Connection } from '@temporalio/client';
import { applyMigrations, createDb, databaseNameOf, type Db, DEMO_PASSWORD, DEMO_USERS, hashPassword, seedDemoUsers } from '@gongzhi/db';
import { parseStartArgs, shouldSeedDemoData } from './demo-data';
import { isPortFree } from './ports';
import { startPostgresProcess } from './postgres-process';
import { stopProcessGroup } from './process-group';
import { ensureTemporalCli, temporalCliOptionsFromEnv } from './temporal-cli';
import { startTemporalDevServer } from './temporal-dev-server';
import { STACK_PID_FILE } from './backup';
import { assertSameTemporal, recordTemporal } from './temporal-engine';
import { ensureTemporalServer, setUpTemporalSchemas, standardTemporalServerPorts, startTemporalServer } from './temporal-server';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const port = z.coerce.number().int().min(1).max(65_535);
const blankAsUnset = (value: unknown): unknown => (value === '' ? undefined : value);

const startConfigSchema = z.object({
  DATABASE_URL: z.preprocess(blankAsUnset, z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional()),
  TEMPORAL_ADDRESS: z.preprocess(blankAsUnset, z.string().regex(/^[^:]+:\d+$/, 'must be host:port').optional()),
  TEMPORAL_NAMESPACE: z.preprocess(blankAsUnset, z.string().default('default')),
  /**
   * Which Temporal to run when TEMPORAL_ADDRESS is unset: the CLI's dev server (state in
   * <data dir>/temporal.db, with its UI) or the Temporal server itself, its state in two databases
   * on the same PostgreSQL server as the product's.
   */
  GONGZHI_TEMPORAL: z.preprocess(blankAsUnset, z.enum(['dev', 'server']).default('dev')),
  /** Unset: the worker's default (ENGAGEMENT_TASK_QUEUE). */
  GONGZHI_TASK_QUEUE: z.preprocess(blankAsUnset, z.string().optional()),
  GONGZHI_DATA_DIR: z.preprocess(blankAsUnset, z.string().default(join(repoRoot, '.data'))),
  GONGZHI_API_PORT: z.preprocess(blankAsUnset, port.default(3000)),
  GONGZHI_WEB_PORT: z.preprocess(blankAsUnset, port.default(5173)),
  TEMPORAL_PORT: z.preprocess(blankAsUnset, port.default(7233)),
  TEMPORAL_UI_PORT: z.preprocess(blankAsUnset, port.default(8233)),
  GONGZHI_PG_PORT: z.preprocess(blankAsUnset, port.default(5433)),
  /**
   * The API's cookies are Secure unless told otherwise; this stack serves plain http on
   * 127.0.0.1, so it says otherwise unless the caller chose (behind an HTTPS proxy: `true`).
   */
  GONGZHI_COOKIE_SECURE: z.preprocess(blankAsUnset, z.enum(['true', 'false', '1', '0']).default('false')),
});

type StartConfig = z.infer<typeof startConfigSchema>;

function parseStartConfig(env: Record<string, string | undefined>): StartConfig {
  const parsed = startConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment for pnpm start:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

// ── output ──────────────────────────────────────────────────────────────────────────────────────

const log = (message: string): void => void process.stderr.write(`[start] ${message}\n`);

/** Prefixes every line of a child's output with its name, so interleaved logs stay readable. */
function linePrefixer(
  name: string,
  isShown: (line: string) => boolean = () => true,
): { write(text: string): void; flush(): void } {
  const prefix = `[${name}]`.padEnd(11);
  let pending = '';
  return {
    write(text) {
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (isShown(line)) process.stderr.write(`${prefix}${line}\n`);
    },
    flush() {
      if (pending !== '') process.stderr.write(`${prefix}${pending}\n`);
      pending = '';
    },
  };
}

// ── lifecycle ───────────────────────────────────────────────────────────────────────────────────

class StopRequested extends Error {}

/** Everything started so far, stopped in reverse order exactly once. */
class Stack {
  private readonly stoppers: { name: string; stop: () => Promise<void> }[] = [];
  private stopping: Promise<void> | undefined;

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /** Registers a running piece; if shutdown already began, stops it right away. */
  /** A server we started: stopped with the rest, and its dying on its own stops everything. */
  async own(name: string, server: { stop(): Promise<void>; exited: Promise<void> }): Promise<void> {
    await this.add(name, server.stop);
    void server.exited.then(() => {
      if (!this.isStopping) void this.shutdown(`${name} exited unexpectedly`, 1);
    });
  }

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
  /** A file that must exist before the app can run (the app may not be written yet). */
  entry: string;
  env: Record<string, string>;
  args: string[];
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

async function startApp(app: AppSpec, stack: Stack): Promise<ChildProcess> {
  // detached: the app and everything under it (pnpm → sh → tsx → node) form one process group
  // that we stop as a whole; a terminal Ctrl-C reaches only us, so the order stays ours.
  // --silent: pnpm's own lines ("$ tsx …", "ELIFECYCLE Command failed" when we stop it) are
  // noise; the app's output and its exit code are what matter.
  const child = spawn('pnpm', ['--silent', '--filter', app.packageName, 'run', 'dev', ...app.args], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...app.env },
  });
  // Once we stop an app, pnpm reports that its script "failed"; that is us, not news.
  const out = linePrefixer(app.name, (line) => !stack.isStopping || !PNPM_STOP_NOISE.test(line));
  child.stdout?.setEncoding('utf8').on('data', (text: string) => out.write(text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => out.write(text));
  child.once('error', (error) => void stack.shutdown(`${app.name} could not be started: ${error.message}`, 1));
  child.once('exit', (code, signal) => {
    out.flush();
    if (!stack.isStopping) {
      void stack.shutdown(`${app.name} exited unexpectedly (${signal ?? `code ${code}`})`, 1);
    }
  });
  await stack.add(app.name, () => stopProcessGroup(child, 15_000));
  return child;
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
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    // The task queue type defaults to workflow, whose pollers are the workers that run engagements.
    const { pollers } = await temporal.workflowService.describeTaskQueue({ namespace, taskQueue: { name: taskQueue } });
    if (pollers.length > 0) return;
    await sleep(500);
  }
  throw new Error(`no worker polled task queue ${taskQueue} within 3 minutes`);
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

async function start(config: StartConfig, stack: Stack, options: { isDemoRequested: boolean }): Promise<void> {
  const withDemo = shouldSeedDemoData({ isEmbeddedDatabase: config.DATABASE_URL === undefined, isDemoRequested: options.isDemoRequested });
  if (!usesS3()) await mkdir(filesDirOf(config), { recursive: true });
  await assertPortsFree([
    ...(config.TEMPORAL_ADDRESS === undefined
      ? [
          { port: config.TEMPORAL_PORT, variable: 'TEMPORAL_PORT' },
          ...(config.GONGZHI_TEMPORAL === 'dev'
            ? [{ port: config.TEMPORAL_UI_PORT, variable: 'TEMPORAL_UI_PORT' }]
            : Object.values(standardTemporalServerPorts(config.TEMPORAL_PORT))
                .filter((candidate) => candidate !== config.TEMPORAL_PORT)
                .map((candidate) => ({ port: candidate, variable: 'TEMPORAL_PORT (the server uses ports around it)' }))),
        ]
      : []),
    ...(config.DATABASE_URL === undefined ? [{ port: config.GONGZHI_PG_PORT, variable: 'GONGZHI_PG_PORT' }] : []),
    { port: config.GONGZHI_API_PORT, variable: 'GONGZHI_API_PORT' },
    { port: config.GONGZHI_WEB_PORT, variable: 'GONGZHI_WEB_PORT' },
  ]);

  // While we run, `pnpm backup` refuses this directory (a copy of live files is not a backup).
  await mkdir(config.GONGZHI_DATA_DIR, { recursive: true });
  const pidFile = join(config.GONGZHI_DATA_DIR, STACK_PID_FILE);
  await writeFile(pidFile, `${process.pid}\n`);
  await stack.add('the data directory lock', () => rm(pidFile, { force: true }));
  if (config.TEMPORAL_ADDRESS === undefined) {
    await assertSameTemporal(config.GONGZHI_DATA_DIR, config.GONGZHI_TEMPORAL, { externalDatabase: config.DATABASE_URL !== undefined });
  }
  // The dev server starts beside PostgreSQL; the server keeps its state in it, so it comes after.
  const [temporal, postgres] =
    config.TEMPORAL_ADDRESS === undefined && config.GONGZHI_TEMPORAL === 'server'
      ? await startPostgres(config, stack).then(async (started) => [await startTemporalOnPostgres(config, stack, started.url), started] as const)
      : await Promise.all([startTemporal(config, stack), startPostgres(config, stack)]);
  if (config.TEMPORAL_ADDRESS === undefined) await recordTemporal(config.GONGZHI_DATA_DIR, config.GONGZHI_TEMPORAL);

  const { applied } = await applyMigrations(postgres.url);
  log(applied.length === 0 ? 'database schema is up to date' : `applied migrations: ${applied.join(', ')}`);
  if (withDemo) {
    const db = createDb({ url: postgres.url });
    try {
      const { created } = await seedDemoUsers(db, { hashPassword });
      if (created.length > 0) log(`created demo users: ${created.join(', ')}`);
    } finally {
      await db.$disconnect();
    }
  } else {
    log('no demo users or engagement: DATABASE_URL is set and --demo was not given');
  }

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
    { name: 'worker', packageName: '@gongzhi/worker', dir: 'apps/worker', entry: 'src/main.ts', env: childEnv, args: [] },
    {
      name: 'api',
      packageName: '@gongzhi/api',
      dir: 'apps/api',
      entry: 'src/server.ts',
      env: { ...childEnv, PORT: String(config.GONGZHI_API_PORT) },
      args: [],
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
    const skipReason = await appSkipReason(app);
    if (skipReason !== undefined) {
      log(`skipping ${app.name}: ${skipReason}`);
      continue;
    }
    await startApp(app, stack);
    running.push(app);
  }

  if (withDemo) {
    await seedDemoEngagementIfAvailable({
      config,
      databaseUrl: postgres.url,
      temporalAddress: temporal.address,
      isWorkerRunning: running.some((app) => app.name === 'worker'),
    });
  }

  const notReady = await waitForPorts(running.flatMap((app) => (app.readyPort === undefined ? [] : [app])));
  if (stack.isStopping) return;
  printBanner({ config, temporal, postgresUrl: postgres.url, running, notReady, withDemo });
}

async function startTemporal(
  config: StartConfig,
  stack: Stack,
): Promise<{ address: string; uiUrl: string | undefined }> {
  if (config.TEMPORAL_ADDRESS !== undefined) {
    log(`using the Temporal cluster at ${config.TEMPORAL_ADDRESS}`);
    return { address: config.TEMPORAL_ADDRESS, uiUrl: undefined };
  }
  const cliPath = await ensureTemporalCli(temporalCliOptionsFromEnv(process.env));
  if (cliPath === undefined) log('no local Temporal CLI; the Temporal SDK will download a dev server');
  const out = linePrefixer('temporal');
  const server = await startTemporalDevServer({
    cliPath,
    port: config.TEMPORAL_PORT,
    uiPort: config.TEMPORAL_UI_PORT,
    dbFile: join(config.GONGZHI_DATA_DIR, 'temporal.db'),
    namespace: config.TEMPORAL_NAMESPACE,
    // Its shutdown is a burst of "connection refused" warnings from its own internal workers.
    onOutput: (text) => {
      if (!stack.isStopping) out.write(text);
    },
  });
  await stack.own('Temporal dev server', server);
  log(`Temporal dev server on ${server.address}`);
  return server;
}

async function startTemporalOnPostgres(config: StartConfig, stack: Stack, postgresUrl: string): Promise<{ address: string; uiUrl: undefined }> {
  const { server, sqlTool } = await ensureTemporalServer(process.env);
  // Named after the product's database: two products on one PostgreSQL server never share a Temporal.
  const product = databaseNameOf(postgresUrl);
  const postgres = { serverUrl: postgresUrl, database: `${product}_temporal`, visibilityDatabase: `${product}_temporal_visibility` };
  await setUpTemporalSchemas(sqlTool, postgres);
  const out = linePrefixer('temporal');
  const running = await startTemporalServer({
    binary: server,
    postgres,
    // The same ports on every start: with new ones the restarted server would wait for its old
    // membership records to expire before taking its shards back, and commands would time out.
    ports: standardTemporalServerPorts(config.TEMPORAL_PORT),
    namespace: config.TEMPORAL_NAMESPACE,
    onOutput: (text) => {
      if (!stack.isStopping) out.write(text);
    },
  });
  await stack.own('Temporal server', running);
  log(`Temporal server on ${running.address}, its state in PostgreSQL (databases ${postgres.database}, ${postgres.visibilityDatabase})`);
  return { address: running.address, uiUrl: undefined };
}

async function startPostgres(config: StartConfig, stack: Stack): Promise<{ url: string }> {
  if (config.DATABASE_URL !== undefined) {
    log(`using PostgreSQL at ${redactPassword(config.DATABASE_URL)}`);
    return { url: config.DATABASE_URL };
  }
  const out = linePrefixer('postgres');
  const server = await startPostgresProcess({
    kind: 'persistent',
    dataDir: join(config.GONGZHI_DATA_DIR, 'postgres'),
    port: config.GONGZHI_PG_PORT,
    database: 'gongzhi',
    onOutput: (text) => out.write(text),
  });
  await stack.own('PostgreSQL', server);
  log(`embedded PostgreSQL on 127.0.0.1:${config.GONGZHI_PG_PORT}`);
  return server;
}

async function assertPortsFree(ports: { port: number; variable: string }[]): Promise<void> {
  const twice = ports.filter((entry, index) => ports.findIndex((other) => other.port === entry.port) !== index);
  if (twice.length > 0) {
    throw new Error(`one port for two servers: ${twice.map(({ port: candidate, variable }) => `${candidate} (${variable})`).join(', ')}; choose other ports`);
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

function printBanner(input: {
  config: StartConfig;
  temporal: { address: string; uiUrl: string | undefined };
  postgresUrl: string;
  running: AppSpec[];
  notReady: AppSpec[];
  withDemo: boolean;
}): void {
  const { config, running } = input;
  const isRunning = (name: string): boolean => running.some((app) => app.name === name);
  const rows: [string, string][] = [];
  if (isRunning('web')) rows.push(['Dashboard', `http://127.0.0.1:${config.GONGZHI_WEB_PORT}`]);
  if (isRunning('api')) rows.push(['API docs', `http://127.0.0.1:${config.GONGZHI_API_PORT}/api/docs`]);
  if (input.temporal.uiUrl !== undefined) rows.push(['Temporal UI', input.temporal.uiUrl]);
  const engine =
    config.TEMPORAL_ADDRESS !== undefined ? 'cluster' : config.GONGZHI_TEMPORAL === 'server' ? 'server, state in PostgreSQL' : 'dev server';
  rows.push(['Temporal', `${input.temporal.address} (${engine}, namespace ${config.TEMPORAL_NAMESPACE})`]);
  rows.push(['PostgreSQL', redactPassword(input.postgresUrl)]);
  if (isRunning('worker')) rows.push(['Worker', 'running']);
  const lines = ['', 'Gongzhi 共治 is running:', ...rows.map(([label, value]) => `  ${label.padEnd(12)} ${value}`)];
  for (const app of input.notReady) lines.push(`  (${app.name} has not opened port ${app.readyPort} yet; see its log above)`);
  if (input.withDemo) {
    lines.push('', `Demo logins (password ${DEMO_PASSWORD} for all, unless an administrator changed them):`);
    for (const user of DEMO_USERS) lines.push(`  ${user.username.padEnd(10)} ${user.roles.join(', ').padEnd(10)} ${user.displayName}`);
  }
  lines.push('', 'Press Ctrl-C to stop everything.', '');
  process.stdout.write(lines.join('\n'));
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<void> {
  const stack = new Stack();
  process.on('SIGINT', () => void stack.shutdown('Ctrl-C', 0));
  process.on('SIGTERM', () => void stack.shutdown('SIGTERM received', 0));
  let args: ReturnType<typeof parseStartArgs>;
  try {
    args = parseStartArgs(process.argv.slice(2));
  } catch (error) {
    log(errorMessage(error));
    process.exit(1);
  }
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
    await start(config, stack, { isDemoRequested: args.isDemoRequested });
  } catch (error) {
    if (error instanceof StopRequested || stack.isStopping) return;
    log(`could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await stack.shutdown('start-up failed', 1);
  }
}

await main();
