import { diag, DiagLogLevel, type DiagLogger } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  type Sampler,
  SamplingDecision,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { PrismaInstrumentation } from '@prisma/instrumentation';

/** One process's tracing, when it is on: the provider every instrumentation reports to. */
export interface Tracing {
  /** Where spans go: the OTLP/HTTP endpoint from the environment. */
  endpoint: string;
  resource: Resource;
  spanProcessor: SpanProcessor;
  provider: BasicTracerProvider;
  /** Sends what is still buffered (waiting at most `timeoutMs`, 3 s by default) and stops; call it last on shutdown. */
  shutdown(timeoutMs?: number): Promise<void>;
}

export interface StartTracingOptions {
  /** `service.name` of this process's spans (OTEL_SERVICE_NAME overrides it). */
  serviceName: string;
  env?: NodeJS.ProcessEnv;
  /** Where the exporter's own trouble is reported (a collector that does not answer, say). */
  warn?: (message: string) => void;
}

/**
 * The OTLP endpoint that turns tracing on: OpenTelemetry's own variables, so an operator sets one
 * (`OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318`) as for any other service.
 */
export function tracingEndpoint(env: NodeJS.ProcessEnv): string | undefined {
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (traces) return traces;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  return base ? `${base.replace(/\/+$/, '')}/v1/traces` : undefined;
}

/**
 * Roots are what a request or a workflow starts; a database query with no span above it is a
 * probe's, a poll's or a start-up import's (`/api/ready`, the change stream's checks, /metrics):
 * not a trace of its own. Below a sampled span everything is kept, and a caller's `traceparent`
 * decides for its request.
 */
const noQueryRoots: Sampler = {
  shouldSample: (_context, _traceId, spanName) => ({
    decision: spanName.startsWith('prisma:') ? SamplingDecision.NOT_RECORD : SamplingDecision.RECORD_AND_SAMPLED,
  }),
  toString: () => 'NoQueryRoots',
};

/**
 * Starts tracing for this process when an OTLP endpoint is configured, and does nothing (returns
 * undefined) otherwise: off by default, no cost when off. Registers the global tracer provider
 * with W3C trace-context propagation and an AsyncLocalStorage context, so the Temporal
 * interceptors, Fastify's instrumentation and Prisma's all report into one trace; Prisma's
 * queries are instrumented here, for the API and the worker alike.
 */
export function startTracing({
  serviceName,
  env = process.env,
  warn = (message) => process.stderr.write(`${message}\n`),
}: StartTracingOptions): Tracing | undefined {
  const endpoint = tracingEndpoint(env);
  if (!endpoint) return undefined;
  const reporter: DiagLogger = { error: warn, warn, info() {}, debug() {}, verbose() {} };
  diag.setLogger(reporter, { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
  const resource = new Resource({
    'service.name': env.OTEL_SERVICE_NAME?.trim() || serviceName,
    'service.namespace': 'gongzhi',
  });
  const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter({ url: endpoint }));
  const provider = new BasicTracerProvider({
    resource,
    spanProcessors: [spanProcessor],
    sampler: new ParentBasedSampler({ root: noQueryRoots }),
  });
  provider.register({
    contextManager: new AsyncLocalStorageContextManager(),
    propagator: new W3CTraceContextPropagator(),
  });
  const prisma = new PrismaInstrumentation();
  prisma.setTracerProvider(provider);
  prisma.enable();
  return {
    endpoint,
    resource,
    spanProcessor,
    provider,
    async shutdown(timeoutMs = 3_000) {
      prisma.disable();
      // A collector that does not answer must not hold the process past its own grace period.
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<void>(
        (resolve) =>
          (timer = setTimeout(() => {
            warn(`tracing: the collector did not take the last spans within ${timeoutMs} ms`);
            resolve();
          }, timeoutMs)),
      );
      await Promise.race([provider.shutdown(), gaveUp]).finally(() => clearTimeout(timer));
    },
  };
}
