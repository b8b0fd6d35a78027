import { type FastifyInstance } from 'fastify';
import { operations } from '@gongzhi/contracts';
import { type Prisma, toDbDate } from '@gongzhi/db';
import { isAdmin } from '../lib/access-policy';
import { ApiError, notFound } from '../lib/api-error';
import { runCommand } from '../lib/command-errors';
import { type SubmittedFile } from '@gongzhi/workflows';
import { registerOperation } from '../lib/operation-route';
import { accessOf, callerOfRequest } from '../plugins/app/access';
import { pageOf, skipOf } from '../views/common';
import { loadTaskDetail } from '../views/detail-loaders';
import { taskSummaryInclude, todayOf, toTaskSummary } from '../views/task-views';

const CLOSED = ['done', 'cancelled'] as const;

export default async function taskRoutes(fastify: FastifyInstance): Promise<void> {
  const { db, clock, engagements } = fastify;

  registerOperation(fastify, operations.listTasks, async (request) => {
    const caller = callerOfRequest(request);
    const query = request.query;
    const now = clock.now();
    const today = toDbDate(todayOf(now));
    const conditions: Prisma.TaskWhereInput[] = [];
    if (!isAdmin(caller)) conditions.push({ engagement: { members: { some: { userId: caller.userId } } } });
    if (query.assignee) conditions.push({ assigneeId: query.assignee === 'me' ? caller.userId : query.assignee });
    if (query.engagementId) conditions.push({ engagementId: query.engagementId });
    if (query.status) conditions.push({ status: { in: query.status } });
    if (query.dueBefore) conditions.push({ dueDate: { lte: toDbDate(query.dueBefore) } });
    if (query.dueAfter) conditions.push({ dueDate: { gte: toDbDate(query.dueAfter) } });
    if (query.stageKey) conditions.push({ stageKey: query.stageKey });
    if (query.communityKey) conditions.push({ communityKey: query.communityKey });
    // Overdue: the due day has ended in Asia/Shanghai and the task is not finished.
    if (query.overdue === true) conditions.push({ status: { notIn: [...CLOSED] }, dueDate: { lt: today } });
    if (query.overdue === false) conditions.push({ OR: [{ status: { in: [...CLOSED] } }, { dueDate: { gte: today } }] });
    const where: Prisma.TaskWhereInput = { AND: conditions };
    const orderBy: Prisma.TaskOrderByWithRelationInput[] =
      query.sort === 'dueDate'
        ? [{ dueDate: 'asc' }, { key: 'asc' }]
        : query.sort === '-dueDate'
          ? [{ dueDate: 'desc' }, { key: 'asc' }]
          : query.sort === 'updatedAt'
            ? [{ updatedAt: 'asc' }, { key: 'asc' }]
            : [{ updatedAt: 'desc' }, { key: 'asc' }];
    const [rows, total] = await Promise.all([
      db.task.findMany({ where, include: taskSummaryInclude, orderBy: [...orderBy, { id: 'asc' }], skip: skipOf(query.page, query.pageSize), take: query.pageSize }),
      db.task.count({ where }),
    ]);
    return pageOf(rows.map((row) => toTaskSummary(row, now)), total, query.page, query.pageSize);
  });

  const detailOf = async (request: Parameters<typeof accessOf>[0], id: string) => {
    const access = accessOf(request);
    const detail = await loadTaskDetail(db, id, { caller: callerOfRequest(request), teamRole: access.teamRole, seesApprovedOnly: access.seesApprovedOnly, now: clock.now() });
    if (!detail) throw notFound();
    return detail;
  };

  registerOperation(fastify, operations.getTask, async (request) => detailOf(request, request.params.id));

  registerOperation(fastify, operations.completeTask, async (request) => {
    const caller = callerOfRequest(request);
    const { formData, note, standInReason, idempotencyKey } = request.body;
    // Scoped to the task and the caller: the same key elsewhere is another command.
    const receiptKey = idempotencyKey ? `complete:${request.params.id}:${caller.userId}:${idempotencyKey}` : undefined;
    const hasReceipt = async () => receiptKey !== undefined && (await db.commandReceipt.count({ where: { key: receiptKey } })) > 0;
    // Done under this key already: the first answer again, however long ago.
    if (await hasReceipt()) return detailOf(request, request.params.id);
    const task = await db.task.findUniqueOrThrow({
      where: { id: request.params.id },
      select: { id: true, key: true, status: true, engagementId: true, engagement: { select: { status: true } }, deliverable: { select: { id: true } } },
    });
    if (task.engagement.status !== 'running' && task.engagement.status !== 'paused') throw new ApiError('engagement_not_running');
    if (task.status === 'done') throw new ApiError('task_already_completed');
    if (task.status === 'cancelled') throw new ApiError('task_not_open');
    // The file named by its SHA-256, as uploaded for this deliverable: the workflow makes the next revision of exactly it.
    let file: SubmittedFile | undefined;
    if (request.body.file) {
      if (!task.deliverable) {
        throw new ApiError('form_invalid', { domainFieldErrors: [{ field: 'file', code: 'rule', message: { zh: '该任务不产生成果文件，无需提交文件', en: 'This task has no deliverable; send no file' } }] });
      }
      const upload = await db.deliverableUpload.findFirst({ where: { deliverableId: task.deliverable.id, sha256: request.body.file.sha256 }, orderBy: { uploadedAt: 'desc' } });
      if (!upload) {
        throw new ApiError('file_required', { message: { zh: '未找到为该成果上传的此文件，请先上传', en: 'No file with this SHA-256 was uploaded for this deliverable; upload it first' } });
      }
      file = { storageKey: upload.storageKey, sha256: upload.sha256, fileName: upload.fileName, mimeType: upload.mimeType, sizeBytes: upload.sizeBytes };
    }
    try {
      await runCommand(() =>
        engagements.completeTask(task.engagementId, { taskKey: task.key, actorId: caller.userId, formData, ...(file ? { file } : {}), ...(note ? { note } : {}), ...(standInReason ? { standInReason } : {}) }, receiptKey),
      );
    } catch (error) {
      // The same key's first attempt finished meanwhile (a retry racing it): its answer, not a refusal.
      if (error instanceof ApiError && (await hasReceipt())) return detailOf(request, task.id);
      throw error;
    }
    return detailOf(request, task.id);
  });

  registerOperation(fastify, operations.assignTask, async (request) => {
    const caller = callerOfRequest(request);
    const task = await db.task.findUniqueOrThrow({ where: { id: request.params.id }, select: { id: true, key: true, status: true, engagementId: true, engagement: { select: { status: true } } } });
    if (task.engagement.status !== 'running' && task.engagement.status !== 'paused') throw new ApiError('engagement_not_running');
    if (task.status === 'done' || task.status === 'cancelled') throw new ApiError('task_not_open');
    await runCommand(() => engagements.reassignTask(task.engagementId, { taskKey: task.key, actorId: caller.userId, assigneeId: request.body.assigneeId }), {
      task_already_completed: 'task_not_open',
      not_assignee: 'forbidden',
    });
    return detailOf(request, task.id);
  });
}
