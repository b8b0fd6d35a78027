import { randomUUID } from 'node:crypto';
import { type FastifyInstance } from 'fastify';
import { HOTLINE_UPLOAD_MAX_BYTES, operations } from '@gongzhi/contracts';
import { coveredHouseholds, findHotlineImport, findHotlineSettings, type HotlineImportRecord, listHotlineImports, loadHotlineFigures } from '@gongzhi/db';
import { type FieldError, type HotlineMapping, hotlineSettingsProblems, OFFICE_MIME_TYPES } from '@gongzhi/domain';
import { ApiError, notFound } from '../lib/api-error';
import { runCommand } from '../lib/command-errors';
import { sendStoredFile } from '../lib/files';
import { idempotentUuid, keyUsed, requestHashOf } from '../lib/idempotency';
import { readMultipartUpload } from '../lib/multipart-upload';
import { registerOperation } from '../lib/operation-route';
import { accessOf, callerOfRequest } from '../plugins/app/access';
import { iso, userRef } from '../views/common';

const toImport = (row: HotlineImportRecord) => ({
  id: row.id,
  month: row.month,
  status: row.status as 'staged' | 'imported' | 'superseded',
  fileName: row.fileName,
  sha256: row.sha256,
  sizeBytes: row.sizeBytes,
  format: row.format as 'csv' | 'xlsx',
  headers: row.headers as string[],
  sample: row.sample as string[][],
  rowCount: row.rowCount,
  suggestedMapping: row.suggestedMapping as HotlineMapping,
  mapping: (row.mapping as HotlineMapping | null) ?? null,
  ticketCount: row.ticketCount,
  stagedBy: userRef(row.stagedBy),
  stagedAt: iso(row.stagedAt),
  importedBy: row.importedBy ? userRef(row.importedBy) : null,
  importedAt: row.importedAt ? iso(row.importedAt) : null,
});

/**
 * The street's 12345 tickets: uploads are stored here and read, staged and imported by the
 * engagement's hotline workflow on a worker; the comparison is computed from what is on record.
 */
export default async function hotlineRoutes(fastify: FastifyInstance): Promise<void> {
  const { db, engagements, files } = fastify;

  const ensureNotCancelled = async (engagementId: string) => {
    const { status } = await db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { status: true } });
    if (status === 'cancelled') throw new ApiError('engagement_not_running');
  };

  const importOf = async (request: Parameters<typeof accessOf>[0], importId: string) => {
    const row = await findHotlineImport(db, accessOf(request).engagementId, importId);
    if (!row) throw notFound();
    return row;
  };

  const settingsOf = async (engagementId: string) => {
    const settings = await findHotlineSettings(db, engagementId);
    const covered = await coveredHouseholds(db, engagementId, settings);
    return {
      communities: settings?.communities ?? [],
      campaigns: settings?.campaigns ?? [],
      coveredCommunities: covered,
      version: settings?.version ?? 0,
      updatedBy: settings ? userRef(settings.updatedBy) : null,
      updatedAt: settings ? iso(settings.updatedAt) : null,
    };
  };

  registerOperation(fastify, operations.listHotlineImports, async (request) => ({ items: (await listHotlineImports(db, accessOf(request).engagementId)).map(toImport) }));

  registerOperation(fastify, operations.getHotlineImport, async (request) => toImport(await importOf(request, request.params.importId)));

  registerOperation(
    fastify,
    operations.stageHotlineImport,
    async (request, reply) => {
      const { engagementId } = accessOf(request);
      const caller = callerOfRequest(request);
      await ensureNotCancelled(engagementId);
      const { upload, body } = await readMultipartUpload(request, operations.stageHotlineImport.body);
      const stored = await files.put(upload.buffer);
      const requestHash = body.idempotencyKey ? requestHashOf({ month: body.month, sha256: stored.sha256 }) : undefined;
      const importId = body.idempotencyKey ? idempotentUuid(`hotline-import:${engagementId}`, caller.userId, body.idempotencyKey) : randomUUID();
      if (body.idempotencyKey) {
        const earlier = await findHotlineImport(db, engagementId, importId);
        if (earlier && earlier.requestHash !== requestHash) throw keyUsed('工单导入', '12345 import');
      }
      await runCommand(() =>
        engagements.hotlineCommand(
          engagementId,
          {
            kind: 'stage',
            actorId: caller.userId,
            importId,
            month: body.month,
            fileName: upload.fileName,
            storageKey: stored.storageKey,
            sha256: stored.sha256,
            sizeBytes: stored.sizeBytes,
            ...(body.idempotencyKey ? { requestKey: body.idempotencyKey, requestHash } : {}),
          },
          // The hash too: a retry of the same upload joins it; the same key with another file is refused above.
          body.idempotencyKey ? `stage:${importId}:${requestHash}` : undefined,
        ),
      );
      reply.code(201);
      return toImport(await importOf(request, importId));
    },
    // The schema bounds the file; this bounds the whole request.
    { bodyLimit: HOTLINE_UPLOAD_MAX_BYTES + 1024 * 1024 },
  );

  registerOperation(fastify, operations.commitHotlineImport, async (request) => {
    const { engagementId } = accessOf(request);
    const staged = await importOf(request, request.params.importId);
    if (staged.engagement.status === 'cancelled') throw new ApiError('engagement_not_running');
    await runCommand(() => engagements.hotlineCommand(engagementId, { kind: 'commit', actorId: callerOfRequest(request).userId, importId: staged.id, mapping: request.body.mapping }));
    return toImport(await importOf(request, staged.id));
  });

  registerOperation(fastify, operations.getHotlineSettings, async (request) => settingsOf(accessOf(request).engagementId));

  registerOperation(fastify, operations.saveHotlineSettings, async (request) => {
    const { engagementId } = accessOf(request);
    await ensureNotCancelled(engagementId);
    const communities = request.body.communities.map((community) => ({ name: community.name.trim(), households: community.households }));
    const campaigns = request.body.campaigns.map((campaign) => ({ month: campaign.month, topic: campaign.topic.trim() }));
    const errors: FieldError[] = hotlineSettingsProblems({ communities, campaigns });
    if (errors.length > 0) throw new ApiError('form_invalid', { domainFieldErrors: errors });
    await runCommand(() => engagements.hotlineCommand(engagementId, { kind: 'settings', actorId: callerOfRequest(request).userId, communities, campaigns, expectedVersion: request.body.expectedVersion }));
    return settingsOf(engagementId);
  });

  registerOperation(fastify, operations.getHotlineFigures, async (request) => {
    const { engagementId } = accessOf(request);
    const { clientName: _client, engagementName: _name, ...figures } = await loadHotlineFigures(db, engagementId);
    return figures;
  });

  registerOperation(fastify, operations.downloadHotlineReport, async (request, reply) => {
    const { engagementId } = accessOf(request);
    const actorId = callerOfRequest(request).userId;
    // Drafted on a worker; the API only streams the stored file.
    const { file } = await runCommand(() => engagements.hotlineCommand(engagementId, { kind: 'export' }));
    return sendStoredFile({ db, files, request, reply }, { ...file, mimeType: OFFICE_MIME_TYPES.xlsx }, { actorId, engagementId, entityType: 'engagement', entityId: engagementId, what: { export: 'hotline-report.xlsx' } });
  });
}
