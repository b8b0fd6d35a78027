import { randomUUID } from 'node:crypto';
import { type FastifyInstance } from 'fastify';
import { operations } from '@gongzhi/contracts';
import { caseFigureInputs, type CaseListRecord, type CaseRecord, caseReportProblems, engagementViolationKeys, findCaseLetter, findCaseRecord, findCaseSettings, fromDbDate, listCaseRecords, listDepartmentCaseEvents } from '@gongzhi/db';
import {
  addCalendarDays,
  businessDaysLeft,
  type CaseActionType,
  caseActionsAt,
  caseFigures,
  type CaseEventKind,
  type CasePeriods,
  type CasePeriodSettings,
  type CaseReport,
  type CaseStatus,
  type CaseStep,
  chinaHolidayCalendar,
  civilDateAt,
  createBusinessCalendar,
  departmentScorecards,
  type FieldError,
  resolveCasePeriods,
  type SupervisionLevel,
  type Tier,
  voidedCards,
} from '@gongzhi/domain';
import { ApiError, forbidden, notFound } from '../lib/api-error';
import { runCommand } from '../lib/command-errors';
import { idempotentUuid, keyUsed, requestHashOf } from '../lib/idempotency';
import { sendStoredFile } from '../lib/files';
import { registerOperation } from '../lib/operation-route';
import { accessOf, callerOfRequest } from '../plugins/app/access';
import { type Violations, violationRef, violationsOf } from '../views/violation-refs';
import { iso, userRef } from '../views/common';

type Request = Parameters<typeof accessOf>[0];

const calendar = createBusinessCalendar(chinaHolidayCalendar());
const detailValue = (value: unknown): string | number | boolean | null =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null ? value : JSON.stringify(value);

/**
 * Community problem cases (德治 → 自治 → 法治). Reads come from the database; a report starts the
 * case's own workflow and every action is a command to it. Work on cases goes on after the engagement
 * has delivered its documents (a completed engagement); only a cancelled one takes no more.
 */
