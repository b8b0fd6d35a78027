import { type Db } from '@gongzhi/db';
import { newSecret, sha256Hex } from './secrets';

/** The cookie that marks a browser an account has signed in from before. */
export const DEVICE_COOKIE = 'gongzhi_device';

/** A browser unseen this long is a stranger again (and its row goes). */
export const KNOWN_DEVICE_TTL_MS = 180 * 86_400_000;

/** Rows kept per user: the most recently seen browsers. */
const MAX_DEVICES_PER_USER = 20;

const isWellFormed = (token: string | undefined): token is string => token !== undefined && /^[A-Za-z0-9_-]{16,200}$/.test(token);

/**
 * Whether the browser's device cookie names a browser `username` has signed in from (recently
 * enough). It proves nothing about who is typing, only that this browser once held the
 * password: enough to spare it the per-account delay an attacker elsewhere can cause.
 */
export async function isKnownDevice(db: Db, token: string | undefined, username: string, now: Date): Promise<boolean> {
  if (!isWellFormed(token)) return false;
  const device = await db.knownDevice.findUnique({ where: { tokenHash: sha256Hex(token) }, select: { lastSeenAt: true, user: { select: { username: true } } } });
  return !!device && device.user.username === username && now.getTime() - device.lastSeenAt.getTime() < KNOWN_DEVICE_TTL_MS;
}

/**
 * After a successful sign-in: the browser's known-device token for this user, refreshed, or a
 * new one (only its hash is stored). Returns the token for the cookie.
 */
export async function rememberDevice(db: Db, input: { token: string | undefined; userId: string; now: Date }): Promise<string> {
  const { userId, now } = input;
  if (isWellFormed(input.token)) {
    const { count } = await db.knownDevice.updateMany({ where: { tokenHash: sha256Hex(input.token), userId }, data: { lastSeenAt: now } });
    if (count > 0) return input.token;
  }
  const token = newSecret();
  await db.knownDevice.create({ data: { tokenHash: sha256Hex(token), userId, createdAt: now, lastSeenAt: now } });
  // Bounded per user: stale browsers go, and beyond the cap the least recently seen.
  await db.knownDevice.deleteMany({ where: { userId, lastSeenAt: { lt: new Date(now.getTime() - KNOWN_DEVICE_TTL_MS) } } });
  const extra = await db.knownDevice.findMany({ where: { userId }, select: { tokenHash: true }, orderBy: { lastSeenAt: 'desc' }, skip: MAX_DEVICES_PER_USER });
  if (extra.length > 0) await db.knownDevice.deleteMany({ where: { tokenHash: { in: extra.map((device) => device.tokenHash) } } });
  return token;
}
