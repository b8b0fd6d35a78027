import { once } from 'node:events';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { ancestorsOf, startOtlpReceiver } from '@gongzhi/testing';
import { describe, expect, it } from 'vitest';
import { startTracing, tracingEndpoint } from './tracing';

describe('tracingEndpoint', () => {
  it('is off with neither OTLP variable, or with blank ones', () => {
    expect(tracingEndpoint({})).toBeUndefined();
    expect(
      tracingEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: '  ', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '' }),
    ).toBeUndefined();
  });

  it('sends to <endpoint>/v1/traces, or to the traces endpoint as given (which wins)', () => {
    expect(tracingEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(
      'http://collector:4318/v1/traces',
    );
    expect(tracingEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toBe(
      'http://collector:4318/v1/traces',
    );
    expect(
      tracingEndpoint({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://jaeger:4318/v1/traces',
      }),
    ).toBe('http://jaeger:4318/v1/traces');
  });
});

describe('startTracing', () => {
  it('does nothing when no endpoint is configured', () => {
    expect(startTracing({ serviceName: 'gongzhi-test', env: {} })).toBeUndefined();
    expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
  });

  it('exports what requests and workflows start, with the queries below them, but no query as a trace of its own', async () => {
    const receiver = await startOtlpReceiver();
    try {
      const tracing = startTracing({
        serviceName: 'gongzhi-test',
        env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_SERVICE_NAME: '' },
      })!;
      expect(tracing.endpoint).toBe(`${receiver.endpoint}/v1/traces`);
      const tracer = trace.getTracer('test');
      const orphan = tracer.startSpan('prisma:client:operation');
      expect(orphan.isRecording()).toBe(false);
      orphan.end();
      tracer.startActiveSpan('POST /api/tasks/:id/complete', (request) => {
        const query = tracer.startSpan('prisma:client:db_query');
        expect(query.isRecording()).toBe(true);
        query.end();
        request.end();
      });
      await tracing.shutdown();
      const spans = receiver.spans();
      expect(spans.map((span) => `${span.service} ${span.name}`).sort()).toEqual([
        'gongzhi-test POST /api/tasks/:id/complete',
        'gongzhi-test prisma:client:db_query',
      ]);
      expect(
        ancestorsOf(
          spans.find((span) => span.name === 'prisma:client:db_query')!,
          spans,
        ).map((span) => span.name),
      ).toEqual(['POST /api/tasks/:id/complete']);
    } finally {
      await receiver.close();
    }
  });

  it('gives up on a collector that does not answer within the shutdown timeout, saying so', async () => {
    const silent = createServer(() => {});
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const warnings: string[] = [];
    try {
      const tracing = startTracing({
        serviceName: 'gongzhi-test',
        env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(silent.address() as AddressInfo).port}` },
        warn: (message) => warnings.push(message),
      })!;
      // The global provider is the first test's (one per process): this one's own tracer.
      tracing.provider.getTracer('test').startSpan('GET /api/engagements').end();
      const started = Date.now();
      await tracing.shutdown(300);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(warnings).toContain('tracing: the collector did not take the last spans within 300 ms');
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
