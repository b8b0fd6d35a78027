// Creating an engagement: the workflow starts first and writes the engagement itself, so a
// retried POST (same idempotency key) finds the same engagement and never makes a second.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { createEngagement, engagementBody } from '../testing/fixtures';
import { type TestApi, createTestApi } from '../testing/harness';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath') });
});

afterAll(async () => {
  await api?.close();
});

describe('creating an engagement', () => {
  it('answers a retried request with the same key with the same engagement, and refuses the key for another body', async () => {
    const pm = await api.sessionFor('pm');
    const body = { ...engagementBody(api, { name: '安定门街道创新社区治理法律服务项目' }), idempotencyKey: 'create-andingmen-0001' };
    const create = (payload: object) => api.request(pm, { method: 'POST', url: '/api/engagements', payload });

    // A double submit and a later retry: one engagement, one workflow, one set of tasks.
    const [first, second] = await Promise.all([create(body), create(body)]);
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    const third = await create(body);
    expect(third.statusCode).toBe(201);
    const ids = [first, second, third].map((response) => response.json<{ id: string }>().id);
    expect(new Set(ids).size).toBe(1);
    expect(await api.db.engagement.count({ where: { name: '安定门街道创新社区治理法律服务项目' } })).toBe(1);
    const tasks = await api.db.task.count({ where: { engagementId: ids[0] } });
    expect(tasks).toBeGreaterThan(30);
    expect(await api.db.auditEvent.count({ where: { engagementId: ids[0], action: 'engagement.created' } })).toBe(1);

    // The same key with another body is not a retry.
    const other = await create({ ...body, name: '另一个项目' });
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ error: { code: 'conflict', message: '该幂等键已用于创建另一个项目，请换用新的键' } });
    expect(await api.db.engagement.count({ where: { name: '另一个项目' } })).toBe(0);

    // Another user's identical key is another engagement.
    const admin = await api.sessionFor('admin');
    const theirs = await api.request(admin, { method: 'POST', url: '/api/engagements', payload: body });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json<{ id: string }>().id).not.toBe(ids[0]);
  });

  it('without a key, two requests are two engagements', async () => {
    const pm = await api.sessionFor('pm');
    const body = engagementBody(api, { name: '青年湖街道创新社区治理法律服务项目' });
    const responses = await Promise.all([1, 2].map(() => api.request(pm, { method: 'POST', url: '/api/engagements', payload: body })));
    expect(responses.map((response) => response.statusCode)).toEqual([201, 201]);
    expect(await api.db.engagement.count({ where: { name: '青年湖街道创新社区治理法律服务项目' } })).toBe(2);
  });

  it('refuses communities or departments that repeat a key or name with 422 form_invalid naming each repeat, starting nothing', async () => {
    const pm = await api.sessionFor('pm');
    const body = engagementBody(api, {
      name: '重复社区的项目',
      communities: [{ name: '东湖社区' }, { key: 'west', name: '西湖社区' }, { key: 'west', name: '东湖社区' }],
      departments: [{ name: '司法所' }, { name: '司法所' }],
    });
    const response = await api.request(pm, { method: 'POST', url: '/api/engagements', payload: body, headers: { 'accept-language': 'en' } });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      error: {
        code: 'form_invalid',
        fieldErrors: [
          { field: 'communities.2.key', code: 'rule', message: 'Repeats entry 2' },
          { field: 'communities.2.name', code: 'rule', message: 'Repeats entry 1' },
          { field: 'departments.1.name', code: 'rule', message: 'Repeats entry 1' },
        ],
      },
    });
    expect(await api.db.engagement.count({ where: { name: '重复社区的项目' } })).toBe(0);
  });

  it('reads the audit trail from and until any valid instant, year 0 included (PostgreSQL has none: it was a 500)', async () => {
    const pm = await api.sessionFor('pm');
    // Once its first task is open the trail stops growing, so the counts below compare like with like.
    const { engagement: created } = await createEngagement(api, pm);
    const audit = async (query: string) => {
      const response = await api.request(pm, { method: 'GET', url: `/api/engagements/${created.id}/audit?${query}` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ total: number }>().total;
    };
    const all = await audit('');
    expect(all).toBeGreaterThan(0);
    expect(await audit('since=0000-01-01T00%3A00%3A00Z')).toBe(all);
    expect(await audit('until=0000-06-01T00%3A00%3A00.000Z')).toBe(0);
  });

  it('answers pause, resume and cancel with the state the workflow wrote, and renames through the workflow', async () => {
    const pm = await api.sessionFor('pm');
    const created = (await api.request(pm, { method: 'POST', url: '/api/engagements', payload: engagementBody(api) })).json<{ id: string }>();
    const post = (verb: string, payload: object = {}) => api.request(pm, { method: 'POST', url: `/api/engagements/${created.id}/${verb}`, payload });
    const paused = await post('pause', { reason: '等待居委会换届' });
    expect(paused.json()).toMatchObject({ status: 'paused' });
    expect((await api.db.engagement.findUniqueOrThrow({ where: { id: created.id } })).status).toBe('paused');
    expect((await post('pause')).json()).toMatchObject({ error: { code: 'engagement_not_running' } });

    const renamed = await api.request(pm, { method: 'PATCH', url: `/api/engagements/${created.id}`, payload: { clientName: '北京市东城区安定门街道办事处' } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ clientName: '北京市东城区安定门街道办事处' });
    const renameEvent = await api.db.auditEvent.findFirstOrThrow({ where: { engagementId: created.id, action: 'engagement.updated' } });
    expect([renameEvent.actorId, (renameEvent.after as { clientName: string }).clientName]).toEqual([api.users.pm.id, '北京市东城区安定门街道办事处']);

    expect((await post('resume')).json()).toMatchObject({ status: 'running' });
    const cancelled = await post('cancel', { reason: '委托方终止' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    expect(await api.db.task.count({ where: { engagementId: created.id, status: { notIn: ['done', 'cancelled'] } } })).toBe(0);
    const refused = await post('cancel');
    expect(refused.statusCode).toBe(409);
    const renameAfterEnd = await api.request(pm, { method: 'PATCH', url: `/api/engagements/${created.id}`, payload: { name: '改名' } });
    expect(renameAfterEnd.json()).toMatchObject({ error: { code: 'engagement_not_running' } });
  });
});
