import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { daysBetween, todayCivil } from '../lib/dates';

type TaskStatus = 'pending' | 'active' | 'in_review' | 'changes_requested' | 'done' | 'cancelled';
type DeliverableStatus = 'none' | 'draft' | 'submitted' | 'changes_requested' | 'approved';
type EngagementStatus = 'running' | 'paused' | 'completed' | 'cancelled';
type StageStatus = 'pending' | 'active' | 'done' | 'cancelled';

// Preset hues rather than status colours: antd 6 renders `processing` tags in a muddy grey-blue.
const taskColor: Record<TaskStatus, string> = {
  pending: 'default',
  active: 'blue',
  in_review: 'purple',
  changes_requested: 'orange',
  done: 'green',
  cancelled: 'default',
};
const deliverableColor: Record<DeliverableStatus, string> = {
  none: 'default',
  draft: 'default',
  submitted: 'purple',
  changes_requested: 'orange',
  approved: 'green',
};
const engagementColor: Record<EngagementStatus, string> = { running: 'blue', paused: 'orange', completed: 'green', cancelled: 'default' };
const stageColor: Record<StageStatus, string> = { pending: 'default', active: 'blue', done: 'green', cancelled: 'default' };

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={taskColor[status]} variant="outlined" data-status={status}>
      {t(`status.task.${status}`)}
    </Tag>
  );
}

export function DeliverableStatusTag({ status }: { status: DeliverableStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={deliverableColor[status]} variant="outlined" data-status={status}>
      {t(`status.deliverable.${status}`)}
    </Tag>
  );
}

export function EngagementStatusTag({ status }: { status: EngagementStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={engagementColor[status]} variant="outlined" data-status={status}>
      {t(`status.engagement.${status}`)}
    </Tag>
  );
}

export function StageStatusTag({ status, isStalled }: { status: StageStatus; isStalled?: boolean }) {
  const { t } = useTranslation();
  if (isStalled) {
    return (
      <Tag color="red" variant="outlined" data-status="stalled">
        {t('status.stage.stalled')}
      </Tag>
    );
  }
  return (
    <Tag color={stageColor[status]} variant="outlined" data-status={status}>
      {t(`status.stage.${status}`)}
    </Tag>
  );
}

/**
 * A due date with how far off it is: red once overdue, amber within three days. `isDone` tasks
 * show only the date.
 */
export function DueDate({ date, isOverdue, isDone, today = todayCivil() }: { date: string; isOverdue?: boolean; isDone?: boolean; today?: string }) {
  const { t } = useTranslation();
  const days = daysBetween(today, date);
  if (isDone) return <span className="gz-num">{date}</span>;
  const overdue = isOverdue ?? days < 0;
  const tone = overdue ? 'gz-due-overdue' : days <= 3 ? 'gz-due-soon' : 'gz-due-later';
  const relative = overdue
    ? t('due.overdueBy', { count: Math.max(1, -days) })
    : days === 0
      ? t('due.today')
      : days === 1
        ? t('due.tomorrow')
        : t('due.inDays', { count: days });
  return (
    <Tooltip title={t('due.tooltip', { date })}>
      <span className={`gz-due ${tone}`} data-overdue={overdue ? 'true' : 'false'}>
        <span className="gz-num">{date}</span>
        <span className="gz-due-rel">{relative}</span>
      </span>
    </Tooltip>
  );
}
