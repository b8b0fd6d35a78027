import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt (memory-hard, built into Node): `scrypt$N$r$p$salt$hash`, salt and
 * hash in base64. The parameters travel with each hash, so raising them later still verifies old
 * hashes (and `needsRehash` says when to upgrade one at the next sign-in).
 */

// N = 2^15, r = 8 → 32 MiB of memory and ~0.1 s per hash: costly to brute-force, cheap enough
// to sign in. OWASP's minimum for scrypt is N = 2^17 with r = 8 and p = 1 or N = 2^15 with p ≥ 3;
// we keep p = 1 for latency on a laptop, r = 8 being the standard block size.
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
// scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly that and rejects it.
const maxmemFor = (n: number, r: number) => 128 * n * r * 2;

// NFKC: the same password typed with a Chinese IME in full-width mode (ｇｏｎｇｚｈｉ) still matches.
function deriveKey(password: string, salt: Buffer, options: ScryptOptions, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await deriveKey(password, salt, { N, r: R, p: P, maxmem: maxmemFor(N, R) }, KEY_LENGTH);
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash {
  n: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64');
  const key = Buffer.from(parts[5]!, 'base64');
  // Bounds keep a corrupted or hostile row from making us allocate gigabytes.
  const isSane = [n, r, p].every(Number.isSafeInteger) && n > 1 && (n & (n - 1)) === 0 && n <= 2 ** 20 && r >= 1 && r <= 32 && p >= 1 && p <= 16;
  if (!isSane || salt.length === 0 || key.length < 16) return null;
  return { n, r, p, salt, key };
}

/** Constant-time check of `password` against a stored hash; false for malformed hashes. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await deriveKey(password, parsed.salt, { N: parsed.n, r: parsed.r, p: parsed.p, maxmem: maxmemFor(parsed.n, parsed.r) }, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/** True when a stored hash uses weaker parameters than new hashes do. */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.n < N || parsed.r < R || parsed.p < P || parsed.key.length < KEY_LENGTH;
}
