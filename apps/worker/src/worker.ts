import { NativeConnection, Worker } from '@temporalio/worker';
import { createDb, importBuiltInKnowledge } from '@gongzhi/db';
import { createStore, describeStore } from '@gongzhi/storage';
import { type Tracing, temporalWorkerTracing } from '@gongzhi/telemetry';
import { workflowsPath } from '@gongzhi/workflows';
import { createEngagementActivities } from '@gongzhi/workflows/activities';
import { type WorkerConfig } from './config';

type Activities = ReturnType<typeof createEngagementActivities>;

export interface RunWorkerOptions {
  log?: (message: string) => void;
  /** Puts something around the real activities (the fault tests kill the process around one). */
  wrapActivities?: (activities: Activities) => Activities;
  /** This process's tracing when it is on (main.ts): activities, workflows and queries traced. */
  tracing?: Tracing;
}

/** Builds the worker's dependencies from config, runs until a shutdown signal, then closes them. */
export async function runWorker(config: WorkerConfig, { log = console.log, wrapActivities = (activities) => activities, tracing }: RunWorkerOptions = {}): Promise<void> {
  const db = createDb({ url: config.databaseUrl });
  // New engagements copy the firm's knowledge base: bring the built-in one in first (a no-op
  // when it is there; a lawyer's edits are never overwritten).
  const knowledge = await importBuiltInKnowledge(db);
  if (knowledge.created + knowledge.updated > 0) log(`knowledge base ${knowledge.seedVersion}: ${knowledge.created} entries added, ${knowledge.updated} updated`);
  for (const entry of knowledge.keptEdited) log(`knowledge base: ${entry} changed in this release but was edited by a person; the edit stands`);
  const files = createStore(config.store);
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  try {
    const worker = await Worker.create({
      connection,
      namespace: config.temporalNamespace,
      taskQueue: config.taskQueue,
      activities: wrapActivities(createEngagementActivities({ db, files, firmName: config.firmName })),
      ...(config.workflowBundlePath ? { workflowBundle: { codePath: config.workflowBundlePath } } : { workflowsPath }),
      shutdownGraceTime: config.shutdownGraceTime,
      // The same workflow interceptors with tracing on or off (see temporalWorkerTracing).
      plugins: [temporalWorkerTracing(tracing)],
    });
    log(`worker polling ${config.taskQueue} on ${config.temporalAddress}, ${describeStore(config.store)}`);
    // Worker.run() resolves after SIGINT/SIGTERM and a graceful drain of in-flight tasks.
    await worker.run();
  } finally {
    files.close();
    await connection.close();
    await db.$disconnect();
  }
}
