import { SpanStatusCode } from '@opentelemetry/api';
import { FastifyOtelInstrumentation } from '@fastify/otel';
import fp from 'fastify-plugin';
import { type Tracing } from '@gongzhi/telemetry';
import { urlForLog } from '../../lib/log-safety';

/** Polled by probes and scrapers, or open for minutes (the change stream): no span per request. */
const UNTRACED = /^\/(?:api\/(?:health|ready)|metrics)(?:[/?]|$)|^\/api\/engagements\/[^/]+\/events(?:[?]|$)/;

/**
 * Fastify's OpenTelemetry instrumentation, registered only when tracing is on (server.ts): one
 * server span per request, named by route (`POST /api/tasks/:id/complete`), continuing the
 * caller's `traceparent`; whatever the handler does in Temporal and PostgreSQL hangs beneath.
 * Credentials in paths (questionnaire, comment and calendar links) are masked as in the log.
 * A refusal (4xx) is the API doing its job, not an error of the server: only 5xx mark a span failed.
 */
export default fp<{ tracing: Tracing }>(
  async (fastify, { tracing }) => {
    const instrumentation = new FastifyOtelInstrumentation({
      instrumentHooks: false,
      instrumentHandler: false,
      recordExceptions: false,
      ignorePaths: ({ url }) => UNTRACED.test(url),
      requestHook(span, request) {
        span.updateName(`${request.method} ${request.routeOptions.url ?? 'unrouted'}`);
        // The path without its query (search terms stay out of traces), credentials masked.
        span.setAttribute('url.path', urlForLog(request.url.split('?')[0]!));
      },
    });
    instrumentation.setTracerProvider(tracing.provider);
    await fastify.register(instrumentation.plugin());
    // Runs before the instrumentation's own onSend (route hooks come after the instance's), which ends the span.
    fastify.addHook('onSend', async (request, reply) => {
      const otel = request.opentelemetry();
      if (otel.span && reply.statusCode < 500) otel.span.setStatus({ code: SpanStatusCode.UNSET });
    });
  },
  { name: 'tracing' },
);
