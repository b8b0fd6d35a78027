import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, isPortFree } from './ports';
import { isProcessGroupAlive } from './process-group';
import { ensureTemporalCli, temporalCliOptionsFromEnv } from './temporal-cli';
import { startTemporalDevServer } from './temporal-dev-server';

async function describeNamespace(address: string, namespace: string): Promise<string | null | undefined> {
  const connection = await Connection.connect({ address, connectTimeout: '5s' });
  try {
    const response = await connection.workflowService.describeNamespace({ namespace });
    return response.namespaceInfo?.name;
  } finally {
    await connection.close();
  }
}

/** Live `temporal server` processes bound to port, found through /proc (CI runs on Linux). */
async function temporalProcessesOnPort(port: number): Promise<string[]> {
  const pids = (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry));
  const found: string[] = [];
  for (const pid of pids) {
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0');
    if (cmdline.includes('start-dev') && cmdline.includes(String(port))) found.push(pid);
  }
  return found;
}

describe('startTemporalDevServer', () => {
  let cliPath: string;
  let scratch: string;

  beforeAll(async () => {
    const found = await ensureTemporalCli(temporalCliOptionsFromEnv(process.env));
    if (found === undefined) throw new Error('these tests need the Temporal CLI: run `pnpm --filter @gongzhi/infra temporal:ensure`');
    cliPath = found;
    scratch = await mkdtemp(join(tmpdir(), 'gongzhi-temporal-server-test-'));
  }, 20 * 60_000);

  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('serves the default namespace and its UI, and stop() ends the process and frees the ports', async () => {
    const [port, uiPort] = [await findFreePort(), await findFreePort()];
    const server = await startTemporalDevServer({ cliPath, port, uiPort });
    try {
      expect(await temporalProcessesOnPort(port)).toEqual([String(server.pid)]);
      expect(server.address).toBe(`127.0.0.1:${port}`);
      expect(await describeNamespace(server.address, 'default')).toBe('default');
      expect(server.uiUrl).toBe(`http://127.0.0.1:${uiPort}`);
      const ui = await fetch(server.uiUrl ?? '');
      expect(ui.status).toBe(200);
    } finally {
      await server.stop();
    }
    expect(server.pid).toBeTypeOf('number');
    expect(isProcessGroupAlive(server.pid ?? 0)).toBe(false);
    expect(await isPortFree(port)).toBe(true);
    expect(await isPortFree(uiPort)).toBe(true);
    expect(await temporalProcessesOnPort(port)).toEqual([]);
    // Stopping twice is harmless.
    await server.stop();
  }, 60_000);

  it('keeps its state in dbFile across restarts', async () => {
    const dbFile = join(scratch, 'state', 'temporal.db');
    const first = await startTemporalDevServer({ cliPath, port: await findFreePort(), headless: true, dbFile, namespace: 'gongzhi-kept' });
    await first.stop();
    const second = await startTemporalDevServer({ cliPath, port: await findFreePort(), headless: true, dbFile });
    try {
      expect(await describeNamespace(second.address, 'gongzhi-kept')).toBe('gongzhi-kept');
    } finally {
      await second.stop();
    }
  }, 60_000);

  it('reports a server that cannot start, with its output, and leaves nothing running', async () => {
    const connections = new Set<Socket>();
    const blocker = createServer((socket) => {
      connections.add(socket);
      socket.on('close', () => connections.delete(socket));
    });
    const port = await findFreePort();
    await new Promise<void>((resolve) => blocker.listen({ host: '127.0.0.1', port }, resolve));
    try {
      await expect(startTemporalDevServer({ cliPath, port, headless: true, readyTimeoutMs: 30_000 })).rejects.toThrow(
        new RegExp(`Temporal dev server on 127\\.0\\.0\\.1:${port} did not start(.|\\n)*address already in use`),
      );
      expect(await temporalProcessesOnPort(port)).toEqual([]);
    } finally {
      for (const socket of connections) socket.destroy();
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  }, 60_000);
});
