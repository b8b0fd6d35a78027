// 会诊 over HTTP: the PM puts a hard question to two lawyers from an open task and makes the task
// wait; the task cannot be completed (409 consultation_pending) until the partner concludes; bad
// input is a 422 in the caller's language that writes nothing; only those asked (or the leads)
// give opinions, only the partner or PM concludes; a closed consultation takes nothing more; the
// conclusion is found by Chinese full text across engagements; the client's contact sees none of it.
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addCalendarDays, civilDateAt } from '@gongzhi/domain';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { createEngagement } from '../testing/fixtures';
import { type TestApi, createTestApi, docxBytes, DOCX_MIME, multipartBody, waitFor } from '../testing/harness';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath') });
});

afterAll(async () => {
  await api?.close();
});

type Consultation = {
  id: string;
  status: string;
  holdsTask: boolean;
  task: { key: string } | null;
  invitees: { user: { id: string }; answered: boolean }[];
  opinions: { id: string; author: { id: string }; body: string }[];
  conclusion: { text: string; by: { id: string } } | null;
  withdrawn: { reason: string } | null;
  can: { opine: boolean; conclude: boolean; withdraw: boolean };
};
type Refusal = { error: { code: string; message: string; fieldErrors: { field: string; message: string }[] } };
const today = () => civilDateAt(new Date());
const formData = { background: '街道下辖五个社区。', workPlanSummary: '七个阶段。' };

