import { z } from 'zod';
import { roleSchema } from '@gongzhi/domain';
import { idParamsSchema, idSchema, instantSchema, line, localeSchema, pageOf, pageQueryShape, queryFlag } from './common';
import { newPasswordSchema, rolesSchema, usernameSchema } from './auth';
import { defineOperation, linksById } from './operation';

export const userSchema = z
  .object({
    id: idSchema,
    username: usernameSchema,
    displayName: line(100),
    roles: rolesSchema,
    locale: localeSchema,
    isDisabled: z.boolean(),
    createdAt: instantSchema,
    lastLoginAt: instantSchema.nullable(),
  })
  .strict()
  .meta({ id: 'User' });

export const listUsersQuerySchema = z
  .object({
    role: roleSchema.optional(),
    /** Matches username or display name. */
    q: line(100).optional(),
    includeDisabled: queryFlag().optional(),
    ...pageQueryShape,
  })
  .strict();

export const listUsers = defineOperation({
  id: 'listUsers',
  method: 'GET',
  path: '/api/users',
  tag: 'users',
  summary: { zh: '用户列表', en: 'List users' },
  description: 'Admins manage users here; PMs and partners use it to pick a team. Sorted by display name.',
  permission: { auth: 'role', roles: ['admin', 'pm', 'partner'] },
  query: listUsersQuerySchema,
  responses: { 200: pageOf(userSchema) },
});

export const createUserBodySchema = z
  .object({
    username: usernameSchema,
    displayName: line(100),
    roles: rolesSchema,
    locale: localeSchema.default('zh-CN'),
    password: newPasswordSchema,
  })
  .strict()
  .meta({ id: 'CreateUserBody' });

export const createUser = defineOperation({
  id: 'createUser',
  method: 'POST',
  path: '/api/users',
  tag: 'users',
  summary: { zh: '创建用户', en: 'Create a user' },
  description: '409 `conflict` when the username is taken.',
  permission: { auth: 'role', roles: ['admin'] },
  body: createUserBodySchema,
  responses: { 201: userSchema },
  errors: ['conflict'],
  // Only from the user just created: an account picked from the list may be the caller's own.
  links: linksById('$response.body#/id', ['updateUser', 'resetUserPassword']),
});

export const updateUserBodySchema = z
  .object({
    displayName: line(100).optional(),
    roles: rolesSchema.optional(),
    locale: localeSchema.optional(),
    /** Disabling revokes the user's sessions, API tokens and calendar addresses, and ends their event streams, at once. */
    isDisabled: z.boolean().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'nothing to change')
  .meta({ id: 'UpdateUserBody', minProperties: 1 });

export const updateUser = defineOperation({
  id: 'updateUser',
  method: 'PATCH',
  path: '/api/users/:id',
  tag: 'users',
  summary: { zh: '修改用户（角色、停用）', en: 'Update a user (roles, disable)' },
  description: '409 `conflict` when it would leave no enabled admin.',
  permission: { auth: 'role', roles: ['admin'] },
  params: idParamsSchema,
  body: updateUserBodySchema,
  responses: { 200: userSchema },
  errors: ['conflict'],
});

export const resetPasswordBodySchema = z.object({ newPassword: newPasswordSchema }).strict().meta({ id: 'ResetPasswordBody' });

export const resetUserPassword = defineOperation({
  id: 'resetUserPassword',
  method: 'POST',
  path: '/api/users/:id/reset-password',
  tag: 'users',
  summary: { zh: '重置用户密码', en: 'Reset a user’s password' },
  description:
    'Sets a new password, signs out every session of the user and revokes all of the user’s personal API tokens and calendar addresses. Each administrator may reset a handful of passwords in a row; beyond that each reset waits a growing delay (429 `rate_limited` with `Retry-After`).',
  permission: { auth: 'role', roles: ['admin'] },
  params: idParamsSchema,
  body: resetPasswordBodySchema,
  responses: { 200: userSchema },
  errors: ['rate_limited'],
});
