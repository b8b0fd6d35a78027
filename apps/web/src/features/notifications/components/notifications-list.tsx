import { Button, Card, Pagination, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-state';
import { BlockSkeleton } from '../../../components/loading';
import { notificationPath, useNotifications } from '../api/get-notifications';
import { useMarkAllNotificationsRead, useMarkNotificationRead } from '../api/mark-read';
import { NotificationRow } from './notification-row';

const PAGE_SIZE = 20;

export function NotificationsList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [page, setPage] = useState(1);
  const query = useNotifications({ unread: filter === 'unread' ? true : undefined, page, pageSize: PAGE_SIZE });
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();

  return (
    <Card
      title={
        <Segmented<'all' | 'unread'>
          value={filter}
          onChange={(value) => {
            setFilter(value);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('notifications.filterAll') },
            { value: 'unread', label: t('notifications.filterUnread', { count: query.data?.unreadCount ?? 0 }) },
          ]}
        />
      }
      extra={
        <Button size="small" onClick={() => markAll.mutate()} loading={markAll.isPending} disabled={(query.data?.unreadCount ?? 0) === 0}>
          {t('notifications.markAllRead')}
        </Button>
      }
    >
      {query.isPending ? (
        <BlockSkeleton rows={6} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState title={filter === 'unread' ? t('notifications.emptyUnreadTitle') : t('notifications.emptyTitle')} description={t('notifications.emptyHint')} />
      ) : (
        <>
          <ul className="gz-plain-list">
            {query.data.items.map((item) => {
              const path = notificationPath(item);
              return (
                <li key={item.id} className="gz-notification-line">
                  <NotificationRow
                    notification={item}
                    extra={
                      <div className="gz-notification-actions">
                        {path ? (
                          <Button
                            size="small"
                            type="link"
                            onClick={() => {
                              if (item.readAt === null) markRead.mutate(item.id);
                              void navigate(path);
                            }}
                          >
                            {t('notifications.open')}
                          </Button>
                        ) : null}
                        {item.readAt === null ? (
                          <Button size="small" type="text" onClick={() => markRead.mutate(item.id)}>
                            {t('notifications.markRead')}
                          </Button>
                        ) : null}
                      </div>
                    }
                  />
                </li>
              );
            })}
          </ul>
          {query.data.total > PAGE_SIZE ? (
            <Pagination style={{ marginTop: 16, textAlign: 'right' }} current={page} pageSize={PAGE_SIZE} total={query.data.total} onChange={setPage} showSizeChanger={false} />
          ) : null}
        </>
      )}
    </Card>
  );
}
