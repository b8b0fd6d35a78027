import { randomUUID } from 'node:crypto';
import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { operations } from '@gongzhi/contracts';
import { checkConsultationOpening, type ConsultationRecord, consultationStatusOf, findConsultation, fromDbDate, listConsultations, searchConsultations, isEngagementRunning } from '@gongzhi/db';
import { civilDateAt, CONSULTATION_LIMITS, type FieldError, isConsultationOverdue, latestConsultationDue } from '@gongzhi/domain';
import { isAdmin } from '../lib/access-policy';
import { ApiError, forbidden, notFound, reasonRequired } from '../lib/api-error';
import { runCommand } from '../lib/command-errors';
import { idempotentUuid, keyUsed } from '../lib/idempotency';
import { registerOperation } from '../lib/operation-route';
import { accessOf, callerOfRequest } from '../plugins/app/access';
import { iso, pageOf, skipOf, userRef, withdrawalOf } from '../views/common';

/** What the caller may do with a consultation while it is open: see the contract's `can`. */
const abilities = (request: FastifyRequest, row: ConsultationRecord) => {
  const caller = callerOfRequest(request);
  const { teamRole } = accessOf(request);
  const open = consultationStatusOf(row) === 'open';
  const leads = teamRole === 'pm' || teamRole === 'partner';
  return {
    opine: open && (leads || row.invitees.some((invitee) => invitee.user.id === caller.userId)),
    conclude: open && leads,
    withdraw: open && (row.requestedBy.id === caller.userId || teamRole === 'pm' || isAdmin(caller)),
  };
};

const view = (request: FastifyRequest, row: ConsultationRecord, today: string) => {
  const status = consultationStatusOf(row);
  const dueOn = fromDbDate(row.dueOn);
  const answered = new Set(row.opinions.map((opinion) => opinion.author.id));
  return {
    id: row.id,
    engagementId: row.engagementId,
    topic: row.topic,
    question: row.question,
    materials: row.materials,
    dueOn,
    overdue: isConsultationOverdue({ status, dueOn }, today),
    status,
    task: row.task ? { id: row.task.id, key: row.task.key, title: { zh: row.task.titleZh, en: row.task.titleEn }, status: row.task.status } : null,
    holdsTask: row.holdsTask,
    requestedBy: userRef(row.requestedBy),
    openedAt: iso(row.openedAt),
    invitees: row.invitees.map((invitee) => ({ user: userRef(invitee.user), answered: answered.has(invitee.user.id) })),
    opinions: row.opinions.map((opinion) => ({ id: opinion.id, author: userRef(opinion.author), body: opinion.body, givenAt: iso(opinion.givenAt) })),
    conclusion: row.concludedAt && row.concludedBy ? { text: row.conclusion ?? '', by: userRef(row.concludedBy), at: iso(row.concludedAt) } : null,
    withdrawn: withdrawalOf(row),
    can: abilities(request, row),
  };
};

