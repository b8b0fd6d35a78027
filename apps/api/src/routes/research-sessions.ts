import { randomUUID } from 'node:crypto';
import { type FastifyInstance } from 'fastify';
import { type z } from 'zod';
import { operations, type researchSessionBodySchema } from '@gongzhi/contracts';
import { findResearchSessionRecord, fromDbDate, listCommunityProblemRecords, listCommunityProfileRecords, listResearchSessionRecords, type ResearchSessionRecord } from '@gongzhi/db';
import { civilDateAt, type CommunityProfileDetails, type FieldError, parseEngagementPlan, type ResearchSessionKind } from '@gongzhi/domain';
import { ApiError, notFound } from '../lib/api-error';
import { idempotentUuid, keyUsed } from '../lib/idempotency';
import { runCommand } from '../lib/command-errors';
import { registerOperation } from '../lib/operation-route';
import { accessOf, callerOfRequest } from '../plugins/app/access';
import { type Violations, violationRef, violationsOf } from '../views/violation-refs';
import { isoOrNull, iso, userRef } from '../views/common';

type Request = Parameters<typeof accessOf>[0];


const tagOf = (violations: Violations, problem: { violationKey: string | null; outsideCatalogue: boolean; taggedBy: { id: string; displayName: string } | null; taggedAt: Date | null }) => ({
  violation: violationRef(violations, problem.violationKey),
  outsideCatalogue: problem.outsideCatalogue,
  taggedBy: problem.taggedBy ? userRef(problem.taggedBy) : null,
  taggedAt: isoOrNull(problem.taggedAt),
});

/** Whether a stored record is what a request would record (its problems by description and tag, in order). */
function sameSession(record: ResearchSessionRecord, details: { kind: string; communityId: string | null; heldOn: string; place: string; participants: string; headcount: number | null; notes: string; problems: { description: string; violationKey: string | null; outsideCatalogue: boolean }[] }): boolean {
  return (
    record.kind === details.kind &&
    (record.community?.id ?? null) === details.communityId &&
    fromDbDate(record.heldOn) === details.heldOn &&
    record.place === details.place &&
    record.participants === details.participants &&
    record.headcount === details.headcount &&
    record.notes === details.notes &&
    record.problems.length === details.problems.length &&
    record.problems.every((problem, index) => {
      const asked = details.problems[index]!;
      return problem.description === asked.description && problem.violationKey === asked.violationKey && problem.outsideCatalogue === asked.outsideCatalogue;
    })
  );
}

/**
 * 座谈会 and 访谈 records and the community problems they raised, each tagged by a lawyer with the
 * catalogue violation it is, and each community's profile (社区概况). Reads come from the database; every write is a command to the
 * engagement's field-research workflow.
 */
