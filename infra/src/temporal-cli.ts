// Finds or builds the Temporal CLI (which embeds the dev server) and caches it per user.
//
// Why build from source: the CLI release binaries live on GitHub/temporal.download, which CI
// machines here cannot reach, while the Go module proxy is reachable. v1.5.1 is pinned because it
// is the newest tag that `go install …@version` accepts: from v1.6.0 on (v1.9.1 included) the CLI's
// go.mod carries `replace github.com/temporalio/cli/cliext => ./cliext`, and `go install` refuses
// any module whose go.mod has a replace directive. The first build takes ~4-5 minutes on 2 cores.
//
// Order of preference (first hit wins, nothing is ever rebuilt when a binary is present):
//   1. TEMPORAL_CLI_PATH (must exist, or we fail loudly rather than silently build something else)
//   2. the cache: ${XDG_CACHE_HOME:-~/.cache}/gongzhi/temporal-cli-v1.5.1/temporal
//   3. a working `temporal` on PATH or in $(go env GOPATH)/bin, linked/copied into the cache
//   4. `go install` into the cache (one builder at a time, guarded by a lock file)
//   5. undefined: callers fall back to the SDK's own download (needs internet)
//
// Run as a script (`tsx src/temporal-cli.ts`) it prints the binary's path on stdout, or exits 1.
import { spawn } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access, copyFile, link, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const TEMPORAL_CLI_VERSION = 'v1.5.1';
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';

export interface TemporalCliOptions {
  /** TEMPORAL_CLI_PATH: use exactly this binary. */
  explicitPath?: string | undefined;
  /** Directory holding the cached `temporal` binary. */
  cacheDir: string;
  /** PATH-style list of directories searched for an installed `temporal`. */
  searchPath: string;
  /** The Go toolchain command; a missing command means "cannot build". */
  goCommand: string;
  /** How long to wait for another process that holds the build lock. */
  lockWaitMs: number;
  /** Progress messages (never stdout: the CLI prints only the path there). */
  log: (message: string) => void;
}

const optionalNonEmpty = z.preprocess((value) => (value === '' ? undefined : value), z.string().optional());

const temporalCliEnvSchema = z.object({
  TEMPORAL_CLI_PATH: optionalNonEmpty,
  XDG_CACHE_HOME: optionalNonEmpty,
  PATH: optionalNonEmpty,
});

/** Reads the options from an environment (the edge); the functions below never touch process.env. */
export function temporalCliOptionsFromEnv(env: Record<string, string | undefined>): TemporalCliOptions {
  const parsed = temporalCliEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid environment for the Temporal CLI: ${formatIssues(parsed.error)}`);
  }
  const cacheHome = parsed.data.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  return {
    explicitPath: parsed.data.TEMPORAL_CLI_PATH,
    cacheDir: defaultTemporalCliCacheDir(cacheHome),
    searchPath: parsed.data.PATH ?? '',
    goCommand: 'go',
    lockWaitMs: 30 * 60_000,
    log: (message) => process.stderr.write(`[temporal-cli] ${message}\n`),
  };
}

export function defaultTemporalCliCacheDir(cacheHome: string): string {
  return join(cacheHome, 'gongzhi', `temporal-cli-${TEMPORAL_CLI_VERSION}`);
}

/**
 * Returns the path of a working Temporal CLI, building it once if needed, or undefined when this
 * machine can neither find nor build one (then let `TestWorkflowEnvironment.createLocal()` download).
 */
export async function ensureTemporalCli(
  options: TemporalCliOptions = temporalCliOptionsFromEnv(process.env),
): Promise<string | undefined> {
  if (options.explicitPath !== undefined) {
    const explicit = resolve(options.explicitPath);
    if (!(await isExecutableFile(explicit))) {
      throw new Error(`TEMPORAL_CLI_PATH=${options.explicitPath} is not an executable file`);
    }
    return explicit;
  }

  const cached = join(options.cacheDir, 'temporal');
  if (await isWorkingCli(cached)) return cached;

  const installed = await findInstalledCli(options);
  if (installed !== undefined) {
    await mkdir(options.cacheDir, { recursive: true });
    await placeInCache(installed, cached);
    options.log(`using ${installed} (cached at ${cached})`);
    return cached;
  }

  if ((await goVersion(options.goCommand)) === undefined) {
    options.log('no Temporal CLI found and no Go toolchain to build one');
    return undefined;
  }
  return buildIntoCache(options, cached);
}

async function findInstalledCli(options: TemporalCliOptions): Promise<string | undefined> {
  const dirs = options.searchPath.split(delimiter).filter((dir) => dir !== '');
  const gopath = await goEnv(options.goCommand, 'GOPATH');
  if (gopath !== undefined) dirs.push(...gopath.split(delimiter).map((dir) => join(dir, 'bin')));
  for (const dir of dirs) {
    const candidate = join(dir, 'temporal');
    if (await isWorkingCli(candidate)) return candidate;
  }
  return undefined;
}

// A hard link costs nothing and survives the original being deleted; a copy covers other filesystems.
async function placeInCache(source: string, target: string): Promise<void> {
  const staging = `${target}.${process.pid}.tmp`;
  await rm(staging, { force: true });
  try {
    await link(source, staging);
  } catch {
    await copyFile(source, staging);
  }
  // rename is atomic, so a concurrent reader sees either no binary or a complete one.
  await rename(staging, target);
}

async function buildIntoCache(options: TemporalCliOptions, cached: string): Promise<string> {
  await mkdir(options.cacheDir, { recursive: true });
  const release = await acquireBuildLock(join(options.cacheDir, 'build.lock'), options);
  try {
    // Another process may have finished the build while we waited for the lock.
    if (await isWorkingCli(cached)) return cached;

    const gobin = join(options.cacheDir, `.build-${process.pid}`);
    await rm(gobin, { recursive: true, force: true });
    await mkdir(gobin, { recursive: true });
    const target = `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`;
    options.log(`building ${target} with Go (first time only, ~5 minutes on 2 cores)…`);
    const startedAt = Date.now();
    // -buildvcs=false: the module cache has no VCS metadata to stamp, and some CI checkouts lack git.
    const exitCode = await runStreaming(options.goCommand, ['install', '-v', target], {
      ...process.env,
      GOBIN: gobin,
      GOFLAGS: '-buildvcs=false',
    });
    if (exitCode !== 0) {
      await rm(gobin, { recursive: true, force: true });
      throw new Error(`go install ${target} failed with exit code ${exitCode}`);
    }
    await rename(join(gobin, 'temporal'), cached);
    await rm(gobin, { recursive: true, force: true });
    if (!(await isWorkingCli(cached))) throw new Error(`built ${cached} but \`temporal --version\` fails`);
    options.log(`built ${cached} in ${Math.round((Date.now() - startedAt) / 1000)}s`);
    return cached;
  } finally {
    await release();
  }
}

