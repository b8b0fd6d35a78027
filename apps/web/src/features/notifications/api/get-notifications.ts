import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type NotificationPage = Awaited<ReturnType<typeof api.listNotifications>>;
export type NotificationItem = NotificationPage['items'][number];

export interface NotificationQuery {
  unread?: boolean;
  page?: number;
  pageSize?: number;
}

export const notificationsQueryOptions = (query: NotificationQuery) =>
  queryOptions({
    queryKey: queryKeys.notifications.list(query),
    queryFn: ({ signal }) => api.listNotifications({ query, signal }),
    // Live events refresh this at once; the interval covers engagements without an open stream.
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  });

export const useNotifications = (query: NotificationQuery) => useQuery(notificationsQueryOptions(query));

/**
 * Where a notification leads: its task, deliverable or engagement — for a changed knowledge base
 * entry, the engagement's knowledge tab with the entries the master moved on from; for a 会诊,
 * the engagement's consultations.
 */
export function notificationPath(notification: Pick<NotificationItem, 'kind' | 'subject' | 'engagement'>): string | null {
  const { subject } = notification;
  if (notification.kind === 'knowledge.changed') {
    const engagementId = notification.engagement?.id ?? (subject?.type === 'engagement' ? subject.id : null);
    if (engagementId) return `/engagements/${engagementId}?tab=knowledge&state=behind`;
  }
  if (notification.kind.startsWith('consultation.')) {
    const engagementId = notification.engagement?.id ?? (subject?.type === 'engagement' ? subject.id : null);
    if (engagementId) return `/engagements/${engagementId}?tab=consultations`;
  }
  if (subject?.type === 'task') return `/tasks/${subject.id}`;
  if (subject?.type === 'deliverable') return `/deliverables/${subject.id}`;
  if (subject?.type === 'engagement') return `/engagements/${subject.id}`;
  return notification.engagement ? `/engagements/${notification.engagement.id}` : null;
}
