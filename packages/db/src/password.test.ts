import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from './password';

describe('passwords', () => {
  it('verify the right password and reject a wrong one', async () => {
    const hash = await hashPassword('gongzhi-demo');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    expect(await verifyPassword('gongzhi-demo', hash)).toBe(true);
    expect(await verifyPassword('gongzhi-demO', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salt every hash', async () => {
    const [first, second] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(first).not.toBe(second);
  });

  it('treat a full-width password typed through an IME as the same password', async () => {
    expect(await verifyPassword('ｇｏｎｇｚｈｉ', await hashPassword('gongzhi'))).toBe(true);
  });

  it('reject malformed or absurd hashes without throwing', async () => {
    for (const stored of ['', 'scrypt$test', 'bcrypt$2b$10$abc', 'scrypt$3$8$1$c2FsdA==$a2V5a2V5a2V5a2V5a2V5', 'scrypt$1073741824$8$1$c2FsdA==$a2V5a2V5a2V5a2V5a2V5']) {
      expect(await verifyPassword('x', stored)).toBe(false);
    }
  });

  it('verify hashes made with other parameters and say they need a rehash', async () => {
    // Made with N = 2^14, r = 8, p = 1 (weaker than today's).
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.from('0123456789abcdef');
    const old = `scrypt$16384$8$1$${salt.toString('base64')}$${scryptSync('old-password', salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64')}`;
    expect(await verifyPassword('old-password', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('new'))).toBe(false);
  });
});
