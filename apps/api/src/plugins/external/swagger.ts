import fp from 'fastify-plugin';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { type Operation, operationList, successStatusOf } from '@gongzhi/contracts';
import { SESSION_COOKIE } from '../../lib/sessions';

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];
type TransformObjectInput = Parameters<typeof jsonSchemaTransformObject>[0];

/** The tags, in the order the dashboard team reads them. */
const TAGS = ['auth', 'tokens', 'calendar', 'users', 'engagements', 'templates', 'tasks', 'deliverables', 'knowledge', 'research', 'cases', 'hotline', 'worklog', 'consultations', 'adoptions', 'audit', 'notifications', 'events', 'system'];

/**
 * Multipart bodies are parsed by the route, not by Fastify, so their schema is not on the route;
 * the document still needs it, as multipart/form-data, taken from the contract.
 */
function transform(input: TransformInput) {
  const operation = (input.route?.config as { operation?: Operation } | undefined)?.operation;
  if (operation?.requestEncoding === 'multipart' && operation.body && input.schema) {
    return jsonSchemaTransform({ ...input, schema: { ...input.schema, body: operation.body, consumes: ['multipart/form-data'] } as typeof input.schema });
  }
  return jsonSchemaTransform(input);
}

const operationsById = new Map(operationList.map((operation) => [operation.id, operation]));

interface DocumentOperation {
  operationId?: string;
  responses?: Record<string, Record<string, unknown>>;
}

/**
 * The components from the zod registry, then each operation's `links` from the contract on its
 * success response (OpenAPI links: which operations take the ids a response carries).
 */
function transformObject(input: TransformObjectInput) {
  const document = jsonSchemaTransformObject(input);
  const paths = document.paths as Record<string, Record<string, DocumentOperation>> | undefined;
  const withLinks = Object.fromEntries(
    Object.entries(paths ?? {}).map(([path, methods]) => [
      path,
      Object.fromEntries(
        Object.entries(methods).map(([method, entry]) => {
          const operation = entry.operationId ? operationsById.get(entry.operationId) : undefined;
          if (!operation?.links || !entry.responses) return [method, entry];
          const status = String(successStatusOf(operation));
          return [method, { ...entry, responses: { ...entry.responses, [status]: { ...entry.responses[status], links: operation.links } } }];
        }),
      ),
    ]),
  );
  return { ...document, paths: withLinks } as typeof document;
}

/**
 * The OpenAPI 3.1 document, generated from the very zod schemas the routes validate with, at
 * GET /api/openapi.json, and Swagger UI at /api/docs.
 */
export default fp(
  async (fastify) => {
    await fastify.register(fastifySwagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Gongzhi API · 共治',
          version: '0.1.0',
          description:
            'The engagement engine of the 创新社区治理 legal service. Errors share one shape (`ErrorResponse`) with a stable `code` and a message in the caller’s language (zh-CN by default, English with `Accept-Language: en`). Browser sessions send the `x-csrf-token` header on every state-changing request; integrations use a personal API token as `Authorization: Bearer`.',
        },
        tags: TAGS.map((name) => ({ name })),
        components: {
          securitySchemes: {
            session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by POST /api/auth/login; state-changing requests also need the x-csrf-token header.' },
            bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (POST /api/me/tokens).' },
          },
        },
        security: [{ session: [] }, { bearer: [] }],
      },
      transform,
      transformObject,
    });
    await fastify.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
    fastify.get('/api/openapi.json', { schema: { hide: true } }, async () => fastify.swagger());
  },
  { name: 'swagger' },
);
