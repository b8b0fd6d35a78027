// Free TCP ports for servers started by tests, so parallel runs and a running `pnpm start` never
// collide on fixed ports.
import { createServer } from 'node:net';

/** Asks the kernel for a free port on host. Another process could take it before we bind; callers retry. */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host, port: 0 }, () => {
      const address = server.address();
      server.close(() => {
        if (address === null || typeof address === 'string') reject(new Error('no TCP address'));
        else resolvePromise(address.port);
      });
    });
  });
}

/** True when nothing listens on host:port (binding succeeds). */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolvePromise(false));
    server.listen({ host, port }, () => server.close(() => resolvePromise(true)));
  });
}

/**
 * A free port in [min, max], probed at random: for servers that cannot take any port the kernel
 * hands out (the Temporal server stores its membership port as a PostgreSQL smallint, so it must
 * stay below 32768, under Linux's ephemeral range).
 */
export async function findFreePortIn(min: number, max: number, host = '127.0.0.1'): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = min + Math.floor(Math.random() * (max - min + 1));
    if (await isPortFree(port, host)) return port;
  }
  throw new Error(`no free port between ${min} and ${max} on ${host}`);
}
