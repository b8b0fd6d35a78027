// Invalid Unicode (a lone UTF-16 surrogate, `"\ud800"`, which JSON can carry) and NUL, in every
// string field of every operation's JSON body — the cases generated from the contracts, not
// listed by hand — are a 400 naming the field, and nothing is written.
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { type Operation, operationList } from '@gongzhi/contracts';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { createEngagement } from './testing/fixtures';
import { type Credentials, type TestApi, type TestUserName, createTestApi } from './testing/harness';

let api: TestApi;
let fixture: Awaited<ReturnType<typeof createEngagement>>;

beforeAll(async () => {
  api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath') });
  fixture = await createEngagement(api);
});

afterAll(async () => {
  await api?.close();
});

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[]; $ref?: string; $defs?: Record<string, JsonSchema> };

/** Every path to a string in a body schema (each branch of a union, one element of an array). */
function stringPaths(schema: JsonSchema, root: JsonSchema, path: (string | number)[] = [], seen = new Set<string>()): (string | number)[][] {
  if (schema.$ref) {
    if (seen.has(schema.$ref)) return [];
    const target = root.$defs?.[schema.$ref.replace('#/$defs/', '')];
    return target ? stringPaths(target, root, path, new Set([...seen, schema.$ref])) : [];
  }
  const variants = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  if (variants.length > 0) return variants.flatMap((variant) => stringPaths(variant, root, path, seen));
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const paths: (string | number)[][] = [];
  if (types.includes('string')) paths.push(path);
  if (schema.properties) for (const [key, property] of Object.entries(schema.properties)) paths.push(...stringPaths(property, root, [...path, key], seen));
  if (types.includes('array') && schema.items) paths.push(...stringPaths(schema.items, root, [...path, 0], seen));
  return paths;
}

/** The smallest body holding `value` at `path`. */
function bodyWith(path: (string | number)[], value: string): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  return typeof head === 'number' ? [bodyWith(rest, value)] : { [head!]: bodyWith(rest, value) };
}

/** Someone allowed to reach the operation's validation, and the path with real ids. */
function callerAndPath(operation: Operation): { user: TestUserName | null; path: string } {
  const ids: Record<string, string> = {
    engagement: fixture.engagement.id,
    task: fixture.firstTask.id,
    deliverable: fixture.firstTask.deliverable!.id,
  };
  const permission = operation.permission;
  const resource = permission.auth === 'engagement' ? permission.resource : null;
  const id = resource ? ids[resource]! : operation.path.includes('/users/') ? api.users.lawyer2.id : '00000000-0000-4000-8000-000000000000';
  const path = operation.path
    .replace(':id', id)
    .replace(':rev', '1')
    .replace(':kind', 'law')
    .replace(':key', 'civil-code')
    // A questionnaire nobody made and a link nobody issued: the body is checked before either is looked up.
    .replace(':questionnaireId', '00000000-0000-4000-8000-0000000000a1')
    .replace(':sessionId', '00000000-0000-4000-8000-0000000000a2')
    .replace(':problemId', '00000000-0000-4000-8000-0000000000a3')
    .replace(':caseId', '00000000-0000-4000-8000-0000000000a4')
    .replace(':householdId', '00000000-0000-4000-8000-0000000000a5')
    .replace(':entryId', '00000000-0000-4000-8000-0000000000a6')
    .replace(':consultationId', '00000000-0000-4000-8000-0000000000a7')
    .replace(':adoptionId', '00000000-0000-4000-8000-0000000000a8')
    .replace(':commentId', '00000000-0000-4000-8000-0000000000a9')
    .replace(':community', 'no-such-community')
    .replace(':token', 'x'.repeat(32));
  if (permission.auth === 'public') return { user: null, path };
  if (permission.auth === 'role') return { user: permission.roles.includes('admin') ? 'admin' : permission.roles.includes('pm') ? 'pm' : 'lawyer', path };
  if (permission.auth === 'engagement') {
    // The first task is the lawyer's: the assignee passes every task and deliverable rule.
    const role = permission.teamRoles.includes('lawyer') ? 'lawyer' : permission.teamRoles[0];
    return { user: role ?? 'admin', path };
  }
  return { user: 'pm', path };
}

