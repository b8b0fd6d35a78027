import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type InjectOptions } from 'fastify';
import { CSRF_HEADER } from '@gongzhi/contracts';
import { DEMO_PASSWORD } from '@gongzhi/db';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { DEVICE_COOKIE } from '../lib/known-devices';
import { sha256Hex } from '../lib/secrets';
import { SESSION_COOKIE } from '../lib/sessions';
import { type TestApi, createTestApi } from '../testing/harness';

let api: TestApi;
let address = 0;
/** Each test signs in from its own address, so the per-address limits count only its own attempts. */
const nextAddress = () => `10.0.${Math.floor(++address / 250)}.${address % 250}`;
/** The app's clock runs this far ahead of the wall clock: throttle tests move it instead of waiting. */
let clockSkewMs = 0;
const advanceClock = (ms: number) => void (clockSkewMs += ms);

beforeAll(async () => {
  api = await createTestApi({
    ...injectTestStack(),
    workflowBundlePath: inject('workflowBundlePath'),
    loginRateLimit: { perAddressPerMinute: 15 },
    now: () => new Date(Date.now() + clockSkewMs),
  });
});

afterAll(async () => {
  await api?.close();
});

interface Session {
  cookie: string;
  csrfToken: string;
}

async function login(username: string, password = DEMO_PASSWORD, remoteAddress = nextAddress(), headers: Record<string, string> = {}) {
  return api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress, headers });
}

async function signIn(username: string, password = DEMO_PASSWORD): Promise<Session> {
  const response = await login(username, password);
  expect(response.statusCode).toBe(200);
  const cookie = response.cookies.find((candidate) => candidate.name === SESSION_COOKIE)!;
  return { cookie: cookie.value, csrfToken: response.json<{ csrfToken: string }>().csrfToken };
}

const as = (session: Session, options: InjectOptions, { csrf = true } = {}) =>
  api.app.inject({ ...options, headers: { cookie: `${SESSION_COOKIE}=${session.cookie}`, ...(csrf ? { [CSRF_HEADER]: session.csrfToken } : {}), ...(options.headers as Record<string, string>) } });
const bearer = (token: string, options: InjectOptions) => api.app.inject({ ...options, headers: { authorization: `Bearer ${token}`, ...(options.headers as Record<string, string>) } });

