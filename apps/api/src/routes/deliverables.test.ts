// What the partner approved is what the client downloads: uploads store blobs and never touch a
// revision; the workflow creates revisions from the SHA-256 a submission names; a download
// refuses bytes that no longer match their SHA-256. On the real stack, over a real socket.
import { hasOfficeTools } from '@gongzhi/documents/testing';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CSRF_HEADER } from '@gongzhi/contracts';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { SESSION_COOKIE } from '../lib/sessions';
import { createEngagement } from '../testing/fixtures';
import { type Credentials, DOCX_MIME, type TestApi, createTestApi, docxBytes, multipartBody } from '../testing/harness';

let api: TestApi;
let baseUrl: string;

beforeAll(async () => {
  api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath') });
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await api?.close();
});

const formData = { background: '街道下辖五个社区，私搭乱建与停车秩序问题突出。', workPlanSummary: '七个阶段，详见方案。' };
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function upload(credentials: Credentials, deliverableId: string, fileName: string, content: Buffer): Promise<{ sha256: string }> {
  const body = multipartBody([{ name: 'file', fileName, contentType: DOCX_MIME, content }]);
  const response = await api.request(credentials, { method: 'POST', url: `/api/deliverables/${deliverableId}/uploads`, payload: body.payload, headers: body.headers });
  expect(response.statusCode, response.body).toBe(201);
  return { sha256: response.json<{ sha256: string }>().sha256 };
}

/**
 * An upload over a real socket whose body is held back: the headers and the first half go now,
 * the rest when `finish` is called — a lawyer on a slow connection.
 */