async function snapshot() {
  const { db } = api;
  return {
    users: await db.user.findMany({ select: { id: true, displayName: true, locale: true, passwordHash: true }, orderBy: { id: 'asc' } }),
    engagements: await db.engagement.findMany({ select: { id: true, name: true, clientName: true, status: true }, orderBy: { id: 'asc' } }),
    tasks: await db.task.findMany({ select: { id: true, status: true, assigneeId: true, formData: true }, orderBy: { id: 'asc' } }),
    revisions: await db.deliverableRevision.count(),
    reviews: await db.review.count(),
    tokens: await db.apiToken.count(),
    questionnaires: await db.questionnaire.count(),
    researchSessions: await db.researchSession.count(),
    communityProblems: await db.communityProblem.count(),
    cases: await db.problemCase.count(),
    audit: await db.auditEvent.count({ where: { NOT: { action: { startsWith: 'auth.' } } } }),
    files: (await readdir(api.filesDir, { recursive: true })).length,
  };
}

const JSON_OPERATIONS = operationList.filter((operation) => operation.body && operation.requestEncoding !== 'multipart');

describe('text the database cannot store', () => {
  it('is generated for every string field of every JSON body', () => {
    const cases = JSON_OPERATIONS.flatMap((operation) => stringPaths(z.toJSONSchema(operation.body!, { io: 'input', unrepresentable: 'any' }) as JsonSchema, z.toJSONSchema(operation.body!, { io: 'input', unrepresentable: 'any' }) as JsonSchema));
    // The contracts have string fields in bodies: logins, engagements, forms, reviews, users…
    expect(cases.length).toBeGreaterThan(25);
  });

  it.each(['\ud800', 'a\udc00', '\u0000'])('answers %j in any string field with 400 naming the field, and writes nothing', async (bad) => {
    const before = await snapshot();
    const sessions = new Map<TestUserName, Credentials>();
    const failures: string[] = [];
    let cases = 0;
    for (const operation of JSON_OPERATIONS) {
      const schema = z.toJSONSchema(operation.body!, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
      const { user, path } = callerAndPath(operation);
      if (user && !sessions.has(user)) sessions.set(user, await api.sessionFor(user));
      const credentials: Credentials = user ? sessions.get(user)! : { kind: 'none' };
      for (const fieldPath of stringPaths(schema, schema)) {
        cases += 1;
        // JSON.stringify writes a lone surrogate as the escape `\ud800`: what a hostile client sends.
        const payload = JSON.stringify(bodyWith(fieldPath, `值${bad}`));
        const response = await api.request(credentials, { method: operation.method, url: path, payload, headers: { 'content-type': 'application/json' } });
        const field = fieldPath.join('.') || '_form';
        const body = response.json<{ error?: { code: string; fieldErrors?: { field: string; code: string }[] } }>();
        const named = body.error?.fieldErrors?.some((error) => error.field === field && error.code === 'invalid_characters');
        if (response.statusCode !== 400 || body.error?.code !== 'validation_failed' || !named) {
          failures.push(`${operation.id} ${field}: ${response.statusCode} ${response.body.slice(0, 200)}`);
        }
      }
    }
    expect(cases).toBeGreaterThan(25);
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('answers it in a JSON key too, and in the message the caller’s language', async () => {
    const response = await api.request(await api.sessionFor('lawyer'), {
      method: 'POST',
      url: `/api/tasks/${fixture.firstTask.id}/complete`,
      payload: JSON.stringify({ formData: { ['\ud800']: '背景' } }),
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'validation_failed', fieldErrors: [{ code: 'invalid_characters', message: 'contains characters that cannot be stored (NUL or invalid Unicode)' }] } });
    const login = await api.app.inject({ method: 'POST', url: '/api/auth/login', payload: JSON.stringify({ username: 'lawyer', password: '\ud800' }), headers: { 'content-type': 'application/json' } });
    expect(login.statusCode).toBe(400);
    expect(login.json()).toMatchObject({ error: { code: 'validation_failed', message: '请求内容不符合要求，请检查后重试', fieldErrors: [{ field: 'password', code: 'invalid_characters' }] } });
  });
});
