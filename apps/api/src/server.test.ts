// server.ts as a process: it starts from the environment alone, serves, and on SIGTERM closes
// open event streams and exits cleanly.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@gongzhi/db';
import { createTestDatabase, type TestDatabase } from '@gongzhi/db/testing';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { createSession, SESSION_COOKIE } from './lib/sessions';

let database: TestDatabase;
let filesDir: string;
let server: ChildProcess | undefined;

beforeAll(async () => {
  database = await createTestDatabase(injectTestStack().databaseServerUrl);
  filesDir = await mkdtemp(join(tmpdir(), 'gongzhi-server-'));
});

afterAll(async () => {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  await database?.drop();
  await rm(filesDir, { recursive: true, force: true });
});

describe('server.ts', () => {
  it('listens with the configured environment and shuts down gracefully on SIGTERM', async () => {
    const { temporalAddress } = injectTestStack();
    server = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./server.ts', import.meta.url))], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { ...process.env, DATABASE_URL: database.url, TEMPORAL_ADDRESS: temporalAddress, GONGZHI_API_PORT: '0', GONGZHI_FILES_DIR: filesDir, GONGZHI_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
    server.stderr!.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start:\n${lines.join('')}`)), 60_000);
      server!.stdout!.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
          lines.push(line);
          const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        }
      });
    });
    expect(JSON.parse(lines.find((line) => line.includes('Server listening'))!)).toMatchObject({ service: 'gongzhi-api', level: 30 });
    expect((await fetch(`${url}/api/health`)).status).toBe(200);

    // An open event stream must not keep the server from closing.
    const user = await database.db.user.create({ data: { username: 'admin', displayName: '管理员', roles: ['admin'], passwordHash: await hashPassword('a-long-password') } });
    const engagementId = crypto.randomUUID();
    const session = await createSession(database.db, { userId: user.id, ttlMs: 3_600_000 });
    await database.db.engagement.create({
      data: { id: engagementId, name: '项目', clientName: '街道', clientKind: 'street', templateKey: 'community-governance', templateVersion: 1, startDate: new Date('2030-03-04'), workflowId: `engagement-${engagementId}`, plan: {}, createdById: user.id },
    });
    const stream = await fetch(`${url}/api/engagements/${engagementId}/events`, { headers: { cookie: `${SESSION_COOKIE}=${session.token}` } });
    expect(stream.status).toBe(200);
    const drained = stream.text();

    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    await drained;
    expect(lines.join('\n')).toContain('"msg":"closed"');
  });
});
