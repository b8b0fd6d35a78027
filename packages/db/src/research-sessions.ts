import { type CommunityProfileDetails, type FieldError, type ResearchSessionKind } from '@gongzhi/domain';
import { type DbClient, type DbTransaction } from './client';
import { type Prisma } from './generated/prisma/client';

/**
 * Symposiums and interviews of field research, and the community problems they raised, each tagged
 * by a lawyer with the catalogue violation it is. Engagement state: written only by the
 * engagement's field-research workflow (its activity calls the writers here, one transaction
 * each); the API reads through the finders.
 */

export type ResearchSessionRefusal =
  | { refused: 'not_found' }
  | { refused: 'engagement_not_running' }
  | { refused: 'version_conflict'; currentVersion: number }
  | { refused: 'invalid'; errors: FieldError[] };

export interface ProblemInput {
  id: string;
  description: string;
  violationKey: string | null;
  outsideCatalogue: boolean;
  /** A problem already on the session whose tag the revision leaves as it is (the tag fields are ignored). */
  keepTag?: boolean;
}

export interface ResearchSessionInput {
  sessionId: string;
  engagementId: string;
  kind: ResearchSessionKind;
  communityId: string | null;
  heldOn: Date;
  place: string;
  participants: string;
  headcount: number | null;
  notes: string;
  problems: ProblemInput[];
  actorId: string;
  at: Date;
}

/** Holds the engagement's status (and, for a revision, locks the session) for the rest of the transaction. */
async function runningEngagement(tx: DbTransaction, engagementId: string): Promise<ResearchSessionRefusal | null> {
  const [row] = await tx.$queryRaw<{ status: string }[]>`select status::text from engagement where id = ${engagementId}::uuid for share`;
  if (!row) return { refused: 'not_found' };
  // Notes are recorded while the engagement runs or is paused (a symposium held before a pause).
  return row.status === 'running' || row.status === 'paused' ? null : { refused: 'engagement_not_running' };
}

async function communityFits(tx: DbTransaction, engagementId: string, communityId: string | null): Promise<FieldError[]> {
  if (communityId === null || (await tx.community.count({ where: { id: communityId, engagementId } })) > 0) return [];
  return [{ field: 'community', code: 'invalid_option', message: { zh: '本项目中没有该社区', en: 'The engagement has no such community' } }];
}

/** Another session's (or engagement's) problem under one of these ids. */
async function problemIdsTaken(tx: DbTransaction, sessionId: string, problems: ProblemInput[]): Promise<FieldError[]> {
  const taken = await tx.communityProblem.findMany({ where: { id: { in: problems.map((problem) => problem.id) }, sessionId: { not: sessionId } }, select: { id: true } });
  const ids = new Set(taken.map((row) => row.id));
  return problems.flatMap((problem, index) =>
    ids.has(problem.id) ? [{ field: `problems.${index}.id`, code: 'invalid_option', message: { zh: '该问题属于另一次座谈或访谈', en: 'The problem belongs to another session' } }] : [],
  );
}

function problemRows(input: ResearchSessionInput) {
  return input.problems.map((problem, position) => ({
    id: problem.id,
    engagementId: input.engagementId,
    sessionId: input.sessionId,
    communityId: input.communityId,
    description: problem.description,
    violationKey: problem.violationKey,
    outsideCatalogue: problem.outsideCatalogue,
    position,
    taggedById: problem.violationKey !== null || problem.outsideCatalogue ? input.actorId : null,
    taggedAt: problem.violationKey !== null || problem.outsideCatalogue ? input.at : null,
    createdAt: input.at,
  }));
}

