import { randomBytes, randomUUID } from 'node:crypto';
import { type FastifyInstance } from 'fastify';
import { operations } from '@gongzhi/contracts';
import { findQuestionnaireLink, findQuestionnaireRecord, fromDbDate, hashLinkToken, listQuestionnaireRecords, type QuestionnaireRecord, questionnaireResults } from '@gongzhi/db';
import { checkAnswers, civilDateAt, OFFICE_MIME_TYPES, type Question, type RespondentAudience } from '@gongzhi/domain';
import { ApiError, notFound } from '../lib/api-error';
import { idempotentUuid, keyUsed, requestHashOf } from '../lib/idempotency';
import { runCommand } from '../lib/command-errors';
import { sendStoredFile } from '../lib/files';
import { registerOperation } from '../lib/operation-route';
import { PUBLIC_READ_LIMIT, PUBLIC_SUBMIT_LIMIT } from '../lib/public-limits';
import { accessOf, callerOfRequest } from '../plugins/app/access';
import { isoOrNull, iso, userRef } from '../views/common';

/**
 * Per address and minute. A whole symposium may answer from one street-office Wi-Fi, so the limits
 * leave room for a room full of phones while stopping a script.
 */

/** The path of the respondent's page in the dashboard. */
export const answerPagePath = (token: string) => `/q/${token}`;

function summaryOf(record: QuestionnaireRecord) {
  return {
    id: record.id,
    engagementId: record.engagementId,
    audience: record.audience as RespondentAudience,
    title: record.title,
    version: record.version,
    status: record.status,
    questionCount: (record.questions as Question[]).length,
    responses: record._count.responses,
    linksIssued: record._count.links,
    linksUsed: record.linksUsed,
    createdBy: record.createdBy ? userRef(record.createdBy) : null,
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    closedAt: isoOrNull(record.closedAt),
  };
}

