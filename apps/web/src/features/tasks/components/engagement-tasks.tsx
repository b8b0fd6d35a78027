import { Card, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { useLocalized } from '../../../lib/i18n';
import { type TaskStatus, type TaskSummary, useEngagementTasks } from '../api/get-tasks';
import { ReassignTaskModal } from './reassign-task-modal';
import { TasksTable } from './tasks-table';

type StatusFilter = 'open' | 'overdue' | 'all' | TaskStatus;

export function filterTasks(tasks: readonly TaskSummary[], filter: { status: StatusFilter; stageKey?: string; communityKey?: string; search?: string }, text: (value: { zh: string; en: string }) => string): TaskSummary[] {
  const search = filter.search?.trim().toLowerCase();
  return tasks.filter((task) => {
    if (filter.status === 'open' && !(task.status === 'active' || task.status === 'in_review' || task.status === 'changes_requested')) return false;
    if (filter.status === 'overdue' && !task.isOverdue) return false;
    if (filter.status !== 'open' && filter.status !== 'overdue' && filter.status !== 'all' && task.status !== filter.status) return false;
    if (filter.stageKey && task.stage.key !== filter.stageKey) return false;
    if (filter.communityKey && task.community?.key !== filter.communityKey) return false;
    if (search && !`${text(task.title)} ${task.assignee.displayName}`.toLowerCase().includes(search)) return false;
    return true;
  });
}

/** Every task of one engagement, filterable; the PM can hand any open task to someone else. */
export function EngagementTasks({ engagementId, canReassign }: { engagementId: string; canReassign: boolean }) {
  const { t } = useTranslation();
  const { text } = useLocalized();
  const tasks = useEngagementTasks(engagementId);
  const [status, setStatus] = useState<StatusFilter>('open');
  const [stageKey, setStageKey] = useState<string | undefined>();
  const [communityKey, setCommunityKey] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [reassigning, setReassigning] = useState<TaskSummary | null>(null);

  if (tasks.isError) return <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />;
  const all = tasks.data ?? [];
  const stages = [...new Map(all.map((task) => [task.stage.key, task.stage])).values()];
  const communities = [...new Map(all.flatMap((task) => (task.community ? [[task.community.key, task.community] as const] : []))).values()];
  const visible = filterTasks(all, { status, stageKey, communityKey, search }, text);

  return (
    <Card size="small" styles={{ body: { padding: 0 } }}>
      <Flex className="gz-toolbar" gap={8} wrap>
        <Select<StatusFilter>
          value={status}
          onChange={setStatus}
          style={{ width: 130 }}
          aria-label={t('tasks.filters.status')}
          options={(['open', 'overdue', 'pending', 'done', 'all'] as const).map((value) => ({
            value,
            label: value === 'pending' || value === 'done' ? t(`status.task.${value}`) : t(`tasks.filters.${value}`),
          }))}
        />
        <Select
          allowClear
          value={stageKey}
          onChange={setStageKey}
          placeholder={t('tasks.filters.allStages')}
          style={{ width: 180 }}
          aria-label={t('tasks.filters.stage')}
          options={stages.map((stage) => ({ value: stage.key, label: text(stage.title) }))}
        />
        {communities.length > 0 ? (
          <Select
            allowClear
            value={communityKey}
            onChange={setCommunityKey}
            placeholder={t('tasks.filters.allCommunities')}
            style={{ width: 160 }}
            aria-label={t('tasks.filters.community')}
            options={communities.map((community) => ({ value: community.key, label: community.name }))}
          />
        ) : null}
        <Input allowClear prefix={<Icon name="search" />} value={search} onChange={(event) => setSearch(event.target.value)} placeholder={t('tasks.filters.search')} style={{ width: 200 }} />
        <span className="gz-muted gz-small" style={{ marginInlineStart: 'auto', alignSelf: 'center' }}>
          {t('tasks.filters.count', { shown: visible.length, total: all.length })}
        </span>
      </Flex>
      <TasksTable
        tasks={visible}
        loading={tasks.isPending}
        showAssignee
        onReassign={canReassign ? setReassigning : undefined}
        empty={<EmptyState title={t('tasks.empty.filteredTitle')} description={t('tasks.empty.filteredHint')} />}
      />
      <ReassignTaskModal task={reassigning} onClose={() => setReassigning(null)} />
    </Card>
  );
}
