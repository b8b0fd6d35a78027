import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { MY_TODO_QUERY, MyTasks } from '../../features/tasks/components/my-tasks';
import { tasksQueryOptions } from '../../features/tasks/api/get-tasks';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function MyTasksRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('nav.myTasks'));
  return (
    <>
      <PageHeader title={t('tasks.title')} subtitle={t('tasks.subtitle')} />
      <MyTasks />
    </>
  );
}

export function prefetch(queryClient: QueryClient): void {
  void queryClient.query(tasksQueryOptions(MY_TODO_QUERY)).catch(() => undefined);
}
