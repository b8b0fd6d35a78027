// Symposium and interview records over HTTP: a lawyer records a symposium with the problems raised,
// tags them with catalogue violations (or marks one outside the catalogue), revises the record on
// the version they saw; the engagement's problem list tallies the tags; bad input is a 4xx that
// changes nothing; the client contact sees none of it.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bankQuestionsFor } from '@gongzhi/domain';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { SAMPLE_COMMUNITY_PROFILE } from '@gongzhi/testing';
import { createEngagement } from '../testing/fixtures';
import { type TestApi, createTestApi } from '../testing/harness';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath') });
});

afterAll(async () => {
  await api?.close();
});

type Session = {
  id: string;
  version: number;
  kind: string;
  community: { key: string; name: string } | null;
  heldOn: string;
  problems: { id: string; description: string; violation: { key: string; title: string; unverified: boolean } | null; outsideCatalogue: boolean; taggedBy: { displayName: string } | null }[];
  can: { revise: boolean };
};

describe('symposium and interview records', () => {
  it('records a symposium with its problems, tags them, revises on the version seen and tallies the list', { timeout: 120_000 }, async () => {
    const { engagement } = await createEngagement(api);
    const lawyer = await api.sessionFor('lawyer');
    const partner = await api.sessionFor('partner');
    const client = await api.sessionFor('client');
    const base = `/api/engagements/${engagement.id}/research-sessions`;
    const [first, second] = await api.db.community.findMany({ where: { engagementId: engagement.id }, orderBy: { key: 'asc' } });

    const body = {
      kind: 'symposium',
      community: first!.key,
      heldOn: '2026-10-14',
      place: `${first!.name}党群服务中心二楼会议室`,
      participants: '社区党委书记、居委会委员、居民代表8人、物业项目经理',
      headcount: 14,
      notes: '居民代表集中反映楼道堆物和电动自行车入户充电问题；物业表示劝阻无效时缺少执法手段。',
      problems: [
        { description: '3号楼楼道长期堆放纸箱、旧家具', violation: 'stairwell-clutter' },
        { description: '电动自行车推进楼道、入户充电' },
        { description: '小区公共收益从未公示', outsideCatalogue: true },
      ],
    };
    const created = await api.request(lawyer, { method: 'POST', url: base, payload: body });
    expect(created.statusCode, created.body).toBe(201);
    const session = created.json<Session>();
    expect(session).toMatchObject({ version: 1, kind: 'symposium', community: { key: first!.key }, heldOn: '2026-10-14', can: { revise: true } });
    expect(session.problems.map((problem) => [problem.description, problem.violation?.key ?? null, problem.outsideCatalogue])).toEqual([
      ['3号楼楼道长期堆放纸箱、旧家具', 'stairwell-clutter', false],
      ['电动自行车推进楼道、入户充电', null, false],
      ['小区公共收益从未公示', null, true],
    ]);
    expect(session.problems[0]!.taggedBy).not.toBeNull();
    expect(session.problems[1]!.taggedBy).toBeNull();

    // The client contact sees none of the firm's notes; the partner reads but does not write.
    expect((await api.request(client, { method: 'GET', url: base })).statusCode).toBe(403);
    expect((await api.request(client, { method: 'GET', url: `/api/engagements/${engagement.id}/community-problems` })).statusCode).toBe(403);
    const partnerView = await api.request(partner, { method: 'GET', url: base });
    expect(partnerView.json()).toMatchObject({ items: [{ id: session.id, can: { revise: false } }], can: { record: false } });
    expect((await api.request(partner, { method: 'POST', url: base, payload: body })).statusCode).toBe(403);

    // Tag the untagged problem from the list.
    const problems = `/api/engagements/${engagement.id}/community-problems`;
    const untagged = session.problems[1]!;
    const tagged = await api.request(lawyer, { method: 'PUT', url: `${problems}/${untagged.id}/tag`, payload: { violation: 'unsafe-e-bike-charging' } });
    expect(tagged.statusCode, tagged.body).toBe(200);
    expect(tagged.json()).toMatchObject({ id: untagged.id, violation: { key: 'unsafe-e-bike-charging' }, community: { key: first!.key }, session: { id: session.id, heldOn: '2026-10-14' } });
    // The tag is a new version of the record: a revision opened before it cannot undo it.
    const before = await api.request(lawyer, { method: 'PUT', url: `${base}/${session.id}`, payload: { ...body, expectedVersion: 1 } });
    expect(before.statusCode).toBe(409);

    // An interview in another community raising the same kind of problem.
    const interview = await api.request(lawyer, {
      method: 'POST',
      url: base,
      payload: { kind: 'interview', community: second!.key, heldOn: '2026-10-16', place: '物业服务中心', participants: '物业项目经理王某', problems: [{ description: '楼梯间停放电动车并私拉电线充电', violation: 'unsafe-e-bike-charging' }] },
    });
    expect(interview.statusCode, interview.body).toBe(201);

    const list = (await api.request(lawyer, { method: 'GET', url: problems })).json<{ items: unknown[]; byViolation: { violation: { key: string }; problems: number; communities: { key: string }[] }[]; untagged: number; outsideCatalogue: number; can: { tag: boolean } }>();
    expect(list.items).toHaveLength(4);
    expect(list.byViolation.map((row) => [row.violation.key, row.problems, row.communities.map((community) => community.key)])).toEqual([
      ['unsafe-e-bike-charging', 2, [first!.key, second!.key]],
      ['stairwell-clutter', 1, [first!.key]],
    ]);
    expect(list).toMatchObject({ untagged: 0, outsideCatalogue: 1, can: { tag: true } });

    // Revise on the version seen: the outside-catalogue problem goes, the first keeps its tag.
    const kept = session.problems[0]!;
    const revision = {
      ...body,
      notes: `${body.notes}会后物业补充：地下室有人居住。`,
      // The first problem is sent without a tag: it keeps the one it has.
      problems: [{ id: kept.id, description: kept.description }, { description: '地下室被改作出租住房', violation: 'illegal-rental' }],
      expectedVersion: 2,
    };
    const foreign = await api.request(lawyer, { method: 'PUT', url: `${base}/${session.id}`, payload: { ...revision, problems: [{ id: interview.json<Session>().problems[0]!.id, description: '别处的问题' }] } });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json()).toMatchObject({ error: { fieldErrors: [{ field: 'problems.0.id' }] } });
    const revised = await api.request(lawyer, { method: 'PUT', url: `${base}/${session.id}`, payload: revision });
    expect(revised.statusCode, revised.body).toBe(200);
    expect(revised.json<Session>().version).toBe(3);
    expect(revised.json<Session>().problems.map((problem) => problem.violation?.key)).toEqual(['stairwell-clutter', 'illegal-rental']);
    expect(revised.json<Session>().problems[0]!.id).toBe(kept.id);

    // Someone else's stale save is refused and changes nothing.
    const stale = await api.request(lawyer, { method: 'PUT', url: `${base}/${session.id}`, payload: { ...revision, notes: '旧版本上的修改' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'conflict', fieldErrors: [{ field: 'expectedVersion' }] } });
    expect((await api.request(lawyer, { method: 'GET', url: `${base}/${session.id}` })).json<Session>().version).toBe(3);

    const audit = await api.db.auditEvent.findMany({ where: { engagementId: engagement.id, action: { startsWith: 'research.' } }, orderBy: { at: 'asc' } });
    expect(audit.map((event) => event.action)).toEqual(['research.session_recorded', 'research.problem_tagged', 'research.session_recorded', 'research.session_revised']);
  });

  it('answers bad input with a 4xx in the caller’s language and writes nothing', { timeout: 120_000 }, async () => {
    const { engagement } = await createEngagement(api);
    const lawyer = await api.sessionFor('lawyer');
    const base = `/api/engagements/${engagement.id}/research-sessions`;
    const valid = { kind: 'interview', heldOn: '2026-10-14', place: '街道办事处三楼会议室', participants: '街道城市管理办公室主任' };
    const cases: [string, Record<string, unknown>, string][] = [
      ['unknown violation', { ...valid, problems: [{ description: '油烟扰民', violation: 'no-such-violation' }] }, 'problems.0.violation'],
      ['tagged and outside the catalogue', { ...valid, problems: [{ description: '油烟扰民', violation: 'cooking-fumes', outsideCatalogue: true }] }, 'problems.0.violation'],
      ['unknown community', { ...valid, community: 'no-such-community' }, 'community'],
      ['held in the future', { ...valid, heldOn: '2099-01-01' }, 'heldOn'],
    ];
    for (const [label, payload, field] of cases) {
      const response = await api.request(lawyer, { method: 'POST', url: base, payload, headers: { 'accept-language': 'zh-CN' } });
      expect(response.statusCode, label).toBe(422);
      expect(JSON.stringify(response.json()), label).toContain(field);
      expect(response.json<{ error: { fieldErrors: { message: string }[] } }>().error.fieldErrors[0]!.message, label).toMatch(/[\u4e00-\u9fa5]/);
    }
    const duplicate = '0195f2a0-0000-7000-8000-0000000000aa';
    // A new record's problems have no ids yet.
    const twice = await api.request(lawyer, { method: 'POST', url: base, payload: { ...valid, problems: [{ id: duplicate, description: '甲' }, { id: duplicate, description: '乙' }] } });
    expect(twice.statusCode).toBe(422);
    expect(twice.json<{ error: { fieldErrors: { field: string }[] } }>().error.fieldErrors.map((error) => error.field)).toContain('problems.0.id');
    expect((await api.request(lawyer, { method: 'POST', url: base, payload: { ...valid, kind: 'party' } })).statusCode).toBe(400);
    expect((await api.request(lawyer, { method: 'PUT', url: `/api/engagements/${engagement.id}/community-problems/${duplicate}/tag`, payload: { violation: null } })).statusCode).toBe(404);
    expect(await api.db.researchSession.count({ where: { engagementId: engagement.id } })).toBe(0);
    expect(await api.db.communityProblem.count({ where: { engagementId: engagement.id } })).toBe(0);
  });

  it('records each community’s profile on the version seen; the client contact sees none; bad input changes nothing', { timeout: 120_000 }, async () => {
    const { engagement } = await createEngagement(api);
    const lawyer = await api.sessionFor('lawyer');
    const pm = await api.sessionFor('pm');
    const partner = await api.sessionFor('partner');
    const client = await api.sessionFor('client');
    const base = `/api/engagements/${engagement.id}/community-profiles`;
    type Profile = { community: { key: string; name: string }; profile: Record<string, unknown> | null; version: number; updatedBy: { displayName: string } | null; can: { edit: boolean } };

    const listed = await api.request(partner, { method: 'GET', url: base });
    expect(listed.statusCode).toBe(200);
    const items = listed.json<{ items: Profile[] }>().items;
    const plan = await api.db.engagement.findUniqueOrThrow({ where: { id: engagement.id }, select: { plan: true } });
    // Plan order, none recorded yet, the partner reads but does not edit.
    expect(items.map((item) => item.community.key)).toEqual((plan.plan as { communities: { key: string }[] }).communities.map((community) => community.key));
    expect(items.every((item) => item.profile === null && item.version === 0 && !item.can.edit)).toBe(true);
    expect((await api.request(client, { method: 'GET', url: base })).statusCode).toBe(403);

    const key = items[0]!.community.key;
    const details = { ...SAMPLE_COMMUNITY_PROFILE, partyOrganization: `中共${items[0]!.community.name}委员会` };
    const first = await api.request(lawyer, { method: 'PUT', url: `${base}/${key}`, payload: { ...details, expectedVersion: 0 } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<Profile>()).toMatchObject({ community: { key }, profile: details, version: 1, updatedBy: { displayName: expect.any(String) }, can: { edit: true } });
    // Optional parts may be left out: defaults are stored.
    const second = await api.request(pm, { method: 'PUT', url: `${base}/${key}`, payload: { partyOrganization: details.partyOrganization, households: 2870, residents: 6930, mediation: { venue: '社区调解室' }, expectedVersion: 1 } });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json<Profile>()).toMatchObject({ version: 2, profile: { households: 2870, compounds: [], committeeMembers: [], mediation: { members: [], venue: '社区调解室', phone: null }, residentGroups: null } });
    // An edit opened on version 1 is refused, saying which version is current.
    const stale = await api.request(lawyer, { method: 'PUT', url: `${base}/${key}`, payload: { ...details, expectedVersion: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('第 2 版');

    const before = await api.db.communityProfile.findMany({ where: { engagementId: engagement.id } });
    const refused: [string, { method: 'PUT'; url: string; payload: Record<string, unknown> }, number][] = [
      ['unknown community', { method: 'PUT', url: `${base}/no-such-community`, payload: { ...details, expectedVersion: 0 } }, 404],
      ['negative households', { method: 'PUT', url: `${base}/${key}`, payload: { ...details, households: -1, expectedVersion: 2 } }, 400],
      ['no Party organisation', { method: 'PUT', url: `${base}/${key}`, payload: { ...details, partyOrganization: '', expectedVersion: 2 } }, 400],
      ['an unknown field', { method: 'PUT', url: `${base}/${key}`, payload: { ...details, chairman: '王秀兰', expectedVersion: 2 } }, 400],
      ['too many committee members', { method: 'PUT', url: `${base}/${key}`, payload: { ...details, committeeMembers: Array.from({ length: 16 }, (_, index) => ({ name: `委员${index}`, position: '委员' })), expectedVersion: 2 } }, 400],
      ['a NUL character', { method: 'PUT', url: `${base}/${key}`, payload: { ...details, mediation: { venue: '调解室\u0000', members: [] }, expectedVersion: 2 } }, 400],
    ];
    for (const [label, request, status] of refused) {
      const response = await api.request(lawyer, { ...request, headers: { 'accept-language': 'zh-CN' } });
      expect(response.statusCode, label).toBe(status);
      expect(response.json<{ error: { message: string } }>().error.message, label).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await api.request(partner, { method: 'PUT', url: `${base}/${key}`, payload: { ...details, expectedVersion: 2 } })).statusCode).toBe(403);
    expect((await api.request(client, { method: 'PUT', url: `${base}/${key}`, payload: { ...details, expectedVersion: 2 } })).statusCode).toBe(403);
    expect(await api.db.communityProfile.findMany({ where: { engagementId: engagement.id } })).toEqual(before);
    const trail = await api.db.auditEvent.findMany({ where: { engagementId: engagement.id, action: 'research.profile_saved' }, orderBy: { at: 'asc' } });
    expect(trail.map((event) => (event.after as { version: number }).version)).toEqual([1, 2]);
  });

  it('records once per idempotency key: a retried record, questionnaire or paper form answers with the first; the key with another body is 409', { timeout: 120_000 }, async () => {
    const { engagement } = await createEngagement(api);
    const lawyer = await api.sessionFor('lawyer');
    const base = `/api/engagements/${engagement.id}`;
    const conflictIn = (response: { statusCode: number; json: <T>() => T }) => [response.statusCode, response.json<{ error: { code: string; message: string } }>().error.code];

    const session = { kind: 'interview', heldOn: '2026-10-14', place: '街道办事处三楼会议室', participants: '街道城市管理办公室主任', problems: [{ description: '楼道堆物', violation: 'stairwell-clutter' }], idempotencyKey: 'retry-session-0001' };
    const first = await api.request(lawyer, { method: 'POST', url: `${base}/research-sessions`, payload: session });
    const again = await api.request(lawyer, { method: 'POST', url: `${base}/research-sessions`, payload: session });
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json<Session>().id).toBe(first.json<Session>().id);
    expect(again.json<Session>().problems.map((problem) => problem.id)).toEqual(first.json<Session>().problems.map((problem) => problem.id));
    expect(conflictIn(await api.request(lawyer, { method: 'POST', url: `${base}/research-sessions`, payload: { ...session, place: '社区居委会' } }))).toEqual([409, 'conflict']);
    expect(await api.db.researchSession.count({ where: { engagementId: engagement.id } })).toBe(1);
    expect(await api.db.communityProblem.count({ where: { engagementId: engagement.id } })).toBe(1);

    const questionnaire = { audience: 'property', title: '物业服务企业调查问卷', intro: '仅用于社区治理调研。', questions: bankQuestionsFor('property'), idempotencyKey: 'retry-questionnaire-01' };
    const created = await api.request(lawyer, { method: 'POST', url: `${base}/questionnaires`, payload: questionnaire });
    const createdAgain = await api.request(lawyer, { method: 'POST', url: `${base}/questionnaires`, payload: questionnaire });
    expect([created.statusCode, createdAgain.statusCode]).toEqual([201, 201]);
    const questionnaireId = created.json<{ id: string }>().id;
    expect(createdAgain.json<{ id: string }>().id).toBe(questionnaireId);
    expect(conflictIn(await api.request(lawyer, { method: 'POST', url: `${base}/questionnaires`, payload: { ...questionnaire, title: '另一份问卷' } }))).toEqual([409, 'conflict']);
    expect(await api.db.questionnaire.count({ where: { engagementId: engagement.id } })).toBe(1);

    const answers = Object.fromEntries(
      bankQuestionsFor('property').map((question) => [question.key, question.type === 'single' ? question.options[0] : question.type === 'multiple' ? [question.options[0]] : question.type === 'scale' ? 3 : '物业费收缴率约六成']),
    );
    const paper = { answeredOn: '2026-10-15', answers, idempotencyKey: 'retry-paper-form-01' };
    const entered = await api.request(lawyer, { method: 'POST', url: `${base}/questionnaires/${questionnaireId}/responses`, payload: paper });
    const enteredAgain = await api.request(lawyer, { method: 'POST', url: `${base}/questionnaires/${questionnaireId}/responses`, payload: paper });
    expect([entered.statusCode, enteredAgain.statusCode], entered.body).toEqual([201, 201]);
    expect(enteredAgain.json<{ id: string }>().id).toBe(entered.json<{ id: string }>().id);
    // A retry whose answers differ only as the check normalises them (padding, the order of choices) is the same paper form.
    const multiple = bankQuestionsFor('property').find((question) => question.type === 'multiple')!;
    const text = bankQuestionsFor('property').find((question) => question.type === 'text')!;
    const twoChoices = multiple.type === 'multiple' ? [multiple.options[0]!, multiple.options[1]!] : [];
    const loose = { answeredOn: '2026-10-15', answers: { ...answers, [multiple.key]: twoChoices, [text.key]: '  物业费收缴率约六成  ' }, idempotencyKey: 'retry-paper-form-02' };
    const looseFirst = await api.request(lawyer, { method: 'POST', url: `${base}/questionnaires/${questionnaireId}/responses`, payload: loose });
    const looseAgain = await api.request(lawyer, { method: 'POST', url: `${base}/questionnaires/${questionnaireId}/responses`, payload: { ...loose, answers: { ...loose.answers, [multiple.key]: [...twoChoices].reverse() } } });
    expect([looseFirst.statusCode, looseAgain.statusCode], looseAgain.body).toEqual([201, 201]);
    expect(looseAgain.json<{ id: string }>().id).toBe(looseFirst.json<{ id: string }>().id);
    expect(conflictIn(await api.request(lawyer, { method: 'POST', url: `${base}/questionnaires/${questionnaireId}/responses`, payload: { ...paper, answeredOn: '2026-10-16' } }))).toEqual([409, 'conflict']);
    expect(await api.db.questionnaireResponse.count({ where: { questionnaireId } })).toBe(2);
    // One trail entry per questionnaire and per record, however often the request came.
    expect(await api.db.auditEvent.count({ where: { engagementId: engagement.id, action: { in: ['questionnaire.created', 'research.session_recorded'] } } })).toBe(2);
    // Another person's same key is another request.
    const pm = await api.sessionFor('pm');
    expect((await api.request(pm, { method: 'POST', url: `${base}/questionnaires/${questionnaireId}/responses`, payload: paper })).statusCode).toBe(201);
    expect(await api.db.questionnaireResponse.count({ where: { questionnaireId } })).toBe(3);
  });
});