/** 会诊: read here, written by each consultation's workflow. */
export default async function consultationRoutes(fastify: FastifyInstance): Promise<void> {
  const { db, engagements } = fastify;
  const today = () => civilDateAt(fastify.clock.now());
  const consultationOf = async (engagementId: string, id: string) => {
    const row = await findConsultation(db, engagementId, id);
    if (!row) throw notFound();
    return row;
  };

  registerOperation(fastify, operations.listConsultations, async (request) => {
    const { engagementId, teamRole } = accessOf(request);
    const [rows, running] = await Promise.all([listConsultations(db, engagementId, { ...(request.query.task ? { taskKey: request.query.task } : {}), ...(request.query.status ? { status: request.query.status } : {}) }), isEngagementRunning(db, engagementId)]);
    const day = today();
    return { items: rows.map((row) => view(request, row, day)), can: { open: running && teamRole !== 'client' && teamRole !== undefined } };
  });

  registerOperation(fastify, operations.getConsultation, async (request) => {
    const { engagementId } = accessOf(request);
    return view(request, await consultationOf(engagementId, request.params.consultationId), today());
  });

  registerOperation(fastify, operations.openConsultation, async (request, reply) => {
    const { engagementId } = accessOf(request);
    const caller = callerOfRequest(request);
    const { idempotencyKey, ...body } = request.body;
    const open = {
      actorId: caller.userId,
      topic: body.topic.trim(),
      question: body.question.trim(),
      materials: (body.materials ?? '').trim(),
      dueOn: body.dueOn,
      taskKey: body.taskKey ?? null,
      holdsTask: body.holdsTask ?? false,
      invitees: [...new Set(body.invitees)],
    };
    const id = idempotencyKey ? idempotentUuid(`consultation:${engagementId}`, caller.userId, idempotencyKey) : randomUUID();
    const same = (row: ConsultationRecord) =>
      row.topic === open.topic &&
      row.question === open.question &&
      row.materials === open.materials &&
      fromDbDate(row.dueOn) === open.dueOn &&
      (row.task?.key ?? null) === open.taskKey &&
      row.invitees.map((invitee) => invitee.user.id).join() === open.invitees.join();
    if (idempotencyKey) {
      const first = await findConsultation(db, engagementId, id);
      if (first) {
        if (!same(first)) throw keyUsed('会诊', 'consultation');
        reply.status(201);
        return view(request, first, today());
      }
    }
    if (!(await isEngagementRunning(db, engagementId))) throw new ApiError('engagement_not_running');
    const errors: FieldError[] = [];
    if (!open.topic) errors.push({ field: 'topic', code: 'required', message: { zh: '请写明会诊议题', en: 'Give the consultation a topic' } });
    if (!open.question) errors.push({ field: 'question', code: 'required', message: { zh: '请写明需要会诊的问题', en: 'State the question' } });
    if (open.dueOn < today()) errors.push({ field: 'dueOn', code: 'invalid_date', message: { zh: '意见截止日不能早于今天', en: 'The due day cannot be in the past' } });
    if (open.dueOn > latestConsultationDue(today())) errors.push({ field: 'dueOn', code: 'invalid_date', message: { zh: '意见截止日最晚为90天后', en: 'The due day can be at most 90 days ahead' } });
    errors.push(...(await checkConsultationOpening(db, { engagementId, ...open })).errors);
    if (errors.length > 0) throw new ApiError('form_invalid', { domainFieldErrors: errors });
    await runCommand(() => engagements.openConsultation({ consultationId: id, engagementId, open }), { validation_failed: 'form_invalid' });
    reply.status(201);
    return view(request, await consultationOf(engagementId, id), today());
  });

  registerOperation(fastify, operations.giveConsultationOpinion, async (request, reply) => {
    const { engagementId } = accessOf(request);
    const caller = callerOfRequest(request);
    const { consultationId } = request.params;
    const row = await consultationOf(engagementId, consultationId);
    const body = request.body.body.trim();
    const opinionId = request.body.idempotencyKey ? idempotentUuid(`consultation-opinion:${consultationId}`, caller.userId, request.body.idempotencyKey) : randomUUID();
    const first = request.body.idempotencyKey ? row.opinions.find((opinion) => opinion.id === opinionId) : undefined;
    if (first) {
      if (first.body !== body) throw keyUsed('会诊意见', 'opinion');
      reply.status(201);
      return view(request, row, today());
    }
    if (consultationStatusOf(row) !== 'open') throw new ApiError('consultation_closed');
    if (!abilities(request, row).opine) throw forbidden();
    if (!body) throw new ApiError('form_invalid', { domainFieldErrors: [{ field: 'body', code: 'required', message: { zh: '请写明您的意见', en: 'Write your opinion' } }] });
    if (row.opinions.length >= CONSULTATION_LIMITS.maxOpinions) {
      throw new ApiError('form_invalid', { domainFieldErrors: [{ field: 'body', code: 'too_large', message: { zh: `本会诊已有${CONSULTATION_LIMITS.maxOpinions}条意见，请形成结论或另行发起会诊`, en: `The consultation has ${CONSULTATION_LIMITS.maxOpinions} opinions: conclude it or open another` } }] });
    }
    await runCommand(() => engagements.consultationCommand(engagementId, consultationId, { kind: 'opine', actorId: caller.userId, opinionId, body }), { validation_failed: 'form_invalid' });
    reply.status(201);
    return view(request, await consultationOf(engagementId, consultationId), today());
  });

  registerOperation(fastify, operations.concludeConsultation, async (request) => {
    const { engagementId } = accessOf(request);
    const { consultationId } = request.params;
    const row = await consultationOf(engagementId, consultationId);
    const conclusion = request.body.conclusion.trim();
    if (consultationStatusOf(row) !== 'open') throw new ApiError('consultation_closed');
    if (!abilities(request, row).conclude) throw forbidden();
    if (!conclusion) throw new ApiError('form_invalid', { domainFieldErrors: [{ field: 'conclusion', code: 'required', message: { zh: '请写明会诊结论', en: 'Write the conclusion' } }] });
    await runCommand(() => engagements.consultationCommand(engagementId, consultationId, { kind: 'conclude', actorId: callerOfRequest(request).userId, conclusion }), { validation_failed: 'form_invalid' });
    return view(request, await consultationOf(engagementId, consultationId), today());
  });

  registerOperation(fastify, operations.withdrawConsultation, async (request) => {
    const { engagementId } = accessOf(request);
    const { consultationId } = request.params;
    const row = await consultationOf(engagementId, consultationId);
    const reason = request.body.reason.trim();
    if (consultationStatusOf(row) !== 'open') throw new ApiError('consultation_closed');
    if (!abilities(request, row).withdraw) throw forbidden();
    if (!reason) throw reasonRequired();
    await runCommand(() => engagements.consultationCommand(engagementId, consultationId, { kind: 'withdraw', actorId: callerOfRequest(request).userId, reason }), { validation_failed: 'form_invalid' });
    return view(request, await consultationOf(engagementId, consultationId), today());
  });

  registerOperation(fastify, operations.searchConsultations, async (request) => {
    const { page, pageSize, q } = request.query;
    const { total, rows } = await searchConsultations(db, { ...(q ? { q } : {}), limit: pageSize, offset: skipOf(page, pageSize) });
    return pageOf(
      rows.map((row) => ({
        id: row.id,
        engagement: { id: row.engagement.id, name: row.engagement.name },
        topic: row.topic,
        question: row.question,
        conclusion: row.conclusion ?? '',
        concludedBy: row.concludedBy ? userRef(row.concludedBy) : null,
        concludedAt: iso(row.concludedAt!),
        opinions: row._count.opinions,
      })),
      total,
      page,
      pageSize,
    );
  });
}
