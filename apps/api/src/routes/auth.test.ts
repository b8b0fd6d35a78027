import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type InjectOptions } from 'fastify';
import { CSRF_HEADER } from '@gongzhi/contracts';
import { DEMO_PASSWORD } from '@gongzhi/db';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { sha256Hex } from '../lib/secrets';
import { SESSION_COOKIE } from '../lib/sessions';
import { type TestApi, createTestApi } from '../testing/harness';

let api: TestApi;
let address = 0;
/** Each test signs in from its own address, so the per-address login limit counts only its own attempts. */
const nextAddress = () => `10.0.0.${++address}`;

beforeAll(async () => {
  api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath'), loginRateLimit: { perAddressPerMinute: 6, failuresPerUsername: 3 } });
});

afterAll(async () => {
  await api?.close();
});

interface Session {
  cookie: string;
  csrfToken: string;
}

async function login(username: string, password = DEMO_PASSWORD, remoteAddress = nextAddress()) {
  return api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
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

  it('limits login attempts per address and failed attempts per username', async () => {
    const address = nextAddress();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) statuses.push((await login('client', DEMO_PASSWORD, address)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
    const limited = await login('client', DEMO_PASSWORD, address);
    expect(limited.json()).toMatchObject({ error: { code: 'rate_limited' } });

    // Three failures for one username from three addresses lock that username, even with the right password.
    for (let attempt = 0; attempt < 3; attempt++) expect((await login('outsiderClient', 'wrong-password')).statusCode).toBe(401);
    expect((await login('outsiderClient')).statusCode).toBe(429);
    expect((await login('outsiderPm')).statusCode).toBe(200);
  });

  it('changes a password, revoking the other sessions but not this one', async () => {
    const here = await signIn('outsiderPartner');
    const elsewhere = await signIn('outsiderPartner');
    const refused = await as(here, { method: 'POST', url: '/api/me/password', payload: { currentPassword: 'wrong-password', newPassword: 'a-brand-new-passphrase' } });
    expect(refused.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
    const changed = await as(here, { method: 'POST', url: '/api/me/password', payload: { currentPassword: DEMO_PASSWORD, newPassword: 'a-brand-new-passphrase' } });
    expect(changed.statusCode).toBe(200);
    expect((await as(here, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await as(elsewhere, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
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
    const { token, secret } = created.json<{ token: { id: string; prefix: string; expiresAt: string }; secret: string }>();
    expect(secret.startsWith(token.prefix)).toBe(true);
    expect(token.expiresAt).not.toBeNull();
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

    const reset = await as(admin, { method: 'POST', url: `/api/users/${user.id}/reset-password`, payload: { newPassword: 'a-temporary-passphrase' } });
    expect(reset.statusCode).toBe(200);
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
