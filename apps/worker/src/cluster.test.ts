// The distributed path as an operator runs it: the Temporal server itself with its state in
// PostgreSQL (whatever the test stack runs), two worker processes and two API processes that share
// nothing but PostgreSQL, Temporal and an S3 bucket (versitygw). An engagement runs to its end while
// one worker and one API instance are killed without warning and restarted: the other API keeps
// serving the same session, the other worker keeps the pipeline moving, and afterwards every task
// is done once and every revision's file comes back out of the bucket through the restarted API.
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, hashPassword } from '@gongzhi/db';
import { findFreePortIn } from '@gongzhi/infra/ports';
import { type S3Server, startS3Server } from '@gongzhi/infra/s3-server';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { ensureTemporalServer, setUpTemporalSchemas, startTemporalServer, type TemporalServer } from '@gongzhi/infra/temporal-server';
import { createStore } from '@gongzhi/storage';
import { makeDocx } from '@gongzhi/testing';
import { workflowsPath } from '@gongzhi/workflows';
import { createTestEngine, driveEngagement, engagementRequest, type TestEngine } from '@gongzhi/workflows/testing';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProcesses, call, signIn as signInAs } from './testing/app-processes';
import { cleanUp } from './testing/clean-up';
import { expectFinishedOnce } from './testing/finished-once';

const PASSWORD = 'cluster-test-password';

let temporal: TemporalServer;
let temporalDatabases: string[] = [];
let s3: S3Server;
let engine: TestEngine;
let sharedEnv: Record<string, string>;
const bundlePath = join(tmpdir(), `gongzhi-cluster-bundle-${process.pid}.js`);
const apps = appProcesses(() => sharedEnv);
const signIn = (apiUrl: string, username: string) => signInAs(apiUrl, username, PASSWORD);

beforeAll(async () => {
  const { databaseServerUrl } = injectTestStack();
  const suffix = randomUUID().replaceAll('-', '').slice(0, 12);
  const postgres = { serverUrl: databaseServerUrl, database: `cluster_temporal_${suffix}`, visibilityDatabase: `cluster_temporal_${suffix}_visibility` };
  temporalDatabases = [postgres.database, postgres.visibilityDatabase];
  const [{ server, sqlTool }, bucket, { code }] = await Promise.all([
    ensureTemporalServer(process.env),
    startS3Server(),
    bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') }),
  ]);
  s3 = bucket;
  await writeFile(bundlePath, code);
  await setUpTemporalSchemas(sqlTool, postgres);
  temporal = await startTemporalServer({ binary: server, postgres });

  engine = await createTestEngine({ databaseServerUrl, temporalAddress: temporal.address });
  const passwordHash = await hashPassword(PASSWORD);
  await engine.db.user.updateMany({ where: { id: { in: [engine.team.pm, engine.team.client] } }, data: { passwordHash } });
  sharedEnv = {
    DATABASE_URL: engine.databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    GONGZHI_TASK_QUEUE: engine.taskQueue,
    GONGZHI_WORKFLOW_BUNDLE: bundlePath,
    GONGZHI_COOKIE_SECURE: 'false',
    GONGZHI_LOG_LEVEL: 'warn',
    GONGZHI_S3_BUCKET: s3.bucket,
    GONGZHI_S3_ENDPOINT: s3.endpoint,
    GONGZHI_S3_REGION: s3.region,
    GONGZHI_S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
    GONGZHI_S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
  };
}, 20 * 60_000);

afterAll(async () => {
  const { databaseServerUrl } = injectTestStack();
  await cleanUp([
    () => apps.killAll(),
    async () => engine?.close(),
    async () => temporal?.stop(),
    () => Promise.all(temporalDatabases.map((database) => dropDatabase(databaseServerUrl, database))),
    async () => s3?.stop(),
    () => rm(bundlePath, { force: true }),
  ]);
}, 120_000);

