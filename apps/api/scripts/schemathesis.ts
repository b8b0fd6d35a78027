// Property-based testing of the API against its own OpenAPI document with schemathesis (PyPI),
// on the real stack: the API must answer every generated request without a server error and
// with responses that match the document.
//
//   bash apps/api/scripts/schemathesis.sh [extra `st run` options]
//
// Installs schemathesis into a virtualenv under ~/.cache/gongzhi when missing, starts
// PostgreSQL, Temporal, a worker and the API (src/server.ts), plays one deliverable through to
// approval (so operations on an engagement, a task, a deliverable and its file reach real data:
// their ids are given to schemathesis in a generated config file), signs in as the demo admin,
// mints a personal API token and runs `st run` with it as a Bearer token. Prints st's test-case
// totals as `schemathesis cases: N passed, N failed[, N skipped]` (for the test command's tally)
// and exits with st's code.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSRF_HEADER } from '@gongzhi/contracts';
import { DEMO_PASSWORD } from '@gongzhi/db';
import { DOCX_MIME, makeDocx } from '@gongzhi/testing';
import { schemathesisCasesLine } from './lib/schemathesis-summary';
import { startStack } from './lib/stack';

/** Pinned, so CI runs are comparable; raise it on purpose. */
const SCHEMATHESIS_VERSION = '4.32.5';
/**
 * The checks that carry the promise (no 5xx, every answer as documented: status, content type,
 * headers, body) plus the negative-data checks (invalid input is refused). Left out:
 * `positive_data_acceptance` (schema-valid input can still be refused on business grounds:
 * unknown ids are 404, a wrong password 401) and the stateful authorization heuristics, which
 * assume REST resources created and read back by one user; the permission-matrix test covers
 * authorization exhaustively.
 */
const CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_headers_conformance', 'response_schema_conformance', 'negative_data_rejection', 'missing_required_header', 'unsupported_method'];

const log = (message: string) => process.stderr.write(`[schemathesis] ${message}\n`);
const cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
const venv = join(cacheHome, 'gongzhi', `schemathesis-${SCHEMATHESIS_VERSION}`);
const st = join(venv, 'bin', 'st');

function ensureSchemathesis(): void {
  if (existsSync(st)) return;
  log(`installing schemathesis ${SCHEMATHESIS_VERSION} into ${venv}…`);
  const attempt = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'inherit' }).status === 0;
  const requirement = `schemathesis==${SCHEMATHESIS_VERSION}`;
  if (attempt('python3', ['-m', 'venv', venv]) && attempt(join(venv, 'bin', 'pip'), ['install', '--quiet', requirement])) return;
  // Debian without python3-venv has no ensurepip: a bare venv, filled by the system's pip.
  rmSync(venv, { recursive: true, force: true });
  if (attempt('python3', ['-m', 'venv', '--without-pip', venv]) && attempt('python3', ['-m', 'pip', '--python', join(venv, 'bin', 'python'), 'install', '--quiet', requirement])) return;
  throw new Error(`could not install ${requirement}: install python3-venv (or python3-pip) and run again`);
}

await mkdir(join(cacheHome, 'gongzhi'), { recursive: true });
ensureSchemathesis();