/** An exclusive lock file holding the owner's pid; a lock whose owner died is taken over. */
async function acquireBuildLock(lockPath: string, options: TemporalCliOptions): Promise<() => Promise<void>> {
  const deadline = Date.now() + options.lockWaitMs;
  let announced = false;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockPath, { force: true });
    } catch (error) {
      if (!isErrnoException(error) || error.code !== 'EEXIST') throw error;
    }
    const owner = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
    if (!Number.isInteger(owner) || !isProcessAlive(owner)) {
      // Either the owner died mid-build or it is still writing its pid; only the former is stale,
      // and a freshly created lock is given a moment before being judged. Two processes taking over
      // the same stale lock at once would both build, harmlessly: each installs into its own GOBIN
      // and the final rename is atomic.
      const age = Date.now() - (await stat(lockPath).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (Number.isInteger(owner) || age > 5_000) {
        await rm(lockPath, { force: true });
        continue;
      }
    } else if (!announced) {
      options.log(`waiting for process ${owner}, which is building the Temporal CLI…`);
      announced = true;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${lockPath}`);
    await sleep(1_000);
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return isErrnoException(error) && error.code === 'EPERM';
  }
}

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    await access(path, fsConstants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function isWorkingCli(path: string): Promise<boolean> {
  if (!(await isExecutableFile(path))) return false;
  const result = await capture(path, ['--version']);
  return result?.exitCode === 0 && result.stdout.startsWith('temporal version');
}

async function goVersion(goCommand: string): Promise<string | undefined> {
  const result = await capture(goCommand, ['version']);
  return result?.exitCode === 0 ? result.stdout.trim() : undefined;
}

async function goEnv(goCommand: string, name: string): Promise<string | undefined> {
  const result = await capture(goCommand, ['env', name]);
  const value = result?.exitCode === 0 ? result.stdout.trim() : '';
  return value === '' ? undefined : value;
}

/** Runs a command and collects its stdout; undefined when the command cannot be started at all. */
function capture(command: string, args: string[]): Promise<{ exitCode: number; stdout: string } | undefined> {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', () => resolvePromise(undefined));
    child.on('close', (code) => resolvePromise({ exitCode: code ?? 1, stdout }));
  });
}

/** Runs a command with both of its output streams on our stderr, so stdout stays machine-readable. */
function runStreaming(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 2, 2] });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise(code ?? 1));
  });
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

function formatIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

async function main(): Promise<void> {
  const path = await ensureTemporalCli(temporalCliOptionsFromEnv(process.env));
  if (path === undefined) {
    process.stderr.write(
      'No Temporal CLI: install Go (to build it) or set TEMPORAL_CLI_PATH. ' +
        'Without it, tests fall back to the Temporal SDK download, which needs internet.\n',
    );
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`${path}\n`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}

