// A Temporal worker for the engagement task queue, as its own process (what apps/worker runs in
// production), for the scripts that put the API on the real stack. Reads DATABASE_URL and
// TEMPORAL_ADDRESS and GONGZHI_FILES_DIR (the API's); prints `{"ready":true}` once polling; SIGTERM drains and exits.
import { NativeConnection, Runtime, DefaultLogger, Worker } from '@temporalio/worker';
import { z } from 'zod';
import { createDb, importBuiltInKnowledge } from '@gongzhi/db';
import { createFileStore } from '@gongzhi/storage';
import { ENGAGEMENT_TASK_QUEUE, workflowsPath } from '@gongzhi/workflows';
import { createEngagementActivities } from '@gongzhi/workflows/activities';

const env = z.object({ DATABASE_URL: z.string().min(1), TEMPORAL_ADDRESS: z.string().min(1), GONGZHI_FILES_DIR: z.string().min(1) }).parse(process.env);
Runtime.install({ logger: new DefaultLogger('WARN') });
const db = createDb({ url: env.DATABASE_URL });
// As apps/worker does: new engagements copy the firm's knowledge base, so it must be there first.
await importBuiltInKnowledge(db);
const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
const worker = await Worker.create({ connection, taskQueue: ENGAGEMENT_TASK_QUEUE, workflowsPath, activities: createEngagementActivities({ db, files: createFileStore({ dir: env.GONGZHI_FILES_DIR }) }) });
const running = worker.run();
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
// Worker.run() resolves after SIGINT/SIGTERM and a graceful drain.
await running;
await connection.close();
await db.$disconnect();
