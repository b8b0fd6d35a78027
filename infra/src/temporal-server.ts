// The Temporal server itself — not the CLI's single-process dev server on SQLite — with its
// persistence and visibility in PostgreSQL: what a firm runs when engagements must survive the
// machine, and what several workers and API instances share. Built from source like the CLI
// (./go-tool.ts): go.temporal.io/server v1.29.1's `cmd/server` and its schema tool
// `cmd/tools/sql` both resolve from the Go module proxy with no `replace` directive.
//
// The committed config is infra/temporal/config/postgres.yaml; every address, port and credential
// in it comes from the environment this module sets. Schemas are created and migrated by the
// server's own schema tool, from the schema files compiled into it (plugin postgres12, for
// PostgreSQL 12 and later); running the set-up again on a set-up database changes nothing.
//
// Run as a script (`tsx src/temporal-server.ts server|sql`) it prints that binary's path on stdout
// (building both if needed), or exits 1.
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ensureDatabase } from '@gongzhi/db';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { ensureGoTool, type GoTool, goToolOptionsFromEnv } from './go-tool';
import { findFreePortIn } from './ports';
import { spawnOwnedProcess } from './process-group';
import type { TemporalDevServer } from './temporal-dev-server';
import { waitUntilServing } from './temporal-dev-server';
import { runChecked } from './run-command';

const VERSION = 'v1.29.1';

export const TEMPORAL_SERVER: GoTool = {
  label: 'the Temporal server',
  binary: 'server',
  module: 'go.temporal.io/server/cmd/server',
  version: VERSION,
  pathVariable: 'TEMPORAL_SERVER_PATH',
  cacheName: `temporal-server-${VERSION}`,
  versionArgs: ['--version'],
  // Anchored: a `server` binary of some other Go project on PATH must not pass for this one.
  versionOutput: /^temporal version 1\.29\.1$/m,
  buildTime: '~2.5 minutes',
};

export const TEMPORAL_SQL_TOOL: GoTool = {
  label: "the Temporal server's schema tool",
  binary: 'sql',
  module: 'go.temporal.io/server/cmd/tools/sql',
  version: VERSION,
  pathVariable: 'TEMPORAL_SQL_TOOL_PATH',
  cacheName: `temporal-server-${VERSION}`,
  versionArgs: ['--version'],
  versionOutput: /^temporal-sql-tool version 1\.29\.1$/m,
  buildTime: 'under a minute once the server is built',
};

/** Both binaries (their path variables, the cache, PATH, or built once); throws when there are none and no Go. */
export async function ensureTemporalServer(
  env: Record<string, string | undefined> = process.env,
): Promise<{ server: string; sqlTool: string }> {
  const server = await ensureGoTool(TEMPORAL_SERVER, goToolOptionsFromEnv(TEMPORAL_SERVER, env));
  const sqlTool = await ensureGoTool(TEMPORAL_SQL_TOOL, goToolOptionsFromEnv(TEMPORAL_SQL_TOOL, env));
  if (server === undefined || sqlTool === undefined) {
    throw new Error('No Temporal server: install Go (to build it) or set TEMPORAL_SERVER_PATH and TEMPORAL_SQL_TOOL_PATH');
  }
  return { server, sqlTool };
}

/** Where the server keeps its state: two databases on one PostgreSQL server. */
export interface TemporalPostgres {
  /** postgres://user:password@host:port/… of a user who may create databases (its database name is not used). */
  serverUrl: string;
  /** Workflow histories, task queues, namespaces. */
  database: string;
  /** What list/count queries read. */
  visibilityDatabase: string;
}

