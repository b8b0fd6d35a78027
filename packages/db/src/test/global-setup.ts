// Vitest globalSetup for this package's tests: one PostgreSQL server for the whole run, its URL
// provided as `databaseServerUrl` (the name @gongzhi/infra's test stack uses too). DATABASE_URL
// set: that server (CI runs the suite once against Debian's stock PostgreSQL this way); unset: a
// throw-away embedded server in a temporary directory.
import type { TestProject } from 'vitest/node';
import { withDatabase } from '../server';
import { startScratchServer } from '../scratch-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server URL whose user may create databases. */
    databaseServerUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    // Test databases are created next to DATABASE_URL's, never inside it.
    project.provide('databaseServerUrl', withDatabase(databaseUrl, 'postgres'));
    return async () => {};
  }
  const server = await startScratchServer();
  project.provide('databaseServerUrl', server.url);
  return () => server.stop();
}
