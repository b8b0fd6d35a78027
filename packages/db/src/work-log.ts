import { type CivilDate, type FieldError, type WorkLogActivity, type WorkLogGroup } from '@gongzhi/domain';
import { type DbClient, type DbTransaction, lockEngagement } from './client';
import { toDbDate } from './dates';

/**
 * 工作日志: what the firm's lawyers did for an engagement. Engagement state: written only by the
 * engagement's `work-log-<id>` workflow (through its activity); the API reads through `listWorkLog`.
 */

export interface WorkLogEntryInput {
  id: string;
  engagementId: string;
  /** A community key of the engagement; null for the engagement as a whole. */
  communityKey: string | null;
  workedOn: CivilDate;
  minutes: number;
  activity: WorkLogActivity;
  note: string;
  clientVisible: boolean;
  actorId: string;
  at: Date;
}

/** The field error for a community key the engagement does not have. */
export const UNKNOWN_COMMUNITY: FieldError = { field: 'community', code: 'invalid_option', message: { zh: '本项目中没有该社区', en: 'The engagement has no such community' } };

export type WorkLogRefusal = { refused: 'not_found' } | { refused: 'engagement_not_running' } | { refused: 'invalid'; errors: FieldError[] };

const select = {
  id: true,
  engagementId: true,
  workedOn: true,
  minutes: true,
  activity: true,
  note: true,
  clientVisible: true,
  recordedAt: true,
  withdrawnAt: true,
  withdrawnReason: true,
  community: { select: { key: true, name: true } },
  loggedBy: { select: { id: true, displayName: true } },
  withdrawnBy: { select: { id: true, displayName: true } },
} as const;

/** Which entries a reader sees: the firm's team all (withdrawn ones marked); the client's contact only those shared with them and standing. */
export interface WorkLogFilter {
  sharedOnly: boolean;
  communityKey?: string;
  loggedById?: string;
}

const whereOf = (engagementId: string, filter: WorkLogFilter) => ({
  engagementId,
  ...(filter.sharedOnly ? { clientVisible: true, withdrawnAt: null } : {}),
  ...(filter.communityKey !== undefined ? { community: { key: filter.communityKey } } : {}),
  ...(filter.loggedById !== undefined ? { loggedById: filter.loggedById } : {}),
});

/** The engagement's log, the most recent day first (at most `take`). */
export function listWorkLog(db: DbClient, engagementId: string, filter: WorkLogFilter, take = 500) {
  return db.workLogEntry.findMany({ where: whereOf(engagementId, filter), select, orderBy: [{ workedOn: 'desc' }, { recordedAt: 'desc' }], take });
}
export type WorkLogRecord = Awaited<ReturnType<typeof listWorkLog>>[number];

/** The entries that count (not withdrawn), grouped by activity and community, for the totals: every one, however long the log. */
export async function groupWorkLog(db: DbClient, engagementId: string, filter: Omit<WorkLogFilter, 'sharedOnly'>): Promise<WorkLogGroup[]> {
  const where = { ...whereOf(engagementId, { ...filter, sharedOnly: false }), withdrawnAt: null };
  const [groups, communities] = await Promise.all([
    db.workLogEntry.groupBy({ by: ['activity', 'communityId'], where, _count: { _all: true }, _sum: { minutes: true } }),
    db.community.findMany({ where: { engagementId }, select: { id: true, key: true, name: true } }),
  ]);
  const communityOf = new Map(communities.map((community) => [community.id, { key: community.key, name: community.name }]));
  return groups.map((group) => ({
    activity: group.activity as WorkLogActivity,
    community: group.communityId ? (communityOf.get(group.communityId) ?? null) : null,
    entries: group._count._all,
    minutes: group._sum.minutes ?? 0,
  }));
}

/** Every standing entry (the ledger's), oldest first, optionally of one community. */
export function listWorkLogLedger(db: DbClient, engagementId: string, communityKey: string | null) {
  return db.workLogEntry.findMany({
    where: { engagementId, withdrawnAt: null, ...(communityKey !== null ? { community: { key: communityKey } } : {}) },
    select: { workedOn: true, minutes: true, activity: true, note: true, clientVisible: true, community: { select: { name: true } }, loggedBy: { select: { displayName: true } } },
    orderBy: [{ workedOn: 'asc' }, { recordedAt: 'asc' }],
  });
}

export function findWorkLogEntry(db: DbClient, engagementId: string, id: string) {
  return db.workLogEntry.findFirst({ where: { id, engagementId }, select });
}

/** Writes one entry under the engagement's lock; a retried attempt (same id) finds it written. The community must be the engagement's. */
export async function recordWorkLogEntryRecord(tx: DbTransaction, input: WorkLogEntryInput): Promise<{ id: string; created: boolean } | WorkLogRefusal> {
  const status = await lockEngagement(tx, input.engagementId);
  if (status === null) return { refused: 'not_found' };
  if (await tx.workLogEntry.findUnique({ where: { id: input.id }, select: { id: true } })) return { id: input.id, created: false };
  if (status === 'cancelled') return { refused: 'engagement_not_running' };
  let communityId: string | null = null;
  if (input.communityKey !== null) {
    const community = await tx.community.findFirst({ where: { engagementId: input.engagementId, key: input.communityKey }, select: { id: true } });
    if (!community) return { refused: 'invalid', errors: [UNKNOWN_COMMUNITY] };
    communityId = community.id;
  }
  await tx.workLogEntry.create({
    data: {
      id: input.id,
      engagementId: input.engagementId,
      communityId,
      loggedById: input.actorId,
      workedOn: toDbDate(input.workedOn),
      minutes: input.minutes,
      activity: input.activity,
      note: input.note,
      clientVisible: input.clientVisible,
      recordedAt: input.at,
    },
  });
  return { id: input.id, created: true };
}

/** Shares an entry with the client's contact or stops sharing it; a withdrawn entry stays as it is. */
export async function shareWorkLogEntryRecord(tx: DbTransaction, input: { engagementId: string; id: string; clientVisible: boolean }): Promise<{ id: string; changed: boolean } | { refused: 'not_found' }> {
  if ((await lockEngagement(tx, input.engagementId)) === null) return { refused: 'not_found' };
  const row = await tx.workLogEntry.findFirst({ where: { id: input.id, engagementId: input.engagementId }, select: { clientVisible: true, withdrawnAt: true } });
  if (!row) return { refused: 'not_found' };
  if (row.withdrawnAt || row.clientVisible === input.clientVisible) return { id: input.id, changed: false };
  await tx.workLogEntry.update({ where: { id: input.id }, data: { clientVisible: input.clientVisible } });
  return { id: input.id, changed: true };
}

/** Withdraws an entry with a reason (logged twice, on the wrong engagement); withdrawing it again changes nothing. */
export async function withdrawWorkLogEntryRecord(
  tx: DbTransaction,
  input: { engagementId: string; id: string; reason: string; actorId: string; at: Date },
): Promise<{ id: string; changed: boolean } | { refused: 'not_found' }> {
  if ((await lockEngagement(tx, input.engagementId)) === null) return { refused: 'not_found' };
  const row = await tx.workLogEntry.findFirst({ where: { id: input.id, engagementId: input.engagementId }, select: { withdrawnAt: true } });
  if (!row) return { refused: 'not_found' };
  if (row.withdrawnAt) return { id: input.id, changed: false };
  await tx.workLogEntry.update({ where: { id: input.id }, data: { withdrawnAt: input.at, withdrawnById: input.actorId, withdrawnReason: input.reason } });
  return { id: input.id, changed: true };
}