export default async function researchRoutes(fastify: FastifyInstance): Promise<void> {
  const { db, engagements, files } = fastify;

  const canDesign = (request: Parameters<typeof accessOf>[0]) => {
    const { teamRole } = accessOf(request);
    return teamRole === 'pm' || teamRole === 'lawyer' || (teamRole === null && callerOfRequest(request).roles.includes('admin'));
  };

  /** The questionnaire with its results, as the operations answer it; 404 outside the engagement. */
  const detailOf = async (request: Parameters<typeof accessOf>[0], questionnaireId: string) => {
    const { engagementId, teamRole } = accessOf(request);
    const record = await findQuestionnaireRecord(db, engagementId, questionnaireId);
    if (!record) throw notFound();
    const [results, communities, engagement] = await Promise.all([
      questionnaireResults(db, record),
      db.community.findMany({ where: { engagementId }, select: { id: true, key: true, name: true } }),
      db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { status: true } }),
    ]);
    const byId = new Map(communities.map((community) => [community.id, { key: community.key, name: community.name }]));
    const community = (id: string | null) => (id === null ? null : (byId.get(id) ?? null));
    const open = record.status === 'open';
    const running = engagement.status === 'running';
    const design = canDesign(request);
    return {
      ...summaryOf(record),
      intro: record.intro,
      questions: record.questions as Question[],
      results: {
        responses: results.responses,
        byCommunity: results.byCommunity.map((row) => ({ community: community(row.communityId), responses: row.responses })),
        questions: results.questions.map((question) => {
          switch (question.type) {
            case 'text':
              return question;
            case 'scale':
              return { ...question, byCommunity: question.byCommunity.map(({ communityId, ...row }) => ({ community: community(communityId), ...row })) };
            default:
              return { ...question, byCommunity: question.byCommunity.map(({ communityId, ...row }) => ({ community: community(communityId), ...row })) };
          }
        }),
      },
      can: {
        revise: open && running && design,
        close: open && engagement.status !== 'cancelled' && engagement.status !== 'completed' && (teamRole === 'pm' || (teamRole === null && callerOfRequest(request).roles.includes('admin'))),
        issueLinks: open && running && design,
        enterResponse: open && engagement.status !== 'cancelled' && engagement.status !== 'completed' && design,
      },
    };
  };

  const command = (request: Parameters<typeof accessOf>[0], questionnaireId: string, body: Parameters<typeof engagements.questionnaireCommand>[2]) =>
    runCommand(() => engagements.questionnaireCommand(accessOf(request).engagementId, questionnaireId, body), { unknown_questionnaire: 'not_found', validation_failed: 'form_invalid' });

  /** The questionnaire must be the engagement's before any command is sent for it. */
  const ensureOwned = async (request: Parameters<typeof accessOf>[0], questionnaireId: string) => {
    if (!(await findQuestionnaireRecord(db, accessOf(request).engagementId, questionnaireId))) throw notFound();
  };

  /** One of the engagement's communities by its key; 422 naming the field for another. */
  const communityOf = async (engagementId: string, key: string | null) => {
    if (key === null) return null;
    const community = await db.community.findFirst({ where: { engagementId, key }, select: { id: true, key: true, name: true } });
    if (!community) throw new ApiError('form_invalid', { domainFieldErrors: [{ field: 'community', code: 'invalid_option', message: { zh: '本项目中没有该社区', en: 'The engagement has no such community' } }] });
    return community;
  };

  registerOperation(fastify, operations.listQuestionnaires, async (request) => {
    const { engagementId } = accessOf(request);
    const [records, engagement] = await Promise.all([listQuestionnaireRecords(db, engagementId), db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { status: true } })]);
    return { items: records.map(summaryOf), can: { create: engagement.status === 'running' && canDesign(request) } };
  });

  registerOperation(fastify, operations.createQuestionnaire, async (request, reply) => {
    const caller = callerOfRequest(request);
    const { audience, title, intro, questions, idempotencyKey } = request.body;
    // With a key, a retried POST names the same questionnaire (and workflow) and creates nothing new.
    const { engagementId } = accessOf(request);
    const questionnaireId = idempotencyKey ? idempotentUuid(`create-questionnaire:${engagementId}`, caller.userId, idempotencyKey) : randomUUID();
    if (idempotencyKey) {
      // Compared with what the first request created (version 1), whatever revisions came since.
      const first = await db.questionnaireVersion.findUnique({ where: { questionnaireId_version: { questionnaireId, version: 1 } }, select: { title: true, intro: true, questions: true, questionnaire: { select: { audience: true } } } });
      if (first) {
        if (requestHashOf({ audience: first.questionnaire.audience, title: first.title, intro: first.intro, questions: first.questions }) !== requestHashOf({ audience, title, intro, questions })) throw keyUsed('问卷', 'questionnaire');
        reply.status(201);
        return detailOf(request, questionnaireId);
      }
    }
    await command(request, questionnaireId, { type: 'create', actorId: caller.userId, audience, title, intro, questions: questions as Question[] });
    reply.status(201);
    return detailOf(request, questionnaireId);
  });

  registerOperation(fastify, operations.getQuestionnaire, async (request) => detailOf(request, request.params.questionnaireId));

  registerOperation(fastify, operations.exportQuestionnaireResults, async (request, reply) => {
    const { questionnaireId } = request.params;
    await ensureOwned(request, questionnaireId);
    // Drafted on a worker; the API only streams the stored file.
    const { file } = await command(request, questionnaireId, { type: 'exportResults', actorId: callerOfRequest(request).userId });
    if (!file) throw new ApiError('temporarily_unavailable');
    return sendStoredFile(
      { db, files, request, reply },
      { ...file, mimeType: OFFICE_MIME_TYPES.xlsx },
      { actorId: callerOfRequest(request).userId, engagementId: accessOf(request).engagementId, entityType: 'questionnaire', entityId: questionnaireId, what: { export: 'results.xlsx' } },
    );
  });

  registerOperation(fastify, operations.reviseQuestionnaire, async (request) => {
    const { questionnaireId } = request.params;
    await ensureOwned(request, questionnaireId);
    const { title, intro, questions, expectedVersion, reason } = request.body;
    await command(request, questionnaireId, { type: 'revise', actorId: callerOfRequest(request).userId, title, intro, questions: questions as Question[], expectedVersion, reason });
    return detailOf(request, questionnaireId);
  });

  registerOperation(fastify, operations.closeQuestionnaire, async (request) => {
    const { questionnaireId } = request.params;
    await ensureOwned(request, questionnaireId);
    await command(request, questionnaireId, { type: 'close', actorId: callerOfRequest(request).userId });
    return detailOf(request, questionnaireId);
  });

  registerOperation(fastify, operations.issueQuestionnaireLinks, async (request, reply) => {
    const { questionnaireId } = request.params;
    const { engagementId } = accessOf(request);
    await ensureOwned(request, questionnaireId);
    const { count } = request.body;
    const community = await communityOf(engagementId, request.body.community);
    // The tokens stay here: the workflow (and its history) sees only their hashes.
    const links = Array.from({ length: count }, () => ({ id: randomUUID(), token: randomBytes(24).toString('base64url') }));
    await command(request, questionnaireId, { type: 'issueLinks', actorId: callerOfRequest(request).userId, communityId: community?.id ?? null, links: links.map(({ id, token }) => ({ id, tokenHash: hashLinkToken(token) })) });
    reply.status(201);
    return { links: links.map(({ id, token }) => ({ id, token, path: answerPagePath(token) })), community: community ? { key: community.key, name: community.name } : null };
  });

  registerOperation(fastify, operations.recordQuestionnaireResponse, async (request, reply) => {
    const { questionnaireId } = request.params;
    await ensureOwned(request, questionnaireId);
    const caller = callerOfRequest(request);
    const { answeredOn, answers, idempotencyKey } = request.body;
    const community = await communityOf(accessOf(request).engagementId, request.body.community);
    if (answeredOn > civilDateAt(fastify.clock.now())) {
      throw new ApiError('form_invalid', { domainFieldErrors: [{ field: 'answeredOn', code: 'invalid_date', message: { zh: '答卷日期不能晚于今天', en: 'The day answered cannot be in the future' } }] });
    }
    // With a key, a retried POST is the same response (its business key), written once.
    const key = idempotencyKey ? idempotentUuid(`enter-response:${questionnaireId}`, caller.userId, idempotencyKey) : randomUUID();
    if (idempotencyKey) {
      const first = await db.questionnaireResponse.findUnique({ where: { key }, select: { id: true, version: true, answers: true, communityId: true, answeredOn: true } });
      if (first) {
        // The stored answers are as the questionnaire's version checked them (trimmed, in option order): so is the retry.
        const version = await db.questionnaireVersion.findUnique({ where: { questionnaireId_version: { questionnaireId, version: first.version } }, select: { questions: true } });
        const checked = version ? checkAnswers(version.questions as Question[], answers) : null;
        const same =
          checked?.ok === true &&
          requestHashOf({ answers: first.answers, communityId: first.communityId, answeredOn: first.answeredOn ? fromDbDate(first.answeredOn) : null }) === requestHashOf({ answers: checked.answers, communityId: community?.id ?? null, answeredOn });
        if (!same) throw keyUsed('答卷', 'response');
        reply.status(201);
        return { id: first.id, version: first.version };
      }
    }
    const result = await command(request, questionnaireId, { type: 'enterResponse', actorId: caller.userId, key, communityId: community?.id ?? null, answeredOn, answers });
    reply.status(201);
    return { id: result.responseId!, version: result.version };
  });

  // ─── Respondents ──────────────────────────────────────────────────────────────────────────

  const openLink = async (token: string) => {
    const link = await findQuestionnaireLink(db, token);
    if (!link) throw notFound();
    if (link.usedAt) throw new ApiError('link_used');
    if (link.questionnaire.status === 'closed' || link.questionnaire.engagement.status === 'cancelled' || link.questionnaire.engagement.status === 'completed') throw new ApiError('questionnaire_closed');
    return link;
  };

  registerOperation(
    fastify,
    operations.getPublicQuestionnaire,
    async (request) => {
      const link = await openLink(request.params.token);
      const { questionnaire } = link;
      return {
        title: questionnaire.title,
        intro: questionnaire.intro,
        askedBy: questionnaire.engagement.clientName,
        community: link.community?.name ?? null,
        questions: questionnaire.questions as Question[],
      };
    },
    { config: { rateLimit: PUBLIC_READ_LIMIT } },
  );

  registerOperation(
    fastify,
    operations.submitPublicQuestionnaire,
    async (request, reply) => {
      const { token } = request.params;
      const link = await openLink(token);
      await runCommand(
        () =>
          engagements.questionnaireCommand(link.questionnaire.engagementId, link.questionnaireId, { type: 'submitThroughLink', key: randomUUID(), tokenHash: hashLinkToken(token), answers: request.body.answers }),
        { unknown_questionnaire: 'not_found', validation_failed: 'form_invalid', engagement_not_running: 'questionnaire_closed' },
      );
      reply.status(201);
      return { received: true as const };
    },
    { config: { rateLimit: PUBLIC_SUBMIT_LIMIT } },
  );
}
