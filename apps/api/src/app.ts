import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { type Logger } from 'pino';
import { type Tracing } from '@gongzhi/telemetry';
import { type ApiConfig } from './config';
import { validatorCompiler } from './lib/zod-validation';
import accessPlugin from './plugins/app/access';
import authPlugin from './plugins/app/auth';
import changesPlugin from './plugins/app/changes';
import corsPlugin from './plugins/app/cors';
import dashboardPlugin from './plugins/app/dashboard';
import dbPlugin from './plugins/app/db';
import errorsPlugin, { answerBeforeRouting } from './plugins/app/errors';
import filesPlugin from './plugins/app/files';
import metricsPlugin from './plugins/app/metrics';
import streamsPlugin from './plugins/app/streams';
import temporalPlugin from './plugins/app/temporal';
import multipartPlugin from './plugins/external/multipart';
import rateLimitPlugin from './plugins/external/rate-limit';
import swaggerPlugin from './plugins/external/swagger';
import tracingPlugin from './plugins/external/tracing';
import auditRoutes from './routes/audit';
import authRoutes from './routes/auth';
import deliverableRoutes from './routes/deliverables';
import engagementRoutes from './routes/engagements';
import eventRoutes from './routes/events';
import knowledgeRoutes from './routes/knowledge';
import notificationRoutes from './routes/notifications';
import researchRoutes from './routes/research';
import researchSessionRoutes from './routes/research-sessions';
import caseRoutes from './routes/cases';
import hotlineRoutes from './routes/hotline';
import modelHouseholdRoutes from './routes/model-households';
import workLogRoutes from './routes/work-log';
import calendarRoutes from './routes/calendar';
import consultationRoutes from './routes/consultations';
import adoptionRoutes from './routes/adoptions';
import outcomeRoutes from './routes/outcomes';
import systemRoutes from './routes/system';
import taskRoutes from './routes/tasks';
import templateRoutes from './routes/templates';
import userRoutes from './routes/users';

declare module 'fastify' {
  interface FastifyInstance {
    /** The clock every route reads (overdue, expiry): injectable for tests. */
    clock: { now(): Date };
  }
}

/** What the app needs from configuration; the HTTP listener's part stays with server.ts. */
export type AppConfig = Pick<
  ApiConfig,
  'databaseUrl' | 'temporal' | 'store' | 'cookieSecure' | 'webOrigin' | 'sessionTtlMs' | 'loginRateLimit' | 'authThrottle' | 'metricsToken' | 'eventStreams'
> &
  Partial<Pick<ApiConfig, 'dashboardDir'>>;

export interface AppOptions {
  config: AppConfig;
  now?: () => Date;
  /** This process's tracing when it is on (server.ts, from OTEL_EXPORTER_OTLP_ENDPOINT): requests and Temporal commands traced. */
  tracing?: Tracing;
}

/**
 * The API as one plugin: external plugins, then the app's own (database, Temporal, files,
 * change feed, auth, access control, metrics), then one route plugin per resource. Every API
 * route comes from the contract registry of @gongzhi/contracts; the built dashboard, when
 * configured, is served beside them at `/`.
 */
