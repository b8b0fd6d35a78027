import { NativeConnection, Worker } from '@temporalio/worker';
import { createDb } from '@gongzhi/db';
import { workflowsPath } from '@gongzhi/workflows';
import { createEngagementActivities } from '@gongzhi/workflows/activities';
import { type WorkerConfig } from './config';

/** Builds the worker's dependencies from config, runs until a shutdown signal, then closes them. */
export async function runWorker(config: WorkerConfig, log: (message: string) => void = console.log): Promise<void> {
  const db = createDb({ url: config.databaseUrl });
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  try {
    const worker = await Worker.create({
      connection,
      namespace: config.temporalNamespace,
      taskQueue: config.taskQueue,
      activities: createEngagementActivities({ db }),
      ...(config.workflowBundlePath ? { workflowBundle: { codePath: config.workflowBundlePath } } : { workflowsPath }),
      shutdownGraceTime: config.shutdownGraceTime,
    });
    log(`worker polling ${config.taskQueue} on ${config.temporalAddress}`);
    // Worker.run() resolves after SIGINT/SIGTERM and a graceful drain of in-flight tasks.
    await worker.run();
  } finally {
    await connection.close();
    await db.$disconnect();
  }
}
