import { type AdoptionInstrument, type AdoptionStatus, type CivilDate, type FieldError, type MeetingFigures, type MeetingOutcome, type OwnersMatter, isAdoptionClosed, statusAfterPassingVote } from '@gongzhi/domain';
import { type DbClient, type DbTransaction, lockEngagement } from './client';
import { fromDbDate, toDbDate } from './dates';

/**
 * 民主程序: one community's adoption of a residents' convention or an owners' matter — notice,
 * meetings with their verdicts, 备案. Written only by the adoption's `adoption-<id>` workflow
 * (through its activities), which keeps the procedure's state and refuses what does not fit it;
 * each write here is idempotent (a retried activity finds it done). The API reads through
 * `listAdoptions` and `findAdoption`.
 */

export interface OpenAdoptionInput {
  id: string;
  engagementId: string;
  communityId: string;
  instrument: AdoptionInstrument;
  matter: OwnersMatter | null;
  title: string;
  noticeFrom: CivilDate;
  noticeTo: CivilDate;
  location: string;
  actorId: string;
  at: Date;
}

/** The community's tasks a residents' convention's procedure completes, and the workflow that owns them. */
export interface AdoptionDrive {
  workflowId: string;
  notice: string;
  vote: string;
  filing: string;
}

export type AdoptionRefusal = { refused: 'not_found' } | { refused: 'engagement_not_running' } | { refused: 'invalid'; errors: FieldError[] } | { refused: 'conflict'; errors: FieldError[] };

export interface OpenedAdoption {
  id: string;
  created: boolean;
  drive: AdoptionDrive | null;
}

const select = {
  id: true,
  engagementId: true,
  instrument: true,
  matter: true,
  title: true,
  status: true,
  openedAt: true,
  noticeFrom: true,
  noticeTo: true,
  noticeLocation: true,
  noticeRound: true,
  adoptedMeetingId: true,
  filedOn: true,
  filedWith: true,
  filingNo: true,
  withdrawnAt: true,
  withdrawnReason: true,
  community: { select: { id: true, key: true, name: true } },
  openedBy: { select: { id: true, displayName: true } },
  filedBy: { select: { id: true, displayName: true } },
  withdrawnBy: { select: { id: true, displayName: true } },
  meetings: {
    select: { id: true, position: true, heldOn: true, figures: true, verdict: true, explanationZh: true, explanationEn: true, note: true, recordedAt: true, recordedBy: { select: { id: true, displayName: true } } },
    orderBy: { position: 'asc' },
  },
} as const;

/** The engagement's adoptions: those in progress first, then the most recently opened (at most `take`). */
export async function listAdoptions(db: DbClient, engagementId: string, filter: { communityId?: string } = {}, take = 200) {
  const rows = await db.conventionAdoption.findMany({
    where: { engagementId, ...(filter.communityId ? { communityId: filter.communityId } : {}) },
    select,
    orderBy: [{ openedAt: 'desc' }, { id: 'desc' }],
    take,
  });
  const closed = (status: string) => isAdoptionClosed(status as AdoptionStatus);
  return [...rows.filter((row) => !closed(row.status)), ...rows.filter((row) => closed(row.status))];
}
export type AdoptionRecord = Awaited<ReturnType<typeof listAdoptions>>[number];

export function findAdoption(db: DbClient, engagementId: string, id: string) {
  return db.conventionAdoption.findFirst({ where: { id, engagementId }, select });
}

const conventionTaskKey = (task: string, communityKey: string) => `self-governance.${task}~${communityKey}`;
const conventionTaskKeys = (communityKey: string) => ({
  draft: conventionTaskKey('convention-draft', communityKey),
  notice: conventionTaskKey('public-notice', communityKey),
  vote: conventionTaskKey('residents-meeting-vote', communityKey),
  filing: conventionTaskKey('convention-filing', communityKey),
});

/** The notice, vote and filing tasks a convention's procedure completes, when one workflow owns all three. */
function driveOf(tasks: { key: string; workflowId: string }[], keys: ReturnType<typeof conventionTaskKeys>): AdoptionDrive | null {
  const [notice, vote, filing] = [keys.notice, keys.vote, keys.filing].map((key) => tasks.find((row) => row.key === key));
  return notice && vote && filing && notice.workflowId === vote.workflowId && vote.workflowId === filing.workflowId ? { workflowId: notice.workflowId, notice: keys.notice, vote: keys.vote, filing: keys.filing } : null;
}

