// Field research over HTTP: a lawyer builds a questionnaire from the bank, issues single-use links,
// respondents answer without signing in (one response per link, replay refused, bad answers 422
// and the link still usable), a paper form is typed in, and the results count all of them.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readZipText } from '@gongzhi/documents/testing';
import { bankQuestionsFor } from '@gongzhi/domain';
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

const nobody = { kind: 'none' } as const;
type Questionnaire = {
  id: string;
  version: number;
  status: string;
  responses: number;
  linksIssued: number;
  linksUsed: number;
  questions: { key: string }[];
  results: { responses: number; byCommunity: { community: { key: string; name: string } | null; responses: number }[]; questions: { key: string; type: string; answered: number; counts?: { option: string; count: number }[]; mean?: number | null; texts?: string[] }[] };
  can: Record<string, boolean>;
};

const residentsAnswers = (overrides: Record<string, unknown> = {}) => ({
  'years-lived': '3—10年',
  'housing-type': '商品房',
  'main-problems': ['占用消防通道、堆物堆料', '小区停车难、乱停车'],
  'convention-known': '知道有，但不了解内容',
  'owners-committee': '正在筹备',
  'property-satisfaction': 3,
  'public-income-disclosed': '从未公示',
  'law-awareness': 2,
  ...overrides,
});