export default async function caseRoutes(fastify: FastifyInstance): Promise<void> {
  const { db, engagements } = fastify;
  const today = () => civilDateAt(fastify.clock.now());


  const engagementStatus = async (engagementId: string) => (await db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { status: true } })).status;

  const summaryOf = (row: CaseListRecord, engagementId: string, violations: Violations) => ({
    id: row.id,
    engagementId,
    title: row.title,
    place: row.place,
    community: { key: row.community.key, name: row.community.name },
    violation: violationRef(violations, row.violationKey),
    tier: row.tier as Tier,
    step: row.step as CaseStep,
    status: row.status as CaseStatus,
    supervision: row.supervision as SupervisionLevel,
    stepStartedOn: fromDbDate(row.stepStartedOn),
    dueOn: fromDbDate(row.dueOn),
    businessDaysLeft: businessDaysLeft({ status: row.status, dueOn: fromDbDate(row.dueOn) }, fastify.clock.now(), calendar),
    department: row.referredDepartment?.name ?? null,
    reportedOn: fromDbDate(row.reportedOn),
    reportedBy: userRef(row.reportedBy),
    resolvedTier: (row.resolvedTier as Tier | null) ?? null,
    version: row.version,
    updatedAt: iso(row.updatedAt),
  });

  /** What the caller may do now: the step's actions; the client's contact verifies only, the reporter never verifies. */
  const actionsFor = async (request: Request, row: CaseRecord): Promise<CaseActionType[]> => {
    const { engagementId, teamRole } = accessOf(request);
    const caller = callerOfRequest(request);
    if ((await engagementStatus(engagementId)) === 'cancelled') return [];
    const actions = caseActionsAt({ status: row.status as CaseStatus, tier: row.tier as Tier, step: row.step as CaseStep });
    return actions.filter((action) => (teamRole === 'client' ? action === 'verify' : true) && !(action === 'verify' && row.reportedBy.id === caller.userId));
  };

  const detailOf = async (request: Request, caseId: string) => {
    const { engagementId } = accessOf(request);
    const [row, violations, letter] = await Promise.all([findCaseRecord(db, engagementId, caseId), violationsOf(db, engagementId), findCaseLetter(db, engagementId, caseId)]);
    if (!row) throw notFound();
    const voided = voidedCards(row.events.map((event) => ({ seq: event.seq, kind: event.kind, on: fromDbDate(event.occurredOn), step: event.step, details: (event.details ?? {}) as Record<string, unknown> })));
    return {
      ...summaryOf(row, engagementId, violations),
      description: row.description,
      resolution: row.resolution,
      verifiedBy: row.verifiedBy ? userRef(row.verifiedBy) : null,
      sourceProblemId: row.sourceProblemId,
      letter: letter?.fileName ? { documentId: letter.id, fileName: letter.fileName } : null,
      periods: row.periods as unknown as CasePeriods,
      events: row.events.map((event) => ({
        seq: event.seq,
        kind: event.kind as CaseEventKind,
        on: fromDbDate(event.occurredOn),
        tier: event.tier as Tier,
        step: event.step as CaseStep,
        actor: event.actor ? userRef(event.actor) : null,
        department: event.department?.name ?? null,
        // The caller's idempotency key and hash stay on the server.
        details: Object.fromEntries(
          Object.entries((event.details ?? {}) as Record<string, unknown>)
            .filter(([key]) => key !== 'requestKey' && key !== 'requestHash')
            .map(([key, value]) => [key, detailValue(value)]),
        ),
        voided: voided.has(event.seq),
        recordedAt: iso(event.recordedAt),
      })),
      can: { actions: await actionsFor(request, row) },
    };
  };

  registerOperation(fastify, operations.listCases, async (request) => {
    const { engagementId } = accessOf(request);
    const { status, community, supervision } = request.query;
    const [rows, violations] = await Promise.all([
      listCaseRecords(db, engagementId, { ...(status ? { status } : {}), ...(community ? { communityKey: community } : {}), ...(supervision ? { supervision } : {}) }),
      violationsOf(db, engagementId),
    ]);
    return { items: rows.map((row) => summaryOf(row, engagementId, violations)) };
  });

  registerOperation(fastify, operations.getCase, async (request) => detailOf(request, request.params.caseId));

  registerOperation(fastify, operations.reportCase, async (request, reply) => {
    const { engagementId, teamRole } = accessOf(request);
    const caller = callerOfRequest(request);
    const { idempotencyKey, ...body } = request.body;
    if ((await engagementStatus(engagementId)) === 'cancelled') throw new ApiError('engagement_not_running');
    if (body.tier !== undefined && teamRole === 'client') throw forbidden();

    const errors: FieldError[] = [];
    const problem = body.problem
      ? await db.communityProblem.findFirst({ where: { id: body.problem, engagementId }, select: { violationKey: true, community: { select: { key: true } } } })
      : null;
    const communityKey = body.community ?? problem?.community?.key;
    if (!communityKey) errors.push({ field: 'community', code: 'required', message: { zh: '请选择问题所在社区', en: 'Choose the community' } });
    const reportedOn = body.reportedOn ?? today();
    if (reportedOn > today()) errors.push({ field: 'reportedOn', code: 'invalid_date', message: { zh: '报告日期不能晚于今天', en: 'The report date cannot be in the future' } });
    if (reportedOn < addCalendarDays(today(), -1096)) errors.push({ field: 'reportedOn', code: 'invalid_date', message: { zh: '发现日期不能早于三年前', en: 'The report date cannot be more than three years ago' } });
    const report: CaseReport = {
      communityKey: communityKey ?? '',
      title: body.title.trim(),
      description: body.description.trim(),
      place: body.place.trim(),
      violationKey: body.violation !== undefined ? body.violation : (problem?.violationKey ?? null),
      sourceProblemId: body.problem,
      reportedOn,
      reporterId: caller.userId,
      ...(body.tier ? { tier: body.tier } : {}),
    };
    if (!report.title) errors.push({ field: 'title', code: 'required', message: { zh: '请填写问题名称', en: 'Give the problem a title' } });
    if (!report.place) errors.push({ field: 'place', code: 'required', message: { zh: '请填写问题发生地点', en: 'Say where the problem is' } });

    // With a key, a retried POST names the same case and starts nothing new.
    const caseId = idempotencyKey ? idempotentUuid(`report-case:${engagementId}`, caller.userId, idempotencyKey) : randomUUID();
    if (idempotencyKey) {
      const first = await db.problemCase.findFirst({ where: { id: caseId, engagementId }, select: { title: true, description: true, place: true, community: { select: { key: true } } } });
      if (first) {
        if (first.title !== report.title || first.description !== report.description || first.place !== report.place || first.community.key !== report.communityKey) throw keyUsed('案件', 'case');
        reply.status(201);
        return detailOf(request, caseId);
      }
    }
    if (communityKey) errors.push(...(await caseReportProblems(db, engagementId, caseId, report, await engagementViolationKeys(db, engagementId))));
    if (errors.length > 0) throw new ApiError('form_invalid', { domainFieldErrors: errors });

    // The engagement's periods in force now, for its violation type: the case keeps them.
    const settings = await findCaseSettings(db, engagementId);
    const periods = resolveCasePeriods((settings?.periods as CasePeriodSettings | undefined) ?? null, report.violationKey);
    await runCommand(() => engagements.reportCase({ caseId, engagementId, report, periods }), { validation_failed: 'form_invalid' });
    reply.status(201);
    return detailOf(request, caseId);
  });

  registerOperation(fastify, operations.actOnCase, async (request) => {
    const { engagementId, teamRole } = accessOf(request);
    const { caseId } = request.params;
    const { idempotencyKey, ...action } = request.body;
    const row = await db.problemCase.findFirst({ where: { id: caseId, engagementId }, select: { id: true } });
    if (!row) throw notFound();
    // A cancelled engagement's cases can only be withdrawn.
    if ((await engagementStatus(engagementId)) === 'cancelled' && action.type !== 'withdraw') throw new ApiError('engagement_not_running');
    // The street office's contact checks the result on site (核查); the rest is the firm's work.
    if (teamRole === 'client' && action.type !== 'verify') throw forbidden();
    const requestHash = idempotencyKey ? requestHashOf(action) : undefined;
    const command = { ...action, actorId: callerOfRequest(request).userId, ...(idempotencyKey ? { requestKey: idempotencyKey, requestHash } : {}) } as Parameters<typeof engagements.caseCommand>[1];
    try {
      await runCommand(() => engagements.caseCommand(caseId, command, idempotencyKey), { validation_failed: 'form_invalid', unknown_case: 'not_found' });
    } catch (error) {
      // A retry of the action that closed the case finds its run ended: its event answers for it.
      if (!(idempotencyKey && error instanceof ApiError && error.code === 'case_closed')) throw error;
      const first = await db.caseEvent.findFirst({ where: { caseId, details: { path: ['requestKey'], equals: idempotencyKey } }, select: { details: true } });
      if (!first) throw error;
      if ((first.details as { requestHash?: string }).requestHash !== requestHash) throw new ApiError('conflict');
    }
    return detailOf(request, caseId);
  });

  /** A case's drafted document, checked against its SHA-256 and audited on the case; 404 when there is none. */
  const sendCaseDocument = (
    request: Request,
    reply: Parameters<typeof sendStoredFile>[0]['reply'],
    caseId: string,
    document: { id: string; storageKey: string | null; sha256: string | null; fileName: string | null; mimeType: string | null } | null,
  ) => {
    const { storageKey, sha256, fileName, mimeType } = document ?? {};
    if (!document || !storageKey || !sha256 || !fileName || !mimeType) throw notFound();
    return sendStoredFile(
      { db, files: fastify.files, request, reply },
      { storageKey, sha256, fileName, mimeType },
      { actorId: callerOfRequest(request).userId, engagementId: accessOf(request).engagementId, entityType: 'problem_case', entityId: caseId, what: { documentId: document.id, fileName } },
    );
  };

  registerOperation(fastify, operations.downloadCaseReferralLetter, async (request, reply) => {
    const { engagementId } = accessOf(request);
    const { caseId, documentId } = request.params;
    // The letter a `referred` event of this case names, and nothing else of the engagement's.
    const event = await db.caseEvent.findFirst({ where: { caseId, kind: 'referred', problemCase: { engagementId }, details: { path: ['packetId'], equals: documentId } }, select: { seq: true } });
    const document = event ? await db.generatedDocument.findFirst({ where: { id: documentId, engagementId, kind: 'case-referral', status: 'done' } }) : null;
    return sendCaseDocument(request, reply, caseId, document);
  });

  registerOperation(fastify, operations.downloadCaseLetter, async (request, reply) => sendCaseDocument(request, reply, request.params.caseId, await findCaseLetter(db, accessOf(request).engagementId, request.params.caseId)));

  const settingsOf = async (request: Request) => {
    const { engagementId, teamRole } = accessOf(request);
    const [settings, status] = await Promise.all([findCaseSettings(db, engagementId), engagementStatus(engagementId)]);
    const own = (settings?.periods as CasePeriodSettings | undefined) ?? {};
    const admin = teamRole === null && callerOfRequest(request).roles.includes('admin');
    return {
      engagementId,
      periods: resolveCasePeriods(own, null),
      defaults: own.defaults ?? {},
      byViolation: own.byViolation ?? {},
      version: settings?.version ?? 0,
      updatedBy: settings ? userRef(settings.updatedBy) : null,
      updatedAt: settings ? iso(settings.updatedAt) : null,
      can: { edit: (teamRole === 'pm' || admin) && status !== 'cancelled' },
    };
  };

  registerOperation(fastify, operations.getCaseSettings, async (request) => settingsOf(request));

  registerOperation(fastify, operations.saveCaseSettings, async (request) => {
    const { engagementId } = accessOf(request);
    if ((await engagementStatus(engagementId)) === 'cancelled') throw new ApiError('engagement_not_running');
    const { expectedVersion, defaults, byViolation } = request.body;
    await runCommand(() => engagements.saveCaseSettings(engagementId, { actorId: callerOfRequest(request).userId, periods: { defaults, byViolation } as CasePeriodSettings, expectedVersion }), { validation_failed: 'form_invalid' });
    return settingsOf(request);
  });

  registerOperation(fastify, operations.getCaseFigures, async (request) => {
    const { engagementId } = accessOf(request);
    const [cases, communities, violations] = await Promise.all([
      caseFigureInputs(db, engagementId),
      db.community.findMany({ where: { engagementId }, select: { name: true }, orderBy: { createdAt: 'asc' } }),
      violationsOf(db, engagementId),
    ]);
    const figures = caseFigures(cases, communities.map((community) => community.name));
    return {
      overall: figures.overall,
      byCommunity: figures.byCommunity,
      byViolation: figures.byViolation.map(({ violationKey, ...group }) => ({ violation: violationRef(violations, violationKey), ...group })),
    };
  });

  registerOperation(fastify, operations.listDepartmentScorecards, async (request) => {
    const { engagementId } = accessOf(request);
    const [events, open] = await Promise.all([
      listDepartmentCaseEvents(db, engagementId),
      db.problemCase.findMany({ where: { engagementId, status: 'open', referredDepartmentId: { not: null } }, select: { step: true, supervision: true, referredDepartment: { select: { name: true } } } }),
    ]);
    // Per case, the cards its own later records void (history entered late).
    const shaped = events.map((event) => ({ caseId: event.caseId, seq: event.seq, kind: event.kind, on: fromDbDate(event.occurredOn), step: event.step, department: event.department?.name ?? null, details: (event.details ?? {}) as Record<string, unknown> }));
    const byCase = new Map<string, typeof shaped>();
    for (const event of shaped) {
      const events = byCase.get(event.caseId);
      if (events) events.push(event);
      else byCase.set(event.caseId, [event]);
    }
    const voided = new Set([...byCase].flatMap(([caseId, events]) => [...voidedCards(events)].map((seq) => `${caseId}:${seq}`)));
    return {
      items: departmentScorecards(
        shaped.map((event) => ({ ...event, voided: voided.has(`${event.caseId}:${event.seq}`) })),
        open.map((row) => ({ department: row.referredDepartment!.name, step: row.step, supervision: row.supervision })),
      ),
    };
  });
}
