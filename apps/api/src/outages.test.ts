// Outages give bounded, honest answers: with no worker polling, or the Temporal server itself
// stopped, a completion is answered 503 temporarily_unavailable (with Retry-After) within the
// command deadline — never a hang — and the command is either not taken or carried out later,
// never half-done; a retry with the same idempotency key then answers as the first would have.
// The processes are stopped for real.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ensureTemporalCli, temporalCliOptionsFromEnv } from '@gongzhi/infra/temporal-cli';
import { startTemporalDevServer, type TemporalDevServer } from '@gongzhi/infra/temporal-dev-server';
import { findFreePort } from '@gongzhi/infra/ports';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { waitFor } from '@gongzhi/testing';
import { createEngagement } from './testing/fixtures';
import { type Credentials, DOCX_MIME, type TestApi, createTestApi, docxBytes, multipartBody } from './testing/harness';

const COMMAND_TIMEOUT_MS = 3_000;
const formData = { background: '街道下辖五个社区。', workPlanSummary: '七个阶段。' };
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

async function upload(api: TestApi, credentials: Credentials, deliverableId: string): Promise<{ sha256: string }> {
  const body = multipartBody([{ name: 'file', fileName: '方案.docx', contentType: DOCX_MIME, content: docxBytes('第一稿') }]);
  const response = await api.request(credentials, { method: 'POST', url: `/api/deliverables/${deliverableId}/uploads`, payload: body.payload, headers: body.headers });
  expect(response.statusCode).toBe(201);
  return { sha256: response.json<{ sha256: string }>().sha256 };
}

/** Sends a completion and measures how long the answer took. */
async function timedCompletion(api: TestApi, credentials: Credentials, taskId: string, payload: object) {
  const started = Date.now();
  const response = await api.request(credentials, { method: 'POST', url: `/api/tasks/${taskId}/complete`, payload });
  return { response, elapsedMs: Date.now() - started };
}

describe('outages', () => {
  it('answers 503 within the deadline while no worker polls, and carries the command out once one does', async () => {
    const api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath'), commandTimeoutMs: COMMAND_TIMEOUT_MS });
    cleanups.push(() => api.close());
    const { firstTask } = await createEngagement(api);
    const lawyer = await api.sessionFor('lawyer');
    const file = await upload(api, lawyer, firstTask.deliverable!.id);

    await api.stopWorker();
    const payload = { formData, file, idempotencyKey: 'no-worker-0001' };
    const { response, elapsedMs } = await timedCompletion(api, lawyer, firstTask.id, payload);
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ error: { code: 'temporarily_unavailable' } });
    expect(response.json<{ error: { message: string } }>().error.message).toContain('重试不会重复办理');
    expect(response.headers['retry-after']).toBe('5');
    expect(elapsedMs).toBeLessThan(COMMAND_TIMEOUT_MS + 5_000);
    // Nothing half-done: the task is as it was.
    expect((await api.db.task.findUniqueOrThrow({ where: { id: firstTask.id } })).status).toBe('active');
    expect(await api.db.deliverableRevision.count({ where: { deliverableId: firstTask.deliverable!.id } })).toBe(0);

    // A worker comes back: the command is carried out (once), and the retry gets its answer.
    await api.startWorker();
    const retried = await api.request(lawyer, { method: 'POST', url: `/api/tasks/${firstTask.id}/complete`, payload });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'in_review' });
    expect(await api.db.deliverableRevision.count({ where: { deliverableId: firstTask.deliverable!.id } })).toBe(1);
    expect(await api.db.auditEvent.count({ where: { engagementId: firstTask.engagementId, action: 'deliverable.submitted' } })).toBe(1);
    // And again, much later: still the first answer.
    const again = await api.request(lawyer, { method: 'POST', url: `/api/tasks/${firstTask.id}/complete`, payload });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(retried.json());
  });

  it('answers 503 within the deadline while the Temporal server is down, and works again once it is back', async () => {
    const cliPath = await ensureTemporalCli(temporalCliOptionsFromEnv(process.env));
    const dir = await mkdtemp(join(tmpdir(), 'gongzhi-outage-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const port = await findFreePort();
    const dbFile = join(dir, 'temporal.db');
    let server: TemporalDevServer = await startTemporalDevServer({ cliPath, port, dbFile, headless: true });
    cleanups.push(() => server.stop());
    const api = await createTestApi({ ...injectTestStack(), temporalAddress: server.address, workflowBundlePath: inject('workflowBundlePath'), commandTimeoutMs: COMMAND_TIMEOUT_MS });
    cleanups.push(() => api.close());
    const { firstTask } = await createEngagement(api);
    const lawyer = await api.sessionFor('lawyer');
    const file = await upload(api, lawyer, firstTask.deliverable!.id);

    await api.stopWorker();
    await server.stop();
    const payload = { formData, file, idempotencyKey: 'temporal-down-0001' };
    const { response, elapsedMs } = await timedCompletion(api, lawyer, firstTask.id, payload);
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ error: { code: 'temporarily_unavailable' } });
    expect(response.headers['retry-after']).toBe('5');
    expect(elapsedMs).toBeLessThan(COMMAND_TIMEOUT_MS + 5_000);
    // Readiness says which dependency is missing, in the caller's language.
    const ready = await api.app.inject({ method: 'GET', url: '/api/ready', headers: { 'accept-language': 'en' } });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ error: { code: 'not_ready', message: 'Service unavailable: cannot reach Temporal' } });
    expect((await api.db.task.findUniqueOrThrow({ where: { id: firstTask.id } })).status).toBe('active');

    // The server comes back with its state; a worker polls again; the same request goes through.
    server = await startTemporalDevServer({ cliPath, port, dbFile, headless: true });
    await api.startWorker();
    const retried = await waitFor(
      () => api.request(lawyer, { method: 'POST', url: `/api/tasks/${firstTask.id}/complete`, payload }),
      (answer) => answer.statusCode !== 503,
      60_000,
    );
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'in_review' });
    expect(await api.db.deliverableRevision.count({ where: { deliverableId: firstTask.deliverable!.id } })).toBe(1);
  });
});