describe('two workers and two API instances on the Temporal server, PostgreSQL and an S3 bucket', () => {
  it('finish an engagement while one worker and one API instance are killed and restarted, and serve its files from the bucket through either API', async () => {
    const [firstWorker] = await Promise.all([apps.worker(), apps.worker()]);
    // Below the ephemeral range, so that A's port is still free when A comes back.
    const portA = await findFreePortIn(20_000, 32_767);
    let portB = portA;
    while (portB === portA) portB = await findFreePortIn(20_000, 32_767);
    const [apiA, apiB] = await Promise.all([apps.api(portA), apps.api(portB)]);
    for (const api of [apiA, apiB]) {
      const ready = (await (await fetch(`${api.url}/api/ready`)).json()) as { status: string; checks: Record<string, { ok: boolean }> };
      expect(ready).toMatchObject({ status: 'ready', checks: { database: { ok: true }, temporal: { ok: true }, files: { ok: true } } });
    }

    const { engagementId, plan } = await engine.engagements.startEngagement(engagementRequest(engine.team));
    // Signed in at A, the PM pauses through A and resumes through B: one session, both instances,
    // each command carried out by whichever worker takes it.
    const pm = await signIn(apiA.url, 'pm');
    const paused = await call(apiA.url, pm, 'POST', `/api/engagements/${engagementId}/pause`, { reason: '街道办事处要求暂缓，等待区司法局意见' });
    expect(paused.status, await paused.clone().text()).toBe(200);
    expect(((await (await call(apiB.url, pm, 'GET', `/api/engagements/${engagementId}`)).json()) as { status: string }).status).toBe('paused');
    const resumed = await call(apiB.url, pm, 'POST', `/api/engagements/${engagementId}/resume`, { reason: '区司法局已回复，继续推进' });
    expect(resumed.status, await resumed.clone().text()).toBe(200);

    // Every deliverable is a real .docx put into the bucket, as an upload through the API would.
    const store = createStore({
      kind: 's3',
      bucket: s3.bucket,
      endpoint: s3.endpoint,
      region: s3.region,
      forcePathStyle: true,
      credentials: s3.credentials,
    });
    const uploaded = new Map<string, Buffer>();
    const driving = driveEngagement(engine, engagementId, plan, {
      timeoutMs: 360_000,
      fileFor: async (task, revision) => {
        const content = makeDocx(`${task.deliverable?.title.zh ?? task.key}（第${revision}稿）：和平里街道创新社区治理法律服务`);
        const stored = await store.put(content);
        uploaded.set(stored.sha256, content);
        return { ...stored, fileName: `${task.deliverable?.title.zh ?? task.key}-第${revision}稿.docx`, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
      },
    });

    // Well under way, commands in flight: one worker and API instance A die without warning.
    const doneCount = () => engine.db.task.count({ where: { engagementId, status: 'done' } });
    let drivingError: unknown;
    driving.catch((error: unknown) => (drivingError = error));
    for (const deadline = Date.now() + 180_000; (await doneCount()) < 15; ) {
      if (drivingError !== undefined) throw drivingError;
      if (Date.now() > deadline) throw new Error('the engagement did not get under way');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await Promise.all([apps.kill(firstWorker), apps.kill(apiA.child)]);
    const doneAtKill = await doneCount();
    expect(doneAtKill).toBeLessThan(plan.tasks.length);

    // B serves the session A issued while A is down, and the other worker moves the pipeline on.
    const duringOutage = await call(apiB.url, pm, 'GET', `/api/engagements/${engagementId}`);
    expect(duringOutage.status).toBe(200);
    await expect.poll(doneCount, { timeout: 60_000, interval: 100 }).toBeGreaterThan(doneAtKill);
    expect((await fetch(`${apiA.url}/api/health`).catch(() => null))?.ok ?? false).toBe(false);

    await apps.worker();
    const restartedA = await apps.api(portA);
    await driving;

    await expectFinishedOnce(engine, engagementId, plan.tasks.length);

    // Every revision's file comes back out of the bucket, byte for byte, through the restarted A
    // and through B in turn.
    const tasks = await engine.db.task.findMany({ where: { engagementId }, include: { deliverable: { include: { revisions: true } } } });
    const revisions = tasks.flatMap((task) => (task.deliverable ? task.deliverable.revisions.map((revision) => ({ deliverableId: task.deliverable!.id, revision })) : []));
    expect(revisions.length).toBeGreaterThan(5);
    for (const [index, { deliverableId, revision }] of revisions.entries()) {
      const through = index % 2 === 0 ? restartedA.url : apiB.url;
      const response = await call(through, pm, 'GET', `/api/deliverables/${deliverableId}/revisions/${revision.revision}/file`);
      expect(response.status, `${deliverableId} r${revision.revision}`).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(uploaded.get(revision.sha256)!)).toBe(true);
    }
  }, 10 * 60_000);
});
