// What `pnpm start` takes from its environment, checked once: every variable is optional.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const port = z.coerce.number().int().min(1).max(65_535);
const blankAsUnset = (value: unknown): unknown => (value === '' ? undefined : value);

const startConfigSchema = z.object({
  DATABASE_URL: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
  ),
  TEMPORAL_ADDRESS: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^[^:]+:\d+$/, 'must be host:port')
      .optional(),
  ),
  TEMPORAL_NAMESPACE: z.preprocess(blankAsUnset, z.string().default('default')),
  /**
   * Which Temporal to run when TEMPORAL_ADDRESS is unset: the CLI's dev server (state in
   * <data dir>/temporal.db, with its UI) or the Temporal server itself, its state in two databases
   * on the same PostgreSQL server as the product's.
   */
  GONGZHI_TEMPORAL: z.preprocess(blankAsUnset, z.enum(['dev', 'server']).default('dev')),
  /** Unset: the worker's default (ENGAGEMENT_TASK_QUEUE). */
  GONGZHI_TASK_QUEUE: z.preprocess(blankAsUnset, z.string().optional()),
  GONGZHI_DATA_DIR: z.preprocess(blankAsUnset, z.string().default(join(repoRoot, '.data'))),
  GONGZHI_API_PORT: z.preprocess(blankAsUnset, port.default(3000)),
  GONGZHI_WEB_PORT: z.preprocess(blankAsUnset, port.default(5173)),
  TEMPORAL_PORT: z.preprocess(blankAsUnset, port.default(7233)),
  TEMPORAL_UI_PORT: z.preprocess(blankAsUnset, port.default(8233)),
  GONGZHI_PG_PORT: z.preprocess(blankAsUnset, port.default(5433)),
  /**
   * The API's cookies are Secure unless told otherwise; this stack serves plain http on
   * 127.0.0.1, so it says otherwise unless the caller chose (behind an HTTPS proxy: `true`).
   */
  GONGZHI_COOKIE_SECURE: z.preprocess(blankAsUnset, z.enum(['true', 'false', '1', '0']).default('false')),
});

export type StartConfig = z.infer<typeof startConfigSchema>;

export function parseStartConfig(env: Record<string, string | undefined>): StartConfig {
  const parsed = startConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment for pnpm start:\n${problems.join('\n')}`);
  }
  return parsed.data;
}
