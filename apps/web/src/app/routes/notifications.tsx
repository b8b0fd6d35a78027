import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { NotificationsList } from '../../features/notifications/components/notifications-list';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function NotificationsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('nav.notifications'));
  return (
    <>
      <PageHeader title={t('notifications.title')} />
      <NotificationsList />
    </>
  );
}
