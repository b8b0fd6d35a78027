import { z } from 'zod';
import { type StoreConfig, storeConfigOf, storeEnvShape } from '@gongzhi/storage';
import { type AuthThrottleConfig, DEFAULT_AUTH_THROTTLE } from './lib/auth-throttle';

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((value) => (value === undefined ? fallback : value === 'true' || value === '1'));

const apiEnvSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  /**
   * How long a command (a task completion, a pause…) may wait for the workflow engine, a worker
   * included, before the caller is told 503 temporarily_unavailable (a retry with the same
   * idempotency key is safe).
   */
  GONGZHI_COMMAND_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(30),
  GONGZHI_API_PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  GONGZHI_API_HOST: z.string().min(1).default('127.0.0.1'),
  /** Where files are kept: GONGZHI_FILES_DIR, or GONGZHI_S3_* for a bucket (the worker reads the same). */
  ...storeEnvShape,
  /** Off only where the API is served over plain http (the dev and test stacks say so themselves). */
  GONGZHI_COOKIE_SECURE: flag(true),
  /** The scrape secret for GET /metrics (`Authorization: Bearer …`); unset, only administrators get in. */
  GONGZHI_METRICS_TOKEN: z.string().regex(/^[A-Za-z0-9_-]{32,200}$/, 'must be 32–200 letters, digits, `_` or `-` (e.g. `openssl rand -hex 32`)').optional(),
  /** The built dashboard (apps/web/dist) to serve from the API's own origin; unset, the API serves only /api. */
  GONGZHI_WEB_DIR: z.string().min(1).optional(),
  /** The dashboard's origin when it is served from elsewhere (not through the dev proxy). */
  GONGZHI_WEB_ORIGIN: z.url().optional(),
  GONGZHI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GONGZHI_SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** Login attempts per client address per minute. */
  GONGZHI_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  /** Failed sign-ins from one address before each further one waits 1, 2, 4… seconds. */
  GONGZHI_LOGIN_FREE_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(DEFAULT_AUTH_THROTTLE.address.freeFailures),
  /** The same for one account from one address (and for wrong current passwords when changing one's own). */
  GONGZHI_LOGIN_FREE_FAILURES_PER_ACCOUNT_ADDRESS: z.coerce.number().int().min(1).default(DEFAULT_AUTH_THROTTLE.accountAddress.freeFailures),
  /** The same for one account from anywhere (never applied to the account's known browsers). */
  GONGZHI_LOGIN_FREE_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(DEFAULT_AUTH_THROTTLE.account.freeFailures),
  /** The longest wait per address and per account and address. */
  GONGZHI_LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(DEFAULT_AUTH_THROTTLE.address.maxDelayMs / 1000),
  /** The longest wait per account from anywhere: short, as an attacker can push it onto anyone's account. */
  GONGZHI_LOGIN_ACCOUNT_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(DEFAULT_AUTH_THROTTLE.account.maxDelayMs / 1000),
  /** Password resets one administrator may make in a row before each further one waits. */
  GONGZHI_PASSWORD_RESETS_PER_ADMIN: z.coerce.number().int().min(1).default(DEFAULT_AUTH_THROTTLE.passwordReset.freeFailures),
  /** Live-update streams one user may hold open at once on one API process. */
  GONGZHI_EVENT_STREAMS_PER_USER: z.coerce.number().int().min(1).max(100).default(5),
  /** Seconds to let in-flight requests finish after SIGTERM before closing anyway. */
  GONGZHI_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(10),
  /** Trust X-Forwarded-For from a reverse proxy (the client address for rate limits and the audit log). */
  GONGZHI_TRUST_PROXY: flag(false),
});

/** Everything the API takes from outside, read once at the edge and passed down. */
export interface ApiConfig {
  databaseUrl: string;
  temporal: { address: string; namespace: string; taskQueue?: string; commandTimeoutMs?: number };
  http: { host: string; port: number; trustProxy: boolean; shutdownGraceMs: number };
  /** Where files are kept (local disk or an S3 bucket); the worker must be given the same. */
  store: StoreConfig;
  cookieSecure: boolean;
  webOrigin: string | null;
  /** The built dashboard served at `/` (GONGZHI_WEB_DIR), or null. */
  dashboardDir: string | null;
  logLevel: z.infer<typeof apiEnvSchema>['GONGZHI_LOG_LEVEL'];
  sessionTtlMs: number;
  /** Requests to the login route per address per minute, whatever their outcome. */
  loginRateLimit: { perAddressPerMinute: number };
  /** Growing delays after failed sign-ins, password changes, and per admin for resets. */
  authThrottle: AuthThrottleConfig;
  metricsToken: string | null;
  eventStreams: { maxPerUser: number; revalidateEveryMs: number };
}

