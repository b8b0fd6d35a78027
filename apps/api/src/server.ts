// The API process: read the configuration, build the app, listen, and close gracefully.
import pino from 'pino';
import { startTracing } from '@gongzhi/telemetry';
import { buildApp } from './app';
import { requestForLog } from './lib/log-safety';
import { parseApiConfig } from './config';

const config = parseApiConfig(process.env);
const logger = pino({
  level: config.logLevel,
  base: { service: 'gongzhi-api' },
  redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'], censor: '[redacted]' },
  // A respondent's link token is in the path: it is a credential, so it never reaches a log line.
  serializers: { req: requestForLog },
});

// Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (docs/architecture.md, "Tracing").
const tracing = startTracing({ serviceName: 'gongzhi-api', warn: (message) => logger.warn(message) });
if (tracing) logger.info({ endpoint: tracing.endpoint }, 'tracing: spans exported over OTLP/HTTP');

const app = buildApp({
  config,
  logger,
  tracing,
  http: {
    trustProxy: config.http.trustProxy,
    // Slow clients may not hold a socket open forever; a 50 MB upload on a slow line still fits.
    connectionTimeout: 0,
    requestTimeout: 300_000,
    // Above the usual 60 s idle timeout of proxies in front, so they close first.
    keepAliveTimeout: 72_000,
  },
});

let isShuttingDown = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (isShuttingDown) return;
  isShuttingDown = true;
  logger.info({ signal }, 'shutting down: finishing in-flight requests');
  // New requests get 503 while closing; in-flight ones have the grace period to finish.
  const forced = setTimeout(() => {
    logger.error('shutdown grace period over; exiting with requests still open');
    process.exit(1);
  }, config.http.shutdownGraceMs);
  forced.unref();
  try {
    await app.close();
    // Spans still buffered go out before the process does.
    await tracing?.shutdown().catch((error: unknown) => logger.warn({ err: error }, 'tracing: could not send the last spans'));
    logger.info('closed');
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, 'error while closing');
    process.exit(1);
  }
}

process.once('SIGINT', (signal) => void shutdown(signal));
process.once('SIGTERM', (signal) => void shutdown(signal));
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

try {
  await app.listen({ host: config.http.host, port: config.http.port });
} catch (error) {
  logger.fatal({ err: error }, 'could not start the API');
  process.exit(1);
}
