import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { createEngagement, FIRST_TASK_KEY } from '../testing/fixtures';
import { DOCX_MIME, type Credentials, type TestApi, createTestApi, docxBytes, multipartBody, waitFor } from '../testing/harness';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath') });
});

afterAll(async () => {
  await api?.close();
});

const formData = { background: '街道下辖五个社区。', workPlanSummary: '七个阶段。' };

/** Uploads a draft and answers what a completion names: its SHA-256. */
async function uploadDraft(credentials: Credentials, deliverableId: string): Promise<{ sha256: string }> {
  const body = multipartBody([{ name: 'file', fileName: '方案.docx', contentType: DOCX_MIME, content: docxBytes('第一稿') }]);
  const response = await api.request(credentials, { method: 'POST', url: `/api/deliverables/${deliverableId}/uploads`, payload: body.payload, headers: body.headers });
  expect(response.statusCode).toBe(201);
  return { sha256: response.json<{ sha256: string }>().sha256 };
}

/** Everything a completion writes, counted: a second effect would show here. */
async function effectsOf(engagementId: string, taskId: string, deliverableId: string) {
  return {
    task: (await api.db.task.findUniqueOrThrow({ where: { id: taskId }, select: { status: true } })).status,
    revisions: await api.db.deliverableRevision.count({ where: { deliverableId } }),
    submissions: await api.db.auditEvent.count({ where: { engagementId, action: 'deliverable.submitted' } }),
    reviewRequests: await api.db.notification.count({ where: { engagementId, kind: 'review_requested' } }),
  };
}

