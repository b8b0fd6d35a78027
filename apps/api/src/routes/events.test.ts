import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CSRF_HEADER, type EngagementEvent, readEngagementEvents } from '@gongzhi/contracts';
import { DEMO_PASSWORD } from '@gongzhi/db';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { sha256Hex } from '../lib/secrets';
import { SESSION_COOKIE } from '../lib/sessions';
import { createEngagement } from '../testing/fixtures';
import { type Credentials, DOCX_MIME, type TestApi, createTestApi, docxBytes, multipartBody } from '../testing/harness';

let api: TestApi;
let baseUrl: string;

beforeAll(async () => {
  // Re-checked often, so a change made behind this process's back shows within the test's patience.
  api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath'), eventStreams: { revalidateEveryMs: 250 } });
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await api?.close();
});

const cookieOf = (credentials: Credentials): Record<string, string> =>
  credentials.kind === 'session' ? { cookie: `${SESSION_COOKIE}=${credentials.cookie}` } : credentials.kind === 'token' ? { authorization: `Bearer ${credentials.token}` } : {};

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
    /** Resolves true once the server has ended the stream, false if it is still open after `timeoutMs`. */
    async hasEnded(timeoutMs = 5_000): Promise<boolean> {
      let timer: NodeJS.Timeout | undefined;
      const ended = await Promise.race([reading.then(() => true), new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)))]);
      clearTimeout(timer);
      return ended;
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

    // A community's profile saved by the field-research workflow: the team hears of it, the client does not.
    const community = await api.db.community.findFirstOrThrow({ where: { engagementId: engagement.id }, orderBy: { key: 'asc' } });
    const saved = await api.request(lawyer, {
      method: 'PUT',
      url: `/api/engagements/${engagement.id}/community-profiles/${community.key}`,
      payload: { partyOrganization: `中共${community.name}委员会`, households: 1860, residents: 4420, mediation: { venue: '社区居委会调解室' }, expectedVersion: 0 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const profileEvent = await partnerStream.waitFor((event) => event.type === 'profile.updated');
    expect(profileEvent.event.data).toEqual({ community: community.key, version: 1 });
    await lawyerStream.waitFor((event) => event.type === 'profile.updated');
    expect(clientStream.events.some((message) => message.event.type === 'profile.updated')).toBe(false);
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

describe('the lifetime of a stream', () => {
  let engagementId: string;
  beforeAll(async () => {
    engagementId = (await createEngagement(api)).engagement.id;
  });

  it('ends when its session signs out, and only that session’s stream', async () => {
    const session = await api.sessionFor('pm');
    const other = await api.sessionFor('pm');
    const stream = await openStream(engagementId, session);
    const kept = await openStream(engagementId, other);
    await stream.waitFor((event) => event.type === 'engagement.updated');
    expect((await api.request(session, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    expect(await stream.hasEnded()).toBe(true);
    expect(await kept.hasEnded(500)).toBe(false);
    await kept.close();
  });

  it('ends when the user is disabled', async () => {
    const stream = await openStream(engagementId, await api.sessionFor('lawyer2'));
    const disabled = await api.request(await api.sessionFor('admin'), { method: 'PATCH', url: `/api/users/${api.users.lawyer2.id}`, payload: { isDisabled: true } });
    expect(disabled.statusCode).toBe(200);
    expect(await stream.hasEnded()).toBe(true);
    await api.request(await api.sessionFor('admin'), { method: 'PATCH', url: `/api/users/${api.users.lawyer2.id}`, payload: { isDisabled: false } });
  });

  it('ends the streams of other sessions and of every token on a password change, and of all on a reset', async () => {
    const here = await api.sessionFor('client');
    const mine = await openStream(engagementId, here);
    const otherSession = await openStream(engagementId, await api.sessionFor('client'));
    const token = await openStream(engagementId, await api.tokenFor('client'));
    const changed = await api.request(here, { method: 'POST', url: '/api/me/password', payload: { currentPassword: DEMO_PASSWORD, newPassword: 'client-new-passphrase' } });
    expect(changed.statusCode).toBe(200);
    expect(await otherSession.hasEnded()).toBe(true);
    expect(await token.hasEnded()).toBe(true);
    expect(await mine.hasEnded(500)).toBe(false);
    const reset = await api.request(await api.sessionFor('admin'), { method: 'POST', url: `/api/users/${api.users.client.id}/reset-password`, payload: { newPassword: DEMO_PASSWORD.repeat(2) } });
    expect(reset.statusCode).toBe(200);
    expect(await mine.hasEnded()).toBe(true);
  });

  it('ends when its token is revoked', async () => {
    const session = await api.sessionFor('partner');
    const created = await api.request(session, { method: 'POST', url: '/api/me/tokens', payload: { name: '看板' } });
    const { token, secret } = created.json<{ token: { id: string }; secret: string }>();
    const stream = await openStream(engagementId, { kind: 'token', token: secret });
    expect((await api.request(session, { method: 'DELETE', url: `/api/me/tokens/${token.id}` })).statusCode).toBe(200);
    expect(await stream.hasEnded()).toBe(true);
  });

  it('ends within seconds when another API process revokes the session or removes the user from the team', async () => {
    // Written straight to the database: no close() in this process, only the periodic check sees it.
    const session = await api.sessionFor('lawyer');
    const revokedElsewhere = await openStream(engagementId, session);
    const removed = await openStream(engagementId, await api.sessionFor('lawyer'));
    const untouched = await openStream(engagementId, await api.sessionFor('pm'));
    await api.db.session.updateMany({ where: { id: sha256Hex(session.kind === 'session' ? session.cookie : '') }, data: { revokedAt: new Date() } });
    expect(await revokedElsewhere.hasEnded()).toBe(true);
    expect(await removed.hasEnded(1_000)).toBe(false);
    const member = await api.db.engagementMember.delete({ where: { engagementId_userId: { engagementId, userId: api.users.lawyer.id } } });
    expect(await removed.hasEnded()).toBe(true);
    // Now an outsider: a new stream is refused as any outsider's is.
    const refused = await fetch(`${baseUrl}/api/engagements/${engagementId}/events`, { headers: cookieOf(await api.sessionFor('lawyer')) });
    expect(refused.status).toBe(404);
    await api.db.engagementMember.create({ data: member });
    expect(await untouched.hasEnded(500)).toBe(false);
    await untouched.close();
  });

  it('caps the streams one user holds open at once', async () => {
    const open = await Promise.all(Array.from({ length: 5 }, async () => openStream(engagementId, await api.sessionFor('partner'))));
    const refused = await fetch(`${baseUrl}/api/engagements/${engagementId}/events`, { headers: cookieOf(await api.sessionFor('partner')) });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited', message: '同时打开的实时更新连接过多（每人最多 5 个），请关闭其他页面或标签页后再试' } });
    // Another user is not affected; closing one frees a place.
    const pm = await openStream(engagementId, await api.sessionFor('pm'));
    await open[0]!.close();
    const deadline = Date.now() + 5_000;
    let again = await fetch(`${baseUrl}/api/engagements/${engagementId}/events`, { headers: cookieOf(await api.sessionFor('partner')) });
    while (again.status === 429 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      again = await fetch(`${baseUrl}/api/engagements/${engagementId}/events`, { headers: cookieOf(await api.sessionFor('partner')) });
    }
    expect(again.status).toBe(200);
    await again.body?.cancel();
    await Promise.all([...open.slice(1).map((stream) => stream.close()), pm.close()]);
  });
});
