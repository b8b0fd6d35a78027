import { type FastifyInstance } from 'fastify';
import { operations } from '@gongzhi/contracts';
import { hashPassword, needsRehash, verifyPassword } from '@gongzhi/db';
import { isAdmin } from '../lib/access-policy';
import { ApiError, notFound } from '../lib/api-error';
import { recordAudit } from '../lib/audit';
import { type AuthThrottleConfig, createAuthThrottle, throttledError } from '../lib/auth-throttle';
import { isKnownDevice, rememberDevice } from '../lib/known-devices';
import { registerOperation } from '../lib/operation-route';
import { newApiTokenSecret, sha256Hex } from '../lib/secrets';
import { createSession, csrfTokenFor, revokeCredentials } from '../lib/sessions';
import { callerOfRequest } from '../plugins/app/access';
import { type ApiTokenRow, apiTokenSelect, currentUserOf, toApiToken } from '../views/user-views';

export interface AuthRoutesOptions {
  sessionTtlMs: number;
  loginRateLimit: { perAddressPerMinute: number };
  authThrottle: AuthThrottleConfig;
}

/** Active personal API tokens a user may hold at once. */
const MAX_ACTIVE_TOKENS = 20;

export default async function authRoutes(fastify: FastifyInstance, { sessionTtlMs, loginRateLimit, authThrottle }: AuthRoutesOptions): Promise<void> {
  const { db, clock } = fastify;
  const throttle = createAuthThrottle(db, authThrottle, () => clock.now());
  // Unknown usernames still cost one scrypt, so timing does not tell which usernames exist.
  const dummyHash = hashPassword('not-a-real-password-just-for-timing');

  registerOperation(
    fastify,
    operations.login,
    async (request, reply) => {
      const { username, password } = request.body;
      const { keys } = throttle;
      const deviceToken = fastify.auth.deviceTokenOf(request);
      // The account-wide delay is the one others can cause; the owner's own browsers skip it.
      const isOwnBrowser = await isKnownDevice(db, deviceToken, username, clock.now());
      const attempt = [keys.address(request.ip), keys.accountAddress(username, request.ip), ...(isOwnBrowser ? [] : [keys.account(username)])];
      // Before the password is looked at: a throttled attempt tells nothing, right or wrong.
      const wait = await throttle.waitFor(attempt);
      if (wait > 0) throw throttledError(wait, 'login');
      const user = await db.user.findUnique({ where: { username } });
      const isValid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
      if (!user || !isValid) {
        // Every key counts, the account's too: a known browser is spared the delay, not the count.
        await throttle.record([keys.address(request.ip), keys.accountAddress(username, request.ip), keys.account(username)]);
        await recordAudit(db, request.id, { action: 'auth.login_failed', actorId: user?.id ?? null, entityType: 'user', entityId: user?.id ?? username, after: { username, ip: request.ip } });
        throw new ApiError('invalid_credentials');
      }
      // Only someone who knows the password learns that the account is disabled.
      if (user.disabledAt) throw new ApiError('account_disabled');
      // The address keeps its count: one valid account must not launder guesses at others.
      await throttle.clear([keys.accountAddress(username, request.ip), keys.account(username)]);
      if (needsRehash(user.passwordHash)) await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
      const now = clock.now();
      const session = await createSession(db, { userId: user.id, ttlMs: sessionTtlMs, userAgent: request.headers['user-agent'] ?? null, ip: request.ip, now });
      // A session cookie the browser already had (someone else's, planted) is not carried over.
      const previous = fastify.auth.sessionTokenOf(request);
      if (previous) {
        const { count } = await db.session.updateMany({ where: { id: sha256Hex(previous), userId: user.id, revokedAt: null }, data: { revokedAt: now } });
        if (count > 0) fastify.streams.close({ sessionId: sha256Hex(previous) });
      }
      // The session cookie first: scripts that sign in read the first Set-Cookie.
      fastify.auth.setSessionCookie(reply, session.token, session.expiresAt);
      fastify.auth.setDeviceCookie(reply, await rememberDevice(db, { token: deviceToken, userId: user.id, now }));
      await recordAudit(db, request.id, { action: 'auth.login', actorId: user.id, entityType: 'user', entityId: user.id, after: { ip: request.ip, userAgent: request.headers['user-agent']?.slice(0, 200) ?? null } });
      return { user: currentUserOf(user), csrfToken: session.csrfToken };
    },
    { config: { rateLimit: { max: loginRateLimit.perAddressPerMinute, timeWindow: 60_000 } } },
  );

  registerOperation(fastify, operations.logout, async (request, reply) => {
    const { identity } = callerOfRequest(request);
    const now = clock.now();
    if (identity.sessionId) {
      await db.session.updateMany({ where: { id: identity.sessionId, revokedAt: null }, data: { revokedAt: now } });
      fastify.streams.close({ sessionId: identity.sessionId });
    }
    fastify.auth.clearSessionCookie(reply);
    await recordAudit(db, request.id, { action: 'auth.logout', actorId: identity.user.id, entityType: 'user', entityId: identity.user.id });
    return { ok: true as const };
  });

  registerOperation(fastify, operations.getMe, async (request) => {
    const { identity } = callerOfRequest(request);
    const sessionToken = identity.method === 'session' ? fastify.auth.sessionTokenOf(request) : null;
    const user = await db.user.findUniqueOrThrow({ where: { id: identity.user.id } });
    return { user: currentUserOf(user), authMethod: identity.method, csrfToken: sessionToken ? csrfTokenFor(sessionToken) : null };
  });

  registerOperation(fastify, operations.updateMe, async (request) => {
    const { identity } = callerOfRequest(request);
    const before = await db.user.findUniqueOrThrow({ where: { id: identity.user.id } });
    const after = await db.user.update({ where: { id: identity.user.id }, data: { ...request.body } });
    await recordAudit(db, request.id, {
      action: 'user.updated',
      actorId: identity.user.id,
      entityType: 'user',
      entityId: identity.user.id,
      before: { displayName: before.displayName, locale: before.locale },
      after: { displayName: after.displayName, locale: after.locale },
    });
    return currentUserOf(after);
  });

  registerOperation(fastify, operations.changeMyPassword, async (request) => {
    const { identity } = callerOfRequest(request);
    const attempt = throttle.keys.passwordChange(identity.user.id);
    // Checked first: a stolen session must not become a way to guess the password.
    const wait = await throttle.waitFor([attempt]);
    if (wait > 0) throw throttledError(wait, 'passwordChange');
    const user = await db.user.findUniqueOrThrow({ where: { id: identity.user.id } });
    if (!(await verifyPassword(request.body.currentPassword, user.passwordHash))) {
      await throttle.record([attempt]);
      throw new ApiError('invalid_credentials');
    }
    await throttle.clear([attempt]);
    const now = clock.now();
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(request.body.newPassword) } });
    // Whoever else knew the old password is out: other sessions, every token and calendar address, their streams.
    const revoked = await revokeCredentials(db, user.id, now, identity.sessionId ? { exceptSession: identity.sessionId } : {});
    fastify.streams.close({ userId: user.id, exceptSessionId: identity.sessionId });
    await recordAudit(db, request.id, { action: 'user.password_changed', actorId: user.id, entityType: 'user', entityId: user.id, after: { otherSessionsRevoked: revoked.sessions, tokensRevoked: revoked.tokens, calendarFeedsRevoked: revoked.calendarFeeds } });
    return { ok: true as const };
  });

  registerOperation(fastify, operations.listApiTokens, async (request) => {
    const { identity } = callerOfRequest(request);
    const tokens: ApiTokenRow[] = await db.apiToken.findMany({ where: { userId: identity.user.id }, select: apiTokenSelect, orderBy: { createdAt: 'desc' }, take: 100 });
    return { items: tokens.map(toApiToken) };
  });

  registerOperation(fastify, operations.createApiToken, async (request) => {
    const caller = callerOfRequest(request);
    const { identity } = caller;
    const { scopes } = request.body;
    // A token never does more than its owner may: the admin scope is for administrators.
    if (scopes.includes('admin') && !isAdmin(caller)) {
      throw new ApiError('forbidden', { message: { zh: '只有管理员可以创建带“管理”权限的 API 令牌', en: 'Only administrators can create API tokens with the “admin” scope' } });
    }
    const now = clock.now();
    const active = await db.apiToken.count({ where: { userId: identity.user.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } });
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new ApiError('conflict', { message: { zh: `有效的 API 令牌已达上限（${MAX_ACTIVE_TOKENS} 个），请先吊销不用的令牌`, en: `You already have ${MAX_ACTIVE_TOKENS} active API tokens; revoke one first` } });
    }
    const { secret, prefix, tokenHash } = newApiTokenSecret();
    const expiresAt = request.body.expiresInDays ? new Date(now.getTime() + request.body.expiresInDays * 86_400_000) : null;
    const token = await db.apiToken.create({ data: { userId: identity.user.id, name: request.body.name, tokenHash, prefix, scopes, expiresAt, createdAt: now }, select: apiTokenSelect });
    await recordAudit(db, request.id, { action: 'token.created', actorId: identity.user.id, entityType: 'api_token', entityId: token.id, after: { name: token.name, prefix, scopes, expiresAt: expiresAt?.toISOString() ?? null } });
    return { token: toApiToken(token), secret };
  });

  registerOperation(fastify, operations.revokeApiToken, async (request) => {
    const { identity } = callerOfRequest(request);
    const token = await db.apiToken.findFirst({ where: { id: request.params.id, userId: identity.user.id }, select: apiTokenSelect });
    if (!token) throw notFound();
    if (token.revokedAt) return toApiToken(token);
    const revoked = await db.apiToken.update({ where: { id: token.id }, data: { revokedAt: clock.now() }, select: apiTokenSelect });
    fastify.streams.close({ tokenId: token.id });
    await recordAudit(db, request.id, { action: 'token.revoked', actorId: identity.user.id, entityType: 'api_token', entityId: token.id, before: { revokedAt: null }, after: { revokedAt: revoked.revokedAt?.toISOString() ?? null } });
    return toApiToken(revoked);
  });
}
