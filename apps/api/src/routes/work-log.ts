import { randomUUID } from 'node:crypto';
import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { operations } from '@gongzhi/contracts';
import { findWorkLogEntry, fromDbDate, groupWorkLog, listWorkLog, UNKNOWN_COMMUNITY, type WorkLogRecord, isEngagementRunning } from '@gongzhi/db';
import { addCalendarDays, civilDateAt, type FieldError, OFFICE_MIME_TYPES, WORK_LOG_LIMITS, type WorkLogActivity, workLogTotals } from '@gongzhi/domain';
import { isAdmin } from '../lib/access-policy';
import { ApiError, forbidden, notFound, reasonRequired } from '../lib/api-error';
import { runCommand } from '../lib/command-errors';
import { sendStoredFile } from '../lib/files';
import { idempotentUuid, keyUsed } from '../lib/idempotency';
import { registerOperation } from '../lib/operation-route';
import { accessOf, callerOfRequest } from '../plugins/app/access';
import { iso, userRef, withdrawalOf } from '../views/common';

/** Who may change an entry: its author and the engagement's PM; withdrawing, an administrator too. */
const mayChange = (request: FastifyRequest, entry: { loggedBy: { id: string } }, what: 'share' | 'withdraw') => {
  const caller = callerOfRequest(request);
  const { teamRole } = accessOf(request);
  return entry.loggedBy.id === caller.userId || teamRole === 'pm' || (what === 'withdraw' && isAdmin(caller));
};

/** An entry as the caller sees it; `running`: the engagement is not cancelled (nothing is shared from a cancelled one). */
const view = (request: FastifyRequest, row: WorkLogRecord, running: boolean) => {
  const standing = row.withdrawnAt === null;
  return {
    id: row.id,
    engagementId: row.engagementId,
    community: row.community,
    workedOn: fromDbDate(row.workedOn),
    minutes: row.minutes,
    activity: row.activity as WorkLogActivity,
    note: row.note,
    sharedWithClient: row.clientVisible,
    loggedBy: userRef(row.loggedBy),
    recordedAt: iso(row.recordedAt),
    withdrawn: withdrawalOf(row),
    can: { withdraw: standing && mayChange(request, row, 'withdraw'), share: standing && running && accessOf(request).teamRole !== 'client' && mayChange(request, row, 'share') },
  };
};

