import { type CaseEvent, type CaseForFigures, type CasePeriods, type CasePeriodSettings, type CaseReport, type CaseState, type FieldError, type Tier, TIERS } from '@gongzhi/domain';
import { type DbClient, type DbTransaction, lockEngagement } from './client';
import { fromDbDate, toDbDate } from './dates';
import { type Prisma } from './generated/prisma/client';

/**
 * Community problem cases (德治 → 自治 → 法治) and their history. Engagement state: written only by
 * each case's own workflow (`case-<id>`, through its activity, one transaction per event); the API
 * reads through the finders.
 */

export type CaseRefusal = { refused: 'not_found' } | { refused: 'engagement_not_running' } | { refused: 'invalid'; errors: FieldError[] };

const json = (value: unknown) => value as Prisma.InputJsonValue;

/**
 * Why a report does not fit the engagement: an unknown community or violation, a problem of another
 * engagement or one already a case. Checked by the API before it starts the workflow and again, under
 * the engagement's lock, by the workflow's first write.
 */
export async function caseReportProblems(db: DbClient | DbTransaction, engagementId: string, caseId: string, report: CaseReport, violationKeys: Set<string>): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if ((await db.community.count({ where: { engagementId, key: report.communityKey } })) === 0) {
    errors.push({ field: 'community', code: 'invalid_option', message: { zh: '本项目中没有该社区', en: 'The engagement has no such community' } });
  }
  if (report.violationKey !== null && !violationKeys.has(report.violationKey)) {
    errors.push({ field: 'violation', code: 'invalid_option', message: { zh: '本项目知识库中没有该违法行为', en: 'The engagement’s knowledge base has no such violation' } });
  }
  if (report.sourceProblemId !== null) {
    const problem = await db.communityProblem.findFirst({ where: { id: report.sourceProblemId, engagementId }, select: { problemCase: { select: { id: true } } } });
    if (!problem) errors.push({ field: 'problem', code: 'invalid_option', message: { zh: '本项目调研中没有该问题', en: 'The engagement’s research has no such problem' } });
    else if (problem.problemCase && problem.problemCase.id !== caseId) {
      errors.push({ field: 'problem', code: 'rule', message: { zh: '该问题已立案，请在案件列表中查看', en: 'This problem is already a case' } });
    }
  }
  return errors;
}

/** The case's row as its state says, and its first event; a retried attempt finds both written and writes nothing. */
export async function openCaseRecord(
  tx: DbTransaction,
  input: { caseId: string; engagementId: string; report: CaseReport; state: CaseState; periods: CasePeriods; violationKeys: Set<string>; at: Date },
): Promise<{ created: boolean } | CaseRefusal> {
  const { caseId, engagementId, report, state, at } = input;
  // For update: two reports of one research problem at once are taken one after the other, so the
  // second is told the problem is already a case (not failed by the unique index).
  const status = await lockEngagement(tx, engagementId);
  if (status === null) return { refused: 'not_found' };
  if (await tx.problemCase.count({ where: { id: caseId } })) return { created: false };
  // Case work goes on after the engagement has delivered (completed); a cancelled one takes no more.
  if (status === 'cancelled') return { refused: 'engagement_not_running' };
  const errors = await caseReportProblems(tx, engagementId, caseId, report, input.violationKeys);
  if (errors.length > 0) return { refused: 'invalid', errors };
  const community = await tx.community.findUniqueOrThrow({ where: { engagementId_key: { engagementId, key: report.communityKey } }, select: { id: true } });
  await tx.problemCase.create({
    data: {
      id: caseId,
      engagementId,
      communityId: community.id,
      title: report.title,
      description: report.description,
      place: report.place,
      tier: state.tier,
      step: state.step,
      stepStartedOn: toDbDate(state.stepStartedOn),
      dueOn: toDbDate(state.dueOn),
      supervision: state.supervision,
      reportedById: report.reporterId,
      reportedOn: toDbDate(report.reportedOn),
      violationKey: report.violationKey,
      sourceProblemId: report.sourceProblemId,
      periods: json(input.periods),
      version: 1,
      createdAt: at,
      updatedAt: at,
    },
  });
  await tx.caseEvent.create({
    data: {
      caseId,
      seq: 1,
      kind: 'reported',
      occurredOn: toDbDate(report.reportedOn),
      actorId: report.reporterId,
      tier: state.tier,
      step: state.step,
      details: json({ title: report.title, place: report.place, violationKey: report.violationKey, sourceProblemId: report.sourceProblemId }),
      recordedAt: at,
    },
  });
  return { created: true };
}

