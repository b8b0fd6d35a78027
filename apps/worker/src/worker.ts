import { NativeConnection, Worker } from '@temporalio/worker';
import { createDb, importBuiltInKnowledge } from '@gongzhi/db';
import { createStore, describeStore } from '@gongzhi/storage';
import { type Tracing, temporalWorkerTracing } from '@gongzhi/telemetry';
import { workflowsPath } from '@gongzhi/workflows';
import { createEngagementActivities } from '@gongzhi/workflows/activities';
import { type WorkerConfig } from './config';
import { bundleToLoad } from './workflow-bundles';

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
  const bundle = config.workflowBundlePath ? await bundleToLoad(config.workflowBundlePath, tracing !== undefined) : undefined;
  if (bundle?.problem) log(`tracing: ${bundle.problem} (build both with pnpm --filter @gongzhi/worker build); workflow spans will be missing`);
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  try {
    const worker = await Worker.create({
      connection,
      namespace: config.temporalNamespace,
      taskQueue: config.taskQueue,
      activities: wrapActivities(createEngagementActivities({ db, files, firmName: config.firmName })),
      ...(bundle ? { workflowBundle: { codePath: bundle.path } } : { workflowsPath }),
      shutdownGraceTime: config.shutdownGraceTime,
      ...(config.maxCachedWorkflows !== undefined ? { maxCachedWorkflows: config.maxCachedWorkflows } : {}),
      // Tracing's interceptors only when it is on (they cost memory in every cached workflow), or
      // when the bundle carries them anyway (their spans then need the plugin's sink).
      plugins: tracing || bundle?.traced ? [temporalWorkerTracing(tracing)] : [],
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
