import pg from 'pg';

/** Server-level chores (create, drop, connect) done over plain `pg`, outside Prisma. */

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new Error('the database URL names no database');
  return name;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Runs `work` on one short-lived connection, closed whatever happens. */
export async function withConnection<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  // An error event on an idle client would otherwise crash the process.
  client.on('error', () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const INVALID_CATALOG_NAME = '3D000';
const DUPLICATE_DATABASE = '42P04';
const UNIQUE_VIOLATION = '23505';

function codeOf(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

/**
 * Connects to the server of `url` for administrative statements: to the database it names when
 * that exists, else to the `postgres` maintenance database.
 */
export async function withServerConnection<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  try {
    return await withConnection(url, work);
  } catch (error) {
    if (codeOf(error) !== INVALID_CATALOG_NAME) throw error;
    return withConnection(withDatabase(url, 'postgres'), work);
  }
}

/** Creates database `name` on the server of `serverUrl` unless it exists; safe to race. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  await withServerConnection(serverUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return;
    try {
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    } catch (error) {
      // Someone else created it between our check and our CREATE.
      if (codeOf(error) !== DUPLICATE_DATABASE && codeOf(error) !== UNIQUE_VIOLATION) throw error;
    }
  });
}

/** Drops database `name`, disconnecting its sessions first (PostgreSQL ≥ 13). */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  // A session cannot drop the database it is connected to.
  const adminUrl = databaseNameOf(serverUrl) === name ? withDatabase(serverUrl, 'postgres') : serverUrl;
  await withServerConnection(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
  });
}
