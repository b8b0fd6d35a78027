// Child processes we start (servers, apps) are spawned `detached`, i.e. as leaders of their own
// process group. Stopping them signals the whole group, so wrappers such as pnpm → sh → tsx → node
// never leave a grandchild running, and a terminal Ctrl-C reaches only our process, which can then
// stop things in order (apps first, servers last).
import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export function signalProcessGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

export function isProcessGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/**
 * SIGTERM to the group, then SIGKILL whatever is left after graceMs. Resolves when the group is
 * empty, or shortly after SIGKILL (an unreaped zombie can keep a group "alive" in containers whose
 * init does not reap; it holds no ports).
 */
export async function stopProcessGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
  const pgid = child.pid;
  if (pgid === undefined) return;
  signalProcessGroup(child, 'SIGTERM');
  if (await waitForGroupExit(pgid, graceMs)) return;
  signalProcessGroup(child, 'SIGKILL');
  await waitForGroupExit(pgid, 2_000);
}

async function waitForGroupExit(pgid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessGroupAlive(pgid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

export interface OwnedProcess {
  child: ChildProcess;
  /** The process id, which is also its group id; undefined when it could not be spawned. */
  pid: number | undefined;
  /** Settles when the process has ended and its output is read, whatever the reason: `code 1`, `signal SIGKILL`… */
  exited: Promise<string>;
  /**
   * Rejects when the process cannot be spawned or ends; race it against a readiness check while
   * starting. Never "unhandled" when nobody races it.
   */
  ended: Promise<never>;
  /** The last few thousand characters of its stdout and stderr, for error messages. */
  outputTail(): string;
  /** Stops its whole group (SIGTERM, SIGKILL after the grace time) and waits for the end. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Spawns a server we own as the leader of its own process group, keeps the tail of its output,
 * and makes sure it never outlives us: stop() takes down the group, and if our process exits
 * without calling it (an uncaught error, process.exit) the group gets SIGKILL. Only a SIGKILL of
 * our own process escapes that.
 */
export function spawnOwnedProcess(
  command: string,
  args: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    cwd?: string;
    /** Time between SIGTERM and SIGKILL on stop. */
    stopGraceMs: number;
    /** Receives the output as it comes (by default only its tail is kept). */
    onOutput?: (text: string) => void;
  },
): OwnedProcess {
  const child = spawn(command, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });
  let tail = '';
  const onData = (chunk: Buffer): void => {
    const text = chunk.toString('utf8');
    tail = (tail + text).slice(-OUTPUT_TAIL_CHARS);
    options.onOutput?.(text);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  // 'close' rather than 'exit': it comes after the last output, which error messages quote.
  // 'error' too: a binary that cannot be spawned never emits 'close'.
  const exited = new Promise<string>((resolvePromise) => {
    child.once('close', (code, signal) => resolvePromise(signal === null ? `code ${String(code)}` : `signal ${signal}`));
    child.once('error', (error) => resolvePromise(`could not be started: ${error.message}`));
  });
  const ended = Promise.race([
    new Promise<never>((_, reject) => child.once('error', reject)),
    exited.then(() => {
      throw new Error(`${command} exited (code ${child.exitCode}, signal ${child.signalCode})`);
    }),
  ]);
  ended.catch(() => undefined);

  const killOnExit = (): void => signalProcessGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      process.off('exit', killOnExit);
      await stopProcessGroup(child, options.stopGraceMs);
      await exited;
    })());
  return { child, pid: child.pid, exited, ended, outputTail: () => tail, stop };
}

const OUTPUT_TAIL_CHARS = 8_000;