/**
 * Why an adoption cannot be opened as asked (none: it can), and for a residents' convention the
 * community's tasks it will drive. The community must be the engagement's; a residents' convention
 * needs its draft approved by the partner, not filed by hand already, and no other procedure for it
 * in progress or adopted. The API asks first; the workflow again as it writes, under the lock.
 */
export async function checkAdoptionOpening(
  db: DbClient | DbTransaction,
  input: Pick<OpenAdoptionInput, 'engagementId' | 'communityId' | 'instrument' | 'matter'> & { id?: string },
): Promise<{ errors: FieldError[]; conflict: FieldError[]; drive: AdoptionDrive | null }> {
  const community = await db.community.findFirst({ where: { id: input.communityId, engagementId: input.engagementId }, select: { id: true, key: true } });
  if (!community) return { errors: [{ field: 'communityId', code: 'invalid_option', message: { zh: '本项目中没有该社区', en: 'The engagement has no such community' } }], conflict: [], drive: null };
  if (input.instrument !== 'residents_convention') {
    // The threshold depends on it (民法典 Art. 278 ¶2): never assumed.
    const errors: FieldError[] = input.matter ? [] : [{ field: 'matter', code: 'required', message: { zh: '请选择表决事项类别（一般事项或须四分之三同意的特别事项）', en: 'Say whether it is an ordinary or a special matter' } }];
    return { errors, conflict: [], drive: null };
  }
  const keys = conventionTaskKeys(community.key);
  const tasks = await db.task.findMany({ where: { engagementId: input.engagementId, key: { in: Object.values(keys) } }, select: { key: true, status: true, workflowId: true } });
  const task = (key: string) => tasks.find((row) => row.key === key);
  const draft = task(keys.draft);
  const filing = task(keys.filing);
  if (!draft || draft.status !== 'done') {
    return { errors: [{ field: 'communityId', code: 'rule', message: { zh: '该社区的居民公约草案尚未经合伙人审定通过，不能启动公示', en: 'The community’s draft convention has not been approved by the partner yet' } }], conflict: [], drive: null };
  }
  if (filing?.status === 'done') {
    return { errors: [], conflict: [{ field: 'communityId', code: 'rule', message: { zh: '该社区的居民公约已登记备案，无需再次启动民主程序', en: 'The community’s convention is already filed' } }], drive: null };
  }
  const other = await db.conventionAdoption.findFirst({ where: { communityId: community.id, instrument: 'residents_convention', status: { not: 'withdrawn' }, ...(input.id ? { id: { not: input.id } } : {}) }, select: { id: true } });
  if (other) {
    return { errors: [], conflict: [{ field: 'communityId', code: 'rule', message: { zh: '该社区的居民公约已有进行中或已通过的民主程序', en: 'The community’s convention already has a procedure in progress or adopted' } }], drive: null };
  }
  return { errors: [], conflict: [], drive: driveOf(tasks, keys) };
}

/** Puts an adoption on record under the engagement's lock, on notice; a retried attempt (same id) finds it written. */
export async function openAdoptionRecord(tx: DbTransaction, input: OpenAdoptionInput): Promise<OpenedAdoption | AdoptionRefusal> {
  const status = await lockEngagement(tx, input.engagementId);
  if (status === null) return { refused: 'not_found' };
  const existing = await tx.conventionAdoption.findUnique({ where: { id: input.id }, select: { status: true } });
  if (existing) {
    // A retry: the drive is as it was unless the procedure has closed since.
    if (isAdoptionClosed(existing.status as AdoptionStatus)) return { id: input.id, created: false, drive: null };
    const { drive } = await checkAdoptionOpening(tx, input);
    return { id: input.id, created: false, drive };
  }
  if (status === 'cancelled') return { refused: 'engagement_not_running' };
  const { errors, conflict, drive } = await checkAdoptionOpening(tx, input);
  if (errors.length > 0) return { refused: 'invalid', errors };
  if (conflict.length > 0) return { refused: 'conflict', errors: conflict };
  await tx.conventionAdoption.create({
    data: {
      id: input.id,
      engagementId: input.engagementId,
      communityId: input.communityId,
      instrument: input.instrument,
      matter: input.instrument === 'owners_rules' ? input.matter : null,
      title: input.title,
      status: 'notice' satisfies AdoptionStatus,
      openedById: input.actorId,
      openedAt: input.at,
      noticeFrom: toDbDate(input.noticeFrom),
      noticeTo: toDbDate(input.noticeTo),
      noticeLocation: input.location,
      updatedAt: input.at,
    },
  });
  return { id: input.id, created: true, drive };
}

