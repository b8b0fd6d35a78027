import { type FastifyInstance } from 'fastify';
import { operations } from '@gongzhi/contracts';
import { type Prisma, hashPassword, isUniqueViolation, withTransaction } from '@gongzhi/db';
import { ApiError, notFound } from '../lib/api-error';
import { recordAudit } from '../lib/audit';
import { type AuthThrottleConfig, createAuthThrottle, throttledError } from '../lib/auth-throttle';
import { registerOperation } from '../lib/operation-route';
import { revokeCredentials } from '../lib/sessions';
import { callerOfRequest } from '../plugins/app/access';
import { pageOf, skipOf } from '../views/common';
import { type UserRow, toUser, userSelect } from '../views/user-views';

const snapshot = (user: UserRow) => ({ displayName: user.displayName, roles: user.roles, locale: user.locale, isDisabled: user.disabledAt !== null });

/** Admin user management; PMs and partners may list users to pick a team. */
export default async function userRoutes(fastify: FastifyInstance, { authThrottle }: { authThrottle: AuthThrottleConfig }): Promise<void> {
  const { db, clock } = fastify;
  const throttle = createAuthThrottle(db, authThrottle, () => clock.now());

  registerOperation(fastify, operations.listUsers, async (request) => {
    const { role, q, includeDisabled, page, pageSize } = request.query;
    const where: Prisma.UserWhereInput = {
      ...(includeDisabled ? {} : { disabledAt: null }),
      ...(role ? { roles: { has: role } } : {}),
      ...(q ? { OR: [{ username: { contains: q, mode: 'insensitive' } }, { displayName: { contains: q, mode: 'insensitive' } }] } : {}),
    };
    const [items, total] = await Promise.all([
      db.user.findMany({ where, select: userSelect, orderBy: [{ displayName: 'asc' }, { username: 'asc' }], skip: skipOf(page, pageSize), take: pageSize }),
      db.user.count({ where }),
    ]);
    return pageOf(items.map(toUser), total, page, pageSize);
  });

  registerOperation(fastify, operations.createUser, async (request) => {
    const { identity } = callerOfRequest(request);
    const { password, ...profile } = request.body;
    const taken = () => new ApiError('conflict', { message: { zh: '用户名已被占用', en: 'That username is taken' } });
    // Checked first so the common case costs no failed INSERT; the unique index settles races.
    if (await db.user.findUnique({ where: { username: profile.username }, select: { id: true } })) throw taken();
    let user: UserRow;
    try {
      user = await db.user.create({ data: { ...profile, passwordHash: await hashPassword(password) }, select: userSelect });
    } catch (error) {
      if (isUniqueViolation(error)) throw taken();
      throw error;
    }
    await recordAudit(db, request.id, { action: 'user.created', actorId: identity.user.id, entityType: 'user', entityId: user.id, after: { username: user.username, ...snapshot(user) } });
    return toUser(user);
  });

  registerOperation(fastify, operations.updateUser, async (request) => {
    const { identity } = callerOfRequest(request);
    const { isDisabled, ...profile } = request.body;
    const now = clock.now();
    // Serializable: two admins demoting each other at once must not leave the firm without one.
    const result = await withTransaction(
      db,
      async (tx) => {
        const before = await tx.user.findUnique({ where: { id: request.params.id }, select: userSelect });
        if (!before) throw notFound();
        const after = await tx.user.update({
          where: { id: before.id },
          data: { ...profile, ...(isDisabled === undefined ? {} : { disabledAt: isDisabled ? (before.disabledAt ?? now) : null }) },
          select: userSelect,
        });
        const stillAdmins = await tx.user.count({ where: { roles: { has: 'admin' }, disabledAt: null } });
        if (stillAdmins === 0) {
          throw new ApiError('conflict', { message: { zh: '至少需要保留一名启用的管理员', en: 'At least one enabled admin must remain' } });
        }
        return { before, after };
      },
      { isolationLevel: 'Serializable' },
    );
    if (result.after.disabledAt && !result.before.disabledAt) {
      // Disabling takes effect at once: every session, token, calendar address and open stream of the user stops working.
      await revokeCredentials(db, result.after.id, now);
      fastify.streams.close({ userId: result.after.id });
    }
    await recordAudit(db, request.id, { action: 'user.updated', actorId: identity.user.id, entityType: 'user', entityId: result.after.id, before: snapshot(result.before), after: snapshot(result.after) });
    return toUser(result.after);
  });

  registerOperation(fastify, operations.resetUserPassword, async (request) => {
    const { identity } = callerOfRequest(request);
    // Per administrator: a stolen admin session must not quietly take over every account.
    const attempt = throttle.keys.passwordReset(identity.user.id);
    const wait = await throttle.waitFor([attempt]);
    if (wait > 0) throw throttledError(wait, 'passwordReset');
    const existing = await db.user.findUnique({ where: { id: request.params.id }, select: { id: true } });
    if (!existing) throw notFound();
    const user = await db.user.update({ where: { id: existing.id }, data: { passwordHash: await hashPassword(request.body.newPassword) }, select: userSelect });
    await throttle.record([attempt]);
    // A reset is for a password someone else may know: everything opened with it ends.
    const now = clock.now();
    const revoked = await revokeCredentials(db, user.id, now);
    fastify.streams.close({ userId: user.id });
    await recordAudit(db, request.id, { action: 'user.password_reset', actorId: identity.user.id, entityType: 'user', entityId: user.id, after: { sessionsRevoked: revoked.sessions, tokensRevoked: revoked.tokens, calendarFeedsRevoked: revoked.calendarFeeds } });
    return toUser(user);
  });
}
