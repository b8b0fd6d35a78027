import { createHash } from 'node:crypto';
import {
  type Answers,
  checkAnswers,
  type FieldError,
  type Question,
  questionProblems,
  type QuestionnaireResults,
  type RespondentAudience,
  type ResponseSource,
  summarizeResponses,
} from '@gongzhi/domain';
import { type DbClient, type DbTransaction } from './client';
import { type Prisma } from './generated/prisma/client';

/**
 * Field-research questionnaires in the database. They are engagement state: written only by the
 * questionnaire's workflow (its activity calls the writers here, one transaction each); the API
 * reads through the finders.
 */

export const hashLinkToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

const json = (value: unknown) => value as Prisma.InputJsonValue;

export type QuestionnaireRefusal =
  | { refused: 'not_found' }
  | { refused: 'engagement_not_running' }
  | { refused: 'questionnaire_closed' }
  | { refused: 'link_used' }
  | { refused: 'version_conflict'; currentVersion: number }
  | { refused: 'invalid'; errors: FieldError[] };

const RUNNING = new Set(['running']);
const ENDED = new Set(['cancelled', 'completed']);

async function engagementStatus(tx: DbTransaction, engagementId: string): Promise<string | null> {
  return (await tx.engagement.findUnique({ where: { id: engagementId }, select: { status: true } }))?.status ?? null;
}

export interface QuestionnaireDesign {
  title: string;
  intro: string;
  questions: Question[];
}

export async function createQuestionnaireRecord(
  tx: DbTransaction,
  input: QuestionnaireDesign & { questionnaireId: string; engagementId: string; audience: RespondentAudience; actorId: string; at: Date },
): Promise<{ created: boolean } | QuestionnaireRefusal> {
  const existing = await tx.questionnaire.findUnique({ where: { id: input.questionnaireId }, select: { engagementId: true } });
  if (existing) return existing.engagementId === input.engagementId ? { created: false } : { refused: 'not_found' };
  const status = await engagementStatus(tx, input.engagementId);
  if (status === null) return { refused: 'not_found' };
  if (!RUNNING.has(status)) return { refused: 'engagement_not_running' };
  const errors = questionProblems(input.questions);
  if (errors.length > 0) return { refused: 'invalid', errors };
  const { questionnaireId: id, engagementId, audience, title, intro, questions, actorId, at } = input;
  await tx.questionnaire.create({ data: { id, engagementId, audience, title, intro, questions: json(questions), version: 1, createdById: actorId, createdAt: at, updatedAt: at } });
  await tx.questionnaireVersion.create({ data: { questionnaireId: id, version: 1, title, intro, questions: json(questions), authorId: actorId, createdAt: at } });
  return { created: true };
}

/**
 * Locks the questionnaire (and holds the engagement's status) for the rest of the transaction:
 * commands run concurrently, and a response must not be written after a close or a cancellation
 * that committed first.
 */
async function lockQuestionnaire(tx: DbTransaction, questionnaireId: string, engagementId: string): Promise<void> {
  await tx.$queryRaw`select id from questionnaire where id = ${questionnaireId}::uuid for update`;
  await tx.$queryRaw`select id from engagement where id = ${engagementId}::uuid for share`;
}

async function openQuestionnaire(tx: DbTransaction, questionnaireId: string, engagementId: string, { designing }: { designing: boolean }) {
  await lockQuestionnaire(tx, questionnaireId, engagementId);
  const questionnaire = await tx.questionnaire.findUnique({ where: { id: questionnaireId } });
  if (!questionnaire || questionnaire.engagementId !== engagementId) return { refused: 'not_found' } as const;
  const status = await engagementStatus(tx, engagementId);
  // Respondents may answer while the engagement is paused; the design changes only while it runs.
  if (status === null || ENDED.has(status) || (designing && !RUNNING.has(status))) return { refused: 'engagement_not_running' } as const;
  if (questionnaire.status === 'closed') return { refused: 'questionnaire_closed' } as const;
  return questionnaire;
}

