import type { TaskSummary } from '../features/tasks/api/get-tasks';

let counter = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

/** A task as the API lists it, with the fields a test cares about overridden. */
export function taskSummary(overrides: Partial<TaskSummary> & { key: string }): TaskSummary {
  return {
    id: uuid(),
    title: { zh: `任务 ${overrides.key}`, en: `Task ${overrides.key}` },
    status: 'active',
    role: 'lawyer',
    engagement: { id: '10000000-0000-4000-8000-000000000001', name: '某某街道创新社区治理法律服务项目' },
    stage: { key: 'research', title: { zh: '实地调研', en: 'Field research' } },
    community: null,
    department: null,
    assignee: { id: '20000000-0000-4000-8000-000000000001', displayName: '王浩然' },
    dueDate: '2025-03-10',
    isOverdue: false,
    isGate: false,
    hasDeliverable: false,
    completedAt: null,
    happenedOn: null,
    updatedAt: '2025-03-01T02:00:00.000Z',
    ...overrides,
  };
}
