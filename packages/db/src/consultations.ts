import { type CivilDate, type ConsultationStatus, type FieldError, searchQueryTokens, searchTokens } from '@gongzhi/domain';
import { type DbClient, type DbTransaction, lockEngagement } from './client';
import { fromDbDate, toDbDate } from './dates';

/**
 * 会诊: one consultation's question, the lawyers asked, their opinions and the conclusion. Written
 * only by the consultation's `consultation-<id>` workflow (through its activities); the API reads
 * through `listConsultations`, `findConsultation` and `searchConsultations`.
 */

export interface OpenConsultationInput {
  id: string;
  engagementId: string;
  topic: string;
  question: string;
  materials: string;
  dueOn: CivilDate;
  /** The task it is opened from (its key), if any. */
  taskKey: string | null;
  holdsTask: boolean;
  invitees: readonly string[];
  actorId: string;
  at: Date;
}

export type ConsultationRefusal = { refused: 'not_found' } | { refused: 'engagement_not_running' } | { refused: 'invalid'; errors: FieldError[] } | { refused: 'closed' };

/** What the workflow needs once a consultation is on record: whom to remind, which task it holds (and which workflow owns that task). */
export interface OpenedConsultation {
  id: string;
  created: boolean;
  dueOn: CivilDate;
  requestedById: string;
  invitees: string[];
  hold: { taskKey: string; workflowId: string } | null;
}

const select = {
  id: true,
  engagementId: true,
  topic: true,
  question: true,
  materials: true,
  dueOn: true,
  holdsTask: true,
  openedAt: true,
  conclusion: true,
  concludedAt: true,
  withdrawnAt: true,
  withdrawnReason: true,
  task: { select: { id: true, key: true, titleZh: true, titleEn: true, status: true } },
  requestedBy: { select: { id: true, displayName: true } },
  concludedBy: { select: { id: true, displayName: true } },
  withdrawnBy: { select: { id: true, displayName: true } },
  invitees: { select: { user: { select: { id: true, displayName: true } } }, orderBy: { position: 'asc' } },
  opinions: { select: { id: true, body: true, givenAt: true, author: { select: { id: true, displayName: true } } }, orderBy: { givenAt: 'asc' } },
} as const;

export const consultationStatusOf = (row: { concludedAt: Date | null; withdrawnAt: Date | null }): ConsultationStatus => (row.concludedAt ? 'concluded' : row.withdrawnAt ? 'withdrawn' : 'open');

/** The engagement's consultations, open ones first, then the most recently opened (at most `take`). */
export async function listConsultations(db: DbClient, engagementId: string, filter: { taskKey?: string; status?: ConsultationStatus }, take = 200) {
  const status =
    filter.status === 'open'
      ? { concludedAt: null, withdrawnAt: null }
      : filter.status === 'concluded'
        ? { concludedAt: { not: null } }
        : filter.status === 'withdrawn'
          ? { withdrawnAt: { not: null } }
          : {};
  const where = { engagementId, ...status, ...(filter.taskKey !== undefined ? { task: { key: filter.taskKey } } : {}) };
  const orderBy = [{ openedAt: 'desc' as const }, { id: 'desc' as const }];
  // Every open one first (however old), then the most recent closed ones.
  const open = await db.consultation.findMany({ where: { AND: [where, { concludedAt: null, withdrawnAt: null }] }, select, orderBy, take });
  const closed = open.length < take ? await db.consultation.findMany({ where: { AND: [where, { OR: [{ concludedAt: { not: null } }, { withdrawnAt: { not: null } }] }] }, select, orderBy, take: take - open.length }) : [];
  return [...open, ...closed];
}
export type ConsultationRecord = Awaited<ReturnType<typeof listConsultations>>[number];

export function findConsultation(db: DbClient, engagementId: string, id: string) {
  return db.consultation.findFirst({ where: { id, engagementId }, select });
}

