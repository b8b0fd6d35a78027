import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { fieldErrorsFromIssues, operations } from '@gongzhi/contracts';
import {
  createKnowledgeEntry,
  findEngagementKnowledge,
  findKnowledgeEntry,
  findKnowledgeVersion,
  type KnowledgeWriteRefusal,
  listEngagementKnowledge,
  listKnowledge,
  listKnowledgeVersions,
  reviseKnowledgeEntry,
} from '@gongzhi/db';
import {
  describeKnowledgeProblem,
  diffKnowledgeContent,
  type FieldError as DomainFieldError,
  type KnowledgeKind,
  knowledgeContentSchemas,
} from '@gongzhi/domain';
import { ApiError, notFound } from '../lib/api-error';
import { recordAudit } from '../lib/audit';
import { runCommand } from '../lib/command-errors';
import { registerOperation } from '../lib/operation-route';
import { callerOfRequest } from '../plugins/app/access';
import { pageOf, skipOf } from '../views/common';
import { toEngagementKnowledgeRow, toKnowledgeEntry, toKnowledgeVersion } from '../views/knowledge-views';

/** Content that does not fit its kind: 422 naming each field under `content.`, in both languages. */
function contentErrors(kind: KnowledgeKind, content: unknown): DomainFieldError[] {
  const parsed = knowledgeContentSchemas[kind].safeParse(content);
  if (parsed.success) return [];
  const zh = fieldErrorsFromIssues(parsed.error.issues, 'zh-CN');
  const en = fieldErrorsFromIssues(parsed.error.issues, 'en');
  return zh.map((error, index) => ({
    field: `content.${error.field}`.slice(0, 200),
    code: error.code === 'invalid_format' || error.code === 'invalid_value' ? 'invalid_type' : error.code,
    message: { zh: error.message, en: en[index]?.message ?? error.message },
  }));
}

/** Turns the knowledge store's refusal into the API's answer. */
function refusal(result: KnowledgeWriteRefusal): ApiError {
  switch (result.refused) {
    case 'not_found':
      return notFound();
    case 'exists':
      return new ApiError('conflict', { message: { zh: '该类条目中已有相同编号的条目', en: 'An entry of this kind already has that key' } });
    case 'version_conflict':
      return new ApiError('conflict', {
        message: {
          zh: `该条目已被他人修改（当前为第 ${result.currentVersion} 版），请刷新后在最新版本上修改`,
          en: `Someone saved version ${result.currentVersion} meanwhile; reload and edit the newest version`,
        },
      });
    case 'key_changed':
      return new ApiError('form_invalid', {
        domainFieldErrors: [{ field: 'content.key', code: 'rule', message: { zh: '条目编号不能修改', en: 'The key of an entry cannot change' } }],
      });
    case 'invalid':
    case 'inconsistent':
      return new ApiError('form_invalid', {
        domainFieldErrors: result.problems.slice(0, 50).map((problem) => ({ field: 'content', code: 'rule', message: describeKnowledgeProblem(problem) })),
      });
  }
}

