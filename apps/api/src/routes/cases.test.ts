// Community problem cases over HTTP: the client's contact reports a problem, a lawyer works it
// through the tiers, the department sends the referral back and replies late, the contact verifies on
// site; the reporter cannot verify their own case; bad input is a 4xx in the caller's language that
// changes nothing; the scorecards count the department's work.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addCalendarDays, civilDateAt } from '@gongzhi/domain';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { waitFor } from '@gongzhi/testing';
import { createEngagement } from '../testing/fixtures';
import { type TestApi, createTestApi } from '../testing/harness';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath') });
});

afterAll(async () => {
  await api?.close();
});

type CaseView = {
  id: string;
  engagementId: string;
  tier: string;
  step: string;
  status: string;
  supervision: string;
  dueOn: string;
  businessDaysLeft: number | null;
  department: string | null;
  violation: { key: string; title: string } | null;
  reportedBy: { id: string };
  events: { seq: number; kind: string; actor: { id: string } | null; department: string | null; details: Record<string, unknown> }[];
  can: { actions: string[] };
};

const today = () => civilDateAt(new Date());

describe('community problem cases', () => {
  it('are reported by the client’s contact, worked through the tiers by the firm and verified on site by someone other than the reporter', { timeout: 120_000 }, async () => {
    const { engagement } = await createEngagement(api);
    const [lawyer, client, pm] = await Promise.all([api.sessionFor('lawyer'), api.sessionFor('client'), api.sessionFor('pm')]);
    const community = await api.db.community.findFirstOrThrow({ where: { engagementId: engagement.id }, orderBy: { key: 'asc' } });
    const base = `/api/engagements/${engagement.id}/cases`;

    const reported = await api.request(client, {
      method: 'POST',
      url: base,
      payload: { community: community.key, title: '消防通道被私家车占用', description: '小区南门消防通道夜间常有私家车停放，消防车无法通行。', place: '南门消防通道', violation: 'fire-lane-obstruction', reportedOn: addCalendarDays(today(), -40), idempotencyKey: 'report-fire-lane-1' },
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const opened = reported.json<CaseView>();
    expect(opened).toMatchObject({ tier: 'moral', step: 'letter', status: 'open', violation: { key: 'fire-lane-obstruction' } });
    // The contact verifies only; the letter is the firm's work.
    expect(opened.can.actions).toEqual([]);
    // A retry with the key answers with the same case.
    const again = await api.request(client, {
      method: 'POST',
      url: base,
      payload: { community: community.key, title: '消防通道被私家车占用', description: '小区南门消防通道夜间常有私家车停放，消防车无法通行。', place: '南门消防通道', violation: 'fire-lane-obstruction', reportedOn: addCalendarDays(today(), -40), idempotencyKey: 'report-fire-lane-1' },
    });
    expect([again.statusCode, again.json<CaseView>().id]).toEqual([201, opened.id]);
    expect(await api.db.problemCase.count({ where: { engagementId: engagement.id } })).toBe(1);

    // The 倡议书 drafted as the case opened: listed on the case, downloadable by the contact; none for a case unknown here.
    const drafted = await waitFor(
      async () => (await api.request(client, { method: 'GET', url: `${base}/${opened.id}` })).json<CaseView & { letter: { documentId: string; fileName: string } | null }>().letter,
      (letter) => letter !== null,
    );
    expect(drafted!.fileName).toBe(`倡议书（${community.name}·消防通道被私家车占用）.docx`);
    const draft = await api.request(client, { method: 'GET', url: `${base}/${opened.id}/letter` });
    expect([draft.statusCode, draft.headers['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    expect(draft.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await api.request(client, { method: 'GET', url: `${base}/${randomUUID()}/letter` })).statusCode).toBe(404);

    const act = (session: typeof lawyer, payload: Record<string, unknown>) => api.request(session, { method: 'POST', url: `${base}/${opened.id}/actions`, payload });
    const started = addCalendarDays(today(), -40);
    expect((await act(client, { type: 'publishLetter', on: started, channel: '楼门张贴' })).statusCode).toBe(403);
    const lawyerView = (await api.request(lawyer, { method: 'GET', url: `${base}/${opened.id}` })).json<CaseView>();
    expect(lawyerView.can.actions).toEqual(expect.arrayContaining(['publishLetter', 'escalate', 'resolve', 'defer', 'withdraw']));

    for (const payload of [
      { type: 'escalate', on: started, reason: '倡议书张贴后仍有车辆停放' },
      { type: 'escalate', on: started, reason: '居委会约谈后仍占用' },
      { type: 'refer', on: started, department: '区消防救援支队' },
      { type: 'sendBack', on: started, reason: '小区内部道路停车由街道综合行政执法队先行处理' },
      { type: 'refer', on: started, department: '和平里街道综合行政执法队' },
      { type: 'accept', on: started, handler: '执法队二中队' },
    ]) {
      const answer = await act(lawyer, payload);
      expect(answer.statusCode, answer.body).toBe(200);
    }
    // Accepted forty days ago: the reply is overdue past red.
    let red: CaseView | undefined;
    for (let attempt = 0; attempt < 100 && red?.supervision !== 'red'; attempt++) {
      red = (await api.request(pm, { method: 'GET', url: `${base}/${opened.id}` })).json<CaseView>();
      if (red.supervision !== 'red') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(red).toMatchObject({ step: 'reply', supervision: 'red', department: '和平里街道综合行政执法队' });
    expect(red!.businessDaysLeft).toBeLessThan(0);
    const redList = await api.request(client, { method: 'GET', url: `${base}?supervision=red` });
    expect(redList.json<{ items: { id: string }[] }>().items.map((item) => item.id)).toEqual([opened.id]);

    // Out of step: a 409 in the caller's language, nothing changes.
    const wrong = await api.request(lawyer, { method: 'POST', url: `${base}/${opened.id}/actions`, payload: { type: 'publishLetter', on: today(), channel: '微信群' }, headers: { 'accept-language': 'en' } });
    expect([wrong.statusCode, wrong.json<{ error: { code: string; message: string } }>().error.code]).toEqual([409, 'case_wrong_step']);
    expect(wrong.json<{ error: { message: string } }>().error.message).toMatch(/step/);

    expect((await act(lawyer, { type: 'reply', on: today(), action: '已对车主下达责令改正通知书', reply: '车辆已挪离，书面答复已送居委会' })).statusCode).toBe(200);
    const proposed = await act(client, { type: 'resolve', on: today(), summary: 'x' });
    expect(proposed.statusCode).toBe(403);
    expect((await act(lawyer, { type: 'resolve', on: today(), summary: '执法队处理后通道畅通' })).statusCode).toBe(200);
    // The contact reported it: someone else verifies.
    const contactView = (await api.request(client, { method: 'GET', url: `${base}/${opened.id}` })).json<CaseView>();
    expect(contactView.can.actions).toEqual([]);
    const byReporter = await act(client, { type: 'verify', on: today(), passed: true, note: '已核实' });
    expect([byReporter.statusCode, byReporter.json<{ error: { code: string } }>().error.code]).toEqual([403, 'case_not_allowed']);
    const verified = await act(pm, { type: 'verify', on: today(), passed: true, note: '连续三晚巡查，通道无车辆占用' });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json<CaseView>()).toMatchObject({ status: 'resolved', businessDaysLeft: null, can: { actions: [] } });

    const scorecards = await api.request(client, { method: 'GET', url: `/api/engagements/${engagement.id}/case-scorecards` });
    expect(scorecards.json<{ items: Record<string, unknown>[] }>().items).toEqual([
      { department: '和平里街道综合行政执法队', referred: 1, accepted: 1, acceptedOnTime: 1, sentBack: 0, replied: 1, repliedOnTime: 0, overdueNow: 0, yellowCards: 1, redCards: 1 },
      { department: '区消防救援支队', referred: 1, accepted: 0, acceptedOnTime: 0, sentBack: 1, replied: 0, repliedOnTime: 0, overdueNow: 0, yellowCards: 0, redCards: 0 },
    ]);
    // The figures: reported 40 days ago, resolved at 法治 after reaching it; both communities listed.
    type Group = { reported: number; resolved: number; tiers: Record<string, { reached: number; resolved: number; rate: number | null }>; days: { median: number | null; p90: number | null } };
    const figures = (await api.request(client, { method: 'GET', url: `/api/engagements/${engagement.id}/case-figures` })).json<{ overall: Group; byCommunity: (Group & { community: string })[]; byViolation: (Group & { violation: { key: string } | null })[] }>();
    expect(figures.overall).toMatchObject({ reported: 1, resolved: 1, days: { median: 40, p90: 40 } });
    expect(figures.overall.tiers).toEqual({ moral: { reached: 1, resolved: 0, rate: 0 }, 'self-governance': { reached: 1, resolved: 0, rate: 0 }, 'rule-of-law': { reached: 1, resolved: 1, rate: 1 } });
    expect(figures.byCommunity.map((group) => [group.community, group.reported]).sort()).toEqual([[community.name, 1], [community.name === '和平社区' ? '朝阳社区' : '和平社区', 0]].sort());
    expect(figures.byViolation.map((group) => [group.violation?.key, group.reported])).toEqual([['fire-lane-obstruction', 1]]);
    // The street office's contact downloads the referral letter the firm's referral drafted.
    const referred = verified.json<CaseView>().events.filter((event) => event.kind === 'referred');
    expect(referred).toHaveLength(2);
    const letter = await api.request(client, { method: 'GET', url: `${base}/${opened.id}/referral-letters/${String(referred[1]!.details.packetId)}` });
    expect([letter.statusCode, letter.headers['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    expect(letter.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // A letter id of another case is not this case's.
    expect((await api.request(client, { method: 'GET', url: `${base}/${randomUUID()}/referral-letters/${String(referred[1]!.details.packetId)}` })).statusCode).toBe(404);
    const trail = await api.db.auditEvent.findMany({ where: { entityId: opened.id }, select: { action: true } });
    expect(trail.map((event) => event.action)).toContain('case.verified');
  });

  it('opens a case from a field-research problem and refuses bad reports with field errors, changing nothing', { timeout: 120_000 }, async () => {
    const { engagement } = await createEngagement(api);
    const lawyer = await api.sessionFor('lawyer');
    const client = await api.sessionFor('client');
    const community = await api.db.community.findFirstOrThrow({ where: { engagementId: engagement.id }, orderBy: { key: 'asc' } });
    const base = `/api/engagements/${engagement.id}/cases`;
    const session = await api.request(lawyer, {
      method: 'POST',
      url: `/api/engagements/${engagement.id}/research-sessions`,
      payload: { kind: 'symposium', community: community.key, heldOn: addCalendarDays(today(), -5), place: '社区党群服务中心', participants: '居委会委员、楼门长', problems: [{ description: '3号楼楼道长期堆放纸箱', violation: 'stairwell-clutter' }] },
    });
    const problemId = session.json<{ problems: { id: string }[] }>().problems[0]!.id;

    const fromProblem = await api.request(lawyer, { method: 'POST', url: base, payload: { problem: problemId, title: '3号楼楼道堆物', description: '座谈会上居民反映', place: '3号楼各单元楼道' } });
    expect(fromProblem.statusCode, fromProblem.body).toBe(201);
    expect(fromProblem.json<CaseView>()).toMatchObject({ violation: { key: 'stairwell-clutter' }, events: [{ seq: 1, kind: 'reported' }] });
    const twice = await api.request(lawyer, { method: 'POST', url: base, payload: { problem: problemId, title: '3号楼楼道堆物', description: '', place: '3号楼' } });
    expect([twice.statusCode, twice.json<{ error: { fieldErrors: { field: string }[] } }>().error.fieldErrors.map((error) => error.field)]).toEqual([422, ['problem']]);

    const bad = await api.request(lawyer, { method: 'POST', url: base, payload: { community: 'no-such-community', violation: 'no-such-violation', title: '问题', description: '', place: '某处', reportedOn: addCalendarDays(today(), 3) } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<{ error: { fieldErrors: { field: string; message: string }[] } }>().error.fieldErrors.map((error) => error.field).sort()).toEqual(['community', 'reportedOn', 'violation']);
    expect(bad.json<{ error: { fieldErrors: { message: string }[] } }>().error.fieldErrors[0]!.message).toMatch(/[\u4e00-\u9fff]/);
    expect((await api.request(client, { method: 'POST', url: base, payload: { community: community.key, title: '问题', description: '', place: '某处', tier: 'rule-of-law' } })).statusCode).toBe(403);
    expect((await api.request(lawyer, { method: 'POST', url: `${base}/${randomUUID()}/actions`, payload: { type: 'withdraw', on: today(), reason: '重复' } })).statusCode).toBe(404);
    expect(await api.db.problemCase.count({ where: { engagementId: engagement.id } })).toBe(1);

    // An action retried with its key is taken once, even when it closed the case; the key asking something else is a conflict.
    const caseUrl = `${base}/${fromProblem.json<CaseView>().id}/actions`;
    const withdraw = { type: 'withdraw', on: today(), reason: '与街道网格案件重复，已并案办理', idempotencyKey: 'withdraw-key-0001' };
    expect((await api.request(lawyer, { method: 'POST', url: caseUrl, payload: withdraw })).statusCode).toBe(200);
    const retried = await api.request(lawyer, { method: 'POST', url: caseUrl, payload: withdraw });
    expect([retried.statusCode, retried.json<CaseView>().status]).toEqual([200, 'withdrawn']);
    const other = await api.request(lawyer, { method: 'POST', url: caseUrl, payload: { ...withdraw, reason: '另一理由' } });
    expect([other.statusCode, other.json<{ error: { code: string } }>().error.code]).toEqual([409, 'conflict']);
    expect(await api.db.caseEvent.count({ where: { caseId: fromProblem.json<CaseView>().id, kind: 'withdrawn' } })).toBe(1);
  });

  it('run on the periods the PM sets for the engagement and per violation type, fixed when a case is reported', { timeout: 120_000 }, async () => {
    const { engagement } = await createEngagement(api);
    const [pm, lawyer] = await Promise.all([api.sessionFor('pm'), api.sessionFor('lawyer')]);
    const community = await api.db.community.findFirstOrThrow({ where: { engagementId: engagement.id }, orderBy: { key: 'asc' } });
    const url = `/api/engagements/${engagement.id}/case-settings`;
    const initial = await api.request(lawyer, { method: 'GET', url });
    expect(initial.json()).toMatchObject({ version: 0, periods: { letter: 5, observation: 10, reply: 15, redAfter: 3 }, can: { edit: false } });

    const body = { defaults: { observation: 15 }, byViolation: { 'fire-lane-obstruction': { letter: 1, acceptance: 1 } }, expectedVersion: 0 };
    expect((await api.request(lawyer, { method: 'PUT', url, payload: body })).statusCode).toBe(403);
    const saved = await api.request(pm, { method: 'PUT', url, payload: body });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, periods: { observation: 15, letter: 5 }, byViolation: { 'fire-lane-obstruction': { letter: 1, acceptance: 1 } }, can: { edit: true } });
    const stale = await api.request(pm, { method: 'PUT', url, payload: { ...body, defaults: { observation: 20 } } });
    expect([stale.statusCode, stale.json<{ error: { code: string } }>().error.code]).toEqual([409, 'conflict']);
    const unknown = await api.request(pm, { method: 'PUT', url, payload: { byViolation: { 'no-such-violation': { letter: 2 } }, expectedVersion: 1 } });
    expect([unknown.statusCode, unknown.json<{ error: { fieldErrors: { field: string }[] } }>().error.fieldErrors.map((error) => error.field)]).toEqual([422, ['byViolation.no-such-violation']]);

    const fire = await api.request(lawyer, { method: 'POST', url: `/api/engagements/${engagement.id}/cases`, payload: { community: community.key, title: '消防通道堆放杂物', description: '', place: '2号楼北侧', violation: 'fire-lane-obstruction' } });
    expect(fire.json()).toMatchObject({ periods: { letter: 1, acceptance: 1, observation: 15, reply: 15 } });
    const other = await api.request(lawyer, { method: 'POST', url: `/api/engagements/${engagement.id}/cases`, payload: { community: community.key, title: '楼道堆物', description: '', place: '3号楼', violation: 'stairwell-clutter' } });
    expect(other.json()).toMatchObject({ periods: { letter: 5, observation: 15 } });
    // A later change leaves reported cases as they were.
    await api.request(pm, { method: 'PUT', url, payload: { defaults: { observation: 5 }, expectedVersion: 1 } });
    expect((await api.request(lawyer, { method: 'GET', url: `/api/engagements/${engagement.id}/cases/${other.json<{ id: string }>().id}` })).json()).toMatchObject({ periods: { observation: 15 } });
  });
});
