import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorPage } from '../../components/error-page';
import { PageSkeleton } from '../../components/loading';
import { DeliverablePanel } from '../../features/deliverables/components/deliverable-panel';
import { useWatchEngagement } from '../../features/live-updates/components/live-updates-provider';
import { taskQueryOptions, useTask } from '../../features/tasks/api/get-task';
import { TaskView } from '../../features/tasks/components/task-view';
import { useLocalized } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function TaskRoute() {
  const { t } = useTranslation();
  const { text } = useLocalized();
  const { id = '' } = useParams();
  const query = useTask(id);
  useWatchEngagement(query.data?.engagement.id);
  useDocumentTitle(query.data ? text(query.data.title) : t('nav.myTasks'));
  if (query.isPending) return <PageSkeleton rows={8} />;
  if (query.isError) return <ErrorPage error={query.error} onRetry={() => void query.refetch()} backTo="/tasks" backLabel={t('nav.myTasks')} />;
  const task = query.data;
  return (
    <TaskView
      task={task}
      crumbs={[{ label: t('nav.myTasks'), to: '/tasks' }, { label: task.engagement.name, to: `/engagements/${task.engagement.id}` }, { label: text(task.title) }]}
      deliverable={task.deliverable ? <DeliverablePanel deliverable={task.deliverable} /> : undefined}
    />
  );
}

export function prefetch(queryClient: QueryClient, params: Record<string, string | undefined>): void {
  if (params.id) void queryClient.query(taskQueryOptions(params.id)).catch(() => undefined);
}
