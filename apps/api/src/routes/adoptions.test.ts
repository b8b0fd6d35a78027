// 民主程序 over HTTP: the PM opens a community's convention procedure once its draft is approved;
// what does not fit is a 422 in the caller's language that writes nothing; a vote without a quorum
// answers with the law's figures, a passing one is filed and adopted; the client's contact reads
// it all and changes nothing; steps out of order are 409s.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addCalendarDays, civilDateAt, parseEngagementPlan } from '@gongzhi/domain';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { driveEngagement } from '@gongzhi/workflows/testing';
import { createEngagement } from '../testing/fixtures';
import { type TestApi, createTestApi, waitFor } from '../testing/harness';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath') });
});

afterAll(async () => {
  await api?.close();
});

type Adoption = {
  id: string;
  status: string;
  community: { name: string };
  notice: { from: string; to: string; round: number };
  meetings: { verdict: string; explanation: { zh: string; en: string }; figures: { kind: string } }[];
  filing: { filedWith: string; filingNo: string | null } | null;
  drivesTasks: boolean;
  can: { recordMeeting: boolean; renotice: boolean; file: boolean; withdraw: boolean };
};
type Refusal = { error: { code: string; message: string; fieldErrors: { field: string; message: string }[] } };
const today = () => civilDateAt(new Date());

