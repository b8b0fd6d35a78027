import type { TestEngine } from '@gongzhi/workflows/testing';
import { expect } from 'vitest';

/** Done once each, one revision per submission, and nothing after the last. */
export async function expectFinishedOnce(engine: TestEngine, engagementId: string, plannedTasks: number): Promise<void> {
  const { db } = engine;
  expect((await db.engagement.findUniqueOrThrow({ where: { id: engagementId } })).status).toBe('completed');
  const tasks = await db.task.findMany({ where: { engagementId }, include: { deliverable: { include: { revisions: true } } } });
  expect(tasks).toHaveLength(plannedTasks);
  expect(tasks.filter((task) => task.status !== 'done' || task.completedAt === null).map((task) => task.key)).toEqual([]);
  for (const task of tasks) {
    if (!task.deliverable) continue;
    // driveEngagement sends nothing back here: exactly one revision, approved once.
    expect(task.deliverable.revisions.map((revision) => revision.revision), task.key).toEqual([1]);
  }
}