export async function reviseQuestionnaireRecord(
  tx: DbTransaction,
  input: QuestionnaireDesign & { questionnaireId: string; engagementId: string; expectedVersion: number; reason: string; actorId: string; at: Date },
): Promise<{ version: number; before: QuestionnaireDesign } | QuestionnaireRefusal> {
  const questionnaire = await openQuestionnaire(tx, input.questionnaireId, input.engagementId, { designing: true });
  if ('refused' in questionnaire) return questionnaire;
  if (questionnaire.version !== input.expectedVersion) {
    // A retried activity finds its own version written: the same answer as the first attempt.
    const own = await tx.questionnaireVersion.findUnique({ where: { questionnaireId_version: { questionnaireId: questionnaire.id, version: input.expectedVersion + 1 } } });
    if (own && own.createdAt.getTime() === input.at.getTime() && own.authorId === input.actorId) {
      return { version: own.version, before: { title: own.title, intro: own.intro, questions: own.questions as Question[] } };
    }
    return { refused: 'version_conflict', currentVersion: questionnaire.version };
  }
  const errors = questionProblems(input.questions);
  if (errors.length > 0) return { refused: 'invalid', errors };
  const version = questionnaire.version + 1;
  const { title, intro, questions, reason, actorId, at } = input;
  const moved = await tx.questionnaire.updateMany({ where: { id: questionnaire.id, version: questionnaire.version }, data: { title, intro, questions: json(questions), version, updatedAt: at } });
  if (moved.count !== 1) return { refused: 'version_conflict', currentVersion: questionnaire.version };
  await tx.questionnaireVersion.create({ data: { questionnaireId: questionnaire.id, version, title, intro, questions: json(questions), reason, authorId: actorId, createdAt: at } });
  return { version, before: { title: questionnaire.title, intro: questionnaire.intro, questions: questionnaire.questions as Question[] } };
}

export async function closeQuestionnaireRecord(tx: DbTransaction, input: { questionnaireId: string; engagementId: string; at: Date }): Promise<{ closed: boolean } | QuestionnaireRefusal> {
  await lockQuestionnaire(tx, input.questionnaireId, input.engagementId);
  const questionnaire = await tx.questionnaire.findUnique({ where: { id: input.questionnaireId } });
  if (!questionnaire || questionnaire.engagementId !== input.engagementId) return { refused: 'not_found' };
  if (questionnaire.status === 'closed') return { closed: false };
  const status = await engagementStatus(tx, input.engagementId);
  if (status === null || ENDED.has(status)) return { refused: 'engagement_not_running' };
  await tx.questionnaire.update({ where: { id: questionnaire.id }, data: { status: 'closed', closedAt: input.at, updatedAt: input.at } });
  return { closed: true };
}

export async function issueQuestionnaireLinkRecords(
  tx: DbTransaction,
  input: { questionnaireId: string; engagementId: string; links: { id: string; tokenHash: string }[]; communityId: string | null; actorId: string; at: Date },
): Promise<{ issued: number } | QuestionnaireRefusal> {
  const questionnaire = await openQuestionnaire(tx, input.questionnaireId, input.engagementId, { designing: true });
  if ('refused' in questionnaire) return questionnaire;
  if (input.communityId !== null && (await tx.community.count({ where: { id: input.communityId, engagementId: input.engagementId } })) === 0) {
    return { refused: 'invalid', errors: [{ field: 'communityId', code: 'invalid_option', message: { zh: '该社区不属于本项目', en: 'The community is not part of this engagement' } }] };
  }
  const created = await tx.questionnaireLink.createMany({
    data: input.links.map((link) => ({ id: link.id, questionnaireId: questionnaire.id, tokenHash: link.tokenHash, communityId: input.communityId, createdById: input.actorId, createdAt: input.at })),
    skipDuplicates: true,
  });
  return { issued: created.count };
}

export interface ResponseInput {
  questionnaireId: string;
  engagementId: string;
  /** Business key: a retried write finds the row the first attempt wrote. */
  key: string;
  source: ResponseSource;
  answers: Readonly<Record<string, unknown>>;
  at: Date;
  /** `lawyer`: who typed it in, for which community, and the day it was answered. */
  enteredById?: string;
  communityId?: string | null;
  answeredOn?: Date;
  /** `link`: the SHA-256 of the respondent's token. */
  tokenHash?: string;
}

