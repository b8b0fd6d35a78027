import { type ErrorCode, type Operation, type Permission, isStateChanging } from '@gongzhi/contracts';
import { type LocalizedText, type Role, TOKEN_SCOPES, type TokenScope, type WorkerRole } from '@gongzhi/domain';

/**
 * The rules behind every operation's declared permission, as pure functions: the access plugin
 * applies them to each request, routes use them for the `can` flags they report, so a button
 * the dashboard shows is one the API will accept.
 */

export interface Caller {
  userId: string;
  roles: readonly Role[];
  authMethod: 'session' | 'token';
}

/** What the API knows about the caller's relation to the engagement a resource belongs to. */
export interface EngagementFacts {
  /** The caller's role on the engagement's team; null when not on it. */
  teamRole: WorkerRole | null;
  /** The caller is the task's assignee (task and deliverable resources). */
  isAssignee: boolean;
  /** The deliverable (or the requested revision of it) is approved: what a client may see. */
  isApproved: boolean;
}

export type Decision = { ok: true } | { ok: false; code: ErrorCode };

const allow: Decision = { ok: true };
const deny = (code: ErrorCode): Decision => ({ ok: false, code });

export const isAdmin = (caller: Caller): boolean => caller.roles.includes('admin');

/** The checks that need nothing but the caller: signed in, how, and with which firm-wide roles. */
export function decideCallerAccess(permission: Permission, caller: Caller | null): Decision {
  if (permission.auth === 'public') return allow;
  if (!caller) return deny('unauthenticated');
  if (permission.rules?.includes('session-only') && caller.authMethod !== 'session') return deny('forbidden');
  if (permission.auth === 'role' && !permission.roles.some((role) => caller.roles.includes(role))) return deny('forbidden');
  return allow;
}

/**
 * The checks of an `engagement` permission once the resource is found. Outsiders learn nothing
 * (404, as for a resource that does not exist); team members lacking the role, and admins where
 * admins are not let in, are told no (403).
 */
export function decideEngagementAccess(permission: Extract<Permission, { auth: 'engagement' }>, caller: Caller, facts: EngagementFacts): Decision {
  const adminPasses = permission.admins && isAdmin(caller);
  if (facts.teamRole === null) {
    if (adminPasses) return allow;
    return deny(isAdmin(caller) ? 'forbidden' : 'not_found');
  }
  if (!adminPasses && !permission.teamRoles.includes(facts.teamRole)) return deny('forbidden');
  const rules = permission.rules ?? [];
  if (rules.includes('assignee-or-pm') && !facts.isAssignee && facts.teamRole !== 'pm') return deny('not_assignee');
  if (rules.includes('client-sees-approved-only') && permission.resource === 'deliverable' && seesApprovedOnly(caller, facts.teamRole) && !facts.isApproved) {
    return deny('not_found');
  }
  return allow;
}

/** Clients on the team see released work only: approved deliverables and revisions. */
export function seesApprovedOnly(caller: Caller, teamRole: WorkerRole | null): boolean {
  return teamRole === 'client' && !isAdmin(caller);
}

/** Both checks at once, for `can` flags. */
export function isAllowed(permission: Permission, caller: Caller, facts: EngagementFacts): boolean {
  if (!decideCallerAccess(permission, caller).ok) return false;
  return permission.auth !== 'engagement' || decideEngagementAccess(permission, caller, facts).ok;
}

/** Operations only administrators may call (user administration, metrics): a token needs `admin` for them. */
export const isAdminOnly = (permission: Permission): boolean => permission.auth === 'role' && permission.roles.every((role) => role === 'admin');

/**
 * The scopes a personal API token needs for an operation: `read` to look, `write` to change
 * anything, and `admin` on top for administrators' operations — so a token handed to a
 * reporting script cannot change data, and an admin's everyday token cannot manage users.
 */
export function requiredScopes(operation: Pick<Operation, 'method' | 'permission'>): TokenScope[] {
  const scopes: TokenScope[] = [isStateChanging(operation.method) ? 'write' : 'read'];
  if (isAdminOnly(operation.permission)) scopes.push('admin');
  return scopes;
}

/** A token's scopes against an operation; sessions (null scopes) are not limited by scopes. */
export function decideTokenScopes(operation: Pick<Operation, 'method' | 'permission'>, scopes: readonly TokenScope[] | null): { ok: true } | { ok: false; missing: TokenScope[] } {
  if (scopes === null || operation.permission.auth === 'public') return { ok: true };
  const missing = requiredScopes(operation).filter((scope) => !scopes.includes(scope));
  return missing.length === 0 ? { ok: true } : { ok: false, missing };
}

const SCOPE_NAMES: Record<TokenScope, LocalizedText> = {
  read: { zh: '读取', en: 'read' },
  write: { zh: '写入', en: 'write' },
  admin: { zh: '管理', en: 'admin' },
};

/** The 403 message for a token lacking scopes, naming each one it needs. */
export function missingScopesMessage(missing: readonly TokenScope[]): LocalizedText {
  const ordered = TOKEN_SCOPES.filter((scope) => missing.includes(scope));
  const zh = ordered.map((scope) => `“${SCOPE_NAMES[scope].zh}”`).join('、');
  const en = ordered.map((scope) => `“${SCOPE_NAMES[scope].en}”`).join(' and ');
  return {
    zh: `此 API 令牌没有执行该操作的权限（需要${zh}权限）`,
    en: `This API token is not allowed to do this (it needs the ${en} scope${ordered.length > 1 ? 's' : ''})`,
  };
}