/**
 * Concluded consultations of every engagement, the most recently concluded first, by Chinese full
 * text (every character pair of the query must occur) through the GIN index on `search_text`.
 */
export async function searchConsultations(db: DbClient, query: { q?: string; limit: number; offset: number }) {
  const tokens = query.q === undefined ? null : searchQueryTokens(query.q);
  if (tokens !== null && tokens.length === 0) return { total: 0, rows: [] };
  const tsquery = tokens?.join(' & ') ?? null;
  const where = `WHERE c.concluded_at IS NOT NULL AND ($1::text IS NULL OR to_tsvector('simple', c.search_text) @@ to_tsquery('simple', $1::text))`;
  const [{ total }] = await db.$queryRawUnsafe<[{ total: bigint }]>(`SELECT count(*) AS total FROM consultation c ${where}`, tsquery);
  const ids = await db.$queryRawUnsafe<{ id: string }[]>(`SELECT c.id FROM consultation c ${where} ORDER BY c.concluded_at DESC, c.id DESC LIMIT $2 OFFSET $3`, tsquery, query.limit, query.offset);
  const rows = await db.consultation.findMany({
    where: { id: { in: ids.map((row) => row.id) } },
    select: {
      id: true,
      topic: true,
      question: true,
      conclusion: true,
      concludedAt: true,
      engagement: { select: { id: true, name: true } },
      concludedBy: { select: { id: true, displayName: true } },
      _count: { select: { opinions: true } },
    },
  });
  const order = new Map(ids.map((row, index) => [row.id, index]));
  return { total: Number(total), rows: rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)) };
}

/** The search tokens of what is written on a consultation (its question, materials, opinions, conclusion). */
const searchTextOf = (parts: readonly string[]) => searchTokens(parts.join('\n')).join(' ');

/** The search tokens of everything written on the consultation, recomputed on each write after its opening. */
async function refreshSearchText(tx: DbTransaction, id: string): Promise<void> {
  const row = await tx.consultation.findUniqueOrThrow({ where: { id }, select: { topic: true, question: true, materials: true, conclusion: true, opinions: { select: { body: true } } } });
  await tx.consultation.update({ where: { id }, data: { searchText: searchTextOf([row.topic, row.question, row.materials, ...row.opinions.map((opinion) => opinion.body), row.conclusion ?? '']) } });
}

/**
 * Why a consultation cannot be opened as asked (none: it can), and the task it is opened from:
 * those asked must be on the engagement's firm team and not the requester; the task, if named,
 * the engagement's, and open when it is to wait. The API asks first; the workflow again as it writes.
 */
export async function checkConsultationOpening(
  db: DbClient | DbTransaction,
  input: Pick<OpenConsultationInput, 'engagementId' | 'taskKey' | 'holdsTask' | 'invitees' | 'actorId'>,
): Promise<{ errors: FieldError[]; task: { id: string; key: string; workflowId: string } | null }> {
  const errors: FieldError[] = [];
  const members = await db.engagementMember.findMany({ where: { engagementId: input.engagementId, role: { in: ['pm', 'partner', 'lawyer'] } }, select: { userId: true } });
  const team = new Set(members.map((member) => member.userId));
  if (input.invitees.includes(input.actorId)) errors.push({ field: 'invitees', code: 'invalid_option', message: { zh: '不能邀请自己：请选择其他律师', en: 'You cannot ask yourself: choose other lawyers' } });
  else if (input.invitees.some((userId) => !team.has(userId))) {
    errors.push({ field: 'invitees', code: 'invalid_option', message: { zh: '只能邀请本项目团队的律师、项目经理或合伙人', en: 'Only the engagement’s lawyers, PM or partner can be asked' } });
  }
  let task: { id: string; key: string; workflowId: string } | null = null;
  if (input.taskKey !== null) {
    const row = await db.task.findFirst({ where: { engagementId: input.engagementId, key: input.taskKey }, select: { id: true, key: true, workflowId: true, status: true, role: true } });
    if (!row) errors.push({ field: 'taskKey', code: 'invalid_option', message: { zh: '本项目中没有该任务', en: 'The engagement has no such task' } });
    else if (input.holdsTask && row.status !== 'active' && row.status !== 'changes_requested') {
      // Only an open task waits: a pending one's workflow may not run yet, a closed one waits for nothing.
      errors.push({ field: 'holdsTask', code: 'rule', message: { zh: '只有办理中的任务可以等待会诊结论', en: 'Only a task in progress can wait for the conclusion' } });
    } else if (input.holdsTask && row.role === 'client') {
      // The client's decisions are not held by the firm's internal deliberation (which the contact never sees).
      errors.push({ field: 'holdsTask', code: 'rule', message: { zh: '委托方确认的任务不能等待会诊结论', en: 'A task for the client to confirm cannot wait for a consultation' } });
    } else task = { id: row.id, key: row.key, workflowId: row.workflowId };
  } else if (input.holdsTask) errors.push({ field: 'holdsTask', code: 'rule', message: { zh: '请先选择要等待会诊结论的任务', en: 'Choose the task that is to wait for the conclusion' } });
  return { errors, task };
}

