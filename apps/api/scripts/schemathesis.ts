// Property-based testing of the API against its own OpenAPI document with schemathesis (PyPI),
// on the real stack: the API must answer every generated request without a server error and
// with responses that match the document.
//
//   bash apps/api/scripts/schemathesis.sh [extra `st run` options]
//
// Installs schemathesis into a virtualenv under ~/.cache/gongzhi when missing, starts
// PostgreSQL, Temporal, a worker and the API (src/server.ts), and runs `st run` once per caller:
// the admin, the PM, a lawyer, the partner and the client, each with a personal API token holding
// every scope they may have, and a browser session (cookie and CSRF token) for the operations no
// token may call. Each caller gets an engagement of its own played until its first deliverable is
// submitted (approved, but for the partner's), so operations on an engagement, a task, a
// deliverable and its file reach real data the caller may reach.
//
// Each caller runs twice. The generating phases (examples, coverage, fuzzing) get those ids fixed
// in a generated config file; the stateful phase gets none and follows the links the document
// declares (createEngagement → pauseEngagement, listTasks → completeTask…). Both runs draw real
// values for some body fields (the team of a new engagement, a reassignment's assignee, the
// revision under review) and check `positive_data_acceptance` with, per operation, the statuses
// of the refusals its contract declares (schemathesis-config.ts). The admin runs the full number
// of examples, the other callers fewer (the operations they share are covered already; what
// differs is what each may do). Prints the test-case totals of all runs as ONE line,
// `schemathesis cases: N passed, N failed[, N skipped]` (for the test command's tally), and exits
// non-zero when any run did.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSRF_HEADER, type Operation, operationList, operations, pathParamNames } from '@gongzhi/contracts';
import { DEMO_PASSWORD } from '@gongzhi/db';
import { DOCX_MIME, makeDocx } from '@gongzhi/testing';
import { SESSION_COOKIE } from '../src/lib/sessions';
import { type OperationSettings, type RunConfig, schemathesisConfig } from './lib/schemathesis-config';
import { failureSection, schemathesisCasesLine } from './lib/schemathesis-summary';
import { startStack } from './lib/stack';

/** Pinned, so CI runs are comparable; raise it on purpose. */
const SCHEMATHESIS_VERSION = '4.32.5';
/**
 * The checks that carry the promise (no 5xx, every answer as documented: status, content type,
 * headers, body), the negative-data checks (invalid input is refused) and `positive_data_acceptance`
 * (valid input is accepted, or refused only as the contract declares: unknown ids, state,
 * permissions; see schemathesis-config.ts). Left out: the stateful authorization heuristics, which
 * assume REST resources created and read back by one user; the permission-matrix test covers
 * authorization exhaustively.
 */
