import { type CivilDate, type FieldError } from '@gongzhi/domain';
import { type DbClient, type DbTransaction, lockEngagement } from './client';
import { toDbDate } from './dates';

/**
 * 德治典型: households a community recognised for setting an example. Engagement state: written only
 * by the engagement's `model-households-<id>` workflow (through its activity); the API reads
 * through `listModelHouseholds`.
 */

export interface ModelHouseholdInput {
  id: string;
  engagementId: string;
  communityKey: string;
  household: string;
  deeds: string;
  recognizedOn: CivilDate;
  recognizedBy: string;
  caseId: string | null;
  actorId: string;
  at: Date;
}

export type ModelHouseholdRefusal = { refused: 'not_found' } | { refused: 'engagement_not_running' } | { refused: 'invalid'; errors: FieldError[] };

const select = {
  id: true,
  household: true,
  deeds: true,
  recognizedOn: true,
  recognizedBy: true,
  recordedAt: true,
  withdrawnAt: true,
  withdrawnReason: true,
  community: { select: { key: true, name: true } },
  problemCase: { select: { id: true, title: true } },
  recordedBy: { select: { id: true, displayName: true } },
  withdrawnBy: { select: { id: true, displayName: true } },
} as const;

/** The engagement's model households, most recently recognised first (withdrawn ones too, marked). */
export function listModelHouseholds(db: DbClient, engagementId: string) {
  return db.modelHousehold.findMany({ where: { engagementId }, select, orderBy: [{ recognizedOn: 'desc' }, { recordedAt: 'desc' }], take: 1000 });
}
export type ModelHouseholdRecord = Awaited<ReturnType<typeof listModelHouseholds>>[number];

export function findModelHousehold(db: DbClient, engagementId: string, id: string) {
  return db.modelHousehold.findFirst({ where: { id, engagementId }, select });
}

/**
 * Records one, under the engagement's lock; a retried attempt (same id) finds it written. The
 * community must be the engagement's, and a case named must be one of that community's.
 */
export async function recordModelHouseholdRecord(tx: DbTransaction, input: ModelHouseholdInput): Promise<{ id: string; created: boolean } | ModelHouseholdRefusal> {
  const status = await lockEngagement(tx, input.engagementId);
  if (status === null) return { refused: 'not_found' };
  if (await tx.modelHousehold.findUnique({ where: { id: input.id }, select: { id: true } })) return { id: input.id, created: false };
  if (status === 'cancelled') return { refused: 'engagement_not_running' };
  const errors: FieldError[] = [];
  const community = await tx.community.findFirst({ where: { engagementId: input.engagementId, key: input.communityKey }, select: { id: true } });
  if (!community) errors.push({ field: 'community', code: 'invalid_option', message: { zh: '本项目中没有该社区', en: 'The engagement has no such community' } });
  if (input.caseId !== null) {
    const found = await tx.problemCase.findFirst({ where: { id: input.caseId, engagementId: input.engagementId }, select: { communityId: true } });
    if (!found) errors.push({ field: 'case', code: 'invalid_option', message: { zh: '本项目中没有该案件', en: 'The engagement has no such case' } });
    else if (community && found.communityId !== community.id) errors.push({ field: 'case', code: 'rule', message: { zh: '该案件不属于所选社区', en: 'The case is in another community' } });
  }
  if (errors.length > 0 || !community) return { refused: 'invalid', errors };
  await tx.modelHousehold.create({
    data: {
      id: input.id,
      engagementId: input.engagementId,
      communityId: community.id,
      household: input.household,
      deeds: input.deeds,
      recognizedOn: toDbDate(input.recognizedOn),
      recognizedBy: input.recognizedBy,
      caseId: input.caseId,
      recordedById: input.actorId,
      recordedAt: input.at,
    },
  });
  return { id: input.id, created: true };
}

/** Withdraws one with a reason (a recognition made in error, a household that moved away); withdrawing it again changes nothing. */
export async function withdrawModelHouseholdRecord(
  tx: DbTransaction,
  input: { engagementId: string; id: string; reason: string; actorId: string; at: Date },
): Promise<{ id: string; changed: boolean } | { refused: 'not_found' }> {
  if ((await lockEngagement(tx, input.engagementId)) === null) return { refused: 'not_found' };
  const row = await tx.modelHousehold.findFirst({ where: { id: input.id, engagementId: input.engagementId }, select: { withdrawnAt: true } });
  if (!row) return { refused: 'not_found' };
  if (row.withdrawnAt) return { id: input.id, changed: false };
  await tx.modelHousehold.update({ where: { id: input.id }, data: { withdrawnAt: input.at, withdrawnById: input.actorId, withdrawnReason: input.reason } });
  return { id: input.id, changed: true };
}
