import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres';

/** A port nobody listens on right now (the OS picks it). */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ScratchServer {
  /** URL of the `postgres` database of a fresh, empty server. */
  url: string;
  stop(): Promise<void>;
}

/**
 * A throw-away embedded PostgreSQL in a temporary directory, removed on stop: for commands that
 * only need some server (the shadow database of migration:create) and for test runs.
 */
export async function startScratchServer({ onLog }: { onLog?: (message: string) => void } = {}): Promise<ScratchServer> {
  // The temporary directory itself is the data directory: initdb chowns it to the postgres user,
  // which could not enter a root-only parent.
  const dataDir = await mkdtemp(path.join(tmpdir(), 'gongzhi-pg-'));
  // On Ctrl-C or a crash, embedded-postgres's exit hook stops the server and exits the process
  // before any `finally` runs; the directory still goes, synchronously, on the way out.
  const removeOnExit = () => rmSync(dataDir, { recursive: true, force: true });
  process.once('exit', removeOnExit);
  const remove = async () => {
    process.removeListener('exit', removeOnExit);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const server = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), database: 'postgres', isDurable: false, ...(onLog ? { onLog } : {}) });
    return {
      url: server.url,
      stop: async () => {
        await server.stop();
        await remove();
      },
    };
  } catch (error) {
    await remove();
    throw error;
  }
}
