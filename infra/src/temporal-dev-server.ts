// Runs `temporal server start-dev` as a child process we own, so the start command and the test
// stack get a real Temporal server whose address other processes (workers, the API) can dial.
// We prefer this over TestWorkflowEnvironment because the tests start separate worker processes
// (the crash test kills one), and because the start command needs the UI and a persistent file.
import { mkdir } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { spawnOwnedProcess } from './process-group';

export interface TemporalDevServerOptions {
  /** From ensureTemporalCli(); undefined falls back to the SDK's downloaded dev server (needs internet). */
  cliPath: string | undefined;
  /** Frontend gRPC port. */
  port: number;
  /** Web UI port; the CLI's default is port + 1000. Ignored when headless. */
  uiPort?: number;
  /** SQLite file that keeps workflows across restarts; omitted = in memory, gone on stop. */
  dbFile?: string;
  namespace?: string;
  headless?: boolean;
  ip?: string;
  readyTimeoutMs?: number;
  /** Receives the server's own output; by default only its tail is kept, for error messages. */
  onOutput?: (text: string) => void;
}

export interface TemporalDevServer {
  /** host:port for Connection/NativeConnection and TEMPORAL_ADDRESS. */
  address: string;
  /** Web UI, when enabled. */
  uiUrl: string | undefined;
  /** The server's process id (also its process group id); undefined for the SDK fallback. */
  pid: number | undefined;
  /** Settles when the server process ends, for whatever reason (`code 1`, `signal SIGKILL`…; lets callers notice a crash). */
  exited: Promise<string>;
  /** Stops the server (its whole process group) and resolves once it has exited. Idempotent. */
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 10_000;

export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const ip = options.ip ?? '127.0.0.1';
  const namespace = options.namespace ?? 'default';
  const headless = options.headless ?? false;
  if (options.dbFile !== undefined) await mkdir(dirname(options.dbFile), { recursive: true });
  if (options.cliPath === undefined) return startWithSdkDownload({ ...options, ip, namespace, headless });

  const args = ['server', 'start-dev', '--ip', ip, '--port', String(options.port), '--log-level', 'warn'];
  if (headless) args.push('--headless');
  else if (options.uiPort !== undefined) args.push('--ui-port', String(options.uiPort));
  if (options.dbFile !== undefined) args.push('--db-filename', options.dbFile);
  // "default" always exists; any other namespace must be registered at launch.
  if (namespace !== 'default') args.push('--namespace', namespace);

  // Its own process group: stop() takes down everything it spawned, and a Ctrl-C in the terminal
  // reaches only our process, which stops things in order.
  const server = spawnOwnedProcess(options.cliPath, args, {
    stopGraceMs: STOP_GRACE_MS,
    ...(options.onOutput === undefined ? {} : { onOutput: options.onOutput }),
  });
  const { exited, stop } = server;

  const address = `${ip}:${options.port}`;
  const polling = new AbortController();
  try {
    await Promise.race([
      server.ended,
      waitUntilServing({ ip, port: options.port, namespace }, options.readyTimeoutMs ?? 60_000, polling.signal),
    ]);
  } catch (error) {
    polling.abort();
    await stop();
    throw new Error(`Temporal dev server on ${address} did not start: ${errorMessage(error)}\n${server.outputTail()}`, {
      cause: error,
    });
  }
  return {
    address,
    uiUrl: headless ? undefined : `http://${ip}:${options.uiPort ?? options.port + 1000}`,
    pid: server.pid,
    exited,
    stop,
  };
}

/** Ready means a client can describe the namespace, not merely that the port is open. */
export async function waitUntilServing(
  server: { ip: string; port: number; namespace: string },
  timeoutMs: number,
  signal: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline && !signal.aborted) {
    // The cheap TCP probe first: a gRPC connect to a closed port costs its whole timeout.
    if (await isPortOpen(server.ip, server.port)) {
      try {
        await describeNamespace(`${server.ip}:${server.port}`, server.namespace);
        return;
      } catch (error) {
        lastError = error;
      }
    }
    await sleep(200);
  }
  throw new Error(`not serving after ${timeoutMs}ms${lastError === undefined ? '' : `: ${errorMessage(lastError)}`}`);
}

async function describeNamespace(address: string, namespace: string): Promise<void> {
  // lazy + ensureConnected inside the try: a failed connect must still close its channel, or the
  // channel keeps a socket to whatever answered on the port.
  const connection = Connection.lazy({ address, connectTimeout: '2s' });
  try {
    await connection.ensureConnected();
    await connection.workflowService.describeNamespace({ namespace });
  } finally {
    await connection.close();
  }
}

function isPortOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = createConnection({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolvePromise(true);
    });
    socket.once('error', () => resolvePromise(false));
  });
}

/** Used only where Go could not build the CLI: the SDK downloads a dev server (needs internet). */
async function startWithSdkDownload(
  options: TemporalDevServerOptions & { ip: string; namespace: string; headless: boolean },
): Promise<TemporalDevServer> {
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      ip: options.ip,
      port: options.port,
      namespace: options.namespace,
      ui: !options.headless,
      ...(options.headless || options.uiPort === undefined ? {} : { uiPort: options.uiPort }),
      ...(options.dbFile === undefined ? {} : { dbFilename: options.dbFile }),
    },
  });
  let stopping: Promise<void> | undefined;
  return {
    address: env.address,
    uiUrl: options.headless ? undefined : `http://${options.ip}:${options.uiPort ?? options.port + 1000}`,
    pid: undefined,
    // The SDK owns that process and does not expose its exit.
    exited: new Promise<string>(() => undefined),
    stop: () => (stopping ??= env.teardown()),
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