describe('completing a task', () => {
  it('lets exactly one of two simultaneous completions through (assignee and PM at the same instant)', async () => {
    const { engagement, firstTask } = await createEngagement(api);
    const lawyer = await api.sessionFor('lawyer');
    const pm = await api.sessionFor('pm');
    const file = await uploadDraft(lawyer, firstTask.deliverable!.id);
    const complete = (credentials: Credentials) => api.request(credentials, { method: 'POST', url: `/api/tasks/${firstTask.id}/complete`, payload: { formData, file } });
    const responses = await Promise.all([complete(lawyer), complete(pm)]);
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([200, 409]);
    const loser = responses.find((response) => response.statusCode === 409)!.json<{ error: { code: string } }>();
    expect(loser.error.code).toBe('task_already_completed');
    const winner = responses.find((response) => response.statusCode === 200)!.json<{ status: string }>();
    expect(winner.status).toBe('in_review');
    expect(await effectsOf(engagement.id, firstTask.id, firstTask.deliverable!.id)).toEqual({ task: 'in_review', revisions: 1, submissions: 1, reviewRequests: 1 });
  });

  it('answers a double click once, and a retried request with the same idempotency key with the first answer', async () => {
    const { engagement, firstTask } = await createEngagement(api);
    const lawyer = await api.sessionFor('lawyer');
    const file = await uploadDraft(lawyer, firstTask.deliverable!.id);
    const complete = (payload: object) => api.request(lawyer, { method: 'POST', url: `/api/tasks/${firstTask.id}/complete`, payload });
    const keyed = { formData, file, idempotencyKey: 'click-0001' };
    const [first, retry] = await Promise.all([complete(keyed), complete(keyed)]);
    expect([first.statusCode, retry.statusCode]).toEqual([200, 200]);
    expect(retry.json()).toEqual(first.json());
    // Without the key, the second click is a second command, refused.
    const again = await complete({ formData, file });
    expect(again.statusCode).toBe(409);
    expect(await effectsOf(engagement.id, firstTask.id, firstTask.deliverable!.id)).toEqual({ task: 'in_review', revisions: 1, submissions: 1, reviewRequests: 1 });
  });

  it('is refused to someone other than the assignee or the PM, with nothing written', async () => {
    const { engagement, firstTask } = await createEngagement(api);
    const file = await uploadDraft(await api.sessionFor('lawyer'), firstTask.deliverable!.id);
    const response = await api.request(await api.sessionFor('lawyer2'), { method: 'POST', url: `/api/tasks/${firstTask.id}/complete`, payload: { formData, file } });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'not_assignee' } });
    expect(await effectsOf(engagement.id, firstTask.id, firstTask.deliverable!.id)).toEqual({ task: 'active', revisions: 0, submissions: 0, reviewRequests: 0 });
  });

  it('shows a client no draft content through the task, and offers reassignment only to the task’s role', async () => {
    const { firstTask } = await createEngagement(api);
    const lawyer = await api.sessionFor('lawyer');
    const client = await api.sessionFor('client');
    const file = await uploadDraft(lawyer, firstTask.deliverable!.id);
    expect((await api.request(lawyer, { method: 'POST', url: `/api/tasks/${firstTask.id}/complete`, payload: { formData, file } })).statusCode).toBe(200);
    // Submitted for review: the team sees the form, the client neither the form nor the deliverable.
    const asLawyer = (await api.request(lawyer, { method: 'GET', url: `/api/tasks/${firstTask.id}` })).json<{ formData: unknown; deliverable: unknown }>();
    expect(asLawyer.formData).toEqual(formData);
    const asClient = await api.request(client, { method: 'GET', url: `/api/tasks/${firstTask.id}` });
    expect(asClient.statusCode).toBe(200);
    expect(asClient.json()).toMatchObject({ formData: null, deliverable: null, assignableTo: [], can: { complete: false, assign: false } });
    // Once the partner approves, the work is released to the client.
    const partner = await api.sessionFor('partner');
    expect((await api.request(partner, { method: 'POST', url: `/api/deliverables/${firstTask.deliverable!.id}/reviews`, payload: { revision: 1, sha256: file.sha256, decision: 'approve' } })).statusCode).toBe(201);
    const released = (await api.request(client, { method: 'GET', url: `/api/tasks/${firstTask.id}` })).json<{ formData: unknown; deliverable: { status: string } }>();
    expect(released.formData).toEqual(formData);
    expect(released.deliverable.status).toBe('approved');
  });

  it('tells the PM what the workflow will accept: lawyers’ work yes, the partner’s or a client’s decision no', async () => {
    const { firstTask } = await createEngagement(api);
    const pm = await api.sessionFor('pm');
    const detail = (await api.request(pm, { method: 'GET', url: `/api/tasks/${firstTask.id}` })).json<{ can: object; assignableTo: { id: string }[] }>();
    expect(detail.can).toEqual({ complete: true, completeAsStandIn: false, assign: true });
    // A lawyer's task goes to another lawyer or the PM, never to the partner or the client.
    expect(detail.assignableTo.map((person) => person.id).sort()).toEqual([api.users.lawyer2.id, api.users.pm.id].sort());
    const toClient = await api.request(pm, { method: 'POST', url: `/api/tasks/${firstTask.id}/assign`, payload: { assigneeId: api.users.client.id } });
    expect(toClient.json()).toMatchObject({ error: { code: 'invalid_assignee' } });
  });

  it('lists my tasks with filters, sorting and paging, and reassigns through the workflow', async () => {
    const { engagement, firstTask } = await createEngagement(api);
    const pm = await api.sessionFor('pm');
    const list = async (query: string) => (await api.request(pm, { method: 'GET', url: `/api/tasks?engagementId=${engagement.id}&${query}` })).json<{ items: { id: string; key: string; dueDate: string; status: string }[]; total: number; page: number; pageSize: number }>();
    const all = await list('pageSize=100');
    expect(all.total).toBeGreaterThan(30);
    const dueDates = all.items.map((task) => task.dueDate);
    expect(dueDates).toEqual([...dueDates].sort());
    const second = await list('pageSize=5&page=2&sort=-dueDate');
    expect(second).toMatchObject({ page: 2, pageSize: 5 });
    expect(second.items).toHaveLength(5);
    expect((await list('status=active')).items.map((task) => task.key)).toEqual([FIRST_TASK_KEY]);
    expect((await list('status=active&status=pending&dueBefore=2030-03-11')).items.every((task) => task.dueDate <= '2030-03-11')).toBe(true);
    expect((await list('overdue=true')).total).toBe(0);
    expect((await list('communityKey=heping&stageKey=research')).items.every((task) => task.key.endsWith('~heping'))).toBe(true);

    const reassigned = await api.request(pm, { method: 'POST', url: `/api/tasks/${firstTask.id}/assign`, payload: { assigneeId: api.users.lawyer2.id } });
    expect(reassigned.statusCode).toBe(200);
    expect(reassigned.json()).toMatchObject({ assignee: { id: api.users.lawyer2.id } });
    const lawyer2Tasks = await api.request(await api.sessionFor('lawyer2'), { method: 'GET', url: `/api/tasks?assignee=me&engagementId=${engagement.id}` });
    expect(lawyer2Tasks.json<{ items: { id: string }[] }>().items.map((task) => task.id)).toContain(firstTask.id);
    await waitFor(
      () => api.db.notification.count({ where: { userId: api.users.lawyer2.id, kind: 'reassigned', engagementId: engagement.id } }),
      (count) => count === 1,
    );
  });
});
