import { randomUUID } from 'node:crypto';
import { type FastifyInstance, type FastifyReply } from 'fastify';
import { type DeliverableStatus, UPLOAD_LIMITS, operations } from '@gongzhi/contracts';
import { type Prisma } from '@gongzhi/db';
import { type GeneratedDocumentFormat, generatorForDeliverable, OFFICE_MIME_TYPES } from '@gongzhi/domain';
import { isAdmin } from '../lib/access-policy';
import { ApiError, notFound } from '../lib/api-error';
import { recordAudit } from '../lib/audit';
import { runCommand } from '../lib/command-errors';
import { checkUpload } from '../lib/file-types';
import { sendStoredFile, type StoredFile } from '../lib/files';
import { readMultipartUpload } from '../lib/multipart-upload';
import { registerOperation } from '../lib/operation-route';
import { accessOf, callerOfRequest } from '../plugins/app/access';
import { pageOf, skipOf } from '../views/common';
import { loadDeliverableDetail } from '../views/detail-loaders';
import { deliverableDetailInclude, deliverableSummaryInclude, toDeliverableSummary, toGeneration, toUpload } from '../views/deliverable-views';

/** The wire statuses as conditions on the stored ones (see deliverableStatusOf). */
const STATUS_WHERE: Record<DeliverableStatus, Prisma.DeliverableWhereInput> = {
  none: { status: 'draft', uploads: { none: {} } },
  draft: { status: 'draft', uploads: { some: {} } },
  submitted: { status: 'submitted' },
  changes_requested: { status: 'changes_requested' },
  approved: { status: 'approved' },
};