function connectionOf(serverUrl: string): { host: string; port: string; user: string; password: string } {
  const url = new URL(serverUrl);
  // The config would fall back to a user named "temporal", not to PGUSER as node-postgres does.
  if (url.username === '') throw new Error('The Temporal server needs a PostgreSQL URL with a user name (postgres://user@host:port/…)');
  return {
    host: url.hostname,
    port: url.port === '' ? '5432' : url.port,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
}

const SCHEMAS = [
  { key: 'database', schema: 'postgresql/v12/temporal' },
  { key: 'visibilityDatabase', schema: 'postgresql/v12/visibility' },
] as const;

/**
 * Creates both databases when missing and brings their schemas to the version this server needs.
 * The PostgreSQL user must be allowed to create databases (and, for visibility, the btree_gin
 * extension, which PostgreSQL 13+ lets a database owner create).
 */
export async function setUpTemporalSchemas(sqlTool: string, postgres: TemporalPostgres): Promise<void> {
  const { host, port, user, password } = connectionOf(postgres.serverUrl);
  for (const { key, schema } of SCHEMAS) {
    const database = postgres[key];
    await ensureDatabase(postgres.serverUrl, database);
    // Through its environment variables rather than flags: no password on a command line.
    const env = { ...process.env, SQL_HOST: host, SQL_PORT: port, SQL_USER: user, SQL_PASSWORD: password, SQL_PLUGIN: 'postgres12', SQL_DATABASE: database };
    // Version 0.0 only creates the schema_version bookkeeping, and only where it is missing.
    await runTool('setup-schema', sqlTool, ['setup-schema', '-v', '0.0'], env);
    await runTool('update-schema', sqlTool, ['update-schema', '--schema-name', schema], env);
  }
}

export interface TemporalServerOptions {
  /** From ensureTemporalServer(). */
  binary: string;
  postgres: TemporalPostgres;
  /** Frontend gRPC port; a free one when omitted. The other services take free ports. */
  port?: number;
  /**
   * Every port, as a previous start returned them: a restarted server finds its own membership
   * records and takes its shards back at once, as one restarted with a fixed config does.
   */
  ports?: TemporalServerPorts;
  ip?: string;
  /** Registered at start when missing. */
  namespace?: string;
  readyTimeoutMs?: number;
  /** Receives the server's own output; by default only its tail is kept, for error messages. */
  onOutput?: (text: string) => void;
}

/** Same shape as the dev server's, so callers start either and use the address. */
export type TemporalServer = Omit<TemporalDevServer, 'uiUrl'> & { ports: TemporalServerPorts };

export interface TemporalServerPorts {
  frontend: number;
  http: number;
  history: number;
  matching: number;
  worker: number;
  frontendMembership: number;
  historyMembership: number;
  matchingMembership: number;
  workerMembership: number;
}

const CONFIG_ROOT = fileURLToPath(new URL('../temporal', import.meta.url));
const STOP_GRACE_MS = 15_000;
/**
 * Where its ports come from: the server records each service's membership port in a PostgreSQL
 * smallint (a port from the kernel's ephemeral range, 32768+, fails its start with "out of range
 * for type smallint"), and below that range no client socket takes a port between two starts.
 */
const LOW_PORTS = { min: 20_000, max: 32_767 };
/** How long a namespace keeps closed workflows. */
const RETENTION = '7 days';

/**
 * Starts the server (all four services in one process) on free ports and resolves once the
 * namespace exists and answers. The schemas must be set up (setUpTemporalSchemas).
 */
export async function startTemporalServer(options: TemporalServerOptions): Promise<TemporalServer> {
  // A probed port can be taken by someone else before the server binds it: then try new ones.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      // Given ports stay as given: another try would meet the same conflict.
      if (attempt >= 3 || options.ports !== undefined || !/address already in use/i.test(error instanceof Error ? error.message : '')) throw error;
    }
  }
}

async function startOnce(options: TemporalServerOptions): Promise<TemporalServer> {
  const ip = options.ip ?? '127.0.0.1';
  const namespace = options.namespace ?? 'default';
  const pg = connectionOf(options.postgres.serverUrl);
  const ports = options.ports ?? (await choosePorts(options.port));
  const { frontend, http, history, matching, worker, frontendMembership, historyMembership, matchingMembership, workerMembership } = ports;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEMPORAL_PG_HOST: pg.host,
    TEMPORAL_PG_PORT: pg.port,
    TEMPORAL_PG_USER: pg.user,
    TEMPORAL_PG_PASSWORD: pg.password,
    TEMPORAL_DB: options.postgres.database,
    TEMPORAL_VISIBILITY_DB: options.postgres.visibilityDatabase,
    TEMPORAL_BIND_IP: ip,
    TEMPORAL_FRONTEND_PORT: String(frontend),
    TEMPORAL_FRONTEND_HTTP_PORT: String(http),
    TEMPORAL_HISTORY_PORT: String(history),
    TEMPORAL_MATCHING_PORT: String(matching),
    TEMPORAL_WORKER_PORT: String(worker),
    TEMPORAL_FRONTEND_MEMBERSHIP_PORT: String(frontendMembership),
    TEMPORAL_HISTORY_MEMBERSHIP_PORT: String(historyMembership),
    TEMPORAL_MATCHING_MEMBERSHIP_PORT: String(matchingMembership),
    TEMPORAL_WORKER_MEMBERSHIP_PORT: String(workerMembership),
    TEMPORAL_DYNAMIC_CONFIG: resolve(CONFIG_ROOT, 'config/dynamicconfig/postgres.yaml'),
  };
  // `--allow-no-auth`: says that no authorizer is intended (without it the server warns at start);
  // it listens on ${ip} only.
  const server = spawnOwnedProcess(options.binary, ['-r', CONFIG_ROOT, '-c', 'config', '-e', 'postgres', '--allow-no-auth', 'start'], {
    env,
    cwd: CONFIG_ROOT,
    stopGraceMs: STOP_GRACE_MS,
    ...(options.onOutput === undefined ? {} : { onOutput: options.onOutput }),
  });
  const address = `${ip}:${frontend}`;
  const polling = new AbortController();
  try {
    await Promise.race([server.ended, ready({ address, ip, port: frontend, namespace }, options.readyTimeoutMs ?? 90_000, polling.signal)]);
  } catch (error) {
    polling.abort();
    await server.stop();
    throw new Error(`Temporal server on ${address} did not start: ${error instanceof Error ? error.message : String(error)}\n${server.outputTail()}`, {
      cause: error,
    });
  }
  return { address, pid: server.pid, exited: server.exited, stop: server.stop, ports };
}

