import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiError } from '@gongzhi/contracts';
import { DEMO_PASSWORD } from '@gongzhi/db';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { browserFor } from '../testing/browser';
import { engagementBody } from '../testing/fixtures';
import { DOCX_MIME, type TestApi, createTestApi, docxBytes, waitFor } from '../testing/harness';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath') });
});

afterAll(async () => {
  await api?.close();
});

/** The same person in a browser: signs in with the demo password and keeps the cookie and CSRF token. */
async function signIn(username: 'pm' | 'lawyer' | 'partner' | 'client') {
  const browser = browserFor(api.app);
  const { user, csrfToken } = await browser.api.login({ body: { username, password: DEMO_PASSWORD } });
  expect(user.username).toBe(username);
  expect(csrfToken.length).toBeGreaterThan(20);
  return browser.api;
}

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
};

const fileOf = (content: Buffer, name: string) => new File([content], name, { type: DOCX_MIME });

describe('an engagement through HTTP, as its team and client use it', () => {
  it('runs plan → upload → changes requested → revision → approval → client download', async () => {
    const pm = await signIn('pm');
    const lawyer = await signIn('lawyer');
    const partner = await signIn('partner');
    const client = await signIn('client');

    // The PM creates the engagement from the built-in template.
    const created = await pm.createEngagement({ body: engagementBody(api) });
    expect(created.status).toBe('running');
    expect(created.stages.map((stage) => stage.key)).toEqual(['proposal', 'training', 'research', 'government-system', 'self-governance', 'interaction', 'promotion']);
    expect(created.communities).toEqual([
      { id: expect.any(String), key: 'c1', name: '朝阳社区' },
      { id: expect.any(String), key: 'heping', name: '和平社区' },
    ]);
    expect(created.team.lawyers.map((lawyerRef) => lawyerRef.id)).toEqual([api.users.lawyer.id, api.users.lawyer2.id]);
    expect(created.myRole).toBe('pm');
    expect(created.matrix).toHaveLength(2);

    // The lawyer finds the first task among "my tasks" once the workflow has opened it.
    const myTasks = await waitFor(
      () => lawyer.listTasks({ query: { assignee: 'me', status: ['active', 'changes_requested'], engagementId: created.id } }),
      (page) => page.items.some((task) => task.key === 'proposal.draft-service-plan'),
    );
    const taskId = myTasks.items.find((task) => task.key === 'proposal.draft-service-plan')!.id;
    const task = await lawyer.getTask({ params: { id: taskId } });
    expect(task.can).toEqual({ complete: true, completeAsStandIn: false, assign: false });
    expect(task.form.map((field) => field.key)).toEqual(['background', 'workPlanSummary']);
    const deliverableId = task.deliverable!.id;
    expect(task.deliverable!.status).toBe('none');
    const formData = { background: '某某街道下辖五个社区，治理难题集中在私搭乱建与停车秩序。', workPlanSummary: '七个阶段，详见附件。' };

    // Completing before uploading the deliverable is refused, and so is an invalid form.
    expect((await refusal(lawyer.completeTask({ params: { id: taskId }, body: { formData } }))).code).toBe('file_required');
    const invalid = await refusal(lawyer.completeTask({ params: { id: taskId }, body: { formData: { background: '' } } }));
    expect(invalid.status).toBe(422);
    expect(invalid.code).toBe('form_invalid');
    expect(invalid.fieldErrors.map((error) => error.field).sort()).toEqual(['background', 'workPlanSummary']);

    // Upload a draft, then a better one: uploads store files and create no revision.
    const first = docxBytes('第一稿（初稿）');
    const draft = await lawyer.uploadDeliverableFile({ params: { id: deliverableId }, body: { file: fileOf(first, '草稿.docx') } });
    const v1 = docxBytes('第一稿');
    const uploaded = await lawyer.uploadDeliverableFile({ params: { id: deliverableId }, body: { file: fileOf(v1, '项目法律服务方案.docx') } });
    expect(uploaded).toMatchObject({ fileName: '项目法律服务方案.docx', mimeType: DOCX_MIME, sizeBytes: v1.length, sha256: createHash('sha256').update(v1).digest('hex'), uploadedBy: { id: api.users.lawyer.id } });
    expect(await api.db.deliverableRevision.count({ where: { deliverableId } })).toBe(0);
    const waiting = await lawyer.getDeliverable({ params: { id: deliverableId } });
    expect(waiting.status).toBe('draft');
    expect(waiting.uploads.map((upload) => upload.fileName)).toEqual(['项目法律服务方案.docx', '草稿.docx']);
    // The client sees nothing of work in progress.
    expect((await refusal(client.getDeliverable({ params: { id: deliverableId } }))).status).toBe(404);
    expect((await refusal(client.downloadDeliverableRevision({ params: { id: deliverableId, rev: 1 } }))).status).toBe(404);
    // A SHA-256 nobody uploaded for this deliverable is not a file to submit.
    expect((await refusal(lawyer.completeTask({ params: { id: taskId }, body: { formData, file: { sha256: 'a'.repeat(64) } } }))).code).toBe('file_required');

    // The completion names the file: revision 1 is exactly those bytes, whatever was uploaded around it.
    const submitted = await lawyer.completeTask({ params: { id: taskId }, body: { formData, file: { sha256: uploaded.sha256 }, note: '第一稿，请审阅' } });
    expect(submitted.status).toBe('in_review');
    expect(submitted.deliverable).toMatchObject({ status: 'submitted', latestRevision: 1, uploads: [] });
    expect(submitted.deliverable!.revisions).toMatchObject([{ revision: 1, status: 'submitted', note: '第一稿，请审阅', sha256: uploaded.sha256, submittedBy: { id: api.users.lawyer.id } }]);
    expect(draft.sha256).not.toBe(uploaded.sha256);

    // The partner's review queue holds it; the partner sends it back with a comment.
    const queue = await partner.listDeliverables({ query: { awaitingMyReview: true, sort: 'submittedAt' } });
    expect(queue.items.map((item) => item.id)).toEqual([deliverableId]);
    expect(queue.items[0]!.submittedAt).not.toBeNull();
    // A decision names the content read: the SHA-256 of another file is refused.
    expect((await refusal(partner.reviewDeliverable({ params: { id: deliverableId }, body: { revision: 1, sha256: draft.sha256, decision: 'approve' } }))).code).toBe('stale_revision');
    const sentBack = await partner.reviewDeliverable({ params: { id: deliverableId }, body: { revision: 1, sha256: uploaded.sha256, decision: 'request_changes', comment: '请补充法律依据。' } });
    expect(sentBack.status).toBe('changes_requested');
    expect(sentBack.reviews).toMatchObject([{ revision: 1, decision: 'request_changes', comment: '请补充法律依据。' }]);
    // Reviewing the same revision again is refused: it is no longer under review.
    expect((await refusal(partner.reviewDeliverable({ params: { id: deliverableId }, body: { revision: 1, sha256: uploaded.sha256, decision: 'approve' } }))).status).toBe(409);

    const inbox = await lawyer.listNotifications({ query: { unread: true } });
    const changeRequest = inbox.items.find((notification) => notification.kind === 'deliverable.changes_requested');
    expect(changeRequest).toMatchObject({ subject: { type: 'deliverable', id: deliverableId }, body: { zh: '修改意见：请补充法律依据。' } });
    await lawyer.markNotificationRead({ params: { id: changeRequest!.id } });
    expect((await lawyer.listNotifications()).unreadCount).toBe(inbox.unreadCount - 1);

    // The lawyer revises: revision 2, submitted again.
    const v2 = docxBytes('第二稿（补充法律依据）');
    const second = await lawyer.uploadDeliverableFile({ params: { id: deliverableId }, body: { file: fileOf(v2, '项目法律服务方案（第二稿）.docx') } });
    // Uploading after a submission never touches the submitted revision.
    expect((await api.db.deliverableRevision.findUniqueOrThrow({ where: { deliverableId_revision: { deliverableId, revision: 1 } } })).sha256).toBe(uploaded.sha256);
    const resubmitted = await lawyer.completeTask({ params: { id: taskId }, body: { formData, file: { sha256: second.sha256 } } });
    expect(resubmitted.status).toBe('in_review');
    // Only the revision under review can be decided.
    const stale = await refusal(partner.reviewDeliverable({ params: { id: deliverableId }, body: { revision: 1, sha256: uploaded.sha256, decision: 'approve' } }));
    expect(stale.code).toBe('stale_revision');
    const approved = await partner.reviewDeliverable({ params: { id: deliverableId }, body: { revision: 2, sha256: second.sha256, decision: 'approve', comment: '同意。' } });
    expect(approved.status).toBe('approved');
    expect(approved.revisions.map((revision) => [revision.revision, revision.status])).toEqual([
      [2, 'approved'],
      [1, 'changes_requested'],
    ]);
    expect((await lawyer.getTask({ params: { id: taskId } })).status).toBe('done');

    // The client now sees the approved revision, and only it.
    const released = await client.getDeliverable({ params: { id: deliverableId } });
    expect(released.revisions.map((revision) => revision.revision)).toEqual([2]);
    expect(released.reviews.map((review) => review.decision)).toEqual(['approve']);
    const download = await client.downloadDeliverableRevision({ params: { id: deliverableId, rev: 2 } });
    expect(Buffer.from(await download.blob.arrayBuffer()).equals(v2)).toBe(true);
    expect(download.fileName).toBe('项目法律服务方案（第二稿）.docx');
    expect(download.contentType).toBe(DOCX_MIME);
    expect((await refusal(client.downloadDeliverableRevision({ params: { id: deliverableId, rev: 1 } }))).status).toBe(404);
    const clientList = await client.listDeliverables({ query: { engagementId: created.id } });
    expect(clientList.items.map((item) => [item.id, item.status])).toEqual([[deliverableId, 'approved']]);
    const clientView = await client.getEngagement({ params: { id: created.id } });
    expect(clientView.deliverables.map((item) => item.id)).toEqual([deliverableId]);
    expect(clientView.can).toEqual({ update: false, pause: false, resume: false, cancel: false, readAudit: false, retry: false });
    // The lawyer still sees every revision.
    expect((await lawyer.downloadDeliverableRevision({ params: { id: deliverableId, rev: 1 } })).fileName).toBe('项目法律服务方案.docx');

    // The audit trail has the API's own entries (uploads, downloads) beside the workflow's.
    const trail = await pm.listEngagementAudit({ params: { id: created.id }, query: { pageSize: 100 } });
    const actions = trail.items.map((event) => event.action);
    expect(actions.filter((action) => action === 'deliverable.file_uploaded')).toHaveLength(3);
    expect(actions.filter((action) => action === 'deliverable.submitted')).toHaveLength(2);
    expect(actions.filter((action) => action === 'deliverable.reviewed')).toHaveLength(2);
    // The approved deliverable's task has its one completion event, credited to the lawyer who did the work.
    const completions = trail.items.filter((event) => event.action === 'task.completed');
    expect(completions).toHaveLength(1);
    expect(completions[0]!.actor?.id).toBe(api.users.lawyer.id);
    expect(actions.filter((action) => action === 'file.downloaded')).toHaveLength(2);
    expect(actions).toContain('engagement.created');
    const upload = trail.items.find((event) => event.action === 'deliverable.file_uploaded')!;
    expect(upload.actor?.id).toBe(api.users.lawyer.id);
    expect(upload.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await api.db.auditEvent.count({ where: { action: 'auth.login', actorId: api.users.pm.id } })).toBeGreaterThan(0);
  });

  it('pauses and resumes through the API, refusing work while paused', async () => {
    const pm = await signIn('pm');
    const lawyer = await signIn('lawyer');
    const created = await pm.createEngagement({ body: engagementBody(api) });
    const paused = await pm.pauseEngagement({ params: { id: created.id }, body: { reason: '委托方要求暂停' } });
    expect(paused.status).toBe('paused');
    expect((await pm.getEngagement({ params: { id: created.id } })).statusReason).toBe('委托方要求暂停');
    expect((await refusal(pm.pauseEngagement({ params: { id: created.id }, body: {} }))).code).toBe('engagement_not_running');
    const renamed = await pm.updateEngagement({ params: { id: created.id }, body: { name: '某某街道创新社区治理（二期）' } });
    expect(renamed.name).toBe('某某街道创新社区治理（二期）');
    expect((await refusal(pm.updateEngagement({ params: { id: created.id }, body: { team: { lawyers: [api.users.lawyer.id] } } }))).code).toBe('invalid_assignee');
    const resumed = await pm.resumeEngagement({ params: { id: created.id }, body: {} });
    expect(resumed.status).toBe('running');
    const task = await waitFor(
      () => lawyer.listTasks({ query: { engagementId: created.id, status: ['active'] } }),
      (page) => page.items.length > 0,
    );
    expect(task.items[0]!.engagement.name).toBe('某某街道创新社区治理（二期）');
    const cancelled = await pm.cancelEngagement({ params: { id: created.id }, body: { reason: '测试结束' } });
    expect(cancelled.status).toBe('cancelled');
    const trail = await pm.listEngagementAudit({ params: { id: created.id }, query: { action: ['engagement.paused', 'engagement.resumed', 'engagement.cancelled', 'engagement.updated'] } });
    expect(trail.items.map((event) => event.action).sort()).toEqual(['engagement.cancelled', 'engagement.paused', 'engagement.resumed', 'engagement.updated']);
  });
});
