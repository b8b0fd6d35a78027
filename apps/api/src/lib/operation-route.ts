import { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifySchema } from 'fastify';
import { z } from 'zod';
import { type Operation, errorResponseSchema, successStatusOf } from '@gongzhi/contracts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The contract entry this route implements; access control and metrics read it. */
    operation?: Operation;
  }
}

type Decoded<S> = S extends z.ZodType ? z.output<S> : undefined;
type SuccessSchema<Op extends Operation> = Op['responses'][200] extends z.ZodType ? Op['responses'][200] : Op['responses'][201];

/** The request as a handler of `Op` sees it: params, query and body already decoded by its schemas. */
export type OperationRequest<Op extends Operation> = FastifyRequest & {
  params: Decoded<Op['params']>;
  query: Decoded<Op['query']>;
  body: Op['requestEncoding'] extends 'multipart' ? unknown : Decoded<Op['body']>;
};

/**
 * JSON operations return their success body (sent with the success status); raw ones (files,
 * server-sent events, text) send the reply themselves and return it.
 */
export type OperationResult<Op extends Operation> = Op['responseEncoding'] extends 'binary' | 'event-stream' | 'text' | 'calendar'
  ? FastifyReply
  : z.output<SuccessSchema<Op>> extends infer T
    ? T
    : never;

export type OperationHandler<Op extends Operation> = (request: OperationRequest<Op>, reply: FastifyReply) => Promise<OperationResult<Op>>;

const RAW_CONTENT_TYPES = { binary: '*/*', 'event-stream': 'text/event-stream', text: 'text/plain', calendar: 'text/calendar' } as const;

/**
 * How OpenAPI describes a server-sent-event stream: each item is an event (`id`, `event`,
 * `data`), its `data` a JSON text of the contract's event schema.
 */
function eventStreamItem(eventSchema: z.ZodType): z.ZodType {
  // Rendered without the component registry, so it is self-contained (no `$ref` into `$defs`).
  const { $schema: _ignored, ...contentSchema } = z.toJSONSchema(eventSchema, { io: 'output', target: 'draft-2020-12', metadata: z.registry<Record<string, unknown>>() }) as Record<string, unknown>;
  return z
    .object({
      id: z.string().optional(),
      event: z.string().optional(),
      data: z.string().meta({ contentMediaType: 'application/json', contentSchema }),
      retry: z.number().int().optional(),
    })
    .strict();
}

/**
 * The Fastify schema of an operation, straight from the contract: params, query and JSON body
 * validate with their zod schemas, every documented status has its response schema (so the
 * serializer checks answers against the contract), and raw responses are documented by content
 * type. Multipart bodies stay out of Fastify's validation: the route parses them and checks the
 * fields with `operation.body` itself; the OpenAPI transform documents them (see swagger.ts).
 */
export function schemaOf(operation: Operation): FastifySchema & Record<string, unknown> {
  const response: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(operation.responses)) {
    const isSuccess = Number(status) < 300;
    const encoding = operation.responseEncoding ?? 'json';
    response[status] =
      isSuccess && encoding !== 'json'
        ? {
            description: (schema as z.ZodType).description ?? operation.summary.en,
            content: { [RAW_CONTENT_TYPES[encoding]]: { schema: encoding === 'event-stream' ? eventStreamItem(schema as z.ZodType) : schema } },
          }
        : isSuccess
          ? schema
          : errorResponseSchema;
  }
  return {
    operationId: operation.id,
    summary: `${operation.summary.zh} · ${operation.summary.en}`,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.tag],
    ...(operation.permission.auth === 'public' ? { security: [] } : {}),
    ...(operation.params ? { params: operation.params } : {}),
    ...(operation.query ? { querystring: operation.query } : {}),
    ...(operation.body && operation.requestEncoding !== 'multipart' ? { body: operation.body } : {}),
    response,
  };
}

export interface OperationRouteOptions {
  /** Overrides the instance's body limit (uploads). */
  bodyLimit?: number;
  /** Extra route config, e.g. a rate limit. */
  config?: Record<string, unknown>;
}

/** Registers the route of one contract operation. Access control finds the operation in the route config. */
export function registerOperation<Op extends Operation>(app: FastifyInstance, operation: Op, handler: OperationHandler<Op>, options: OperationRouteOptions = {}): void {
  const successStatus = successStatusOf(operation);
  const isRaw = (operation.responseEncoding ?? 'json') !== 'json';
  app.route({
    method: operation.method,
    url: operation.path,
    schema: schemaOf(operation),
    config: { ...options.config, operation },
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    handler: async (request, reply) => {
      const result = await handler(request as OperationRequest<Op>, reply);
      if (isRaw) return reply;
      return reply.code(successStatus).send(result);
    },
  });
}