export default async function researchSessionRoutes(fastify: FastifyInstance): Promise<void> {
  const { db, engagements } = fastify;

  const canWrite = async (request: Request) => {
    const { engagementId, teamRole } = accessOf(request);
    const writer = teamRole === 'pm' || teamRole === 'lawyer' || (teamRole === null && callerOfRequest(request).roles.includes('admin'));
    if (!writer) return false;
    const { status } = await db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { status: true } });
    return status === 'running' || status === 'paused';
  };


  const viewOf = (record: ResearchSessionRecord, violations: Violations, revise: boolean) => ({
    id: record.id,
    engagementId: record.engagementId,
    kind: record.kind as ResearchSessionKind,
    community: record.community ? { key: record.community.key, name: record.community.name } : null,
    heldOn: fromDbDate(record.heldOn),
    place: record.place,
    participants: record.participants,
    headcount: record.headcount,
    notes: record.notes,
    problems: record.problems.map((problem) => ({ id: problem.id, description: problem.description, ...tagOf(violations, problem) })),
    version: record.version,
    createdBy: userRef(record.createdBy),
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    can: { revise },
  });

  const detailOf = async (request: Request, sessionId: string) => {
    const { engagementId } = accessOf(request);
    const [record, violations, revise] = await Promise.all([findResearchSessionRecord(db, engagementId, sessionId), violationsOf(db, engagementId), canWrite(request)]);
    if (!record) throw notFound();
    return viewOf(record, violations, revise);
  };

  /** The body as the workflow takes it: the community by id, each problem with an id; 422 naming each field that does not fit. */
  const detailsOf = async (request: Request, body: z.output<typeof researchSessionBodySchema>, current: { problems: { id: string }[] } | null) => {
    const { engagementId } = accessOf(request);
    const errors: FieldError[] = [];
    // An id names a problem already on this record: none on a new record.
    const onRecord = new Set(current?.problems.map((problem) => problem.id) ?? []);
    body.problems.forEach((problem, index) => {
      if (problem.id !== undefined && !onRecord.has(problem.id))
        errors.push({ field: `problems.${index}.id`, code: 'invalid_option', message: { zh: '该问题不属于这条记录，新增的问题不要填写编号', en: 'Not a problem of this record; leave the id out for a new one' } });
    });
    let communityId: string | null = null;
    if (body.community !== null) {
      const community = await db.community.findFirst({ where: { engagementId, key: body.community }, select: { id: true } });
      if (community) communityId = community.id;
      else errors.push({ field: 'community', code: 'invalid_option', message: { zh: '本项目中没有该社区', en: 'The engagement has no such community' } });
    }
    if (body.heldOn > civilDateAt(fastify.clock.now())) errors.push({ field: 'heldOn', code: 'invalid_date', message: { zh: '举办日期不能晚于今天', en: 'The day held cannot be in the future' } });
    const seen = new Set<string>();
    body.problems.forEach((problem, index) => {
      if (problem.id === undefined) return;
      if (seen.has(problem.id)) errors.push({ field: `problems.${index}.id`, code: 'rule', message: { zh: '同一问题在列表中出现了两次', en: 'The same problem is listed twice' } });
      seen.add(problem.id);
    });
    if (errors.length > 0) throw new ApiError('form_invalid', { domainFieldErrors: errors });
    return {
      kind: body.kind,
      communityId,
      heldOn: body.heldOn,
      place: body.place,
      participants: body.participants,
      headcount: body.headcount,
      notes: body.notes,
      problems: body.problems.map((problem) => ({
        id: problem.id ?? randomUUID(),
        description: problem.description,
        violationKey: problem.violation ?? null,
        outsideCatalogue: problem.outsideCatalogue ?? false,
        // A kept problem sent without a tag keeps the one it has.
        ...(problem.id !== undefined && problem.violation === undefined && problem.outsideCatalogue === undefined ? { keepTag: true } : {}),
      })),
    };
  };

  const command = (request: Request, body: Parameters<typeof engagements.fieldResearchCommand>[1]) =>
    runCommand(() => engagements.fieldResearchCommand(accessOf(request).engagementId, body), { unknown_research_record: 'not_found', validation_failed: 'form_invalid' });

  registerOperation(fastify, operations.listResearchSessions, async (request) => {
    const { engagementId } = accessOf(request);
    const [records, violations, record] = await Promise.all([listResearchSessionRecords(db, engagementId), violationsOf(db, engagementId), canWrite(request)]);
    return { items: records.map((row) => viewOf(row, violations, record)), can: { record } };
  });

  registerOperation(fastify, operations.recordResearchSession, async (request, reply) => {
    const caller = callerOfRequest(request);
    const { idempotencyKey, ...body } = request.body;
    // With a key, a retried POST names the same record and writes nothing new.
    const sessionId = idempotencyKey ? idempotentUuid(`record-research-session:${accessOf(request).engagementId}`, caller.userId, idempotencyKey) : randomUUID();
    const details = await detailsOf(request, body, null);
    if (idempotencyKey) {
      const first = await findResearchSessionRecord(db, accessOf(request).engagementId, sessionId);
      if (first) {
        // A record revised or tagged since (version 2 on) no longer shows what the first request sent: the key decides.
        if (first.version === 1 && !sameSession(first, details)) throw keyUsed('记录', 'record');
        reply.status(201);
        return detailOf(request, sessionId);
      }
    }
    await command(request, { type: 'recordSession', actorId: caller.userId, sessionId, ...details });
    reply.status(201);
    return detailOf(request, sessionId);
  });

  registerOperation(fastify, operations.getResearchSession, async (request) => detailOf(request, request.params.sessionId));

  registerOperation(fastify, operations.reviseResearchSession, async (request) => {
    const { sessionId } = request.params;
    const current = await findResearchSessionRecord(db, accessOf(request).engagementId, sessionId);
    if (!current) throw notFound();
    const details = await detailsOf(request, request.body, current);
    await command(request, { type: 'reviseSession', actorId: callerOfRequest(request).userId, sessionId, expectedVersion: request.body.expectedVersion, ...details });
    return detailOf(request, sessionId);
  });

  const problemsOf = async (engagementId: string) => {
    const [rows, violations] = await Promise.all([listCommunityProblemRecords(db, engagementId), violationsOf(db, engagementId)]);
    return {
      violations,
      items: rows.map((row) => ({
        id: row.id,
        description: row.description,
        community: row.community ? { key: row.community.key, name: row.community.name } : null,
        session: { id: row.session.id, kind: row.session.kind as ResearchSessionKind, heldOn: fromDbDate(row.session.heldOn) },
        ...tagOf(violations, row),
      })),
    };
  };

  registerOperation(fastify, operations.listCommunityProblems, async (request) => {
    const { engagementId } = accessOf(request);
    const [{ items }, tag] = await Promise.all([problemsOf(engagementId), canWrite(request)]);
    const tally = new Map<string, { violation: NonNullable<(typeof items)[number]['violation']>; problems: number; communities: Map<string, { key: string; name: string }> }>();
    for (const item of items) {
      if (!item.violation) continue;
      const row = tally.get(item.violation.key) ?? { violation: item.violation, problems: 0, communities: new Map() };
      row.problems += 1;
      if (item.community) row.communities.set(item.community.key, item.community);
      tally.set(item.violation.key, row);
    }
    return {
      items,
      byViolation: [...tally.values()]
        .sort((a, b) => b.communities.size - a.communities.size || b.problems - a.problems)
        .map((row) => ({ violation: row.violation, problems: row.problems, communities: [...row.communities.values()] })),
      untagged: items.filter((item) => !item.violation && !item.outsideCatalogue).length,
      outsideCatalogue: items.filter((item) => item.outsideCatalogue).length,
      can: { tag },
    };
  });

  /** Each community in plan order with its profile; one community's when `communityKey` is given. */
  const profilesOf = async (request: Request, communityKey?: string) => {
    const { engagementId } = accessOf(request);
    const [engagement, rows, edit] = await Promise.all([db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { plan: true } }), listCommunityProfileRecords(db, engagementId), canWrite(request)]);
    const byKey = new Map(rows.map((row) => [row.key, row]));
    return parseEngagementPlan(engagement.plan)
      .communities.filter((community) => communityKey === undefined || community.key === communityKey)
      .flatMap((community) => {
        const row = byKey.get(community.key);
        if (!row) return [];
        const { profile } = row;
        return [
          {
            engagementId,
            community: { key: row.key, name: row.name },
            profile: profile ? (profile.details as unknown as CommunityProfileDetails) : null,
            version: profile?.version ?? 0,
            updatedBy: profile ? userRef(profile.updatedBy) : null,
            updatedAt: isoOrNull(profile?.updatedAt ?? null),
            can: { edit },
          },
        ];
      });
  };

  registerOperation(fastify, operations.listCommunityProfiles, async (request) => ({ items: await profilesOf(request) }));

  registerOperation(fastify, operations.saveCommunityProfile, async (request) => {
    const { engagementId } = accessOf(request);
    const { community: communityKey } = request.params;
    if ((await db.community.count({ where: { engagementId, key: communityKey } })) === 0) throw notFound();
    const { expectedVersion, ...details } = request.body;
    await command(request, { type: 'saveProfile', actorId: callerOfRequest(request).userId, communityKey, expectedVersion, details });
    const [saved] = await profilesOf(request, communityKey);
    if (!saved) throw notFound();
    return saved;
  });

  registerOperation(fastify, operations.tagCommunityProblem, async (request) => {
    const { engagementId } = accessOf(request);
    const { problemId } = request.params;
    if ((await db.communityProblem.count({ where: { id: problemId, engagementId } })) === 0) throw notFound();
    await command(request, { type: 'tagProblem', actorId: callerOfRequest(request).userId, problemId, violationKey: request.body.violation, outsideCatalogue: request.body.outsideCatalogue });
    const problem = (await problemsOf(engagementId)).items.find((item) => item.id === problemId);
    if (!problem) throw notFound();
    return problem;
  });
}
