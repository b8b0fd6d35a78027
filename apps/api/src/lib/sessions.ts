import { type Db } from '@gongzhi/db';
import { type Locale } from '@gongzhi/contracts';
import { type Role, type TokenScope } from '@gongzhi/domain';
import { createHash } from 'node:crypto';
import { newSecret, sha256Hex } from './secrets';

/** Who is calling, as established from a session cookie or a personal API token. */
export interface Identity {
  user: { id: string; username: string; displayName: string; roles: Role[]; locale: Locale; isDisabled: boolean };
  method: 'session' | 'token';
  /** SHA-256 of the session token (the Session row's id); null for token auth. */
  sessionId: string | null;
  csrfTokenHash: string | null;
  tokenId: string | null;
  /** What the personal API token may do; null for a session, which may do whatever the user may. */
  scopes: readonly TokenScope[] | null;
}

export const SESSION_COOKIE = 'gongzhi_session';

/** lastSeenAt / lastUsedAt are bookkeeping: written at most this often per session or token. */
const TOUCH_INTERVAL_MS = 60_000;

const userSelect = { id: true, username: true, displayName: true, roles: true, locale: true, disabledAt: true } as const;
type UserRow = { id: string; username: string; displayName: string; roles: Role[]; locale: string; disabledAt: Date | null };

const toUser = (row: UserRow): Identity['user'] => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  roles: row.roles,
  locale: row.locale === 'en' ? 'en' : 'zh-CN',
  isDisabled: row.disabledAt !== null,
});

export interface NewSession {
  /** Goes into the httpOnly cookie; only its hash is stored. */
  token: string;
  /** Goes to the page, which sends it back as x-csrf-token; only its hash is stored. */
  csrfToken: string;
  sessionId: string;
  expiresAt: Date;
}

export async function createSession(db: Db, input: { userId: string; ttlMs: number; userAgent?: string | null; ip?: string | null; now?: Date }): Promise<NewSession> {
  const now = input.now ?? new Date();
  const token = newSecret();
  const csrfToken = csrfTokenFor(token);
  const expiresAt = new Date(now.getTime() + input.ttlMs);
  const sessionId = sha256Hex(token);
  await db.session.create({
    data: {
      id: sessionId,
      userId: input.userId,
      csrfTokenHash: sha256Hex(csrfToken),
      expiresAt,
      createdAt: now,
      lastSeenAt: now,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
      ip: input.ip ?? null,
    },
  });
  return { token, csrfToken, sessionId, expiresAt };
}

/**
 * The CSRF token of a session is derived from its (secret, httpOnly) session token, so getMe can
 * hand the same token to every tab after a reload without storing it; a page on another origin
 * can read neither. Only its hash is stored, to check it against.
 */
export const csrfTokenFor = (sessionToken: string): string => createHash('sha256').update(`gongzhi-csrf:${sessionToken}`).digest('base64url');

export async function findSessionIdentity(db: Db, token: string, now: Date): Promise<Identity | null> {
  const session = await db.session.findUnique({ where: { id: sha256Hex(token) }, include: { user: { select: userSelect } } });
  if (!session || session.revokedAt || session.expiresAt <= now) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return { user: toUser(session.user), method: 'session', sessionId: session.id, csrfTokenHash: session.csrfTokenHash, tokenId: null, scopes: null };
}

export async function findTokenIdentity(db: Db, secret: string, now: Date): Promise<Identity | null> {
  const token = await db.apiToken.findUnique({ where: { tokenHash: sha256Hex(secret) }, include: { user: { select: userSelect } } });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return { user: toUser(token.user), method: 'token', sessionId: null, csrfTokenHash: null, tokenId: token.id, scopes: token.scopes };
}

/**
 * Ends everything a password opened, in one transaction: the user's live sessions (all, or all but
 * the one changing its own password), personal API tokens and calendar addresses (a disabled
 * person's calendar stops with the account, for good). Returns how many of each, for the audit.
 */
export async function revokeCredentials(db: Db, userId: string, now: Date, options: { exceptSession?: string } = {}): Promise<{ sessions: number; tokens: number; calendarFeeds: number }> {
  const [sessions, tokens, calendarFeeds] = await db.$transaction([
    db.session.updateMany({
      where: { userId, revokedAt: null, expiresAt: { gt: now }, ...(options.exceptSession ? { id: { not: options.exceptSession } } : {}) },
      data: { revokedAt: now },
    }),
    db.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } }),
    db.calendarFeed.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } }),
  ]);
  return { sessions: sessions.count, tokens: tokens.count, calendarFeeds: calendarFeeds.count };
}
