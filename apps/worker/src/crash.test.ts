import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DefaultLogger, bundleWorkflowCode } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { workflowsPath } from '@gongzhi/workflows';
import { createTestEngine, driveEngagement, engagementRequest, type TestEngine } from '@gongzhi/workflows/testing';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
let engine: TestEngine;
const workers = new Set<ChildProcess>();

/** A real worker process (the production entry point), on this test's private task queue. */
async function spawnWorker(extraEnv: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, DATABASE_URL: engine.databaseUrl, TEMPORAL_ADDRESS: injectTestStack().temporalAddress, GONGZHI_TASK_QUEUE: engine.taskQueue, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  workers.add(child);
  child.on('exit', () => workers.delete(child));
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker polling')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`worker exited (${code}) before polling:\n${output}`)));
  });
  await ready;
  return child;
}

const bundlePath = join(tmpdir(), `gongzhi-workflow-bundle-${process.pid}.js`);

beforeAll(async () => {
  engine = await createTestEngine(injectTestStack());
  // The replacement worker runs as production does: from the prebuilt workflow bundle.
  const { code } = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') });
  await writeFile(bundlePath, code);
});

afterAll(async () => {
  for (const worker of workers) worker.kill('SIGKILL');
  await engine?.close();
  await rm(bundlePath, { force: true });
});

describe('a worker killed mid-pipeline', () => {
  it('loses no accepted work: a new worker (from the prebuilt bundle) finishes the engagement with no duplicate or missing rows', async () => {
    const first = await spawnWorker();
    const { engagementId, plan } = await engine.engagements.startEngagement(engagementRequest(engine.team));
    const driving = driveEngagement(engine, engagementId, plan, { sendBack: ['research-report'], timeoutMs: 240_000 });

    // Kill it without warning once the pipeline is well under way, commands still in flight.
    for (;;) {
      const done = await engine.db.task.count({ where: { engagementId, status: 'done' } });
      if (done >= 25) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    first.kill('SIGKILL');
    await once(first, 'exit');
    const stalledAt = await engine.db.task.count({ where: { engagementId, status: 'done' } });
    await spawnWorker({ GONGZHI_WORKFLOW_BUNDLE: bundlePath });

    const { sentBack } = await driving;
    expect(sentBack).toEqual(['research-report']);
    expect(stalledAt).toBeLessThan(plan.tasks.length);

    const { db } = engine;
    expect((await db.engagement.findUniqueOrThrow({ where: { id: engagementId } })).status).toBe('completed');
    const tasks = await db.task.findMany({ where: { engagementId }, include: { deliverable: { include: { revisions: { include: { review: true } } } } } });
    expect(tasks).toHaveLength(plan.tasks.length);
    expect(tasks.filter((task) => task.status !== 'done' || !task.completedAt).map((task) => task.key)).toEqual([]);
    for (const task of tasks.filter((candidate) => candidate.deliverable)) {
      const expected = task.deliverable!.key === 'research-report' ? 2 : 1;
      expect(task.deliverable!.revisions.map((revision) => revision.revision).sort(), task.key).toEqual(expected === 2 ? [1, 2] : [1]);
      expect(task.deliverable!.currentRevision, task.key).toBe(expected);
      if (task.deliverable!.requiresReview) expect(task.deliverable!.revisions.every((revision) => revision.review), task.key).toBe(true);
    }
    // One audit event per effect: completions and reviews recorded exactly once each.
    const completions = await db.auditEvent.groupBy({ by: ['entityId', 'action'], where: { engagementId, action: { in: ['task.completed', 'deliverable.submitted', 'task.activated'] } }, _count: true });
    expect(completions.filter((group) => group._count !== 1 && group.action !== 'deliverable.submitted')).toEqual([]);
    const submittedRevisions = tasks.filter((task) => task.deliverable?.requiresReview).reduce((sum, task) => sum + task.deliverable!.revisions.length, 0);
    expect(await db.auditEvent.count({ where: { engagementId, action: 'deliverable.submitted' } })).toBe(submittedRevisions);
    expect(await db.review.count({ where: { deliverableRevision: { deliverable: { engagementId } } } })).toBe(submittedRevisions);
    expect(await db.auditEvent.count({ where: { engagementId, action: 'task.activated' } })).toBe(plan.tasks.length);
    expect(await db.stage.count({ where: { engagementId, status: 'done' } })).toBe(plan.stages.length);
  });
});
