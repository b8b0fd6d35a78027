import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { operationList, pathParamNames, successStatusOf } from '@gongzhi/contracts';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { buildApp } from '../app';
import { createEngagement } from '../testing/fixtures';
import { type TestApi, createTestApi, standaloneAppConfig } from '../testing/harness';

let api: TestApi;
/** What an operator would give Prometheus. */
const METRICS_TOKEN = 'metrics-scrape-secret-0123456789abcdef';

beforeAll(async () => {
  api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath'), metricsToken: METRICS_TOKEN });
});

afterAll(async () => {
  await api?.close();
});

interface OpenApiLink {
  operationId?: string;
  parameters?: Record<string, string>;
}

interface OpenApiDocument {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        operationId?: string;
        security?: unknown[];
        requestBody?: { content: Record<string, { schema?: JsonSchema }> };
        responses: Record<string, { content?: Record<string, { schema?: JsonSchema }>; links?: Record<string, OpenApiLink> }>;
      }
    >
  >;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, unknown> };
}

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: unknown;
  [keyword: string]: unknown;
}

async function openApiDocument(): Promise<OpenApiDocument> {
  const response = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(response.statusCode).toBe(200);
  return response.json<OpenApiDocument>();
}

/** The schemas a JSON Pointer into an instance of `schema` may land on (`$ref`s and unions followed); none when it cannot exist. */
function schemasAt(document: OpenApiDocument, schema: JsonSchema, pointer: string[]): JsonSchema[] {
  if (schema.$ref) {
    const name = /^#\/components\/schemas\/(.+)$/.exec(schema.$ref)?.[1];
    const target = name === undefined ? undefined : document.components.schemas[name];
    return target ? schemasAt(document, target, pointer) : [];
  }
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  if (branches.length > 0) return branches.flatMap((branch) => schemasAt(document, branch, pointer));
  const [segment, ...rest] = pointer;
  if (segment === undefined) return [schema];
  if (schema.properties?.[segment]) return schemasAt(document, schema.properties[segment], rest);
  if (schema.items && /^(0|[1-9][0-9]*)$/.test(segment)) return schemasAt(document, schema.items, rest);
  return [];
}