function slowUpload(credentials: Credentials & { kind: 'session' }, deliverableId: string, fileName: string, content: Buffer) {
  const body = multipartBody([{ name: 'file', fileName, contentType: DOCX_MIME, content }]);
  const half = Math.floor(body.payload.length / 2);
  let respond: (value: { status: number; body: string }) => void;
  const answered = new Promise<{ status: number; body: string }>((resolve) => (respond = resolve));
  const request = httpRequest(`${baseUrl}/api/deliverables/${deliverableId}/uploads`, {
    method: 'POST',
    headers: { ...body.headers, 'content-length': String(body.payload.length), cookie: `${SESSION_COOKIE}=${credentials.cookie}`, [CSRF_HEADER]: credentials.csrfToken },
  });
  request.on('response', (response) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => respond({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
  });
  request.write(body.payload.subarray(0, half));
  return {
    finish: () => {
      request.end(body.payload.subarray(half));
      return answered;
    },
  };
}

describe('deliverable files', () => {
  it('keeps the approved revision as approved when a slow upload finishes after the approval', async () => {
    const { engagement, firstTask } = await createEngagement(api);
    const deliverableId = firstTask.deliverable!.id;
    const lawyer = await api.sessionFor('lawyer');
    const partner = await api.sessionFor('partner');
    const client = await api.sessionFor('client');

    const reviewed = docxBytes('项目法律服务方案（第一稿，送审）');
    const { sha256 } = await upload(lawyer, deliverableId, '项目法律服务方案.docx', reviewed);
    // A second upload starts on a slow connection and is still in flight…
    const late = docxBytes('项目法律服务方案（未经审阅的改动）');
    const slow = slowUpload(lawyer, deliverableId, '项目法律服务方案-改.docx', late);

    // …while the lawyer submits the first file and the partner approves it.
    const completed = await api.request(lawyer, { method: 'POST', url: `/api/tasks/${firstTask.id}/complete`, payload: { formData, file: { sha256 } } });
    expect(completed.statusCode, completed.body).toBe(200);
    const approved = await api.request(partner, { method: 'POST', url: `/api/deliverables/${deliverableId}/reviews`, payload: { revision: 1, sha256, decision: 'approve' } });
    expect(approved.statusCode, approved.body).toBe(201);

    // The slow upload now arrives: it stores its bytes and nothing else.
    const arrived = await slow.finish();
    expect([201, 409]).toContain(arrived.status);
    const revisions = await api.db.deliverableRevision.findMany({ where: { deliverableId }, select: { revision: true, sha256: true } });
    expect(revisions).toEqual([{ revision: 1, sha256: sha256Of(reviewed) }]);
    const review = await api.db.review.findFirstOrThrow({ where: { deliverableId } });
    expect([review.decision, review.sha256]).toEqual(['approved', sha256Of(reviewed)]);

    // The client downloads exactly the bytes the partner approved.
    const download = await fetch(`${baseUrl}/api/deliverables/${deliverableId}/revisions/1/file`, { headers: { cookie: `${SESSION_COOKIE}=${(client as { cookie: string }).cookie}` } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(reviewed)).toBe(true);
    expect(download.headers.get('etag')).toBe(`"${sha256Of(reviewed)}"`);

    // And a PDF of it, converted by LibreOffice on a worker once, then served again.
    if (hasOfficeTools) {
      const pdfPath = `/api/deliverables/${deliverableId}/revisions/1/pdf`;
      const pdf = await api.request(client, { method: 'GET', url: pdfPath });
      expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(decodeURIComponent(String(pdf.headers['content-disposition']))).toContain('项目法律服务方案.pdf');
      const again = await api.request(lawyer, { method: 'GET', url: pdfPath });
      expect(again.rawPayload.equals(pdf.rawPayload)).toBe(true);
      expect(await api.db.pdfRendition.count({ where: { sourceSha256: sha256Of(reviewed) } })).toBe(1);
    }
    void engagement;
  });

  it('never serves bytes that no longer match the revision’s SHA-256', async () => {
    const { firstTask } = await createEngagement(api);
    const deliverableId = firstTask.deliverable!.id;
    const lawyer = await api.sessionFor('lawyer');
    const content = docxBytes('联动执法方案（第一稿）');
    const { sha256 } = await upload(lawyer, deliverableId, '联动执法方案.docx', content);
    expect((await api.request(lawyer, { method: 'POST', url: `/api/tasks/${firstTask.id}/complete`, payload: { formData, file: { sha256 } } })).statusCode).toBe(200);
    const path = `/api/deliverables/${deliverableId}/revisions/1/file`;
    expect((await api.request(lawyer, { method: 'GET', url: path })).rawPayload.equals(content)).toBe(true);

    // Someone changes the stored file behind the application's back.
    await writeFile(join(api.filesDir, 'sha256', sha256.slice(0, 2), sha256.slice(2)), docxBytes('被篡改的内容'));
    const tampered = await api.request(lawyer, { method: 'GET', url: path });
    expect(tampered.statusCode).toBe(500);
    expect(tampered.json()).toMatchObject({ error: { code: 'internal', message: '文件校验未通过，已停止下载，请联系管理员' } });
    expect(tampered.headers['content-disposition']).toBeUndefined();
  });

  it('refuses to submit a file that was not uploaded for this deliverable, and a review of other content', async () => {
    const first = await createEngagement(api);
    const second = await createEngagement(api);
    const lawyer = await api.sessionFor('lawyer');
    const partner = await api.sessionFor('partner');
    // Uploaded for another engagement's deliverable: not a file of this one.
    const elsewhere = await upload(lawyer, second.firstTask.deliverable!.id, '别的方案.docx', docxBytes('别的项目'));
    const refused = await api.request(lawyer, { method: 'POST', url: `/api/tasks/${first.firstTask.id}/complete`, payload: { formData, file: elsewhere } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ error: { code: 'file_required' } });
    expect(await api.db.deliverableRevision.count({ where: { deliverableId: first.firstTask.deliverable!.id } })).toBe(0);

    const mine = await upload(lawyer, first.firstTask.deliverable!.id, '方案.docx', docxBytes('本项目方案'));
    expect((await api.request(lawyer, { method: 'POST', url: `/api/tasks/${first.firstTask.id}/complete`, payload: { formData, file: mine } })).statusCode).toBe(200);
    const wrongContent = await api.request(partner, { method: 'POST', url: `/api/deliverables/${first.firstTask.deliverable!.id}/reviews`, payload: { revision: 1, sha256: elsewhere.sha256, decision: 'approve' } });
    expect(wrongContent.statusCode).toBe(409);
    expect(wrongContent.json()).toMatchObject({ error: { code: 'stale_revision' } });
    expect(await api.db.review.count({ where: { deliverableId: first.firstTask.deliverable!.id } })).toBe(0);
  });
});
