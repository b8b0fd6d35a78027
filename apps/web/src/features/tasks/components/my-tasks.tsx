import { Alert, Badge, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-state';
import { daysBetween, todayCivil } from '../../../lib/dates';
import { type TaskListQuery, useTasks } from '../api/get-tasks';
import { TasksTable } from './tasks-table';

type Tab = 'todo' | 'review' | 'done';

/** 待办: what waits for the user, overdue first (the API's `dueDate` order). Routes prefetch it. */
export const MY_TODO_QUERY: TaskListQuery = { assignee: 'me', status: ['active', 'changes_requested'], sort: 'dueDate', page: 1, pageSize: 100 };

/** 我的任务: what the user must do across engagements — overdue first, then what is due soon. */
export function MyTasks() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('todo');
  const today = todayCivil();
  const todo = useTasks(MY_TODO_QUERY);
  const review = useTasks({ assignee: 'me', status: ['in_review'], sort: 'dueDate', page: 1, pageSize: 100 });
  const done = useTasks({ assignee: 'me', status: ['done'], sort: '-updatedAt', page: 1, pageSize: 50 }, tab === 'done');

  const todoItems = todo.data?.items ?? [];
  const overdue = todoItems.filter((task) => task.isOverdue).length;
  const soon = todoItems.filter((task) => !task.isOverdue && daysBetween(today, task.dueDate) <= 3).length;
  const returned = todoItems.filter((task) => task.status === 'changes_requested').length;
  const current = tab === 'todo' ? todo : tab === 'review' ? review : done;

  const label = (text: string, count: number | undefined, danger = false) => (
    <span>
      {text} <Badge count={count ?? 0} showZero color={danger ? 'var(--gz-danger)' : '#8c8c8c'} size="small" style={{ marginInlineStart: 4 }} />
    </span>
  );

  return (
    <Card size="small" styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        items={[
          { key: 'todo', label: label(t('tasks.tabs.todo'), todo.data?.total, overdue > 0) },
          { key: 'review', label: label(t('tasks.tabs.review'), review.data?.total) },
          { key: 'done', label: t('tasks.tabs.done') },
        ]}
      />
      {tab === 'todo' && (overdue > 0 || soon > 0 || returned > 0) ? (
        <Alert
          type={overdue > 0 ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={[
            overdue > 0 ? t('tasks.summary.overdue', { count: overdue }) : null,
            soon > 0 ? t('tasks.summary.soon', { count: soon }) : null,
            returned > 0 ? t('tasks.summary.returned', { count: returned }) : null,
          ]
            .filter(Boolean)
            .join(t('common.sentenceSeparator'))}
        />
      ) : null}
      {current.isError ? (
        <ErrorAlert error={current.error} onRetry={() => void current.refetch()} />
      ) : (
        <TasksTable
          tasks={current.data?.items ?? []}
          loading={current.isPending}
          showEngagement
          today={today}
          empty={
            tab === 'todo' ? (
              <EmptyState title={t('tasks.empty.todoTitle')} description={t('tasks.empty.todoHint')} />
            ) : tab === 'review' ? (
              <EmptyState title={t('tasks.empty.reviewTitle')} description={t('tasks.empty.reviewHint')} />
            ) : (
              <EmptyState title={t('tasks.empty.doneTitle')} />
            )
          }
        />
      )}
    </Card>
  );
}