describe('health, readiness and metrics', () => {
  it('answers liveness without touching anything, and readiness with its three dependencies', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' });
    const ready = await api.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', checks: { database: { ok: true }, temporal: { ok: true }, files: { ok: true } } });
  });

  it('says not ready, in the error shape, when Temporal or the file store cannot be reached', async () => {
    const filesDir = await mkdtemp(join(tmpdir(), 'gongzhi-ready-'));
    // The configured directory cannot be made: a file stands where its parent should be.
    await writeFile(join(filesDir, 'blocker'), 'not a directory');
    const app = buildApp({ config: standaloneAppConfig({ databaseUrl: api.databaseUrl, store: { kind: 'files', dir: join(filesDir, 'blocker', 'files') } }) });
    try {
      const response = await app.inject({ method: 'GET', url: '/api/ready', headers: { 'accept-language': 'en' } });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ error: { code: 'not_ready', message: 'Service unavailable: cannot reach Temporal, the file store' } });
      const inChinese = await app.inject({ method: 'GET', url: '/api/ready', headers: { 'accept-language': 'zh-CN' } });
      expect(inChinese.json()).toMatchObject({ error: { message: '服务暂不可用：无法连接 Temporal、文件存储' } });
      // The process itself is alive.
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await rm(filesDir, { recursive: true, force: true });
    }
  });

  it('exposes Prometheus text with request counts and durations by route and status, and business gauges', async () => {
    await createEngagement(api);
    const pm = await api.sessionFor('pm');
    await api.request(pm, { method: 'GET', url: '/api/engagements' });
    await api.request(pm, { method: 'GET', url: '/api/tasks/00000000-0000-4000-8000-000000000000' });
    const response = await api.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body;
    expect(text).toContain('gongzhi_http_requests_total{method="GET",route="/api/engagements",status="200"} 1');
    expect(text).toContain('gongzhi_http_requests_total{method="GET",route="/api/tasks/:id",status="404"} 1');
    expect(text).toMatch(/gongzhi_http_request_duration_seconds_bucket\{method="GET",route="\/api\/engagements",status="200",le="\+Inf"\} 1/);
    expect(text).toContain('gongzhi_engagements{status="running"} 1');
    expect(text).toMatch(/gongzhi_tasks_open\{status="active"\} [1-9]/);
    expect(text).toContain('gongzhi_tasks_overdue 0');
    expect(text).toMatch(/gongzhi_sessions_active \d+/);
    // Every sample line is `name{labels} value`.
    for (const line of text.trim().split('\n')) if (!line.startsWith('#')) expect(line).toMatch(/^[a-z_]+(\{[^}]*\})? [0-9.e+-]+$/);
  });

  it('shows metrics to the scraper’s secret and to administrators only', async () => {
    const metrics = (headers: Record<string, string>) => api.app.inject({ method: 'GET', url: '/metrics', headers });
    expect((await metrics({})).json()).toMatchObject({ error: { code: 'unauthenticated' } });
    expect((await metrics({ authorization: `Bearer ${METRICS_TOKEN.slice(0, -1)}x` })).statusCode).toBe(401);
    expect((await api.request(await api.sessionFor('pm'), { method: 'GET', url: '/metrics' })).json()).toMatchObject({ error: { code: 'forbidden' } });
    expect((await api.request(await api.tokenFor('pm'), { method: 'GET', url: '/metrics' })).statusCode).toBe(403);
    expect((await api.request(await api.sessionFor('admin'), { method: 'GET', url: '/metrics' })).statusCode).toBe(200);
    expect((await api.request(await api.tokenFor('admin', { scopes: ['read', 'admin'] }), { method: 'GET', url: '/metrics' })).statusCode).toBe(200);
    expect((await api.request(await api.tokenFor('admin', { scopes: ['read'] }), { method: 'GET', url: '/metrics' })).statusCode).toBe(403);
    // The scrape secret opens nothing else.
    expect((await api.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).statusCode).toBe(401);
  });

  it('has no scraper way in when no secret is configured', async () => {
    const filesDir = await mkdtemp(join(tmpdir(), 'gongzhi-metrics-'));
    const app = buildApp({ config: standaloneAppConfig({ databaseUrl: api.databaseUrl, store: { kind: 'files', dir: filesDir }, cookieSecure: true }) });
    try {
      expect((await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    } finally {
      await app.close();
      await rm(filesDir, { recursive: true, force: true });
    }
  });
});

