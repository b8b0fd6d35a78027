import { type FastifyInstance } from 'fastify';
import { operations } from '@gongzhi/contracts';
import { hashPassword, needsRehash, verifyPassword } from '@gongzhi/db';
import { ApiError, notFound } from '../lib/api-error';
import { recordAudit } from '../lib/audit';
import { registerOperation } from '../lib/operation-route';
import { newApiTokenSecret, sha256Hex } from '../lib/secrets';
import { createSession, csrfTokenFor, revokeSessions } from '../lib/sessions';
import { callerOfRequest } from '../plugins/app/access';
import { type ApiTokenRow, apiTokenSelect, currentUserOf, toApiToken } from '../views/user-views';

export interface AuthRoutesOptions {
  sessionTtlMs: number;
  loginRateLimit: { perAddressPerMinute: number; failuresPerUsername: number };
}

/** Active personal API tokens a user may hold at once. */
const MAX_ACTIVE_TOKENS = 20;
const FAILURE_WINDOW_MS = 15 * 60_000;

/**
 * Failed logins per username, in memory: with the per-address limit this stops both one
 * machine trying many passwords and many machines trying one account. Per process, which is
 * what a single-node firm deployment needs; a cluster would keep it in the database.
 */
function createFailureLimiter(limit: number, now: () => Date) {
  const failures = new Map<string, { count: number; resetAt: number }>();
  const current = (username: string) => {
    const entry = failures.get(username);
    if (entry && entry.resetAt <= now().getTime()) {
      failures.delete(username);
      return undefined;
    }
    return entry;
  };
  return {
    isBlocked: (username: string) => (current(username)?.count ?? 0) >= limit,
    recordFailure(username: string) {
      const entry = current(username) ?? { count: 0, resetAt: now().getTime() + FAILURE_WINDOW_MS };
      entry.count += 1;
      failures.set(username, entry);
      // Keep memory bounded under a spray of random usernames.
      if (failures.size > 10_000) failures.delete(failures.keys().next().value as string);
    },
    reset: (username: string) => void failures.delete(username),
  };
}

export default async function authRoutes(fastify: FastifyInstance, { sessionTtlMs, loginRateLimit }: AuthRoutesOptions): Promise<void> {
  const { db, clock } = fastify;
  const failures = createFailureLimiter(loginRateLimit.failuresPerUsername, () => clock.now());
  // Unknown usernames still cost one scrypt, so timing does not tell which usernames exist.
  const dummyHash = hashPassword('not-a-real-password-just-for-timing');

  registerOperation(
    fastify,
    operations.login,
    async (request, reply) => {
      const { username, password } = request.body;
      if (failures.isBlocked(username)) throw new ApiError('rate_limited');
      const user = await db.user.findUnique({ where: { username } });
      const isValid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
      if (!user || !isValid) {
        failures.recordFailure(username);
        await recordAudit(db, request.id, { action: 'auth.login_failed', actorId: user?.id ?? null, entityType: 'user', entityId: user?.id ?? username, after: { username, ip: request.ip } });
        throw new ApiError('invalid_credentials');
      }
      // Only someone who knows the password learns that the account is disabled.
      if (user.disabledAt) throw new ApiError('account_disabled');
      failures.reset(username);
      if (needsRehash(user.passwordHash)) await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
      const now = clock.now();
      const session = await createSession(db, { userId: user.id, ttlMs: sessionTtlMs, userAgent: request.headers['user-agent'] ?? null, ip: request.ip, now });
      // A session cookie the browser already had (someone else's, planted) is not carried over.
      const previous = fastify.auth.sessionTokenOf(request);
      if (previous) await db.session.updateMany({ where: { id: sha256Hex(previous), userId: user.id, revokedAt: null }, data: { revokedAt: now } });
      fastify.auth.setSessionCookie(reply, session.token, session.expiresAt);
      await recordAudit(db, request.id, { action: 'auth.login', actorId: user.id, entityType: 'user', entityId: user.id, after: { ip: request.ip, userAgent: request.headers['user-agent']?.slice(0, 200) ?? null } });
      return { user: currentUserOf(user), csrfToken: session.csrfToken };
    },
    { config: { rateLimit: { max: loginRateLimit.perAddressPerMinute, timeWindow: 60_000 } } },
  );

  registerOperation(fastify, operations.logout, async (request, reply) => {
    const { identity } = callerOfRequest(request);
    const now = clock.now();
    if (identity.sessionId) await db.session.updateMany({ where: { id: identity.sessionId, revokedAt: null }, data: { revokedAt: now } });
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
    const user = await db.user.findUniqueOrThrow({ where: { id: identity.user.id } });
    if (!(await verifyPassword(request.body.currentPassword, user.passwordHash))) throw new ApiError('invalid_credentials');
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(request.body.newPassword) } });
    const revoked = await revokeSessions(db, user.id, clock.now(), identity.sessionId ? { except: identity.sessionId } : {});
    await recordAudit(db, request.id, { action: 'user.password_changed', actorId: user.id, entityType: 'user', entityId: user.id, after: { otherSessionsRevoked: revoked } });
    return { ok: true as const };
  });

  registerOperation(fastify, operations.listApiTokens, async (request) => {
    const { identity } = callerOfRequest(request);
    const tokens: ApiTokenRow[] = await db.apiToken.findMany({ where: { userId: identity.user.id }, select: apiTokenSelect, orderBy: { createdAt: 'desc' }, take: 100 });
    return { items: tokens.map(toApiToken) };
  });

  registerOperation(fastify, operations.createApiToken, async (request) => {
    const { identity } = callerOfRequest(request);
    const now = clock.now();
    const active = await db.apiToken.count({ where: { userId: identity.user.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } });
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new ApiError('conflict', { message: { zh: `有效的 API 令牌已达上限（${MAX_ACTIVE_TOKENS} 个），请先吊销不用的令牌`, en: `You already have ${MAX_ACTIVE_TOKENS} active API tokens; revoke one first` } });
    }
    const { secret, prefix, tokenHash } = newApiTokenSecret();
    const expiresAt = request.body.expiresInDays ? new Date(now.getTime() + request.body.expiresInDays * 86_400_000) : null;
    const token = await db.apiToken.create({ data: { userId: identity.user.id, name: request.body.name, tokenHash, prefix, expiresAt, createdAt: now }, select: apiTokenSelect });
    await recordAudit(db, request.id, { action: 'token.created', actorId: identity.user.id, entityType: 'api_token', entityId: token.id, after: { name: token.name, prefix, expiresAt: expiresAt?.toISOString() ?? null } });
    return { token: toApiToken(token), secret };
  });

  registerOperation(fastify, operations.revokeApiToken, async (request) => {
    const { identity } = callerOfRequest(request);
    const token = await db.apiToken.findFirst({ where: { id: request.params.id, userId: identity.user.id }, select: apiTokenSelect });
    if (!token) throw notFound();
    if (token.revokedAt) return toApiToken(token);
    const revoked = await db.apiToken.update({ where: { id: token.id }, data: { revokedAt: clock.now() }, select: apiTokenSelect });
    await recordAudit(db, request.id, { action: 'token.revoked', actorId: identity.user.id, entityType: 'api_token', entityId: token.id, before: { revokedAt: null }, after: { revokedAt: revoked.revokedAt?.toISOString() ?? null } });
    return toApiToken(revoked);
  });
}