export default async function knowledgeRoutes(fastify: FastifyInstance): Promise<void> {
  const { db, engagements, log } = fastify;

  const entryOrNotFound = async (kind: KnowledgeKind, key: string) => {
    const entry = await findKnowledgeEntry(db, kind, key);
    if (!entry) throw notFound();
    return entry;
  };

  const entryView = async (kind: KnowledgeKind, key: string) => {
    const entry = await entryOrNotFound(kind, key);
    const last = await findKnowledgeVersion(db, entry.id, entry.version);
    return toKnowledgeEntry(entry, last);
  };

  const audited = (request: FastifyRequest, action: string) => async (tx: Parameters<typeof recordAudit>[0], change: { entryId: string; version: number; before: unknown; after: unknown }) =>
    recordAudit(tx, request.id, {
      action,
      actorId: callerOfRequest(request).userId,
      entityType: 'knowledge_entry',
      entityId: change.entryId,
      before: change.before ? { content: change.before } : null,
      after: { version: change.version, content: change.after },
    });

  registerOperation(fastify, operations.listKnowledge, async (request) => {
    const { kind, q, unverified, page, pageSize } = request.query;
    const { rows, total } = await listKnowledge(db, { kind, query: q, unverified, limit: pageSize, offset: skipOf(page, pageSize) });
    return pageOf(
      rows.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() })),
      total,
      page,
      pageSize,
    );
  });

  registerOperation(fastify, operations.getKnowledgeEntry, async (request) => entryView(request.params.kind, request.params.key));

  registerOperation(fastify, operations.createKnowledgeEntry, async (request, reply) => {
    const { kind } = request.params;
    const errors = contentErrors(kind, request.body.content);
    if (errors.length > 0) throw new ApiError('form_invalid', { domainFieldErrors: errors });
    const result = await createKnowledgeEntry(db, {
      kind,
      content: request.body.content,
      reason: request.body.reason,
      authorId: callerOfRequest(request).userId,
      audit: audited(request, 'knowledge.created'),
    });
    if ('refused' in result) throw refusal(result);
    const entry = await db.knowledgeEntry.findUniqueOrThrow({ where: { id: result.entryId } });
    reply.status(201);
    return entryView(kind, entry.key);
  });

  registerOperation(fastify, operations.reviseKnowledgeEntry, async (request) => {
    const { kind, key } = request.params;
    await entryOrNotFound(kind, key);
    const errors = contentErrors(kind, request.body.content);
    if (errors.length > 0) throw new ApiError('form_invalid', { domainFieldErrors: errors });
    const result = await reviseKnowledgeEntry(db, {
      kind,
      key,
      expectedVersion: request.body.expectedVersion,
      content: request.body.content,
      reason: request.body.reason,
      authorId: callerOfRequest(request).userId,
      audit: audited(request, 'knowledge.revised'),
    });
    if ('refused' in result) throw refusal(result);
    const view = await entryView(kind, key);
    if (result.engagementsToTell.length > 0) {
      // The notice is the workflow's to write; an engagement not reached still shows the entry as behind.
      const told = await engagements.announceKnowledgeChange(result.engagementsToTell, {
        entryId: result.entryId,
        kind,
        key,
        title: view.title,
        version: result.version,
        reason: request.body.reason,
      });
      if (told < result.engagementsToTell.length) log.warn({ entry: `${kind}:${key}`, told, of: result.engagementsToTell.length }, 'not every engagement was told of a knowledge change');
    }
    return view;
  });

  registerOperation(fastify, operations.listKnowledgeVersions, async (request) => {
    const entry = await entryOrNotFound(request.params.kind, request.params.key);
    return { items: (await listKnowledgeVersions(db, entry.id)).map(toKnowledgeVersion) };
  });

  registerOperation(fastify, operations.getKnowledgeVersion, async (request) => {
    const entry = await entryOrNotFound(request.params.kind, request.params.key);
    const version = await findKnowledgeVersion(db, entry.id, request.params.version);
    if (!version) throw notFound();
    const compareTo = request.query.compareTo ?? (version.version > 1 ? version.version - 1 : null);
    const other = compareTo === null ? null : await findKnowledgeVersion(db, entry.id, compareTo);
    if (compareTo !== null && !other) throw notFound();
    return {
      ...toKnowledgeVersion(version),
      content: version.content as never,
      comparedTo: other?.version ?? null,
      changes: other ? diffKnowledgeContent(other.content, version.content) : [],
    };
  });

  // ─── An engagement's copy ─────────────────────────────────────────────────────────────────

  registerOperation(fastify, operations.listEngagementKnowledge, async (request) => {
    const rows = await listEngagementKnowledge(db, request.params.id, { kind: request.query.kind });
    const items = rows.map(toEngagementKnowledgeRow);
    return {
      items: request.query.state ? items.filter((row) => row.state === request.query.state) : items,
      counts: {
        current: items.filter((row) => row.state === 'current').length,
        behind: items.filter((row) => row.state === 'behind').length,
        notTaken: items.filter((row) => row.state === 'not_taken').length,
        adapted: items.filter((row) => row.adapted !== null).length,
      },
    };
  });

  const copyView = async (engagementId: string, kind: KnowledgeKind, key: string) => {
    const found = await findEngagementKnowledge(db, engagementId, kind, key);
    if (!found) throw notFound();
    const [row] = await listEngagementKnowledge(db, engagementId, { kind, key });
    if (!row) throw notFound();
    return { found, row: toEngagementKnowledgeRow(row) };
  };

  registerOperation(fastify, operations.getEngagementKnowledge, async (request) => {
    const { id, kind, key } = request.params;
    const { found, row } = await copyView(id, kind, key);
    return {
      row,
      content: (found.content ?? null) as never,
      master: { version: found.entry.version, content: found.entry.content as never },
      changes: found.content === null ? [] : diffKnowledgeContent(found.content, found.entry.content),
    };
  });

  registerOperation(fastify, operations.adaptEngagementKnowledge, async (request) => {
    const { id, kind, key } = request.params;
    await entryOrNotFound(kind, key);
    const errors = contentErrors(kind, request.body.content);
    if (errors.length > 0) throw new ApiError('form_invalid', { domainFieldErrors: errors });
    await runCommand(
      () => engagements.adaptKnowledge(id, { actorId: callerOfRequest(request).userId, kind, key, content: request.body.content, reason: request.body.reason }),
      { unknown_knowledge_entry: 'not_found' },
    );
    return { row: (await copyView(id, kind, key)).row };
  });

  registerOperation(fastify, operations.takeEngagementKnowledge, async (request) => {
    const engagementId = request.params.id;
    const rows = await listEngagementKnowledge(db, engagementId);
    let entryIds = request.body.entryIds;
    if (entryIds) {
      const known = new Set(rows.map((row) => row.entryId));
      const unknown = entryIds.findIndex((entryId) => !known.has(entryId));
      if (unknown >= 0) {
        throw new ApiError('form_invalid', {
          domainFieldErrors: [{ field: `entryIds.${unknown}`, code: 'invalid_option', message: { zh: '知识库中没有该条目', en: 'No such knowledge base entry' } }],
        });
      }
    } else {
      entryIds = rows.filter((row) => row.state !== 'current').map((row) => row.entryId);
    }
    const status = (await db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { status: true } })).status;
    if (status !== 'running' && status !== 'paused') throw new ApiError('engagement_not_running');
    if (entryIds.length === 0) return { taken: [] };
    return runCommand(() => engagements.takeKnowledge(engagementId, { actorId: callerOfRequest(request).userId, entryIds: [...new Set(entryIds)], keepAdaptation: request.body.keepAdaptation }));
  });
}