/** The engagement's department of that name, made on first use (the catalogue names the enforcer; people may name another). */
async function departmentNamed(tx: DbTransaction, engagementId: string, name: string): Promise<string> {
  // A department the plan named (under its own key) is the same department.
  const planned = await tx.department.findFirst({ where: { engagementId, name }, select: { id: true }, orderBy: { createdAt: 'asc' } });
  if (planned) return planned.id;
  const row = await tx.department.upsert({ where: { engagementId_key: { engagementId, key: name } }, create: { engagementId, key: name, name }, update: {}, select: { id: true } });
  return row.id;
}

/**
 * Event number `seq` and the state after it. Written once: a retried attempt finds the event and
 * writes nothing; the row only moves forward (a late write of an older event leaves it as it is).
 */
export async function recordCaseEventRecord(
  tx: DbTransaction,
  input: { caseId: string; engagementId: string; seq: number; event: CaseEvent; state: CaseState; at: Date },
): Promise<{ written: boolean }> {
  const { caseId, engagementId, seq, event, state, at } = input;
  if (await tx.caseEvent.count({ where: { caseId, seq } })) return { written: false };
  const eventDepartment = typeof event.details.department === 'string' ? event.details.department : null;
  const departmentId = eventDepartment ? await departmentNamed(tx, engagementId, eventDepartment) : null;
  const caseDepartmentId = state.department ? (state.department === eventDepartment ? departmentId : await departmentNamed(tx, engagementId, state.department)) : null;
  await tx.caseEvent.create({
    data: { caseId, seq, kind: event.kind, occurredOn: toDbDate(event.on), actorId: event.actorId, tier: state.tier, step: state.step, departmentId, details: json(event.details), recordedAt: at },
  });
  const closing = event.kind === 'verified';
  await tx.problemCase.updateMany({
    where: { id: caseId, version: { lt: seq } },
    data: {
      tier: state.tier,
      status: state.status,
      step: state.step,
      stepStartedOn: toDbDate(state.stepStartedOn),
      dueOn: toDbDate(state.dueOn),
      supervision: state.supervision,
      referredDepartmentId: caseDepartmentId,
      resolvedTier: state.resolution?.tier ?? null,
      resolution: state.resolution?.summary ?? null,
      ...(closing ? { resolvedAt: at, verifiedById: event.actorId } : {}),
      version: seq,
      updatedAt: at,
    },
  });
  return { written: true };
}

const caseListSelect = {
  id: true,
  title: true,
  place: true,
  tier: true,
  status: true,
  step: true,
  stepStartedOn: true,
  dueOn: true,
  supervision: true,
  reportedOn: true,
  violationKey: true,
  resolvedTier: true,
  resolvedAt: true,
  version: true,
  updatedAt: true,
  community: { select: { key: true, name: true } },
  referredDepartment: { select: { name: true } },
  reportedBy: { select: { id: true, displayName: true } },
} as const;

export function listCaseRecords(db: DbClient, engagementId: string, filter: { status?: 'open' | 'resolved' | 'withdrawn'; communityKey?: string; supervision?: string } = {}) {
  return db.problemCase.findMany({
    where: {
      engagementId,
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.communityKey ? { community: { key: filter.communityKey } } : {}),
      ...(filter.supervision ? { supervision: filter.supervision } : {}),
    },
    select: caseListSelect,
    orderBy: [{ reportedOn: 'desc' }, { id: 'desc' }],
    take: 500,
  });
}
export type CaseListRecord = Awaited<ReturnType<typeof listCaseRecords>>[number];

export function findCaseRecord(db: DbClient, engagementId: string, caseId: string) {
  return db.problemCase.findFirst({
    where: { id: caseId, engagementId },
    select: {
      ...caseListSelect,
      description: true,
      resolution: true,
      periods: true,
      sourceProblemId: true,
      verifiedBy: { select: { id: true, displayName: true } },
      events: {
        orderBy: { seq: 'asc' },
        select: { seq: true, kind: true, occurredOn: true, tier: true, step: true, details: true, recordedAt: true, actor: { select: { id: true, displayName: true } }, department: { select: { name: true } } },
      },
    },
  });
}
export type CaseRecord = NonNullable<Awaited<ReturnType<typeof findCaseRecord>>>;

