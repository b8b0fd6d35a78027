import { type Prisma } from '@gongzhi/db';
import { type notificationSchema } from '@gongzhi/contracts';
import { type CaseStep, caseStepLabels, type LocalizedText, NOTIFICATION_KINDS, NOTIFICATION_TOPICS, type NotificationKind } from '@gongzhi/domain';
import { type z } from 'zod';
import { iso, isoOrNull } from './common';

export type NotificationView = z.output<typeof notificationSchema>;

/** The headline of each kind the engine writes; the topic it is shown under is the domain's. */
const HEADLINES: Record<NotificationKind, LocalizedText> = {
  assigned: { zh: '新任务', en: 'New task' },
  reassigned: { zh: '任务转交给您', en: 'Task passed to you' },
  reminder: { zh: '任务即将到期', en: 'Task due soon' },
  overdue: { zh: '任务已逾期', en: 'Task overdue' },
  escalation: { zh: '逾期任务升级提醒', en: 'Overdue task escalated' },
  review_requested: { zh: '成果待审阅', en: 'Deliverable awaiting your review' },
  changes_requested: { zh: '成果被退回修改', en: 'Changes requested' },
  approved: { zh: '成果已通过', en: 'Deliverable approved' },
  needs_attention: { zh: '项目需要处理', en: 'Engagement needs attention' },
  knowledge_changed: { zh: '知识库条目有新版本', en: 'Knowledge base entry updated' },
  case_supervised: { zh: '案件督办', en: 'Case supervision' },
  consultation_requested: { zh: '会诊邀请', en: 'Your opinion is asked' },
  consultation_due: { zh: '会诊意见今日截止', en: 'Consultation opinions due today' },
  consultation_concluded: { zh: '会诊已形成结论', en: 'Consultation concluded' },
};

/** Every kind the engine writes is listed. */
export const LISTED_KINDS: NotificationKind[] = [...NOTIFICATION_KINDS];

export const notificationInclude = {
  engagement: { select: { id: true, name: true } },
  task: { select: { id: true, titleZh: true, titleEn: true, deliverable: { select: { id: true } } } },
} satisfies Prisma.NotificationInclude;

export type NotificationRow = Prisma.NotificationGetPayload<{ include: typeof notificationInclude }>;

const DELIVERABLE_KINDS = new Set<NotificationKind>(['review_requested', 'changes_requested', 'approved']);

function bodyOf(kind: NotificationKind, payload: Record<string, unknown>): LocalizedText | null {
  const dueDate = typeof payload.dueDate === 'string' ? payload.dueDate : typeof payload.dueOn === 'string' ? payload.dueOn : null;
  const comment = typeof payload.comment === 'string' && payload.comment ? payload.comment.slice(0, 1500) : null;
  const revision = typeof payload.revision === 'number' ? payload.revision : null;
  if (kind === 'knowledge_changed' && typeof payload.version === 'number') {
    const reason = typeof payload.reason === 'string' ? payload.reason.slice(0, 500) : '';
    return { zh: `第 ${payload.version} 版${reason ? `：${reason}` : ''}。本项目仍使用原副本，可在项目知识库中采用新版本。`, en: `Version ${payload.version}${reason ? `: ${reason}` : ''}. This engagement keeps its copy until the new version is taken.` };
  }
  if (kind === 'case_supervised') {
    const level = payload.level === 'red' ? { zh: '红牌督办', en: 'Red card' } : { zh: '黄牌督办', en: 'Yellow card' };
    const step = typeof payload.step === 'string' && payload.step in caseStepLabels ? caseStepLabels[payload.step as CaseStep] : null;
    const where = typeof payload.community === 'string' ? payload.community : '';
    const department = typeof payload.department === 'string' ? payload.department : null;
    return {
      zh: `${level.zh}：${where}${step ? `“${step.zh}”环节` : ''}已超过期限${dueDate ? `（${dueDate}）` : ''}${department ? `，承办部门：${department}` : ''}`,
      en: `${level.en}: ${where}${step ? `, “${step.en}”` : ''} is past its deadline${dueDate ? ` (${dueDate})` : ''}${department ? `; department: ${department}` : ''}`,
    };
  }
  if (kind === 'consultation_requested') {
    const by = typeof payload.requestedBy === 'string' ? payload.requestedBy : '';
    return { zh: `${by}请您就此问题提出意见${dueDate ? `，截止日期：${dueDate}` : ''}`, en: `${by} asks for your opinion${dueDate ? ` by ${dueDate}` : ''}` };
  }
  if (kind === 'consultation_concluded') return { zh: '结论已写明，可在项目的“会诊”中查看', en: 'Read the conclusion under the engagement’s Consultations' };
  if (kind === 'changes_requested' && comment) return { zh: `修改意见：${comment}`, en: `Comments: ${comment}` };
  if (DELIVERABLE_KINDS.has(kind) && revision) return { zh: `第 ${revision} 稿`, en: `Revision ${revision}` };
  if (dueDate) return { zh: `截止日期：${dueDate}`, en: `Due ${dueDate}` };
  return null;
}

export function toNotification(row: NotificationRow): NotificationView {
  const kind = { wire: NOTIFICATION_TOPICS[row.kind], headline: HEADLINES[row.kind] };
  const payload = (row.payload !== null && typeof row.payload === 'object' && !Array.isArray(row.payload) ? row.payload : {}) as Record<string, unknown>;
  const payloadTitle = payload.title as Partial<LocalizedText> | undefined;
  const subjectTitle: LocalizedText | null = row.task
    ? { zh: row.task.titleZh, en: row.task.titleEn }
    : typeof payload.titleZh === 'string' && typeof payload.titleEn === 'string'
      ? { zh: payload.titleZh, en: payload.titleEn }
      : payloadTitle?.zh && payloadTitle.en
        ? { zh: payloadTitle.zh, en: payloadTitle.en }
        : typeof payload.title === 'string'
          ? { zh: payload.title, en: payload.title }
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
