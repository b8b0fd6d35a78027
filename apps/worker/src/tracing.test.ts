// Tracing as an operator turns it on: OTEL_EXPORTER_OTLP_ENDPOINT set for the API and the worker
// (real processes; the worker on the workflow bundle the build script makes), a collector's OTLP
// endpoint receiving. One task completion through the API is one trace, continuing the caller's
// `traceparent`: the request's server span → the Temporal update the API sends → the workflow's
// update handler in the worker → the activity that records the completion → its PostgreSQL
// queries, each span a descendant of the one before.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword } from '@gongzhi/db';
import { findFreePortIn } from '@gongzhi/infra/ports';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { ancestorsOf, type OtlpReceiver, startOtlpReceiver, waitFor } from '@gongzhi/testing';
import { sampleFormData } from '@gongzhi/workflows/demo';
import { createTestEngine, driveEngagement, engagementRequest, type TestEngine } from '@gongzhi/workflows/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProcesses, call, signIn } from './testing/app-processes';
import { cleanUp } from './testing/clean-up';
import { tracedBundlePath } from './workflow-bundles';

const PASSWORD = 'tracing-test-password';
const bundlePath = join(tmpdir(), `gongzhi-traced-bundle-${process.pid}.js`);
let engine: TestEngine;
let receiver: OtlpReceiver;
let sharedEnv: Record<string, string>;
const apps = appProcesses(() => sharedEnv);

beforeAll(async () => {
  engine = await createTestEngine(injectTestStack());
  receiver = await startOtlpReceiver();
  // The production bundles, made by the build script the image and `pnpm start --production` run:
  // the worker is given the plain one and, tracing on, loads its traced sibling.
  const build = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./build-workflow-bundle.ts', import.meta.url)), bundlePath],
    { stdio: 'inherit' },
  );
  const [code] = (await once(build, 'exit')) as [number | null];
  expect(code).toBe(0);
  sharedEnv = {
    DATABASE_URL: engine.databaseUrl,
    TEMPORAL_ADDRESS: injectTestStack().temporalAddress,
    GONGZHI_TASK_QUEUE: engine.taskQueue,
    GONGZHI_WORKFLOW_BUNDLE: bundlePath,
    GONGZHI_COOKIE_SECURE: 'false',
    GONGZHI_LOG_LEVEL: 'warn',
    GONGZHI_FILES_DIR: join(tmpdir(), `gongzhi-traced-files-${process.pid}`),
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    // Batches go out every 200 ms instead of every 5 s.
    OTEL_BSP_SCHEDULE_DELAY: '200',
  };
}, 10 * 60_000);

afterAll(async () => {
  await cleanUp([
    () => apps.killAll(),
    async () => engine?.close(),
    async () => receiver?.close(),
    () => rm(bundlePath, { force: true }),
    () => rm(tracedBundlePath(bundlePath), { force: true }),
    () => rm(sharedEnv?.GONGZHI_FILES_DIR ?? '', { recursive: true, force: true }),
  ]);
}, 120_000);

