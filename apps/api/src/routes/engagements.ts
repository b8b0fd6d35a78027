import { randomUUID } from 'node:crypto';
import { type FastifyInstance } from 'fastify';
import { operations, repeatedPlaces } from '@gongzhi/contracts';
import { type Prisma, teamRoleOf } from '@gongzhi/db';
import { type FieldError as DomainFieldError, findTemplate } from '@gongzhi/domain';
import { isAdmin } from '../lib/access-policy';
import { ApiError, notFound } from '../lib/api-error';
import { runCommand } from '../lib/command-errors';
import { idempotentUuid, requestHashOf } from '../lib/idempotency';
import { registerOperation } from '../lib/operation-route';
import { accessOf, callerOfRequest } from '../plugins/app/access';
import { pageOf, skipOf } from '../views/common';
import { type EngagementSummary, engagementHeadSelect, loadEngagementDetail, nextDeadlineOf, summarizeEngagements } from '../views/engagement-views';

/** Derives keys `c1`, `c2`… (or `d1`…) for places given without one, skipping keys already taken. */
export function withKeys(places: readonly { key?: string | undefined; name: string }[], prefix: string): { key: string; name: string }[] {
  const taken = new Set(places.map((place) => place.key).filter((key) => key !== undefined));
  let counter = 0;
  return places.map((place) => {
    if (place.key) return { key: place.key, name: place.name };
    let key: string;
    do key = `${prefix}${++counter}`;
    while (taken.has(key));
    taken.add(key);
    return { key, name: place.name };
  });
}