describe('adoption procedures (民主程序)', () => {
  it('opens a convention’s procedure once its draft is approved, records a failed and a passing vote with the law’s figures, and files it', { timeout: 300_000 }, async () => {
    const { engagement } = await createEngagement(api);
    const [pm, lawyer, client] = await Promise.all([api.sessionFor('pm'), api.sessionFor('lawyer'), api.sessionFor('client')]);
    const base = `/api/engagements/${engagement.id}/adoptions`;
    const row = await api.db.engagement.findUniqueOrThrow({ where: { id: engagement.id }, select: { plan: true } });
    const community = await api.db.community.findFirstOrThrow({ where: { engagementId: engagement.id }, orderBy: { key: 'asc' } });
    const body = { communityId: community.id, instrument: 'residents_convention', title: `《${community.name}居民公约（修订稿）》`, noticeFrom: addCalendarDays(today(), -9), noticeTo: addCalendarDays(today(), -2), location: '社区居委会公告栏', idempotencyKey: 'adoption-chaoyang-1' };

    // Before the draft is approved, the convention cannot go on notice.
    const early = await api.request(pm, { method: 'POST', url: base, payload: body, headers: { 'accept-language': 'en' } });
    expect(early.statusCode, early.body).toBe(422);
    expect(early.json<Refusal>().error.fieldErrors).toEqual([expect.objectContaining({ field: 'communityId', message: 'The community’s draft convention has not been approved by the partner yet' })]);

    const noticeKey = `self-governance.public-notice~${community.key}`;
    const spare = ['public-notice', 'residents-meeting-vote', 'convention-filing'].map((task) => `self-governance.${task}~${community.key}`);
    const isOpen = async () => (await api.db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId: engagement.id, key: noticeKey } } })).status === 'active';
    await driveEngagement({ db: api.db, engagements: api.app.engagements }, engagement.id, parseEngagementPlan(row.plan), { stopWhen: isOpen, spare, timeoutMs: 240_000 });

    // What does not fit: field by field, in the caller's language, nothing written.
    const refusals = await Promise.all([
      api.request(pm, { method: 'POST', url: base, payload: { ...body, idempotencyKey: undefined, noticeTo: addCalendarDays(body.noticeFrom, 5) } }),
      api.request(pm, { method: 'POST', url: base, payload: { ...body, idempotencyKey: undefined, title: '   ' } }),
      api.request(pm, { method: 'POST', url: base, payload: { ...body, idempotencyKey: undefined, matter: 'special' } }),
      api.request(pm, { method: 'POST', url: base, payload: { ...body, idempotencyKey: undefined, communityId: crypto.randomUUID() } }),
      // An owners' matter's threshold depends on which it is: never assumed.
      api.request(pm, { method: 'POST', url: base, payload: { ...body, idempotencyKey: undefined, instrument: 'owners_rules' } }),
    ]);
    expect(refusals.map((response) => [response.statusCode, response.json<Refusal>().error.fieldErrors.map((error) => error.field)])).toEqual([
      [422, ['noticeTo']],
      [422, ['title']],
      [422, ['matter']],
      [422, ['communityId']],
      [422, ['matter']],
    ]);
    expect(refusals[0]!.json<Refusal>().error.fieldErrors[0]!.message).toBe('公示期不得少于 7 日（本所惯例）');
    expect((await api.request(lawyer, { method: 'POST', url: base, payload: body })).statusCode).toBe(403);
    expect((await api.request(client, { method: 'POST', url: base, payload: body })).statusCode).toBe(403);
    expect(await api.db.conventionAdoption.count({ where: { engagementId: engagement.id } })).toBe(0);

    // Opened once, however often retried; the notice ended two days ago, so the vote is next.
    const opened = await api.request(pm, { method: 'POST', url: base, payload: body });
    expect(opened.statusCode, opened.body).toBe(201);
    const retried = await api.request(pm, { method: 'POST', url: base, payload: body });
    expect(retried.statusCode).toBe(201);
    const adoption = opened.json<Adoption>();
    expect(retried.json<Adoption>().id).toBe(adoption.id);
    expect(adoption).toMatchObject({ community: { name: community.name }, drivesTasks: true, notice: { from: body.noticeFrom, to: body.noticeTo, round: 1 } });
    const url = `${base}/${adoption.id}`;
    const awaiting = await waitFor(
      async () => (await api.request(pm, { method: 'GET', url })).json<Adoption>(),
      (current) => current.status === 'awaiting_meeting',
    );
    expect(awaiting.can).toEqual({ recordMeeting: true, renotice: true, file: false, withdraw: true });
    const conflict = await api.request(pm, { method: 'POST', url: base, payload: { ...body, idempotencyKey: 'adoption-chaoyang-2' } });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json<Refusal>().error.code).toBe('conflict');

    // A vote without a quorum: answered with the law's figures, on record, nothing adopted.
    const noQuorum = await api.request(pm, {
      method: 'POST',
      url: `${url}/meetings`,
      payload: { heldOn: addCalendarDays(today(), -1), figures: { kind: 'residents', eligible: 420, attendees: 200, votesFor: 190, votesAgainst: 5, abstentions: 5 }, note: '到会人数不足', idempotencyKey: 'meeting-chaoyang-1' },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(noQuorum.statusCode, noQuorum.body).toBe(201);
    expect(noQuorum.json<Adoption>()).toMatchObject({ status: 'meeting_failed', meetings: [{ verdict: 'no_quorum' }] });
    expect(noQuorum.json<Adoption>().meetings[0]!.explanation.zh).toContain('至少须 211 人出席');
    // The same vote sent again with its key records nothing more (figures compared field by field, not as stored text).
    const resent = await api.request(pm, { method: 'POST', url: `${url}/meetings`, payload: { heldOn: addCalendarDays(today(), -1), figures: { kind: 'residents', eligible: 420, attendees: 200, votesFor: 190, votesAgainst: 5, abstentions: 5 }, note: '到会人数不足', idempotencyKey: 'meeting-chaoyang-1' } });
    expect(resent.statusCode, resent.body).toBe(201);
    expect(resent.json<Adoption>().meetings).toHaveLength(1);
    // Figures that cannot be true, and filing before a vote passed: refused.
    const impossible = await api.request(pm, { method: 'POST', url: `${url}/meetings`, payload: { heldOn: today(), figures: { kind: 'residents', eligible: 420, attendees: 300, votesFor: 250, votesAgainst: 40, abstentions: 20 } }, headers: { 'accept-language': 'en' } });
    expect(impossible.statusCode).toBe(422);
    expect(impossible.json<Refusal>().error.fieldErrors).toEqual([expect.objectContaining({ field: 'votesFor' })]);
    const tooEarly = await api.request(pm, { method: 'POST', url: `${url}/filing`, payload: { filedOn: today(), filedWith: '和平里街道办事处' } });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json<Refusal>().error.code).toBe('adoption_out_of_order');

    // The second meeting passes; the filing adopts it.
    const passed = await api.request(pm, { method: 'POST', url: `${url}/meetings`, payload: { heldOn: today(), figures: { kind: 'residents', eligible: 420, attendees: 263, votesFor: 241, votesAgainst: 12, abstentions: 10 } } });
    expect(passed.statusCode, passed.body).toBe(201);
    expect(passed.json<Adoption>()).toMatchObject({ status: 'awaiting_filing', can: { file: true, recordMeeting: false } });
    const filed = await api.request(pm, { method: 'POST', url: `${url}/filing`, payload: { filedOn: today(), filedWith: '北京市东城区和平里街道办事处', filingNo: '和街备〔2026〕12号' } });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json<Adoption>()).toMatchObject({ status: 'adopted', filing: { filedWith: '北京市东城区和平里街道办事处', filingNo: '和街备〔2026〕12号' }, can: { recordMeeting: false, renotice: false, file: false, withdraw: false } });

    // The client's contact reads the record and changes nothing; a closed procedure takes nothing more.
    const seen = await api.request(client, { method: 'GET', url: base });
    expect(seen.statusCode).toBe(200);
    expect(seen.json<{ items: Adoption[]; can: { open: boolean } }>()).toMatchObject({ items: [{ id: adoption.id, status: 'adopted' }], can: { open: false } });
    const closed = await api.request(pm, { method: 'POST', url: `${url}/withdrawal`, payload: { reason: '误操作' } });
    expect(closed.statusCode).toBe(409);
    expect(closed.json<Refusal>().error.code).toBe('adoption_closed');
    const task = await api.db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId: engagement.id, key: spare[2]! } } });
    expect(task.status).toBe('done');
  });
});
