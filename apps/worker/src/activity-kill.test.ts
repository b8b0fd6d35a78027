// A worker SIGKILLed exactly around an activity's database commit: just before the task
// completion is written, and just after it was committed but before Temporal heard of it (the
// retried activity then meets its own write). A new worker finishes the engagement either way,
// with every task done once and one revision per submission.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { workflowsPath } from '@gongzhi/workflows';
import { createEngagementClient } from '@gongzhi/workflows/client';
import { createTestEngine, driveEngagement, engagementRequest, type TestEngine } from '@gongzhi/workflows/testing';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFinishedOnce } from './testing/finished-once';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const killingWorker = fileURLToPath(new URL('./testing/worker-killed-around-activity.ts', import.meta.url));
const bundlePath = join(tmpdir(), `gongzhi-kill-bundle-${process.pid}.js`);
const workers = new Set<ChildProcess>();

function spawnWorker(engine: TestEngine, entry: string, extraEnv: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, DATABASE_URL: engine.databaseUrl, TEMPORAL_ADDRESS: injectTestStack().temporalAddress, GONGZHI_TASK_QUEUE: engine.taskQueue, GONGZHI_WORKFLOW_BUNDLE: bundlePath, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  workers.add(child);
  child.on('exit', () => workers.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker not polling after 90 s:\n${output}`)), 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker polling')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`worker exited (${signal ?? code}) before polling:\n${output}`));
    });
  });
}

beforeAll(async () => {
  const { code } = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') });
  await writeFile(bundlePath, code);
}, 5 * 60_000);

afterAll(async () => {
  for (const worker of workers) worker.kill('SIGKILL');
  await rm(bundlePath, { force: true });
});

describe('a worker killed around an activity’s commit', () => {
  it.each(['before', 'after'] as const)('%s the task completion is written: a new worker finishes the engagement, nothing lost or doubled', async (moment) => {
    const engine = await createTestEngine(injectTestStack());
    const before = new Set(workers);
    try {
      const doomed = await spawnWorker(engine, killingWorker, { GONGZHI_KILL_AROUND: `recordTaskCompletion:${moment}` });
      const died = once(doomed, 'exit');
      // Patient: the first completion waits out the dead worker's activity timeout and the retry.
      const engagements = createEngagementClient({ db: engine.db, temporal: engine.temporal, taskQueue: engine.taskQueue, commandTimeoutMs: 120_000 });
      const { engagementId, plan } = await engagements.startEngagement(engagementRequest(engine.team));
      const driving = driveEngagement({ db: engine.db, engagements }, engagementId, plan, { timeoutMs: 300_000 });
      const [, signal] = (await died) as [number | null, NodeJS.Signals | null];
      expect(signal).toBe('SIGKILL');
      // After the commit the row is there before Temporal knows; before it, nothing is.
      const written = await engine.db.task.count({ where: { engagementId, status: { in: ['in_review', 'done'] } } });
      expect(written).toBe(moment === 'after' ? 1 : 0);

      await spawnWorker(engine, main);
      await driving;
      await expectFinishedOnce(engine, engagementId, plan.tasks.length);
    } finally {
      // This case's workers go before its database does.
      await Promise.all(
        [...workers].filter((worker) => !before.has(worker)).map(async (worker) => {
          if (worker.exitCode !== null || worker.signalCode !== null) return;
          const exited = once(worker, 'exit');
          worker.kill('SIGKILL');
          await exited;
        }),
      );
      await engine.close();
    }
  }, 8 * 60_000);
});
