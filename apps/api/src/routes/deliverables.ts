import { type FastifyInstance } from 'fastify';
import { type DeliverableStatus, UPLOAD_LIMITS, fieldErrorsFromIssues, negotiateLocale, operations } from '@gongzhi/contracts';
import { type Prisma } from '@gongzhi/db';
import { isAdmin } from '../lib/access-policy';
import { ApiError, notFound } from '../lib/api-error';
import { recordAudit } from '../lib/audit';
import { runCommand } from '../lib/command-errors';
import { contentDisposition, matchesDeclaredType, safeFileName } from '../lib/files';
import { registerOperation } from '../lib/operation-route';
import { findNulCharacter } from '../lib/zod-validation';
import { accessOf, callerOfRequest } from '../plugins/app/access';
import { iso, pageOf, skipOf, userRef } from '../views/common';
import { loadDeliverableDetail } from '../views/detail-loaders';
import { deliverableSummaryInclude, toDeliverableSummary } from '../views/deliverable-views';

/** The wire statuses as conditions on the stored ones (see deliverableStatusOf). */
const STATUS_WHERE: Record<DeliverableStatus, Prisma.DeliverableWhereInput> = {
  none: { status: 'draft', revisions: { none: {} } },
  draft: { status: 'draft', revisions: { some: {} } },
  submitted: { status: 'submitted' },
  changes_requested: { status: 'changes_requested' },
  approved: { status: 'approved' },
};