describe('consultations (会诊)', () => {
  it('holds the task it was opened from until the partner concludes, takes opinions only from those asked, and is found afterwards as the firm’s know-how', { timeout: 120_000 }, async () => {
    const { engagement, firstTask } = await createEngagement(api);
    const [pm, lawyer, lawyer2, partner, client] = await Promise.all([api.sessionFor('pm'), api.sessionFor('lawyer'), api.sessionFor('lawyer2'), api.sessionFor('partner'), api.sessionFor('client')]);
    const base = `/api/engagements/${engagement.id}/consultations`;
    const question = {
      topic: '物业企业拒不移交共有部分收益账目，居委会能否代业主起诉？',
      question: '某小区未成立业委会，物业企业拒绝公开电梯广告等共有部分收益。居委会可否以自己名义起诉，或应如何指导业主依《民法典》第二百八十二条主张权利？',
      materials: '物业服务合同（2019年签订）第十二条；居民反映材料3份。',
      invitees: [api.users.lawyer.id, api.users.lawyer2.id],
      dueOn: addCalendarDays(today(), 3),
      taskKey: firstTask.key,
      holdsTask: true,
      idempotencyKey: 'consult-1',
    };

    // What does not fit is refused field by field, in the caller's language, and writes nothing.
    const refusals = await Promise.all([
      api.request(pm, { method: 'POST', url: base, payload: { ...question, idempotencyKey: undefined, dueOn: addCalendarDays(today(), -1) }, headers: { 'accept-language': 'en' } }),
      api.request(pm, { method: 'POST', url: base, payload: { ...question, idempotencyKey: undefined, invitees: [api.users.pm.id] } }),
      api.request(pm, { method: 'POST', url: base, payload: { ...question, idempotencyKey: undefined, invitees: [api.users.client.id] } }),
      api.request(pm, { method: 'POST', url: base, payload: { ...question, idempotencyKey: undefined, taskKey: 'no.such-task' } }),
      api.request(pm, { method: 'POST', url: base, payload: { ...question, idempotencyKey: undefined, taskKey: undefined } }),
      api.request(pm, { method: 'POST', url: base, payload: { ...question, idempotencyKey: undefined, topic: '   ' } }),
      // The client's own decision is never held by the firm's deliberation.
      api.request(pm, { method: 'POST', url: base, payload: { ...question, idempotencyKey: undefined, taskKey: 'proposal.client-confirm-plan' } }),
    ]);
    expect(refusals.map((response) => [response.statusCode, response.json<Refusal>().error.fieldErrors.map((error) => error.field)])).toEqual([
      [422, ['dueOn']],
      [422, ['invitees']],
      [422, ['invitees']],
      [422, ['taskKey']],
      [422, ['holdsTask']],
      [422, ['topic']],
      [422, ['holdsTask']],
    ]);
    expect(refusals[0]!.json<Refusal>().error.fieldErrors[0]!.message).toBe('The due day cannot be in the past');
    expect(refusals[1]!.json<Refusal>().error.fieldErrors[0]!.message).toBe('不能邀请自己：请选择其他律师');
    expect((await api.request(pm, { method: 'POST', url: base, payload: { ...question, invitees: [] } })).statusCode).toBe(400);
    expect((await api.request(client, { method: 'POST', url: base, payload: question })).statusCode).toBe(403);
    expect(await api.db.consultation.count({ where: { engagementId: engagement.id } })).toBe(0);

    // Opened once, however often the request is retried; those asked are told.
    const opened = await api.request(pm, { method: 'POST', url: base, payload: question });
    expect(opened.statusCode, opened.body).toBe(201);
    const consultation = opened.json<Consultation>();
    expect(consultation).toMatchObject({ status: 'open', holdsTask: true, task: { key: firstTask.key }, opinions: [], conclusion: null, can: { opine: true, conclude: true, withdraw: true } });
    expect(consultation.invitees.map((invitee) => [invitee.user.id, invitee.answered])).toEqual([
      [api.users.lawyer.id, false],
      [api.users.lawyer2.id, false],
    ]);
    const again = await api.request(pm, { method: 'POST', url: base, payload: question });
    expect([again.statusCode, again.json<Consultation>().id]).toEqual([201, consultation.id]);
    expect((await api.request(pm, { method: 'POST', url: base, payload: { ...question, topic: '另一个问题' } })).statusCode).toBe(409);
    const notices = await api.db.notification.findMany({ where: { engagementId: engagement.id, kind: 'consultation_requested' }, select: { userId: true } });
    expect(notices.map((notice) => notice.userId).sort()).toEqual([api.users.lawyer.id, api.users.lawyer2.id].sort());

    // The task waits: its assignee cannot complete it while the consultation is open.
    const uploaded = multipartBody([{ name: 'file', fileName: '方案.docx', contentType: DOCX_MIME, content: docxBytes('第一稿') }]);
    const upload = await api.request(lawyer, { method: 'POST', url: `/api/deliverables/${firstTask.deliverable!.id}/uploads`, payload: uploaded.payload, headers: uploaded.headers });
    expect(upload.statusCode, upload.body).toBe(201);
    const file = { sha256: upload.json<{ sha256: string }>().sha256 };
    const complete = () => api.request(lawyer, { method: 'POST', url: `/api/tasks/${firstTask.id}/complete`, payload: { formData, file } });
    const held = await complete();
    expect(held.json<Refusal>().error).toMatchObject({ code: 'consultation_pending', message: '该任务正等待会诊结论：会诊形成结论或撤回后才能完成' });
    expect((await api.db.task.findUniqueOrThrow({ where: { id: firstTask.id }, select: { status: true } })).status).toBe('active');

    // Opinions: those asked (a retry adds nothing); the client's contact sees nothing of it.
    const opinion = { body: '居委会不是共有部分收益的权利人，不宜以自己名义起诉；可指导业主依法成立业委会或由业主共同决定后起诉，并协调街道督促物业公开收支。', idempotencyKey: 'opinion-0001' };
    const given = await api.request(lawyer, { method: 'POST', url: `${base}/${consultation.id}/opinions`, payload: opinion });
    expect(given.statusCode, given.body).toBe(201);
    expect((await api.request(lawyer, { method: 'POST', url: `${base}/${consultation.id}/opinions`, payload: opinion })).statusCode).toBe(201);
    const afterOpinion = given.json<Consultation>();
    expect(afterOpinion.opinions.map((item) => item.author.id)).toEqual([api.users.lawyer.id]);
    expect(afterOpinion.invitees.map((invitee) => invitee.answered)).toEqual([true, false]);
    expect((await api.request(lawyer, { method: 'POST', url: `${base}/${consultation.id}/opinions`, payload: { ...opinion, body: '另一意见' } })).statusCode).toBe(409);
    expect((await api.request(client, { method: 'GET', url: base })).statusCode).toBe(403);
    expect((await api.request(client, { method: 'GET', url: `/api/consultations?q=物业` })).statusCode).toBe(403);

    // Only the partner or the PM concludes; a lawyer cannot.
    expect((await api.request(lawyer2, { method: 'POST', url: `${base}/${consultation.id}/conclusion`, payload: { conclusion: '可以起诉' } })).statusCode).toBe(403);
    const conclusion = '居委会不具备诉讼主体资格。建议：一、指导业主依《民法典》第二百七十八条共同决定成立业委会；二、由街道约谈物业企业，督促其公开共有部分收益；三、必要时由业主共同决定后提起诉讼。';
    const concluded = await api.request(partner, { method: 'POST', url: `${base}/${consultation.id}/conclusion`, payload: { conclusion } });
    expect(concluded.statusCode, concluded.body).toBe(200);
    expect(concluded.json<Consultation>()).toMatchObject({ status: 'concluded', conclusion: { text: conclusion, by: { id: api.users.partner.id } }, can: { opine: false, conclude: false, withdraw: false } });

    // Closed: nothing more is taken, in the caller's language.
    const late = await api.request(lawyer2, { method: 'POST', url: `${base}/${consultation.id}/opinions`, payload: { body: '补充意见' }, headers: { 'accept-language': 'en' } });
    expect([late.statusCode, late.json<Refusal>().error.code, late.json<Refusal>().error.message]).toEqual([409, 'consultation_closed', 'The consultation is concluded or withdrawn']);
    expect((await api.request(pm, { method: 'POST', url: `${base}/${consultation.id}/withdrawal`, payload: { reason: '误发' } })).statusCode).toBe(409);

    // The task is free again.
    const done = await waitFor(complete, (response) => response.statusCode !== 409 || response.json<Refusal>().error.code !== 'consultation_pending');
    expect(done.statusCode, done.body).toBe(200);
    const told = await api.db.notification.findMany({ where: { engagementId: engagement.id, kind: 'consultation_concluded' }, select: { userId: true } });
    expect(told.map((notice) => notice.userId).sort()).toEqual([api.users.pm.id, api.users.lawyer.id, api.users.lawyer2.id].sort());

    // The firm's know-how: found by its words, not by others.
    const found = await api.request(lawyer2, { method: 'GET', url: `/api/consultations?q=${encodeURIComponent('共有部分收益')}` });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json<{ items: { id: string; conclusion: string; opinions: number; engagement: { id: string } }[] }>().items).toContainEqual(expect.objectContaining({ id: consultation.id, conclusion, opinions: 1, engagement: expect.objectContaining({ id: engagement.id }) }));
    const missed = await api.request(lawyer2, { method: 'GET', url: `/api/consultations?q=${encodeURIComponent('拆迁补偿标准')}` });
    expect(missed.json<{ items: { id: string }[] }>().items.map((item) => item.id)).not.toContain(consultation.id);

    const trail = await api.db.auditEvent.findMany({ where: { entityId: consultation.id }, orderBy: { at: 'asc' }, select: { action: true } });
    expect(trail.map((event) => event.action)).toEqual(['consultation.opened', 'consultation.opinion_given', 'consultation.concluded']);
  });

  it('is withdrawn by its requester with a reason, freeing the task even after its run was terminated; an open one is listed first', { timeout: 120_000 }, async () => {
    const { engagement, firstTask } = await createEngagement(api);
    const [pm, lawyer] = await Promise.all([api.sessionFor('pm'), api.sessionFor('lawyer')]);
    const base = `/api/engagements/${engagement.id}/consultations`;
    const ask = (topic: string, holdsTask: boolean) =>
      api.request(lawyer, { method: 'POST', url: base, payload: { topic, question: `${topic}：请各位律师提出意见。`, invitees: [api.users.lawyer2.id], dueOn: today(), taskKey: firstTask.key, holdsTask } });
    const first = await ask('小区公共收益分配方案是否需经业主大会表决', true);
    expect(first.statusCode, first.body).toBe(201);
    const second = await ask('居民公约能否设定罚款条款', false);
    expect(second.statusCode, second.body).toBe(201);
    const firstId = first.json<Consultation>().id;

    // An operator terminates its run: the task stays held, and the withdrawal below still reaches it
    // (a new run picks it up from the record and gives the task back).
    const connection = await Connection.connect({ address: injectTestStack().temporalAddress });
    try {
      await new Client({ connection }).workflow.getHandle(`consultation-${firstId}`).terminate('operator test');
    } finally {
      await connection.close();
    }

    // Another lawyer may not withdraw it; a blank reason is refused.
    expect((await api.request(await api.sessionFor('lawyer2'), { method: 'POST', url: `${base}/${firstId}/withdrawal`, payload: { reason: '不需要了' } })).statusCode).toBe(403);
    expect((await api.request(lawyer, { method: 'POST', url: `${base}/${firstId}/withdrawal`, payload: { reason: '  ' } })).statusCode).toBe(422);
    const withdrawn = await api.request(lawyer, { method: 'POST', url: `${base}/${firstId}/withdrawal`, payload: { reason: '街道已另行咨询司法所，本问题不再需要会诊' } });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json<Consultation>()).toMatchObject({ status: 'withdrawn', withdrawn: { reason: '街道已另行咨询司法所，本问题不再需要会诊' } });

    const list = (await api.request(pm, { method: 'GET', url: base })).json<{ items: Consultation[]; can: { open: boolean } }>();
    expect(list.items.map((item) => item.status)).toEqual(['open', 'withdrawn']);
    expect(list.can.open).toBe(true);
    const ofTask = (await api.request(pm, { method: 'GET', url: `${base}?task=${firstTask.key}&status=withdrawn` })).json<{ items: Consultation[] }>();
    expect(ofTask.items.map((item) => item.id)).toEqual([firstId]);

    // Nothing holds the task now: it is completed (the second consultation never held it).
    const uploaded = multipartBody([{ name: 'file', fileName: '方案.docx', contentType: DOCX_MIME, content: docxBytes('第一稿') }]);
    const upload = await api.request(lawyer, { method: 'POST', url: `/api/deliverables/${firstTask.deliverable!.id}/uploads`, payload: uploaded.payload, headers: uploaded.headers });
    const done = await waitFor(
      () => api.request(lawyer, { method: 'POST', url: `/api/tasks/${firstTask.id}/complete`, payload: { formData, file: { sha256: upload.json<{ sha256: string }>().sha256 } } }),
      (response) => response.statusCode !== 409,
    );
    expect(done.statusCode, done.body).toBe(200);
  });
});
