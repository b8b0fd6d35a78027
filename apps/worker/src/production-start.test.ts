// `pnpm start --production` as a small firm runs it: the apps built, the dashboard served by the
// API, every process restarted when it dies, output in rotated log files. Two runs:
// - on the embedded defaults, an installation's first start: its first administrator signs in
//   with the password it printed, the dashboard comes from the API, each process has its log,
//   Ctrl-C stops everything; the next start finds the administrator and shows no password;
// - on an engagement under way (the test stack's PostgreSQL and Temporal, as DATABASE_URL and
//   TEMPORAL_ADDRESS would name a firm's servers): the worker and the API are SIGKILLed mid-way,
//   come back by themselves, and the engagement runs to its end with nothing lost or doubled.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword } from '@gongzhi/db';
import { findFreePortIn } from '@gongzhi/infra/ports';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { ancestorsOf, type OtlpReceiver, startOtlpReceiver } from '@gongzhi/testing';
import { createTestEngine, driveEngagement, engagementRequest, type TestEngine } from '@gongzhi/workflows/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { signIn } from './testing/app-processes';
import { cleanUp } from './testing/clean-up';
import { expectFinishedOnce } from './testing/finished-once';

const startScript = fileURLToPath(new URL('../../../infra/src/start.ts', import.meta.url));
const PASSWORD = 'production-test-password';

interface StartedStack {
  child: ChildProcess;
  output: () => string;
  dataDir: string;
  apiUrl: string;
}

const stacks = new Set<StartedStack>();
const scratchDirs: string[] = [];

async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await findFreePortIn(20_000, 32_767);
    if (!ports.includes(port)) ports.push(port);
  }
  return ports;
}

