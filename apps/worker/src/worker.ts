import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createDb } from '@gongzhi/db';
import { workflowsPath } from '@gongzhi/workflows';
import { createEngagementActivities } from '@gongzhi/workflows/activities';
import { startUnstartedEngagements } from '@gongzhi/workflows/client';
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
    // An engagement whose row was written but whose workflow start was lost (a crash between the
    // two) is started now; starting is idempotent by workflow id.
    const clientConnection = await Connection.connect({ address: config.temporalAddress });
    try {
      const client = new Client({ connection: clientConnection, namespace: config.temporalNamespace });
      const started = await startUnstartedEngagements({ db, temporal: client, taskQueue: config.taskQueue });
      if (started.length > 0) log(`started ${started.length} engagement workflow(s) that had not been started`);
    } finally {
      await clientConnection.close();
    }
    log(`worker polling ${config.taskQueue} on ${config.temporalAddress}`);
    // Worker.run() resolves after SIGINT/SIGTERM and a graceful drain of in-flight tasks.
    await worker.run();
  } finally {
    await connection.close();
    await db.$disconnect();
  }
}
