import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { ApiContractError, ApiError, CSRF_HEADER, createApiClient, readEngagementEvents } from './client';
import { createErrorResponse } from './errors';
import { ids, sampleTaskDetail } from './test-fixtures';
import { listTasksQuerySchema } from './tasks';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}
interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body: string | Buffer | ((write: (chunk: string) => void) => Promise<void>);
}

/** A real HTTP server: it records each request and answers from `replies` by `METHOD /path`. */
let server: Server;
let baseUrl: string;
let received: Received[] = [];
const replies = new Map<string, (request: Received) => Reply>();
const json = (value: unknown, status = 200): Reply => ({ status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) });

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const record: Received = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) };
      received.push(record);
      const route = `${record.method} ${new URL(record.url, 'http://local').pathname}`;
      const reply = replies.get(route)?.(record) ?? json(createErrorResponse('not_found', { locale: 'en', requestId: 'test' }), 404);
      response.writeHead(reply.status ?? 200, reply.headers);
      if (typeof reply.body === 'function') void reply.body((chunk) => response.write(chunk)).then(() => response.end());
      else response.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

beforeEach(() => {
  received = [];
  replies.clear();
});

const user = { id: ids.lawyer, username: 'li.lawyer', displayName: '李律师', roles: ['lawyer'], locale: 'zh-CN' };

