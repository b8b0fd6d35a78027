// What the worker's benchmark scripts share: timing, percentiles, and the command that completes
// a freshly started engagement's first task.
import { type EngagementPlan } from '@gongzhi/domain';
import { sampleFormData } from '@gongzhi/workflows/demo';
import { fileFor, type TestEngine } from '@gongzhi/workflows/testing';
import { type CompleteTaskInput } from '@gongzhi/workflows';

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const startedAt = performance.now();
  const result = await work();
  return [result, performance.now() - startedAt];
}

/** The completion of the engagement's first open task, once the workflow has written it (right after the start). */
export async function firstTaskCompletion(
  engine: TestEngine,
  engagementId: string,
  plan: EngagementPlan,
): Promise<CompleteTaskInput> {
  let task = await engine.db.task.findFirst({ where: { engagementId, status: 'active' }, orderBy: { key: 'asc' } });
  while (task === null) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    task = await engine.db.task.findFirst({ where: { engagementId, status: 'active' }, orderBy: { key: 'asc' } });
  }
  const planned = plan.tasks.find((candidate) => candidate.key === task.key)!;
  return {
    taskKey: planned.key,
    actorId: task.assigneeId!,
    formData: sampleFormData(planned),
    ...(planned.deliverable ? { file: fileFor(planned, 1) } : {}),
  };
}
