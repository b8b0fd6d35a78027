import { type StoreConfig, storeConfigOf, storeEnvShape } from '@gongzhi/storage';
import { ENGAGEMENT_TASK_QUEUE } from '@gongzhi/workflows';
import { DEFAULT_FIRM_NAME } from '@gongzhi/workflows/activities';
import { z } from 'zod';

const workerConfigSchema = z.object({
  DATABASE_URL: z.string().url('DATABASE_URL must be a postgres:// URL'),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  GONGZHI_TASK_QUEUE: z.string().min(1).default(ENGAGEMENT_TASK_QUEUE),
  /** A prebuilt workflow bundle (`pnpm --filter @gongzhi/worker build`); unset, workflows are bundled from source at start. */
  GONGZHI_WORKFLOW_BUNDLE: z.string().min(1).optional(),
  GONGZHI_WORKER_SHUTDOWN_GRACE: z.string().default('10s'),
  /** Workflows kept in the worker's memory between tasks (each cached engagement ≈ its figure in docs/benchmarks.md, W5); unset, the SDK's default from the heap size. */
  GONGZHI_WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int('GONGZHI_WORKER_MAX_CACHED_WORKFLOWS must be a whole number').min(0, 'GONGZHI_WORKER_MAX_CACHED_WORKFLOWS must be 0 or more').optional(),
  /** Where files are stored (GONGZHI_FILES_DIR, or GONGZHI_S3_* for a bucket): the API serves downloads from the same store. */
  ...storeEnvShape,
  /** The law firm named on generated documents. */
  GONGZHI_FIRM_NAME: z.string().min(1).default(DEFAULT_FIRM_NAME),
});

export interface WorkerConfig {
  databaseUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  taskQueue: string;
  workflowBundlePath: string | undefined;
  shutdownGraceTime: string;
  /** Undefined: Temporal's default (from the heap size). */
  maxCachedWorkflows: number | undefined;
  store: StoreConfig;
  firmName: string;
}

/** Reads the environment once, at the edge; every missing or malformed variable is named. */
export function parseWorkerConfig(env: NodeJS.ProcessEnv): WorkerConfig {
  const parsed = workerConfigSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  const store = parsed.success ? storeConfigOf(parsed.data) : undefined;
  if (!parsed.success || !store?.config) {
    const problems = [...(parsed.success ? [] : parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)), ...(store?.problems ?? []).map((problem) => `  ${problem}`)].join('\n');
    throw new Error(`Worker configuration is invalid:\n${problems}`);
  }
  const config = parsed.data;
  return {
    databaseUrl: config.DATABASE_URL,
    temporalAddress: config.TEMPORAL_ADDRESS,
    temporalNamespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.GONGZHI_TASK_QUEUE,
    workflowBundlePath: config.GONGZHI_WORKFLOW_BUNDLE,
    shutdownGraceTime: config.GONGZHI_WORKER_SHUTDOWN_GRACE,
    maxCachedWorkflows: config.GONGZHI_WORKER_MAX_CACHED_WORKFLOWS,
    store: store.config,
    firmName: config.GONGZHI_FIRM_NAME,
  };
}
