import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const workerMain = fileURLToPath(new URL('../main.ts', import.meta.url));
const apiMain = fileURLToPath(new URL('../../../api/src/server.ts', import.meta.url));

/** Worker and API processes as an operator runs them (their production entry points, under tsx), each killed at the end. */
export interface AppProcesses {
  /** A worker process, once it polls. */
  worker(env?: Record<string, string>): Promise<ChildProcess>;
  /** An API process on `port`, once /api/health answers. */
  api(port: number, env?: Record<string, string>): Promise<{ url: string; child: ChildProcess }>;
  /** SIGKILL, as a crash would; resolves when the process is gone. */
  kill(child: ChildProcess): Promise<void>;
  killAll(): Promise<void>;
}

/** `sharedEnv` is read at each start (the database, Temporal and storage a test set up in beforeAll). */
export function appProcesses(sharedEnv: () => Record<string, string>): AppProcesses {
  const running = new Set<ChildProcess>();

  function start(
    entry: string,
    env: Record<string, string>,
    isReady: (output: string) => boolean | Promise<boolean>,
  ): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      env: { ...process.env, ...sharedEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    child.on('exit', () => running.delete(child));
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    const deadline = Date.now() + 90_000;
    return new Promise((resolve, reject) => {
      const exited = () => reject(new Error(`${entry} exited before it was ready:\n${output}`));
      child.once('exit', exited);
      const poll = async () => {
        if (await isReady(output)) {
          child.off('exit', exited);
          resolve(child);
        } else if (Date.now() > deadline) {
          child.off('exit', exited);
          child.kill('SIGKILL');
          reject(new Error(`${entry} was not ready after 90 s:\n${output}`));
        } else if (child.exitCode === null) setTimeout(() => void poll(), 200);
      };
      void poll();
    });
  }

  async function kill(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }

  return {
    worker: (env = {}) => start(workerMain, env, (output) => output.includes('worker polling')),
    async api(port, env = {}) {
      const url = `http://127.0.0.1:${port}`;
      const child = await start(apiMain, { ...env, GONGZHI_API_PORT: String(port) }, () =>
        fetch(`${url}/api/health`).then(
          (response) => response.ok,
          () => false,
        ),
      );
      return { url, child };
    },
    kill,
    killAll: () => Promise.all([...running].map((child) => kill(child))).then(() => undefined),
  };
}

/** A browser's session: the cookie and CSRF token an API instance issued, usable at any. */
export interface Session {
  cookie: string;
  csrfToken: string;
}

export async function signIn(apiUrl: string, username: string, password: string): Promise<Session> {
  const response = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200)
    throw new Error(`${username} could not sign in (${response.status}): ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return { cookie, csrfToken: ((await response.json()) as { csrfToken: string }).csrfToken };
}

/** A call as the dashboard makes it: the session's cookie, and on POST its CSRF token and a fresh idempotency key. */
export function call(
  apiUrl: string,
  session: Session,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${apiUrl}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      ...(method === 'POST'
        ? { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken, 'idempotency-key': randomUUID() }
        : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