const taskHold = (task: { key: string; workflowId: string } | null, holdsTask: boolean) => (task && holdsTask ? { taskKey: task.key, workflowId: task.workflowId } : null);

/**
 * Puts a consultation on record under the engagement's lock; a retried attempt (same id) finds it
 * written. Those asked must be on the engagement's firm team (not the requester); the task, if
 * named, must be the engagement's and still open.
 */
export async function openConsultationRecord(tx: DbTransaction, input: OpenConsultationInput): Promise<OpenedConsultation | ConsultationRefusal> {
  const status = await lockEngagement(tx, input.engagementId);
  if (status === null) return { refused: 'not_found' };
  const existing = await tx.consultation.findUnique({
    where: { id: input.id },
    select: { dueOn: true, requestedById: true, holdsTask: true, concludedAt: true, withdrawnAt: true, task: { select: { key: true, workflowId: true } }, invitees: { select: { userId: true }, orderBy: { position: 'asc' } } },
  });
  if (existing) {
    const open = existing.concludedAt === null && existing.withdrawnAt === null;
    return {
      id: input.id,
      created: false,
      dueOn: fromDbDate(existing.dueOn),
      requestedById: existing.requestedById,
      invitees: existing.invitees.map((invitee) => invitee.userId),
      hold: open ? taskHold(existing.task, existing.holdsTask) : null,
    };
  }
  if (status === 'cancelled') return { refused: 'engagement_not_running' };
  const { errors, task } = await checkConsultationOpening(tx, input);
  if (errors.length > 0) return { refused: 'invalid', errors };
  await tx.consultation.create({
    data: {
      id: input.id,
      engagementId: input.engagementId,
      taskId: task?.id ?? null,
      holdsTask: input.holdsTask && task !== null,
      topic: input.topic,
      question: input.question,
      materials: input.materials,
      dueOn: toDbDate(input.dueOn),
      requestedById: input.actorId,
      openedAt: input.at,
      searchText: searchTextOf([input.topic, input.question, input.materials]),
      invitees: { create: [...new Set(input.invitees)].map((userId, position) => ({ userId, position })) },
    },
  });
  return { id: input.id, created: true, dueOn: input.dueOn, requestedById: input.actorId, invitees: [...new Set(input.invitees)], hold: taskHold(task, input.holdsTask) };
}

/**
 * A consultation as its workflow holds it, for a run picking it up after one that ended early
 * (terminated, failed): whether it is open, its due day, and the task it holds (or held: a closed
 * one releases it again).
 */
