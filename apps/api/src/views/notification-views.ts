import { type NotificationKind, type Prisma } from '@gongzhi/db';
import { type notificationKindSchema, type notificationSchema } from '@gongzhi/contracts';
import { type LocalizedText } from '@gongzhi/domain';
import { type z } from 'zod';
import { iso, isoOrNull } from './common';

type WireKind = z.infer<typeof notificationKindSchema>;
export type NotificationView = z.output<typeof notificationSchema>;

/** Stored kinds (what the workflow writes) under the contract's names, with their headline. */
const KINDS: Partial<Record<NotificationKind, { wire: WireKind; headline: LocalizedText }>> = {
  assigned: { wire: 'task.assigned', headline: { zh: '新任务', en: 'New task' } },
  reassigned: { wire: 'task.assigned', headline: { zh: '任务转交给您', en: 'Task passed to you' } },
  reminder: { wire: 'task.due_soon', headline: { zh: '任务即将到期', en: 'Task due soon' } },
  overdue: { wire: 'task.overdue', headline: { zh: '任务已逾期', en: 'Task overdue' } },
  escalation: { wire: 'task.escalated', headline: { zh: '逾期任务升级提醒', en: 'Overdue task escalated' } },
  review_requested: { wire: 'deliverable.submitted', headline: { zh: '成果待审阅', en: 'Deliverable awaiting your review' } },
  changes_requested: { wire: 'deliverable.changes_requested', headline: { zh: '成果被退回修改', en: 'Changes requested' } },
  approved: { wire: 'deliverable.approved', headline: { zh: '成果已通过', en: 'Deliverable approved' } },
  stage_opened: { wire: 'stage.opened', headline: { zh: '阶段已开始', en: 'Stage opened' } },
  stage_completed: { wire: 'stage.completed', headline: { zh: '阶段已完成', en: 'Stage completed' } },
  engagement_paused: { wire: 'engagement.paused', headline: { zh: '项目已暂停', en: 'Engagement paused' } },
  engagement_resumed: { wire: 'engagement.resumed', headline: { zh: '项目已恢复', en: 'Engagement resumed' } },
  engagement_cancelled: { wire: 'engagement.cancelled', headline: { zh: '项目已终止', en: 'Engagement cancelled' } },
};

/** Only kinds the contract names are listed; others (consultations, cases) wait for their feature. */
export const LISTED_KINDS = Object.keys(KINDS) as NotificationKind[];

export const notificationInclude = {
  engagement: { select: { id: true, name: true } },
  task: { select: { id: true, titleZh: true, titleEn: true, deliverable: { select: { id: true } } } },
} satisfies Prisma.NotificationInclude;

export type NotificationRow = Prisma.NotificationGetPayload<{ include: typeof notificationInclude }>;

const DELIVERABLE_KINDS = new Set<NotificationKind>(['review_requested', 'changes_requested', 'approved']);

function bodyOf(kind: NotificationKind, payload: Record<string, unknown>): LocalizedText | null {
  const dueDate = typeof payload.dueDate === 'string' ? payload.dueDate : null;
  const comment = typeof payload.comment === 'string' && payload.comment ? payload.comment.slice(0, 1500) : null;
  const revision = typeof payload.revision === 'number' ? payload.revision : null;
  if (kind === 'changes_requested' && comment) return { zh: `修改意见：${comment}`, en: `Comments: ${comment}` };
  if (DELIVERABLE_KINDS.has(kind) && revision) return { zh: `第 ${revision} 稿`, en: `Revision ${revision}` };
  if (dueDate) return { zh: `截止日期：${dueDate}`, en: `Due ${dueDate}` };
  return null;
}

export function toNotification(row: NotificationRow): NotificationView {
  const kind = KINDS[row.kind];
  if (!kind) throw new Error(`notification kind ${row.kind} is not listed`);
  const payload = (row.payload !== null && typeof row.payload === 'object' && !Array.isArray(row.payload) ? row.payload : {}) as Record<string, unknown>;
  const payloadTitle = payload.title as Partial<LocalizedText> | undefined;
  const subjectTitle: LocalizedText | null = row.task
    ? { zh: row.task.titleZh, en: row.task.titleEn }
    : typeof payload.titleZh === 'string' && typeof payload.titleEn === 'string'
      ? { zh: payload.titleZh, en: payload.titleEn }
      : payloadTitle?.zh && payloadTitle.en
        ? { zh: payloadTitle.zh, en: payloadTitle.en }
        : null;
  const deliverableId = DELIVERABLE_KINDS.has(row.kind) ? row.task?.deliverable?.id : undefined;
  return {
    id: row.id,
    kind: kind.wire,
    title: subjectTitle ? { zh: `${kind.headline.zh}：${subjectTitle.zh}`, en: `${kind.headline.en}: ${subjectTitle.en}` } : kind.headline,
    body: bodyOf(row.kind, payload),
    engagement: row.engagement ? { id: row.engagement.id, name: row.engagement.name } : null,
    subject: deliverableId
      ? { type: 'deliverable', id: deliverableId }
      : row.task
        ? { type: 'task', id: row.task.id }
        : row.engagement
          ? { type: 'engagement', id: row.engagement.id }
          : null,
    createdAt: iso(row.createdAt),
    readAt: isoOrNull(row.readAt),
  };
}
