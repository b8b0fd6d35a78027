import { startTracing } from '@gongzhi/telemetry';
import { parseWorkerConfig } from './config';
import { runWorker } from './worker';

const config = parseWorkerConfig(process.env);
// Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (docs/architecture.md, "Tracing").
const tracing = startTracing({ serviceName: 'gongzhi-worker' });
if (tracing) console.log(`tracing: spans exported to ${tracing.endpoint}`);

// Spans still buffered go out before the process does (within a few seconds).
const flush = () => tracing?.shutdown().catch((error: unknown) => console.error('tracing: could not send the last spans', error));

runWorker(config, { tracing }).then(
  async () => {
    await flush();
    process.exit(0);
  },
  async (error: unknown) => {
    console.error(error);
    await flush();
    process.exit(1);
  },
);
