// 工作日志 over HTTP: a lawyer logs what they did (once, however often the request is retried), bad
// input is a 422 in the caller's language that writes nothing, the client's contact sees only what
// is shared with them (and the hours of all of it), only the author or the PM shares or withdraws
// an entry, a withdrawn entry stays on the log, marked and not counted, and the 工作台账 workbook
// (drafted on a worker) lists the standing entries.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LEDGER_HEADER_ROW, LEDGER_SHEET } from '@gongzhi/documents';
import { readSheetRows } from '@gongzhi/documents/testing';
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

type Entry = { id: string; community: { key: string } | null; minutes: number; note: string; sharedWithClient: boolean; loggedBy: { id: string }; withdrawn: { reason: string } | null; can: { withdraw: boolean; share: boolean } };
type Log = { items: Entry[]; totals: { entries: number; minutes: number; byActivity: { activity: string; minutes: number }[]; byCommunity: { community: { key: string } | null; minutes: number }[] }; can: { log: boolean } };
type Refusal = { error: { code: string; fieldErrors: { field: string; message: string }[] } };
const today = () => civilDateAt(new Date());

describe('work log (工作日志)', () => {
  it('is logged once by the firm’s team, refused field by field when it does not fit, shared with the client entry by entry, withdrawn by its author or the PM, and exported as the ledger', { timeout: 120_000 }, async () => {
    const { engagement } = await createEngagement(api);
    const [pm, lawyer, lawyer2, client] = await Promise.all([api.sessionFor('pm'), api.sessionFor('lawyer'), api.sessionFor('lawyer2'), api.sessionFor('client')]);
    const [community] = await api.db.community.findMany({ where: { engagementId: engagement.id }, orderBy: { key: 'asc' } });
    const base = `/api/engagements/${engagement.id}/work-log`;

    const visit = { workedOn: today(), minutes: 90, activity: 'visit', note: '走访社区居委会，了解楼道堆物和飞线充电问题，约定下周开展法治讲座。', community: community!.key, sharedWithClient: true, idempotencyKey: 'log-visit-1' };
    const logged = await api.request(lawyer, { method: 'POST', url: base, payload: visit });
    expect(logged.statusCode, logged.body).toBe(201);
    const first = logged.json<Entry>();
    expect(first).toMatchObject({ community: { key: community!.key }, minutes: 90, sharedWithClient: true, loggedBy: { id: api.users.lawyer.id }, withdrawn: null, can: { withdraw: true, share: true } });
    // A retry answers with the same entry; the key with another note is a conflict.
    const again = await api.request(lawyer, { method: 'POST', url: base, payload: visit });
    expect([again.statusCode, again.json<Entry>().id]).toEqual([201, first.id]);
    expect((await api.request(lawyer, { method: 'POST', url: base, payload: { ...visit, note: '另一次走访' } })).statusCode).toBe(409);
    // Sharing changes after logging: a late retry of the same work still names the entry.
    const late = await api.request(lawyer, { method: 'POST', url: base, payload: { ...visit, sharedWithClient: false } });
    expect([late.statusCode, late.json<Entry>().id, late.json<Entry>().sharedWithClient]).toEqual([201, first.id, true]);

    // The firm's own record (not shared), for the engagement as a whole.
    const review = await api.request(lawyer2, { method: 'POST', url: base, payload: { workedOn: addCalendarDays(today(), -2), minutes: 120, activity: 'review', note: '审查街道办事处拟发布的《关于规范社区停车管理的通知》，提出修改意见4条。' } });
    expect(review.statusCode, review.body).toBe(201);
    const reviewEntry = review.json<Entry>();
    expect(reviewEntry).toMatchObject({ community: null, sharedWithClient: false });

    // What does not fit is refused field by field, in the caller's language, and writes nothing.
    const future = await api.request(lawyer, { method: 'POST', url: base, payload: { ...visit, idempotencyKey: undefined, workedOn: addCalendarDays(today(), 1) }, headers: { 'accept-language': 'en' } });
    expect(future.statusCode, future.body).toBe(422);
    expect(future.json<Refusal>().error.fieldErrors).toEqual([expect.objectContaining({ field: 'workedOn', message: 'The date cannot be in the future' })]);
    const old = await api.request(lawyer, { method: 'POST', url: base, payload: { ...visit, idempotencyKey: undefined, workedOn: addCalendarDays(today(), -400) } });
    expect(old.json<Refusal>().error.fieldErrors).toEqual([expect.objectContaining({ field: 'workedOn', message: '只能补记366天内的工作' })]);
    const blank = await api.request(lawyer, { method: 'POST', url: base, payload: { ...visit, idempotencyKey: undefined, note: '   ' } });
    expect([blank.statusCode, blank.json<Refusal>().error.fieldErrors[0]?.field]).toEqual([422, 'note']);
    const nowhere = await api.request(lawyer, { method: 'POST', url: base, payload: { ...visit, idempotencyKey: undefined, community: 'nowhere' } });
    expect([nowhere.statusCode, nowhere.json<Refusal>().error.fieldErrors[0]?.field]).toEqual([422, 'community']);
    expect((await api.request(lawyer, { method: 'POST', url: base, payload: { ...visit, idempotencyKey: undefined, minutes: 2 } })).statusCode).toBe(400);
    expect((await api.request(lawyer, { method: 'POST', url: base, payload: { ...visit, idempotencyKey: undefined, activity: 'golf' } })).statusCode).toBe(400);
    expect((await api.request(client, { method: 'POST', url: base, payload: { ...visit, idempotencyKey: undefined } })).statusCode).toBe(403);
    expect(await api.db.workLogEntry.count({ where: { engagementId: engagement.id } })).toBe(2);

    // The team reads all of it; the contact reads what is shared, and the hours of all of it.
    const teamLog = (await api.request(pm, { method: 'GET', url: base })).json<Log>();
    expect(teamLog.items.map((item) => item.id)).toEqual([first.id, reviewEntry.id]);
    expect(teamLog.totals).toMatchObject({ entries: 2, minutes: 210 });
    expect(teamLog.totals.byCommunity).toEqual([expect.objectContaining({ community: null, minutes: 120 }), expect.objectContaining({ community: expect.objectContaining({ key: community!.key }), minutes: 90 })]);
    expect(teamLog.can.log).toBe(true);
    const feed = (await api.request(client, { method: 'GET', url: base })).json<Log>();
    expect(feed.items.map((item) => item.id)).toEqual([first.id]);
    expect(feed.items[0]!.can).toEqual({ withdraw: false, share: false });
    expect([feed.totals.minutes, feed.can.log]).toEqual([210, false]);
    const mine = (await api.request(pm, { method: 'GET', url: `${base}?loggedBy=${api.users.lawyer2.id}` })).json<Log>();
    expect([mine.items.map((item) => item.id), mine.totals.minutes]).toEqual([[reviewEntry.id], 120]);

    // Another lawyer may neither share nor withdraw someone else's entry; its author and the PM may.
    expect((await api.request(lawyer2, { method: 'PUT', url: `${base}/${first.id}/sharing`, payload: { sharedWithClient: false } })).statusCode).toBe(403);
    expect((await api.request(lawyer2, { method: 'POST', url: `${base}/${first.id}/withdrawal`, payload: { reason: '不是我的' } })).statusCode).toBe(403);
    const shared = await api.request(lawyer2, { method: 'PUT', url: `${base}/${reviewEntry.id}/sharing`, payload: { sharedWithClient: true } });
    expect([shared.statusCode, shared.json<Entry>().sharedWithClient]).toEqual([200, true]);
    expect((await api.request(client, { method: 'GET', url: base })).json<Log>().items).toHaveLength(2);

    const withdrawn = await api.request(pm, { method: 'POST', url: `${base}/${first.id}/withdrawal`, payload: { reason: '重复记录' } });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json<Entry>()).toMatchObject({ withdrawn: { reason: '重复记录' }, can: { withdraw: false, share: false } });
    const twice = await api.request(lawyer, { method: 'POST', url: `${base}/${first.id}/withdrawal`, payload: { reason: '再次撤销' } });
    expect(twice.json<Entry>().withdrawn).toMatchObject({ reason: '重复记录' });
    const after = (await api.request(pm, { method: 'GET', url: base })).json<Log>();
    expect([after.items.length, after.totals.entries, after.totals.minutes]).toEqual([2, 1, 120]);
    expect((await api.request(client, { method: 'GET', url: base })).json<Log>().items.map((item) => item.id)).toEqual([reviewEntry.id]);

    // The ledger: drafted on a worker, the standing entries only; the contact does not export it; an unknown community is a 422.
    const ledger = await api.request(pm, { method: 'GET', url: `${base}/ledger.xlsx` });
    expect(ledger.statusCode, ledger.body).toBe(200);
    expect(ledger.headers['content-disposition']).toContain(encodeURIComponent('法律服务工作台账'));
    const rows = await readSheetRows(ledger.rawPayload, LEDGER_SHEET);
    expect(rows.slice(LEDGER_HEADER_ROW).map((row) => [row[3], row[4], row[5]])).toEqual([['文件审查', '审查街道办事处拟发布的《关于规范社区停车管理的通知》，提出修改意见4条。', '2.0']]);
    expect((await api.request(client, { method: 'GET', url: `${base}/ledger.xlsx` })).statusCode).toBe(403);
    expect((await api.request(pm, { method: 'GET', url: `${base}/ledger.xlsx?community=nowhere` })).statusCode).toBe(422);
    const ofCommunity = await api.request(pm, { method: 'GET', url: `${base}/ledger.xlsx?community=${community!.key}` });
    expect((await readSheetRows(ofCommunity.rawPayload, LEDGER_SHEET))[0]![0]).toBe(`${community!.name}法律服务工作台账`);

    const trail = await api.db.auditEvent.findMany({ where: { entityId: { in: [first.id, reviewEntry.id] } }, orderBy: { at: 'asc' }, select: { action: true } });
    expect(trail.map((event) => event.action)).toEqual(['work_log.logged', 'work_log.logged', 'work_log.shared', 'work_log.withdrawn']);
  });
});