/** One response, checked against the current version's questions; through a link, the link is used up in the same transaction. */
export async function recordQuestionnaireResponse(tx: DbTransaction, input: ResponseInput): Promise<{ responseId: string; version: number } | QuestionnaireRefusal> {
  const again = await tx.questionnaireResponse.findUnique({ where: { key: input.key }, select: { id: true, version: true } });
  if (again) return { responseId: again.id, version: again.version };
  const questionnaire = await openQuestionnaire(tx, input.questionnaireId, input.engagementId, { designing: false });
  if ('refused' in questionnaire) return questionnaire;
  // The answers first: a respondent whose answers do not fit corrects them and sends again through the same link.
  const checked = checkAnswers(questionnaire.questions as Question[], input.answers);
  if (!checked.ok) return { refused: 'invalid', errors: checked.errors.map((error) => ({ ...error, field: `answers.${error.field}`.slice(0, 200) })) };
  let communityId = input.communityId ?? null;
  let linkId: string | null = null;
  if (input.source === 'link') {
    const link = input.tokenHash ? await tx.questionnaireLink.findUnique({ where: { tokenHash: input.tokenHash } }) : null;
    if (!link || link.questionnaireId !== questionnaire.id) return { refused: 'not_found' };
    // Taken in this transaction: of two submissions racing on one link, one wins.
    const taken = await tx.questionnaireLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: input.at } });
    if (taken.count !== 1) return { refused: 'link_used' };
    linkId = link.id;
    communityId = link.communityId;
  } else if (communityId !== null && (await tx.community.count({ where: { id: communityId, engagementId: input.engagementId } })) === 0) {
    return { refused: 'invalid', errors: [{ field: 'communityId', code: 'invalid_option', message: { zh: '该社区不属于本项目', en: 'The community is not part of this engagement' } }] };
  }
  const response = await tx.questionnaireResponse.create({
    data: {
      questionnaireId: questionnaire.id,
      key: input.key,
      version: questionnaire.version,
      communityId,
      source: input.source,
      linkId,
      enteredById: input.enteredById ?? null,
      answeredOn: input.answeredOn ?? null,
      answers: json(checked.answers satisfies Answers),
      submittedAt: input.at,
    },
  });
  return { responseId: response.id, version: questionnaire.version };
}

// ─── Reading ────────────────────────────────────────────────────────────────────────────────

const userRef = { select: { id: true, displayName: true } } as const;

export async function listQuestionnaireRecords(db: DbClient, engagementId: string) {
  const questionnaires = await db.questionnaire.findMany({
    where: { engagementId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: { createdBy: userRef, _count: { select: { responses: true, links: true } } },
  });
  const used = await db.questionnaireLink.groupBy({ by: ['questionnaireId'], where: { questionnaire: { engagementId }, usedAt: { not: null } }, _count: { _all: true } });
  const usedBy = new Map(used.map((row) => [row.questionnaireId, row._count._all]));
  return questionnaires.map((questionnaire) => ({ ...questionnaire, linksUsed: usedBy.get(questionnaire.id) ?? 0 }));
}

export type QuestionnaireRecord = Awaited<ReturnType<typeof listQuestionnaireRecords>>[number];

export async function findQuestionnaireRecord(db: DbClient, engagementId: string, questionnaireId: string): Promise<QuestionnaireRecord | null> {
  const questionnaire = await db.questionnaire.findUnique({
    where: { id: questionnaireId },
    include: { createdBy: userRef, _count: { select: { responses: true, links: true } } },
  });
  if (!questionnaire || questionnaire.engagementId !== engagementId) return null;
  const linksUsed = await db.questionnaireLink.count({ where: { questionnaireId, usedAt: { not: null } } });
  return { ...questionnaire, linksUsed };
}

/** The results of every response, per question and per community (see summarizeResponses). */
export async function questionnaireResults(db: DbClient, questionnaire: { id: string; questions: unknown }): Promise<QuestionnaireResults> {
  const responses = await db.questionnaireResponse.findMany({ where: { questionnaireId: questionnaire.id }, select: { communityId: true, answers: true }, orderBy: { submittedAt: 'asc' } });
  return summarizeResponses(questionnaire.questions as Question[], responses.map((response) => ({ communityId: response.communityId, answers: response.answers as Answers })));
}

/** What a link opens: its questionnaire (with the engagement's client) and community, or null for an unknown token. */
export async function findQuestionnaireLink(db: DbClient, token: string) {
  return db.questionnaireLink.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    include: { community: { select: { name: true } }, questionnaire: { include: { engagement: { select: { id: true, clientName: true, status: true } } } } },
  });
}
