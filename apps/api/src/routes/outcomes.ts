import { type FastifyInstance } from 'fastify';
import { operations } from '@gongzhi/contracts';
import { loadEngagementOutcomes } from '@gongzhi/db';
import { civilDateAt, OFFICE_MIME_TYPES } from '@gongzhi/domain';
import { runCommand } from '../lib/command-errors';
import { sendStoredFile } from '../lib/files';
import { registerOperation } from '../lib/operation-route';
import { accessOf, callerOfRequest } from '../plugins/app/access';

/** 预期效果: the engagement's outcomes, read from its records (every figure a record's), and their evidence workbook. */
export default async function outcomeRoutes(fastify: FastifyInstance): Promise<void> {
  const { db, engagements, files } = fastify;

  registerOperation(fastify, operations.getEngagementOutcomes, async (request) => loadEngagementOutcomes(db, accessOf(request).engagementId, civilDateAt(fastify.clock.now())));

  registerOperation(fastify, operations.downloadOutcomesWorkbook, async (request, reply) => {
    const { engagementId } = accessOf(request);
    // Drafted on a worker; the API only streams the stored file.
    const { file } = await runCommand(() => engagements.outcomesReport(engagementId));
    return sendStoredFile({ db, files, request, reply }, { ...file, mimeType: OFFICE_MIME_TYPES.xlsx }, { actorId: callerOfRequest(request).userId, engagementId, entityType: 'engagement', entityId: engagementId, what: { export: 'outcomes-evidence.xlsx' } });
  });
}
