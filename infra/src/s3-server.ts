// A real S3 server for tests: versitygw (Versity S3 Gateway) over a
// directory, found or built like the Temporal CLI (./go-tool.ts). v1.8.0 resolves from the Go
// module proxy with no `replace` directive; the first build takes ~2 minutes on 2 cores.
//
// Run as a script (`tsx src/s3-server.ts`) it prints the binary's path on stdout, or exits 1.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ensureGoTool, type GoTool, goToolOptionsFromEnv } from './go-tool';
import { findFreePort } from './ports';
import { spawnOwnedProcess } from './process-group';

export const VERSITYGW: GoTool = {
  label: 'the S3 server (versitygw)',
  binary: 'versitygw',
  module: 'github.com/versity/versitygw/cmd/versitygw',
  version: 'v1.8.0',
  pathVariable: 'VERSITYGW_PATH',
  cacheName: 'versitygw-v1.8.0',
  versionArgs: ['--version'],
  versionOutput: /^Version\s*:/m,
  buildTime: '~2 minutes',
};

/** The versitygw binary (VERSITYGW_PATH, the cache, PATH, or built once); throws when there is none and no Go. */
export async function ensureVersitygw(env: Record<string, string | undefined> = process.env): Promise<string> {
  const path = await ensureGoTool(VERSITYGW, goToolOptionsFromEnv(VERSITYGW, env));
  if (path === undefined) throw new Error('No versitygw: install Go (to build it) or set VERSITYGW_PATH');
  return path;
}

export interface S3Server {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  region: string;
  /** A bucket created for the caller, empty at start. */
  bucket: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** The directory behind the bucket: `<dataDir>/<bucket>/<key>` is an object's file. */
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts versitygw on a free port over a directory of its own (removed on stop unless given) with
 * one bucket and fresh root credentials, and resolves once it answers S3 requests.
 */
export async function startS3Server(options: { dataDir?: string; bucket?: string; binary?: string } = {}): Promise<S3Server> {
  const binary = options.binary ?? (await ensureVersitygw());
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'gongzhi-s3-')));
  const bucket = options.bucket ?? 'gongzhi-files';
  // The posix backend treats every top-level directory as a bucket.
  await mkdir(join(dataDir, bucket), { recursive: true });
  const credentials = { accessKeyId: `gongzhi${randomBytes(6).toString('hex')}`, secretAccessKey: randomBytes(24).toString('base64url') };
  const region = 'us-east-1';

  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort();
    const server = spawnOwnedProcess(binary, ['--port', `127.0.0.1:${port}`, '--region', region, '--quiet', 'posix', '--nometa', dataDir], {
      env: { ...process.env, ROOT_ACCESS_KEY_ID: credentials.accessKeyId, ROOT_SECRET_ACCESS_KEY: credentials.secretAccessKey },
      stopGraceMs: 5_000,
    });
    const stop = async (): Promise<void> => {
      await server.stop();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    };

    const endpoint = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 20_000;
    let died = false;
    void server.exited.then(() => (died = true));
    while (!died && Date.now() < deadline) {
      // Any HTTP answer (an unsigned request gets 403) means it serves.
      const answered = await fetch(endpoint, { signal: AbortSignal.timeout(1_000) }).then(
        async (response) => {
          await response.body?.cancel();
          return true;
        },
        () => false,
      );
      if (answered) return { endpoint, region, bucket, credentials, dataDir, stop };
      await sleep(100);
    }
    await server.stop();
    // Someone took the port between our probe and its bind: try another.
    if (attempt < 3 && /address already in use/i.test(server.outputTail())) continue;
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    throw new Error(`versitygw did not start on ${endpoint}:\n${server.outputTail()}`);
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureVersitygw().then(
    (path) => process.stdout.write(`${path}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
