import { createHash, randomUUID } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  applyMigrations,
  createMigration,
  defaultMigrationsDir,
  defaultSchemaPath,
  diffSchemaAgainstMigrations,
  listAppliedMigrations,
  markMigrationRolledBack,
} from './migrate';
import { dropDatabase, ensureDatabase, withConnection, withDatabase } from './server';

const serverUrl = inject('databaseServerUrl');
const created: string[] = [];
const scratchDirs: string[] = [];

async function emptyDatabase(): Promise<string> {
  const name = `gongzhi_migrate_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  created.push(name);
  await ensureDatabase(serverUrl, name);
  return withDatabase(serverUrl, name);
}

async function scratchCopy(): Promise<{ migrationsDir: string; schemaPath: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gongzhi-migrations-'));
  scratchDirs.push(dir);
  await cp(defaultMigrationsDir, path.join(dir, 'migrations'), { recursive: true });
  await cp(defaultSchemaPath, path.join(dir, 'schema.prisma'));
  return { migrationsDir: path.join(dir, 'migrations'), schemaPath: path.join(dir, 'schema.prisma') };
}

async function committedMigrationNames(): Promise<string[]> {
  return (await readdir(defaultMigrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function tableNames(url: string): Promise<string[]> {
  return withConnection(url, async (client) => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    return rows.map((row) => row.table_name);
  });
}

afterAll(async () => {
  for (const name of created) await dropDatabase(serverUrl, name);
  for (const dir of scratchDirs) await rm(dir, { recursive: true, force: true });
});

describe('applyMigrations', () => {
  let url: string;
  let firstRun: { applied: string[] };

  beforeAll(async () => {
    url = await emptyDatabase();
    firstRun = await applyMigrations(url);
  });

  it('applies every committed migration to an empty database', async () => {
    const names = await committedMigrationNames();
    expect(names.length).toBeGreaterThan(0);
    expect(firstRun.applied).toEqual(names);
    expect(await tableNames(url)).toEqual(expect.arrayContaining(['_prisma_migrations', 'app_user', 'engagement', 'task', 'audit_event', 'notification']));
  });

  it('records each migration under its folder name with the checksum `prisma migrate deploy` writes', async () => {
    const rows = await withConnection(url, async (client) => {
      const result = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        'SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name',
      );
      return result.rows;
    });
    const names = await committedMigrationNames();
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const script = await readFile(path.join(defaultMigrationsDir, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(script).digest('hex'));
      expect(row.finished_at).toBeInstanceOf(Date);
    }
    expect(await listAppliedMigrations(url)).toEqual(names);
  });

  it('is a no-op the second time', async () => {
    expect(await applyMigrations(url)).toEqual({ applied: [] });
    const count = await withConnection(url, async (client) => (await client.query('SELECT 1 FROM _prisma_migrations')).rowCount);
    expect(count).toBe((await committedMigrationNames()).length);
  });

  it('applies once when several processes migrate the same database at the same time', async () => {
    const target = await emptyDatabase();
    const results = await Promise.all([applyMigrations(target), applyMigrations(target), applyMigrations(target)]);
    expect(results.flatMap((result) => result.applied)).toEqual(await committedMigrationNames());
  });

  it('creates the database when it does not exist yet', async () => {
    const name = `gongzhi_migrate_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    created.push(name);
    const result = await applyMigrations(withDatabase(serverUrl, name));
    expect(result.applied).toEqual(await committedMigrationNames());
  });

  it('rolls a failing migration back entirely and reports it', async () => {
    const { migrationsDir } = await scratchCopy();
    const broken = path.join(migrationsDir, '99990101000000_broken');
    await mkdir(broken);
    await writeFile(path.join(broken, 'migration.sql'), 'CREATE TABLE "half_done" ("id" INT);\nSELECT 1 / 0;\n');
    const target = await emptyDatabase();
    await expect(applyMigrations(target, { migrationsDir })).rejects.toThrow(/division by zero/);
    expect(await tableNames(target)).not.toContain('half_done');

    // As with `prisma migrate deploy`: nothing more is applied until the failure is resolved.
    await expect(applyMigrations(target, { migrationsDir })).rejects.toThrow(/failed migrations/);
    await writeFile(path.join(broken, 'migration.sql'), 'CREATE TABLE "half_done" ("id" INT);\n');
    await markMigrationRolledBack(target, '99990101000000_broken');
    expect(await applyMigrations(target, { migrationsDir })).toEqual({ applied: ['99990101000000_broken'] });
    expect(await tableNames(target)).toContain('half_done');
  });
});

describe('the committed migrations', () => {
  it('build exactly the schema in prisma/schema.prisma (run migration:create after changing it)', async () => {
    const diff = await diffSchemaAgainstMigrations(serverUrl);
    expect(diff.script).toMatch(/empty migration/);
    expect(diff.isEmpty).toBe(true);
  });
});

describe('createMigration', () => {
  it('writes nothing when schema.prisma has no changes', async () => {
    const paths = await scratchCopy();
    const before = await readdir(paths.migrationsDir);
    expect(await createMigration(serverUrl, 'nothing', paths)).toEqual({ name: null, file: null, script: null });
    expect(await readdir(paths.migrationsDir)).toEqual(before);
  });

  it('writes the next migration for a schema change, which then applies and closes the diff', async () => {
    const paths = await scratchCopy();
    const schema = await readFile(paths.schemaPath, 'utf8');
    const changed = schema.replace(/^(\s+households\s+Int\?)$/m, '$1\n  nickname String?');
    expect(changed).not.toBe(schema);
    await writeFile(paths.schemaPath, changed);
    expect((await diffSchemaAgainstMigrations(serverUrl, paths)).isEmpty).toBe(false);

    const now = new Date('2099-01-02T03:04:05Z');
    const migration = await createMigration(serverUrl, 'add_nickname', { ...paths, now });
    expect(migration.name).toBe('20990102030405_add_nickname');
    expect(migration.script).toMatch(/ALTER TABLE "community" ADD COLUMN\s+"nickname" TEXT/);
    expect(await readFile(migration.file!, 'utf8')).toBe(migration.script);

    expect((await diffSchemaAgainstMigrations(serverUrl, paths)).isEmpty).toBe(true);
    const target = await emptyDatabase();
    expect((await applyMigrations(target, paths)).applied.at(-1)).toBe('20990102030405_add_nickname');
  });
});