describe('field research questionnaires', () => {
  it('collects answers through single-use links and typed-in paper forms, and counts them', { timeout: 120_000 }, async () => {
    const { engagement } = await createEngagement(api);
    const lawyer = await api.sessionFor('lawyer');
    const pm = await api.sessionFor('pm');
    const client = await api.sessionFor('client');
    const base = `/api/engagements/${engagement.id}/questionnaires`;
    const community = await api.db.community.findFirstOrThrow({ where: { engagementId: engagement.id }, orderBy: { key: 'asc' } });

    // The client government reads, but does not design.
    const clientList = await api.request(client, { method: 'GET', url: base });
    expect(clientList.json()).toMatchObject({ items: [], can: { create: false } });
    const body = { audience: 'residents', title: '社区治理情况调查问卷（居民代表、业主委员会）', intro: '本问卷为匿名填写，仅用于社区治理调研。', questions: bankQuestionsFor('residents') };
    expect((await api.request(client, { method: 'POST', url: base, payload: body })).statusCode).toBe(403);

    const created = await api.request(lawyer, { method: 'POST', url: base, payload: body });
    expect(created.statusCode, created.body).toBe(201);
    const questionnaire = created.json<Questionnaire>();
    expect(questionnaire).toMatchObject({ version: 1, status: 'open', responses: 0, can: { revise: true, issueLinks: true, enterResponse: true, close: false } });

    const elsewhere = await api.request(pm, { method: 'POST', url: `${base}/${questionnaire.id}/links`, payload: { count: 2, community: 'no-such-community' } });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json<{ error: { fieldErrors: { field: string }[] } }>().error.fieldErrors[0]!.field).toBe('community');
    // Two links for one community; the tokens are in this answer only.
    const issued = await api.request(pm, { method: 'POST', url: `${base}/${questionnaire.id}/links`, payload: { count: 2, community: community.key } });
    expect(issued.statusCode, issued.body).toBe(201);
    const { links } = issued.json<{ links: { token: string; path: string }[] }>();
    expect(links).toHaveLength(2);
    expect(links[0]!.path).toBe(`/q/${links[0]!.token}`);
    const stored = await api.db.questionnaireLink.findMany({ where: { questionnaireId: questionnaire.id } });
    expect(stored.map((link) => link.tokenHash)).not.toContain(links[0]!.token);

    // A respondent opens the link without signing in.
    const opened = await api.request(nobody, { method: 'GET', url: `/api/public/questionnaires/${links[0]!.token}` });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ title: body.title, community: community.name, askedBy: expect.any(String) });

    // Answers that do not fit: 422 naming the question, nothing recorded, the link still usable.
    const wrong = await api.request(nobody, { method: 'POST', url: `/api/public/questionnaires/${links[0]!.token}`, payload: { answers: residentsAnswers({ 'main-problems': ['噪声扰民', '群租房', '飞线充电', '养犬不文明'], 'years-lived': undefined }) } });
    expect(wrong.statusCode).toBe(422);
    const wrongFields = wrong.json<{ error: { code: string; fieldErrors: { field: string; message: string }[] } }>().error;
    expect(wrongFields.code).toBe('form_invalid');
    expect(wrongFields.fieldErrors.map((error) => error.field).sort()).toEqual(['answers.main-problems', 'answers.years-lived']);
    expect(wrongFields.fieldErrors.find((error) => error.field === 'answers.main-problems')!.message).toContain('最多选择3项');
    expect(await api.db.questionnaireResponse.count({ where: { questionnaireId: questionnaire.id } })).toBe(0);

    const sent = await api.request(nobody, { method: 'POST', url: `/api/public/questionnaires/${links[0]!.token}`, payload: { answers: residentsAnswers({ suggestions: '希望尽快成立业主委员会，公开停车收益。' }) } });
    expect(sent.statusCode, sent.body).toBe(201);
    // One response per link: the replay is refused, and opening it says so.
    const replay = await api.request(nobody, { method: 'POST', url: `/api/public/questionnaires/${links[0]!.token}`, payload: { answers: residentsAnswers() } });
    expect(replay.statusCode).toBe(409);
    expect(replay.json<{ error: { code: string } }>().error.code).toBe('link_used');
    expect((await api.request(nobody, { method: 'GET', url: `/api/public/questionnaires/${links[0]!.token}` })).json<{ error: { code: string } }>().error.code).toBe('link_used');
    // A made-up token is unknown, in the respondent's language.
    const unknown = await api.request(nobody, { method: 'GET', url: `/api/public/questionnaires/${'A'.repeat(32)}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ error: { message: string } }>().error.message).toMatch(/[\u4e00-\u9fa5]/);

    // A lawyer types in a paper form from another day, for no community in particular.
    const future = await api.request(lawyer, { method: 'POST', url: `${base}/${questionnaire.id}/responses`, payload: { answeredOn: '2999-01-01', answers: residentsAnswers() } });
    expect(future.statusCode).toBe(422);
    const entered = await api.request(lawyer, { method: 'POST', url: `${base}/${questionnaire.id}/responses`, payload: { answeredOn: '2026-11-20', answers: residentsAnswers({ 'property-satisfaction': 5, 'years-lived': '10年以上' }) } });
    expect(entered.statusCode, entered.body).toBe(201);
    const row = await api.db.questionnaireResponse.findUniqueOrThrow({ where: { id: entered.json<{ id: string }>().id } });
    expect(row).toMatchObject({ source: 'lawyer', communityId: null, version: 1 });

    const results = (await api.request(client, { method: 'GET', url: `${base}/${questionnaire.id}` })).json<Questionnaire>();
    expect(results).toMatchObject({ responses: 2, linksIssued: 2, linksUsed: 1, can: { revise: false, close: false, issueLinks: false, enterResponse: false } });
    expect(results.results.byCommunity.map((row) => [row.community?.name ?? null, row.responses]).sort()).toEqual([[community.name, 1], [null, 1]].sort());
    const satisfaction = results.results.questions.find((question) => question.key === 'property-satisfaction')!;
    expect(satisfaction).toMatchObject({ type: 'scale', answered: 2, mean: 4 });
    const problems = results.results.questions.find((question) => question.key === 'main-problems')!;
    expect(problems.counts!.find((count) => count.option === '占用消防通道、堆物堆料')!.count).toBe(2);
    expect(results.results.questions.find((question) => question.key === 'suggestions')!.texts).toEqual(['希望尽快成立业主委员会，公开停车收益。']);

    // The client takes the results away as a workbook, drafted on a worker; the download is audited.
    const exported = await api.request(client, { method: 'GET', url: `${base}/${questionnaire.id}/results.xlsx` });
    expect(exported.statusCode, exported.body.slice(0, 300)).toBe(200);
    expect(exported.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(String(exported.headers['content-disposition']))).toContain('社区治理情况调查问卷');
    const workbook = exported.rawPayload;
    expect(readZipText(workbook, 'xl/workbook.xml')).toContain('统计汇总');
    expect(readZipText(workbook, 'xl/sharedStrings.xml')).toContain('希望尽快成立业主委员会，公开停车收益。');
    expect(await api.db.auditEvent.count({ where: { entityId: questionnaire.id, action: 'file.downloaded' } })).toBe(1);
    expect((await api.request(client, { method: 'GET', url: `${base}/${'0195f2a0-0000-7000-8000-0000000000ab'}/results.xlsx` })).statusCode).toBe(404);

    // A revision is a new version; a stale one is refused; the earlier responses still count.
    const revisedBody = { title: body.title, intro: body.intro, questions: body.questions.filter((question) => question.key !== 'housing-type'), reason: '座谈中反映房屋类型题意不清，删去' };
    const revised = await api.request(lawyer, { method: 'PUT', url: `${base}/${questionnaire.id}`, payload: { ...revisedBody, expectedVersion: 1 } });
    expect(revised.statusCode, revised.body).toBe(200);
    expect(revised.json<Questionnaire>()).toMatchObject({ version: 2, responses: 2 });
    const stale = await api.request(lawyer, { method: 'PUT', url: `${base}/${questionnaire.id}`, payload: { ...revisedBody, expectedVersion: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(await api.db.questionnaireVersion.count({ where: { questionnaireId: questionnaire.id } })).toBe(2);

    // Closed: the unused link stops working, results stay.
    expect((await api.request(lawyer, { method: 'POST', url: `${base}/${questionnaire.id}/close` })).statusCode).toBe(403);
    const closed = await api.request(pm, { method: 'POST', url: `${base}/${questionnaire.id}/close` });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<Questionnaire>()).toMatchObject({ status: 'closed', responses: 2, can: { revise: false, issueLinks: false, enterResponse: false } });
    const late = await api.request(nobody, { method: 'POST', url: `/api/public/questionnaires/${links[1]!.token}`, payload: { answers: residentsAnswers() } });
    expect(late.statusCode).toBe(409);
    expect(late.json<{ error: { code: string } }>().error.code).toBe('questionnaire_closed');

    const trail = await api.db.auditEvent.findMany({ where: { engagementId: engagement.id, entityType: 'questionnaire' }, select: { action: true } });
    expect(trail.map((event) => event.action).sort()).toEqual(['file.downloaded', 'questionnaire.closed', 'questionnaire.created', 'questionnaire.links_issued', 'questionnaire.response_entered', 'questionnaire.revised']);
  });

  it('refuses questions that do not fit, naming each, and records nothing', { timeout: 60_000 }, async () => {
    const { engagement } = await createEngagement(api);
    const lawyer = await api.sessionFor('lawyer');
    const base = `/api/engagements/${engagement.id}/questionnaires`;
    const refused = await api.request(lawyer, {
      method: 'POST',
      url: base,
      payload: {
        audience: 'property',
        title: '物业服务企业调查问卷',
        intro: '',
        questions: [
          { key: 'q1', type: 'single', text: '贵公司服务本小区的年限', required: true, options: ['不满1年', '不满1年'] },
          { key: 'q1', type: 'multiple', text: '主要困难', required: false, options: ['收费难', '执法支持不足'], maxChoices: 5 },
        ],
      },
    });
    expect(refused.statusCode).toBe(422);
    const fields = refused.json<{ error: { fieldErrors: { field: string }[] } }>().error.fieldErrors.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['questions.0.options', 'questions.1.key', 'questions.1.maxChoices']));
    expect(await api.db.questionnaire.count({ where: { engagementId: engagement.id } })).toBe(0);
  });
});
