import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from './seed';
import { createTestDatabase, type TestDatabase } from './testing';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase(inject('databaseServerUrl'));
});
afterAll(async () => {
  await database?.drop();
});

describe('seedDemoUsers', () => {
  it('creates one account per role, with the demo password, and is idempotent', async () => {
    const { db } = database;
    const first = await seedDemoUsers(db, { hashPassword });
    expect(first.created).toEqual(['admin', 'partner', 'pm', 'lawyer', 'lawyer2', 'client']);

    // A demo user renamed in the meantime is put back; nobody is duplicated; passwords are kept.
    await db.user.update({ where: { username: 'lawyer' }, data: { displayName: 'renamed', roles: ['client'] } });
    const before = await db.user.findUniqueOrThrow({ where: { username: 'partner' } });
    const second = await seedDemoUsers(db, { hashPassword });
    expect(second).toEqual({ created: [], updated: ['admin', 'partner', 'pm', 'lawyer', 'lawyer2', 'client'] });

    const users = await db.user.findMany({ orderBy: { username: 'asc' } });
    expect(users.map((user) => user.username).sort()).toEqual(DEMO_USERS.map((user) => user.username).sort());
    expect(users.find((user) => user.username === 'lawyer')).toMatchObject({ displayName: '王律师', roles: ['lawyer'] });
    expect((await db.user.findUniqueOrThrow({ where: { username: 'partner' } })).passwordHash).toBe(before.passwordHash);
    for (const user of users) expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash)).toBe(true);
    expect(new Set(users.flatMap((user) => user.roles))).toEqual(new Set(['admin', 'partner', 'pm', 'lawyer', 'client']));
  });

  it('survives two seeds racing', async () => {
    const other = await createTestDatabase(inject('databaseServerUrl'));
    try {
      await Promise.all([seedDemoUsers(other.db, { hashPassword }), seedDemoUsers(other.db, { hashPassword })]);
      expect(await other.db.user.count()).toBe(DEMO_USERS.length);
    } finally {
      await other.drop();
    }
  });
});
