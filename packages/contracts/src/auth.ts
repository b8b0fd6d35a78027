import { z } from 'zod';
import { TOKEN_SCOPES, roleSchema } from '@gongzhi/domain';
import { STORABLE_TEXT, idSchema, idParamsSchema, instantSchema, line, localeSchema, okSchema } from './common';
import { defineOperation, linksById } from './operation';

export const usernameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9._-]{2,64}$/, '2–64 letters, digits, dot, underscore or hyphen')
  .meta({ description: 'Login name: 2–64 letters, digits, `.`, `_` or `-`' });

/** New passwords: long rather than complicated (NIST 800-63B); the hash is memory-hard. */
export const newPasswordSchema = z.string().min(12).max(256).regex(STORABLE_TEXT, 'no NUL characters').meta({ description: 'At least 12 characters' });

export const rolesSchema = z
  .array(roleSchema)
  .min(1)
  .max(5)
  .refine((roles) => new Set(roles).size === roles.length, 'roles must not repeat')
  .meta({ uniqueItems: true });

export const currentUserSchema = z
  .object({
    id: idSchema,
    username: usernameSchema,
    displayName: line(100),
    roles: rolesSchema,
    locale: localeSchema,
  })
  .strict()
  .meta({ id: 'CurrentUser' });

export const meResponseSchema = z
  .object({
    user: currentUserSchema,
    /** How this request was authenticated: a browser session or a personal API token. */
    authMethod: z.enum(['session', 'token']),
    /** Send as `x-csrf-token` on every state-changing request of this session; null for token auth. */
    csrfToken: line(200).nullable(),
  })
  .strict()
  .meta({ id: 'Me' });

export const loginBodySchema = z.object({ username: line(64), password: line(256) }).strict().meta({ id: 'LoginBody' });
export const loginResponseSchema = z
  .object({ user: currentUserSchema, csrfToken: line(200) })
  .strict()
  .meta({ id: 'LoginResponse', description: 'The session cookie is set httpOnly; keep csrfToken for state-changing requests' });

export const login = defineOperation({
  id: 'login',
  method: 'POST',
  path: '/api/auth/login',
  tag: 'auth',
  summary: { zh: '登录', en: 'Sign in' },
  description:
    'Starts a server-side session (httpOnly, SameSite cookie) and remembers this browser for the account (a long-lived httpOnly `gongzhi_device` cookie). Failed attempts earn growing delays, shared by every API process: per address, per account and address, and per account (the last one not applied to a browser the account signed in from before, so nobody without the password can lock the owner out). While a delay runs the attempt is refused with 429 `rate_limited` and `Retry-After` before the password is even checked. A success clears the account’s delays.',
  permission: { auth: 'public' },
  body: loginBodySchema,
  responses: { 200: loginResponseSchema },
  errors: ['invalid_credentials', 'account_disabled', 'rate_limited'],
});

export const logout = defineOperation({
  id: 'logout',
  method: 'POST',
  path: '/api/auth/logout',
  tag: 'auth',
  summary: { zh: '退出登录', en: 'Sign out' },
  description: 'Revokes the current session and clears its cookie.',
  permission: { auth: 'user', rules: ['session-only'] },
  responses: { 200: okSchema },
});

export const getMe = defineOperation({
  id: 'getMe',
  method: 'GET',
  path: '/api/me',
  tag: 'auth',
  summary: { zh: '当前用户', en: 'Current user' },
  description: 'The signed-in user with roles and locale, and the session’s CSRF token (so a reloaded page can continue).',
  permission: { auth: 'user' },
  responses: { 200: meResponseSchema },
});

export const updateMeBodySchema = z
  .object({ displayName: line(100).optional(), locale: localeSchema.optional() })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'nothing to change')
  .meta({ id: 'UpdateMeBody', minProperties: 1 });

export const updateMe = defineOperation({
  id: 'updateMe',
  method: 'PATCH',
  path: '/api/me',
  tag: 'auth',
  summary: { zh: '修改个人设置', en: 'Update my settings' },
  permission: { auth: 'user' },
  body: updateMeBodySchema,
  responses: { 200: currentUserSchema },
});

export const changePasswordBodySchema = z
  .object({ currentPassword: line(256), newPassword: newPasswordSchema })
  .strict()
  .meta({ id: 'ChangePasswordBody' });

