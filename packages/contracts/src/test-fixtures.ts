// Sample contract values for this package's tests, built from the real domain plan so they stay truthful.
import { type z } from 'zod';
import { builtInTemplates, chinaHolidayCalendar, createBusinessCalendar, planEngagement } from '@gongzhi/domain';
import { type taskDetailSchema } from './tasks';

export const ids = {
  engagement: '7b0e7a8e-3f5c-4d2b-9a51-0c7f2d6e1a01',
  task: '7b0e7a8e-3f5c-4d2b-9a51-0c7f2d6e1a02',
  deliverable: '7b0e7a8e-3f5c-4d2b-9a51-0c7f2d6e1a03',
  pm: '7b0e7a8e-3f5c-4d2b-9a51-0c7f2d6e1a04',
  partner: '7b0e7a8e-3f5c-4d2b-9a51-0c7f2d6e1a05',
  lawyer: '7b0e7a8e-3f5c-4d2b-9a51-0c7f2d6e1a06',
  review: '7b0e7a8e-3f5c-4d2b-9a51-0c7f2d6e1a07',
} as const;

export const template = builtInTemplates[0]!;

export const plan = planEngagement(
  template,
  {
    startDate: '2025-03-03',
    communities: [
      { key: 'c1', name: '东湖社区' },
      { key: 'c2', name: '西苑社区' },
    ],
    departments: [{ key: 'd1', name: '城管执法中队' }],
    team: { pm: ids.pm, partner: ids.partner, lawyers: [ids.lawyer] },
  },
  createBusinessCalendar(chinaHolidayCalendar()),
);

const planned = plan.tasks.find((task) => task.deliverable !== null)!;
const stage = plan.stages.find((candidate) => candidate.key === planned.stageKey)!;
const at = '2025-03-05T02:00:00.000Z';

export function sampleTaskDetail(): z.input<typeof taskDetailSchema> {
  const lawyer = { id: ids.lawyer, displayName: '李律师' };
  return {
    id: ids.task,
    key: planned.key,
    title: planned.title,
    status: 'in_review',
    role: planned.role,
    engagement: { id: ids.engagement, name: '某某街道创新社区治理' },
    stage: { key: stage.key, title: stage.title },
    community: null,
    department: null,
    assignee: lawyer,
    dueDate: planned.dueDate,
    isOverdue: false,
    isGate: planned.isGate,
    hasDeliverable: true,
    completedAt: at,
    happenedOn: null,
    updatedAt: at,
    description: planned.description,
    reminderDate: planned.reminderDate,
    escalationDate: planned.escalationDate,
    dependsOn: [],
    form: planned.form,
    rules: planned.rules,
    formData: { background: '背景', workPlanSummary: '计划' },
    completedBy: lawyer,
    deliverable: {
      id: ids.deliverable,
      key: planned.deliverable!.key,
      title: planned.deliverable!.title,
      kind: planned.deliverable!.kind,
      requiresReview: planned.deliverable!.requiresReview,
      status: 'submitted',
      engagement: { id: ids.engagement, name: '某某街道创新社区治理' },
      stage: { key: stage.key, title: stage.title },
      community: null,
      department: null,
      task: { id: ids.task, title: planned.title, assignee: lawyer },
      latestRevision: 1,
      submittedAt: at,
      updatedAt: at,
      revisions: [
        {
          revision: 1,
          status: 'submitted',
          fileName: '项目法律服务方案.docx',
          mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          sizeBytes: 12_345,
          sha256: 'a'.repeat(64),
          note: null,
          submittedBy: lawyer,
          submittedAt: at,
        },
      ],
      uploads: [],
      generations: [],
      reviews: [],
      can: { upload: true, review: false, generate: false },
    },
    standInReason: null,
    assignableTo: [],
    can: { complete: false, completeAsStandIn: false, assign: false },
  };
}
