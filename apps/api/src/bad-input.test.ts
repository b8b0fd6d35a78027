// Hostile and broken requests: every one is refused with a 4xx in the one error shape, none
// reaches a 5xx, and nothing is written.
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type InjectOptions } from 'fastify';
import { UPLOAD_LIMITS, errorResponseSchema } from '@gongzhi/contracts';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { createEngagement, engagementBody } from './testing/fixtures';
import { type Credentials, DOCX_MIME, type TestApi, type TestUserName, createTestApi, docxBytes, multipartBody } from './testing/harness';

let api: TestApi;
let mine: Awaited<ReturnType<typeof createEngagement>>;
let theirs: Awaited<ReturnType<typeof createEngagement>>;
const sessions = new Map<TestUserName, Credentials>();

beforeAll(async () => {
  api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath') });
  mine = await createEngagement(api);
  // Another engagement with a team that shares nobody with the first.
  const outsiders = await api.sessionFor('outsiderPm');
  theirs = await createEngagement(api, outsiders, {
    team: { pm: api.users.outsiderPm.id, partner: api.users.outsiderPartner.id, lawyers: [api.users.outsiderLawyer.id], client: api.users.outsiderClient.id },
  });
  for (const user of ['pm', 'lawyer', 'partner', 'admin', 'outsiderLawyer'] as const) sessions.set(user, await api.sessionFor(user));
  // Both engagements have a draft on their first deliverable.
  for (const [user, fixture] of [['lawyer', mine], ['outsiderLawyer', theirs]] as const) {
    const body = multipartBody([{ name: 'file', fileName: '方案.docx', contentType: DOCX_MIME, content: docxBytes('草稿') }]);
    const response = await api.request(sessions.get(user)!, { method: 'POST', url: `/api/deliverables/${fixture.firstTask.deliverable!.id}/uploads`, payload: body.payload, headers: body.headers });
    expect(response.statusCode).toBe(201);
  }
});

afterAll(async () => {
  await api?.close();
});

/** Row counts of everything a request could write, plus the states a command could change. */
async function snapshot() {
  const { db } = api;
  return {
    users: await db.user.count(),
    engagements: await db.engagement.count(),
    members: await db.engagementMember.count(),
    tasks: await db.task.findMany({ select: { id: true, status: true, assigneeId: true, formData: true }, orderBy: { id: 'asc' } }),
    deliverables: await db.deliverable.findMany({ select: { id: true, status: true, currentRevision: true }, orderBy: { id: 'asc' } }),
    revisions: await db.deliverableRevision.findMany({ select: { id: true, sha256: true, note: true }, orderBy: { id: 'asc' } }),
    uploads: await db.deliverableUpload.count(),
    reviews: await db.review.count(),
    notifications: await db.notification.count(),
    audit: await db.auditEvent.count(),
    tokens: await db.apiToken.count(),
    files: (await readdir(api.filesDir, { recursive: true })).length,
  };
}

