import { type Prisma } from '@gongzhi/db';
import { type apiTokenSchema, type currentUserSchema, type userSchema } from '@gongzhi/contracts';
import { type Role } from '@gongzhi/domain';
import { type z } from 'zod';
import { iso, isoOrNull } from './common';

export type CurrentUser = z.output<typeof currentUserSchema>;
export type UserView = z.output<typeof userSchema>;
export type ApiTokenView = z.output<typeof apiTokenSchema>;

const localeOf = (locale: string): 'zh-CN' | 'en' => (locale === 'en' ? 'en' : 'zh-CN');

export function currentUserOf(user: { id: string; username: string; displayName: string; roles: Role[]; locale: string }): CurrentUser {
  return { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, locale: localeOf(user.locale) };
}

/** A user as the admin pages show them; the last sign-in is the newest session's start. */
export const userSelect = {
  id: true,
  username: true,
  displayName: true,
  roles: true,
  locale: true,
  disabledAt: true,
  createdAt: true,
  sessions: { select: { createdAt: true }, orderBy: { createdAt: 'desc' }, take: 1 },
} satisfies Prisma.UserSelect;

export type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

export function toUser(user: UserRow): UserView {
  return {
    ...currentUserOf(user),
    isDisabled: user.disabledAt !== null,
    createdAt: iso(user.createdAt),
    lastLoginAt: isoOrNull(user.sessions[0]?.createdAt),
  };
}

export const apiTokenSelect = { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true } satisfies Prisma.ApiTokenSelect;
export type ApiTokenRow = Prisma.ApiTokenGetPayload<{ select: typeof apiTokenSelect }>;

export function toApiToken(token: ApiTokenRow): ApiTokenView {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    scopes: token.scopes,
    createdAt: iso(token.createdAt),
    lastUsedAt: isoOrNull(token.lastUsedAt),
    expiresAt: isoOrNull(token.expiresAt),
    revokedAt: isoOrNull(token.revokedAt),
  };
}
