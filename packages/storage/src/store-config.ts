// Which store the API and the worker use, from their environment: files on local disk (the
// embedded default) or an S3 bucket. Both processes parse the same variables with this shape, so
// they can never disagree on where a file is; the package itself never reads process.env.
import { z } from 'zod';
import { createFileStore, type FileStore } from './file-store';
import { createS3Store, type S3StoreOptions } from './s3-store';
import { defaultFilesDir } from './default-dir';

export type StoreConfig = { kind: 'files'; dir: string } | ({ kind: 's3' } & S3StoreOptions);

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** The variables, for the callers' own `z.object({ ...storeEnvShape, … })`. */
export const storeEnvShape = {
  /** Where files are kept on local disk (the default: `<repo>/.data/files`). Not with GONGZHI_S3_BUCKET. */
  GONGZHI_FILES_DIR: z.string().min(1).optional(),
  /** Set, files go to this S3 bucket instead of the disk. */
  GONGZHI_S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name (3–63 lowercase letters, digits, `.` or `-`)').optional(),
  /** An S3-compatible server (MinIO, versitygw, a cloud's endpoint); unset, AWS's. */
  GONGZHI_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  /** Default `us-east-1` (what self-hosted servers expect). */
  GONGZHI_S3_REGION: z.string().min(1).optional(),
  /** Put before every key (e.g. `gongzhi/`), when the bucket holds other things too. */
  GONGZHI_S3_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9_-][A-Za-z0-9._-]*\/)*$/, 'must be path segments each ending in `/` and none starting with `.`, e.g. `gongzhi/`')
    .optional(),
  /** Path-style addressing (`host/bucket/key`): default on with GONGZHI_S3_ENDPOINT, off for AWS. */
  GONGZHI_S3_FORCE_PATH_STYLE: flag.optional(),
  /** Both or neither; neither, the AWS SDK's usual chain (AWS_ACCESS_KEY_ID…, a profile, a role). */
  GONGZHI_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  GONGZHI_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
};

type StoreEnv = z.infer<z.ZodObject<typeof storeEnvShape>>;

/** The store the parsed variables name, or the problems with them (each naming its variable). */
export function storeConfigOf(env: StoreEnv): { config: StoreConfig; problems: [] } | { config?: undefined; problems: string[] } {
  if (env.GONGZHI_S3_BUCKET === undefined) {
    const s3Only = (['GONGZHI_S3_ENDPOINT', 'GONGZHI_S3_REGION', 'GONGZHI_S3_PREFIX', 'GONGZHI_S3_FORCE_PATH_STYLE', 'GONGZHI_S3_ACCESS_KEY_ID', 'GONGZHI_S3_SECRET_ACCESS_KEY'] as const).filter(
      (name) => env[name] !== undefined,
    );
    if (s3Only.length > 0) return { problems: s3Only.map((name) => `${name}: set without GONGZHI_S3_BUCKET (files would silently stay on disk)`) };
    return { config: { kind: 'files', dir: env.GONGZHI_FILES_DIR ?? defaultFilesDir() }, problems: [] };
  }
  const problems: string[] = [];
  if (env.GONGZHI_FILES_DIR !== undefined) problems.push('GONGZHI_FILES_DIR: set together with GONGZHI_S3_BUCKET; choose one store');
  if ((env.GONGZHI_S3_ACCESS_KEY_ID === undefined) !== (env.GONGZHI_S3_SECRET_ACCESS_KEY === undefined))
    problems.push('GONGZHI_S3_ACCESS_KEY_ID, GONGZHI_S3_SECRET_ACCESS_KEY: set both or neither');
  if (problems.length > 0) return { problems };
  return {
    config: {
      kind: 's3',
      bucket: env.GONGZHI_S3_BUCKET,
      prefix: env.GONGZHI_S3_PREFIX ?? '',
      region: env.GONGZHI_S3_REGION ?? 'us-east-1',
      forcePathStyle: env.GONGZHI_S3_FORCE_PATH_STYLE ?? env.GONGZHI_S3_ENDPOINT !== undefined,
      ...(env.GONGZHI_S3_ENDPOINT ? { endpoint: env.GONGZHI_S3_ENDPOINT } : {}),
      ...(env.GONGZHI_S3_ACCESS_KEY_ID && env.GONGZHI_S3_SECRET_ACCESS_KEY ? { credentials: { accessKeyId: env.GONGZHI_S3_ACCESS_KEY_ID, secretAccessKey: env.GONGZHI_S3_SECRET_ACCESS_KEY } } : {}),
    },
    problems: [],
  };
}

/**
 * `storeConfigOf` straight from an environment (blank values count as unset), for a process
 * whose own configuration has nothing else to report: the problems name zod's findings too.
 */
export function storeConfigFromEnv(env: Record<string, string | undefined>): ReturnType<typeof storeConfigOf> {
  const parsed = z.object(storeEnvShape).safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) return { problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  return storeConfigOf(parsed.data);
}

/** The store a configuration names; close() releases an S3 client's sockets (a no-op for files). */
export function createStore(config: StoreConfig): FileStore & { close(): void } {
  if (config.kind === 'files') return { ...createFileStore({ dir: config.dir }), close: () => undefined };
  const { kind: _kind, ...options } = config;
  return createS3Store(options);
}

/** One line for a start-up log: where files go, without secrets. */
export function describeStore(config: StoreConfig): string {
  return config.kind === 'files' ? `files in ${config.dir}` : `files in s3://${config.bucket}/${config.prefix ?? ''} (${config.endpoint ?? `AWS ${config.region}`})`;
}
