// `pnpm backup` and `pnpm restore`: the embedded default's data directory — PostgreSQL (the
// product's database, and the Temporal server's when GONGZHI_TEMPORAL=server), the dev server's
// temporal.db, the file store and the engine marker — as one archive, and back.
//
// Cold, on purpose: the embedded PostgreSQL ships no pg_dump (and Debian's older pg_dump refuses a
// newer server), and a copy of files under a running server is not consistent. With the stack
// stopped, the directory is one consistent state: every engagement's database rows, its workflow
// history and its files from the same moment. A backup refuses to run while the stack runs.
//
//   pnpm backup [--data-dir <dir>] [--to <file.tar.gz>]    (default: .data → backups/gongzhi-<time>.tar.gz)
//   pnpm restore <file.tar.gz> [--data-dir <dir>]          (into a data directory that is empty or absent)
//
// Files in an S3 bucket are not in the archive: objects are written once under their content's
// hash and never changed or deleted, so a copy of the bucket taken *after* the archive holds every
// file the archived database refers to.
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_DATA_DIR = join(repoRoot, '.data');

/** Archives `dataDir` into `to` (gzip'd tar); refuses while PostgreSQL runs on it. */
export async function backupDataDir({ dataDir, to }: { dataDir: string; to: string }): Promise<{ file: string; bytes: number }> {
  if (!(await isDirectory(dataDir))) throw new Error(`no data directory at ${dataDir}`);
  const running = await runningPostgresPid(join(dataDir, 'postgres'));
  if (running !== undefined) {
    throw new Error(
      `PostgreSQL (process ${running}) is running on ${dataDir}: stop \`pnpm start\` (Ctrl-C) first — a copy of a running database is not a consistent backup`,
    );
  }
  await mkdir(dirname(to), { recursive: true });
  await tar(['-czf', to, '-C', dataDir, '.']);
  return { file: to, bytes: (await stat(to)).size };
}

/** Unpacks a backup into `dataDir`, which must be empty or absent (nothing is ever overwritten). */
export async function restoreDataDir({ from, dataDir }: { from: string; dataDir: string }): Promise<void> {
  if (!(await stat(from).then((info) => info.isFile(), () => false))) throw new Error(`no backup file at ${from}`);
  const existing = await readdir(dataDir).catch(() => [] as string[]);
  if (existing.length > 0) {
    throw new Error(`${dataDir} is not empty: restore into a new directory (--data-dir) and start with GONGZHI_DATA_DIR pointing at it`);
  }
  await mkdir(dataDir, { recursive: true });
  await tar(['-xzf', from, '-C', dataDir]);
}

/** The pid in postmaster.pid when that process is alive. */
async function runningPostgresPid(postgresDir: string): Promise<number | undefined> {
  const pidFile = await readFile(join(postgresDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const pid = Number.parseInt(pidFile?.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid)) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

function tar(args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('tar', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise() : reject(new Error(`tar ${args[0]} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

function optionValue(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  const dataDir = resolve(optionValue(rest, '--data-dir') ?? process.env.GONGZHI_DATA_DIR ?? DEFAULT_DATA_DIR);
  if (command === 'backup') {
    const stamp = new Date().toISOString().replaceAll(':', '').replace(/\.\d+Z$/, 'Z');
    const to = resolve(optionValue(rest, '--to') ?? join(repoRoot, 'backups', `gongzhi-${stamp}.tar.gz`));
    const { file, bytes } = await backupDataDir({ dataDir, to });
    process.stdout.write(`backed up ${dataDir} to ${file} (${(bytes / 1_048_576).toFixed(1)} MB)\n`);
  } else if (command === 'restore') {
    const from = rest.find((arg, index) => !arg.startsWith('--') && rest[index - 1] !== '--data-dir');
    if (from === undefined) throw new Error('usage: pnpm restore <backup.tar.gz> [--data-dir <empty dir>]');
    await restoreDataDir({ from: resolve(from), dataDir });
    const engine = (await readFile(join(dataDir, 'temporal-engine'), 'utf8').catch(() => 'dev')).trim();
    process.stdout.write(`restored ${from} into ${dataDir}; start it with: GONGZHI_TEMPORAL=${engine} GONGZHI_DATA_DIR=${dataDir} pnpm start\n`);
  } else {
    throw new Error('usage: pnpm backup [--data-dir <dir>] [--to <file.tar.gz>] | pnpm restore <file.tar.gz> [--data-dir <dir>]');
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
