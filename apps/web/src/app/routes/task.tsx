import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorPage } from '../../components/error-page';
import { PageSkeleton } from '../../components/loading';
import { useMe } from '../../features/auth/api/get-me';
import { TaskConsultationHold, TaskConsultations } from '../../features/consultations/components/task-consultations';
import { isOpenTask } from '../../features/consultations/utils/consultations';
import { DeliverablePanel } from '../../features/deliverables/components/deliverable-panel';
import { OutcomesAcceptanceNotice } from '../../features/outcomes/components/acceptance-notice';
import { isClientAcceptance } from '../../features/outcomes/utils/outcomes';
import { useWatchEngagement } from '../../features/live-updates/components/live-updates-provider';
import { taskQueryOptions, useTask } from '../../features/tasks/api/get-task';
import { TaskView } from '../../features/tasks/components/task-view';
import { useLocalized } from '../../lib/i18n';
import { isFirmUser } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function TaskRoute() {
  const { t } = useTranslation();
  const { text } = useLocalized();
  const { id = '' } = useParams();
  const query = useTask(id);
  const me = useMe();
  useWatchEngagement(query.data?.engagement.id);
  useDocumentTitle(query.data ? text(query.data.title) : t('nav.myTasks'));
  if (query.isPending) return <PageSkeleton rows={8} />;
  if (query.isError) return <ErrorPage error={query.error} onRetry={() => void query.refetch()} backTo="/tasks" backLabel={t('nav.myTasks')} />;
  const task = query.data;
  // 会诊 is the firm's own deliberation: its team sees the task's consultations, never the client's contact.
  const firm = me.data ? isFirmUser(me.data.roles) : false;
  const taskRef = {
    id: task.id,
    key: task.key,
    label: `${text(task.title)}${task.community ? ` · ${task.community.name}` : ''}${task.department ? ` · ${task.department.name}` : ''}`,
    open: isOpenTask(task.status),
  };
  return (
    <TaskView
      task={task}
      {...(firm
        ? {
            consultations: <TaskConsultations engagementId={task.engagement.id} task={taskRef} myId={me.data?.id} />,
            completionNotice: <TaskConsultationHold engagementId={task.engagement.id} taskKey={task.key} />,
          }
        : {})}
      {...(isClientAcceptance(task) ? { notice: <OutcomesAcceptanceNotice engagementId={task.engagement.id} /> } : {})}
      crumbs={[{ label: t('nav.myTasks'), to: '/tasks' }, { label: task.engagement.name, to: `/engagements/${task.engagement.id}` }, { label: text(task.title) }]}
      deliverable={task.deliverable ? <DeliverablePanel deliverable={task.deliverable} /> : undefined}
    />
  );
}

export function prefetch(queryClient: QueryClient, params: Record<string, string | undefined>): void {
  if (params.id) void queryClient.query(taskQueryOptions(params.id)).catch(() => undefined);
}
