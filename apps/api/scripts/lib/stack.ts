// The real stack for scripts (benchmark, schemathesis): PostgreSQL and the Temporal dev server
// exactly as the test suite gets them (@gongzhi/infra/test-stack: embedded or DATABASE_URL's
// server, a fresh in-memory Temporal), a fresh migrated database with the demo users, a worker
// process, and the API started by its own entry point (src/server.ts) as a process.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword, seedDemoUsers } from '@gongzhi/db';
import { createTestDatabase } from '@gongzhi/db/testing';
import startTestStack from '@gongzhi/infra/test-stack';
import { findFreePort } from '@gongzhi/infra/ports';

const apiDir = fileURLToPath(new URL('../../', import.meta.url));

export interface Stack {
  databaseUrl: string;
  temporalAddress: string;
  apiUrl: string;
  /** Starts another process (the bare yardstick) that prints a JSON line once ready. */
  spawnReady(script: string, env?: Record<string, string>): Promise<{ line: Record<string, unknown>; process: ChildProcess }>;
  stop(): Promise<void>;
}

const log = (message: string) => process.stderr.write(`[stack] ${message}\n`);

/** Spawns `node --import tsx <script>` and resolves with the first JSON line it prints. */
function spawnReady(script: string, env: Record<string, string>): Promise<{ line: Record<string, unknown>; process: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: apiDir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not become ready:\n${output.slice(-4000)}`));
    }, 180_000);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready:\n${output.slice(-4000)}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const text of chunk.toString().split('\n')) {
        if (!text.trim()) continue;
        let line: Record<string, unknown> | null;
        try {
          line = JSON.parse(text) as Record<string, unknown>;
        } catch {
          line = null;
        }
        if (line) {
          clearTimeout(timer);
          child.removeAllListeners('exit');
          // Keep draining output so the child never blocks on a full pipe.
          child.stdout!.resume();
          resolve({ line, process: child });
          return;
        }
      }
    });
  });
}

/** Ready when /api/health answers; fails if the process dies first. */
async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error('the API did not answer /api/health in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

export async function startStack(options: { apiEnv?: Record<string, string> } = {}): Promise<Stack> {
  const provided = new Map<string, string>();
  log('starting PostgreSQL and the Temporal dev server…');
  const teardown = await startTestStack({ provide: (key: string, value: string) => provided.set(key, value) } as unknown as Parameters<typeof startTestStack>[0]);
  const children: ChildProcess[] = [];
  const database = await createTestDatabase(provided.get('databaseServerUrl')!);
  const filesDir = await mkdtemp(join(tmpdir(), 'gongzhi-stack-files-'));
  const stop = async () => {
    await Promise.all(children.map(stopProcess));
    await database.drop().catch(() => undefined);
    await rm(filesDir, { recursive: true, force: true });
    await teardown();
  };
  try {
    await seedDemoUsers(database.db, { hashPassword });
    const temporalAddress = provided.get('temporalAddress')!;
    const env = { DATABASE_URL: database.url, TEMPORAL_ADDRESS: temporalAddress };
    log('starting the worker (bundling the workflows)…');
    children.push((await spawnReady('scripts/lib/worker-process.ts', { ...env, GONGZHI_FILES_DIR: filesDir })).process);
    const port = await findFreePort();
    log('starting the API (src/server.ts)…');
    const apiUrl = `http://127.0.0.1:${port}`;
    const api = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: apiDir,
      env: { ...process.env, ...env, GONGZHI_API_PORT: String(port), GONGZHI_API_HOST: '127.0.0.1', GONGZHI_FILES_DIR: filesDir, GONGZHI_LOG_LEVEL: 'info', GONGZHI_COOKIE_SECURE: 'false', ...options.apiEnv },
      // Its log goes to our stderr; a full stdout pipe would stall it.
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(api);
    await waitForHealth(apiUrl, api);
    // Ctrl-C (or a CI timeout's SIGTERM) still takes everything down in order.
    const onSignal = (signal: NodeJS.Signals) => {
      log(`${signal}: stopping the stack…`);
      void stop().finally(() => process.exit(130));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    return {
      databaseUrl: database.url,
      temporalAddress,
      apiUrl,
      async spawnReady(script, extraEnv = {}) {
        const started = await spawnReady(script, extraEnv);
        children.push(started.process);
        return started;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