describe('sessions', () => {
  it('signs in with an httpOnly SameSite=Lax cookie holding a token stored only as its hash, and signs out for good', async () => {
    const response = await login('lawyer');
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((candidate) => candidate.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const body = response.json<{ user: { username: string; roles: string[] }; csrfToken: string }>();
    expect(body.user).toMatchObject({ username: 'lawyer', roles: ['lawyer'] });
    const stored = await api.db.session.findUniqueOrThrow({ where: { id: sha256Hex(cookie.value) } });
    expect(stored.userId).toBe(api.users.lawyer.id);
    expect(stored.csrfTokenHash).toBe(sha256Hex(body.csrfToken));
    expect(await api.db.session.count({ where: { id: cookie.value } })).toBe(0);

    const session = { cookie: cookie.value, csrfToken: body.csrfToken };
    // A reloaded page gets the same CSRF token back from /api/me.
    const me = await as(session, { method: 'GET', url: '/api/me' }, { csrf: false });
    expect(me.json()).toMatchObject({ user: { username: 'lawyer' }, authMethod: 'session', csrfToken: body.csrfToken });

    const logout = await as(session, { method: 'POST', url: '/api/auth/logout' });
    expect(logout.statusCode).toBe(200);
    expect(logout.cookies.find((candidate) => candidate.name === SESSION_COOKIE)?.value).toBe('');
    expect((await as(session, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect(await api.db.auditEvent.count({ where: { action: { in: ['auth.login', 'auth.logout'] }, actorId: api.users.lawyer.id } })).toBe(2);
  });

  it('refuses wrong passwords and unknown users alike, and tells a disabled account only to someone who knows its password', async () => {
    const wrong = await login('partner', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: 'invalid_credentials', message: '用户名或密码错误' } });
    const unknown = await login('nobody-here', 'whatever-password');
    expect(unknown.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
    expect(await api.db.auditEvent.count({ where: { action: 'auth.login_failed' } })).toBeGreaterThanOrEqual(2);

    await api.db.user.update({ where: { id: api.users.lawyer2.id }, data: { disabledAt: new Date() } });
    expect((await login('lawyer2', 'not-the-password')).statusCode).toBe(401);
    expect((await login('lawyer2')).json()).toMatchObject({ error: { code: 'account_disabled' } });
    await api.db.user.update({ where: { id: api.users.lawyer2.id }, data: { disabledAt: null } });
  });

  it('limits login requests per address, whatever their outcome', async () => {
    const address = nextAddress();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 16; attempt++) statuses.push((await login('client', DEMO_PASSWORD, address)).statusCode);
    expect(statuses).toEqual([...Array<number>(15).fill(200), 429]);
    const limited = await login('client', DEMO_PASSWORD, address);
    expect(limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('changes a password, signing out the other sessions and revoking every API token, but not this session', async () => {
    const here = await signIn('outsiderPartner');
    const elsewhere = await signIn('outsiderPartner');
    const token = await api.tokenFor('outsiderPartner');
    expect((await bearer(token.token, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    const refused = await as(here, { method: 'POST', url: '/api/me/password', payload: { currentPassword: 'wrong-password', newPassword: 'a-brand-new-passphrase' } });
    expect(refused.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
    // A wrong current password changes nothing.
    expect((await bearer(token.token, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    const changed = await as(here, { method: 'POST', url: '/api/me/password', payload: { currentPassword: DEMO_PASSWORD, newPassword: 'a-brand-new-passphrase' } });
    expect(changed.statusCode).toBe(200);
    expect((await as(here, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await as(elsewhere, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await bearer(token.token, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect(await api.db.apiToken.count({ where: { userId: api.users.outsiderPartner.id, revokedAt: null } })).toBe(0);
    expect((await login('outsiderPartner', 'a-brand-new-passphrase')).statusCode).toBe(200);
    const tooShort = await as(here, { method: 'POST', url: '/api/me/password', payload: { currentPassword: 'a-brand-new-passphrase', newPassword: 'short' } });
    expect(tooShort.statusCode).toBe(400);
  });
});

describe('personal API tokens', () => {
  it('shows the secret once, stores only its hash, authenticates as Bearer without CSRF, and stops working when revoked', async () => {
    const session = await signIn('pm');
    const created = await as(session, { method: 'POST', url: '/api/me/tokens', payload: { name: '数据同步', expiresInDays: 30 } });
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json<{ token: { id: string; prefix: string; scopes: string[]; expiresAt: string }; secret: string }>();
    expect(secret.startsWith(token.prefix)).toBe(true);
    expect(token.expiresAt).not.toBeNull();
    expect(token.scopes).toEqual(['read', 'write']);
    const row = await api.db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).toBe(sha256Hex(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    const listed = await as(session, { method: 'GET', url: '/api/me/tokens' });
    expect(listed.body).not.toContain(secret);
    expect(listed.json<{ items: { id: string }[] }>().items.map((item) => item.id)).toContain(token.id);

    const me = await bearer(secret, { method: 'GET', url: '/api/me' });
    expect(me.json()).toMatchObject({ user: { username: 'pm' }, authMethod: 'token', csrfToken: null });
    // State-changing requests need no CSRF token with a Bearer token…
    expect((await bearer(secret, { method: 'PATCH', url: '/api/me', payload: { locale: 'en' } })).json()).toMatchObject({ locale: 'en' });
    // …but a token cannot mint tokens or sign out a session.
    expect((await bearer(secret, { method: 'POST', url: '/api/me/tokens', payload: { name: 'child' } })).statusCode).toBe(403);
    expect((await bearer(secret, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(403);

    const revoked = await as(session, { method: 'DELETE', url: `/api/me/tokens/${token.id}` });
    expect(revoked.json<{ revokedAt: string | null }>().revokedAt).not.toBeNull();
    expect((await as(session, { method: 'DELETE', url: `/api/me/tokens/${token.id}` })).statusCode).toBe(200);
    expect((await bearer(secret, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect(await api.db.auditEvent.findMany({ where: { entityId: token.id }, select: { action: true }, orderBy: { id: 'asc' } })).toEqual([{ action: 'token.created' }, { action: 'token.revoked' }]);
  });

  it('gives tokens scopes: read for GET, write for changes; the admin scope only to administrators', async () => {
    const pm = await signIn('pm');
    const before = await api.db.apiToken.count();
    const refused = await as(pm, { method: 'POST', url: '/api/me/tokens', payload: { name: '越权', scopes: ['read', 'admin'] } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'forbidden', message: '只有管理员可以创建带“管理”权限的 API 令牌' } });
    expect((await as(pm, { method: 'POST', url: '/api/me/tokens', payload: { name: '重复', scopes: ['read', 'read'] } })).statusCode).toBe(400);
    expect((await as(pm, { method: 'POST', url: '/api/me/tokens', payload: { name: '空', scopes: [] } })).statusCode).toBe(400);
    expect(await api.db.apiToken.count()).toBe(before);

    const readOnly = await as(pm, { method: 'POST', url: '/api/me/tokens', payload: { name: '报表', scopes: ['read'] } });
    const { token, secret } = readOnly.json<{ token: { scopes: string[] }; secret: string }>();
    expect(token.scopes).toEqual(['read']);
    expect((await bearer(secret, { method: 'GET', url: '/api/engagements' })).statusCode).toBe(200);
    const localeBefore = (await api.db.user.findUniqueOrThrow({ where: { id: api.users.pm.id } })).locale;
    const write = await bearer(secret, { method: 'PATCH', url: '/api/me', payload: { locale: localeBefore === 'en' ? 'zh-CN' : 'en' } });
    expect(write.statusCode).toBe(403);
    expect(write.json()).toMatchObject({ error: { code: 'forbidden', message: '此 API 令牌没有执行该操作的权限（需要“写入”权限）' } });
    const english = await bearer(secret, { method: 'PATCH', url: '/api/me', payload: { locale: 'en' }, headers: { 'accept-language': 'en' } });
    expect(english.json()).toMatchObject({ error: { message: 'This API token is not allowed to do this (it needs the “write” scope)' } });
    expect((await api.db.user.findUniqueOrThrow({ where: { id: api.users.pm.id } })).locale).toBe(localeBefore);

    const admin = await signIn('admin');
    const adminToken = await as(admin, { method: 'POST', url: '/api/me/tokens', payload: { name: '运维', scopes: ['read', 'write', 'admin'] } });
    expect(adminToken.statusCode).toBe(201);
    expect((await bearer(adminToken.json<{ secret: string }>().secret, { method: 'POST', url: '/api/users', payload: { username: 'scoped.user', displayName: '令牌创建', roles: ['lawyer'], password: 'a-long-enough-password' } })).statusCode).toBe(201);
  });

  it('caps the active tokens of a user', async () => {
    const session = await signIn('outsiderLawyer');
    for (let index = 0; index < 20; index++) expect((await as(session, { method: 'POST', url: '/api/me/tokens', payload: { name: `t${index}` } })).statusCode).toBe(201);
    expect((await as(session, { method: 'POST', url: '/api/me/tokens', payload: { name: 'one too many' } })).json()).toMatchObject({ error: { code: 'conflict' } });
  });
});

describe('user administration', () => {
  it('creates, lists, disables, re-enables and resets users, keeping one admin, with an audit trail', async () => {
    const admin = await signIn('admin');
    const created = await as(admin, { method: 'POST', url: '/api/users', payload: { username: 'zhao.lawyer', displayName: '赵律师', roles: ['lawyer'], password: 'correct-horse-battery' } });
    expect(created.statusCode).toBe(201);
    const user = created.json<{ id: string; locale: string; isDisabled: boolean; lastLoginAt: string | null }>();
    expect(user).toMatchObject({ locale: 'zh-CN', isDisabled: false, lastLoginAt: null });
    expect((await as(admin, { method: 'POST', url: '/api/users', payload: { username: 'zhao.lawyer', displayName: '另一个', roles: ['lawyer'], password: 'correct-horse-battery' } })).json()).toMatchObject({ error: { code: 'conflict' } });
    const found = await as(admin, { method: 'GET', url: `/api/users?q=${encodeURIComponent('赵律')}&role=lawyer` });
    expect(found.json<{ items: { id: string }[] }>().items.map((item) => item.id)).toEqual([user.id]);

    // Disabling takes effect at once: the user's session and token stop working.
    const victim = await signIn('zhao.lawyer', 'correct-horse-battery');
    const disabled = await as(admin, { method: 'PATCH', url: `/api/users/${user.id}`, payload: { isDisabled: true } });
    expect(disabled.json()).toMatchObject({ isDisabled: true });
    expect((await as(victim, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await login('zhao.lawyer', 'correct-horse-battery')).json()).toMatchObject({ error: { code: 'account_disabled' } });
    expect((await as(admin, { method: 'GET', url: '/api/users?q=zhao' })).json<{ total: number }>().total).toBe(0);
    expect((await as(admin, { method: 'GET', url: '/api/users?q=zhao&includeDisabled=true' })).json<{ total: number }>().total).toBe(1);
    await as(admin, { method: 'PATCH', url: `/api/users/${user.id}`, payload: { isDisabled: false, roles: ['lawyer', 'pm'] } });

    const victimAgain = await signIn('zhao.lawyer', 'correct-horse-battery');
    const victimToken = await as(victimAgain, { method: 'POST', url: '/api/me/tokens', payload: { name: '同步' } });
    const victimSecret = victimToken.json<{ secret: string }>().secret;
    const reset = await as(admin, { method: 'POST', url: `/api/users/${user.id}/reset-password`, payload: { newPassword: 'a-temporary-passphrase' } });
    expect(reset.statusCode).toBe(200);
    // Whoever held the old password is out: sessions and API tokens alike.
    expect((await as(victimAgain, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await bearer(victimSecret, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await login('zhao.lawyer', 'correct-horse-battery')).statusCode).toBe(401);
    expect((await login('zhao.lawyer', 'a-temporary-passphrase')).json()).toMatchObject({ user: { roles: ['lawyer', 'pm'] } });

    // The last enabled admin cannot be demoted or disabled.
    expect((await as(admin, { method: 'PATCH', url: `/api/users/${api.users.admin.id}`, payload: { roles: ['pm'] } })).json()).toMatchObject({ error: { code: 'conflict' } });
    expect((await as(admin, { method: 'PATCH', url: `/api/users/${api.users.admin.id}`, payload: { isDisabled: true } })).json()).toMatchObject({ error: { code: 'conflict' } });
    expect((await api.db.user.findUniqueOrThrow({ where: { id: api.users.admin.id } })).roles).toEqual(['admin']);

    const trail = await api.db.auditEvent.findMany({ where: { entityId: user.id, action: { startsWith: 'user.' } }, select: { action: true, actorId: true }, orderBy: { id: 'asc' } });
    expect(trail.map((event) => event.action)).toEqual(['user.created', 'user.updated', 'user.updated', 'user.password_reset']);
    expect(trail.every((event) => event.actorId === api.users.admin.id)).toBe(true);
  });
});

describe('sign-in throttling', () => {
  const retryAfterOf = (response: { headers: Record<string, unknown> }) => Number(response.headers['retry-after']);
  /** One more failure, waiting out (on the app's clock) whatever delay is running first. */
  const failOnce = async (username: string, address: string) => {
    for (;;) {
      const response = await login(username, 'wrong-password', address);
      if (response.statusCode === 401) return;
      expect(response.statusCode).toBe(429);
      advanceClock(retryAfterOf(response) * 1000);
    }
  };

  it('delays failures from one address more and more, answering 429 with Retry-After before looking at the password', async () => {
    const address = nextAddress();
    // Five failures (made-up accounts, so only the address counts them all) come back at once.
    for (let attempt = 0; attempt < 5; attempt++) expect((await login(`nobody${attempt}`, 'wrong-password', address)).statusCode).toBe(401);
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      // Even the right password is refused while the delay runs, and tells nothing.
      const refused = await login('outsiderPm', DEMO_PASSWORD, address);
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
      waits.push(retryAfterOf(refused));
      advanceClock(retryAfterOf(refused) * 1000);
      expect((await login(`nobody-late${round}`, 'wrong-password', address)).statusCode).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4]);
    const refused = await login('outsiderPm', DEMO_PASSWORD, address, { 'accept-language': 'en' });
    expect(refused.json()).toMatchObject({ error: { code: 'rate_limited', message: 'Too many failed sign-ins; try again in 8 seconds' } });
    expect(retryAfterOf(refused)).toBe(8);
    expect(await api.db.session.count({ where: { userId: api.users.outsiderPm.id } })).toBe(0);
    advanceClock(8_000);
    expect((await login('outsiderPm', DEMO_PASSWORD, address)).statusCode).toBe(200);
  });

  it('caps the delay of one address at fifteen minutes, and says so in minutes', async () => {
    const address = nextAddress();
    const now = new Date(Date.now() + clockSkewMs);
    // Fifteen failures already on record (arranged: waiting them out would take hours of requests).
    await api.db.authThrottle.create({ data: { key: `ip:${address}`, failures: 15, blockedUntil: now, updatedAt: now } });
    expect((await login('nobody-capped', 'wrong-password', address)).statusCode).toBe(401);
    const refused = await login('outsiderPm', DEMO_PASSWORD, address);
    expect(retryAfterOf(refused)).toBe(15 * 60);
    expect(refused.json()).toMatchObject({ error: { message: '登录失败次数过多，请在 15 分钟后再试' } });
    advanceClock(15 * 60_000);
    expect((await login('outsiderPm', DEMO_PASSWORD, address)).statusCode).toBe(200);
  });

  it('delays one account from one address after three failures; another address is not held up, and a success clears the count', async () => {
    const address = nextAddress();
    for (let attempt = 0; attempt < 3; attempt++) expect((await login('partner', 'wrong-password', address)).statusCode).toBe(401);
    const held = await login('partner', DEMO_PASSWORD, address);
    expect(held.statusCode).toBe(429);
    expect(retryAfterOf(held)).toBe(1);
    expect((await login('partner', DEMO_PASSWORD, nextAddress())).statusCode).toBe(200);
    expect(await api.db.authThrottle.count({ where: { key: 'user:partner' } })).toBe(0);
    advanceClock(1_000);
    expect((await login('partner', DEMO_PASSWORD, address)).statusCode).toBe(200);
    expect(await api.db.authThrottle.count({ where: { key: `user-ip:partner|${address}` } })).toBe(0);
  });

  it('keeps the owner signing in from a known browser while an attacker hammers the account from many addresses', async () => {
    // The owner's browser: a sign-in leaves a long-lived, httpOnly known-device cookie.
    const first = await login('outsiderClient');
    const device = first.cookies.find((cookie) => cookie.name === DEVICE_COOKIE)!;
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    expect(device.maxAge).toBeGreaterThan(90 * 86_400);
    expect(await api.db.knownDevice.count({ where: { tokenHash: sha256Hex(device.value), userId: api.users.outsiderClient.id } })).toBe(1);

    // Twenty guesses, each from a new address: only the account-wide count grows, to its cap.
    for (let attempt = 0; attempt < 20; attempt++) await failOnce('outsiderClient', nextAddress());
    const stranger = await login('outsiderClient', DEMO_PASSWORD, nextAddress());
    expect(stranger.statusCode).toBe(429);
    expect(retryAfterOf(stranger)).toBe(60);
    // Another account's known browser does not count…
    const pmDevice = (await login('pm')).cookies.find((cookie) => cookie.name === DEVICE_COOKIE)!;
    expect((await login('outsiderClient', DEMO_PASSWORD, nextAddress(), { cookie: `${DEVICE_COOKIE}=${pmDevice.value}` })).statusCode).toBe(429);
    // …the owner's does, from wherever they are; the browser keeps its (refreshed) token.
    const owner = await login('outsiderClient', DEMO_PASSWORD, nextAddress(), { cookie: `${DEVICE_COOKIE}=${device.value}` });
    expect(owner.statusCode).toBe(200);
    expect(owner.cookies.find((cookie) => cookie.name === DEVICE_COOKIE)?.value).toBe(device.value);
    expect(await api.db.authThrottle.count({ where: { key: 'user:outsiderClient' } })).toBe(0);
  });

  it('delays wrong current passwords when changing one’s own, checked before the password', async () => {
    const session = await signIn('lawyer2');
    const change = (currentPassword: string) => as(session, { method: 'POST', url: '/api/me/password', payload: { currentPassword, newPassword: 'lawyer2-new-passphrase' } });
    for (let attempt = 0; attempt < 3; attempt++) expect((await change('wrong-password')).statusCode).toBe(401);
    const held = await change(DEMO_PASSWORD);
    expect(held.statusCode).toBe(429);
    expect(retryAfterOf(held)).toBe(1);
    expect(held.json<{ error: { message: string } }>().error.message).toBe('当前密码输错次数过多，请在 1 秒后再试');
    expect((await login('lawyer2', DEMO_PASSWORD)).statusCode).toBe(200);
    advanceClock(1_000);
    expect((await change(DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await login('lawyer2', 'lawyer2-new-passphrase')).statusCode).toBe(200);
  });

  it('slows an administrator resetting many passwords in a row', async () => {
    const admin = await signIn('admin');
    const target = await api.db.user.create({ data: { username: 'reset.target', displayName: '重置对象', passwordHash: 'scrypt$unused', roles: ['lawyer'] } });
    const reset = () => as(admin, { method: 'POST', url: `/api/users/${target.id}/reset-password`, payload: { newPassword: 'another-long-password' } });
    const done = (await api.db.authThrottle.findUnique({ where: { key: `reset:${api.users.admin.id}` } }))?.failures ?? 0;
    for (let count = done; count < 10; count++) expect((await reset()).statusCode).toBe(200);
    const held = await reset();
    expect(held.statusCode).toBe(429);
    expect(retryAfterOf(held)).toBe(1);
    expect(held.json()).toMatchObject({ error: { code: 'rate_limited', message: '重置密码过于频繁，请在 1 秒后再试' } });
    advanceClock(1_000);
    expect((await reset()).statusCode).toBe(200);
    expect(retryAfterOf(await reset())).toBe(2);
  });
});
