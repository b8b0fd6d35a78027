import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CSRF_HEADER, type EngagementEvent, readEngagementEvents } from '@gongzhi/contracts';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { SESSION_COOKIE } from '../lib/sessions';
import { createEngagement } from '../testing/fixtures';
import { type Credentials, DOCX_MIME, type TestApi, createTestApi, docxBytes, multipartBody } from '../testing/harness';

let api: TestApi;
let baseUrl: string;

beforeAll(async () => {
  api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath') });
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await api?.close();
});

const cookieOf = (credentials: Credentials): Record<string, string> => (credentials.kind === 'session' ? { cookie: `${SESSION_COOKIE}=${credentials.cookie}` } : {});

/** Opens an engagement's event stream over a real socket and collects its events. */
async function openStream(engagementId: string, credentials: Credentials, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/engagements/${engagementId}/events`, { headers: { ...cookieOf(credentials), ...headers }, signal: controller.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events: { id: string | null; event: EngagementEvent }[] = [];
  const reading = (async () => {
    try {
      for await (const message of readEngagementEvents(response)) events.push(message);
    } catch {
      // Aborted, or the server closed the stream.
    }
  })();
  return {
    events,
    async waitFor(isWanted: (event: EngagementEvent) => boolean, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find((message) => isWanted(message.event));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching event; got ${JSON.stringify(events.map((message) => message.event.type))}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async close() {
      controller.abort();
      await reading;
    },
    reading,
  };
}

async function upload(credentials: Credentials, deliverableId: string, content: string): Promise<string> {
  const body = multipartBody([{ name: 'file', fileName: '方案.docx', contentType: DOCX_MIME, content: docxBytes(content) }]);
  const response = await api.request(credentials, { method: 'POST', url: `/api/deliverables/${deliverableId}/uploads`, payload: body.payload, headers: body.headers });
  expect(response.statusCode).toBe(201);
  return response.json<{ sha256: string }>().sha256;
}

describe('the engagement event stream', () => {
  it('delivers an event after each change, from the API and from the workflow, and only what the caller may see', async () => {
    const { engagement, firstTask } = await createEngagement(api);
    const lawyer = await api.sessionFor('lawyer');
    const lawyerStream = await openStream(engagement.id, lawyer);
    const clientStream = await openStream(engagement.id, await api.sessionFor('client'));
    const deliverableId = firstTask.deliverable!.id;

    // The API's own change: an uploaded draft.
    const sha256 = await upload(lawyer, deliverableId, '第一稿');
    const draft = await lawyerStream.waitFor((event) => event.type === 'deliverable.updated');
    expect(draft.event).toMatchObject({ engagementId: engagement.id, type: 'deliverable.updated', data: { deliverableId, status: 'draft', revision: null } });
    expect(Number(draft.id)).toBeGreaterThan(0);

    // The workflow's change: the completion, written by its activity and announced through PostgreSQL.
    const completed = await api.request(lawyer, { method: 'POST', url: `/api/tasks/${firstTask.id}/complete`, payload: { formData: { background: '背景', workPlanSummary: '计划' }, file: { sha256 } } });
    expect(completed.statusCode).toBe(200);
    const taskEvent = await lawyerStream.waitFor((event) => event.type === 'task.updated' && event.data.status === 'in_review');
    expect(taskEvent.event.data).toEqual({ taskId: firstTask.id, status: 'in_review', assigneeId: api.users.lawyer.id });
    const ids = lawyerStream.events.map((message) => Number(message.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));

    // The partner's review request reaches the partner's stream as a notification.
    const partnerStream = await openStream(engagement.id, await api.sessionFor('partner'));
    await api.request(await api.sessionFor('partner'), { method: 'POST', url: `/api/deliverables/${deliverableId}/reviews`, payload: { revision: 1, sha256, decision: 'approve' } });
    await partnerStream.waitFor((event) => event.type === 'deliverable.updated' && event.data.status === 'approved');
    await lawyerStream.waitFor((event) => event.type === 'notification');

    // The client saw task changes but no draft or submitted deliverable; the approval, yes.
    await clientStream.waitFor((event) => event.type === 'deliverable.updated' && event.data.status === 'approved');
    expect(clientStream.events.filter((message) => message.event.type === 'deliverable.updated').map((message) => (message.event as { data: { status: string } }).data.status)).toEqual(['approved']);
    await Promise.all([lawyerStream.close(), clientStream.close(), partnerStream.close()]);
  });

  it('opens with the engagement’s status (so a resuming client refetches), and is refused to outsiders', async () => {
    const { engagement } = await createEngagement(api);
    const resumed = await openStream(engagement.id, await api.sessionFor('pm'), { 'last-event-id': '12345' });
    await resumed.waitFor((event) => event.type === 'engagement.updated' && event.data.status === 'running');
    expect(resumed.events[0]!.event).toMatchObject({ type: 'engagement.updated', engagementId: engagement.id });
    await resumed.close();
    const outsider = await api.sessionFor('outsiderLawyer');
    const refused = await fetch(`${baseUrl}/api/engagements/${engagement.id}/events`, { headers: cookieOf(outsider) });
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('follows a pause with an engagement event and ends open streams when the server closes', async () => {
    const separate = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath') });
    await separate.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(separate.app.server.address() as AddressInfo).port}`;
    const pm = await separate.sessionFor('pm');
    const { engagement } = await createEngagement(separate, pm);
    const response = await fetch(`${url}/api/engagements/${engagement.id}/events`, { headers: cookieOf(pm) });
    const events: EngagementEvent[] = [];
    const reading = (async () => {
      for await (const message of readEngagementEvents(response)) events.push(message.event);
    })();
    const paused = await separate.request(pm, { method: 'POST', url: `/api/engagements/${engagement.id}/pause`, payload: {}, headers: pm.kind === 'session' ? { [CSRF_HEADER]: pm.csrfToken } : {} });
    expect(paused.statusCode).toBe(200);
    const deadline = Date.now() + 10_000;
    while (!events.some((event) => event.type === 'engagement.updated' && event.data.status === 'paused') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(events.some((event) => event.type === 'engagement.updated' && event.data.status === 'paused')).toBe(true);
    // Closing the app ends the stream (the reader finishes) instead of hanging on it.
    await separate.close();
    await reading;
  });
});
