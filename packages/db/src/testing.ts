import { randomUUID } from 'node:crypto';
import { applyMigrations, hashMigrations, type MigrationPaths } from './migrate';
import { createDb, type Db } from './client';
import { dropDatabase, quoteIdentifier, withConnection, withDatabase } from './server';

export { findFreePort, type ScratchServer, startScratchServer } from './scratch-server';
export { withConnection } from './server';

export interface TestDatabase {
  /** URL of the new database, migrated and empty. */
  url: string;
  db: Db;
  /** Disconnects `db` and drops the database. */
  drop(): Promise<void>;
}

const TEMPLATE_PREFIX = 'gongzhi_template_';
/** One template build at a time per server, whichever test process gets there first. */
const TEMPLATE_LOCK_KEY = '7263910453';
const OBJECT_IN_USE = '55006';

/**
 * A fresh, migrated, empty database on the server of `serverUrl`, for one test file. It is
 * cloned from a template database that holds the committed migrations (`gongzhi_template_<hash
 * of the migrations>`): the template is built once per server and migrations change, cloning
 * takes milliseconds. Concurrent callers (parallel test files) serialise on an advisory lock.
 */
export async function createTestDatabase(serverUrl: string, { migrationsDir }: MigrationPaths = {}): Promise<TestDatabase> {
  const template = `${TEMPLATE_PREFIX}${(await hashMigrations(migrationsDir)).slice(0, 16)}`;
  const name = `gongzhi_test_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  // Advisory locks are per database: every caller takes it in the maintenance database.
  await withConnection(withDatabase(serverUrl, 'postgres'), async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (!rowCount) await buildTemplate(serverUrl, template, migrationsDir);
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(template)}`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    }
  });
  const url = withDatabase(serverUrl, name);
  const db = createDb({ url, poolSize: 4 });
  return {
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await dropDatabase(serverUrl, name);
    },
  };
}

async function buildTemplate(serverUrl: string, template: string, migrationsDir: string | undefined): Promise<void> {
  const building = `${template}_building`;
  // A build that died half-way leaves `_building` behind; it is never cloned, only replaced.
  await dropDatabase(serverUrl, building);
  await applyMigrations(withDatabase(serverUrl, building), migrationsDir === undefined ? {} : { migrationsDir });
  await withConnection(withDatabase(serverUrl, 'postgres'), async (client) => {
    // The engine's connections are closed, but their backends may take a moment to exit.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`ALTER DATABASE ${quoteIdentifier(building)} RENAME TO ${quoteIdentifier(template)}`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== OBJECT_IN_USE || attempt === 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    // Nobody may connect to it: a connected session would make every clone fail.
    await client.query(`ALTER DATABASE ${quoteIdentifier(template)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    // Templates of older migration sets are of no further use.
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1) AND datname <> $2 AND NOT datname LIKE '%\\_building'`,
      [TEMPLATE_PREFIX, template],
    );
    for (const { datname } of rows) {
      await client.query(`ALTER DATABASE ${quoteIdentifier(datname)} WITH IS_TEMPLATE false`);
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(datname)} WITH (FORCE)`);
    }
  });
}
