import { randomUUID } from 'node:crypto';
import { type FastifyInstance } from 'fastify';
import { operations } from '@gongzhi/contracts';
import { findModelHousehold, fromDbDate, listModelHouseholds, type ModelHouseholdRecord } from '@gongzhi/db';
import { addCalendarDays, civilDateAt, type FieldError } from '@gongzhi/domain';
import { ApiError, notFound, reasonRequired } from '../lib/api-error';
import { runCommand } from '../lib/command-errors';
import { idempotentUuid, keyUsed } from '../lib/idempotency';
import { registerOperation } from '../lib/operation-route';
import { accessOf, callerOfRequest } from '../plugins/app/access';
import { iso, userRef, withdrawalOf } from '../views/common';

const view = (row: ModelHouseholdRecord) => ({
  id: row.id,
  community: row.community,
  household: row.household,
  deeds: row.deeds,
  recognizedOn: fromDbDate(row.recognizedOn),
  recognizedBy: row.recognizedBy,
  case: row.problemCase ? { id: row.problemCase.id, title: row.problemCase.title } : null,
  recordedBy: userRef(row.recordedBy),
  recordedAt: iso(row.recordedAt),
  withdrawn: withdrawalOf(row),
});

/** 德治典型: read here, written by the engagement's model-households workflow. */
export default async function modelHouseholdRoutes(fastify: FastifyInstance): Promise<void> {
  const { db, engagements } = fastify;
  const today = () => civilDateAt(fastify.clock.now());

  const viewOf = async (engagementId: string, id: string) => {
    const row = await findModelHousehold(db, engagementId, id);
    if (!row) throw notFound();
    return view(row);
  };

  registerOperation(fastify, operations.listModelHouseholds, async (request) => ({ items: (await listModelHouseholds(db, accessOf(request).engagementId)).map(view) }));

  registerOperation(fastify, operations.recordModelHousehold, async (request, reply) => {
    const { engagementId } = accessOf(request);
    const caller = callerOfRequest(request);
    const { idempotencyKey, ...body } = request.body;
    const record = { communityKey: body.community, household: body.household.trim(), deeds: body.deeds.trim(), recognizedOn: body.recognizedOn, recognizedBy: body.recognizedBy.trim(), caseId: body.case ?? null };
    const errors: FieldError[] = [];
    const required = { zh: '请填写', en: 'Required' };
    if (!record.household) errors.push({ field: 'household', code: 'required', message: { zh: `${required.zh}示范户`, en: 'Name the household' } });
    if (!record.deeds) errors.push({ field: 'deeds', code: 'required', message: { zh: `${required.zh}典型事迹`, en: 'Say what they did' } });
    if (!record.recognizedBy) errors.push({ field: 'recognizedBy', code: 'required', message: { zh: `${required.zh}认定单位`, en: 'Say who recognised them' } });
    if (record.recognizedOn > today()) errors.push({ field: 'recognizedOn', code: 'invalid_date', message: { zh: '认定日期不能晚于今天', en: 'The date cannot be in the future' } });
    if (record.recognizedOn < addCalendarDays(today(), -3653)) errors.push({ field: 'recognizedOn', code: 'invalid_date', message: { zh: '认定日期不能早于十年前', en: 'The date cannot be more than ten years ago' } });

    // With a key, a retried POST names the same record and writes nothing new (even once the engagement is cancelled).
    const id = idempotencyKey ? idempotentUuid(`model-household:${engagementId}`, caller.userId, idempotencyKey) : randomUUID();
    const same = (first: ModelHouseholdRecord) =>
      first.household === record.household &&
      first.deeds === record.deeds &&
      first.community.key === record.communityKey &&
      fromDbDate(first.recognizedOn) === record.recognizedOn &&
      first.recognizedBy === record.recognizedBy &&
      (first.problemCase?.id ?? null) === record.caseId;
    if (idempotencyKey) {
      const first = await findModelHousehold(db, engagementId, id);
      if (first) {
        if (!same(first)) throw keyUsed('德治典型', 'model household');
        reply.status(201);
        return view(first);
      }
    }
    const { status } = await db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { status: true } });
    if (status === 'cancelled') throw new ApiError('engagement_not_running');
    if (errors.length > 0) throw new ApiError('form_invalid', { domainFieldErrors: errors });
    // The record's id (from the caller's key) makes a retry one record; the Update itself gets a fresh id,
    // so a refusal is not replayed to a corrected resubmission.
    const { changed } = await runCommand(() => engagements.modelHouseholdCommand(engagementId, { kind: 'record', actorId: caller.userId, id, ...record }), { validation_failed: 'form_invalid' });
    const saved = await findModelHousehold(db, engagementId, id);
    if (!saved) throw notFound();
    // Two requests with one key at once: the one that did not write answers as a retry would.
    if (!changed && !same(saved)) throw keyUsed('德治典型', 'model household');
    reply.status(201);
    return view(saved);
  });

  registerOperation(fastify, operations.withdrawModelHousehold, async (request) => {
    const { engagementId } = accessOf(request);
    const { householdId } = request.params;
    const reason = request.body.reason.trim();
    if (!reason) throw reasonRequired();
    if (!(await findModelHousehold(db, engagementId, householdId))) throw notFound();
    await runCommand(() => engagements.modelHouseholdCommand(engagementId, { kind: 'withdraw', actorId: callerOfRequest(request).userId, id: householdId, reason }), { validation_failed: 'form_invalid' });
    return viewOf(engagementId, householdId);
  });
}