/** `pnpm start --production` (start.ts, as pnpm runs it), until its banner is printed. */
async function startProduction(env: Record<string, string>, dataDir: string, apiPort: number): Promise<StartedStack> {
  const child = spawn(process.execPath, ['--import', 'tsx', startScript, '--production'], {
    cwd: fileURLToPath(new URL('../../../infra/', import.meta.url)),
    env: { ...process.env, GONGZHI_DATA_DIR: dataDir, GONGZHI_API_PORT: String(apiPort), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stack = { child, output: () => output, dataDir, apiUrl: `http://127.0.0.1:${apiPort}` };
  stacks.add(stack);
  for (const deadline = Date.now() + 180_000; !output.includes('Press Ctrl-C to stop everything.'); await sleep(200)) {
    if (child.exitCode !== null) throw new Error(`pnpm start --production exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`pnpm start --production did not start within 3 minutes:\n${output}`);
  }
  return stack;
}

async function stop(stack: StartedStack): Promise<number | null> {
  if (stack.child.exitCode === null && stack.child.signalCode === null) {
    const exited = once(stack.child, 'exit');
    stack.child.kill('SIGINT');
    await exited;
  }
  stacks.delete(stack);
  return stack.child.exitCode;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pidOf = async (stack: StartedStack, app: string) =>
  Number((await readFile(join(stack.dataDir, 'run', `${app}.pid`), 'utf8').catch(() => '')).trim());
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The dashboard's page and the script it loads, from the API's own origin. */
async function expectDashboard(apiUrl: string): Promise<void> {
  const page = await fetch(`${apiUrl}/engagements`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const html = await page.text();
  expect(html).toContain('<div id="root">');
  const script = /src="(\/assets\/index-[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeDefined();
  const asset = await fetch(`${apiUrl}${script}`);
  expect(asset.status).toBe(200);
  expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
}

let engine: TestEngine | undefined;
let collector: OtlpReceiver | undefined;

afterEach(async () => {
  await cleanUp([
    () => Promise.all([...stacks].map((stack) => stop(stack))),
    async () => engine?.close(),
    async () => collector?.close(),
    () => Promise.all(scratchDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true }))),
  ]);
  engine = undefined;
  collector = undefined;
}, 120_000);

describe('pnpm start --production', () => {
  it(
    'starts an installation on the embedded defaults with its first administrator, the dashboard from the API, and a log per process',
    async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'gongzhi-production-'));
      scratchDirs.push(dataDir);
      const [apiPort, pgPort, temporalPort, uiPort] = await freePorts(4);
      const env = {
        GONGZHI_PG_PORT: String(pgPort),
        TEMPORAL_PORT: String(temporalPort),
        TEMPORAL_UI_PORT: String(uiPort),
      };
      const first = await startProduction(env, dataDir, apiPort!);
      expect(first.output()).toMatch(
        /Health\s+API ready: PostgreSQL [\d.]+ ms, Temporal [\d.]+ ms, files [\d.]+ ms; worker polling gongzhi-engagements/,
      );
      expect(first.output()).toContain(`Dashboard    http://127.0.0.1:${apiPort}`);
      expect(first.output()).not.toContain('Demo logins');

      // The first administrator: its password printed once and kept in a file only its owner reads.
      const passwordFile = join(dataDir, 'initial-admin-password');
      expect((await stat(passwordFile)).mode & 0o777).toBe(0o600);
      const [username, password] = (await readFile(passwordFile, 'utf8')).trim().split('\n');
      expect(username).toBe('admin');
      // Not a terminal (a service's journal): the password stays in the file.
      expect(first.output()).toContain(
        'The first administrator: its password is in the file below, readable only by you.',
      );
      expect(first.output()).not.toContain(password);
      await signIn(first.apiUrl, 'admin', password!);
      await expectDashboard(first.apiUrl);

      expect((await readdir(join(dataDir, 'logs'))).sort()).toEqual([
        'api.log',
        'build.log',
        'postgres.log',
        'start.log',
        'temporal.log',
        'worker.log',
      ]);
      expect(await readFile(join(dataDir, 'logs', 'worker.log'), 'utf8')).toContain('worker polling');
      expect(await readFile(join(dataDir, 'logs', 'start.log'), 'utf8')).toContain(
        'created the first administrator, admin',
      );
      expect(await stop(first)).toBe(0);
      expect(await readdir(join(dataDir, 'run'))).toEqual([]);

      // The next start finds its administrator: nothing created, no password shown.
      const second = await startProduction(env, dataDir, apiPort!);
      expect(second.output()).not.toContain('first administrator');
      await signIn(second.apiUrl, 'admin', password!);
      expect(await stop(second)).toBe(0);
    },
    10 * 60_000,
  );

  it(
    'restarts the worker and the API after a SIGKILL mid-engagement, and the engagement ends with every task done once',
    async () => {
      const { databaseServerUrl, temporalAddress } = injectTestStack();
      engine = await createTestEngine({ databaseServerUrl, temporalAddress });
      await engine.db.user.update({
        where: { id: engine.team.pm },
        data: { passwordHash: await hashPassword(PASSWORD) },
      });
      const dataDir = await mkdtemp(join(tmpdir(), 'gongzhi-production-'));
      scratchDirs.push(dataDir);
      const [apiPort] = await freePorts(1);
      // Tracing on, as an operator turns it on: the built API and the prebuilt workflow bundle export spans.
      collector = await startOtlpReceiver();
      const stack = await startProduction(
        {
          DATABASE_URL: engine.databaseUrl,
          TEMPORAL_ADDRESS: temporalAddress,
          GONGZHI_TASK_QUEUE: engine.taskQueue,
          GONGZHI_LOG_LEVEL: 'warn',
          OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
        },
        dataDir,
        apiPort!,
      );
      expect(stack.output()).toContain(`worker polling ${engine.taskQueue}`);
      expect(stack.output()).not.toContain('first administrator');

      const { engagementId, plan } = await engine.engagements.startEngagement(engagementRequest(engine.team));
      const driving = driveEngagement(engine, engagementId, plan, { timeoutMs: 360_000 });
      let drivingError: unknown;
      driving.catch((error: unknown) => (drivingError = error));
      const doneCount = () => engine!.db.task.count({ where: { engagementId, status: 'done' } });
      for (const deadline = Date.now() + 180_000; (await doneCount()) < 12; await sleep(20)) {
        if (drivingError !== undefined) throw drivingError;
        if (Date.now() > deadline) throw new Error('the engagement did not get under way');
      }

      // Both die without warning, commands in flight.
      const [apiPid, workerPid] = [await pidOf(stack, 'api'), await pidOf(stack, 'worker')];
      process.kill(workerPid, 'SIGKILL');
      process.kill(apiPid, 'SIGKILL');
      const doneAtKill = await doneCount();
      expect(doneAtKill).toBeLessThan(plan.tasks.length);
      await expect.poll(() => isAlive(apiPid) || isAlive(workerPid), { timeout: 10_000 }).toBe(false);

      // Both come back by themselves, as new processes, within seconds.
      await expect
        .poll(() => stack.output().includes('api restarted') && stack.output().includes('worker restarted'), {
          timeout: 30_000,
        })
        .toBe(true);
      expect(stack.output()).toContain('worker exited (signal SIGKILL); restarting in 1 s');
      expect(stack.output()).toContain('api exited (signal SIGKILL); restarting in 1 s');
      const [newApiPid, newWorkerPid] = [await pidOf(stack, 'api'), await pidOf(stack, 'worker')];
      expect([newApiPid, newWorkerPid]).not.toContain(apiPid);
      expect([newApiPid, newWorkerPid]).not.toContain(workerPid);
      await expect
        .poll(
          () =>
            fetch(`${stack.apiUrl}/api/ready`).then(
              (response) => response.status,
              () => 0,
            ),
          { timeout: 60_000, interval: 200 },
        )
        .toBe(200);
      await expectDashboard(stack.apiUrl);

      // The restarted worker carries the pipeline on; the PM follows it through the restarted API.
      await expect.poll(doneCount, { timeout: 60_000, interval: 100 }).toBeGreaterThan(doneAtKill);
      const pm = await signIn(stack.apiUrl, 'pm', PASSWORD);
      await driving;
      await expectFinishedOnce(engine, engagementId, plan.tasks.length);
      const seen = await fetch(`${stack.apiUrl}/api/engagements/${engagementId}`, { headers: { cookie: pm.cookie } });
      expect(seen.status).toBe(200);
      expect(((await seen.json()) as { status: string }).status).toBe('completed');
      expect(await stop(stack)).toBe(0);

      // A stop sends what is buffered: the PM's request with its queries, the workflows' updates
      // and the activities with theirs (src/tracing.test.ts follows one trace end to end).
      const spans = collector.spans();
      const request = spans.find((span) => span.service === 'gongzhi-api' && span.name === 'GET /api/engagements/:id');
      expect(request).toBeDefined();
      expect(spans.some((span) => span.name.startsWith('prisma:') && ancestorsOf(span, spans).includes(request!))).toBe(true);
      const worker = new Set(spans.filter((span) => span.service === 'gongzhi-worker').map((span) => span.name));
      for (const name of ['HandleUpdate:completeTask', 'RunActivity:recordTaskCompletion', 'prisma:client:commit_transaction']) expect(worker).toContain(name);
    },
    10 * 60_000,
  );
});
