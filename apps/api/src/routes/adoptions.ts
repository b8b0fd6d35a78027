import { randomBytes, randomUUID } from 'node:crypto';
import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { operations } from '@gongzhi/contracts';
import { type AdoptionCommentRecord, type AdoptionRecord, checkAdoptionOpening, findAdoption, findAdoptionCommentLink, fromDbDate, hashLinkToken, isEngagementRunning, listAdoptionComments, listAdoptions, noticeOf } from '@gongzhi/db';
import { ADOPTION_LIMITS, type AdoptionStatus, isAdoptionClosed, OFFICE_MIME_TYPES, checkNoticeTerms, civilDateAt, type FieldError, type MeetingFigures, type OwnersMatter } from '@gongzhi/domain';
import { ApiError, forbidden, notFound, reasonRequired } from '../lib/api-error';
import { runCommand } from '../lib/command-errors';
import { idempotentUuid, keyUsed } from '../lib/idempotency';
import { sendStoredFile } from '../lib/files';
import { registerOperation } from '../lib/operation-route';
import { PUBLIC_READ_LIMIT, PUBLIC_SUBMIT_LIMIT } from '../lib/public-limits';
import { accessOf, callerOfRequest } from '../plugins/app/access';
import { iso, userRef, withdrawalOf } from '../views/common';

/** What the caller may do now: the engagement's PM, each at its step (see the contract's `can`). */
const abilities = (request: FastifyRequest, row: AdoptionRecord, today: string) => {
  const isPm = accessOf(request).teamRole === 'pm';
  const status = row.status as AdoptionStatus;
  const closed = isAdoptionClosed(status);
  // A notice past its last day that its run has not ended yet (or a run that ended early): the
  // command's run ends it first, then takes the vote or the revised draft.
  const voting = status === 'awaiting_meeting' || status === 'meeting_failed' || (status === 'notice' && fromDbDate(row.noticeTo) < today);
  return {
    recordMeeting: isPm && voting,
    renotice: isPm && voting,
    file: isPm && status === 'awaiting_filing',
    withdraw: isPm && !closed,
  };
};

const view = (request: FastifyRequest, row: AdoptionRecord, today: string = civilDateAt(new Date())) => ({
  id: row.id,
  engagementId: row.engagementId,
  community: { id: row.community.id, name: row.community.name },
  instrument: row.instrument as 'residents_convention' | 'owners_rules',
  matter: (row.matter as OwnersMatter | null) ?? null,
  title: row.title,
  status: row.status as AdoptionStatus,
  notice: noticeOf(row),
  meetings: row.meetings.map((meeting) => ({
    id: meeting.id,
    position: meeting.position,
    heldOn: fromDbDate(meeting.heldOn),
    figures: meeting.figures as unknown as MeetingFigures,
    verdict: meeting.verdict as 'passed' | 'no_quorum' | 'vote_lost',
    explanation: { zh: meeting.explanationZh, en: meeting.explanationEn },
    note: meeting.note,
    recordedBy: userRef(meeting.recordedBy),
    recordedAt: iso(meeting.recordedAt),
  })),
  filing: row.filedOn && row.filedWith ? { filedOn: fromDbDate(row.filedOn), filedWith: row.filedWith, filingNo: row.filingNo, by: row.filedBy ? userRef(row.filedBy) : null } : null,
  drivesTasks: row.instrument === 'residents_convention',
  openedBy: userRef(row.openedBy),
  openedAt: iso(row.openedAt),
  withdrawn: withdrawalOf(row),
  can: abilities(request, row, today),
});

/** The page a comment link opens. */
export const commentPagePath = (token: string) => `/c/${token}`;

const commentView = (comment: AdoptionCommentRecord) => ({
  id: comment.id,
  round: comment.noticeRound,
  clause: comment.clause,
  body: comment.body,
  signedAs: comment.signedAs,
  submittedAt: iso(comment.submittedAt),
  answer: comment.answer && comment.answeredAt ? { text: comment.answer, by: comment.answeredBy ? userRef(comment.answeredBy) : null, at: iso(comment.answeredAt) } : null,
});

