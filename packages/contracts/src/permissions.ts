import { type Role, type WorkerRole } from '@gongzhi/domain';

/**
 * Extra checks an operation makes beyond the caller's role, named so the API implements each
 * once and the permission-matrix test knows which cases to build.
 */
export type AccessRule =
  /** Only the task's assignee, or the engagement's PM, may act (task completion, revision upload). */
  | 'assignee-or-pm'
  /** Members whose team role is `client` see only approved deliverables (lists filter, detail 404s). */
  | 'client-sees-approved-only'
  /** Lists return only engagements the caller is a member of (admins see all). */
  | 'member-engagements-only'
  /** The resource must belong to the caller (their notifications, their tokens). */
  | 'own-resource'
  /** Refused when authenticated by a personal API token: a token cannot mint or revoke tokens. */
  | 'session-only'
  /**
   * Also open to `Authorization: Bearer <GONGZHI_METRICS_TOKEN>`, a secret the operator gives the
   * metrics scraper (no user behind it); without that secret configured, to nobody but the role.
   */
  | 'metrics-token';

/**
 * Who may call an operation — declared once per operation; the API enforces it and the
 * permission-matrix test iterates it.
 *
 * - `public`: anyone, signed in or not.
 * - `user`: any signed-in, enabled user (session cookie or personal API token).
 * - `role`: a user holding one of `roles` (firm-wide roles).
 * - `engagement`: the `:id` in the path names a `resource`; the caller must be on the team of the
 *   engagement it belongs to with one of `teamRoles`. Admins who are not on the team pass only
 *   when `admins` is true.
 */
export type Permission =
  | { readonly auth: 'public' }
  | { readonly auth: 'user'; readonly rules?: readonly AccessRule[] }
  | { readonly auth: 'role'; readonly roles: readonly Role[]; readonly rules?: readonly AccessRule[] }
  | {
      readonly auth: 'engagement';
      readonly resource: 'engagement' | 'task' | 'deliverable';
      readonly teamRoles: readonly WorkerRole[];
      readonly admins: boolean;
      readonly rules?: readonly AccessRule[];
    };

export const ALL_TEAM_ROLES = ['pm', 'partner', 'lawyer', 'client'] as const satisfies readonly WorkerRole[];
export const FIRM_TEAM_ROLES = ['pm', 'partner', 'lawyer'] as const satisfies readonly WorkerRole[];

export const isAuthenticated = (permission: Permission): boolean => permission.auth !== 'public';
export const canBeForbidden = (permission: Permission): boolean => permission.auth === 'role' || permission.auth === 'engagement' || ('rules' in permission && (permission.rules?.length ?? 0) > 0);