const deep = (depth: number, leaf: string) => `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

interface Case {
  name: string;
  as?: TestUserName;
  request: () => InjectOptions;
  status: number;
  code: string;
  /** Expected field errors (field names), when the refusal is a validation. */
  fields?: string[];
}

const json = (method: InjectOptions['method'], url: string, payload: string, contentType = 'application/json'): InjectOptions => ({ method, url, payload, headers: { 'content-type': contentType } });
const upload = (deliverableId: () => string, parts: Parameters<typeof multipartBody>[0]): (() => InjectOptions) => () => {
  const body = multipartBody(parts);
  return { method: 'POST', url: `/api/deliverables/${deliverableId()}/uploads`, payload: body.payload, headers: body.headers };
};
const myDeliverable = () => mine.firstTask.deliverable!.id;
const validEngagement = () => engagementBody(api);

const cases: Case[] = [
  // Wrong types and missing fields.
  { name: 'a number for a name', request: () => ({ method: 'POST', url: '/api/engagements', payload: { ...validEngagement(), name: 123 } }), status: 400, code: 'validation_failed', fields: ['name'] },
  { name: 'an empty engagement', request: () => ({ method: 'POST', url: '/api/engagements', payload: {} }), status: 400, code: 'validation_failed', fields: ['name', 'clientName', 'clientKind', 'communities', 'team', 'startDate', 'templateKey'] },
  { name: 'an impossible date', request: () => ({ method: 'POST', url: '/api/engagements', payload: { ...validEngagement(), startDate: '2030-02-30' } }), status: 400, code: 'validation_failed', fields: ['startDate'] },
  { name: 'a form that is a string', as: 'lawyer', request: () => ({ method: 'POST', url: `/api/tasks/${mine.firstTask.id}/complete`, payload: { formData: 'all done' } }), status: 400, code: 'validation_failed', fields: ['formData'] },
  { name: 'a form value that is an object', as: 'lawyer', request: () => ({ method: 'POST', url: `/api/tasks/${mine.firstTask.id}/complete`, payload: { formData: { background: { text: 'x' } } } }), status: 400, code: 'validation_failed' },
  { name: 'a date that is no date at all', request: () => ({ method: 'GET', url: '/api/tasks?dueBefore=0000-00-00' }), status: 400, code: 'validation_failed' },
  // Found while declaring `format: date`: a real-looking date in year 0, which PostgreSQL has not, was a 500.
  { name: 'a date in year 0', request: () => ({ method: 'GET', url: '/api/tasks?dueBefore=0000-01-01' }), status: 400, code: 'validation_failed', fields: ['query.dueBefore'] },
  { name: 'a NUL character in a name', request: () => ({ method: 'POST', url: '/api/engagements', payload: { ...validEngagement(), name: '某某\u0000街道' } }), status: 400, code: 'validation_failed', fields: ['name'] },
  { name: 'a NUL character in a search', request: () => ({ method: 'GET', url: '/api/engagements?q=%00' }), status: 400, code: 'validation_failed', fields: ['query.q'] },
  { name: 'a field beside the file in an upload', as: 'lawyer', request: upload(myDeliverable, [{ name: 'file', fileName: 'a.docx', contentType: DOCX_MIME, content: docxBytes('x') }, { name: 'note', value: 'a\u0000b' }]), status: 400, code: 'validation_failed' },
  { name: 'a page that is not a number', request: () => ({ method: 'GET', url: '/api/tasks?page=abc' }), status: 400, code: 'validation_failed', fields: ['query.page'] },
  { name: 'a page size above the ceiling', request: () => ({ method: 'GET', url: '/api/engagements?pageSize=1000' }), status: 400, code: 'validation_failed', fields: ['query.pageSize'] },
  // Found by schemathesis: the router's own refusals (a 414, a bare 400) were outside the contract.
  { name: 'a path parameter over the router\'s limit', request: () => ({ method: 'PUT', url: `/api/engagements/${mine.engagement.id}/knowledge/violation/${'%CC%B7'.repeat(300)}`, payload: { content: {}, reason: 'x' } }), status: 400, code: 'validation_failed' },
  { name: 'a path parameter that is not valid percent-encoding', request: () => ({ method: 'GET', url: '/api/tasks/%E0%A4%A' }), status: 400, code: 'validation_failed' },
  { name: 'an id that is not a UUID', request: () => ({ method: 'GET', url: '/api/tasks/1%20OR%201=1' }), status: 400, code: 'validation_failed', fields: ['params.id'] },
  { name: 'a revision number that is not one', request: () => ({ method: 'GET', url: `/api/deliverables/${myDeliverable()}/revisions/-1/file` }), status: 400, code: 'validation_failed' },
  { name: 'a review decision nobody knows', as: 'partner', request: () => ({ method: 'POST', url: `/api/deliverables/${myDeliverable()}/reviews`, payload: { revision: 1, decision: 'maybe' } }), status: 400, code: 'validation_failed' },
  { name: 'requesting changes without a comment', as: 'partner', request: () => ({ method: 'POST', url: `/api/deliverables/${myDeliverable()}/reviews`, payload: { revision: 1, decision: 'request_changes' } }), status: 400, code: 'validation_failed' },
  { name: 'a login without a password', request: () => ({ method: 'POST', url: '/api/auth/login', payload: { username: 'pm' } }), status: 400, code: 'validation_failed', fields: ['password'] },
  // Unknown fields are refused, not ignored.
  { name: 'an unknown top-level field', request: () => ({ method: 'POST', url: '/api/engagements', payload: { ...validEngagement(), budget: 100_000 } }), status: 400, code: 'validation_failed', fields: ['budget'] },
  { name: 'an unknown nested field', request: () => ({ method: 'POST', url: '/api/engagements', payload: { ...validEngagement(), team: { ...validEngagement().team, intern: api.users.lawyer.id } } }), status: 400, code: 'validation_failed', fields: ['team.intern'] },
  { name: 'an unknown query parameter', request: () => ({ method: 'GET', url: '/api/tasks?limit=5' }), status: 400, code: 'validation_failed', fields: ['query.limit'] },
  { name: 'an admin flag on a profile', request: () => ({ method: 'PATCH', url: '/api/me', payload: { displayName: '李婧', roles: ['admin'] } }), status: 400, code: 'validation_failed', fields: ['roles'] },
  { name: 'a form key that is not a field key', as: 'lawyer', request: () => ({ method: 'POST', url: `/api/tasks/${mine.firstTask.id}/complete`, payload: { formData: { _private: 'x' } } }), status: 400, code: 'validation_failed' },
  // Oversized bodies and values.
  { name: 'a JSON body over the limit', request: () => ({ method: 'POST', url: '/api/engagements', payload: JSON.stringify({ ...validEngagement(), name: 'x'.repeat(1_100_000) }), headers: { 'content-type': 'application/json' } }), status: 413, code: 'payload_too_large' },
  { name: 'a name over its ceiling', request: () => ({ method: 'POST', url: '/api/engagements', payload: { ...validEngagement(), name: '街'.repeat(201) } }), status: 400, code: 'validation_failed', fields: ['name'] },
  { name: 'a form with too many fields', as: 'lawyer', request: () => ({ method: 'POST', url: `/api/tasks/${mine.firstTask.id}/complete`, payload: { formData: Object.fromEntries(Array.from({ length: 150 }, (_, index) => [`f${index}`, 1])) } }), status: 400, code: 'validation_failed' },
  {
    name: 'an upload over 50 MB',
    as: 'lawyer',
    request: upload(myDeliverable, [{ name: 'file', fileName: 'big.docx', contentType: DOCX_MIME, content: Buffer.concat([docxBytes('x'), Buffer.alloc(UPLOAD_LIMITS.maxBytes)]) }]),
    status: 413,
    code: 'payload_too_large',
  },
  // Deep nesting.
  { name: 'arrays nested 100 000 deep', as: 'lawyer', request: () => json('POST', `/api/tasks/${mine.firstTask.id}/complete`, `{"formData":{"background":${deep(100_000, '1')}}}`), status: 400, code: 'validation_failed' },
  { name: 'objects nested 50 000 deep', request: () => json('POST', '/api/engagements', deepObject(50_000)), status: 400, code: 'validation_failed' },
  // Prototype pollution.
  { name: 'a __proto__ key', request: () => json('POST', '/api/engagements', `{"__proto__":{"isAdmin":true},"name":"x"}`), status: 400, code: 'validation_failed' },
  { name: 'a __proto__ key inside a form', as: 'lawyer', request: () => json('POST', `/api/tasks/${mine.firstTask.id}/complete`, `{"formData":{"__proto__":{"polluted":true}}}`), status: 400, code: 'validation_failed' },
  { name: 'constructor.prototype', request: () => json('PATCH', '/api/me', `{"constructor":{"prototype":{"polluted":true}}}`), status: 400, code: 'validation_failed' },
  { name: 'a __proto__ query key', request: () => ({ method: 'GET', url: '/api/tasks?__proto__[polluted]=1' }), status: 400, code: 'validation_failed' },
  // Bad content types and broken bodies.
  { name: 'text/plain', request: () => json('POST', '/api/engagements', JSON.stringify(validEngagement()), 'text/plain'), status: 415, code: 'unsupported_media_type' },
  { name: 'application/xml', request: () => json('POST', '/api/engagements', '<engagement/>', 'application/xml'), status: 415, code: 'unsupported_media_type' },
  { name: 'multipart to a JSON operation', request: () => ({ ...upload(myDeliverable, [{ name: 'name', value: 'x' }])(), url: '/api/engagements' }), status: 415, code: 'unsupported_media_type' },
  { name: 'JSON to the upload', as: 'lawyer', request: () => ({ method: 'POST', url: `/api/deliverables/${myDeliverable()}/uploads`, payload: { file: 'x' } }), status: 415, code: 'unsupported_media_type' },
  { name: 'an upload of a type not accepted', as: 'lawyer', request: upload(myDeliverable, [{ name: 'file', fileName: 'page.html', contentType: 'text/html', content: Buffer.from('<script>alert(1)</script>') }]), status: 415, code: 'unsupported_media_type' },
  { name: 'PNG bytes named .html, for a Word deliverable', as: 'lawyer', request: upload(myDeliverable, [{ name: 'file', fileName: 'report.html', contentType: 'image/png', content: Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('<script>alert(1)</script>')]) }]), status: 415, code: 'unsupported_media_type' },
  { name: 'a .docx.html double extension', as: 'lawyer', request: upload(myDeliverable, [{ name: 'file', fileName: '方案.docx.html', contentType: DOCX_MIME, content: docxBytes('x') }]), status: 415, code: 'unsupported_media_type' },
  { name: 'an SVG for a Word deliverable', as: 'lawyer', request: upload(myDeliverable, [{ name: 'file', fileName: 'logo.svg', contentType: 'image/svg+xml', content: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') }]), status: 415, code: 'unsupported_media_type' },
  { name: 'a Word file named .xlsx for a Word deliverable', as: 'lawyer', request: upload(myDeliverable, [{ name: 'file', fileName: '清单.xlsx', contentType: DOCX_MIME, content: docxBytes('x') }]), status: 415, code: 'unsupported_media_type' },
  { name: 'a PDF named .docx', as: 'lawyer', request: upload(myDeliverable, [{ name: 'file', fileName: '方案.docx', contentType: DOCX_MIME, content: Buffer.from('%PDF-1.7\n%âãÏÓ\n') }]), status: 415, code: 'unsupported_media_type' },
  { name: 'a zip without Office content types named .docx', as: 'lawyer', request: upload(myDeliverable, [{ name: 'file', fileName: '方案.docx', contentType: DOCX_MIME, content: Buffer.from('504b0506000000000000000000000000000000000000', 'hex') }]), status: 415, code: 'unsupported_media_type' },
  { name: 'an upload whose bytes are not its declared type', as: 'lawyer', request: upload(myDeliverable, [{ name: 'file', fileName: 'fake.docx', contentType: DOCX_MIME, content: Buffer.from('MZ\x90\x00 not a docx') }]), status: 415, code: 'unsupported_media_type' },
  { name: 'an upload without a file', as: 'lawyer', request: upload(myDeliverable, [{ name: 'note', value: '只有说明' }]), status: 400, code: 'validation_failed' },
  // Found by schemathesis: the multipart parser's own complaints were 500s.
  { name: 'multipart without a boundary', as: 'lawyer', request: () => json('POST', `/api/deliverables/${myDeliverable()}/uploads`, '', 'multipart/form-data'), status: 400, code: 'validation_failed' },
  { name: 'a multipart body that ends mid-part', as: 'lawyer', request: () => json('POST', `/api/deliverables/${myDeliverable()}/uploads`, '--b\r\no\u00f2V--b--\r\n', 'multipart/form-data; boundary=b'), status: 400, code: 'validation_failed' },
  { name: 'an upload with an unknown field', as: 'lawyer', request: upload(myDeliverable, [{ name: 'file', fileName: 'a.docx', contentType: DOCX_MIME, content: docxBytes('x') }, { name: 'revision', value: '7' }]), status: 400, code: 'validation_failed', fields: ['revision'] },
  { name: 'an upload of two files', as: 'lawyer', request: upload(myDeliverable, [{ name: 'file', fileName: 'a.docx', contentType: DOCX_MIME, content: docxBytes('a') }, { name: 'file', fileName: 'b.docx', contentType: DOCX_MIME, content: docxBytes('b') }]), status: 400, code: 'validation_failed' },
  { name: 'an upload with more parts than an upload has', as: 'lawyer', request: upload(myDeliverable, [{ name: 'file', fileName: 'a.docx', contentType: DOCX_MIME, content: docxBytes('a') }, ...['a', 'b', 'c', 'd', 'e'].map((name) => ({ name, value: 'x' }))]), status: 400, code: 'validation_failed' },
  { name: 'an empty upload', as: 'lawyer', request: upload(myDeliverable, [{ name: 'file', fileName: 'empty.docx', contentType: DOCX_MIME, content: Buffer.alloc(0) }]), status: 400, code: 'validation_failed' },
  { name: 'malformed JSON', request: () => json('POST', '/api/engagements', '{"name": "x",'), status: 400, code: 'validation_failed' },
  { name: 'an empty JSON body', request: () => json('POST', '/api/engagements', ''), status: 400, code: 'validation_failed' },
  // Ids forged from another engagement.
  { name: 'completing another engagement’s task', as: 'lawyer', request: () => ({ method: 'POST', url: `/api/tasks/${theirs.firstTask.id}/complete`, payload: { formData: { background: 'x', workPlanSummary: 'y' } } }), status: 404, code: 'not_found' },
  { name: 'uploading to another engagement’s deliverable', as: 'lawyer', request: upload(() => theirs.firstTask.deliverable!.id, [{ name: 'file', fileName: 'a.docx', contentType: DOCX_MIME, content: docxBytes('x') }]), status: 404, code: 'not_found' },
  { name: 'downloading another engagement’s file', as: 'lawyer', request: () => ({ method: 'GET', url: `/api/deliverables/${theirs.firstTask.deliverable!.id}/revisions/1/file` }), status: 404, code: 'not_found' },
  { name: 'reviewing another engagement’s deliverable', as: 'partner', request: () => ({ method: 'POST', url: `/api/deliverables/${theirs.firstTask.deliverable!.id}/reviews`, payload: { revision: 1, sha256: 'a'.repeat(64), decision: 'approve' } }), status: 404, code: 'not_found' },
  { name: 'pausing another engagement', request: () => ({ method: 'POST', url: `/api/engagements/${theirs.engagement.id}/pause`, payload: {} }), status: 404, code: 'not_found' },
  { name: 'reading another engagement’s audit trail', request: () => ({ method: 'GET', url: `/api/engagements/${theirs.engagement.id}/audit` }), status: 404, code: 'not_found' },
  { name: 'assigning my task to another team’s lawyer', request: () => ({ method: 'POST', url: `/api/tasks/${mine.firstTask.id}/assign`, payload: { assigneeId: api.users.outsiderLawyer.id } }), status: 422, code: 'invalid_assignee' },
  { name: 'a team of users from nowhere', request: () => ({ method: 'POST', url: '/api/engagements', payload: { ...validEngagement(), team: { pm: crypto.randomUUID(), partner: api.users.partner.id, lawyers: [api.users.lawyer.id] } } }), status: 422, code: 'invalid_assignee', fields: ['team.pm'] },
  { name: 'an unknown template', request: () => ({ method: 'POST', url: '/api/engagements', payload: { ...validEngagement(), templateKey: 'no-such-template' } }), status: 404, code: 'not_found' },
  { name: 'a route that does not exist', request: () => ({ method: 'GET', url: '/api/engagements/x/y/z' }), status: 404, code: 'not_found' },
  { name: 'a method the path does not have', request: () => ({ method: 'DELETE', url: '/api/engagements' }), status: 405, code: 'method_not_allowed' },
  { name: 'a QUERY without a content type', request: () => ({ method: 'QUERY' as 'GET', url: '/api/tasks' }), status: 405, code: 'method_not_allowed' },
];

describe('bad input', () => {
  it('answers every malformed or forged request with a 4xx in the error shape, and writes nothing', async () => {
    const before = await snapshot();
    const failures: string[] = [];
    for (const testCase of cases) {
      const response = await api.request(sessions.get(testCase.as ?? 'pm')!, testCase.request());
      const body = errorResponseSchema.safeParse(response.json());
      const fields = body.success ? (body.data.error.fieldErrors ?? []).map((error) => error.field) : [];
      const problem =
        response.statusCode !== testCase.status
          ? `status ${response.statusCode}`
          : !body.success
            ? `body ${response.body.slice(0, 200)}`
            : body.data.error.code !== testCase.code
              ? `code ${body.data.error.code}`
              : testCase.fields && !testCase.fields.every((field) => fields.includes(field))
                ? `fields ${fields.join(',')}`
                : null;
      if (problem) failures.push(`${testCase.name}: expected ${testCase.status} ${testCase.code}${testCase.fields ? ` [${testCase.fields}]` : ''}, got ${problem}`);
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
    // The prototype of plain objects is untouched.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('answers in the caller’s language: Chinese by default, English by Accept-Language', async () => {
    const send = (acceptLanguage?: string) =>
      api.request(sessions.get('pm')!, { method: 'POST', url: '/api/engagements', payload: {}, headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });
    const chinese = (await send()).json<{ error: { message: string; fieldErrors: { message: string }[] } }>().error;
    expect(chinese.message).toBe('请求内容不符合要求，请检查后重试');
    expect(chinese.fieldErrors[0]!.message).toBe('必填');
    const english = (await send('en-US,en;q=0.9')).json<{ error: { message: string; fieldErrors: { message: string }[] } }>().error;
    expect(english.message).toBe('The request is not valid; check it and try again');
    expect(english.fieldErrors[0]!.message).toBe('required');
    expect((await send('fr-FR, en;q=0.5, zh-CN;q=0.8')).json<{ error: { message: string } }>().error.message).toBe('请求内容不符合要求，请检查后重试');
    // The workflow's form errors are localized too.
    const form = await api.request(sessions.get('lawyer')!, { method: 'POST', url: `/api/tasks/${mine.firstTask.id}/complete`, payload: { formData: {} }, headers: { 'accept-language': 'en' } });
    expect(form.statusCode).toBe(422);
    expect(form.json()).toMatchObject({ error: { code: 'form_invalid', message: 'The form has errors; correct the fields shown' } });
    const unauthenticated = await api.app.inject({ method: 'GET', url: '/api/me', headers: { 'accept-language': 'en' } });
    expect(unauthenticated.json()).toMatchObject({ error: { code: 'unauthenticated', message: 'Please sign in' } });
    expect(unauthenticated.headers['x-request-id']).toBe(unauthenticated.json<{ error: { requestId: string } }>().error.requestId);
    // The router's own refusals too, before any route runs.
    const longPath = `/api/tasks/${'长'.repeat(201)}`;
    const refusedByRouter = await api.app.inject({ method: 'GET', url: encodeURI(longPath) });
    expect(refusedByRouter.json()).toMatchObject({ error: { code: 'validation_failed', message: expect.stringContaining('参数过长') } });
    expect(refusedByRouter.headers['x-request-id']).toBe(refusedByRouter.json<{ error: { requestId: string } }>().error.requestId);
    expect(refusedByRouter.headers['cache-control']).toBe('no-store');
    expect(refusedByRouter.headers['x-content-type-options']).toBe('nosniff');
    expect((await api.app.inject({ method: 'GET', url: encodeURI(longPath), headers: { 'accept-language': 'en' } })).json()).toMatchObject({ error: { message: expect.stringContaining('too long') } });
  });
});
