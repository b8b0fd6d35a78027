// What `pnpm start` prints once everything is up: where to go, how healthy it is, how to sign in.
import { DEMO_PASSWORD, DEMO_USERS } from '@gongzhi/db';
import { type StartConfig } from './start-config';

/** The API's readiness (GET /api/ready) and whether a worker polls the engagements' task queue. */
export interface Health {
  api: { ready: true; checks: Record<string, { latencyMs: number }> } | { ready: false; reason: string } | undefined;
  worker: { pollers: number; taskQueue: string } | undefined;
}

const CHECK_NAMES: Record<string, string> = { database: 'PostgreSQL', temporal: 'Temporal', files: 'files' };

/** Asks the API whether it can reach PostgreSQL, Temporal and the file store. */
export async function readinessOf(apiUrl: string): Promise<Health['api']> {
  try {
    const response = await fetch(`${apiUrl}/api/ready`, {
      headers: { 'accept-language': 'en' },
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await response.json()) as {
      checks?: Record<string, { latencyMs: number }>;
      error?: { message?: string };
    };
    if (response.ok && body.checks) return { ready: true, checks: body.checks };
    return { ready: false, reason: body.error?.message ?? `HTTP ${response.status}` };
  } catch (error) {
    return { ready: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

export function printBanner(input: {
  config: StartConfig;
  isProduction: boolean;
  temporal: { address: string; uiUrl: string | undefined };
  postgresUrl: string;
  /** Names of the apps running (worker, api, web). */
  running: string[];
  notReady: { name: string; port: number }[];
  health: Health;
  withDemo: boolean;
  /** Created on this start: kept in `passwordFile`, shown once when `isShown` (a terminal). */
  firstAdmin: { username: string; password: string; passwordFile: string; isShown: boolean } | undefined;
  logsDir: string | undefined;
}): void {
  const { config, running } = input;
  const isRunning = (name: string): boolean => running.includes(name);
  const rows: [string, string][] = [];
  if (input.isProduction ? isRunning('api') : isRunning('web')) {
    rows.push([
      'Dashboard',
      `http://127.0.0.1:${input.isProduction ? config.GONGZHI_API_PORT : config.GONGZHI_WEB_PORT}`,
    ]);
  }
  if (isRunning('api')) rows.push(['API docs', `http://127.0.0.1:${config.GONGZHI_API_PORT}/api/docs`]);
  if (input.temporal.uiUrl !== undefined) rows.push(['Temporal UI', input.temporal.uiUrl]);
  const engine =
    config.TEMPORAL_ADDRESS !== undefined
      ? 'cluster'
      : config.GONGZHI_TEMPORAL === 'server'
        ? 'server, state in PostgreSQL'
        : 'dev server';
  rows.push(['Temporal', `${input.temporal.address} (${engine}, namespace ${config.TEMPORAL_NAMESPACE})`]);
  rows.push(['PostgreSQL', redactPassword(input.postgresUrl)]);
  rows.push(['Data', config.GONGZHI_DATA_DIR]);
  if (input.logsDir !== undefined)
    rows.push(['Logs', `${input.logsDir} (one file per process, rotated at 10 MB, 5 kept)`]);

  const { api, worker } = input.health;
  const health: string[] = [];
  if (api !== undefined) {
    health.push(
      api.ready
        ? `API ready: ${Object.entries(api.checks)
            .map(([name, check]) => `${CHECK_NAMES[name] ?? name} ${check.latencyMs} ms`)
            .join(', ')}`
        : `API NOT READY: ${api.reason}`,
    );
  }
  if (worker !== undefined) {
    health.push(
      worker.pollers > 0
        ? `worker polling ${worker.taskQueue}`
        : `NO WORKER polling ${worker.taskQueue} yet: engagements wait until one does${input.logsDir === undefined ? '' : ' (see worker.log)'}`,
    );
  }
  if (health.length > 0) rows.push(['Health', health.join('; ')]);

  const lines = ['', 'Gongzhi 共治 is running:', ...rows.map(([label, value]) => `  ${label.padEnd(12)} ${value}`)];
  for (const app of input.notReady)
    lines.push(
      `  (${app.name} has not opened port ${app.port} yet; see its log${input.logsDir === undefined ? ' above' : ''})`,
    );
  if (input.withDemo) {
    lines.push('', `Demo logins (password ${DEMO_PASSWORD} for all, unless an administrator changed them):`);
    for (const user of DEMO_USERS)
      lines.push(`  ${user.username.padEnd(10)} ${user.roles.join(', ').padEnd(10)} ${user.displayName}`);
  }
  if (input.firstAdmin !== undefined) {
    const { username, password, passwordFile, isShown } = input.firstAdmin;
    lines.push(
      '',
      isShown
        ? 'The first administrator (shown this once; also in the file below, readable only by you):'
        : 'The first administrator: its password is in the file below, readable only by you.',
      isShown ? `  username ${username}   password ${password}` : `  username ${username}`,
      `  ${passwordFile}`,
      "  Sign in, change the password (账号与安全 → 修改密码), create the team's accounts, then delete that file.",
    );
  }
  lines.push(
    '',
    input.isProduction
      ? 'A process that dies is restarted (after 1 s, 2 s, 4 s … at most 30 s apart). Press Ctrl-C to stop everything.'
      : 'Press Ctrl-C to stop everything.',
    '',
  );
  process.stdout.write(lines.join('\n'));
}

export function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
