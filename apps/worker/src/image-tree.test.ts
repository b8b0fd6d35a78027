// The container images' contents without Docker (none on these machines): the Dockerfile's build
// stage run over a copy of the tree — install, the apps' build, the prune to production
// dependencies — and then its entrypoint's commands from that pruned tree against the test
// stack's PostgreSQL and Temporal: `migrate`, `first-admin`, `worker`, `api`. What the prune
// removes or the entrypoint names wrongly fails here, not in a firm's cluster.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { access, cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropDatabase } from '@gongzhi/db';
import { findFreePortIn } from '@gongzhi/infra/ports';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp } from './testing/clean-up';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const processes = new Set<ChildProcess>();
let tree: string | undefined;
let database: string | undefined;

/** The lines of a RUN instruction of the Dockerfile's build stage, as written there. */
async function buildStageCommands(): Promise<string[]> {
  const dockerfile = await readFile(join(repoRoot, 'infra/deploy/Dockerfile'), 'utf8');
  const stage = dockerfile.slice(dockerfile.indexOf('AS build'), dockerfile.indexOf('AS runtime'));
  return [...stage.matchAll(/^RUN (pnpm .+)$/gm)].map((match) => match[1]!);
}

function sh(command: string, cwd: string, env: NodeJS.ProcessEnv = {}): string {
  return execFileSync('sh', ['-c', command], { cwd, env: { ...process.env, CI: 'true', ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

/** The entrypoint with one of its commands, until `isReady` says so from its output. */
async function entrypoint(command: string, env: NodeJS.ProcessEnv, isReady: (output: string) => boolean | Promise<boolean>): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn('sh', [join(tree!, 'infra/deploy/entrypoint.sh'), command], { env: { ...process.env, GONGZHI_APP_DIR: tree, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  processes.add(child);
  child.on('exit', () => processes.delete(child));
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (const deadline = Date.now() + 90_000; !(await isReady(output)); await new Promise((resolve) => setTimeout(resolve, 200))) {
    if (child.exitCode !== null) throw new Error(`entrypoint ${command} exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`entrypoint ${command} not ready after 90 s:\n${output}`);
  }
  return { child, output: () => output };
}

/** A one-shot command of the entrypoint, to its end: its exit code and output. */
async function runToEnd(command: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawn('sh', [join(tree!, 'infra/deploy/entrypoint.sh'), command], { env: { ...process.env, GONGZHI_APP_DIR: tree, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, output };
}

afterAll(async () => {
  await cleanUp([
    () =>
      Promise.all(
        [...processes].map(async (child) => {
          const exited = once(child, 'exit');
          child.kill('SIGTERM');
          await exited;
        }),
      ),
    async () => database && dropDatabase(injectTestStack().databaseServerUrl, database),
    async () => tree && rm(tree, { recursive: true, force: true }),
  ]);
}, 60_000);

describe('the container images, their build stage and entrypoint run outside Docker', () => {
  it('builds and prunes a copy of the tree from which the migrations, the first administrator, the worker and the API run', async () => {
    // The build context: the tracked files, as .dockerignore leaves them.
    tree = await mkdtemp(join(tmpdir(), 'gongzhi-image-'));
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' }).split('\0').filter((file) => file !== '' && !file.startsWith('docs/screenshots/'));
    for (const file of files) {
      await mkdir(join(tree, dirname(file)), { recursive: true });
      await cp(join(repoRoot, file), join(tree, file), { preserveTimestamps: true });
    }
    const commands = await buildStageCommands();
    expect(commands).toEqual([
      'pnpm install --frozen-lockfile',
      'pnpm --filter @gongzhi/api --filter @gongzhi/worker --filter @gongzhi/web run build',
      'pnpm prune --prod --ignore-scripts',
    ]);
    // From this checkout's store, wherever the copy is (the test must not need the registry; the
    // image's build does use it).
    const store = sh('pnpm store path', repoRoot).trim();
    for (const command of commands) sh(command.startsWith('pnpm install') ? `${command} --offline --store-dir ${store}` : command, tree);
    // Pruned: the worker's test runner is gone, its runtime is not.
    await expect(access(join(tree, 'apps/worker/node_modules/vitest'))).rejects.toThrow();
    await access(join(tree, 'apps/worker/node_modules/tsx'));

    const { databaseServerUrl, temporalAddress } = injectTestStack();
    database = `image_tree_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const databaseUrl = Object.assign(new URL(databaseServerUrl), { pathname: `/${database}` }).toString();
    const env = { DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, GONGZHI_FILES_DIR: join(tree, 'files'), NODE_ENV: 'production' };

    const migrate = await runToEnd('migrate', env);
    expect(migrate, migrate.output).toMatchObject({ code: 0, output: expect.stringMatching(/Applied \d+ migration/) });
    const firstAdmin = await runToEnd('first-admin', env);
    expect(firstAdmin.code, firstAdmin.output).toBe(0);
    const password = /username admin, password (\S+)/.exec(firstAdmin.output)?.[1] ?? '';
    expect(password, firstAdmin.output).toMatch(/^[\w-]{24}$/);

    const taskQueue = `image-tree-${randomUUID()}`;
    await entrypoint('worker', { ...env, GONGZHI_TASK_QUEUE: taskQueue, GONGZHI_WORKFLOW_BUNDLE: join(tree, 'apps/worker/dist/workflow-bundle.js') }, (output) =>
      output.includes(`worker polling ${taskQueue}`),
    );
    const port = await findFreePortIn(20_000, 32_767);
    const apiUrl = `http://127.0.0.1:${port}`;
    await entrypoint('api', { ...env, GONGZHI_API_PORT: String(port), GONGZHI_WEB_DIR: join(tree, 'apps/web/dist'), GONGZHI_COOKIE_SECURE: 'false' }, () =>
      fetch(`${apiUrl}/api/ready`).then(
        (response) => response.ok,
        () => false,
      ),
    );
    const page = await fetch(`${apiUrl}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const login = await fetch(`${apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
    expect(login.status, await login.clone().text()).toBe(200);
  }, 10 * 60_000);
});
