// The product, running: infra/src/start.ts (what `pnpm start` runs) on free ports and a
// throw-away data directory, and the dashboard's production build behind `vite preview`. Shared
// by the E2E global setup and scripts/screenshots.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('../..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const log = (message: string) => void process.stderr.write(`[stack] ${message}\n`);

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Stack {
  apiUrl: string;
  stop(): Promise<void>;
}

/** Runs infra/src/start.ts and resolves once it printed its banner and the API answers /api/ready. */
export async function startStack(): Promise<Stack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gongzhi-e2e-'));
  const [apiPort, webPort, temporalPort, temporalUiPort, pgPort] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  const env = {
    ...process.env,
    GONGZHI_DATA_DIR: dataDir,
    GONGZHI_API_PORT: String(apiPort),
    GONGZHI_WEB_PORT: String(webPort),
    TEMPORAL_PORT: String(temporalPort),
    TEMPORAL_UI_PORT: String(temporalUiPort),
    GONGZHI_PG_PORT: String(pgPort),
    // A fresh embedded database and Temporal server for every run, unless CI points at its own database.
    DATABASE_URL: process.env.GONGZHI_E2E_DATABASE_URL ?? '',
    TEMPORAL_ADDRESS: '',
    // Plain http on 127.0.0.1: cookies marked Secure might not come back.
    GONGZHI_COOKIE_SECURE: 'false',
  };
  log(`starting the stack (data in ${dataDir}; API :${apiPort})…`);
  // --demo: the tests sign in as the demo users, also on CI's own database (GONGZHI_E2E_DATABASE_URL).
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'infra/src/start.ts'), '--demo'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let bannerSeen = false;
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-40_000);
    if (text.includes('Press Ctrl-C to stop everything')) bannerSeen = true;
    if (process.env.GONGZHI_E2E_VERBOSE) process.stderr.write(text);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      // Unreferenced: once the stack has stopped, this timer must not keep the test runner alive.
      const code = await Promise.race([exited, sleep(60_000, undefined, { ref: false }).then(() => 'timeout' as const)]);
      if (code === 'timeout') {
        log('the stack did not stop within 60 s; killing it');
        child.kill('SIGKILL');
      }
    }
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  };

  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the stack exited with code ${child.exitCode} before it was ready:\n${output.slice(-6000)}`);
    }
    if (bannerSeen) {
      const ready = await isReady(`${apiUrl}/api/ready`);
      if (ready) return { apiUrl, stop };
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the stack was not ready within 5 minutes:\n${output.slice(-6000)}`);
    }
    await sleep(500);
  }
}

/** GET without keep-alive: a pooled socket to the API would outlive the run and hold the process open. */
function isReady(url: string): Promise<boolean> {
  return new Promise((resolveReady) => {
    const request = get(url, { agent: false }, (response) => {
      response.resume();
      resolveReady(response.statusCode === 200);
    });
    request.on('error', () => resolveReady(false));
    request.setTimeout(5_000, () => request.destroy());
  });
}

export interface Dashboard {
  url: string;
  close(): Promise<void>;
}

const viteBin = join(webRoot, 'node_modules', 'vite', 'bin', 'vite.js');

/** Runs the Vite CLI in its own process (a second Vite inside the test runner's would outlive it). */
function runVite(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [viteBin, ...args], { cwd: webRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function buildDashboard(): Promise<void> {
  log('building the dashboard…');
  const child = runVite(['build', '--logLevel', 'warn'], {});
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
  if (code !== 0) throw new Error(`vite build failed (exit ${code}):\n${output.slice(-4000)}`);
}

/** Builds the dashboard (unless `build` is false) and serves dist/ with /api proxied to `apiUrl` (vite.config.ts reads GONGZHI_API_URL). */
export async function serveDashboard(apiUrl: string, { build: shouldBuild = true }: { build?: boolean } = {}): Promise<Dashboard> {
  if (shouldBuild) await buildDashboard();
  const port = await freePort();
  const child = runVite(['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { GONGZHI_API_URL: apiUrl });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (!(await isReady(`${url}/`))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`vite preview did not start:\n${output.slice(-4000)}`);
    }
    await sleep(200);
  }
  return {
    url,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
