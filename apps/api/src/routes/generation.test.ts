// 生成文稿 over HTTP: the API asks, a worker drafts the service plan from the engagement's own plan
// and team, the draft is offered as an upload, the lawyer submits it and the partner approves it
// like any revision. The draft is opened by LibreOffice, a real client of the format.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasOfficeTools, convertAndRead, nameOfficeTest, pdfOf, readWordText } from '@gongzhi/documents/testing';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { createEngagement } from '../testing/fixtures';
import { type TestApi, createTestApi, waitFor } from '../testing/harness';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath') });
});

afterAll(async () => {
  await api?.close();
});

type Generation = { id: string; status: string; progress: number; step: string | null; error: string | null; upload: { sha256: string; fileName: string; mimeType: string } | null };
type Detail = { generations: Generation[]; uploads: { sha256: string }[]; can: { generate: boolean; upload: boolean } };

describe('generated drafts', () => {
  it(nameOfficeTest('drafts the service plan from the engagement, offers it as an upload, and the partner approves what was submitted'), { timeout: 180_000 }, async () => {
    const { engagement, firstTask } = await createEngagement(api);
    const deliverableId = firstTask.deliverable!.id;
    const lawyer = await api.sessionFor('lawyer');
    const partner = await api.sessionFor('partner');
    const client = await api.sessionFor('client');

    const before = (await api.request(lawyer, { method: 'GET', url: `/api/deliverables/${deliverableId}` })).json<Detail>();
    expect(before.can.generate).toBe(true);
    // Neither the partner nor the client drafts.
    expect((await api.request(partner, { method: 'GET', url: `/api/deliverables/${deliverableId}` })).json<Detail>().can.generate).toBe(false);
    expect((await api.request(client, { method: 'POST', url: `/api/deliverables/${deliverableId}/generations`, payload: {} })).statusCode).toBe(403);

    const asked = await api.request(lawyer, { method: 'POST', url: `/api/deliverables/${deliverableId}/generations`, payload: {} });
    expect(asked.statusCode, asked.body).toBe(201);
    const started = asked.json<Generation>();
    expect(started).toMatchObject({ status: 'running', upload: null });

    const detail = await waitFor(
      async () => (await api.request(lawyer, { method: 'GET', url: `/api/deliverables/${deliverableId}` })).json<Detail>(),
      (value) => value.generations[0]?.status !== 'running',
      60_000,
    );
    const done = detail.generations[0]!;
    expect(done).toMatchObject({ id: started.id, status: 'done', progress: 100, error: null });
    expect(done.upload!.fileName).toMatch(/^项目法律服务方案（生成稿 \d{4}-\d{2}-\d{2}）\.docx$/);
    // Offered like an upload: the next completion may name it.
    expect(detail.uploads.map((upload) => upload.sha256)).toContain(done.upload!.sha256);

    const file = await api.request(lawyer, { method: 'GET', url: `/api/deliverables/${deliverableId}/generations/${done.id}/file` });
    expect(file.statusCode).toBe(200);
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(done.upload!.sha256);
    const text = readWordText(file.rawPayload);
    const plan = await api.db.engagement.findUniqueOrThrow({ where: { id: engagement.id }, select: { name: true, plan: true } });
    expect(text).toContain(plan.name);
    for (const stage of (plan.plan as { stages: { title: { zh: string } }[] }).stages) expect(text).toContain(stage.title.zh);
    // The team as the engagement has it: its PM leads, its lawyers draft.
    for (const member of await api.db.engagementMember.findMany({ where: { engagementId: engagement.id, role: { in: ['pm', 'partner', 'lawyer'] } }, include: { user: true } })) {
      expect(text).toContain(member.user.displayName);
    }
    if (hasOfficeTools) {
      const pdf = pdfOf(convertAndRead({ '项目法律服务方案.docx': file.rawPayload }), '项目法律服务方案.docx');
      expect(pdf.pages).toBeGreaterThan(1);
      expect(pdf.compact).toContain('项目法律服务方案');
      expect(pdf.compact).toContain('构建政府依法治理体系');
    }

    // Submitted by its SHA-256, it becomes revision 1 through the workflow; the partner approves it.
    const completed = await api.request(lawyer, {
      method: 'POST',
      url: `/api/tasks/${firstTask.id}/complete`,
      payload: { formData: { background: '街道下辖五个社区。', workPlanSummary: '七个阶段。' }, file: { sha256: done.upload!.sha256 } },
    });
    expect(completed.statusCode, completed.body).toBe(200);
    const approved = await api.request(partner, { method: 'POST', url: `/api/deliverables/${deliverableId}/reviews`, payload: { revision: 1, sha256: done.upload!.sha256, decision: 'approve' } });
    expect(approved.statusCode, approved.body).toBe(201);
    const download = await api.request(client, { method: 'GET', url: `/api/deliverables/${deliverableId}/revisions/1/file` });
    expect(download.rawPayload.equals(file.rawPayload)).toBe(true);

    const trail = await api.db.auditEvent.findMany({ where: { engagementId: engagement.id, action: 'deliverable.generated' } });
    expect(trail).toHaveLength(1);
    expect(trail[0]!.actorId).toBe(api.users.lawyer.id);
  });

  it('refuses what cannot be drafted, or not now, in the user’s language, and records nothing', async () => {
    const { engagement } = await createEngagement(api);
    const pm = await api.sessionFor('pm');
    const deliverables = await api.db.deliverable.findMany({ where: { engagementId: engagement.id }, select: { id: true, key: true } });
    const agreement = deliverables.find((deliverable) => deliverable.key === 'cooperation-agreement')!;
    const manual = deliverables.find((deliverable) => deliverable.key === 'powers-manual')!;

    const noGenerator = await api.request(pm, { method: 'POST', url: `/api/deliverables/${agreement.id}/generations`, payload: {}, headers: { 'accept-language': 'zh-CN' } });
    expect(noGenerator.statusCode).toBe(422);
    expect(noGenerator.json()).toMatchObject({ error: { code: 'no_generator', message: '该成果暂不支持自动生成文稿，请上传文件' } });

    const notOpen = await api.request(pm, { method: 'POST', url: `/api/deliverables/${manual.id}/generations`, payload: {} });
    expect(notOpen.statusCode).toBe(409);
    expect(notOpen.json()).toMatchObject({ error: { code: 'task_not_open' } });

    const unknown = await api.request(pm, { method: 'GET', url: `/api/deliverables/${manual.id}/generations/00000000-0000-4000-8000-000000000000/file` });
    expect(unknown.statusCode).toBe(404);
    expect(await api.db.generatedDocument.count({ where: { engagementId: engagement.id } })).toBe(0);
  });
});