describe('tracing with OTEL_EXPORTER_OTLP_ENDPOINT set', () => {
  it('links one task completion from the API request through Temporal and the activity to its SQL', async () => {
    await apps.worker();
    const api = await apps.api(await findFreePortIn(20_000, 32_767));

    // The engagement's first steps are played directly, up to the first task that is a form alone.
    const { engagementId, plan } = await engine.engagements.startEngagement(engagementRequest(engine.team));
    const formTasks = plan.tasks.filter((planned) => !planned.deliverable).map((planned) => planned.key);
    const openFormTask = () =>
      engine.db.task.findFirst({
        where: { engagementId, status: 'active', key: { in: formTasks } },
        include: { assignee: true },
      });
    await driveEngagement(engine, engagementId, plan, {
      spare: formTasks,
      stopWhen: async () => (await openFormTask()) !== null,
    });
    const task = await openFormTask();
    await engine.db.user.update({
      where: { id: task!.assigneeId },
      data: { passwordHash: await hashPassword(PASSWORD) },
    });
    const session = await signIn(api.url, task!.assignee.username, PASSWORD);

    // The caller (a gateway, a browser's instrumentation) started the trace.
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const completed = await call(
      api.url,
      session,
      'POST',
      `/api/tasks/${task!.id}/complete`,
      { formData: sampleFormData(plan.tasks.find((planned) => planned.key === task!.key)!) },
      { traceparent: `00-${traceId}-${callerSpanId}-01` },
    );
    expect(completed.status, await completed.clone().text()).toBe(200);

    const inTrace = () => receiver.spans().filter((span) => span.traceId === traceId);
    const trace = await waitFor(
      async () => inTrace(),
      // Two processes export on their own timers, the request's span last of all (it ends after the answer).
      (spans) =>
        [
          'POST /api/tasks/:id/complete',
          'StartWorkflowUpdate:completeTask',
          'HandleUpdate:completeTask',
          'RunActivity:recordTaskCompletion',
          'prisma:client:commit_transaction',
        ].every((name) => spans.some((span) => span.name === name)),
      30_000,
    );
    const one = (service: string, name: string) => {
      const found = trace.filter((span) => span.service === service && span.name === name);
      expect(
        found.map((span) => `${span.service} ${span.name}`),
        `in ${JSON.stringify(trace.map((span) => `${span.service} ${span.name}`))}`,
      ).toEqual([`${service} ${name}`]);
      return found[0]!;
    };

    const request = one('gongzhi-api', 'POST /api/tasks/:id/complete');
    expect(request).toMatchObject({
      parentSpanId: callerSpanId,
      kind: 2,
      status: 0,
      attributes: {
        'http.route': '/api/tasks/:id/complete',
        'url.path': `/api/tasks/${task!.id}/complete`,
        'http.response.status_code': 200,
      },
    });
    const update = one('gongzhi-api', 'StartWorkflowUpdate:completeTask');
    const handler = one('gongzhi-worker', 'HandleUpdate:completeTask');
    const activity = one('gongzhi-worker', 'RunActivity:recordTaskCompletion');
    expect(ancestorsOf(update, trace)).toContain(request);
    expect(ancestorsOf(handler, trace)).toContain(update);
    expect(ancestorsOf(activity, trace)).toContain(handler);
    // The activity's writes: a transaction and its statements, under the activity, committed.
    const queries = trace.filter(
      (span) =>
        span.service === 'gongzhi-worker' &&
        span.name.startsWith('prisma:client:db_query') &&
        ancestorsOf(span, trace).includes(activity),
    );
    expect(queries.map((span) => span.attributes['db.query.text'])).toContain('COMMIT');
    // The statement that marks the task done, as text with placeholders: no value reaches a span.
    expect(queries.map((span) => span.attributes)).toContainEqual({
      'db.system.name': 'postgresql',
      'db.query.text': expect.stringMatching(
        /^UPDATE "public"\."task" SET "status" = CAST\(\$1::text AS "public"\."task_status"\), "form_data" = \$2/,
      ),
    });
    // The API's own queries (the session it checked) are in the request's span too.
    expect(
      trace.some(
        (span) =>
          span.service === 'gongzhi-api' &&
          span.name.startsWith('prisma:') &&
          ancestorsOf(span, trace).includes(request),
      ),
    ).toBe(true);

    // The task is done, exactly as without tracing.
    expect((await engine.db.task.findUniqueOrThrow({ where: { id: task!.id } })).status).toBe('done');

    // A refusal is traced as an answer, not as a failure of the server.
    const refusedTrace = randomBytes(16).toString('hex');
    const missing = await call(api.url, session, 'GET', '/api/tasks/00000000-0000-4000-8000-000000000000', undefined, {
      traceparent: `00-${refusedTrace}-${callerSpanId}-01`,
    });
    expect(missing.status).toBe(404);
    const [refused] = await waitFor(
      async () =>
        receiver.spans().filter((span) => span.traceId === refusedTrace && span.name === 'GET /api/tasks/:id'),
      (spans) => spans.length === 1,
      10_000,
    );
    expect(refused).toMatchObject({ status: 0, attributes: { 'http.response.status_code': 404 } });

    // Probes are not traced, nor are their queries (or the worker's start-up import) traces of their own.
    expect((await fetch(`${api.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${api.url}/api/ready`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(receiver.spans().filter((span) => /\/api\/(health|ready)/.test(span.name))).toEqual([]);
    expect(
      receiver
        .spans()
        .filter((span) => span.parentSpanId === '' && span.name.startsWith('prisma:'))
        .map((span) => `${span.service} ${span.name}`),
    ).toEqual([]);
  });
});