/** The `generated_document` key of a case's 倡议书: one per case, drafted when it opens at 德治. */
export const caseLetterKey = (caseId: string) => `case-letter:${caseId}`;

/** A case's drafted 倡议书, once stored. */
export function findCaseLetter(db: DbClient, engagementId: string, caseId: string) {
  return db.generatedDocument.findFirst({ where: { key: caseLetterKey(caseId), engagementId, kind: 'case-letter', status: 'done' } });
}

/** Every event of the engagement's cases that were ever referred, oldest first: what the department scorecards count. */
export function listDepartmentCaseEvents(db: DbClient, engagementId: string) {
  return db.caseEvent.findMany({
    where: { problemCase: { engagementId, events: { some: { departmentId: { not: null } } } } },
    select: { caseId: true, seq: true, kind: true, occurredOn: true, step: true, details: true, department: { select: { name: true } } },
    orderBy: [{ caseId: 'asc' }, { seq: 'asc' }],
  });
}

/** The engagement's case periods as set, or null while it runs on the defaults. */
export function findCaseSettings(db: DbClient, engagementId: string) {
  return db.caseSettings.findUnique({ where: { engagementId }, select: { periods: true, version: true, updatedAt: true, updatedBy: { select: { id: true, displayName: true } } } });
}

/**
 * The engagement's case periods as a new version, on the version the person edited (0: none yet);
 * refused on a newer one. Cases already reported keep the periods they were reported with.
 */
export async function saveCaseSettingsRecord(
  tx: DbTransaction,
  input: { engagementId: string; periods: CasePeriodSettings; expectedVersion: number; actorId: string; at: Date },
): Promise<{ version: number; before: CasePeriodSettings | null } | { refused: 'not_found' } | { refused: 'engagement_not_running' } | { refused: 'version_conflict'; currentVersion: number }> {
  const status = await lockEngagement(tx, input.engagementId);
  if (status === null) return { refused: 'not_found' };
  if (status === 'cancelled') return { refused: 'engagement_not_running' };
  const current = await tx.caseSettings.findUnique({ where: { engagementId: input.engagementId }, select: { periods: true, version: true } });
  const currentVersion = current?.version ?? 0;
  if (currentVersion !== input.expectedVersion) return { refused: 'version_conflict', currentVersion };
  const version = currentVersion + 1;
  const data = { periods: json(input.periods), version, updatedById: input.actorId, updatedAt: input.at };
  await tx.caseSettings.upsert({ where: { engagementId: input.engagementId }, create: { engagementId: input.engagementId, ...data }, update: data });
  return { version, before: (current?.periods as CasePeriodSettings | undefined) ?? null };
}

/** Every case of the engagement as the figures count it: the highest tier its history reached and the day its resolution was verified. */
export async function caseFigureInputs(db: DbClient, engagementId: string): Promise<CaseForFigures[]> {
  const rows = await db.problemCase.findMany({
    where: { engagementId },
    select: { tier: true, status: true, violationKey: true, reportedOn: true, resolvedTier: true, community: { select: { name: true } }, events: { select: { tier: true, kind: true, occurredOn: true }, orderBy: { seq: 'asc' } } },
  });
  return rows.map((row) => {
    const tiers = [row.tier, ...row.events.map((event) => event.tier)].map((tier) => TIERS.indexOf(tier as Tier));
    const verified = row.events.filter((event) => event.kind === 'verified').at(-1);
    const started = (row.events[0]?.tier ?? row.tier) as Tier;
    return {
      community: row.community.name,
      violationKey: row.violationKey,
      reportedOn: fromDbDate(row.reportedOn),
      tierStarted: started,
      tierReached: TIERS[Math.max(0, ...tiers)]!,
      status: row.status,
      resolvedTier: row.status === 'resolved' ? ((row.resolvedTier as Tier | null) ?? null) : null,
      resolvedOn: row.status === 'resolved' && verified ? fromDbDate(verified.occurredOn) : null,
    };
  });
}
