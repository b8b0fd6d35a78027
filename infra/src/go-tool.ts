// Finds or builds a Go program this project runs (the Temporal CLI, the S3 server of the tests…)
// and caches it per user, pinned to one version.
//
// Why build from source: release binaries live on GitHub and vendors' sites, which CI machines
// here cannot reach, while the Go module proxy is reachable. `go install module@version` refuses
// any module whose go.mod has a replace directive, which limits the versions a tool can be
// pinned to (each tool's file says why its version).
//
// Order of preference (first hit wins, nothing is ever rebuilt when a binary is present):
//   1. the tool's path variable (e.g. TEMPORAL_CLI_PATH; must exist, or we fail loudly rather
//      than silently build something else)
//   2. the cache: ${XDG_CACHE_HOME:-~/.cache}/gongzhi/<cacheName>/<binary>
//   3. a working binary on PATH or in $(go env GOPATH)/bin, linked/copied into the cache
//   4. `go install` into the cache (one builder at a time, guarded by a lock file)
//   5. undefined: the caller decides (the Temporal CLI falls back to the SDK's download)
import { constants as fsConstants } from 'node:fs';
import { access, copyFile, link, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { runCommand } from './run-command';

export interface GoTool {
  /** What the log calls it: "the Temporal CLI". */
  label: string;
  /** The installed program's file name. */
  binary: string;
  module: string;
  version: string;
  /** The variable naming a binary to use as is. */
  pathVariable: string;
  /** The cache directory's name under ~/.cache/gongzhi, with the version in it. */
  cacheName: string;
  /** A working binary exits 0 when run with these and prints what `versionOutput` matches. */
  versionArgs: string[];
  versionOutput: RegExp;
  /** For the log: "~5 minutes". */
  buildTime: string;
}

export interface GoToolOptions {
  /** The path variable's value: use exactly this binary. */
  explicitPath?: string | undefined;
  /** Directory holding the cached binary. */
  cacheDir: string;
  /** PATH-style list of directories searched for an installed binary. */
  searchPath: string;
  /** The Go toolchain command; a missing command means "cannot build". */
  goCommand: string;
  /** How long to wait for another process that holds the build lock. */
  lockWaitMs: number;
  /** Progress messages (never stdout: the scripts print only the path there). */
  log: (message: string) => void;
}

const optionalNonEmpty = z.preprocess((value) => (value === '' ? undefined : value), z.string().optional());

/** Reads the options from an environment (the edge); the functions below never touch process.env. */
export function goToolOptionsFromEnv(tool: GoTool, env: Record<string, string | undefined>): GoToolOptions {
  const parsed = z.object({ [tool.pathVariable]: optionalNonEmpty, XDG_CACHE_HOME: optionalNonEmpty, PATH: optionalNonEmpty }).safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid environment for ${tool.label}: ${formatIssues(parsed.error)}`);
  }
  const values = parsed.data as Record<string, string | undefined>;
  return {
    explicitPath: values[tool.pathVariable],
    cacheDir: goToolCacheDir(tool, values.XDG_CACHE_HOME ?? join(homedir(), '.cache')),
    searchPath: values.PATH ?? '',
    goCommand: 'go',
    lockWaitMs: 30 * 60_000,
    log: (message) => process.stderr.write(`[${tool.binary}] ${message}\n`),
  };
}

export function goToolCacheDir(tool: GoTool, cacheHome: string): string {
  return join(cacheHome, 'gongzhi', tool.cacheName);
}

/** The path of a working binary, built once if needed; undefined when it can be neither found nor built. */
export async function ensureGoTool(tool: GoTool, options: GoToolOptions): Promise<string | undefined> {
  if (options.explicitPath !== undefined) {
    const explicit = resolve(options.explicitPath);
    if (!(await isExecutableFile(explicit))) {
      throw new Error(`${tool.pathVariable}=${options.explicitPath} is not an executable file`);
    }
    return explicit;
  }

  const cached = join(options.cacheDir, tool.binary);
  if (await works(tool, cached)) return cached;

  const installed = await findInstalled(tool, options);
  if (installed !== undefined) {
    await mkdir(options.cacheDir, { recursive: true });
    await placeInCache(installed, cached);
    options.log(`using ${installed} (cached at ${cached})`);
    return cached;
  }

  if ((await goVersion(options.goCommand)) === undefined) {
    options.log(`no ${tool.binary} found and no Go toolchain to build one`);
    return undefined;
  }
  return buildIntoCache(tool, options, cached);
}

async function findInstalled(tool: GoTool, options: GoToolOptions): Promise<string | undefined> {
  const dirs = options.searchPath.split(delimiter).filter((dir) => dir !== '');
  const gopath = await goEnv(options.goCommand, 'GOPATH');
  if (gopath !== undefined) dirs.push(...gopath.split(delimiter).map((dir) => join(dir, 'bin')));
  for (const dir of dirs) {
    const candidate = join(dir, tool.binary);
    if (await works(tool, candidate)) return candidate;
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

async function buildIntoCache(tool: GoTool, options: GoToolOptions, cached: string): Promise<string> {
  await mkdir(options.cacheDir, { recursive: true });
  const release = await acquireBuildLock(tool, join(options.cacheDir, 'build.lock'), options);
  try {
    // Another process may have finished the build while we waited for the lock.
    if (await works(tool, cached)) return cached;

    const gobin = join(options.cacheDir, `.build-${process.pid}`);
    await rm(gobin, { recursive: true, force: true });
    await mkdir(gobin, { recursive: true });
    const target = `${tool.module}@${tool.version}`;
    options.log(`building ${target} with Go (first time only, ${tool.buildTime} on 2 cores)…`);
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
    await rename(join(gobin, tool.binary), cached);
    await rm(gobin, { recursive: true, force: true });
    if (!(await works(tool, cached))) throw new Error(`built ${cached} but \`${tool.binary} ${tool.versionArgs.join(' ')}\` fails`);
    options.log(`built ${cached} in ${Math.round((Date.now() - startedAt) / 1000)}s`);
    return cached;
  } finally {
    await release();
  }
}

/** An exclusive lock file holding the owner's pid; a lock whose owner died is taken over. */
async function acquireBuildLock(tool: GoTool, lockPath: string, options: GoToolOptions): Promise<() => Promise<void>> {
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
      options.log(`waiting for process ${owner}, which is building ${tool.label}…`);
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

async function works(tool: GoTool, path: string): Promise<boolean> {
  if (!(await isExecutableFile(path))) return false;
  const result = await capture(path, tool.versionArgs);
  return result?.exitCode === 0 && tool.versionOutput.test(result.stdout);
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
  return runCommand(command, args, { timeoutMs: 30_000 }).catch(() => undefined);
}

/** Runs a command with both of its output streams on our stderr, so stdout stays machine-readable. */
async function runStreaming(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return (await runCommand(command, args, { env, streamToStderr: true })).exitCode;
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

function formatIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}
