import { type FastifyInstance } from 'fastify';
import { operations } from '@gongzhi/contracts';
import { type Prisma } from '@gongzhi/db';
import { notFound } from '../lib/api-error';
import { registerOperation } from '../lib/operation-route';
import { callerOfRequest } from '../plugins/app/access';
import { pageOf, skipOf } from '../views/common';
import { LISTED_KINDS, notificationInclude, toNotification } from '../views/notification-views';

/** The caller's own inbox; another user's notification is as good as absent (404). */
export default async function notificationRoutes(fastify: FastifyInstance): Promise<void> {
  const { db, clock } = fastify;

  registerOperation(fastify, operations.listNotifications, async (request) => {
    const caller = callerOfRequest(request);
    const { unread, page, pageSize } = request.query;
    const mine: Prisma.NotificationWhereInput = { userId: caller.userId, kind: { in: LISTED_KINDS } };
    const where: Prisma.NotificationWhereInput = { ...mine, ...(unread === true ? { readAt: null } : unread === false ? { readAt: { not: null } } : {}) };
    const [rows, total, unreadCount] = await Promise.all([
      db.notification.findMany({ where, include: notificationInclude, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: skipOf(page, pageSize), take: pageSize }),
      db.notification.count({ where }),
      db.notification.count({ where: { ...mine, readAt: null } }),
    ]);
    return { ...pageOf(rows.map(toNotification), total, page, pageSize), unreadCount };
  });

  registerOperation(fastify, operations.markNotificationRead, async (request) => {
    const caller = callerOfRequest(request);
    const where = { id: request.params.id, userId: caller.userId, kind: { in: LISTED_KINDS } };
    // Idempotent: a second call keeps the first read time.
    await db.notification.updateMany({ where: { ...where, readAt: null }, data: { readAt: clock.now() } });
    const row = await db.notification.findFirst({ where, include: notificationInclude });
    if (!row) throw notFound();
    return toNotification(row);
  });

  registerOperation(fastify, operations.markAllNotificationsRead, async (request) => {
    const caller = callerOfRequest(request);
    await db.notification.updateMany({ where: { userId: caller.userId, readAt: null }, data: { readAt: clock.now() } });
    return { ok: true as const };
  });
}
