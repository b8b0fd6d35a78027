import { Resource } from '@opentelemetry/resources';
import { NoopSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OpenTelemetryPlugin, OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { type Tracing } from './tracing';

/**
 * The worker's Temporal tracing: the SDK's OpenTelemetry interceptors for workflows and
 * activities, with workflow spans exported through a sink. Given to `Worker.create` when tracing
 * is on, and (with `undefined`) to `bundleWorkflowCode` for the traced prebuilt bundle. Not used
 * when tracing is off: the workflow interceptors cost memory in every cached workflow.
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