describe('the OpenAPI document', () => {
  it('documents every operation of the contract, with its security, strict schemas and the multipart upload', async () => {
    const document = await openApiDocument();
    expect(document.openapi).toBe('3.1.0');
    const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));
    expect(documented.map((entry) => entry.operation.operationId).sort()).toEqual(operationList.map((operation) => operation.id).sort());
    for (const operation of operationList) {
      const path = operation.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      const entry = document.paths[path]?.[operation.method.toLowerCase()];
      expect(entry?.operationId, `${operation.method} ${path}`).toBe(operation.id);
      expect(Object.keys(entry!.responses).sort(), operation.id).toEqual(Object.keys(operation.responses).sort());
      if (operation.permission.auth === 'public') expect(entry!.security, operation.id).toEqual([]);
    }
    expect(Object.keys(document.paths['/api/deliverables/{id}/uploads']!.post!.requestBody!.content)).toEqual(['multipart/form-data']);
    expect(Object.keys(document.paths['/metrics']!.get!.responses['200']!.content!)).toEqual(['text/plain']);
    expect(Object.keys(document.paths['/api/engagements/{id}/events']!.get!.responses['200']!.content!)).toEqual(['text/event-stream']);
    expect(document.components.securitySchemes).toHaveProperty('bearer');
    expect(document.components.schemas.CreateEngagementBodyInput?.additionalProperties).toBe(false);
  });

  it('says what validation enforces beyond types: real dates, at least one change, unique roles and scopes', async () => {
    const document = await openApiDocument();
    const { schemas } = document.components;
    for (const name of ['UpdateMeBodyInput', 'UpdateUserBodyInput', 'UpdateEngagementBodyInput']) expect(schemas[name], name).toMatchObject({ type: 'object', minProperties: 1 });
    const listTasks = document.paths['/api/tasks']!.get as unknown as { parameters: { name: string; schema: JsonSchema }[] };
    expect(listTasks.parameters.find((parameter) => parameter.name === 'dueBefore')?.schema).toMatchObject({ type: 'string', format: 'date' });
    // A start date: the real dates of 2000–2099, all said by the pattern.
    expect(schemas.CreateEngagementBodyInput!.properties!.startDate).toMatchObject({ type: 'string', pattern: expect.stringMatching(/^\^20/) });
    // No NUL in any text (the API refuses it before validation).
    expect(schemas.CreateEngagementBodyInput!.properties!.name).toMatchObject({ pattern: '^[^\\u0000]*$' });
    expect(schemas.CreateUserBodyInput!.properties!.roles).toMatchObject({ uniqueItems: true });
    expect(schemas.CreateApiTokenBodyInput!.properties!.scopes).toMatchObject({ uniqueItems: true });
  });

  it('declares links from responses to the operations that take their ids, each resolvable', async () => {
    const document = await openApiDocument();
    const byId = new Map(operationList.map((operation) => [operation.id, operation]));
    let count = 0;
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const entry of Object.values(methods)) {
        const source = byId.get(entry.operationId!)!;
        for (const [status, response] of Object.entries(entry.responses)) {
          if (!response.links) continue;
          expect(status, `${source.id}: links on the success response only`).toBe(String(successStatusOf(source)));
          const body = response.content?.['application/json']?.schema;
          expect(body, `${source.id} answers JSON`).toBeDefined();
          for (const [name, link] of Object.entries(response.links)) {
            const label = `${source.id} → ${name}`;
            expect(name, label).toMatch(/^[A-Za-z0-9._-]+$/);
            const target = byId.get(link.operationId!);
            expect(target, `${label}: operationId ${link.operationId} exists`).toBeDefined();
            // Every path parameter of the target is given, and nothing else.
            expect(Object.keys(link.parameters ?? {}).sort(), label).toEqual(pathParamNames(target!.path).sort());
            for (const [parameter, expression] of Object.entries(link.parameters ?? {})) {
              const pointer = /^\$response\.body#\/(.+)$/.exec(expression)?.[1];
              expect(pointer, `${label}.${parameter}: ${expression}`).toBeDefined();
              const landing = schemasAt(document, body!, pointer!.split('/'));
              expect(landing.length, `${label}.${parameter}: ${expression} exists in the ${path} response`).toBeGreaterThan(0);
              expect(landing.some((schema) => schema.type === 'string' || schema.type === 'integer'), `${label}.${parameter} is an id`).toBe(true);
            }
            count++;
          }
        }
      }
    }
    // The operations creating or listing engagements, tasks, deliverables, tokens, users, notifications and templates lead on.
    expect(count).toBeGreaterThan(40);
    const linkTargets = (path: string, method: string, status: string) => Object.values(document.paths[path]![method]!.responses[status]!.links ?? {}).map((link) => link.operationId).sort();
    expect(linkTargets('/api/engagements', 'post', '201')).toEqual(expect.arrayContaining(['getEngagement', 'updateEngagement', 'pauseEngagement', 'resumeEngagement', 'cancelEngagement', 'retryEngagement', 'listEngagementAudit', 'streamEngagementEvents']));
    expect(linkTargets('/api/tasks', 'get', '200')).toEqual(['assignTask', 'completeTask', 'getTask']);
    expect(document.paths['/api/tasks/{id}']!.get!.responses['200']!.links!.getDeliverable).toEqual({ operationId: 'getDeliverable', parameters: { id: '$response.body#/deliverable/id' } });
    expect(document.paths['/api/me/tokens']!.post!.responses['201']!.links!.revokeApiToken).toEqual({ operationId: 'revokeApiToken', parameters: { id: '$response.body#/token/id' } });
    expect(linkTargets('/api/users', 'post', '201')).toEqual(['resetUserPassword', 'updateUser']);
  });

  it('answers a known path asked with another method with 405 and the methods it has', async () => {
    const response = await api.app.inject({ method: 'PUT', url: '/api/health' });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('GET');
    expect(response.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
    expect((await api.app.inject({ method: 'DELETE', url: '/api/tasks/00000000-0000-4000-8000-000000000000/complete' })).headers.allow).toBe('POST');
  });

  it('serves Swagger UI at /api/docs', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });
});
