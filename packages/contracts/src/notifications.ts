import { z } from 'zod';
import { NOTIFICATION_TOPIC_LIST, localizedTextSchema } from '@gongzhi/domain';
import { engagementRefSchema, idParamsSchema, idSchema, instantSchema, okSchema, pageOf, pageQueryShape, queryFlag } from './common';
import { defineOperation, linksById } from './operation';

/** The topic a notification is shown under (`NOTIFICATION_TOPICS` in the domain). */
export const notificationKindSchema = z.enum(NOTIFICATION_TOPIC_LIST).meta({ id: 'NotificationKind' });

export const notificationSchema = z
  .object({
    id: idSchema,
    kind: notificationKindSchema,
    title: localizedTextSchema,
    body: localizedTextSchema.nullable(),
    engagement: engagementRefSchema.nullable(),
    /** What the notification is about, for the dashboard to link to. */
    subject: z.object({ type: z.enum(['engagement', 'task', 'deliverable']), id: idSchema }).strict().nullable(),
    createdAt: instantSchema,
    readAt: instantSchema.nullable(),
  })
  .strict()
  .meta({ id: 'Notification' });

export const listNotifications = defineOperation({
  id: 'listNotifications',
  method: 'GET',
  path: '/api/notifications',
  tag: 'notifications',
  summary: { zh: '我的通知', en: 'My notifications' },
  description: 'Newest first; `unreadCount` counts all unread, whatever the page.',
  permission: { auth: 'user', rules: ['own-resource'] },
  query: z.object({ unread: queryFlag().optional(), ...pageQueryShape }).strict(),
  responses: { 200: pageOf(notificationSchema).extend({ unreadCount: z.number().int().min(0) }).strict() },
  links: linksById('$response.body#/items/0/id', ['markNotificationRead']),
});

export const markNotificationRead = defineOperation({
  id: 'markNotificationRead',
  method: 'POST',
  path: '/api/notifications/:id/read',
  tag: 'notifications',
  summary: { zh: '标记为已读', en: 'Mark as read' },
  description: 'Idempotent.',
  permission: { auth: 'user', rules: ['own-resource'] },
  params: idParamsSchema,
  responses: { 200: notificationSchema },
});

export const markAllNotificationsRead = defineOperation({
  id: 'markAllNotificationsRead',
  method: 'POST',
  path: '/api/notifications/read-all',
  tag: 'notifications',
  summary: { zh: '全部标记为已读', en: 'Mark all as read' },
  permission: { auth: 'user', rules: ['own-resource'] },
  responses: { 200: okSchema },
});