/** A procedure as its workflow holds it: what a run picks up when the one before it ended early (terminated, failed). */
export interface AdoptionState {
  engagementId: string;
  instrument: AdoptionInstrument;
  matter: OwnersMatter | null;
  status: AdoptionStatus;
  notice: { from: CivilDate; to: CivilDate; location: string; round: number; by: string };
  meetings: { heldOn: CivilDate; passed: boolean; figures: MeetingFigures; by: string }[];
  filing: { filedOn: CivilDate; filingNo: string | null; by: string | null } | null;
  /** For a convention, open or closed: a run picking up after an early end repeats what it sent. */
  drive: AdoptionDrive | null;
}

/** The procedure's state from its record, with the tasks it drives while open (null: no such procedure). */
export async function loadAdoptionState(db: DbClient | DbTransaction, adoptionId: string): Promise<AdoptionState | null> {
  const row = await db.conventionAdoption.findUnique({
    where: { id: adoptionId },
    select: {
      engagementId: true,
      instrument: true,
      matter: true,
      status: true,
      noticeFrom: true,
      noticeTo: true,
      noticeLocation: true,
      noticeRound: true,
      openedById: true,
      filedOn: true,
      filingNo: true,
      filedById: true,
      community: { select: { key: true } },
      meetings: { select: { heldOn: true, verdict: true, figures: true, recordedById: true }, orderBy: { position: 'asc' } },
    },
  });
  if (!row) return null;
  const status = row.status as AdoptionStatus;
  let drive: AdoptionDrive | null = null;
  if (row.instrument === 'residents_convention') {
    const keys = conventionTaskKeys(row.community.key);
    drive = driveOf(await db.task.findMany({ where: { engagementId: row.engagementId, key: { in: [keys.notice, keys.vote, keys.filing] } }, select: { key: true, workflowId: true } }), keys);
  }
  return {
    engagementId: row.engagementId,
    instrument: row.instrument as AdoptionInstrument,
    matter: (row.matter as OwnersMatter | null) ?? null,
    status,
    notice: { from: fromDbDate(row.noticeFrom), to: fromDbDate(row.noticeTo), location: row.noticeLocation, round: row.noticeRound, by: row.openedById },
    meetings: row.meetings.map((meeting) => ({ heldOn: fromDbDate(meeting.heldOn), passed: meeting.verdict === 'passed', figures: meeting.figures as unknown as MeetingFigures, by: meeting.recordedById })),
    filing: row.filedOn ? { filedOn: fromDbDate(row.filedOn), filingNo: row.filingNo, by: row.filedById } : null,
    drive,
  };
}

/** The notice period is over: the procedure waits for the meeting. Only from `notice` (a retry changes nothing). */
export async function endAdoptionNoticeRecord(tx: DbTransaction, input: { adoptionId: string; at: Date }): Promise<{ changed: boolean }> {
  const { count } = await tx.conventionAdoption.updateMany({ where: { id: input.adoptionId, status: 'notice' }, data: { status: 'awaiting_meeting' satisfies AdoptionStatus, updatedAt: input.at } });
  return { changed: count > 0 };
}

