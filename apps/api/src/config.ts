import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The workspace root (where pnpm-workspace.yaml is), for defaults under `<repo>/.data`; found from src/ and dist/ alike. */
function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((value) => (value === undefined ? fallback : value === 'true' || value === '1'));

const apiEnvSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  GONGZHI_API_PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  GONGZHI_API_HOST: z.string().min(1).default('127.0.0.1'),
  GONGZHI_FILES_DIR: z.string().min(1).default(() => join(findRepoRoot(), '.data', 'files')),
  GONGZHI_COOKIE_SECURE: flag(false),
  /** The dashboard's origin when it is served from elsewhere (not through the dev proxy). */
  GONGZHI_WEB_ORIGIN: z.url().optional(),
  GONGZHI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GONGZHI_SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** Login attempts per client address per minute. */
  GONGZHI_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  /** Failed logins per username per 15 minutes before that username is refused for the window. */
  GONGZHI_LOGIN_FAILURE_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Seconds to let in-flight requests finish after SIGTERM before closing anyway. */
  GONGZHI_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(10),
  /** Trust X-Forwarded-For from a reverse proxy (the client address for rate limits and the audit log). */
  GONGZHI_TRUST_PROXY: flag(false),
});

/** Everything the API takes from outside, read once at the edge and passed down. */
export interface ApiConfig {
  databaseUrl: string;
  temporal: { address: string; namespace: string; taskQueue?: string };
  http: { host: string; port: number; trustProxy: boolean; shutdownGraceMs: number };
  filesDir: string;
  cookieSecure: boolean;
  webOrigin: string | null;
  logLevel: z.infer<typeof apiEnvSchema>['GONGZHI_LOG_LEVEL'];
  sessionTtlMs: number;
  loginRateLimit: { perAddressPerMinute: number; failuresPerUsername: number };
}

/** Parses the environment; every missing or malformed variable is named in one error. */
export function parseApiConfig(env: Record<string, string | undefined>): ApiConfig {
  const parsed = apiEnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`API configuration is invalid:\n${problems}`);
  }
  const config = parsed.data;
  return {
    databaseUrl: config.DATABASE_URL,
    temporal: { address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE },
    http: { host: config.GONGZHI_API_HOST, port: config.GONGZHI_API_PORT, trustProxy: config.GONGZHI_TRUST_PROXY, shutdownGraceMs: config.GONGZHI_SHUTDOWN_GRACE_SECONDS * 1000 },
    filesDir: config.GONGZHI_FILES_DIR,
    cookieSecure: config.GONGZHI_COOKIE_SECURE,
    webOrigin: config.GONGZHI_WEB_ORIGIN ?? null,
    logLevel: config.GONGZHI_LOG_LEVEL,
    sessionTtlMs: config.GONGZHI_SESSION_TTL_HOURS * 3_600_000,
    loginRateLimit: { perAddressPerMinute: config.GONGZHI_LOGIN_RATE_LIMIT, failuresPerUsername: config.GONGZHI_LOGIN_FAILURE_LIMIT },
  };
}