/**
 * Temporal's usual layout around a frontend port (7233 → 7243, 7234, 7235, 7239 and 6933–6939):
 * fixed ports for a server restarted again and again with the same data, as `pnpm start` does.
 */
export function standardTemporalServerPorts(frontend: number): TemporalServerPorts {
  const ports = {
    frontend,
    http: frontend + 10,
    history: frontend + 1,
    matching: frontend + 2,
    worker: frontend + 6,
    frontendMembership: frontend - 300,
    historyMembership: frontend - 299,
    matchingMembership: frontend - 298,
    workerMembership: frontend - 294,
  };
  if (ports.frontendMembership < 1024 || ports.workerMembership > LOW_PORTS.max || ports.http > 65_535) {
    throw new Error(`Temporal server ports around ${frontend} fall outside 1024–65535 or put membership ports above ${LOW_PORTS.max}: choose a frontend port between 1324 and 33061`);
  }
  return ports;
}

/**
 * Free ports below Linux's ephemeral range (32768+), where no client socket takes one between two
 * starts of the same server: a restart on `ports` finds them free again.
 */
async function choosePorts(frontendPort: number | undefined): Promise<TemporalServerPorts> {
  const [frontend, http, history, matching, worker, frontendMembership, historyMembership, matchingMembership, workerMembership] = (await distinct(9, () =>
    findFreePortIn(LOW_PORTS.min, LOW_PORTS.max),
  frontendPort)) as [number, number, number, number, number, number, number, number, number];
  return { frontend, http, history, matching, worker, frontendMembership, historyMembership, matchingMembership, workerMembership };
}

async function ready(
  target: { address: string; ip: string; port: number; namespace: string },
  timeoutMs: number,
  signal: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // The frontend accepts calls before the other services have joined the ring; registering then
  // fails with "Unavailable" for a second or two.
  let lastError: unknown;
  while (Date.now() < deadline && !signal.aborted) {
    try {
      await registerNamespace(target.address, target.namespace);
      lastError = undefined;
      break;
    } catch (error) {
      lastError = error;
      await sleep(500);
    }
  }
  if (lastError !== undefined || signal.aborted) {
    throw new Error(`could not register namespace ${target.namespace}: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
  }
  await waitUntilServing(target, Math.max(1_000, deadline - Date.now()), signal);
}

const GRPC_ALREADY_EXISTS = 6;

async function registerNamespace(address: string, namespace: string): Promise<void> {
  const connection = Connection.lazy({ address, connectTimeout: '2s' });
  try {
    await connection.ensureConnected();
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: msToTs(RETENTION),
    });
  } catch (error) {
    if ((error as { code?: number }).code !== GRPC_ALREADY_EXISTS) throw error;
  } finally {
    await connection.close();
  }
}

/** `count` distinct ports from `find`, the first one `first` when given. */
async function distinct(count: number, find: () => Promise<number>, first?: number): Promise<number[]> {
  const ports = new Set<number>(first === undefined ? [] : [first]);
  while (ports.size < count) ports.add(await find());
  return [...ports];
}

/** Runs one step of the schema tool; a failure carries the tool's own output. */
async function runTool(step: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  await runChecked(command, args, { env, what: `temporal-sql-tool ${step}` });
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureTemporalServer().then(
    ({ server, sqlTool }) => process.stdout.write(`${process.argv[2] === 'sql' ? sqlTool : server}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