/** Variables that meant something once and would now be silently ignored. */
const RETIRED: Record<string, string> = {
  GONGZHI_LOGIN_FAILURE_LIMIT: 'replaced by growing delays: GONGZHI_LOGIN_FREE_FAILURES_PER_ADDRESS / _PER_ACCOUNT_ADDRESS / _PER_ACCOUNT',
};

/** Parses the environment; every missing or malformed variable is named in one error. */
export function parseApiConfig(env: Record<string, string | undefined>): ApiConfig {
  const parsed = apiEnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  const retired = Object.keys(RETIRED).filter((name) => env[name] !== undefined && env[name] !== '');
  const store = parsed.success ? storeConfigOf(parsed.data) : undefined;
  if (!parsed.success || retired.length > 0 || !store?.config) {
    const problems = [
      ...(parsed.success ? [] : parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)),
      ...(store?.problems ?? []).map((problem) => `  ${problem}`),
      ...retired.map((name) => `  ${name}: no longer used (${RETIRED[name]})`),
    ].join('\n');
    throw new Error(`API configuration is invalid:\n${problems}`);
  }
  const config = parsed.data;
  return {
    databaseUrl: config.DATABASE_URL,
    temporal: { address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE, commandTimeoutMs: config.GONGZHI_COMMAND_TIMEOUT_SECONDS * 1000 },
    http: { host: config.GONGZHI_API_HOST, port: config.GONGZHI_API_PORT, trustProxy: config.GONGZHI_TRUST_PROXY, shutdownGraceMs: config.GONGZHI_SHUTDOWN_GRACE_SECONDS * 1000 },
    store: store.config,
    cookieSecure: config.GONGZHI_COOKIE_SECURE,
    webOrigin: config.GONGZHI_WEB_ORIGIN ?? null,
    dashboardDir: config.GONGZHI_WEB_DIR ?? null,
    logLevel: config.GONGZHI_LOG_LEVEL,
    sessionTtlMs: config.GONGZHI_SESSION_TTL_HOURS * 3_600_000,
    loginRateLimit: { perAddressPerMinute: config.GONGZHI_LOGIN_RATE_LIMIT },
    authThrottle: {
      address: { ...DEFAULT_AUTH_THROTTLE.address, freeFailures: config.GONGZHI_LOGIN_FREE_FAILURES_PER_ADDRESS, maxDelayMs: config.GONGZHI_LOGIN_MAX_DELAY_SECONDS * 1000 },
      accountAddress: { ...DEFAULT_AUTH_THROTTLE.accountAddress, freeFailures: config.GONGZHI_LOGIN_FREE_FAILURES_PER_ACCOUNT_ADDRESS, maxDelayMs: config.GONGZHI_LOGIN_MAX_DELAY_SECONDS * 1000 },
      account: { ...DEFAULT_AUTH_THROTTLE.account, freeFailures: config.GONGZHI_LOGIN_FREE_FAILURES_PER_ACCOUNT, maxDelayMs: config.GONGZHI_LOGIN_ACCOUNT_MAX_DELAY_SECONDS * 1000 },
      passwordChange: { ...DEFAULT_AUTH_THROTTLE.passwordChange, freeFailures: config.GONGZHI_LOGIN_FREE_FAILURES_PER_ACCOUNT_ADDRESS, maxDelayMs: config.GONGZHI_LOGIN_MAX_DELAY_SECONDS * 1000 },
      passwordReset: { ...DEFAULT_AUTH_THROTTLE.passwordReset, freeFailures: config.GONGZHI_PASSWORD_RESETS_PER_ADMIN },
    },
    metricsToken: config.GONGZHI_METRICS_TOKEN ?? null,
    // Catches what other API processes changed (a revoked session, a removed team member) within seconds.
    eventStreams: { maxPerUser: config.GONGZHI_EVENT_STREAMS_PER_USER, revalidateEveryMs: 5_000 },
  };
}