/** Records a meeting and its verdict; a retried attempt (same meeting id) finds it written. */
export async function recordAdoptionMeetingRecord(
  tx: DbTransaction,
  input: { adoptionId: string; meetingId: string; heldOn: CivilDate; figures: MeetingFigures; outcome: MeetingOutcome; note: string; actorId: string; at: Date },
): Promise<{ changed: boolean; position: number; verdict: MeetingOutcome['verdict'] } | { refused: 'out_of_order' }> {
  const existing = await tx.adoptionMeeting.findUnique({ where: { id: input.meetingId }, select: { position: true, verdict: true } });
  if (existing) return { changed: false, position: existing.position, verdict: existing.verdict as MeetingOutcome['verdict'] };
  // Under the row's lock: an attempt of a run that ended early may still land after the next run read the record.
  const [row] = await tx.$queryRaw<{ instrument: string; status: string }[]>`SELECT instrument, status FROM convention_adoption WHERE id = ${input.adoptionId}::uuid FOR UPDATE`;
  if (row?.status !== 'awaiting_meeting' && row?.status !== 'meeting_failed') return { refused: 'out_of_order' };
  const { instrument } = row;
  const position = (await tx.adoptionMeeting.count({ where: { adoptionId: input.adoptionId } })) + 1;
  await tx.adoptionMeeting.create({
    data: {
      id: input.meetingId,
      adoptionId: input.adoptionId,
      position,
      heldOn: toDbDate(input.heldOn),
      figures: { ...input.figures },
      verdict: input.outcome.verdict,
      explanationZh: input.outcome.explanation.zh,
      explanationEn: input.outcome.explanation.en,
      note: input.note,
      recordedById: input.actorId,
      recordedAt: input.at,
    },
  });
  const passed = input.outcome.verdict === 'passed';
  await tx.conventionAdoption.update({
    where: { id: input.adoptionId },
    data: { status: passed ? statusAfterPassingVote(instrument as AdoptionInstrument) : ('meeting_failed' satisfies AdoptionStatus), ...(passed ? { adoptedMeetingId: input.meetingId } : {}), updatedAt: input.at },
  });
  return { changed: true, position, verdict: input.outcome.verdict };
}

/** A revised draft on a new notice (round `round`); a retry of the same round changes nothing. */
export async function renoticeAdoptionRecord(tx: DbTransaction, input: { adoptionId: string; round: number; noticeFrom: CivilDate; noticeTo: CivilDate; location: string; at: Date }): Promise<{ changed: boolean }> {
  const { count } = await tx.conventionAdoption.updateMany({
    where: { id: input.adoptionId, noticeRound: { lt: input.round } },
    data: { status: 'notice' satisfies AdoptionStatus, noticeRound: input.round, noticeFrom: toDbDate(input.noticeFrom), noticeTo: toDbDate(input.noticeTo), noticeLocation: input.location, updatedAt: input.at },
  });
  return { changed: count > 0 };
}

/** The 备案: only after a passing meeting; a retry changes nothing. */
export async function fileAdoptionRecord(tx: DbTransaction, input: { adoptionId: string; filedOn: CivilDate; filedWith: string; filingNo: string | null; actorId: string; at: Date }): Promise<{ changed: boolean }> {
  const { count } = await tx.conventionAdoption.updateMany({
    where: { id: input.adoptionId, status: 'awaiting_filing', adoptedMeetingId: { not: null } },
    data: { status: 'adopted' satisfies AdoptionStatus, filedOn: toDbDate(input.filedOn), filedWith: input.filedWith, filingNo: input.filingNo, filedById: input.actorId, updatedAt: input.at },
  });
  return { changed: count > 0 };
}

/** Withdraws a procedure not yet adopted; a retry changes nothing. */
export async function withdrawAdoptionRecord(tx: DbTransaction, input: { adoptionId: string; reason: string; actorId: string; at: Date }): Promise<{ changed: boolean }> {
  const { count } = await tx.conventionAdoption.updateMany({
    where: { id: input.adoptionId, status: { notIn: ['adopted', 'withdrawn'] } },
    data: { status: 'withdrawn' satisfies AdoptionStatus, withdrawnAt: input.at, withdrawnById: input.actorId, withdrawnReason: input.reason, updatedAt: input.at },
  });
  return { changed: count > 0 };
}

/** The notice as the procedure holds it, for the API's answer. */
export const noticeOf = (row: Pick<AdoptionRecord, 'noticeFrom' | 'noticeTo' | 'noticeLocation' | 'noticeRound'>) => ({
  from: fromDbDate(row.noticeFrom),
  to: fromDbDate(row.noticeTo),
  location: row.noticeLocation,
  round: row.noticeRound,
});

// ─── 公示 comments ────────────────────────────────────────────────────────────────────────────