export const changeMyPassword = defineOperation({
  id: 'changeMyPassword',
  method: 'POST',
  path: '/api/me/password',
  tag: 'auth',
  summary: { zh: '修改密码', en: 'Change my password' },
  description:
    'Checks the current password, then signs out every other session of the user and revokes all of the user’s personal API tokens and calendar addresses (this session stays signed in). Wrong current passwords earn growing delays: 429 `rate_limited` with `Retry-After`.',
  permission: { auth: 'user', rules: ['session-only'] },
  body: changePasswordBodySchema,
  responses: { 200: okSchema },
  errors: ['invalid_credentials', 'rate_limited'],
});

// Personal API tokens, for integrations: the secret is shown once and stored hashed.

export const tokenScopeSchema = z.enum(TOKEN_SCOPES).meta({
  id: 'TokenScope',
  description: '`read`: GET requests; `write`: state-changing requests; `admin`: administrators’ operations (on top of `read`/`write`; only an administrator’s token may have it)',
});

export const tokenScopesSchema = z
  .array(tokenScopeSchema)
  .min(1)
  .max(TOKEN_SCOPES.length)
  .refine((scopes) => new Set(scopes).size === scopes.length, 'scopes must not repeat')
  .meta({ uniqueItems: true });

export const apiTokenSchema = z
  .object({
    id: idSchema,
    name: line(100),
    /** The first characters of the secret, so a user can tell tokens apart. */
    prefix: line(16),
    scopes: tokenScopesSchema,
    createdAt: instantSchema,
    lastUsedAt: instantSchema.nullable(),
    expiresAt: instantSchema.nullable(),
    revokedAt: instantSchema.nullable(),
  })
  .strict()
  .meta({ id: 'ApiToken' });

export const createApiTokenBodySchema = z
  .object({
    name: line(100),
    /** What the token may do; `read` and `write` when left out. */
    scopes: tokenScopesSchema.default(['read', 'write']),
    /** Lifetime in days; without it the token lasts until revoked. */
    expiresInDays: z.number().int().min(1).max(366).optional(),
  })
  .strict()
  .meta({ id: 'CreateApiTokenBody' });

export const createdApiTokenSchema = z
  .object({
    token: apiTokenSchema,
    /** Send as `Authorization: Bearer <secret>`. Shown this once; only its hash is stored. */
    secret: line(200),
  })
  .strict()
  .meta({ id: 'CreatedApiToken' });

export const listApiTokens = defineOperation({
  id: 'listApiTokens',
  method: 'GET',
  path: '/api/me/tokens',
  tag: 'tokens',
  summary: { zh: '我的 API 令牌', en: 'My API tokens' },
  permission: { auth: 'user', rules: ['own-resource'] },
  responses: { 200: z.object({ items: z.array(apiTokenSchema).max(100) }).strict() },
  links: linksById('$response.body#/items/0/id', ['revokeApiToken']),
});

export const createApiToken = defineOperation({
  id: 'createApiToken',
  method: 'POST',
  path: '/api/me/tokens',
  tag: 'tokens',
  summary: { zh: '创建 API 令牌', en: 'Create an API token' },
  description:
    'The secret is in this response only. At most 20 active tokens per user (409 beyond). `scopes` defaults to `read` and `write`; asking for `admin` without holding the admin role is refused with 403 `forbidden`. Changing one’s password (or an administrator resetting it) revokes every token.',
  permission: { auth: 'user', rules: ['session-only'] },
  body: createApiTokenBodySchema,
  responses: { 201: createdApiTokenSchema },
  errors: ['conflict'],
  links: linksById('$response.body#/token/id', ['revokeApiToken']),
});

export const revokeApiToken = defineOperation({
  id: 'revokeApiToken',
  method: 'DELETE',
  path: '/api/me/tokens/:id',
  tag: 'tokens',
  summary: { zh: '吊销 API 令牌', en: 'Revoke an API token' },
  description: 'Idempotent: revoking a revoked token answers with it unchanged. Event streams opened with the token end at once.',
  permission: { auth: 'user', rules: ['own-resource', 'session-only'] },
  params: idParamsSchema,
  responses: { 200: apiTokenSchema },
});