/** Version 1 of a new record; `created` false when an earlier command (a retried request) made it. */
export async function createResearchSessionRecord(tx: DbTransaction, input: ResearchSessionInput): Promise<{ version: number; created: boolean } | ResearchSessionRefusal> {
  const existing = await tx.researchSession.findUnique({ where: { id: input.sessionId }, select: { engagementId: true, version: true } });
  if (existing) return existing.engagementId === input.engagementId ? { version: existing.version, created: false } : { refused: 'not_found' };
  const refusal = await runningEngagement(tx, input.engagementId);
  if (refusal) return refusal;
  const errors = [...(await communityFits(tx, input.engagementId, input.communityId)), ...(await problemIdsTaken(tx, input.sessionId, input.problems))];
  if (errors.length > 0) return { refused: 'invalid', errors };
  const { sessionId: id, engagementId, kind, communityId, heldOn, place, participants, headcount, notes, actorId, at } = input;
  await tx.researchSession.create({ data: { id, engagementId, kind, communityId, heldOn, place, participants, headcount, notes, version: 1, createdById: actorId, createdAt: at, updatedAt: at } });
  await tx.communityProblem.createMany({ data: problemRows(input) });
  return { version: 1, created: true };
}

/**
 * A new version of the session: its details and its problem list (problems kept by id keep their
 * tag unless the revision changes it; problems left out are removed).
 */
export async function reviseResearchSessionRecord(
  tx: DbTransaction,
  input: ResearchSessionInput & { expectedVersion: number },
): Promise<{ version: number; before: { problems: number; version: number } } | ResearchSessionRefusal> {
  await tx.$queryRaw`select id from research_session where id = ${input.sessionId}::uuid for update`;
  const session = await tx.researchSession.findUnique({ where: { id: input.sessionId }, include: { problems: true } });
  if (!session || session.engagementId !== input.engagementId) return { refused: 'not_found' };
  // (A retried activity is recognised by its command's audit row before it gets here.)
  if (session.version !== input.expectedVersion) return { refused: 'version_conflict', currentVersion: session.version };
  const refusal = await runningEngagement(tx, input.engagementId);
  if (refusal) return refusal;
  const errors = [...(await communityFits(tx, input.engagementId, input.communityId)), ...(await problemIdsTaken(tx, input.sessionId, input.problems))];
  if (errors.length > 0) return { refused: 'invalid', errors };

  const version = session.version + 1;
  const { kind, communityId, heldOn, place, participants, headcount, notes, at } = input;
  await tx.researchSession.update({ where: { id: session.id }, data: { kind, communityId, heldOn, place, participants, headcount, notes, version, updatedAt: at } });
  const before = new Map(session.problems.map((problem) => [problem.id, problem]));
  const kept = new Set(input.problems.map((problem) => problem.id));
  await tx.communityProblem.deleteMany({ where: { sessionId: session.id, id: { notIn: [...kept] } } });
  for (const row of problemRows(input)) {
    const old = before.get(row.id);
    if (!old) {
      await tx.communityProblem.create({ data: row });
      continue;
    }
    const retagged = !input.problems[row.position]!.keepTag && (old.violationKey !== row.violationKey || old.outsideCatalogue !== row.outsideCatalogue);
    await tx.communityProblem.update({
      where: { id: row.id },
      data: {
        description: row.description,
        communityId: row.communityId,
        position: row.position,
        ...(retagged ? { violationKey: row.violationKey, outsideCatalogue: row.outsideCatalogue, taggedById: row.taggedById, taggedAt: row.taggedAt } : {}),
      },
    });
  }
  return { version, before: { problems: session.problems.length, version: session.version } };
}

/** Tags one problem (or takes its tag off): a new version of its session, so a revision opened before it cannot undo it. */
export async function tagCommunityProblemRecord(
  tx: DbTransaction,
  input: { problemId: string; engagementId: string; violationKey: string | null; outsideCatalogue: boolean; actorId: string; at: Date },
): Promise<{ before: { violationKey: string | null; outsideCatalogue: boolean }; version: number } | ResearchSessionRefusal> {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`select id from community_problem where id = ${input.problemId}::uuid and engagement_id = ${input.engagementId}::uuid for update`;
  if (!locked) return { refused: 'not_found' };
  const refusal = await runningEngagement(tx, input.engagementId);
  if (refusal) return refusal;
  const problem = await tx.communityProblem.findUniqueOrThrow({ where: { id: input.problemId } });
  const tagged = input.violationKey !== null || input.outsideCatalogue;
  await tx.$queryRaw`select id from research_session where id = ${problem.sessionId}::uuid for update`;
  await tx.communityProblem.update({
    where: { id: problem.id },
    data: { violationKey: input.violationKey, outsideCatalogue: input.outsideCatalogue, taggedById: tagged ? input.actorId : null, taggedAt: tagged ? input.at : null },
  });
  const session = await tx.researchSession.update({ where: { id: problem.sessionId }, data: { version: { increment: 1 }, updatedAt: input.at }, select: { version: true } });
  return { before: { violationKey: problem.violationKey, outsideCatalogue: problem.outsideCatalogue }, version: session.version };
}