/** Single-use comment links (hashes only); a retried write finds them written. */
export async function issueAdoptionCommentLinksRecord(tx: DbTransaction, input: { adoptionId: string; links: { id: string; tokenHash: string }[]; actorId: string; at: Date }): Promise<{ changed: boolean }> {
  const { count } = await tx.adoptionCommentLink.createMany({
    data: input.links.map((link) => ({ id: link.id, adoptionId: input.adoptionId, tokenHash: link.tokenHash, createdById: input.actorId, createdAt: input.at })),
    skipDuplicates: true,
  });
  return { changed: count > 0 };
}

export type CommentsRefusal = { refused: 'not_found' } | { refused: 'link_used' };

/**
 * A resident's comments through one link, which they use up; a retried write (same comment ids)
 * finds them written, and a link used by another set is refused.
 */
export async function submitAdoptionCommentsRecord(
  tx: DbTransaction,
  input: { adoptionId: string; tokenHash: string; round: number; comments: { id: string; clause: string; body: string }[]; signedAs: string; at: Date },
): Promise<{ changed: boolean } | CommentsRefusal> {
  const link = await tx.adoptionCommentLink.findUnique({ where: { tokenHash: input.tokenHash }, select: { id: true, adoptionId: true, usedAt: true } });
  if (!link || link.adoptionId !== input.adoptionId) return { refused: 'not_found' };
  if (link.usedAt) {
    const first = await tx.adoptionComment.findUnique({ where: { id: input.comments[0]!.id }, select: { linkId: true } });
    return first?.linkId === link.id ? { changed: false } : { refused: 'link_used' };
  }
  const { count } = await tx.adoptionCommentLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: input.at } });
  if (count === 0) return { refused: 'link_used' };
  await tx.adoptionComment.createMany({
    data: input.comments.map((comment, index) => ({
      id: comment.id,
      adoptionId: input.adoptionId,
      linkId: link.id,
      noticeRound: input.round,
      position: index + 1,
      clause: comment.clause,
      body: comment.body,
      signedAs: input.signedAs,
      submittedAt: input.at,
    })),
  });
  return { changed: true };
}

/** The team's answer to a comment (replacing an earlier one); the same answer again changes nothing. */
export async function answerAdoptionCommentRecord(tx: DbTransaction, input: { adoptionId: string; commentId: string; answer: string; actorId: string; at: Date }): Promise<{ changed: boolean } | { refused: 'not_found' }> {
  const comment = await tx.adoptionComment.findFirst({ where: { id: input.commentId, adoptionId: input.adoptionId }, select: { answer: true } });
  if (!comment) return { refused: 'not_found' };
  if (comment.answer === input.answer) return { changed: false };
  await tx.adoptionComment.update({ where: { id: input.commentId }, data: { answer: input.answer, answeredById: input.actorId, answeredAt: input.at } });
  return { changed: true };
}

/** The procedure's comments, oldest first, with the links issued and used. */
export async function listAdoptionComments(db: DbClient, adoptionId: string) {
  const [items, issued, used] = await Promise.all([
    db.adoptionComment.findMany({
      where: { adoptionId },
      select: { id: true, noticeRound: true, clause: true, body: true, signedAs: true, submittedAt: true, answer: true, answeredAt: true, answeredBy: { select: { id: true, displayName: true } } },
      orderBy: [{ submittedAt: 'asc' }, { linkId: 'asc' }, { position: 'asc' }],
      take: 5000,
    }),
    db.adoptionCommentLink.count({ where: { adoptionId } }),
    db.adoptionCommentLink.count({ where: { adoptionId, usedAt: { not: null } } }),
  ]);
  return { items, links: { issued, used } };
}
export type AdoptionCommentRecord = Awaited<ReturnType<typeof listAdoptionComments>>['items'][number];

/** What a comment link opens: its procedure, for the public page. */
export function findAdoptionCommentLink(db: DbClient, tokenHash: string) {
  return db.adoptionCommentLink.findUnique({
    where: { tokenHash },
    select: {
      usedAt: true,
      adoption: {
        select: {
          id: true,
          engagementId: true,
          title: true,
          instrument: true,
          status: true,
          noticeFrom: true,
          noticeTo: true,
          noticeLocation: true,
          community: { select: { name: true } },
          engagement: { select: { clientName: true, status: true } },
        },
      },
    },
  });
}
