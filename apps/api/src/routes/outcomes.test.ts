// 项目成效 over HTTP: the figures are the engagement's own records — logged service, cases, 会诊,
// the departments of its joint mechanism — read alike by the firm's team and the client's contact;
// nothing is counted that was withdrawn, and an engagement with nothing done yet says so with zeros
// and empty lists, not invented figures.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { OUTCOMES_CONVENTIONS_SHEET, OUTCOMES_HEADER_ROW, OUTCOMES_SUMMARY_SHEET } from '@gongzhi/documents';
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

type Outcomes = {
  engagementId: string;
  asOf: string;
  communities: { key: string; name: string }[];
  deliverables: { approved: number; total: number; items: unknown[] };
  departments: { inMechanism: { name: string }[]; consulted: unknown[] };
  conventions: unknown[];
  trainings: { sessions: number; attendance: number };
  events: { held: number; participants: number; householdsReached: number };
  cases: { reported: number; resolved: number; tiers: { tier: string; reached: number; resolved: number }[]; modelHouseholds: number };
  hotline: unknown;
  service: { entries: number; minutes: number; consultations: number };
};
const today = () => civilDateAt(new Date());

describe('engagement outcomes (项目成效)', () => {
  it('counts what the engagement recorded, alike for the team and the client’s contact, and nothing withdrawn', { timeout: 120_000 }, async () => {
    const { engagement } = await createEngagement(api);
    const [pm, lawyer, partner, client] = await Promise.all([api.sessionFor('pm'), api.sessionFor('lawyer'), api.sessionFor('partner'), api.sessionFor('client')]);
    const url = `/api/engagements/${engagement.id}/outcomes`;

    // Nothing done yet: zeros and empty lists, the plan's communities and departments.
    const fresh = await api.request(client, { method: 'GET', url });
    expect(fresh.statusCode, fresh.body).toBe(200);
    expect(fresh.json<Outcomes>()).toMatchObject({
      engagementId: engagement.id,
      asOf: today(),
      communities: [expect.objectContaining({ name: '朝阳社区' }), expect.objectContaining({ key: 'heping', name: '和平社区' })],
      deliverables: { approved: 0, items: [] },
      departments: { inMechanism: [expect.objectContaining({ name: '城管执法中队' })], consulted: [] },
      conventions: [],
      trainings: { sessions: 0, attendance: 0 },
      events: { held: 0, participants: 0, householdsReached: 0 },
      cases: { reported: 0, resolved: 0, tiers: [], modelHouseholds: 0 },
      hotline: null,
      service: { entries: 0, minutes: 0, consultations: 0 },
    });
    expect(fresh.json<Outcomes>().deliverables.total).toBeGreaterThan(0);

    // Service logged (one entry withdrawn), a case reported, a consultation concluded.
    const log = (minutes: number, note: string) =>
      api.request(lawyer, { method: 'POST', url: `/api/engagements/${engagement.id}/work-log`, payload: { workedOn: addCalendarDays(today(), -1), minutes, activity: 'visit', note } });
    const kept = await log(90, '走访朝阳社区居委会，了解楼道堆物问题。');
    const twice = await log(60, '走访朝阳社区居委会（重复记录）。');
    expect([kept.statusCode, twice.statusCode]).toEqual([201, 201]);
    await api.request(lawyer, { method: 'POST', url: `/api/engagements/${engagement.id}/work-log/${twice.json<{ id: string }>().id}/withdrawal`, payload: { reason: '重复记录' } });
    const community = fresh.json<Outcomes>().communities[0]!;
    const reported = await api.request(lawyer, {
      method: 'POST',
      url: `/api/engagements/${engagement.id}/cases`,
      payload: { community: community.key, title: '消防通道被私家车占用', description: '小区南门消防通道夜间常有私家车停放。', place: '南门消防通道', violation: 'fire-lane-obstruction' },
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const opened = await api.request(pm, {
      method: 'POST',
      url: `/api/engagements/${engagement.id}/consultations`,
      payload: { topic: '居民公约能否设定罚款', question: '居民代表提出在公约中规定罚款，是否可行？', invitees: [api.users.lawyer.id], dueOn: today() },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const concluded = await api.request(partner, { method: 'POST', url: `/api/engagements/${engagement.id}/consultations/${opened.json<{ id: string }>().id}/conclusion`, payload: { conclusion: '公约不得设定罚款，可约定劝导、通报等自治措施。' } });
    expect(concluded.statusCode, concluded.body).toBe(200);

    const [team, contact] = await Promise.all([api.request(pm, { method: 'GET', url }), api.request(client, { method: 'GET', url })]);
    expect(team.json<Outcomes>()).toEqual(contact.json<Outcomes>());
    const now = contact.json<Outcomes>();
    expect(now.service).toEqual({ entries: 1, minutes: 90, consultations: 1 });
    expect(now.cases).toMatchObject({ reported: 1, resolved: 0, tiers: [{ tier: 'moral', reached: 1, resolved: 0 }] });

    // The evidence workbook, drafted on a worker from the same records; the contact downloads it too.
    const workbook = await api.request(client, { method: 'GET', url: `${url}/evidence.xlsx` });
    expect(workbook.statusCode, workbook.body).toBe(200);
    expect(workbook.headers['content-disposition']).toContain(encodeURIComponent('项目成效证明材料'));
    const rows = (await readSheetRows(workbook.rawPayload, OUTCOMES_SUMMARY_SHEET)).slice(OUTCOMES_HEADER_ROW);
    const figure = (indicator: string) => rows.find((row) => row[1] === indicator)?.[2];
    expect([figure('法律服务时长'), figure('问题案件'), figure('会诊'), figure('12345热线诉求')]).toEqual(['1.5小时（1条工作记录）', '1件，已解决0件（解决率0.0%）', '形成结论1件', '尚未导入实施前后的工单数据']);
    const votes = (await readSheetRows(workbook.rawPayload, OUTCOMES_CONVENTIONS_SHEET)).slice(OUTCOMES_HEADER_ROW);
    expect(votes.filter((row) => row[7] === '尚未表决').map((row) => row[0])).toEqual(['朝阳社区', '和平社区']);
  });
});
