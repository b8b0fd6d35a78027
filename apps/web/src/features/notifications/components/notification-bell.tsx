import { Badge, Button, Grid, Popover, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { notificationPath, useNotifications } from '../api/get-notifications';
import { useMarkAllNotificationsRead, useMarkNotificationRead } from '../api/mark-read';
import { NotificationRow } from './notification-row';

/**
 * The header bell: unread count, the latest few, one click to the thing each is about. On a phone
 * the bell opens the notifications page itself: a panel under the header has no room there.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = Grid.useBreakpoint().md === false;
  const [open, setOpen] = useState(false);
  const latest = useNotifications({ page: 1, pageSize: 8 });
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const unread = latest.data?.unreadCount ?? 0;

  const content = (
    <div className="gz-bell-panel">
      <div className="gz-bell-head">
        <strong>{t('notifications.title')}</strong>
        <Button type="link" size="small" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
          {t('notifications.markAllRead')}
        </Button>
      </div>
      {latest.isPending ? (
        <div style={{ padding: 24, textAlign: 'center' }}>
          <Spin />
        </div>
      ) : latest.isError ? (
        <ErrorAlert error={latest.error} onRetry={() => void latest.refetch()} compact />
      ) : latest.data.items.length === 0 ? (
        <EmptyState title={t('notifications.emptyTitle')} description={t('notifications.emptyHint')} />
      ) : (
        <ul className="gz-bell-list">
          {latest.data.items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="gz-bell-item"
                onClick={() => {
                  if (item.readAt === null) markRead.mutate(item.id);
                  const path = notificationPath(item);
                  setOpen(false);
                  if (path) void navigate(path);
                }}
              >
                <NotificationRow notification={item} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="gz-bell-foot">
        <Link to="/notifications" onClick={() => setOpen(false)}>
          {t('notifications.viewAll')}
        </Link>
      </div>
    </div>
  );

  const badge = (
    <Badge count={unread} size="small" overflowCount={99}>
      <Icon name="bell" size={18} />
    </Badge>
  );
  // On a phone a link (it opens a page: long-press, new tab and screen readers treat it as one).
  return isPhone ? (
    <Link to="/notifications" aria-label={t('notifications.bellLabel', { count: unread })} className="gz-header-button gz-bell-link" data-testid="notification-bell">
      {badge}
    </Link>
  ) : (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} arrow={false}>
      <Button type="text" aria-label={t('notifications.bellLabel', { count: unread })} className="gz-header-button" data-testid="notification-bell">
        {badge}
      </Button>
    </Popover>
  );
}
