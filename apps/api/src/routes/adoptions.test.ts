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
const anonymous = { kind: 'none' } as const;

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
    const filing = { filedOn: today(), filedWith: '北京市东城区和平里街道办事处', filingNo: '和街备〔2026〕12号', idempotencyKey: 'filing-chaoyang' };
    const filed = await api.request(pm, { method: 'POST', url: `${url}/filing`, payload: filing });
    expect(filed.statusCode, filed.body).toBe(200);
    // Its retry (the answer was lost) finds it done; a different filing is refused.
    const refiled = await api.request(pm, { method: 'POST', url: `${url}/filing`, payload: filing });
    expect(refiled.statusCode, refiled.body).toBe(200);
    expect((await api.request(pm, { method: 'POST', url: `${url}/filing`, payload: { ...filing, filingNo: '和街备〔2026〕13号' } })).statusCode).toBe(409);
    expect(filed.json<Adoption>()).toMatchObject({ status: 'adopted', filing: { filedWith: '北京市东城区和平里街道办事处', filingNo: '和街备〔2026〕12号' }, can: { recordMeeting: false, renotice: false, file: false, withdraw: false } });

    // The client's contact reads the record and changes nothing; a closed procedure takes nothing more.
    const seen = await api.request(client, { method: 'GET', url: base });
    expect(seen.statusCode).toBe(200);
    expect(seen.json<{ items: Adoption[]; can: { open: boolean } }>()).toMatchObject({ items: [{ id: adoption.id, status: 'adopted' }], can: { open: false } });
    const closed = await api.request(pm, { method: 'POST', url: `${url}/withdrawal`, payload: { reason: '误操作' } });
    expect(closed.statusCode).toBe(409);
    expect(closed.json<Refusal>().error.code).toBe('adoption_closed');
    // Filing completes the community's task in the engagement's own workflow, a moment after the answer.
    const task = await waitFor(
      () => api.db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId: engagement.id, key: spare[2]! } } }),
      (current) => current.status === 'done',
    );
    expect(task.status).toBe('done');

    // Its 民主程序记录, drafted on a worker, for the client's contact too.
    const record = await api.request(client, { method: 'GET', url: `${url}/record.docx` });
    expect(record.statusCode, record.body).toBe(200);
    expect(record.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(record.headers['content-disposition']))).toContain('民主程序记录');
    expect(record.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await api.request(client, { method: 'GET', url: `${base}/${crypto.randomUUID()}/record.docx` })).statusCode).toBe(404);
  });

  it('adopts an owners’ decision by its vote, refuses figures that cannot be true, and answers keyed retries of a re-notice and a withdrawal', { timeout: 120_000 }, async () => {
    const { engagement } = await createEngagement(api);
    const pm = await api.sessionFor('pm');
    const base = `/api/engagements/${engagement.id}/adoptions`;
    const community = await api.db.community.findFirstOrThrow({ where: { engagementId: engagement.id }, orderBy: { key: 'asc' } });
    const open = (title: string, matter: 'ordinary' | 'special') =>
      api.request(pm, { method: 'POST', url: base, payload: { communityId: community.id, instrument: 'owners_rules', matter, title, noticeFrom: addCalendarDays(today(), -14), noticeTo: addCalendarDays(today(), -4), location: '小区公告栏、各单元门' } });
    const awaitingVote = async (id: string) => waitFor(async () => (await api.request(pm, { method: 'GET', url: `${base}/${id}` })).json<Adoption>(), (current) => current.status === 'awaiting_meeting');

    const rules = await open('《和平里小区管理规约》', 'ordinary');
    expect(rules.statusCode, rules.body).toBe(201);
    const rulesUrl = `${base}/${rules.json<Adoption>().id}`;
    expect((await awaitingVote(rules.json<Adoption>().id)).drivesTasks).toBe(false);
    // Area with nobody owning it: the tally is wrong, not the vote lost.
    const nobody = await api.request(pm, { method: 'POST', url: `${rulesUrl}/meetings`, payload: { heldOn: today(), figures: { kind: 'owners', totalArea: 36_500.5, totalOwners: 412, participatingArea: 25_000, participatingOwners: 0, areaFor: 0, ownersFor: 0 } }, headers: { 'accept-language': 'en' } });
    expect(nobody.statusCode).toBe(422);
    expect(nobody.json<Refusal>().error.fieldErrors).toEqual([expect.objectContaining({ field: 'participatingArea', message: expect.stringContaining('must both be zero or both not') })]);
    // More than half of the participating area and owners (Art. 278 ¶2): adopted there and then, no filing.
    const voted = await api.request(pm, { method: 'POST', url: `${rulesUrl}/meetings`, payload: { heldOn: today(), figures: { kind: 'owners', totalArea: 36_500.5, totalOwners: 412, participatingArea: 25_120.3, participatingOwners: 290, areaFor: 19_870.45, ownersFor: 231 } } });
    expect(voted.statusCode, voted.body).toBe(201);
    expect(voted.json<Adoption>()).toMatchObject({ status: 'adopted', filing: null, meetings: [{ verdict: 'passed' }], can: { recordMeeting: false, file: false, withdraw: false } });
    const noFiling = await api.request(pm, { method: 'POST', url: `${rulesUrl}/filing`, payload: { filedOn: today(), filedWith: '和平里街道办事处' } });
    expect([noFiling.statusCode, noFiling.json<Refusal>().error.code]).toEqual([409, 'adoption_closed']);

    // A re-notice and a withdrawal, each sent twice with its key: done once, answered twice.
    const repair = await open('关于3号楼加装电梯的决定', 'special');
    const repairUrl = `${base}/${repair.json<Adoption>().id}`;
    await awaitingVote(repair.json<Adoption>().id);
    const renotice = { noticeFrom: addCalendarDays(today(), -1), noticeTo: addCalendarDays(today(), 9), location: '小区公告栏、3号楼单元门', idempotencyKey: 'renotice-repair' };
    const renoticed = await api.request(pm, { method: 'POST', url: `${repairUrl}/notice`, payload: renotice });
    expect(renoticed.statusCode, renoticed.body).toBe(200);
    const again = await api.request(pm, { method: 'POST', url: `${repairUrl}/notice`, payload: renotice });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<Adoption>()).toMatchObject({ status: 'notice', notice: { round: 2, from: renotice.noticeFrom } });
    const unkeyed = await api.request(pm, { method: 'POST', url: `${repairUrl}/notice`, payload: { ...renotice, idempotencyKey: undefined } });
    expect([unkeyed.statusCode, unkeyed.json<Refusal>().error.code]).toEqual([409, 'adoption_out_of_order']);
    const withdrawal = { reason: '业委会决定先行征求全体业主意见后再表决', idempotencyKey: 'withdraw-repair' };
    expect((await api.request(pm, { method: 'POST', url: `${repairUrl}/withdrawal`, payload: withdrawal })).statusCode).toBe(200);
    const rewithdrawn = await api.request(pm, { method: 'POST', url: `${repairUrl}/withdrawal`, payload: withdrawal });
    expect(rewithdrawn.statusCode, rewithdrawn.body).toBe(200);
    expect(rewithdrawn.json<Adoption>().status).toBe('withdrawn');
    expect((await api.request(pm, { method: 'POST', url: `${repairUrl}/withdrawal`, payload: { ...withdrawal, idempotencyKey: undefined } })).statusCode).toBe(409);
    const trail = await api.db.auditEvent.findMany({ where: { engagementId: engagement.id, entityId: repair.json<Adoption>().id }, select: { action: true } });
    expect(trail.map((event) => event.action).sort()).toEqual(['adoption.notice_ended', 'adoption.opened', 'adoption.renoticed', 'adoption.withdrawn']);
  });

  it('takes residents’ comments on a draft on notice through single-use links, without sign-in, and the team answers each', { timeout: 120_000 }, async () => {
    const { engagement } = await createEngagement(api);
    const [pm, lawyer, client] = await Promise.all([api.sessionFor('pm'), api.sessionFor('lawyer'), api.sessionFor('client')]);
    const base = `/api/engagements/${engagement.id}/adoptions`;
    const community = await api.db.community.findFirstOrThrow({ where: { engagementId: engagement.id }, orderBy: { key: 'asc' } });
    const opened = await api.request(pm, { method: 'POST', url: base, payload: { communityId: community.id, instrument: 'owners_rules', matter: 'special', title: '关于7号楼加装电梯的决定（草案）', noticeFrom: addCalendarDays(today(), -2), noticeTo: addCalendarDays(today(), 8), location: '7号楼各单元门、小区公告栏' } });
    expect(opened.statusCode, opened.body).toBe(201);
    const url = `${base}/${opened.json<Adoption>().id}`;

    // The lawyer issues links; the client's contact may not.
    expect((await api.request(client, { method: 'POST', url: `${url}/comment-links`, payload: { count: 2 } })).statusCode).toBe(403);
    const issued = await api.request(lawyer, { method: 'POST', url: `${url}/comment-links`, payload: { count: 2 } });
    expect(issued.statusCode, issued.body).toBe(201);
    const [first, second] = issued.json<{ links: { token: string; path: string }[] }>().links;
    expect(first!.path).toBe(`/c/${first!.token}`);

    // A resident opens it without signing in.
    const publicUrl = (token: string) => `/api/public/adoption-comments/${token}`;
    const page = await api.request(anonymous, { method: 'GET', url: publicUrl(first!.token) });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ title: '关于7号楼加装电梯的决定（草案）', community: community.name, askedBy: `${community.name}居民委员会（协助业主征求意见）`, noticeTo: addCalendarDays(today(), 8) });
    expect((await api.request(anonymous, { method: 'GET', url: publicUrl('y'.repeat(32)) })).statusCode).toBe(404);

    // A blank comment is named, nothing is recorded and the link stays usable.
    const blank = await api.request(anonymous, { method: 'POST', url: publicUrl(first!.token), payload: { comments: [{ clause: '第二条', body: '电梯运行费用应按楼层分摊' }, { body: '   ' }] }, headers: { 'accept-language': 'zh-CN' } });
    expect(blank.statusCode).toBe(422);
    expect(blank.json<Refusal>().error.fieldErrors).toEqual([expect.objectContaining({ field: 'comments.1.body', message: '第 2 条意见没有内容' })]);
    const sent = await api.request(anonymous, { method: 'POST', url: publicUrl(first!.token), payload: { comments: [{ clause: '第二条', body: '电梯运行和维护费用应按楼层分摊，一层住户不应承担。' }, { body: '施工期间请保证消防通道畅通。' }], signedAs: '7号楼2单元 王女士' } });
    expect(sent.statusCode, sent.body).toBe(201);
    // Used up: a second set is refused, and the page says so.
    const twice = await api.request(anonymous, { method: 'POST', url: publicUrl(first!.token), payload: { comments: [{ body: '再补充一条' }] } });
    expect([twice.statusCode, twice.json<Refusal>().error.code]).toEqual([409, 'link_used']);
    expect((await api.request(anonymous, { method: 'GET', url: publicUrl(first!.token) })).json<Refusal>().error.code).toBe('link_used');

    // The team and the client's contact read them; the lawyer answers one, the contact may not.
    const listed = await api.request(client, { method: 'GET', url: `${url}/comments` });
    expect(listed.statusCode).toBe(200);
    type Comments = { items: { id: string; clause: string; body: string; signedAs: string; round: number; answer: { text: string } | null }[]; links: { issued: number; used: number }; can: { issueLinks: boolean; answer: boolean } };
    const comments = listed.json<Comments>();
    expect(comments).toMatchObject({ links: { issued: 2, used: 1 }, can: { issueLinks: false, answer: false } });
    expect(comments.items.map((item) => [item.clause, item.signedAs, item.round])).toEqual([['第二条', '7号楼2单元 王女士', 1], ['', '7号楼2单元 王女士', 1]]);
    const answerUrl = `${url}/comments/${comments.items[0]!.id}/answer`;
    expect((await api.request(client, { method: 'PUT', url: answerUrl, payload: { answer: '同意' } })).statusCode).toBe(403);
    const answered = await api.request(lawyer, { method: 'PUT', url: answerUrl, payload: { answer: '已采纳：修改稿第二条明确运行维护费用按楼层系数分摊，一层住户不分摊。' } });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json<{ answer: { text: string; by: { displayName: string } } }>().answer.text).toContain('已采纳');
    expect((await api.request(lawyer, { method: 'PUT', url: `${url}/comments/${crypto.randomUUID()}/answer`, payload: { answer: '同意' } })).statusCode).toBe(404);

    // Once the procedure is withdrawn the notice is over: the unused link takes nothing.
    expect((await api.request(pm, { method: 'POST', url: `${url}/withdrawal`, payload: { reason: '业委会决定先行召开楼栋协商会' } })).statusCode).toBe(200);
    const late = await api.request(anonymous, { method: 'POST', url: publicUrl(second!.token), payload: { comments: [{ body: '支持加装电梯' }] }, headers: { 'accept-language': 'en' } });
    expect([late.statusCode, late.json<Refusal>().error.code]).toEqual([409, 'notice_over']);
    expect(await api.db.adoptionComment.count({ where: { adoptionId: opened.json<Adoption>().id } })).toBe(2);
  });
});
