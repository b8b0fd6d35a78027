import { afterAll, describe, expect, inject, it } from 'vitest';
import { listAppliedMigrations } from './migrate';
import { withConnection } from './server';
import { createTestDatabase, type TestDatabase } from './testing';

const serverUrl = inject('databaseServerUrl');
const databases: TestDatabase[] = [];

afterAll(async () => {
  for (const database of databases) await database.drop().catch(() => {});
});

describe('createTestDatabase', () => {
  it('gives each caller its own migrated, empty database, even when asked concurrently', async () => {
    const [first, second, third] = await Promise.all([createTestDatabase(serverUrl), createTestDatabase(serverUrl), createTestDatabase(serverUrl)]);
    databases.push(first!, second!, third!);
    expect(new Set([first!.url, second!.url, third!.url]).size).toBe(3);
    expect((await listAppliedMigrations(first!.url)).length).toBeGreaterThan(0);

    await first!.db.user.create({ data: { username: 'only-in-first', displayName: '王浩然', passwordHash: 'x', roles: ['lawyer'] } });
    expect(await first!.db.user.count()).toBe(1);
    expect(await second!.db.user.count()).toBe(0);
    expect(await third!.db.user.count()).toBe(0);
  });

  it('drops the database', async () => {
    const database = await createTestDatabase(serverUrl);
    const name = new URL(database.url).pathname.slice(1);
    await database.drop();
    const exists = await withConnection(serverUrl, async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount);
    expect(exists).toBe(0);
  });
});