export async function gongzhiApi(fastify: FastifyInstance, { config, now = () => new Date(), tracing }: AppOptions): Promise<void> {
  // First, so that every route and hook registered after it is inside the request's span.
  if (tracing) await fastify.register(tracingPlugin, { tracing });
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);
  // JSON and multipart only: anything else is refused with 415 before it is parsed.
  fastify.removeContentTypeParser('text/plain');
  fastify.decorate('clock', { now });
  fastify.addHook('onRequest', async (request, reply) => {
    setStandardHeaders(request, reply);
  });

  // External plugins.
  await fastify.register(cookie);
  await fastify.register(multipartPlugin);
  await fastify.register(rateLimitPlugin);
  await fastify.register(swaggerPlugin);

  // The app's plugins (streams: the open event streams, which sign-outs and revocations end).
  await fastify.register(errorsPlugin);
  await fastify.register(corsPlugin, { origin: config.webOrigin });
  await fastify.register(dbPlugin, { databaseUrl: config.databaseUrl });
  await fastify.register(temporalPlugin, { ...config.temporal, tracing });
  await fastify.register(filesPlugin, config.store);
  await fastify.register(changesPlugin, { databaseUrl: config.databaseUrl });
  await fastify.register(authPlugin, { cookieSecure: config.cookieSecure, now });
  await fastify.register(accessPlugin, { metricsToken: config.metricsToken });
  await fastify.register(streamsPlugin, config.eventStreams);
  await fastify.register(metricsPlugin, { now });

  // Routes, one plugin per resource.
  await fastify.register(authRoutes, { sessionTtlMs: config.sessionTtlMs, loginRateLimit: config.loginRateLimit, authThrottle: config.authThrottle });
  await fastify.register(userRoutes, { authThrottle: config.authThrottle });
  await fastify.register(engagementRoutes);
  await fastify.register(templateRoutes);
  await fastify.register(taskRoutes);
  await fastify.register(deliverableRoutes);
  await fastify.register(knowledgeRoutes);
  await fastify.register(researchRoutes);
  await fastify.register(researchSessionRoutes);
  await fastify.register(caseRoutes);
  await fastify.register(hotlineRoutes);
  await fastify.register(modelHouseholdRoutes);
  await fastify.register(workLogRoutes);
  await fastify.register(calendarRoutes);
  await fastify.register(consultationRoutes);
  await fastify.register(adoptionRoutes);
  await fastify.register(outcomeRoutes);
  await fastify.register(auditRoutes);
  await fastify.register(notificationRoutes);
  await fastify.register(eventRoutes);
  await fastify.register(systemRoutes);

  // The built dashboard at `/`, when this process serves it (production start, container image).
  if (config.dashboardDir) await fastify.register(dashboardPlugin, { dir: config.dashboardDir });
}

/** JSON bodies above this are refused (413); uploads have their own, larger limit. */
export const JSON_BODY_LIMIT = 1024 * 1024;

export interface BuildAppOptions extends AppOptions {
  /** A pino logger (server.ts); none in tests. */
  logger?: Logger;
  http?: { trustProxy?: boolean; connectionTimeout?: number; keepAliveTimeout?: number; requestTimeout?: number };
}

/** What every answer carries, routed or refused before routing (`frameworkErrors`). */
export function setStandardHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('x-request-id', request.id);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
}

/** The longest path parameter the router reads (ids and knowledge keys are far shorter). */
const MAX_PARAM_LENGTH = 200;

/** The Fastify instance with the API registered, for server.ts, tests and scripts alike. */
export function buildApp({ logger, http = {}, ...options }: BuildAppOptions): FastifyInstance {
  const serverOptions: FastifyServerOptions = {
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: JSON_BODY_LIMIT,
    exposeHeadRoutes: false,
    trustProxy: http.trustProxy ?? false,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: answerBeforeRouting(MAX_PARAM_LENGTH, setStandardHeaders),
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    ...(http.connectionTimeout !== undefined ? { connectionTimeout: http.connectionTimeout } : {}),
    ...(http.keepAliveTimeout !== undefined ? { keepAliveTimeout: http.keepAliveTimeout } : {}),
    ...(http.requestTimeout !== undefined ? { requestTimeout: http.requestTimeout } : {}),
  };
  const app: FastifyInstance = Fastify({ ...serverOptions, ...(logger ? { loggerInstance: logger as unknown as FastifyBaseLogger } : {}) });
  // fastify-plugin: the error handler, hooks and compilers apply to the whole instance, 404s included.
  void app.register(fp(gongzhiApi, { name: 'gongzhi-api' }), options);
  return app;
}
