// 德治典型 over HTTP: the PM records a household a community recognised (once, however often the
// request is retried), bad input is a 422 in the caller's language that writes nothing, the client's
// contact reads but does not record, and a withdrawn record stays listed, marked.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addCalendarDays, civilDateAt } from '@gongzhi/domain';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { createEngagement } from '../testing/fixtures';
import { type TestApi, createTestApi } from '../testing/harness';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath') });
});

afterAll(async () => {
  await api?.close();
});

type Household = { id: string; community: { key: string; name: string }; household: string; case: { id: string; title: string } | null; recordedBy: { id: string }; withdrawn: { reason: string; by: { id: string } | null } | null };
const today = () => civilDateAt(new Date());

describe('model households (德治典型)', () => {
  it('are recorded once by the firm’s team, refused with field errors when they do not fit, read by the contact and withdrawn with a reason', { timeout: 120_000 }, async () => {
    const { engagement } = await createEngagement(api);
    const [pm, lawyer, client] = await Promise.all([api.sessionFor('pm'), api.sessionFor('lawyer'), api.sessionFor('client')]);
    const [community, other] = await api.db.community.findMany({ where: { engagementId: engagement.id }, orderBy: { key: 'asc' } });
    const base = `/api/engagements/${engagement.id}/model-households`;

    // A case of the community, where the household set the example.
    const reported = await api.request(lawyer, {
      method: 'POST',
      url: `/api/engagements/${engagement.id}/cases`,
      payload: { community: community!.key, title: '3号楼楼道堆放杂物', description: '3号楼一单元楼道堆放纸箱。', place: '3号楼1单元', violation: 'stairwell-clutter' },
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const caseId = reported.json<{ id: string }>().id;

    const body = { community: community!.key, household: '3号楼1单元101 王淑珍家', deeds: '带头清理楼道杂物，动员同单元5户一起清理，并认领楼道卫生值日。', recognizedOn: today(), recognizedBy: `${community!.name}居委会`, case: caseId, idempotencyKey: 'model-household-wang-1' };
    const recorded = await api.request(pm, { method: 'POST', url: base, payload: body });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const first = recorded.json<Household>();
    expect(first).toMatchObject({ community: { key: community!.key }, household: '3号楼1单元101 王淑珍家', case: { id: caseId, title: '3号楼楼道堆放杂物' }, withdrawn: null });
    // A retry answers with the same record; the key with another household is a conflict.
    const again = await api.request(pm, { method: 'POST', url: base, payload: body });
    expect([again.statusCode, again.json<Household>().id]).toEqual([201, first.id]);
    expect((await api.request(pm, { method: 'POST', url: base, payload: { ...body, household: '5号楼 李家' } })).statusCode).toBe(409);

    // What does not fit is refused field by field, in the caller's language, and writes nothing.
    const wrong = await api.request(pm, { method: 'POST', url: base, payload: { ...body, idempotencyKey: undefined, case: caseId, community: other!.key }, headers: { 'accept-language': 'en' } });
    expect(wrong.statusCode, wrong.body).toBe(422);
    expect(wrong.json<{ error: { fieldErrors: { field: string; message: string }[] } }>().error.fieldErrors).toEqual([expect.objectContaining({ field: 'case', message: 'The case is in another community' })]);
    const future = await api.request(pm, { method: 'POST', url: base, payload: { ...body, idempotencyKey: undefined, case: undefined, recognizedOn: addCalendarDays(today(), 1) } });
    expect(future.statusCode).toBe(422);
    expect(future.json<{ error: { fieldErrors: { field: string; message: string }[] } }>().error.fieldErrors).toEqual([expect.objectContaining({ field: 'recognizedOn', message: '认定日期不能晚于今天' })]);
    const unknown = await api.request(pm, { method: 'POST', url: base, payload: { ...body, idempotencyKey: undefined, case: undefined, community: 'nowhere' } });
    expect(unknown.statusCode).toBe(422);
    expect((await api.request(client, { method: 'POST', url: base, payload: { ...body, idempotencyKey: undefined } })).statusCode).toBe(403);
    expect(await api.db.modelHousehold.count({ where: { engagementId: engagement.id } })).toBe(1);
    // A refused request's key is not spent: corrected, the same key records it.
    const retried = { ...body, household: '3号楼2单元402 李桂芝家', idempotencyKey: 'model-household-li-1' };
    expect((await api.request(pm, { method: 'POST', url: base, payload: { ...retried, community: other!.key } })).statusCode).toBe(422);
    const corrected = await api.request(pm, { method: 'POST', url: base, payload: retried });
    expect(corrected.statusCode, corrected.body).toBe(201);
    await api.request(lawyer, { method: 'POST', url: `${base}/${corrected.json<Household>().id}/withdrawal`, payload: { reason: '测试后撤销' } });

    // The contact reads them; a withdrawal keeps the record, marked, and a second one changes nothing.
    const listed = await api.request(client, { method: 'GET', url: base });
    expect(listed.json<{ items: Household[] }>().items.map((item) => item.id)).toContain(first.id);
    const withdrawn = await api.request(lawyer, { method: 'POST', url: `${base}/${first.id}/withdrawal`, payload: { reason: '重复录入' } });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json<Household>().withdrawn).toMatchObject({ reason: '重复录入' });
    const twice = await api.request(pm, { method: 'POST', url: `${base}/${first.id}/withdrawal`, payload: { reason: '再次撤销' } });
    expect(twice.json<Household>().withdrawn).toMatchObject({ reason: '重复录入' });
    const trail = await api.db.auditEvent.findMany({ where: { entityId: first.id }, orderBy: { at: 'asc' }, select: { action: true } });
    expect(trail.map((event) => event.action)).toEqual(['model_household.recorded', 'model_household.withdrawn']);
  });
});