// Requests come from one address at a high rate: the login limit is for people, not for this.
const stack = await startStack({ apiEnv: { GONGZHI_LOG_LEVEL: 'warn', GONGZHI_LOGIN_RATE_LIMIT: '1000000', GONGZHI_LOGIN_FREE_FAILURES_PER_ADDRESS: '1000000', GONGZHI_LOGIN_FREE_FAILURES_PER_ACCOUNT_ADDRESS: '1000000', GONGZHI_LOGIN_FREE_FAILURES_PER_ACCOUNT: '1000000' } });
let exitCode = 1;
try {
  const api = stack.apiUrl;
  async function signIn(username: string) {
    const response = await fetch(`${api}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
    if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
    const { csrfToken, user } = (await response.json()) as { csrfToken: string; user: { id: string } };
    return { id: user.id, headers: { cookie: response.headers.getSetCookie()[0]!.split(';')[0]!, [CSRF_HEADER]: csrfToken } };
  }
  async function call<T>(session: { headers: Record<string, string> }, method: string, path: string, body?: unknown, status = 200): Promise<T> {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: { ...session.headers, ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}) },
      ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
    });
    if (response.status !== status) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  // Real data for the operations that take an id: one deliverable played through to approval.
  log('preparing an engagement with an approved deliverable…');
  const [pm, partner, lawyer, lawyer2, client, admin] = await Promise.all(['pm', 'partner', 'lawyer', 'lawyer2', 'client', 'admin'].map(signIn));
  const engagement = await call<{ id: string }>(pm!, 'POST', '/api/engagements', {
    name: '接口契约测试项目',
    clientName: '某某街道办事处',
    clientKind: 'street',
    communities: [{ name: '朝阳社区' }, { name: '和平社区' }],
    team: { pm: pm!.id, partner: partner!.id, lawyers: [lawyer!.id, lawyer2!.id], client: client!.id },
    startDate: '2030-03-04',
    templateKey: 'community-governance',
  }, 201);
  let task: { id: string; deliverable: { id: string } } | undefined;
  for (let attempt = 0; !task && attempt < 200; attempt++) {
    const open = await call<{ items: { id: string; key: string }[] }>(lawyer!, 'GET', `/api/tasks?engagementId=${engagement.id}&status=active`);
    const found = open.items.find((item) => item.key === 'proposal.draft-service-plan');
    if (found) task = await call(lawyer!, 'GET', `/api/tasks/${found.id}`);
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!task) throw new Error('the first task did not open');
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(makeDocx('项目法律服务方案'))], { type: DOCX_MIME }), '项目法律服务方案.docx');
  const { sha256 } = await call<{ sha256: string }>(lawyer!, 'POST', `/api/deliverables/${task.deliverable.id}/uploads`, form, 201);
  await call(lawyer!, 'POST', `/api/tasks/${task.id}/complete`, { formData: { background: '背景', workPlanSummary: '计划' }, file: { sha256 } });
  await call(partner!, 'POST', `/api/deliverables/${task.deliverable.id}/reviews`, { revision: 1, sha256, decision: 'approve' }, 201);

  const configDir = await mkdtemp(join(tmpdir(), 'gongzhi-schemathesis-'));
  const configFile = join(configDir, 'schemathesis.toml');
  const fixed = (pathRegex: string, parameters: Record<string, string | number>) =>
    `[[operations]]\ninclude-path-regex = ${JSON.stringify(pathRegex)}\nparameters = { ${Object.entries(parameters).map(([key, value]) => `${JSON.stringify(key)} = ${JSON.stringify(value)}`).join(', ')} }\n`;
  await writeFile(
    configFile,
    [
      // Event streams never end by themselves: schemathesis reads the opening event, then hangs up.
      'max-stream-events = 1\n',
      fixed('^/api/engagements/\\{id\\}(/(audit|events|pause|resume|cancel))?$', { 'path.id': engagement.id }),
      fixed('^/api/tasks/\\{id\\}', { 'path.id': task.id }),
      fixed('^/api/deliverables/\\{id\\}(/(uploads|reviews))?$', { 'path.id': task.deliverable.id }),
      fixed('^/api/deliverables/\\{id\\}/revisions/\\{rev\\}/file$', { 'path.id': task.deliverable.id, 'path.rev': 1 }),
      fixed('^/api/templates/\\{id\\}$', { 'path.id': 'community-governance' }),
      fixed('^/api/users/\\{id\\}', { 'path.id': lawyer2!.id }),
    ].join('\n'),
  );

  // Every scope, so administrators' operations are exercised too.
  const { secret } = await call<{ secret: string }>(admin!, 'POST', '/api/me/tokens', { name: 'schemathesis', scopes: ['read', 'write', 'admin'] }, 201);

  const args = [
    '--config-file',
    configFile,
    'run',
    `${stack.apiUrl}/api/openapi.json`,
    '--header',
    `Authorization: Bearer ${secret}`,
    '--checks',
    CHECKS.join(','),
    '--workers',
    '2',
    '--request-timeout',
    '30',
    '--no-color',
    ...process.argv.slice(2).filter((arg) => arg !== '--'),
  ];
  log(`st ${args.map((arg) => (arg.startsWith('Authorization') ? 'Authorization: Bearer ***' : arg)).join(' ')}`);
  // st's output is passed through as it comes; its stdout is also kept (the tail: the summary is
  // at the end) to read the test-case totals for the test command's tally.
  let stdout = '';
  exitCode = await new Promise<number>((resolve) => {
    const child = spawn(st, args, { stdio: ['inherit', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      process.stdout.write(chunk);
      stdout = (stdout + chunk).slice(-1_000_000);
    });
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.once('error', (error) => {
      log(`could not run st: ${error.message}`);
      resolve(1);
    });
    // `close`, not `exit`: every byte of both streams has been read by then.
    child.once('close', (code) => resolve(code ?? 1));
  });
  process.stdout.write(`\n${schemathesisCasesLine(stdout)}\n`);
  await rm(configDir, { recursive: true, force: true });
} finally {
  await stack.stop();
}
process.exit(exitCode);
