import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres';
import { findFreePort } from './scratch-server';
import { withConnection } from './server';

const workDirs: string[] = [];

async function newWorkDir(): Promise<string> {
  // A root-only temporary directory with the data directory inside, as callers make them.
  const dir = await mkdtemp(path.join(tmpdir(), 'gongzhi-embedded-test-'));
  workDirs.push(dir);
  return dir;
}

afterAll(async () => {
  for (const dir of workDirs) await rm(dir, { recursive: true, force: true });
});

describe('startEmbeddedPostgres', () => {
  it('keeps its data across a restart', async () => {
    const dataDir = path.join(await newWorkDir(), 'data');
    const port = await findFreePort();

    const first = await startEmbeddedPostgres({ dataDir, port, database: 'gongzhi' });
    try {
      expect(first.url).toBe(`postgres://postgres:postgres@127.0.0.1:${port}/gongzhi`);
      await withConnection(first.url, async (client) => {
        await client.query('CREATE TABLE kept (note text)');
        await client.query(`INSERT INTO kept VALUES ('第一次启动')`);
      });
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ dataDir, port, database: 'gongzhi' });
    try {
      const rows = await withConnection(second.url, async (client) => (await client.query<{ note: string }>('SELECT note FROM kept')).rows);
      expect(rows).toEqual([{ note: '第一次启动' }]);
    } finally {
      await second.stop();
    }
  });

  it('takes over a data directory whose previous owner was killed with SIGKILL', async () => {
    const dataDir = path.join(await newWorkDir(), 'data');
    const port = await findFreePort();
    // The previous owner: a process that starts the server and is then killed outright, which
    // leaves postgres running without it.
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./test/start-embedded-postgres.ts', import.meta.url)), dataDir, String(port)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`the first owner exited with ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const orphanPid = Number.parseInt((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]!, 10);
    expect(() => process.kill(orphanPid, 0)).not.toThrow();

    const server = await startEmbeddedPostgres({ dataDir, port });
    try {
      const rows = await withConnection(server.url, async (client) => (await client.query<{ note: string }>('SELECT note FROM kept')).rows);
      expect(rows).toEqual([{ note: 'written before the kill' }]);
      expect(() => process.kill(orphanPid, 0)).toThrow();
    } finally {
      await server.stop();
    }
  });

  it('refuses a directory that holds something else', async () => {
    const dataDir = await newWorkDir();
    await import('node:fs/promises').then(({ writeFile }) => writeFile(path.join(dataDir, 'notes.txt'), 'not a cluster'));
    await expect(startEmbeddedPostgres({ dataDir, port: await findFreePort() })).rejects.toThrow(/neither empty nor a PostgreSQL data directory/);
  });
});
