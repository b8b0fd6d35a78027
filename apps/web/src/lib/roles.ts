export type Role = 'admin' | 'partner' | 'pm' | 'lawyer' | 'client';

/**
 * The role whose home page a user lands on. A firm user holding several roles sees the one
 * with the most oversight first (they reach the others through the menu).
 */
const HOME_PRIORITY: readonly Role[] = ['pm', 'partner', 'lawyer', 'admin', 'client'];

export function primaryRole(roles: readonly Role[]): Role {
  return HOME_PRIORITY.find((role) => roles.includes(role)) ?? 'client';
}

export const hasRole = (roles: readonly Role[], ...wanted: Role[]): boolean => wanted.some((role) => roles.includes(role));

/** Firm users (not the client's contact) see the firm's working screens. */
export const isFirmUser = (roles: readonly Role[]): boolean => hasRole(roles, 'admin', 'partner', 'pm', 'lawyer');
