import { access, chmod, link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultTemporalCliCacheDir,
  ensureTemporalCli,
  temporalCliOptionsFromEnv,
  type TemporalCliOptions,
} from './temporal-cli';

const run = promisify(execFile);

// A stand-in Go toolchain (a real executable) that records every call and "builds" a tiny CLI in
// a second instead of the real one in five minutes, so the build path is exercised on every run.
const fakeGo = (callsFile: string): string => `#!/bin/sh
echo "$*|GOBIN=$GOBIN|GOFLAGS=$GOFLAGS" >> "${callsFile}"
case "$1" in
  version) echo "go version go0.0 fake"; exit 0 ;;
  env) exit 0 ;;
  install)
    sleep 1
    printf '#!/bin/sh\\necho "temporal version fake"\\n' > "$GOBIN/temporal"
    chmod +x "$GOBIN/temporal"
    exit 0 ;;
esac
exit 1
`;

describe('ensureTemporalCli', () => {
  let realCli: string;
  let scratch: string;
  let callsFile: string;
  let goCommand: string;

  beforeAll(async () => {
    // The machine's real CLI (built once by `pnpm --filter @gongzhi/infra temporal:ensure` in CI).
    const found = await ensureTemporalCli(temporalCliOptionsFromEnv(process.env));
    if (found === undefined) throw new Error('these tests need the Temporal CLI: run `pnpm --filter @gongzhi/infra temporal:ensure`');
    realCli = found;
  }, 20 * 60_000);

  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'gongzhi-temporal-cli-test-'));
    callsFile = join(scratch, 'go-calls.log');
    goCommand = join(scratch, 'go');
    await writeFile(goCommand, fakeGo(callsFile));
    await chmod(goCommand, 0o755);
  });

  afterEach(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  const options = (overrides: Partial<TemporalCliOptions> = {}): TemporalCliOptions => ({
    explicitPath: undefined,
    cacheDir: join(scratch, 'cache'),
    searchPath: '',
    goCommand,
    lockWaitMs: 30_000,
    log: () => undefined,
    ...overrides,
  });
  const goCalls = async (): Promise<string[]> =>
    (await readFile(callsFile, 'utf8').catch(() => '')).split('\n').filter((line) => line !== '');

  it('uses TEMPORAL_CLI_PATH as is, without caching or building anything', async () => {
    const path = await ensureTemporalCli(options({ explicitPath: realCli }));
    expect(path).toBe(realCli);
    await expect(access(join(scratch, 'cache'))).rejects.toThrow();
    expect(await goCalls()).toEqual([]);
  });

  it('fails loudly when TEMPORAL_CLI_PATH does not exist', async () => {
    await expect(ensureTemporalCli(options({ explicitPath: join(scratch, 'missing') }))).rejects.toThrow(
      /TEMPORAL_CLI_PATH=.*missing is not an executable file/,
    );
  });

  it('returns the cached binary without calling Go', async () => {
    await mkdir(join(scratch, 'cache'));
    await link(realCli, join(scratch, 'cache', 'temporal')).catch(() => run('cp', [realCli, join(scratch, 'cache', 'temporal')]));
    const path = await ensureTemporalCli(options());
    expect(path).toBe(join(scratch, 'cache', 'temporal'));
    expect(await goCalls()).toEqual([]);
    expect(await readdir(join(scratch, 'cache'))).toEqual(['temporal']);
  });

  it('caches a working `temporal` found on PATH instead of building', async () => {
    const path = await ensureTemporalCli(options({ searchPath: `${join(scratch, 'nowhere')}:${dirname(realCli)}` }));
    expect(path).toBe(join(scratch, 'cache', 'temporal'));
    const { stdout } = await run(join(scratch, 'cache', 'temporal'), ['--version']);
    expect(stdout).toMatch(/^temporal version/);
    expect((await goCalls()).some((call) => call.startsWith('install'))).toBe(false);
  });

  it('builds v1.5.1 with go install into the cache once, even when asked twice at the same time', async () => {
    const [first, second] = await Promise.all([ensureTemporalCli(options()), ensureTemporalCli(options())]);
    const cached = join(scratch, 'cache', 'temporal');
    expect(first).toBe(cached);
    expect(second).toBe(cached);
    const installs = (await goCalls()).filter((call) => call.startsWith('install'));
    expect(installs).toHaveLength(1);
    expect(installs[0]).toMatch(/^install -v github\.com\/temporalio\/cli\/cmd\/temporal@v1\.5\.1\|GOBIN=.*\/cache\/\.build-\d+\|GOFLAGS=-buildvcs=false$/);
    // The build directory and the lock are gone; only the binary stays.
    expect(await readdir(join(scratch, 'cache'))).toEqual(['temporal']);

    // A later call finds it and never builds again.
    expect(await ensureTemporalCli(options())).toBe(cached);
    expect((await goCalls()).filter((call) => call.startsWith('install'))).toHaveLength(1);
  });

  it('takes over a build lock left by a dead process', async () => {
    await mkdir(join(scratch, 'cache'));
    // pid 2^22+1 is above Linux's pid_max default, so no live process has it.
    await writeFile(join(scratch, 'cache', 'build.lock'), String(4_194_305));
    expect(await ensureTemporalCli(options())).toBe(join(scratch, 'cache', 'temporal'));
  });

  it('returns undefined when there is no CLI anywhere and no Go (callers then use the SDK download)', async () => {
    await mkdir(join(scratch, 'cache'));
    // A broken cache entry is not mistaken for a CLI.
    await writeFile(join(scratch, 'cache', 'temporal'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    expect(await ensureTemporalCli(options({ goCommand: join(scratch, 'no-such-go') }))).toBeUndefined();
  });
});

describe('temporalCliOptionsFromEnv', () => {
  it('reads TEMPORAL_CLI_PATH and XDG_CACHE_HOME, treating empty values as unset', () => {
    const options = temporalCliOptionsFromEnv({ TEMPORAL_CLI_PATH: '/opt/temporal', XDG_CACHE_HOME: '/var/cache/me', PATH: '/bin' });
    expect(options.explicitPath).toBe('/opt/temporal');
    expect(options.cacheDir).toBe('/var/cache/me/gongzhi/temporal-cli-v1.5.1');
    expect(options.searchPath).toBe('/bin');
    const blank = temporalCliOptionsFromEnv({ TEMPORAL_CLI_PATH: '', XDG_CACHE_HOME: '' });
    expect(blank.explicitPath).toBeUndefined();
    expect(blank.cacheDir).toMatch(/\/\.cache\/gongzhi\/temporal-cli-v1\.5\.1$/);
  });

  it('puts the cache under a versioned directory', () => {
    expect(defaultTemporalCliCacheDir('/c')).toBe('/c/gongzhi/temporal-cli-v1.5.1');
  });
});
