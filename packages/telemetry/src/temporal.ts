import { Resource } from '@opentelemetry/resources';
import { NoopSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OpenTelemetryPlugin, OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { type Tracing } from './tracing';

/**
 * The worker's (and the workflow bundle's) Temporal tracing: the SDK's OpenTelemetry interceptors
 * for workflows and activities, with workflow spans exported through a sink.
 *
 * It is there whether tracing is on or not — spans go nowhere when it is off — so the workflow
 * code a worker runs never depends on an environment variable: the prebuilt bundle is built with
 * it (`bundleWorkflowCode({ plugins })`), and turning tracing on is a restart, not a rebuild, with
 * the same code replaying the same histories (workflows/src/replay.test.ts replays them with it).
 */
export function temporalWorkerTracing(tracing: Tracing | undefined): OpenTelemetryPlugin {
  return new OpenTelemetryPlugin({
    resource: tracing?.resource ?? Resource.empty(),
    spanProcessor: tracing?.spanProcessor ?? new NoopSpanProcessor(),
  });
}

/** A Temporal client's interceptors: the active trace goes into every workflow start, signal, update and query. */
export function temporalClientTracing(
  tracing: Tracing | undefined,
): { workflow: OpenTelemetryWorkflowClientInterceptor[] } | undefined {
  return tracing ? { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } : undefined;
}
