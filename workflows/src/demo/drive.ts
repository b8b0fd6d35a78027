import { createHash } from 'node:crypto';
import { type Db } from '@gongzhi/db';
import { type EngagementPlan, OFFICE_MIME_TYPES, type PlannedTask } from '@gongzhi/domain';
import { type EngagementClient } from '../client';
import { type SubmittedFile } from '../workflows/definitions';
import { sampleFormData } from './sample-form';

/** File metadata as the API records it after storing the bytes (content-addressed by SHA-256). */
export function fileFor(task: PlannedTask, revision: number): SubmittedFile {
  const content = `${task.deliverable?.title.zh ?? task.key} 第${revision}稿`;
  const sha256 = createHash('sha256').update(content).digest('hex');
  return { storageKey: `sha256/${sha256}`, sha256, fileName: `${task.deliverable?.title.zh ?? task.key}-v${revision}.docx`, mimeType: OFFICE_MIME_TYPES.docx, sizeBytes: Buffer.byteLength(content) };
}

export interface DriveOptions {
  /** Deliverable keys the partner sends back once before approving. */
  sendBack?: readonly string[];
  /** Stop driving once this many commands have been sent (to crash something mid-way). */
  maxCommands?: number;
  /** Give up after this long without the engagement completing. */
  timeoutMs?: number;
  /** Stop driving as soon as this says so (checked before each round of commands). */
  stopWhen?: () => Promise<boolean>;
  /**
   * Task keys left for the caller: never completed or reviewed here. With `stopWhen` waiting for one
   * to open, a round that lists it open (after the check) would otherwise complete it first.
   */
  spare?: readonly string[];
  /** Produces (and stores) the file a deliverable task submits; by default metadata of a generated text. */
  fileFor?: (task: PlannedTask, revision: number) => Promise<SubmittedFile>;
}

/**
 * Plays every role through an engagement the way people would: whoever holds an open task
 * completes it with a valid form (and a file where a deliverable is due); the partner reviews
 * each submission. Returns when the engagement's projection says completed (or on maxCommands).
 */
export async function driveEngagement(engine: { db: Db; engagements: EngagementClient }, engagementId: string, plan: EngagementPlan, options: DriveOptions = {}): Promise<{ commands: number; sentBack: string[] }> {
  const { db, engagements } = engine;
  const byKey = new Map(plan.tasks.map((task) => [task.key, task]));
  const sendBack = new Set(options.sendBack ?? []);
  const spare = new Set(options.spare ?? []);
  const sentBack: string[] = [];
  let commands = 0;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    const engagement = await db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { status: true } });
    if (engagement.status === 'completed' || (await options.stopWhen?.())) return { commands, sentBack };
    if (Date.now() > deadline) throw new Error(`engagement ${engagementId} did not complete in time (status ${engagement.status})`);
    const open = (
      await db.task.findMany({
        where: { engagementId, status: { in: ['active', 'changes_requested', 'in_review'] } },
        include: { deliverable: true },
        orderBy: { dueDate: 'asc' },
      })
    ).filter((task) => !spare.has(task.key));
    if (open.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    for (const task of open) {
      if (options.maxCommands !== undefined && commands >= options.maxCommands) return { commands, sentBack };
      const planned = byKey.get(task.key)!;
      if (task.status === 'in_review') {
        const revision = task.deliverable!.currentRevision;
        const sendThisBack = sendBack.has(task.deliverable!.key) && revision === 1;
        if (sendThisBack) sentBack.push(task.deliverable!.key);
        // The partner decides on the content as submitted: the revision's SHA-256.
        const { sha256 } = await db.deliverableRevision.findUniqueOrThrow({ where: { deliverableId_revision: { deliverableId: task.deliverable!.id, revision } }, select: { sha256: true } });
        await engagements.reviewDeliverable(engagementId, {
          taskKey: task.key,
          reviewerId: plan.team.partner,
          revision,
          sha256,
          decision: sendThisBack ? 'request_changes' : 'approve',
          ...(sendThisBack ? { comment: '请补充法律依据，并核对各社区数据。' } : {}),
        }, `review-${engagementId}-${task.key}-${revision}`);
      } else {
        const revision = (task.deliverable?.currentRevision ?? 0) + 1;
        await engagements.completeTask(
          engagementId,
          {
            taskKey: task.key,
            actorId: task.assigneeId,
            formData: sampleFormData(planned),
            // Without a client contact the PM records the client's decisions, saying why.
            ...(planned.role === 'client' && !plan.team.client ? { standInReason: '委托方未开通系统账号，项目经理根据双方会谈纪要代为确认。' } : {}),
            ...(planned.deliverable ? { file: options.fileFor ? await options.fileFor(planned, revision) : fileFor(planned, revision) } : {}),
          },
          `complete-${engagementId}-${task.key}-${revision}`,
        );
      }
      commands++;
    }
  }
}
