import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { type Db, importBuiltInKnowledge } from '@gongzhi/db';
import { createTestDatabase } from '@gongzhi/db/testing';
import { createFileStore, type FileStore } from '@gongzhi/storage';
import { createEngagementActivities } from '../activities';
import { type EngagementActivities } from '../activities/types';
import { createEngagementClient, type EngagementClient, type StartEngagementRequest } from '../client';

export { driveEngagement, type DriveOptions, fileFor } from '../demo/drive';
import { workflowsPath } from '../index';

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
  /** The store the worker's activities write generated documents to. */
  files: FileStore;
  team: TestTeam;
  /** A firm administrator (on no team): told of incidents, retries them. */
  adminId: string;
  /**
   * Runs an in-process worker on the task queue until `stop` (tests that kill workers start their
   * own). `wrapActivities` lets a test put a fault around the real activities (they still write).
   */
  startWorker(options?: { wrapActivities?: (activities: EngagementActivities) => EngagementActivities }): Promise<{ stop(): Promise<void> }>;
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
  // As the worker does at boot: engagements start from the firm's knowledge base.
  await importBuiltInKnowledge(db);
  const person = async (username: string, displayName: string, roles: ('admin' | 'pm' | 'partner' | 'lawyer' | 'client')[]) =>
    (await db.user.create({ data: { username, displayName, passwordHash: 'scrypt$test', roles } })).id;
  const team: TestTeam = {
    pm: await person('pm', '李项目经理', ['pm', 'lawyer']),
    partner: await person('partner', '张振华', ['partner']),
    lawyers: [await person('lawyer1', '王浩然', ['lawyer']), await person('lawyer2', '赵律师', ['lawyer'])],
    client: await person('client', '街道办联系人', ['client']),
  };
  const adminId = await person('admin', '陈立群', ['admin']);
  const connection = await Connection.connect({ address: temporalAddress });
  const temporal = new Client({ connection });
  const taskQueue = `test-${randomUUID()}`;
  const files = createFileStore({ dir: await mkdtemp(join(tmpdir(), 'gongzhi-workflow-files-')) });
  const workers: { stop(): Promise<void> }[] = [];
  return {
    db,
    databaseUrl: database.url,
    temporal,
    engagements: createEngagementClient({ db, temporal, taskQueue }),
    taskQueue,
    files,
    team,
    adminId,
    async startWorker({ wrapActivities = (activities: EngagementActivities) => activities } = {}) {
      const nativeConnection = await NativeConnection.connect({ address: temporalAddress });
      const worker = await Worker.create({ connection: nativeConnection, taskQueue, workflowsPath, activities: wrapActivities(createEngagementActivities({ db, files })) });
      const running = worker.run();
      let stopped: Promise<void> | null = null;
      const handle = {
        // Once: a test that restarts its worker stops it, and close() stops every worker again.
        stop() {
          stopped ??= (async () => {
            if (worker.getState() === 'RUNNING') worker.shutdown();
            await running;
            await nativeConnection.close();
          })();
          return stopped;
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

