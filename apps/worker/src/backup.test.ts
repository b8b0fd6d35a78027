// `pnpm backup` / `pnpm restore` on the embedded default's data directory: an engagement half-way
// through, the stack stopped, the directory archived and then deleted, the archive restored into
// a new directory and the servers started from it — the engagement carries on to its end from the
// restored database and workflow history, nothing lost or doubled.
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupDataDir, restoreDataDir, STACK_PID_FILE } from '@gongzhi/infra/backup';
import { findFreePortIn } from '@gongzhi/infra/ports';
import { type PostgresProcess, startPostgresProcess } from '@gongzhi/infra/postgres-process';
import { ensureTemporalCli } from '@gongzhi/infra/temporal-cli';
import { startTemporalDevServer, type TemporalDevServer } from '@gongzhi/infra/temporal-dev-server';
import { createTestEngine, driveEngagement, engagementRequest, type TestEngine } from '@gongzhi/workflows/testing';
import { describe, expect, it } from 'vitest';
import { expectFinishedOnce } from './testing/finished-once';

describe('backup and restore of the data directory', () => {
  it('restores a half-run engagement into a new directory, where it runs to its end', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'gongzhi-backup-'));
    const [original, restored, archive] = [join(scratch, 'data'), join(scratch, 'restored'), join(scratch, 'backups', 'gongzhi.tar.gz')];
    // The same ports before and after, as a restored laptop's `pnpm start` uses.
    const pgPort = await findFreePortIn(20_000, 32_767);
    let temporalPort = pgPort;
    while (temporalPort === pgPort) temporalPort = await findFreePortIn(20_000, 32_767);
    const cliPath = await ensureTemporalCli();
    const servers = async (dataDir: string) => ({
      postgres: await startPostgresProcess({ kind: 'persistent', dataDir: join(dataDir, 'postgres'), port: pgPort, database: 'gongzhi' }),
      temporal: await startTemporalDevServer({ cliPath, port: temporalPort, headless: true, dbFile: join(dataDir, 'temporal.db') }),
    });
    let running: { postgres: PostgresProcess; temporal: TemporalDevServer } | undefined;
    let engine: TestEngine | undefined;
    try {
      running = await servers(original);
      await writeFile(join(original, 'temporal-engine'), 'dev\n');
      engine = await createTestEngine({ databaseServerUrl: running.postgres.url, temporalAddress: running.temporal.address });
      const worker = await engine.startWorker();
      const { engagementId, plan } = await engine.engagements.startEngagement(engagementRequest(engine.team));
      await driveEngagement(engine, engagementId, plan, { maxCommands: 20, timeoutMs: 120_000 });
      const doneBefore = await engine.db.task.count({ where: { engagementId, status: 'done' } });
      expect(doneBefore).toBeGreaterThan(0);

      // A backup of a running stack is refused, and writes nothing.
      await expect(backupDataDir({ dataDir: original, to: archive })).rejects.toThrow(/PostgreSQL \(process \d+\) is running on .*stop `pnpm start`/);
      await expect(stat(archive)).rejects.toThrow();
      await worker.stop();
      await running.temporal.stop();
      await running.postgres.stop();
      running = undefined;
      // `pnpm start` marks the directory while it runs (stack.pid): refused too, until it is gone.
      await writeFile(join(original, STACK_PID_FILE), `${process.pid}\n`);
      await expect(backupDataDir({ dataDir: original, to: archive })).rejects.toThrow(/`pnpm start` \(process \d+\) is running/);
      await rm(join(original, STACK_PID_FILE));
      const { bytes } = await backupDataDir({ dataDir: original, to: archive });
      expect(bytes).toBeGreaterThan(1_000_000);
      await rm(original, { recursive: true, force: true });

      // Restoring over data is refused; into a new directory it brings the whole state back.
      const occupied = join(scratch, 'occupied');
      await mkdir(occupied);
      await writeFile(join(occupied, 'notes.txt'), '街道办事处的工作底稿');
      await expect(restoreDataDir({ from: archive, dataDir: occupied })).rejects.toThrow(/is not empty/);
      expect(await readdir(occupied)).toEqual(['notes.txt']);
      await restoreDataDir({ from: archive, dataDir: restored });
      running = await servers(restored);
      expect(await engine.db.task.count({ where: { engagementId, status: 'done' } })).toBe(doneBefore);
      await engine.startWorker();
      await driveEngagement(engine, engagementId, plan, { timeoutMs: 240_000 });
      await expectFinishedOnce(engine, engagementId, plan.tasks.length);
    } finally {
      await engine?.close().catch(() => undefined);
      await running?.temporal.stop().catch(() => undefined);
      await running?.postgres.stop().catch(() => undefined);
      await rm(scratch, { recursive: true, force: true });
    }
  }, 8 * 60_000);
});
