import { fromDbDate } from '@gongzhi/db';
import { type LocalizedText, type Role, type WorkerRole } from '@gongzhi/domain';

/** Instants on the wire: ISO 8601 UTC. */
export const iso = (date: Date): string => date.toISOString();
export const isoOrNull = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);
/** Civil dates (due dates): `YYYY-MM-DD`, a day in Asia/Shanghai. */
export const civil = (date: Date): string => fromDbDate(date);
export const text = (zh: string, en: string): LocalizedText => ({ zh, en });
export const userRef = (user: { id: string; displayName: string }) => ({ id: user.id, displayName: user.displayName });
/** A record withdrawn with a reason (kept, not counted): when, by whom, why; null while it stands. */
export const withdrawalOf = (row: { withdrawnAt: Date | null; withdrawnBy: { id: string; displayName: string } | null; withdrawnReason: string | null }) =>
  row.withdrawnAt ? { at: iso(row.withdrawnAt), by: row.withdrawnBy ? userRef(row.withdrawnBy) : null, reason: row.withdrawnReason ?? '' } : null;

/** One page of a list, as every list operation answers. */
export const pageOf = <T>(items: T[], total: number, page: number, pageSize: number) => ({ items, total, page, pageSize });
export const skipOf = (page: number, pageSize: number) => (page - 1) * pageSize;

/** Work is given to team roles only; an `admin` task would be a planning bug, not a state to show. */
export function asWorkerRole(role: Role): WorkerRole {
  if (role === 'admin') throw new Error('a task or membership has the admin role');
  return role;
}