/**
 * Saves a community's profile (社区概况) as a new version: version 1 when `expectedVersion` is 0
 * (none yet), otherwise only on top of the version the lawyer edited.
 */
export async function saveCommunityProfileRecord(
  tx: DbTransaction,
  input: { engagementId: string; communityKey: string; details: CommunityProfileDetails; expectedVersion: number; actorId: string; at: Date },
): Promise<{ version: number; communityId: string; before: number } | ResearchSessionRefusal> {
  const community = await tx.community.findUnique({ where: { engagementId_key: { engagementId: input.engagementId, key: input.communityKey } }, select: { id: true } });
  if (!community) return { refused: 'not_found' };
  const refusal = await runningEngagement(tx, input.engagementId);
  if (refusal) return refusal;
  // The community row is the lock: two first saves cannot both create version 1.
  await tx.$queryRaw`select id from community where id = ${community.id}::uuid for update`;
  const current = (await tx.communityProfile.findUnique({ where: { communityId: community.id }, select: { version: true } }))?.version ?? 0;
  if (current !== input.expectedVersion) return { refused: 'version_conflict', currentVersion: current };
  const version = current + 1;
  const details = input.details as unknown as Prisma.InputJsonValue;
  await tx.communityProfile.upsert({
    where: { communityId: community.id },
    create: { communityId: community.id, engagementId: input.engagementId, details, version, updatedById: input.actorId, updatedAt: input.at },
    update: { details, version, updatedById: input.actorId, updatedAt: input.at },
  });
  return { version, communityId: community.id, before: current };
}

// ─── Finders ──────────────────────────────────────────────────────────────────────────────

const sessionInclude = {
  community: { select: { id: true, key: true, name: true } },
  createdBy: { select: { id: true, displayName: true } },
  problems: { orderBy: { position: 'asc' as const }, include: { taggedBy: { select: { id: true, displayName: true } } } },
};

export type ResearchSessionRecord = NonNullable<Awaited<ReturnType<typeof findResearchSessionRecord>>>;

export function listResearchSessionRecords(db: DbClient, engagementId: string) {
  return db.researchSession.findMany({ where: { engagementId }, include: sessionInclude, orderBy: [{ heldOn: 'asc' }, { createdAt: 'asc' }] });
}

export function findResearchSessionRecord(db: DbClient, engagementId: string, sessionId: string) {
  return db.researchSession.findFirst({ where: { id: sessionId, engagementId }, include: sessionInclude });
}

/** The engagement's community problems, with the session each was raised in, in the order raised. */
export function listCommunityProblemRecords(db: DbClient, engagementId: string) {
  return db.communityProblem.findMany({
    where: { engagementId },
    include: {
      community: { select: { id: true, key: true, name: true } },
      session: { select: { id: true, kind: true, heldOn: true } },
      taggedBy: { select: { id: true, displayName: true } },
    },
    orderBy: [{ session: { heldOn: 'asc' } }, { createdAt: 'asc' }, { position: 'asc' }],
  });
}

/** Every community of the engagement in plan order, with its profile when one is recorded. */
export function listCommunityProfileRecords(db: DbClient, engagementId: string) {
  return db.community.findMany({
    where: { engagementId },
    select: { id: true, key: true, name: true, profile: { include: { updatedBy: { select: { id: true, displayName: true } } } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
}

/** A community's recorded profile, or null. */
export async function findCommunityProfileDetails(db: DbClient, engagementId: string, communityKey: string): Promise<CommunityProfileDetails | null> {
  const row = await db.communityProfile.findFirst({ where: { engagementId, community: { key: communityKey } }, select: { details: true } });
  return row ? (row.details as unknown as CommunityProfileDetails) : null;
}
