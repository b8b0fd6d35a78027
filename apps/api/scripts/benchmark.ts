// Load figures for the API on the real stack, each beside a bare Fastify route measured in the
// same run on the same machine: login, the engagement list, the task list and task completion.
//
//   pnpm --filter @gongzhi/api benchmark [--duration 10] [--connections 10] [--completions 60]
//
// The API (src/server.ts), the worker and the bare yardstick each run as their own process;
// autocannon runs here. Prints a Markdown table (docs/benchmarks.md holds a recorded run).
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import { CSRF_HEADER } from '@gongzhi/contracts';
import { DEMO_PASSWORD } from '@gongzhi/db';
import { OFFICE_MIME_TYPES } from '@gongzhi/domain';
import { startStack } from './lib/stack';

const { values } = parseArgs({
  // `pnpm … benchmark -- --duration 20` passes the separator through.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    completions: { type: 'string', default: '60' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const completions = Number(values.completions);
const DOCX = OFFICE_MIME_TYPES.docx;
const log = (message: string) => process.stderr.write(`[benchmark] ${message}\n`);

const loadBefore = loadavg()[0]!.toFixed(2);
const stack = await startStack({
  // Request logging off (warn) on both sides, and the login limits out of the way of the load.
  apiEnv: { GONGZHI_LOG_LEVEL: 'warn', GONGZHI_LOGIN_RATE_LIMIT: '100000000', GONGZHI_LOGIN_FREE_FAILURES_PER_ADDRESS: '100000000', GONGZHI_LOGIN_FREE_FAILURES_PER_ACCOUNT_ADDRESS: '100000000', GONGZHI_LOGIN_FREE_FAILURES_PER_ACCOUNT: '100000000' },
});

try {
  const bare = String((await stack.spawnReady('scripts/lib/bare-server.ts')).line.url);
  const api = stack.apiUrl;

  async function signIn(username: string) {
    const response = await fetch(`${api}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
    if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
    const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
    const { csrfToken, user } = (await response.json()) as { csrfToken: string; user: { id: string } };
    return { cookie, csrfToken, id: user.id, headers: { cookie, [CSRF_HEADER]: csrfToken } };
  }
  const call = async <T>(session: { headers: Record<string, string> }, method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${api}${path}`, { method, headers: { ...session.headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };

  const pm = await signIn('pm');
  const partner = await signIn('partner');
  const lawyer = await signIn('lawyer');
  const lawyer2 = await signIn('lawyer2');
  const client = await signIn('client');

  // One engagement per completion to measure: each offers its first task, with a draft uploaded.
  log(`creating ${completions} engagements…`);
  const taskIds: string[] = [];
  const create = async (index: number) => {
    const engagement = await call<{ id: string }>(pm, 'POST', '/api/engagements', {
      name: `基准测试项目 ${index + 1}`,
      clientName: '某某街道办事处',
      clientKind: 'street',
      communities: [{ name: '朝阳社区' }, { name: '和平社区' }, { name: '幸福社区' }],
      departments: [{ name: '城管执法中队' }],
      team: { pm: pm.id, partner: partner.id, lawyers: [lawyer.id, lawyer2.id], client: client.id },
      startDate: '2030-03-04',
      templateKey: 'community-governance',
    });
    let task: { id: string; deliverable: { id: string } | null } | undefined;
    for (let attempt = 0; !task; attempt++) {
      const page = await call<{ items: { id: string; key: string }[] }>(lawyer, 'GET', `/api/tasks?engagementId=${engagement.id}&status=active`);
      const found = page.items.find((item) => item.key === 'proposal.draft-service-plan');
      if (found) task = await call(lawyer, 'GET', `/api/tasks/${found.id}`);
      else if (attempt > 400) throw new Error('the first task did not open');
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(`PK\u0003\u0004 基准测试 ${index}`)], { type: DOCX }), '项目法律服务方案.docx');
    const upload = await fetch(`${api}/api/deliverables/${task.deliverable!.id}/revisions`, { method: 'POST', headers: lawyer.headers, body: form });
    if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
    taskIds.push(task.id);
  };
  for (let start = 0; start < completions; start += 8) await Promise.all(Array.from({ length: Math.min(8, completions - start) }, (_, offset) => create(start + offset)));

  const loginBody = JSON.stringify({ username: 'lawyer', password: DEMO_PASSWORD });
  const completionBody = JSON.stringify({ formData: { background: '街道下辖三个社区，治理难题集中在私搭乱建。', workPlanSummary: '七个阶段，详见附件。' } });
  const json = { 'content-type': 'application/json' };
  const run = (name: string, options: Parameters<typeof autocannon>[0]) => {
    log(`${name}…`);
    return autocannon({ timeout: 30, ...options });
  };

  interface Row {
    scenario: string;
    api: Result;
    bare: Result;
  }
  const rows: Row[] = [];
  rows.push({
    scenario: 'POST /api/auth/login (scrypt, session row, audit row)',
    api: await run('login', { url: `${api}/api/auth/login`, method: 'POST', headers: json, body: loginBody, connections, duration }),
    bare: await run('bare POST', { url: `${bare}/bare`, method: 'POST', headers: json, body: loginBody, connections, duration }),
  });
  rows.push({
    scenario: `GET /api/engagements (PM, portfolio of ${completions}, page of 20)`,
    api: await run('engagement list', { url: `${api}/api/engagements`, headers: pm.headers, connections, duration }),
    bare: await run('bare GET', { url: `${bare}/bare`, connections, duration }),
  });
  rows.push({
    scenario: 'GET /api/tasks?assignee=me&status=active&status=changes_requested (lawyer)',
    api: await run('task list', { url: `${api}/api/tasks?assignee=me&status=active&status=changes_requested&sort=dueDate`, headers: lawyer.headers, connections, duration }),
    bare: await run('bare GET', { url: `${bare}/bare`, connections, duration }),
  });
  const queue = [...taskIds];
  rows.push({
    scenario: `POST /api/tasks/:id/complete (Temporal update + projection, ${completions} tasks)`,
    api: await run('task completion', {
      url: api,
      amount: completions,
      connections: Math.min(connections, 4),
      requests: [
        {
          method: 'POST',
          headers: { ...lawyer.headers, ...json },
          body: completionBody,
          setupRequest: (request) => ({ ...request, path: `/api/tasks/${queue.shift()}/complete` }),
        },
      ],
    }),
    bare: await run('bare POST', { url: `${bare}/bare`, method: 'POST', headers: json, body: completionBody, connections: Math.min(connections, 4), duration }),
  });

  const format = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
  // Completed requests per second of the run (the completion run is a fixed number of requests, not a fixed time).
  const throughput = (result: Result) => result.requests.total / Math.max(result.duration, 0.001);
  const lines = [
    `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load average before the run ${loadBefore}; ${connections} connections (completions: ${Math.min(connections, 4)}), ${duration} s per timed run; request logging off on both sides.`,
    '',
    '| scenario | API req/s | API p50 ms | API p99 ms | API non-2xx | bare req/s | bare p50 ms | bare p99 ms | API ÷ bare throughput |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(({ scenario, api: measured, bare: baseline }) =>
      `| ${scenario} | ${format(throughput(measured))} | ${format(measured.latency.p50)} | ${format(measured.latency.p99)} | ${measured.non2xx + measured.errors} | ${format(throughput(baseline))} | ${format(baseline.latency.p50)} | ${format(baseline.latency.p99)} | ${((throughput(measured) / throughput(baseline)) * 100).toFixed(2)} % |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const done = await call<{ total: number }>(lawyer, 'GET', '/api/tasks?assignee=me&status=in_review&pageSize=1');
  log(`completed tasks now in review: ${done.total} of ${completions}`);
} finally {
  await stack.stop();
}