export default async function deliverableRoutes(fastify: FastifyInstance): Promise<void> {
  const { db, clock, engagements, files } = fastify;

  registerOperation(fastify, operations.listDeliverables, async (request) => {
    const caller = callerOfRequest(request);
    const { awaitingMyReview, engagementId, status, sort, page, pageSize } = request.query;
    const conditions: Prisma.DeliverableWhereInput[] = [];
    if (!isAdmin(caller)) {
      // Team members see their engagements' deliverables; clients only the approved ones.
      conditions.push({
        OR: [
          { engagement: { members: { some: { userId: caller.userId, role: { not: 'client' } } } } },
          { status: 'approved', engagement: { members: { some: { userId: caller.userId, role: 'client' } } } },
        ],
      });
    }
    if (awaitingMyReview === true) conditions.push({ status: 'submitted', engagement: { members: { some: { userId: caller.userId, role: 'partner' } } } });
    if (awaitingMyReview === false) conditions.push({ NOT: { status: 'submitted', engagement: { members: { some: { userId: caller.userId, role: 'partner' } } } } });
    if (engagementId) conditions.push({ engagementId });
    if (status) conditions.push({ OR: status.map((wire) => STATUS_WHERE[wire]) });
    const where: Prisma.DeliverableWhereInput = { AND: conditions };
    const orderBy: Prisma.DeliverableOrderByWithRelationInput =
      sort === 'submittedAt' || sort === 'updatedAt' ? { updatedAt: 'asc' } : { updatedAt: 'desc' };
    const [rows, total, clientOf] = await Promise.all([
      db.deliverable.findMany({ where, include: deliverableSummaryInclude, orderBy: [orderBy, { id: 'asc' }], skip: skipOf(page, pageSize), take: pageSize }),
      db.deliverable.count({ where }),
      db.engagementMember.findMany({ where: { userId: caller.userId, role: 'client' }, select: { engagementId: true } }),
    ]);
    const clientEngagements = new Set(isAdmin(caller) ? [] : clientOf.map((member) => member.engagementId));
    return pageOf(
      rows.map((row) => toDeliverableSummary(row, { approvedOnly: clientEngagements.has(row.engagementId) })),
      total,
      page,
      pageSize,
    );
  });

  const detailOf = async (request: Parameters<typeof accessOf>[0], id: string) => {
    const access = accessOf(request);
    const detail = await loadDeliverableDetail(db, id, { caller: callerOfRequest(request), teamRole: access.teamRole, seesApprovedOnly: access.seesApprovedOnly, now: clock.now() });
    if (!detail) throw notFound();
    return detail;
  };

  registerOperation(fastify, operations.getDeliverable, async (request) => detailOf(request, request.params.id));

  registerOperation(
    fastify,
    operations.uploadDeliverableRevision,
    async (request) => {
      const caller = callerOfRequest(request);
      const deliverable = await db.deliverable.findUniqueOrThrow({
        where: { id: request.params.id },
        select: { id: true, engagementId: true, currentRevision: true, task: { select: { key: true, status: true, engagement: { select: { status: true } } } } },
      });
      if (deliverable.task.engagement.status !== 'running') throw new ApiError('engagement_not_running');
      if (deliverable.task.status !== 'active' && deliverable.task.status !== 'changes_requested') throw new ApiError('task_not_open');

      // Parts in any order: one `file`, an optional `note`; anything else is refused by the schema.
      let upload: { buffer: Buffer; fileName: string; mimeType: string } | undefined;
      const fields: Record<string, string> = {};
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const buffer = await part.toBuffer();
          if (part.fieldname !== 'file' || upload) throw new ApiError('validation_failed');
          upload = { buffer, fileName: safeFileName(part.filename), mimeType: part.mimetype };
        } else {
          fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
        }
      }
      if (findNulCharacter(fields)) throw new ApiError('validation_failed');
      const parsed = operations.uploadDeliverableRevision.body.safeParse({
        ...fields,
        ...(upload ? { file: new File([upload.buffer], upload.fileName, { type: upload.mimeType }) } : {}),
      });
      if (!parsed.success) {
        const fileIssues = parsed.error.issues.filter((issue) => issue.path[0] === 'file');
        if (fileIssues.some((issue) => issue.code === 'too_big')) throw new ApiError('payload_too_large');
        if (fileIssues.some((issue) => issue.code === 'invalid_value')) throw new ApiError('unsupported_media_type');
        throw new ApiError('validation_failed', { fieldErrors: fieldErrorsFromIssues(parsed.error.issues, negotiateLocale(request.headers['accept-language'])) });
      }
      const { file: _file, note } = parsed.data;
      if (!upload || !matchesDeclaredType(upload.buffer, upload.mimeType)) throw new ApiError('unsupported_media_type');

      const stored = await files.put(upload.buffer);
      const now = clock.now();
      // The draft is the revision after the current one; a second upload before completion replaces it.
      const revision = deliverable.currentRevision + 1;
      const content = { storageKey: stored.storageKey, sha256: stored.sha256, sizeBytes: stored.sizeBytes, fileName: upload.fileName, mimeType: upload.mimeType, submittedById: caller.userId, submittedAt: now, note: note || null };
      const row = await db.$transaction(async (tx) => {
        const saved = await tx.deliverableRevision.upsert({
          where: { deliverableId_revision: { deliverableId: deliverable.id, revision } },
          create: { deliverableId: deliverable.id, revision, ...content },
          update: content,
          include: { submittedBy: { select: { id: true, displayName: true } } },
        });
        await tx.deliverable.updateMany({ where: { id: deliverable.id, status: { in: ['draft', 'changes_requested'] } }, data: { status: 'draft' } });
        await recordAudit(
          tx,
          request.id,
          {
            action: 'deliverable.revision_uploaded',
            actorId: caller.userId,
            engagementId: deliverable.engagementId,
            entityType: 'deliverable',
            entityId: deliverable.id,
            after: { revision, fileName: upload.fileName, mimeType: upload.mimeType, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
          },
          now,
        );
        return saved;
      });
      await fastify.changes.publish({ engagementId: deliverable.engagementId, type: 'deliverable.updated', key: deliverable.task.key });
      return {
        revision: row.revision,
        status: 'draft' as const,
        fileName: row.fileName,
        mimeType: row.mimeType,
        sizeBytes: row.sizeBytes,
        sha256: row.sha256,
        note: row.note,
        uploadedBy: userRef(row.submittedBy),
        uploadedAt: iso(row.submittedAt),
      };
    },
    // The multipart limits (see plugins/external/multipart.ts) bound the file; this bounds the whole request.
    { bodyLimit: UPLOAD_LIMITS.maxBytes + 1024 * 1024 },
  );

  registerOperation(fastify, operations.downloadDeliverableRevision, async (request, reply) => {
    const caller = callerOfRequest(request);
    const access = accessOf(request);
    const revision = await db.deliverableRevision.findUnique({ where: { deliverableId_revision: { deliverableId: request.params.id, revision: request.params.rev } } });
    if (!revision) throw notFound();
    const opened = await files.open(revision.storageKey);
    if (!opened) throw new Error(`file ${revision.storageKey} of deliverable ${revision.deliverableId} r${revision.revision} is missing from the store`);
    await recordAudit(db, request.id, {
      action: 'file.downloaded',
      actorId: caller.userId,
      engagementId: access.engagementId,
      entityType: 'deliverable',
      entityId: revision.deliverableId,
      after: { revision: revision.revision, sha256: revision.sha256 },
    });
    return reply
      .header('content-type', revision.mimeType)
      .header('content-length', String(opened.sizeBytes))
      .header('content-disposition', contentDisposition(revision.fileName))
      .header('etag', `"${revision.sha256}"`)
      .send(opened.stream);
  });

  registerOperation(fastify, operations.reviewDeliverable, async (request) => {
    const caller = callerOfRequest(request);
    const deliverable = await db.deliverable.findUniqueOrThrow({ where: { id: request.params.id }, select: { id: true, engagementId: true, task: { select: { key: true } }, engagement: { select: { status: true } } } });
    if (deliverable.engagement.status !== 'running' && deliverable.engagement.status !== 'paused') throw new ApiError('engagement_not_running');
    const { revision, decision, comment } = request.body;
    await runCommand(
      () => engagements.reviewDeliverable(deliverable.engagementId, { taskKey: deliverable.task.key, reviewerId: caller.userId, revision, decision, ...(comment ? { comment } : {}) }),
      // The review body is the request itself: a blank comment is a validation failure, not a form one.
      { validation_failed: 'validation_failed', task_already_completed: 'task_not_in_review' },
    );
    return detailOf(request, deliverable.id);
  });
}