describe('typed client against a real HTTP server', () => {
  it('logs in, then completes a task with the CSRF token, a JSON body and cookies included', async () => {
    replies.set('POST /api/auth/login', () => json({ user, csrfToken: 'csrf-123' }));
    replies.set(`POST /api/tasks/${ids.task}/complete`, () => json(sampleTaskDetail()));
    const client = createApiClient({ baseUrl, locale: 'en' });

    const session = await client.login({ body: { username: 'li.lawyer', password: 'correct horse battery' } });
    expect(session.user.displayName).toBe('李律师');
    expect(client.getCsrfToken()).toBe('csrf-123');
    expect(received[0]!.headers[CSRF_HEADER]).toBeUndefined();

    const task = await client.completeTask({ params: { id: ids.task }, body: { formData: { background: '背景', workPlanSummary: '计划' }, idempotencyKey: 'attempt-0001' } });
    expectTypeOf(task.status).toEqualTypeOf<'pending' | 'active' | 'in_review' | 'changes_requested' | 'done' | 'cancelled'>();
    expect(task.deliverable?.revisions[0]?.fileName).toBe('项目法律服务方案.docx');

    const request = received[1]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`/api/tasks/${ids.task}/complete`);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers[CSRF_HEADER]).toBe('csrf-123');
    expect(request.headers['accept-language']).toBe('en');
    expect(JSON.parse(request.body.toString('utf8'))).toEqual({ formData: { background: '背景', workPlanSummary: '计划' }, idempotencyKey: 'attempt-0001' });
  });

  it('serialises query values so the server’s schema decodes them back to what was sent', async () => {
    replies.set('GET /api/tasks', (request) => {
      const search = new URL(request.url, 'http://local').searchParams;
      const query = Object.fromEntries([...new Set(search.keys())].map((key) => [key, search.getAll(key).length > 1 ? search.getAll(key) : search.get(key)]));
      const parsed = listTasksQuerySchema.parse(query);
      return json({ items: [], total: 0, page: parsed.page, pageSize: parsed.pageSize });
    });
    const client = createApiClient({ baseUrl });
    const query = { assignee: 'me', status: ['active', 'changes_requested'], overdue: true, dueBefore: '2025-04-30', page: 3, pageSize: 50 } as const;
    const page = await client.listTasks({ query: { ...query, status: [...query.status] } });
    expect(page).toEqual({ items: [], total: 0, page: 3, pageSize: 50 });
    expect(received[0]!.url).toBe('/api/tasks?assignee=me&status=active&status=changes_requested&overdue=true&dueBefore=2025-04-30&page=3&pageSize=50');
    expect(listTasksQuerySchema.parse(Object.fromEntries(new URL(received[0]!.url, 'http://local').searchParams))).toMatchObject({ assignee: 'me', overdue: true, page: 3 });
    expect(received[0]!.method).toBe('GET');
    expect(received[0]!.headers[CSRF_HEADER]).toBeUndefined();
  });

  it('throws a typed ApiError carrying the error body, field errors included', async () => {
    replies.set(`POST /api/tasks/${ids.task}/complete`, () =>
      json(
        createErrorResponse('form_invalid', {
          locale: 'zh-CN',
          requestId: 'req-9',
          fieldErrors: [{ field: 'background', code: 'required', message: '服务背景：必填' }],
        }),
        422,
      ),
    );
    const client = createApiClient({ baseUrl });
    const failure = await client.completeTask({ params: { id: ids.task }, body: { formData: {} } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    const error = failure as ApiError;
    expect([error.status, error.code, error.requestId, error.isApiErrorBody]).toEqual([422, 'form_invalid', 'req-9', true]);
    expect(error.fieldErrors).toEqual([{ field: 'background', code: 'required', message: '服务背景：必填' }]);
  });

  it('still throws an ApiError when something else answered with a non-JSON error page', async () => {
    replies.set('GET /api/me', () => ({ status: 502, headers: { 'content-type': 'text/html', 'x-request-id': 'edge-1' }, body: '<h1>Bad gateway</h1>' }));
    const error = (await createApiClient({ baseUrl })
      .getMe()
      .catch((caught: unknown) => caught)) as ApiError;
    expect([error.status, error.code, error.requestId, error.isApiErrorBody]).toEqual([502, 'internal', 'edge-1', false]);
  });

  it('refuses a success body that breaks the contract', async () => {
    replies.set('GET /api/me', () => json({ user: { ...user, isAdmin: true }, authMethod: 'session', csrfToken: 'x' }));
    await expect(createApiClient({ baseUrl }).getMe()).rejects.toBeInstanceOf(ApiContractError);
  });

  it('authenticates with a personal token as Bearer and sends no CSRF header', async () => {
    replies.set(`POST /api/tasks/${ids.task}/assign`, () => json(sampleTaskDetail()));
    const client = createApiClient({ baseUrl, token: 'gz_secret' });
    client.setCsrfToken('should-not-be-sent');
    await client.assignTask({ params: { id: ids.task }, body: { assigneeId: ids.lawyer } });
    expect(received[0]!.headers.authorization).toBe('Bearer gz_secret');
    expect(received[0]!.headers[CSRF_HEADER]).toBeUndefined();
  });

  it('uploads a file as multipart and answers with its SHA-256', async () => {
    replies.set(`POST /api/deliverables/${ids.deliverable}/uploads`, () =>
      json(
        {
          sha256: 'b'.repeat(64),
          fileName: '方案.docx',
          mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          sizeBytes: 5,
          uploadedBy: { id: ids.lawyer, displayName: '李律师' },
          uploadedAt: '2025-03-06T02:00:00.000Z',
        },
        201,
      ),
    );
    const client = createApiClient({ baseUrl });
    client.setCsrfToken('csrf-9');
    const file = new File(['hello'], '方案.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const uploaded = await client.uploadDeliverableFile({ params: { id: ids.deliverable }, body: { file } });
    expect(uploaded.sha256).toBe('b'.repeat(64));
    const request = received[0]!;
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.headers[CSRF_HEADER]).toBe('csrf-9');
    const form = await new Response(request.body, { headers: { 'content-type': request.headers['content-type']! } }).formData();
    const part = form.get('file') as File;
    expect([part.name, part.type, await part.text()]).toEqual(['方案.docx', file.type, 'hello']);
  });

  it('downloads a file with its Chinese name from Content-Disposition', async () => {
    replies.set(`GET /api/deliverables/${ids.deliverable}/revisions/2/file`, () => ({
      headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="plan.pdf"; filename*=UTF-8''${encodeURIComponent('服务方案.pdf')}` },
      body: Buffer.from('%PDF-1.7'),
    }));
    const file = await createApiClient({ baseUrl }).downloadDeliverableRevision({ params: { id: ids.deliverable, rev: 2 } });
    expect([file.fileName, file.contentType, await file.blob.text()]).toEqual(['服务方案.pdf', 'application/pdf', '%PDF-1.7']);
  });

  it('reads and validates server-sent events', async () => {
    const at = '2025-03-06T02:00:00.000Z';
    replies.set(`GET /api/engagements/${ids.engagement}/events`, () => ({
      headers: { 'content-type': 'text/event-stream' },
      body: async (write) => {
        write(': ping\n\n');
        write(`id: 1\nevent: task.updated\ndata: ${JSON.stringify({ type: 'task.updated', engagementId: ids.engagement, at, data: { taskId: ids.task, status: 'done', assigneeId: ids.lawyer } })}\n\n`);
        await new Promise((resolve) => setTimeout(resolve, 10));
        write(`id: 2\nevent: stage.updated\ndata: ${JSON.stringify({ type: 'stage.updated', engagementId: ids.engagement, at, data: { stageKey: 'proposal', status: 'done' } })}\n\n`);
      },
    }));
    const client = createApiClient({ baseUrl });
    expect(client.url('streamEngagementEvents', { params: { id: ids.engagement } })).toBe(`${baseUrl}api/engagements/${ids.engagement}/events`);
    const response = await client.streamEngagementEvents({ params: { id: ids.engagement } });
    const events = [];
    for await (const message of readEngagementEvents(response)) events.push(message);
    expect(events.map(({ id, event }) => [id, event.type])).toEqual([
      ['1', 'task.updated'],
      ['2', 'stage.updated'],
    ]);
    expect(received[0]!.headers.accept).toBe('text/event-stream');
  });

  it('forgets the CSRF token on logout and sends no body where the operation has none', async () => {
    replies.set('POST /api/auth/logout', () => json({ ok: true }));
    const client = createApiClient({ baseUrl });
    client.setCsrfToken('csrf-1');
    await client.logout();
    expect(received[0]!.headers[CSRF_HEADER]).toBe('csrf-1');
    expect(received[0]!.headers['content-type']).toBeUndefined();
    expect(received[0]!.body.length).toBe(0);
    expect(client.getCsrfToken()).toBeNull();
  });
});
