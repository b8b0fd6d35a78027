import type { ReactNode } from 'react';
import { useLocalized } from '../../../lib/i18n';
import { formatInstant, formatRelative } from '../../../lib/dates';
import type { NotificationItem } from '../api/get-notifications';

/** The colour of a notification's dot: red for what is late, amber for what needs action, green for good news. */
export function notificationTone(kind: NotificationItem['kind']): 'danger' | 'action' | 'good' | 'info' {
  switch (kind) {
    case 'task.overdue':
    case 'task.escalated':
    case 'engagement.needs_attention':
    case 'case.supervised':
      return 'danger';
    case 'task.assigned':
    case 'task.due_soon':
    case 'deliverable.submitted':
    case 'deliverable.changes_requested':
    case 'consultation.requested':
    case 'consultation.due':
      return 'action';
    case 'deliverable.approved':
    case 'consultation.concluded':
      return 'good';
    case 'knowledge.changed':
      return 'info';
  }
}

export function NotificationRow({ notification, extra }: { notification: NotificationItem; extra?: ReactNode }) {
  const { locale, text } = useLocalized();
  const isUnread = notification.readAt === null;
  return (
    <div className={`gz-notification ${isUnread ? 'is-unread' : ''}`} data-unread={isUnread ? 'true' : 'false'}>
      <span className={`gz-dot gz-dot-${notificationTone(notification.kind)}`} aria-hidden />
      <div style={{ minWidth: 0, flex: 1 }}>
        <div className="gz-notification-title">{text(notification.title)}</div>
        {notification.body ? (
          <div className="gz-notification-body">{text(notification.body)}</div>
        ) : null}
        <div className="gz-notification-meta">
          {notification.engagement ? <span>{notification.engagement.name}</span> : null}
          <time dateTime={notification.createdAt} title={formatInstant(notification.createdAt, locale)}>
            {formatRelative(notification.createdAt, locale)}
          </time>
        </div>
      </div>
      {extra}
    </div>
  );
}