const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
  'negative_data_rejection',
  'positive_data_acceptance',
  'missing_required_header',
  'unsupported_method',
];
/** Examples per operation for the callers after the admin (who runs st's default, or what is passed). */
const EXTRA_CALLER_EXAMPLES = 25;
const TEMPLATE_KEY = 'community-governance';

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
const configDir = await mkdtemp(join(tmpdir(), 'gongzhi-schemathesis-'));
try {
  const api = stack.apiUrl;
  interface Session {
    id: string;
    headers: Record<string, string>;
  }
  async function signIn(username: string, password = DEMO_PASSWORD): Promise<Session> {
    const response = await fetch(`${api}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
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
  const until = async <T>(what: string, attempt: () => Promise<T | undefined>, attempts = 200): Promise<T | undefined> => {
    for (let index = 0; index < attempts; index++) {
      const found = await attempt();
      if (found !== undefined) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    log(`${what}: not found`);
    return undefined;
  };

  log('preparing engagements, users and tokens…');
  const [pm, partner, lawyer, lawyer2, client, admin] = await Promise.all(['pm', 'partner', 'lawyer', 'lawyer2', 'client', 'admin'].map((username) => signIn(username)));
  // Accounts of their own for what changes accounts: the administrators' operations change one
  // (roles, disabled, password), the session caller changes its own password.
  const accountPassword = 'schemathesis-account-password';
  const newAccount = (username: string) => call<{ id: string }>(admin!, 'POST', '/api/users', { username, displayName: username, roles: ['lawyer'], password: accountPassword }, 201);
  const [target] = await Promise.all([newAccount('st-target'), newAccount('st-session'), newAccount('st-logout')]);

  interface Task {
    id: string;
    deliverable: { id: string };
  }
  interface Prepared {
    engagementId: string;
    /** The first task (the lawyer's, with a deliverable): open, or done with revision 1 submitted, or also approved. */
    task: Task;
    /** The file of revision 1, once submitted. */
    sha256: string | undefined;
    /** A questionnaire of the engagement, and a token of one of its answer links. */
    questionnaireId: string;
    linkToken: string;
    /** A symposium record of the engagement, and the problem it raised. */
    sessionId: string;
    problemId: string;
    /** The token of the PM's calendar address for the engagement (its feed has the tasks, the session…). */
    calendarToken: string;
  }
  /** One engagement of the demo team, played until its first task is open, its deliverable submitted, or approved. */
  async function prepareEngagement(stage: 'open' | 'submitted' | 'approved'): Promise<Prepared> {
    const engagement = await call<{ id: string }>(pm!, 'POST', '/api/engagements', {
      name: '接口契约测试项目',
      clientName: '某某街道办事处',
      clientKind: 'street',
      communities: [{ name: '朝阳社区' }, { name: '和平社区' }],
      team: { pm: pm!.id, partner: partner!.id, lawyers: [lawyer!.id, lawyer2!.id], client: client!.id },
      startDate: '2030-03-04',
      templateKey: TEMPLATE_KEY,
    }, 201);
    const firstId = await until('the first task', async () => {
      const open = await call<{ items: { id: string; key: string }[] }>(lawyer!, 'GET', `/api/tasks?engagementId=${engagement.id}&status=active`);
      return open.items.find((item) => item.key === 'proposal.draft-service-plan')?.id;
    });
    if (!firstId) throw new Error('the first task did not open');
    const task = await call<Task>(lawyer!, 'GET', `/api/tasks/${firstId}`);
    const questionnaire = await call<{ id: string }>(lawyer!, 'POST', `/api/engagements/${engagement.id}/questionnaires`, {
      audience: 'residents',
      title: '接口契约测试问卷',
      intro: '',
      questions: [
        { key: 'years', type: 'single', text: '您在本社区居住了多长时间？', required: true, options: ['不满1年', '1—3年', '3年以上'] },
        { key: 'suggestions', type: 'text', text: '您的意见和建议', required: false },
      ],
    }, 201);
    const { links } = await call<{ links: { token: string }[] }>(lawyer!, 'POST', `/api/engagements/${engagement.id}/questionnaires/${questionnaire.id}/links`, { count: 1 }, 201);
    const session = await call<{ id: string; problems: { id: string }[] }>(lawyer!, 'POST', `/api/engagements/${engagement.id}/research-sessions`, {
      kind: 'symposium',
      heldOn: '2026-10-14',
      place: '社区党群服务中心会议室',
      participants: '居委会委员、居民代表',
      problems: [{ description: '楼道堆放杂物', violation: 'stairwell-clutter' }],
    }, 201);
    const feed = await call<{ path: string }>(pm!, 'POST', '/api/me/calendar-feeds', { name: '接口契约测试', engagementId: engagement.id }, 201);
    const research = { questionnaireId: questionnaire.id, linkToken: links[0]!.token, sessionId: session.id, problemId: session.problems[0]!.id, calendarToken: feed.path.split('/').at(-1)! };
    if (stage === 'open') return { engagementId: engagement.id, task, sha256: undefined, ...research };
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(makeDocx('项目法律服务方案'))], { type: DOCX_MIME }), '项目法律服务方案.docx');
    const { sha256 } = await call<{ sha256: string }>(lawyer!, 'POST', `/api/deliverables/${task.deliverable.id}/uploads`, form, 201);
    await call(lawyer!, 'POST', `/api/tasks/${task.id}/complete`, { formData: { background: '背景', workPlanSummary: '计划' }, file: { sha256 } });
    if (stage === 'approved') await call(partner!, 'POST', `/api/deliverables/${task.deliverable.id}/reviews`, { revision: 1, sha256, decision: 'approve' }, 201);
    return { engagementId: engagement.id, task, sha256, ...research };
  }

  const firstNotification = async (session: Session) => (await call<{ items: { id: string }[] }>(session, 'GET', '/api/notifications?pageSize=1')).items[0]?.id;
  const mintToken = (session: Session, scopes: string[]) => call<{ secret: string; token: { id: string } }>(session, 'POST', '/api/me/tokens', { name: 'schemathesis', scopes }, 201);

  /**
   * The real ids every operation taking an id gets in the generating phases (fixed: links cannot
   * move them): the caller's engagement, its first task and deliverable; `open`, a task still to
   * do for completing, reassigning and uploading.
   */
  function fixedIds(prepared: Prepared, open: Task, notificationId: string | undefined, tokenId: string): Record<string, OperationSettings> {
    const fixed: Record<string, Record<string, string | number>> = {
      getTask: { 'path.id': prepared.task.id },
      completeTask: { 'path.id': open.id },
      assignTask: { 'path.id': open.id },
      getDeliverable: { 'path.id': prepared.task.deliverable.id },
      reviewDeliverable: { 'path.id': prepared.task.deliverable.id },
      downloadDeliverableRevision: { 'path.id': prepared.task.deliverable.id, 'path.rev': 1 },
      uploadDeliverableFile: { 'path.id': open.deliverable.id },
      generateDeliverableDocument: { 'path.id': open.deliverable.id },
      // No draft under a made-up id: 404, the declared answer.
      downloadGeneratedDocument: { 'path.id': open.deliverable.id },
      getKnowledgeEntry: { 'path.kind': 'law', 'path.key': 'civil-code' },
      listKnowledgeVersions: { 'path.kind': 'law', 'path.key': 'civil-code' },
      getKnowledgeVersion: { 'path.kind': 'law', 'path.key': 'civil-code', 'path.version': 1 },
      reviseKnowledgeEntry: { 'path.kind': 'law', 'path.key': 'civil-code' },
      createKnowledgeEntry: { 'path.kind': 'law' },
      getTemplate: { 'path.id': TEMPLATE_KEY },
      updateUser: { 'path.id': target.id },
      resetUserPassword: { 'path.id': target.id },
      revokeApiToken: { 'path.id': tokenId },
      ...(notificationId ? { markNotificationRead: { 'path.id': notificationId } } : {}),
    };
    for (const operation of operationList) {
      if (operation.permission.auth !== 'engagement' || operation.permission.resource !== 'engagement') continue;
      const names = pathParamNames(operation.path);
      fixed[operation.id] = {
        'path.id': prepared.engagementId,
        ...(names.includes('questionnaireId') ? { 'path.questionnaireId': prepared.questionnaireId } : {}),
        ...(names.includes('sessionId') ? { 'path.sessionId': prepared.sessionId } : {}),
        ...(names.includes('problemId') ? { 'path.problemId': prepared.problemId } : {}),
      };
    }
    fixed.getPublicQuestionnaire = { 'path.token': prepared.linkToken };
    fixed.submitPublicQuestionnaire = { 'path.token': prepared.linkToken };
    fixed.getCalendarFeed = { 'path.token': prepared.calendarToken };
    return Object.fromEntries(Object.entries(fixed).map(([id, parameters]) => [id, { fixed: parameters }]));
  }
  /** Real values drawn for body fields, so creating an engagement, reassigning and reviewing can succeed. */
  function drawnValues(prepared: Prepared, engagementIds: string[]): Record<string, OperationSettings> {
    // Lists mostly on their first page, the caller's engagements and tasks, so that their items
    // (and the links from them) are there more often than random filters allow.
    const lists = operationList.filter((operation) => operation.query?.shape.page !== undefined);
    const listSettings = Object.fromEntries(
      lists.map((operation) => [
        operation.id,
        {
          drawn: {
            'query.page': { values: [1], probability: 0.8 },
            ...(operation.query?.shape.engagementId ? { 'query.engagementId': { values: engagementIds, probability: 0.5 } } : {}),
            ...(operation.query?.shape.assignee ? { 'query.assignee': { values: ['me'], probability: 0.5 } } : {}),
          },
        },
      ]),
    );
    return {
      ...listSettings,
      createEngagement: {
        drawn: {
          'body.templateKey': { values: [TEMPLATE_KEY], probability: 0.95 },
          'body.templateVersion': { values: [1], probability: 0.5 },
          'body.team.pm': { values: [pm!.id], probability: 0.95 },
          'body.team.partner': { values: [partner!.id], probability: 0.95 },
          'body.team.lawyers[*]': { values: [lawyer!.id, lawyer2!.id], probability: 0.95 },
          'body.team.client': { values: [client!.id], probability: 0.9 },
        },
      },
      assignTask: { drawn: { 'body.assigneeId': { values: [lawyer!.id, lawyer2!.id], probability: 0.9 } } },
      reviewDeliverable: { drawn: { 'body.revision': { values: [1], probability: 0.9 }, 'body.sha256': { values: prepared.sha256 ? [prepared.sha256] : [], probability: 0.9 } } },
    };
  }
  const merge = (...all: Record<string, OperationSettings>[]) => {
    const merged: Record<string, OperationSettings> = {};
    for (const settings of all) for (const [id, entry] of Object.entries(settings)) merged[id] = { ...merged[id], ...entry };
    return merged;
  };

  /**
   * The coverage phase (every boundary of every parameter: the slow part) runs in full for the
   * admin. The other callers run it only where the admin is refused at the door (the team's own
   * commands: completing, reassigning, uploading, reviewing), and fuzz and play every operation.
   */
  const coverageWhereAdminsAreRefused: Record<string, OperationSettings> = Object.fromEntries(
    operationList.filter((operation) => !(operation.permission.auth === 'engagement' && !operation.permission.admins)).map((operation) => [operation.id, { skipCoverage: true }]),
  );

  interface Caller {
    name: string;
    auth: RunConfig['auth'];
    headers?: Record<string, string>;
    operations: readonly Operation[];
    unitSettings: Record<string, OperationSettings>;
    statefulSettings: Record<string, OperationSettings>;
    /** Fewer examples than the admin's full run: the operations they share are already covered. */
    maxExamples?: number;
  }
  // Each caller gets an engagement of its own (the admin's run cancels its engagement, the
  // partner's approves its deliverable), and a personal API token with every scope it may hold.
  const tokenCallers: { name: string; session: Session; scopes: string[]; maxExamples?: number; until: 'submitted' | 'approved'; openTask?: boolean }[] = [
    { name: 'admin', session: admin!, scopes: ['read', 'write', 'admin'], until: 'approved' },
    // The PM reassigns the open first task of a second engagement between the two lawyers, and
    // may complete it; the lawyer, its assignee, completes it and uploads its file.
    { name: 'pm', session: pm!, scopes: ['read', 'write'], maxExamples: EXTRA_CALLER_EXAMPLES, until: 'approved', openTask: true },
    { name: 'lawyer', session: lawyer!, scopes: ['read', 'write'], maxExamples: EXTRA_CALLER_EXAMPLES, until: 'approved', openTask: true },
    // Its deliverable stays submitted, so an approval or a request for changes can go through.
    { name: 'partner', session: partner!, scopes: ['read', 'write'], maxExamples: EXTRA_CALLER_EXAMPLES, until: 'submitted' },
    // Sees approved deliverables only: its engagement's first one is approved.
    { name: 'client', session: client!, scopes: ['read', 'write'], maxExamples: EXTRA_CALLER_EXAMPLES, until: 'approved' },
  ];
  const callers: Caller[] = await Promise.all(
    tokenCallers.map(async (entry) => {
      const [prepared, open, { secret, token }] = await Promise.all([prepareEngagement(entry.until), entry.openTask ? prepareEngagement('open') : undefined, mintToken(entry.session, entry.scopes)]);
      // Preparing told the team about its tasks: most callers have a notification by now.
      const notificationId = await firstNotification(entry.session);
      const drawn = drawnValues(prepared, [prepared.engagementId, ...(open ? [open.engagementId] : [])]);
      return {
        name: entry.name,
        auth: { bearer: secret },
        operations: operationList,
        unitSettings: merge(fixedIds(prepared, (open ?? prepared).task, notificationId, token.id), drawn, entry.name === 'admin' ? {} : coverageWhereAdminsAreRefused),
        statefulSettings: drawn,
        ...(entry.maxExamples ? { maxExamples: entry.maxExamples } : {}),
      };
    }),
  );
  // An operation taking an id that gets none here meets only 404 outside the stateful phase.
  const unreached = operationList.filter((operation) => pathParamNames(operation.path).length > 0 && callers.every((caller) => !caller.unitSettings[operation.id]?.fixed));
  if (unreached.length > 0) log(`no real id for ${unreached.map((operation) => operation.id).join(', ')} (add one to fixedIds)`);

  // The operations no token may call (a token cannot mint or revoke tokens, sign out or change the
  // password): a browser session (cookie and CSRF token) of an account of its own. Signing out
  // gets a run of its own, with another account: it ends the session it is sent with, and a
  // password change there ends every other session of the account.
  const sessionOnly = operationList.filter((operation) => operation.permission.auth !== 'public' && operation.permission.rules?.includes('session-only'));
  const sessionCaller = (name: string, session: Session, operations: readonly Operation[], unitSettings: Record<string, OperationSettings>, statefulSettings: Record<string, OperationSettings>): Caller => ({
    name,
    auth: { session: session.headers.cookie!.slice(`${SESSION_COOKIE}=`.length) },
    headers: { [CSRF_HEADER]: session.headers[CSRF_HEADER]! },
    operations,
    unitSettings,
    statefulSettings,
    maxExamples: EXTRA_CALLER_EXAMPLES,
  });
  {
    const [session, logoutSession] = await Promise.all([signIn('st-session', accountPassword), signIn('st-logout', accountPassword)]);
    const { token } = await mintToken(session, ['read']);
    const sessionOperations = operationList.filter(
      (operation) =>
        operation !== operations.logout &&
        (sessionOnly.includes(operation) || Object.values(operation.links ?? {}).some((link) => sessionOnly.some((target) => target.id === link.operationId))),
    );
    // Now and then the right current password, so a change can go through.
    const drawn = { changeMyPassword: { drawn: { 'body.currentPassword': { values: [accountPassword], probability: 0.3 } } } };
    callers.push(sessionCaller('session', session, sessionOperations, merge(drawn, { revokeApiToken: { fixed: { 'path.id': token.id } } }), drawn));
    callers.push(sessionCaller('logout', logoutSession, [operations.logout], {}, {}));
  }

  /** One `st run`; its output passes through as it comes and is kept to read the totals. */
  async function runSchemathesis(label: string, configText: string, args: string[]): Promise<{ code: number; stdout: string }> {
    const configFile = join(configDir, `${label.replace(/[^a-z0-9]+/gi, '-')}.toml`);
    await writeFile(configFile, configText, { mode: 0o600 });
    const fullArgs = ['--config-file', configFile, 'run', `${api}/api/openapi.json`, '--checks', CHECKS.join(','), '--workers', '2', '--request-timeout', '30', '--no-color', ...args];
    log(`${label}: st ${fullArgs.join(' ')}`);
    let stdout = '';
    const code = await new Promise<number>((resolve) => {
      const child = spawn(st, fullArgs, { stdio: ['inherit', 'pipe', 'pipe'] });
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
    return { code, stdout };
  }

  // First the generating phases of every caller, on its own engagement with fixed ids; then the
  // stateful phase of every caller, where ids come from the links the document declares (fixed
  // ones would override them), so what one caller's links cancel no longer matters to another.
  const userArgs = process.argv.slice(2).filter((arg) => arg !== '--');
  const results: { label: string; code: number; stdout: string; seconds: number }[] = [];
  /** Whether any link leads from one of these operations to another: otherwise the stateful phase has nothing to play. */
  const linked = (operations: readonly Operation[]) => operations.some((operation) => Object.values(operation.links ?? {}).some((link) => operations.some((target) => target.id === link.operationId)));
  // SCHEMATHESIS_CALLERS=partner,client runs those callers only (to replay a finding locally).
  const onlyCallers = process.env.SCHEMATHESIS_CALLERS?.split(',').map((name) => name.trim()).filter(Boolean);
  for (const phase of ['unit', 'stateful'] as const) {
    for (const caller of callers) {
      if (onlyCallers && !onlyCallers.includes(caller.name)) continue;
      if (phase === 'stateful' && !linked(caller.operations)) continue;
      const label = `${caller.name} ${phase === 'unit' ? 'examples,coverage,fuzzing' : 'stateful'}`;
      const config = schemathesisConfig({
        operations: caller.operations,
        auth: caller.auth,
        ...(caller.headers ? { headers: caller.headers } : {}),
        settings: phase === 'unit' ? caller.unitSettings : caller.statefulSettings,
        // Only the declared links: inferred ones would also lead from lists to account changes.
        inferLinks: false,
      });
      const args = [
        '--phases',
        phase === 'unit' ? 'examples,coverage,fuzzing' : 'stateful',
        // Invalid input is the generating phases' business; the stateful phase plays valid sequences.
        ...(phase === 'stateful' ? ['--mode', 'positive'] : []),
        ...(caller.operations === operationList ? [] : ['--include-operation-id-regex', `^(${caller.operations.map((operation) => operation.id).join('|')})$`]),
        ...(caller.maxExamples ? ['--max-examples', String(caller.maxExamples)] : []),
        ...userArgs,
      ];
      const started = Date.now();
      let { code, stdout } = await runSchemathesis(label, config, args);
      // CPython 3.11's parser can trip over itself while hypothesis describes a lambda in
      // schemathesis' coverage generator (`SystemError: AST constructor recursion depth mismatch`):
      // schemathesis' own crash, not a finding. Such a run is played once more, and if it crashes
      // again, once without the coverage phase (the examples and fuzzing still run); a failed
      // check is never played again.
      if (code !== 0 && isInternalCrashOnly(stdout)) {
        log(`${label}: schemathesis crashed inside its own generator (not a finding); running it once more`);
        ({ code, stdout } = await runSchemathesis(`${label} (again)`, config, args));
      }
      if (code !== 0 && phase === 'unit' && isInternalCrashOnly(stdout)) {
        log(`${label}: schemathesis crashed again in its coverage generator; running examples and fuzzing without it`);
        const withoutCoverage = args.map((arg) => (arg === 'examples,coverage,fuzzing' ? 'examples,fuzzing' : arg));
        ({ code, stdout } = await runSchemathesis(`${label} (without coverage)`, config, withoutCoverage));
      }
      results.push({ label, code, stdout, seconds: Math.round((Date.now() - started) / 1000) });
    }
  }
  function isInternalCrashOnly(stdout: string): boolean {
    return stdout.includes('SystemError: AST constructor recursion depth mismatch') && !stdout.includes('= FAILURES =');
  }
  for (const result of results) {
    const failures = result.code === 0 ? undefined : failureSection(result.stdout);
    if (failures) process.stdout.write(`\n[schemathesis] ${result.label}, its failures again:\n${failures}\n`);
  }
  for (const result of results) log(`${result.label}: ${schemathesisCasesLine(result.stdout).replace('schemathesis cases: ', '')} (exit ${result.code}, ${result.seconds} s)`);
  process.stdout.write(`\n${schemathesisCasesLine(results.map((result) => result.stdout))}\n`);
  exitCode = results.find((result) => result.code !== 0)?.code ?? 0;
} finally {
  await rm(configDir, { recursive: true, force: true });
  await stack.stop();
}
process.exit(exitCode);
