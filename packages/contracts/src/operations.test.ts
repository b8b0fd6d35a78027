import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Operation, isStateChanging, pathParamNames } from './operation';
import { operationList, operations } from './operations';

/** Every zod schema an operation carries, named for failure messages, with the direction it travels. */
function schemasOf(operation: Operation): { name: string; schema: z.ZodType; io: 'input' | 'output' }[] {
  const list: { name: string; schema: z.ZodType; io: 'input' | 'output' }[] = [];
  if (operation.params) list.push({ name: 'params', schema: operation.params, io: 'input' });
  if (operation.query) list.push({ name: 'query', schema: operation.query, io: 'input' });
  if (operation.body) list.push({ name: 'body', schema: operation.body, io: 'input' });
  for (const [status, schema] of Object.entries(operation.responses)) list.push({ name: `response ${status}`, schema: schema as z.ZodType, io: 'output' });
  return list;
}

/** Walks a schema tree and reports every object schema that would accept unknown keys. */
function looseObjects(schema: z.core.$ZodType, path: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  const walk = (child: unknown, suffix: string) => (child ? looseObjects(child as z.core.$ZodType, `${path}${suffix}`, seen) : []);
  switch (def.type) {
    case 'object': {
      const catchall = def.catchall as z.core.$ZodType | undefined;
      const own = catchall?._zod.def.type === 'never' ? [] : [path || '(root)'];
      const shape = (def as unknown as { shape: Record<string, z.core.$ZodType> }).shape;
      return [...own, ...Object.entries(shape).flatMap(([key, child]) => walk(child, `.${key}`))];
    }
    case 'array':
      return walk(def.element, '[]');
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return walk(def.innerType, '');
    case 'union':
      return (def.options as z.core.$ZodType[]).flatMap((option, index) => walk(option, `|${index}`));
    case 'intersection':
      return [...walk(def.left, '&L'), ...walk(def.right, '&R')];
    case 'record':
      return walk(def.valueType, '{}');
    case 'pipe':
      return [...walk(def.in, '<in>'), ...walk(def.out, '<out>')];
    case 'lazy':
      return walk((def.getter as () => z.core.$ZodType)(), '');
    default:
      return [];
  }
}

describe('operation registry', () => {
  it('gives every operation a unique id, equal to its registry key', () => {
    for (const [key, operation] of Object.entries(operations)) expect(operation.id).toBe(key);
    const ids = operationList.map((operation) => operation.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every operation a unique method and path, even with parameters renamed', () => {
    const routes = operationList.map((operation) => `${operation.method} ${operation.path.replace(/:[A-Za-z0-9_]+/g, ':_')}`);
    const duplicates = routes.filter((route, index) => routes.indexOf(route) !== index);
    expect(duplicates).toEqual([]);
  });

  it('declares exactly the path parameters the path has', () => {
    for (const operation of operationList) {
      const names = pathParamNames(operation.path).sort();
      const declared = operation.params ? Object.keys(operation.params.shape).sort() : [];
      expect(declared, `${operation.id} ${operation.path}`).toEqual(names);
    }
  });

  it('keeps paths under /api (except /metrics) and bodies off GET requests', () => {
    for (const operation of operationList) {
      expect(operation.path === '/metrics' || operation.path.startsWith('/api/'), operation.id).toBe(true);
      if (operation.method === 'GET') expect(operation.body, operation.id).toBeUndefined();
    }
  });

  it('answers each operation with exactly one success status and documents each error status it can produce', () => {
    for (const operation of operationList) {
      const statuses = Object.keys(operation.responses).map(Number);
      expect(statuses.filter((status) => status < 300), operation.id).toHaveLength(1);
      if (operation.permission.auth !== 'public') expect(statuses, operation.id).toContain(401);
      if (isStateChanging(operation.method) && operation.permission.auth !== 'public') expect(operation.errorCodes, operation.id).toContain('csrf_failed');
      if (operation.permission.auth === 'engagement') expect(statuses, operation.id).toEqual(expect.arrayContaining([403, 404]));
      expect(statuses, operation.id).toEqual(expect.arrayContaining([400, 429, 500]));
    }
  });

  it('has bilingual summaries', () => {
    for (const operation of operationList) {
      expect(operation.summary.zh.length, operation.id).toBeGreaterThan(0);
      expect(operation.summary.en.length, operation.id).toBeGreaterThan(0);
      expect(/[\u4e00-\u9fff]/.test(operation.summary.zh), operation.id).toBe(true);
    }
  });

  it('opens to the public only what must be public', () => {
    const isPublic = operationList.filter((operation) => operation.permission.auth === 'public').map((operation) => operation.id);
    // A respondent's single-use questionnaire link (or a resident's 公示 comment link) is the credential there.
    expect(isPublic.sort()).toEqual(['getCalendarFeed', 'getHealth', 'getPublicAdoptionDraft', 'getPublicQuestionnaire', 'getReadiness', 'login', 'submitPublicAdoptionComments', 'submitPublicQuestionnaire']);
  });

  it('scopes engagement permissions to a resource named by :id, and reviews to partners only', () => {
    for (const operation of operationList) {
      if (operation.permission.auth !== 'engagement') continue;
      expect(pathParamNames(operation.path)[0], operation.id).toBe('id');
      // Somebody may call it: a role on the team, or (admin-only operations, like retrying) administrators.
      expect(operation.permission.teamRoles.length > 0 || operation.permission.admins, operation.id).toBe(true);
    }
    expect(operations.reviewDeliverable.permission).toMatchObject({ teamRoles: ['partner'], admins: false });
    expect(operations.completeTask.permission).toMatchObject({ admins: false, rules: ['assignee-or-pm'] });
  });

  it('renders every schema to JSON Schema, in the direction it travels and both OpenAPI targets', () => {
    for (const operation of operationList) {
      for (const { name, schema, io } of schemasOf(operation)) {
        for (const target of ['draft-2020-12', 'openapi-3.0'] as const) {
          expect(() => z.toJSONSchema(schema, { io, target }), `${operation.id} ${name} ${target}`).not.toThrow();
        }
      }
    }
  });

  it('renders request objects with additionalProperties false, so the OpenAPI document says unknown keys are refused', () => {
    const json = z.toJSONSchema(operations.createEngagement.body, { io: 'input' }) as { $ref?: string; $defs?: Record<string, { additionalProperties?: unknown }> };
    const root = json.$defs?.CreateEngagementBody ?? json;
    expect((root as { additionalProperties?: unknown }).additionalProperties).toBe(false);
  });

  it('finds loose objects when there are some (the check below can fail)', () => {
    const loose = z.object({ a: z.array(z.object({ b: z.string() })).optional(), c: z.union([z.string(), z.looseObject({})]) }).strict();
    expect(looseObjects(loose, '')).toEqual(['.a[]', '.c|1']);
  });

  it('uses strict objects everywhere: no schema of any operation accepts unknown keys', () => {
    for (const operation of operationList) {
      for (const { name, schema } of schemasOf(operation)) {
        expect(looseObjects(schema, ''), `${operation.id} ${name}`).toEqual([]);
      }
    }
  });

  it('registers component ids that fastify-type-provider-zod can split into input and output names', () => {
    // It names a schema's request form `<id>Input`; an id that already ends so would collide.
    const registered = [...(z.globalRegistry as unknown as { _idmap: Map<string, unknown> })._idmap.keys()];
    expect(registered.length).toBeGreaterThan(10);
    for (const id of registered) expect(registered, id).not.toContain(`${id}Input`);
  });
});
