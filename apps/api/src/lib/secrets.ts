import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 bits from the OS CSPRNG, URL-safe: session tokens, CSRF tokens, API token secrets. */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Secrets are stored as their SHA-256 only: they are random and long, so no slow hash is needed. */
export const sha256Hex = (value: string): string => createHash('sha256').update(value).digest('hex');

/** Compares a presented secret with a stored hash in constant time. */
export function matchesHash(presented: string, storedHash: string): boolean {
  const presentedHash = Buffer.from(sha256Hex(presented), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presentedHash.length && timingSafeEqual(presentedHash, stored);
}

/** Personal API tokens carry a recognisable prefix, so a leaked one is easy to grep for and revoke. */
export const API_TOKEN_PREFIX = 'gzt_';

export function newApiTokenSecret(): { secret: string; prefix: string; tokenHash: string } {
  const secret = `${API_TOKEN_PREFIX}${newSecret(32)}`;
  return { secret, prefix: secret.slice(0, 12), tokenHash: sha256Hex(secret) };
}