export async function loadConsultationState(db: DbClient | DbTransaction, consultationId: string): Promise<(Omit<OpenedConsultation, 'created'> & { engagementId: string; status: ConsultationStatus }) | null> {
  const row = await db.consultation.findUnique({
    where: { id: consultationId },
    select: { engagementId: true, dueOn: true, requestedById: true, holdsTask: true, concludedAt: true, withdrawnAt: true, task: { select: { key: true, workflowId: true } }, invitees: { select: { userId: true }, orderBy: { position: 'asc' } } },
  });
  if (!row) return null;
  return {
    id: consultationId,
    engagementId: row.engagementId,
    status: consultationStatusOf(row),
    dueOn: fromDbDate(row.dueOn),
    requestedById: row.requestedById,
    invitees: row.invitees.map((invitee) => invitee.userId),
    hold: taskHold(row.task, row.holdsTask),
  };
}

const lockConsultation = async (tx: DbTransaction, id: string) => {
  const [row] = await tx.$queryRaw<{ concluded: boolean; withdrawn: boolean; conclusion: string | null; reason: string | null; closedBy: string | null }[]>`
    select concluded_at is not null as concluded, withdrawn_at is not null as withdrawn, conclusion, withdrawn_reason as reason,
           coalesce(concluded_by_id, withdrawn_by_id)::text as "closedBy"
    from consultation where id = ${id}::uuid for update`;
  return row ?? null;
};

/** Adds an opinion; a retried attempt (same opinion id) finds it written. A closed consultation takes none. */
export async function addConsultationOpinionRecord(tx: DbTransaction, input: { consultationId: string; opinionId: string; body: string; actorId: string; at: Date }): Promise<{ changed: boolean } | ConsultationRefusal> {
  const row = await lockConsultation(tx, input.consultationId);
  if (!row) return { refused: 'not_found' };
  if (await tx.consultationOpinion.findUnique({ where: { id: input.opinionId }, select: { id: true } })) return { changed: false };
  if (row.concluded || row.withdrawn) return { refused: 'closed' };
  await tx.consultationOpinion.create({ data: { id: input.opinionId, consultationId: input.consultationId, authorId: input.actorId, body: input.body, givenAt: input.at } });
  await refreshSearchText(tx, input.consultationId);
  return { changed: true };
}

/** Concludes or withdraws an open consultation; the same close again (a retry: same person, same words) changes nothing, any other is refused. */
export async function closeConsultationRecord(
  tx: DbTransaction,
  input: { consultationId: string; close: { kind: 'conclude'; conclusion: string } | { kind: 'withdraw'; reason: string }; actorId: string; at: Date },
): Promise<{ changed: boolean } | ConsultationRefusal> {
  const row = await lockConsultation(tx, input.consultationId);
  if (!row) return { refused: 'not_found' };
  const isRetry =
    row.closedBy === input.actorId &&
    ((input.close.kind === 'conclude' && row.concluded && row.conclusion === input.close.conclusion) || (input.close.kind === 'withdraw' && row.withdrawn && row.reason === input.close.reason));
  if (isRetry) return { changed: false };
  if (row.concluded || row.withdrawn) return { refused: 'closed' };
  const data =
    input.close.kind === 'conclude'
      ? { conclusion: input.close.conclusion, concludedById: input.actorId, concludedAt: input.at }
      : { withdrawnReason: input.close.reason, withdrawnById: input.actorId, withdrawnAt: input.at };
  await tx.consultation.update({ where: { id: input.consultationId }, data });
  await refreshSearchText(tx, input.consultationId);
  return { changed: true };
}

/** Those asked who have not given an opinion yet (for the deadline's reminder). */
export async function unansweredInvitees(db: DbClient, consultationId: string): Promise<string[]> {
  const rows = await db.consultationInvitee.findMany({ where: { consultationId, user: { consultationOpinions: { none: { consultationId } } } }, select: { userId: true }, orderBy: { position: 'asc' } });
  return rows.map((row) => row.userId);
}
