export { startTracing, tracingEndpoint, type StartTracingOptions, type Tracing } from './tracing';
export { temporalClientTracing, temporalWorkerTracing } from './temporal';
