// `pnpm backup` and `pnpm restore`: the embedded default's data directory — PostgreSQL (the
// product's database, and the Temporal server's when GONGZHI_TEMPORAL=server), the dev server's
// temporal.db, the file store and the engine marker — as one archive, and back.
//
// Cold, on purpose: the embedded PostgreSQL ships no pg_dump (and Debian's older pg_dump refuses a
// newer server), and a copy of files under a running server is not consistent. With the stack
// stopped, the directory is one consistent state: every engagement's database rows, its workflow
// history and its files from the same moment. A backup refuses to run while the stack runs (its
// stack.pid, or PostgreSQL's postmaster.pid, names a live process).
//
//   pnpm backup [--data-dir <dir>] [--to <file.tar.gz>]    (default: .data → backups/gongzhi-<time>.tar.gz)
//   pnpm restore <file.tar.gz> [--data-dir <dir>]          (into a data directory that is empty or absent)
//
// Files in an S3 bucket are not in the archive: objects are written once under their content's
// hash and never changed or deleted, so a copy of the bucket taken *after* the archive holds every
// file the archived database refers to.
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runChecked } from './run-command';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_DATA_DIR = join(repoRoot, '.data');
/** Written by `pnpm start` into its data directory while it runs (start-stack.ts). */
export const STACK_PID_FILE = 'stack.pid';

/** Archives `dataDir` into `to` (gzip'd tar); refuses while anything runs on it, and never overwrites. */
export async function backupDataDir({ dataDir, to }: { dataDir: string; to: string }): Promise<{ file: string; bytes: number }> {
  if (!(await isDirectory(dataDir))) throw new Error(`no data directory at ${dataDir}`);
  const running = (await runningPid(join(dataDir, STACK_PID_FILE), 'node')) ?? (await runningPid(join(dataDir, 'postgres', 'postmaster.pid'), 'postgres'));
  if (running !== undefined) {
    throw new Error(
      `${running.what} (process ${running.pid}) is running on ${dataDir}: stop \`pnpm start\` (Ctrl-C) first — a copy of a running database is not a consistent backup`,
    );
  }
  if (!relative(dataDir, to).startsWith('..')) throw new Error(`the archive ${to} would be inside the data directory it archives: choose another place (--to)`);
  if (await exists(to)) throw new Error(`${to} exists already: choose another file (--to)`);
  await mkdir(dirname(to), { recursive: true });
  // Written aside and renamed when complete: a failed or interrupted backup leaves no archive.
  const partial = `${to}.partial`;
  try {
    await tar(['-czf', partial, '-C', dataDir, '.']);
    await rename(partial, to);
  } finally {
    await rm(partial, { force: true });
  }
  return { file: to, bytes: (await stat(to)).size };
}

/** Unpacks a backup into `dataDir`, which must be empty or absent (nothing is ever overwritten). */
export async function restoreDataDir({ from, dataDir }: { from: string; dataDir: string }): Promise<void> {
  if (!(await stat(from).then((info) => info.isFile(), () => false))) throw new Error(`no backup file at ${from}`);
  const existing = await readdir(dataDir).catch(() => [] as string[]);
  if (existing.length > 0) {
    throw new Error(`${dataDir} is not empty: restore into a new directory (--data-dir) and start with GONGZHI_DATA_DIR pointing at it`);
  }
  // Unpacked beside it and renamed when complete: a failed restore leaves no half-filled directory.
  const staging = `${dataDir}.restoring-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    await tar(['-xzf', from, '-C', staging]);
    await rm(join(staging, STACK_PID_FILE), { force: true });
    // PostgreSQL runs as the `postgres` user when we are root (embedded-postgres.ts); the archive may
    // carry another machine's owner, and PostgreSQL refuses a data directory it does not own.
    if (process.getuid?.() === 0 && (await isDirectory(join(staging, 'postgres')))) {
      await run('chown', ['-R', 'postgres:postgres', join(staging, 'postgres')]).catch((error: unknown) => {
        throw new Error(`could not give ${join(dataDir, 'postgres')} to the postgres user (${error instanceof Error ? error.message : String(error)}); create that user first`);
      });
    }
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(dirname(dataDir), { recursive: true });
    await rename(staging, dataDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The pid in a pid file when that process is alive and is what the file says (pids are reused). */
async function runningPid(pidFile: string, command: string): Promise<{ pid: number; what: string } | undefined> {
  let text: string;
  try {
    text = await readFile(pidFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read ${pidFile} to tell whether the stack runs: ${(error as Error).message}`);
  }
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  // /proc/<pid>/comm names the program; without /proc (macOS) the live pid is trusted.
  const comm = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => undefined);
  if (comm !== undefined && comm.trim() !== command) return undefined;
  return { pid, what: command === 'postgres' ? 'PostgreSQL' : '`pnpm start`' };
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function tar(args: string[]): Promise<void> {
  return run('tar', args);
}

async function run(command: string, args: string[]): Promise<void> {
  await runChecked(command, args);
}

const USAGE = 'usage: pnpm backup [--data-dir <dir>] [--to <file.tar.gz>] | pnpm restore <file.tar.gz> [--data-dir <empty dir>]';

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { 'data-dir': { type: 'string' }, to: { type: 'string' } } });
  const [command, ...rest] = positionals;
  // Relative paths are the caller's: pnpm runs us from the repository root but says where it was called.
  const here = process.env.INIT_CWD ?? process.cwd();
  const dataDir = resolve(here, values['data-dir'] ?? process.env.GONGZHI_DATA_DIR ?? DEFAULT_DATA_DIR);
  if (command === 'backup' && rest.length === 0) {
    const stamp = new Date().toISOString().replaceAll(':', '').replace(/\.\d+Z$/, 'Z');
    const to = values.to === undefined ? join(repoRoot, 'backups', `gongzhi-${stamp}.tar.gz`) : resolve(here, values.to);
    const { file, bytes } = await backupDataDir({ dataDir, to });
    process.stdout.write(`backed up ${dataDir} to ${file} (${(bytes / 1_048_576).toFixed(1)} MB)\n`);
  } else if (command === 'restore' && rest.length === 1 && values.to === undefined) {
    const from = resolve(here, rest[0]!);
    await restoreDataDir({ from, dataDir });
    const engine = (await readFile(join(dataDir, 'temporal-engine'), 'utf8').catch(() => 'dev')).trim();
    process.stdout.write(`restored ${from} into ${dataDir}; start it with: GONGZHI_TEMPORAL=${engine} GONGZHI_DATA_DIR=${dataDir} pnpm start\n`);
  } else {
    throw new Error(USAGE);
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
