import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';
import { DEMO_PASSWORD, DEMO_USERS, ensureFirstAdministrator, seedDemoUsers } from './seed';
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

    // What an administrator changed since is theirs: a restart recreates only what is missing.
    await db.user.update({ where: { username: 'lawyer' }, data: { displayName: 'renamed', roles: ['client'] } });
    await db.user.delete({ where: { username: 'lawyer2' } });
    const before = await db.user.findUniqueOrThrow({ where: { username: 'partner' } });
    const second = await seedDemoUsers(db, { hashPassword });
    expect(second).toEqual({ created: ['lawyer2'], existing: ['admin', 'partner', 'pm', 'lawyer', 'client'] });

    const users = await db.user.findMany({ orderBy: { username: 'asc' } });
    expect(users.map((user) => user.username).sort()).toEqual(DEMO_USERS.map((user) => user.username).sort());
    expect(users.find((user) => user.username === 'lawyer')).toMatchObject({ displayName: 'renamed', roles: ['client'] });
    expect((await db.user.findUniqueOrThrow({ where: { username: 'partner' } })).passwordHash).toBe(before.passwordHash);
    for (const user of users) expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash)).toBe(true);
  });

  it('never re-enables a disabled demo account, nor restores a demoted one', async () => {
    const other = await createTestDatabase(inject('databaseServerUrl'));
    try {
      await seedDemoUsers(other.db, { hashPassword });
      const disabledAt = new Date('2026-11-20T08:00:00Z');
      await other.db.user.update({ where: { username: 'admin' }, data: { disabledAt, roles: ['pm'] } });
      await seedDemoUsers(other.db, { hashPassword });
      await seedDemoUsers(other.db, { hashPassword });
      expect(await other.db.user.findUniqueOrThrow({ where: { username: 'admin' } })).toMatchObject({ disabledAt, roles: ['pm'] });
    } finally {
      await other.drop();
    }
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

describe('ensureFirstAdministrator', () => {
  it('gives an empty database one administrator with a random password, once, and leaves any other database alone', async () => {
    const fresh = await createTestDatabase(inject('databaseServerUrl'));
    try {
      const first = await ensureFirstAdministrator(fresh.db, { hashPassword });
      expect(first?.username).toBe('admin');
      expect(first?.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
      const admin = await fresh.db.user.findUniqueOrThrow({ where: { username: 'admin' } });
      expect(admin).toMatchObject({ roles: ['admin'], displayName: '系统管理员', disabledAt: null });
      expect(await verifyPassword(first!.password, admin.passwordHash)).toBe(true);
      expect(await verifyPassword(DEMO_PASSWORD, admin.passwordHash)).toBe(false);

      // The next start finds an account: nothing is created and no password is shown again.
      expect(await ensureFirstAdministrator(fresh.db, { hashPassword })).toBeNull();
      expect(await fresh.db.user.count()).toBe(1);
      expect((await fresh.db.user.findUniqueOrThrow({ where: { username: 'admin' } })).passwordHash).toBe(admin.passwordHash);
    } finally {
      await fresh.drop();
    }
    // A database with the demo accounts (or a firm's own) gets no extra administrator.
    const seeded = await createTestDatabase(inject('databaseServerUrl'));
    try {
      await seedDemoUsers(seeded.db, { hashPassword });
      expect(await ensureFirstAdministrator(seeded.db, { hashPassword })).toBeNull();
      expect(await seeded.db.user.count()).toBe(DEMO_USERS.length);
    } finally {
      await seeded.drop();
    }
  });
});
