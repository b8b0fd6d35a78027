// The API and the worker keeping files in an S3 bucket instead of on disk: a real S3 server
// (versitygw), the real stack. An upload goes through the API into the bucket, the worker's
// PDF copy too, downloads come back out of it checked against their SHA-256, and nothing lands
// on the local disk.
import { createHash } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hasOfficeTools } from '@gongzhi/documents/testing';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { type S3Server, startS3Server } from '@gongzhi/infra/s3-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEngagement } from './testing/fixtures';
import { DOCX_MIME, type TestApi, createTestApi, docxBytes, multipartBody } from './testing/harness';

let server: S3Server;
let api: TestApi;
const PREFIX = 'gongzhi/';

beforeAll(async () => {
  server = await startS3Server();
  api = await createTestApi({
    ...injectTestStack(),
    workflowBundlePath: inject('workflowBundlePath'),
    store: { kind: 's3', bucket: server.bucket, prefix: PREFIX, endpoint: server.endpoint, region: server.region, forcePathStyle: true, credentials: server.credentials },
  });
}, 10 * 60_000);

afterAll(async () => {
  await api?.close();
  await server?.stop();
});

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const objectsInBucket = async () => (await readdir(join(server.dataDir, server.bucket, PREFIX, 'sha256')).catch(() => [] as string[])).sort();

describe('files in an S3 bucket', () => {
  it('carries a deliverable from the lawyer’s upload to the client’s download, its PDF copy included, through the bucket only', async () => {
    const { firstTask } = await createEngagement(api);
    const deliverableId = firstTask.deliverable!.id;
    const [lawyer, partner, client] = await Promise.all([api.sessionFor('lawyer'), api.sessionFor('partner'), api.sessionFor('client')]);

    const content = docxBytes('项目法律服务方案（第一稿）：某某街道创新社区治理');
    const body = multipartBody([{ name: 'file', fileName: '项目法律服务方案.docx', contentType: DOCX_MIME, content }]);
    const uploaded = await api.request(lawyer, { method: 'POST', url: `/api/deliverables/${deliverableId}/uploads`, payload: body.payload, headers: body.headers });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const sha256 = uploaded.json<{ sha256: string }>().sha256;
    expect(sha256).toBe(sha256Of(content));
    expect(await objectsInBucket()).toContain(sha256);

    const formData = { background: '街道下辖五个社区，私搭乱建与停车秩序问题突出。', workPlanSummary: '七个阶段，详见方案。' };
    expect((await api.request(lawyer, { method: 'POST', url: `/api/tasks/${firstTask.id}/complete`, payload: { formData, file: { sha256 } } })).statusCode).toBe(200);
    const approved = await api.request(partner, { method: 'POST', url: `/api/deliverables/${deliverableId}/reviews`, payload: { revision: 1, sha256, decision: 'approve' } });
    expect(approved.statusCode, approved.body).toBe(201);

    const download = await api.request(client, { method: 'GET', url: `/api/deliverables/${deliverableId}/revisions/1/file` });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(content)).toBe(true);
    expect(download.headers['content-length']).toBe(String(content.length));

    if (hasOfficeTools) {
      // The worker converts the approved revision and stores the PDF in the same bucket.
      const pdf = await api.request(client, { method: 'GET', url: `/api/deliverables/${deliverableId}/revisions/1/pdf` });
      expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(await objectsInBucket()).toContain(sha256Of(pdf.rawPayload));
    }
    // Nothing went to the local directory the API would otherwise use.
    expect(await readdir(api.filesDir)).toEqual([]);

    // Bytes changed in the bucket behind the application's back are never served.
    await writeFile(join(server.dataDir, server.bucket, PREFIX, 'sha256', sha256), docxBytes('被篡改的内容'));
    const tampered = await api.request(client, { method: 'GET', url: `/api/deliverables/${deliverableId}/revisions/1/file` });
    expect(tampered.statusCode).toBe(500);
    expect(tampered.json()).toMatchObject({ error: { code: 'internal', message: '文件校验未通过，已停止下载，请联系管理员' } });
  });
});