export default async function engagementRoutes(fastify: FastifyInstance): Promise<void> {
  const { db, clock, engagements } = fastify;

  /** Each team slot holds an enabled user with the matching firm role; nobody plays two parts. */
  async function checkTeam(team: { pm: string; partner: string; lawyers: string[]; client?: string | undefined }): Promise<void> {
    const slots = [
      { field: 'team.pm', id: team.pm, role: 'pm' as const },
      { field: 'team.partner', id: team.partner, role: 'partner' as const },
      ...team.lawyers.map((id, index) => ({ field: `team.lawyers.${index}`, id, role: 'lawyer' as const })),
      ...(team.client ? [{ field: 'team.client', id: team.client, role: 'client' as const }] : []),
    ];
    const users = await db.user.findMany({ where: { id: { in: slots.map((slot) => slot.id) }, disabledAt: null }, select: { id: true, roles: true } });
    const seen = new Set<string>();
    const errors: DomainFieldError[] = [];
    for (const slot of slots) {
      const user = users.find((candidate) => candidate.id === slot.id);
      if (seen.has(slot.id)) errors.push({ field: slot.field, code: 'rule', message: { zh: '同一人不能在团队中担任两个角色', en: 'One person cannot fill two places on the team' } });
      else if (!user) errors.push({ field: slot.field, code: 'invalid_option', message: { zh: '用户不存在或已停用', en: 'No such enabled user' } });
      else if (!user.roles.includes(slot.role)) errors.push({ field: slot.field, code: 'invalid_option', message: { zh: `该用户没有“${slot.role}”角色`, en: `The user lacks the ${slot.role} role` } });
      seen.add(slot.id);
    }
    if (errors.length > 0) throw new ApiError('invalid_assignee', { domainFieldErrors: errors });
  }

  /** Keys and names are unique within each list of places (something no JSON Schema keyword can say). */
  function checkPlaces(lists: { communities: readonly { key?: string | undefined; name: string }[]; departments: readonly { key?: string | undefined; name: string }[] }): void {
    const errors: DomainFieldError[] = [...repeatedPlaces(lists.communities, 'communities'), ...repeatedPlaces(lists.departments, 'departments')].map(({ field, repeats }) => ({
      field,
      code: 'rule',
      message: { zh: `与第 ${repeats + 1} 项重复`, en: `Repeats entry ${repeats + 1}` },
    }));
    if (errors.length > 0) throw new ApiError('form_invalid', { domainFieldErrors: errors });
  }

  registerOperation(fastify, operations.listEngagements, async (request) => {
    const caller = callerOfRequest(request);
    const { status, q, sort, page, pageSize } = request.query;
    const where: Prisma.EngagementWhereInput = {
      ...(isAdmin(caller) ? {} : { members: { some: { userId: caller.userId } } }),
      ...(status ? { status: { in: status } } : {}),
      ...(q ? { OR: [{ name: { contains: q, mode: 'insensitive' } }, { clientName: { contains: q, mode: 'insensitive' } }] } : {}),
    };
    const select = engagementHeadSelect(caller.userId);
    const now = clock.now();
    if (sort === 'nextDeadline') {
      // Needs every visible engagement's open tasks; portfolios are hundreds, not millions.
      const rows = await db.engagement.findMany({ where, select: { id: true, name: true, tasks: { where: { status: { notIn: ['done', 'cancelled'] } }, select: { status: true, dueDate: true } } } });
      const ordered = rows.sort((a, b) => nextDeadlineOf(a) - nextDeadlineOf(b) || a.name.localeCompare(b.name, 'zh-CN'));
      const pageIds = ordered.slice(skipOf(page, pageSize), skipOf(page, pageSize) + pageSize).map((row) => row.id);
      const pageRows = await db.engagement.findMany({ where: { id: { in: pageIds } }, select });
      const items = pageIds.map((id) => pageRows.find((row) => row.id === id)).filter((row) => row !== undefined);
      return pageOf(await summarizeEngagements(db, items, now), rows.length, page, pageSize);
    }
    const orderBy: Prisma.EngagementOrderByWithRelationInput[] =
      sort === 'name' ? [{ name: 'asc' }] : sort === 'startDate' ? [{ startDate: 'asc' }] : sort === '-startDate' ? [{ startDate: 'desc' }] : [{ updatedAt: 'desc' }];
    const [rows, total] = await Promise.all([
      db.engagement.findMany({ where, select, orderBy: [...orderBy, { id: 'asc' }], skip: skipOf(page, pageSize), take: pageSize }),
      db.engagement.count({ where }),
    ]);
    return pageOf(await summarizeEngagements(db, rows, now), total, page, pageSize);
  });

  registerOperation(fastify, operations.createEngagement, async (request) => {
    const caller = callerOfRequest(request);
    const { idempotencyKey, ...body } = request.body;
    checkPlaces(body);
    const template = findTemplate(body.templateKey, body.templateVersion);
    if (!template) throw new ApiError('not_found', { message: { zh: '未找到该流程模板或版本', en: 'No such pipeline template or version' } });
    await checkTeam(body.team);
    // With a key, a retried POST names the same engagement (and workflow) and creates nothing new.
    const requestHash = idempotencyKey ? requestHashOf(body) : undefined;
    const engagementId = idempotencyKey ? idempotentUuid('create-engagement', caller.userId, idempotencyKey) : randomUUID();
    await runCommand(() =>
      engagements.startEngagement({
        engagementId,
        name: body.name,
        clientName: body.clientName,
        clientKind: body.clientKind,
        createdById: caller.userId,
        ...(requestHash ? { requestHash } : {}),
        templateKey: template.key,
        templateVersion: template.version,
        startDate: body.startDate,
        communities: withKeys(body.communities, 'c'),
        departments: withKeys(body.departments, 'd'),
        team: { pm: body.team.pm, partner: body.team.partner, lawyers: body.team.lawyers, ...(body.team.client ? { client: body.team.client } : {}) },
      }),
    );
    if (requestHash) {
      const created = await db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { requestHash: true } });
      if (created.requestHash !== requestHash) {
        throw new ApiError('conflict', { message: { zh: '该幂等键已用于创建另一个项目，请换用新的键', en: 'This idempotency key already created a different engagement; use a new key' } });
      }
    }
    const role = await teamRoleOf(db, engagementId, caller.userId);
    const teamRole = role === 'admin' ? null : role;
    const detail = await loadEngagementDetail(db, engagementId, { caller, teamRole, seesApprovedOnly: teamRole === 'client', now: clock.now() });
    if (!detail) throw new Error(`engagement ${engagementId} vanished after creation`);
    return detail;
  });

  registerOperation(fastify, operations.getEngagement, async (request) => {
    const caller = callerOfRequest(request);
    const access = accessOf(request);
    const detail = await loadEngagementDetail(db, request.params.id, { caller, teamRole: access.teamRole, seesApprovedOnly: access.seesApprovedOnly, now: clock.now() });
    if (!detail) throw notFound();
    return detail;
  });

  registerOperation(fastify, operations.updateEngagement, async (request) => {
    const caller = callerOfRequest(request);
    const access = accessOf(request);
    const { team, ...names } = request.body;
    const before = await db.engagement.findUniqueOrThrow({ where: { id: request.params.id }, select: { status: true } });
    if (before.status !== 'running' && before.status !== 'paused') throw new ApiError('engagement_not_running');
    if (team) {
      // The running workflow holds the team it was started with and assigns and checks work by it;
      // changing the team needs a workflow command that does not exist yet.
      throw new ApiError('invalid_assignee', {
        message: { zh: '运行中的项目暂不支持更换团队成员，请改为分派任务', en: 'The team of a running engagement cannot be changed yet; reassign tasks instead' },
      });
    }
    // The workflow records the new names (and their audit event): it is the engagement's one writer.
    await runCommand(() => engagements.updateDetails(request.params.id, { actorId: caller.userId, ...names }));
    const detail = await loadEngagementDetail(db, request.params.id, { caller, teamRole: access.teamRole, seesApprovedOnly: access.seesApprovedOnly, now: clock.now() });
    if (!detail) throw notFound();
    return detail;
  });

  /**
   * Sends a lifecycle Update; the workflow answers once the status it leads to is applied and
   * written, so the summary read afterwards shows it.
   */
  async function changeStatus(engagementId: string, userId: string, send: () => Promise<unknown>): Promise<EngagementSummary> {
    await runCommand(send);
    const row = await db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: engagementHeadSelect(userId) });
    return (await summarizeEngagements(db, [row], clock.now()))[0]!;
  }

  const currentStatus = async (id: string) => (await db.engagement.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

  registerOperation(fastify, operations.pauseEngagement, async (request) => {
    const caller = callerOfRequest(request);
    if ((await currentStatus(request.params.id)) !== 'running') throw new ApiError('engagement_not_running');
    return changeStatus(request.params.id, caller.userId, () => engagements.pause(request.params.id, { actorId: caller.userId, ...(request.body.reason ? { reason: request.body.reason } : {}) }));
  });

  registerOperation(fastify, operations.resumeEngagement, async (request) => {
    const caller = callerOfRequest(request);
    if ((await currentStatus(request.params.id)) !== 'paused') {
      throw new ApiError('engagement_not_running', { message: { zh: '只有已暂停的项目可以恢复', en: 'Only a paused engagement can be resumed' } });
    }
    return changeStatus(request.params.id, caller.userId, () => engagements.resume(request.params.id, { actorId: caller.userId }));
  });

  registerOperation(fastify, operations.retryEngagement, async (request) => {
    const caller = callerOfRequest(request);
    return changeStatus(request.params.id, caller.userId, () => engagements.retryWrites(request.params.id, caller.userId));
  });

  registerOperation(fastify, operations.cancelEngagement, async (request) => {
    const caller = callerOfRequest(request);
    const status = await currentStatus(request.params.id);
    if (status !== 'running' && status !== 'paused') throw new ApiError('engagement_not_running');
    return changeStatus(request.params.id, caller.userId, () => engagements.cancel(request.params.id, { actorId: caller.userId, ...(request.body.reason ? { reason: request.body.reason } : {}) }));
  });
}
