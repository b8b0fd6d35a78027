// The portfolio list summarises engagements from task aggregates, the engagement page from its
// full task list: both must tell the same story, overdue work included.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { createEngagement } from '../testing/fixtures';
import { type TestApi, createTestApi } from '../testing/harness';

let api: TestApi;

beforeAll(async () => {
  // Three months into the engagements: early tasks are overdue.
  api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath'), now: () => new Date('2030-06-03T04:00:00Z') });
});

afterAll(async () => {
  await api?.close();
});

describe('engagement summaries', () => {
  it('agree between the portfolio list and the engagement page', async () => {
    const { engagement } = await createEngagement(api);
    await createEngagement(api);
    const pm = await api.sessionFor('pm');
    const detail = (await api.request(pm, { method: 'GET', url: `/api/engagements/${engagement.id}` })).json<Record<string, unknown> & { overdueTaskCount: number; stages: Record<string, unknown>[] }>();
    const list = (await api.request(pm, { method: 'GET', url: '/api/engagements?sort=nextDeadline' })).json<{ items: (Record<string, unknown> & { id: string })[] }>();
    const listed = list.items.find((item) => item.id === engagement.id)!;
    expect(detail.overdueTaskCount).toBeGreaterThan(0);
    for (const field of ['status', 'progress', 'overdueTaskCount', 'nextDeadline', 'myRole', 'plannedEndDate', 'startDate', 'updatedAt']) expect(listed[field], field).toEqual(detail[field]);
    expect(listed.stages).toEqual(detail.stages.map(({ key, title, status, progress, plannedStart, plannedEnd, isStalled }) => ({ key, title, status, progress, plannedStart, plannedEnd, isStalled })));
    expect((await api.request(pm, { method: 'GET', url: `/api/tasks?engagementId=${engagement.id}&overdue=true&pageSize=1` })).json<{ total: number }>().total).toBe(detail.overdueTaskCount);
  });
});
