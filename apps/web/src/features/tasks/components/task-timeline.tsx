import { Card, Flex } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-state';
import { BlockSkeleton } from '../../../components/loading';
import { todayCivil } from '../../../lib/dates';
import { useEngagementTasks } from '../api/get-tasks';
import { type TimelineStage, timelineRows } from './timeline-rows';

const TaskTimelineChart = lazy(() => import('./task-timeline-chart'));

const LEGEND: { key: 'planned' | 'done-on-time' | 'done-late' | 'overdue' | 'open'; color: string }[] = [
  { key: 'planned', color: '#d6e0ec' },
  { key: 'done-on-time', color: '#52a447' },
  { key: 'done-late', color: '#e89a3c' },
  { key: 'overdue', color: '#d9483b' },
  { key: 'open', color: '#3d7cc9' },
];

/** Planned vs actual for every task of the engagement (copies per community on one line). */
export function TaskTimeline({ engagementId, stages }: { engagementId: string; stages: readonly TimelineStage[] }) {
  const { t } = useTranslation();
  const tasks = useEngagementTasks(engagementId);
  const today = todayCivil();
  const rows = useMemo(() => timelineRows(tasks.data ?? [], stages, today), [tasks.data, stages, today]);

  return (
    <Card
      size="small"
      title={t('timeline.title')}
      extra={
        <Flex gap={12} wrap className="gz-legend">
          {LEGEND.map((item) => (
            <span key={item.key} className="gz-legend-item">
              <span className="gz-legend-swatch" style={{ background: item.color }} />
              {item.key === 'planned' ? t('timeline.legend.planned') : t(`timeline.state.${item.key}`)}
            </span>
          ))}
        </Flex>
      }
    >
      {tasks.isPending ? (
        <BlockSkeleton rows={8} />
      ) : tasks.isError ? (
        <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('timeline.emptyTitle')} />
      ) : (
        <Suspense fallback={<BlockSkeleton rows={8} />}>
          <TaskTimelineChart rows={rows} today={today} />
        </Suspense>
      )}
    </Card>
  );
}