/** 工作日志: read here, written by the engagement's work-log workflow. */
export default async function workLogRoutes(fastify: FastifyInstance): Promise<void> {
  const { db, engagements, files } = fastify;
  const today = () => civilDateAt(fastify.clock.now());

  const entryOf = async (engagementId: string, id: string) => {
    const row = await findWorkLogEntry(db, engagementId, id);
    if (!row) throw notFound();
    return row;
  };
  /** A retried log names the entry its key made: the same work (what never changes once logged), or the key is spent. */
  const sameWork = (first: WorkLogRecord, entry: { workedOn: string; minutes: number; activity: string; note: string; communityKey: string | null }) =>
    fromDbDate(first.workedOn) === entry.workedOn && first.minutes === entry.minutes && first.activity === entry.activity && first.note === entry.note && (first.community?.key ?? null) === entry.communityKey;

  registerOperation(fastify, operations.listWorkLog, async (request) => {
    const { engagementId, teamRole } = accessOf(request);
    const filter = { ...(request.query.community ? { communityKey: request.query.community } : {}), ...(request.query.loggedBy ? { loggedById: request.query.loggedBy } : {}) };
    const sharedOnly = teamRole === 'client' && !isAdmin(callerOfRequest(request));
    const [rows, groups, running] = await Promise.all([listWorkLog(db, engagementId, { ...filter, sharedOnly }), groupWorkLog(db, engagementId, filter), isEngagementRunning(db, engagementId)]);
    const canLog = running && (teamRole === 'pm' || teamRole === 'lawyer' || teamRole === 'partner');
    return { items: rows.map((row) => view(request, row, running)), totals: workLogTotals(groups), can: { log: canLog } };
  });

  registerOperation(fastify, operations.logWork, async (request, reply) => {
    const { engagementId } = accessOf(request);
    const caller = callerOfRequest(request);
    const { idempotencyKey, ...body } = request.body;
    const entry = { communityKey: body.community ?? null, workedOn: body.workedOn, minutes: body.minutes, activity: body.activity, note: body.note.trim(), clientVisible: body.sharedWithClient ?? false };
    const errors: FieldError[] = [];
    if (!entry.note) errors.push({ field: 'note', code: 'required', message: { zh: '请写明做了什么', en: 'Say what you did' } });
    if (entry.workedOn > today()) errors.push({ field: 'workedOn', code: 'invalid_date', message: { zh: '日期不能晚于今天', en: 'The date cannot be in the future' } });
    if (entry.workedOn < addCalendarDays(today(), -WORK_LOG_LIMITS.backdateDays)) {
      errors.push({ field: 'workedOn', code: 'invalid_date', message: { zh: `只能补记${WORK_LOG_LIMITS.backdateDays}天内的工作`, en: `Work can be logged up to ${WORK_LOG_LIMITS.backdateDays} days back` } });
    }

    // With a key, a retried POST names the same entry and writes nothing new (even once the engagement is cancelled).
    const id = idempotencyKey ? idempotentUuid(`work-log:${engagementId}`, caller.userId, idempotencyKey) : randomUUID();
    const running = await isEngagementRunning(db, engagementId);
    if (idempotencyKey) {
      const first = await findWorkLogEntry(db, engagementId, id);
      if (first) {
        if (!sameWork(first, entry)) throw keyUsed('工作日志', 'work-log entry');
        reply.status(201);
        return view(request, first, running);
      }
    }
    if (!running) throw new ApiError('engagement_not_running');
    if (errors.length > 0) throw new ApiError('form_invalid', { domainFieldErrors: errors });
    // The entry's id (from the caller's key) makes a retry one entry; the Update gets a fresh id, so a refusal is not replayed to a corrected resubmission.
    const { changed } = await runCommand(() => engagements.workLogCommand(engagementId, { kind: 'log', actorId: caller.userId, id, ...entry }), { validation_failed: 'form_invalid' });
    const saved = await entryOf(engagementId, id);
    // Two requests with one key at once: the one that did not write answers as a retry would.
    if (!changed && !sameWork(saved, entry)) throw keyUsed('工作日志', 'work-log entry');
    reply.status(201);
    return view(request, saved, running);
  });

  registerOperation(fastify, operations.shareWorkLogEntry, async (request) => {
    const { engagementId } = accessOf(request);
    const { entryId } = request.params;
    const entry = await entryOf(engagementId, entryId);
    if (!mayChange(request, entry, 'share')) throw forbidden();
    if (!(await isEngagementRunning(db, engagementId))) throw new ApiError('engagement_not_running');
    await runCommand(() => engagements.workLogCommand(engagementId, { kind: 'share', actorId: callerOfRequest(request).userId, id: entryId, clientVisible: request.body.sharedWithClient }));
    return view(request, await entryOf(engagementId, entryId), true);
  });

  registerOperation(fastify, operations.withdrawWorkLogEntry, async (request) => {
    const { engagementId } = accessOf(request);
    const { entryId } = request.params;
    const reason = request.body.reason.trim();
    const entry = await entryOf(engagementId, entryId);
    if (!mayChange(request, entry, 'withdraw')) throw forbidden();
    if (!reason) throw reasonRequired();
    await runCommand(() => engagements.workLogCommand(engagementId, { kind: 'withdraw', actorId: callerOfRequest(request).userId, id: entryId, reason }), { validation_failed: 'form_invalid' });
    return view(request, await entryOf(engagementId, entryId), await isEngagementRunning(db, engagementId));
  });

  registerOperation(fastify, operations.downloadWorkLedger, async (request, reply) => {
    const { engagementId } = accessOf(request);
    const communityKey = request.query.community ?? null;
    if (communityKey !== null && !(await db.community.findFirst({ where: { engagementId, key: communityKey }, select: { id: true } }))) {
      throw new ApiError('form_invalid', { domainFieldErrors: [UNKNOWN_COMMUNITY] });
    }
    // Drafted on a worker; the API only streams the stored file.
    const { file } = await runCommand(() => engagements.workLogExport(engagementId, communityKey));
    return sendStoredFile({ db, files, request, reply }, { ...file, mimeType: OFFICE_MIME_TYPES.xlsx }, { actorId: callerOfRequest(request).userId, engagementId, entityType: 'engagement', entityId: engagementId, what: { export: 'work-ledger.xlsx' } });
  });
}