/** The Update id for a keyed command: a retry while the first is in flight joins it. */
const keyed = (kind: string, request: FastifyRequest, idempotencyKey: string | undefined) => (idempotencyKey ? `${kind}:${idempotentUuid(`adoption-${kind}`, callerOfRequest(request).userId, idempotencyKey)}` : undefined);

/** 民主程序: read here, written by each procedure's workflow. */
export default async function adoptionRoutes(fastify: FastifyInstance): Promise<void> {
  const { db, engagements, files } = fastify;
  const today = () => civilDateAt(fastify.clock.now());
  const adoptionOf = async (engagementId: string, id: string) => {
    const row = await findAdoption(db, engagementId, id);
    if (!row) throw notFound();
    return row;
  };
  /** The step's own checks are the workflow's; these answer first what the record already shows. */
  const openFor = (request: FastifyRequest, row: AdoptionRecord) => {
    if (isAdoptionClosed(row.status as AdoptionStatus)) throw new ApiError('adoption_closed');
    if (accessOf(request).teamRole !== 'pm') throw forbidden();
  };

  registerOperation(fastify, operations.listAdoptions, async (request) => {
    const { engagementId, teamRole } = accessOf(request);
    const [rows, running] = await Promise.all([listAdoptions(db, engagementId, request.query.community ? { communityId: request.query.community } : {}), isEngagementRunning(db, engagementId)]);
    return { items: rows.map((row) => view(request, row)), can: { open: running && teamRole === 'pm' } };
  });

  registerOperation(fastify, operations.getAdoption, async (request) => {
    const { engagementId } = accessOf(request);
    return view(request, await adoptionOf(engagementId, request.params.adoptionId));
  });

  registerOperation(fastify, operations.openAdoption, async (request, reply) => {
    const { engagementId } = accessOf(request);
    const caller = callerOfRequest(request);
    const { idempotencyKey, ...body } = request.body;
    const open = {
      actorId: caller.userId,
      communityId: body.communityId,
      instrument: body.instrument,
      matter: body.instrument === 'owners_rules' ? (body.matter ?? null) : null,
      title: body.title.trim(),
      noticeFrom: body.noticeFrom,
      noticeTo: body.noticeTo,
      location: body.location.trim(),
    };
    const id = idempotencyKey ? idempotentUuid(`adoption:${engagementId}`, caller.userId, idempotencyKey) : randomUUID();
    if (idempotencyKey) {
      const first = await findAdoption(db, engagementId, id);
      if (first) {
        const same = first.community.id === open.communityId && first.instrument === open.instrument && first.title === open.title;
        if (!same) throw keyUsed('民主程序', 'adoption procedure');
        reply.status(201);
        return view(request, first);
      }
    }
    if (!(await isEngagementRunning(db, engagementId))) throw new ApiError('engagement_not_running');
    const errors: FieldError[] = [];
    if (!open.title) errors.push({ field: 'title', code: 'required', message: { zh: '请写明公示的文件名称', en: 'Name the document put on notice' } });
    if (!open.location) errors.push({ field: 'location', code: 'required', message: { zh: '请写明公示地点', en: 'Say where the notice is posted' } });
    if (body.instrument !== 'owners_rules' && body.matter !== undefined) errors.push({ field: 'matter', code: 'invalid_option', message: { zh: '只有业主共同决定事项区分一般事项与重大事项', en: 'Only an owners’ matter is ordinary or special' } });
    errors.push(...checkNoticeTerms({ noticeFrom: open.noticeFrom, noticeTo: open.noticeTo, location: open.location }, today()));
    const opening = await checkAdoptionOpening(db, { engagementId, ...open });
    errors.push(...opening.errors);
    if (errors.length > 0) throw new ApiError('form_invalid', { domainFieldErrors: errors });
    if (opening.conflict.length > 0) throw new ApiError('conflict', { domainFieldErrors: opening.conflict });
    await runCommand(() => engagements.openAdoption({ adoptionId: id, engagementId, open }), { validation_failed: 'form_invalid' });
    reply.status(201);
    return view(request, await adoptionOf(engagementId, id));
  });

  registerOperation(fastify, operations.recordAdoptionMeeting, async (request, reply) => {
    const { engagementId } = accessOf(request);
    const caller = callerOfRequest(request);
    const { adoptionId } = request.params;
    const row = await adoptionOf(engagementId, adoptionId);
    const { idempotencyKey, heldOn, figures } = request.body;
    const note = (request.body.note ?? '').trim();
    const meetingId = idempotencyKey ? idempotentUuid(`adoption-meeting:${adoptionId}`, caller.userId, idempotencyKey) : randomUUID();
    const first = idempotencyKey ? row.meetings.find((meeting) => meeting.id === meetingId) : undefined;
    if (first) {
      // Field by field: jsonb keeps the figures' keys in its own order.
      const stored = first.figures as Record<string, unknown>;
      const sameFigures = Object.keys(stored).length === Object.keys(figures).length && Object.entries(figures).every(([name, value]) => stored[name] === value);
      if (fromDbDate(first.heldOn) !== heldOn || !sameFigures) throw keyUsed('表决结果', 'vote');
      reply.status(201);
      return view(request, row);
    }
    openFor(request, row);
    await runCommand(() => engagements.adoptionCommand(engagementId, adoptionId, { kind: 'meeting', actorId: caller.userId, meetingId, heldOn, figures, note }, idempotencyKey ? `meeting:${meetingId}` : undefined), { validation_failed: 'form_invalid' });
    reply.status(201);
    return view(request, await adoptionOf(engagementId, adoptionId));
  });

  registerOperation(fastify, operations.renoticeAdoption, async (request) => {
    const { engagementId } = accessOf(request);
    const { adoptionId } = request.params;
    const row = await adoptionOf(engagementId, adoptionId);
    const { noticeFrom, noticeTo, idempotencyKey } = request.body;
    const location = request.body.location.trim();
    // A retry after the first succeeded: the revised draft is on this notice now.
    const notice = noticeOf(row);
    if (idempotencyKey && notice.round > 1 && notice.from === noticeFrom && notice.to === noticeTo && notice.location === location) return view(request, row);
    openFor(request, row);
    if (!location) throw new ApiError('form_invalid', { domainFieldErrors: [{ field: 'location', code: 'required', message: { zh: '请写明公示地点', en: 'Say where the notice is posted' } }] });
    await runCommand(() => engagements.adoptionCommand(engagementId, adoptionId, { kind: 'renotice', actorId: callerOfRequest(request).userId, noticeFrom, noticeTo, location }, keyed('renotice', request, idempotencyKey)), { validation_failed: 'form_invalid' });
    return view(request, await adoptionOf(engagementId, adoptionId));
  });

  registerOperation(fastify, operations.fileAdoption, async (request) => {
    const { engagementId } = accessOf(request);
    const { adoptionId } = request.params;
    const row = await adoptionOf(engagementId, adoptionId);
    const { filedOn, idempotencyKey } = request.body;
    const filedWith = request.body.filedWith.trim();
    const filingNo = request.body.filingNo?.trim() || null;
    if (idempotencyKey && row.filedOn && fromDbDate(row.filedOn) === filedOn && row.filedWith === filedWith && row.filingNo === filingNo) return view(request, row);
    openFor(request, row);
    if (!filedWith) throw new ApiError('form_invalid', { domainFieldErrors: [{ field: 'filedWith', code: 'required', message: { zh: '请写明备案机关（街道办事处或乡镇人民政府）', en: 'Name the street office or township government it was filed with' } }] });
    await runCommand(() => engagements.adoptionCommand(engagementId, adoptionId, { kind: 'file', actorId: callerOfRequest(request).userId, filedOn, filedWith, filingNo }, keyed('file', request, idempotencyKey)), { validation_failed: 'form_invalid' });
    return view(request, await adoptionOf(engagementId, adoptionId));
  });

  registerOperation(fastify, operations.withdrawAdoption, async (request) => {
    const { engagementId } = accessOf(request);
    const { adoptionId } = request.params;
    const row = await adoptionOf(engagementId, adoptionId);
    const reason = request.body.reason.trim();
    const { idempotencyKey } = request.body;
    if (idempotencyKey && row.status === 'withdrawn' && row.withdrawnReason === reason) return view(request, row);
    openFor(request, row);
    if (!reason) throw reasonRequired();
    await runCommand(() => engagements.adoptionCommand(engagementId, adoptionId, { kind: 'withdraw', actorId: callerOfRequest(request).userId, reason }, keyed('withdraw', request, idempotencyKey)), { validation_failed: 'form_invalid' });
    return view(request, await adoptionOf(engagementId, adoptionId));
  });

  registerOperation(fastify, operations.downloadAdoptionRecord, async (request, reply) => {
    const { engagementId } = accessOf(request);
    const { adoptionId } = request.params;
    await adoptionOf(engagementId, adoptionId);
    // Drafted on a worker; the API only streams the stored file.
    const drafted = await runCommand(() => engagements.adoptionRecord(engagementId, adoptionId));
    if (!drafted) throw notFound();
    return sendStoredFile({ db, files, request, reply }, { ...drafted.file, mimeType: OFFICE_MIME_TYPES.docx }, { actorId: callerOfRequest(request).userId, engagementId, entityType: 'adoption', entityId: adoptionId, what: { export: 'adoption-record.docx' } });
  });

  // ─── 公示 comments ──────────────────────────────────────────────────────────────────────────

  const isWriter = (request: FastifyRequest) => ['pm', 'lawyer'].includes(accessOf(request).teamRole ?? '');

  registerOperation(fastify, operations.listAdoptionComments, async (request) => {
    const { engagementId } = accessOf(request);
    const row = await adoptionOf(engagementId, request.params.adoptionId);
    const { items, links } = await listAdoptionComments(db, row.id);
    const closed = isAdoptionClosed(row.status as AdoptionStatus);
    return { items: items.map(commentView), links, can: { issueLinks: isWriter(request) && row.status === 'notice', answer: isWriter(request) && !closed } };
  });

  registerOperation(fastify, operations.issueAdoptionCommentLinks, async (request, reply) => {
    const { engagementId } = accessOf(request);
    const { adoptionId } = request.params;
    const row = await adoptionOf(engagementId, adoptionId);
    if (isAdoptionClosed(row.status as AdoptionStatus)) throw new ApiError('adoption_closed');
    if (!isWriter(request)) throw forbidden();
    // The tokens stay here: the workflow (and its history) sees only their hashes.
    const links = Array.from({ length: request.body.count }, () => ({ id: randomUUID(), token: randomBytes(24).toString('base64url') }));
    await runCommand(() => engagements.adoptionCommand(engagementId, adoptionId, { kind: 'issue_links', actorId: callerOfRequest(request).userId, links: links.map(({ id, token }) => ({ id, tokenHash: hashLinkToken(token) })) }), { validation_failed: 'form_invalid' });
    reply.status(201);
    return { links: links.map(({ id, token }) => ({ id, token, path: commentPagePath(token) })) };
  });

  registerOperation(fastify, operations.answerAdoptionComment, async (request) => {
    const { engagementId } = accessOf(request);
    const { adoptionId, commentId } = request.params;
    const row = await adoptionOf(engagementId, adoptionId);
    if (!(await db.adoptionComment.count({ where: { id: commentId, adoptionId } }))) throw notFound();
    if (isAdoptionClosed(row.status as AdoptionStatus)) throw new ApiError('adoption_closed');
    if (!isWriter(request)) throw forbidden();
    const answer = request.body.answer.trim();
    if (!answer) throw new ApiError('form_invalid', { domainFieldErrors: [{ field: 'answer', code: 'required', message: { zh: '请填写答复内容', en: 'Write the answer' } }] });
    await runCommand(() => engagements.adoptionCommand(engagementId, adoptionId, { kind: 'answer', actorId: callerOfRequest(request).userId, commentId, answer }), { validation_failed: 'form_invalid', unknown_adoption: 'not_found' });
    const { items } = await listAdoptionComments(db, adoptionId);
    const comment = items.find((item) => item.id === commentId);
    if (!comment) throw notFound();
    return commentView(comment);
  });

  /** The procedure a comment link opens, while it takes comments. */
  const openCommentLink = async (token: string) => {
    const link = await findAdoptionCommentLink(db, hashLinkToken(token));
    if (!link) throw notFound();
    if (link.usedAt) throw new ApiError('link_used');
    const { adoption } = link;
    const over = adoption.status !== 'notice' || fromDbDate(adoption.noticeTo) < today() || adoption.engagement.status === 'cancelled' || adoption.engagement.status === 'completed';
    if (over) throw new ApiError('notice_over');
    return adoption;
  };

  registerOperation(
    fastify,
    operations.getPublicAdoptionDraft,
    async (request) => {
      const adoption = await openCommentLink(request.params.token);
      return {
        title: adoption.title,
        community: adoption.community.name,
        // The 居委会 asks for a convention; for an owners' matter it assists the owners (民法典 Art. 277).
        askedBy: adoption.instrument === 'residents_convention' ? `${adoption.community.name}居民委员会` : `${adoption.community.name}居民委员会（协助业主征求意见）`,
        instrument: adoption.instrument as 'residents_convention' | 'owners_rules',
        noticeFrom: fromDbDate(adoption.noticeFrom),
        noticeTo: fromDbDate(adoption.noticeTo),
        location: adoption.noticeLocation,
        limits: { comments: ADOPTION_LIMITS.commentsPerLink, body: ADOPTION_LIMITS.commentBody, clause: ADOPTION_LIMITS.commentClause, signedAs: ADOPTION_LIMITS.commentSignedAs },
      };
    },
    { config: { rateLimit: PUBLIC_READ_LIMIT } },
  );

  registerOperation(
    fastify,
    operations.submitPublicAdoptionComments,
    async (request, reply) => {
      const { token } = request.params;
      const adoption = await openCommentLink(token);
      const comments = request.body.comments.map((comment) => ({ id: randomUUID(), clause: (comment.clause ?? '').trim(), body: comment.body.trim() }));
      const blank = comments.flatMap((comment, index): FieldError[] => (comment.body ? [] : [{ field: `comments.${index}.body`, code: 'required', message: { zh: `第 ${index + 1} 条意见没有内容`, en: `Comment ${index + 1} is empty` } }]));
      if (blank.length > 0) throw new ApiError('form_invalid', { domainFieldErrors: blank });
      const tokenHash = hashLinkToken(token);
      await runCommand(
        // One Update per link and body: a double submit joins the first; another body meets link_used.
        () => engagements.adoptionCommand(adoption.engagementId, adoption.id, { kind: 'comment', tokenHash, comments, signedAs: (request.body.signedAs ?? '').trim() }, `comment:${tokenHash}:${hashLinkToken(JSON.stringify(request.body))}`),
        { validation_failed: 'form_invalid', unknown_adoption: 'not_found', adoption_closed: 'notice_over', engagement_not_running: 'notice_over' },
      );
      reply.status(201);
      return { received: true as const };
    },
    { config: { rateLimit: PUBLIC_SUBMIT_LIMIT } },
  );
}