/** The stored kinds LibreOffice turns into PDF, by MIME type. */
const PDF_KINDS = new Map(Object.entries(OFFICE_MIME_TYPES).map(([format, mimeType]) => [mimeType, format as GeneratedDocumentFormat]));

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
    operations.uploadDeliverableFile,
    async (request) => {
      const caller = callerOfRequest(request);
      const deliverable = await db.deliverable.findUniqueOrThrow({
        where: { id: request.params.id },
        select: { id: true, engagementId: true, kind: true, task: { select: { key: true, status: true, engagement: { select: { status: true } } } } },
      });
      if (deliverable.task.engagement.status !== 'running') throw new ApiError('engagement_not_running');
      if (deliverable.task.status !== 'active' && deliverable.task.status !== 'changes_requested') throw new ApiError('task_not_open');

      // Exactly one part, the `file`; anything else is refused by the schema.
      const { upload } = await readMultipartUpload(request, operations.uploadDeliverableFile.body);
      // The server judges the type from the name and the bytes; what the browser claimed is ignored.
      const verdict = checkUpload({ fileName: upload.fileName, bytes: upload.buffer, kind: deliverable.kind });
      if (!verdict.ok) throw new ApiError('unsupported_media_type', { message: verdict.message });

      const stored = await files.put(upload.buffer);
      const now = clock.now();
      const row = await db.$transaction(async (tx) => {
        const saved = await tx.deliverableUpload.create({
          data: { deliverableId: deliverable.id, sha256: stored.sha256, storageKey: stored.storageKey, fileName: upload.fileName, mimeType: verdict.mimeType, sizeBytes: stored.sizeBytes, uploadedById: caller.userId, uploadedAt: now },
          include: { uploadedBy: { select: { id: true, displayName: true } } },
        });
        await recordAudit(
          tx,
          request.id,
          {
            action: 'deliverable.file_uploaded',
            actorId: caller.userId,
            engagementId: deliverable.engagementId,
            entityType: 'deliverable',
            entityId: deliverable.id,
            after: { fileName: upload.fileName, mimeType: verdict.mimeType, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
          },
          now,
        );
        return saved;
      });
      await fastify.changes.publish({ engagementId: deliverable.engagementId, type: 'deliverable.updated', key: deliverable.task.key });
      return toUpload(row);
    },
    // The multipart limits (see plugins/external/multipart.ts) bound the file; this bounds the whole request.
    { bodyLimit: UPLOAD_LIMITS.maxBytes + 1024 * 1024 },
  );

  /** A deliverable's stored file, checked and recorded as downloaded (`what`: which revision, PDF or generation). */
  const sendDeliverableFile = (
    request: Parameters<typeof accessOf>[0],
    reply: FastifyReply,
    file: StoredFile & { deliverableId: string },
    what: Record<string, unknown>,
  ) =>
    sendStoredFile({ db, files, request, reply }, file, { actorId: callerOfRequest(request).userId, engagementId: accessOf(request).engagementId, entityType: 'deliverable', entityId: file.deliverableId, what });

  registerOperation(fastify, operations.downloadDeliverableRevision, async (request, reply) => {
    const revision = await db.deliverableRevision.findUnique({ where: { deliverableId_revision: { deliverableId: request.params.id, revision: request.params.rev } } });
    if (!revision) throw notFound();
    // Only the bytes that were submitted (and reviewed) are ever served.
    return sendDeliverableFile(request, reply, revision, { revision: revision.revision });
  });

  registerOperation(fastify, operations.downloadDeliverableRevisionPdf, async (request, reply) => {
    const revision = await db.deliverableRevision.findUnique({ where: { deliverableId_revision: { deliverableId: request.params.id, revision: request.params.rev } } });
    if (!revision) throw notFound();
    const kind = PDF_KINDS.get(revision.mimeType);
    if (!kind) throw new ApiError('not_convertible');
    // Converted on a worker (LibreOffice), never here; the API streams what it stored.
    const pdf = await runCommand(() => engagements.renderPdf({ sourceSha256: revision.sha256, kind }));
    const fileName = `${revision.fileName.replace(/\.[^.]+$/, '')}.pdf`;
    return sendDeliverableFile(request, reply, { deliverableId: request.params.id, storageKey: pdf.storageKey, sha256: pdf.sha256, fileName, mimeType: 'application/pdf' }, { revision: revision.revision, pdfOf: revision.sha256 });
  });

  registerOperation(fastify, operations.reviewDeliverable, async (request) => {
    const caller = callerOfRequest(request);
    const deliverable = await db.deliverable.findUniqueOrThrow({ where: { id: request.params.id }, select: { id: true, engagementId: true, task: { select: { key: true } }, engagement: { select: { status: true } } } });
    if (deliverable.engagement.status !== 'running' && deliverable.engagement.status !== 'paused') throw new ApiError('engagement_not_running');
    const { revision, sha256, decision, comment } = request.body;
    await runCommand(
      () => engagements.reviewDeliverable(deliverable.engagementId, { taskKey: deliverable.task.key, reviewerId: caller.userId, revision, sha256, decision, ...(comment ? { comment } : {}) }),
      // The review body is the request itself: a blank comment is a validation failure, not a form one.
      { validation_failed: 'validation_failed', task_already_completed: 'task_not_in_review' },
    );
    return detailOf(request, deliverable.id);
  });

  registerOperation(fastify, operations.generateDeliverableDocument, async (request, reply) => {
    const caller = callerOfRequest(request);
    const deliverable = await db.deliverable.findUniqueOrThrow({
      where: { id: request.params.id },
      select: { id: true, key: true, engagementId: true, task: { select: { status: true, engagement: { select: { status: true } } } } },
    });
    if (!generatorForDeliverable(deliverable.key)) throw new ApiError('no_generator');
    if (deliverable.task.engagement.status !== 'running') throw new ApiError('engagement_not_running');
    if (deliverable.task.status !== 'active' && deliverable.task.status !== 'changes_requested') throw new ApiError('task_not_open');
    // The worker drafts it; the API only asks and answers once the request is on record.
    const { generationId } = await runCommand(() =>
      engagements.generateDocument({ generationId: randomUUID(), engagementId: deliverable.engagementId, deliverableId: deliverable.id, requestedById: caller.userId, at: clock.now().toISOString() }),
    );
    const row = await db.generatedDocument.findUniqueOrThrow({ where: { id: generationId }, include: deliverableDetailInclude.generated.include });
    reply.status(201);
    return toGeneration(row);
  });

  registerOperation(fastify, operations.downloadGeneratedDocument, async (request, reply) => {
    const generation = await db.generatedDocument.findFirst({ where: { id: request.params.generationId, deliverableId: request.params.id, status: 'done' } });
    const { storageKey, sha256, fileName, mimeType } = generation ?? {};
    if (!generation || !storageKey || !sha256 || !fileName || !mimeType) throw notFound();
    return sendDeliverableFile(request, reply, { deliverableId: request.params.id, storageKey, sha256, fileName, mimeType }, { generationId: generation.id });
  });
}
