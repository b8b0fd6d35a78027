import { createHash, randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { type Db } from '@gongzhi/db';
import { createTestDatabase } from '@gongzhi/db/testing';
import { type EngagementPlan, type PlannedTask } from '@gongzhi/domain';
import { createEngagementActivities } from '../activities';
import { createEngagementClient, type EngagementClient, type StartEngagementRequest } from '../client';
import { sampleFormData } from '../demo/sample-form';
import { workflowsPath } from '../index';
import { type SubmittedFile } from '../workflows/definitions';

export interface TestTeam {
  pm: string;
  partner: string;
  lawyers: [string, string];
  client: string;
}

export interface TestEngine {
  db: Db;
  databaseUrl: string;
  temporal: Client;
  engagements: EngagementClient;
  taskQueue: string;
  team: TestTeam;
  /** Runs an in-process worker on the task queue until `stop` (tests that kill workers start their own). */
  startWorker(): Promise<{ stop(): Promise<void> }>;
  close(): Promise<void>;
}

let isRuntimeInstalled = false;

/** A fresh database, real users, a Temporal client and a private task queue on the shared test servers. */
export async function createTestEngine({ databaseServerUrl, temporalAddress }: { databaseServerUrl: string; temporalAddress: string }): Promise<TestEngine> {
  if (!isRuntimeInstalled) {
    // Worker lifecycle chatter drowns test output; warnings and errors still show.
    Runtime.install({ logger: new DefaultLogger('WARN') });
    isRuntimeInstalled = true;
  }
  const database = await createTestDatabase(databaseServerUrl);
  const { db } = database;
  const person = async (username: string, displayName: string, roles: ('pm' | 'partner' | 'lawyer' | 'client')[]) =>
    (await db.user.create({ data: { username, displayName, passwordHash: 'scrypt$test', roles } })).id;
  const team: TestTeam = {
    pm: await person('pm', '李项目经理', ['pm', 'lawyer']),
    partner: await person('partner', '张合伙人', ['partner']),
    lawyers: [await person('lawyer1', '王律师', ['lawyer']), await person('lawyer2', '赵律师', ['lawyer'])],
    client: await person('client', '街道办联系人', ['client']),
  };
  const connection = await Connection.connect({ address: temporalAddress });
  const temporal = new Client({ connection });
  const taskQueue = `test-${randomUUID()}`;
  const workers: { stop(): Promise<void> }[] = [];
  return {
    db,
    databaseUrl: database.url,
    temporal,
    engagements: createEngagementClient({ db, temporal, taskQueue }),
    taskQueue,
    team,
    async startWorker() {
      const nativeConnection = await NativeConnection.connect({ address: temporalAddress });
      const worker = await Worker.create({ connection: nativeConnection, taskQueue, workflowsPath, activities: createEngagementActivities({ db }) });
      const running = worker.run();
      const handle = {
        async stop() {
          if (worker.getState() === 'RUNNING') worker.shutdown();
          await running;
          await nativeConnection.close();
        },
      };
      workers.push(handle);
      return handle;
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.stop()));
      await connection.close();
      await database.drop();
    },
  };
}

export function engagementRequest(team: TestTeam, overrides: Partial<StartEngagementRequest> = {}): StartEngagementRequest {
  return {
    engagementId: randomUUID(),
    name: '某某街道创新社区治理项目',
    clientName: '某某街道办事处',
    clientKind: 'street',
    createdById: team.pm,
    templateKey: 'community-governance',
    startDate: '2027-03-01',
    communities: [
      { key: 'chaoyang', name: '朝阳社区' },
      { key: 'heping', name: '和平社区' },
      { key: 'xingfu', name: '幸福社区' },
    ],
    departments: [
      { key: 'fire', name: '消防救援机构' },
      { key: 'police', name: '公安派出所' },
    ],
    team: { pm: team.pm, partner: team.partner, lawyers: [...team.lawyers], client: team.client },
    ...overrides,
  };
}

/** File metadata as the API records it after storing the bytes (content-addressed by SHA-256). */
export function fileFor(task: PlannedTask, revision: number): SubmittedFile {
  const content = `${task.deliverable?.title.zh ?? task.key} 第${revision}稿`;
  const sha256 = createHash('sha256').update(content).digest('hex');
  return { storageKey: `sha256/${sha256}`, sha256, fileName: `${task.deliverable?.title.zh ?? task.key}-v${revision}.docx`, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', sizeBytes: Buffer.byteLength(content) };
}

export interface DriveOptions {
  /** Deliverable keys the partner sends back once before approving. */
  sendBack?: readonly string[];
  /** Stop driving once this many commands have been sent (to crash something mid-way). */
  maxCommands?: number;
  /** Give up after this long without the engagement completing. */
  timeoutMs?: number;
}

/**
 * Plays every role through an engagement the way people would: whoever holds an open task
 * completes it with a valid form (and a file where a deliverable is due); the partner reviews
 * each submission. Returns when the engagement's projection says completed (or on maxCommands).
 */
export async function driveEngagement(engine: Pick<TestEngine, 'db' | 'engagements'>, engagementId: string, plan: EngagementPlan, options: DriveOptions = {}): Promise<{ commands: number; sentBack: string[] }> {
  const { db, engagements } = engine;
  const byKey = new Map(plan.tasks.map((task) => [task.key, task]));
  const sendBack = new Set(options.sendBack ?? []);
  const sentBack: string[] = [];
  let commands = 0;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    const engagement = await db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { status: true } });
    if (engagement.status === 'completed') return { commands, sentBack };
    if (Date.now() > deadline) throw new Error(`engagement ${engagementId} did not complete in time (status ${engagement.status})`);
    const open = await db.task.findMany({
      where: { engagementId, status: { in: ['active', 'changes_requested', 'in_review'] } },
      include: { deliverable: true },
      orderBy: { dueDate: 'asc' },
    });
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
        await engagements.reviewDeliverable(engagementId, {
          taskKey: task.key,
          reviewerId: plan.team.partner,
          revision,
          decision: sendThisBack ? 'request_changes' : 'approve',
          ...(sendThisBack ? { comment: '请补充法律依据，并核对各社区数据。' } : {}),
        }, `review-${engagementId}-${task.key}-${revision}`);
      } else {
        const revision = (task.deliverable?.currentRevision ?? 0) + 1;
        await engagements.completeTask(
          engagementId,
          { taskKey: task.key, actorId: task.assigneeId, formData: sampleFormData(planned), ...(planned.deliverable ? { file: fileFor(planned, revision) } : {}) },
          `complete-${engagementId}-${task.key}-${revision}`,
        );
      }
      commands++;
    }
  }
}
