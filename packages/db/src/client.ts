import { PrismaPg } from '@prisma/adapter-pg';
import { isDriverAdapterError } from '@prisma/driver-adapter-utils';
import { Prisma, PrismaClient } from './generated/prisma/client';

export interface DbOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Connections in this process's pool (default 10). */
  poolSize?: number;
  /** Errors of idle pooled connections (e.g. the server restarted): for logging; the pool replaces them. */
  onPoolError?: (error: Error) => void;
}

/** The database client. Close it with `db.$disconnect()`. */
export type Db = PrismaClient;
/** The client inside `withTransaction`: the same model API, bound to one transaction. */
export type DbTransaction = Prisma.TransactionClient;
/** Either of them: functions that only query take this, so callers may pass a transaction. */
export type DbClient = Db | DbTransaction;

/**
 * A Prisma client over node-postgres. Every process (API, worker, scripts, tests) talks to
 * PostgreSQL over the wire this way, whether the server is embedded or not: one code path.
 */
export function createDb({ url, poolSize = 10, onPoolError }: DbOptions): Db {
  const adapter = new PrismaPg({ connectionString: url, max: poolSize }, { onPoolError });
  return new PrismaClient({ adapter });
}

export interface TransactionOptions {
  isolationLevel?: Prisma.TransactionIsolationLevel;
  /** Attempts in total when PostgreSQL aborts the transaction for a conflict (default 3). */
  maxAttempts?: number;
  /** Longest the transaction may run, in ms (default 10 000). */
  timeout?: number;
}

/**
 * Runs `work` in one transaction. Serialization failures and deadlocks are retried:
 * PostgreSQL reports them precisely so that the transaction can be run again, and `work` must
 * therefore be free of side effects outside the database.
 */
export async function withTransaction<T>(db: Db, work: (tx: DbTransaction) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const { maxAttempts = 3, timeout = 10_000, isolationLevel } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, { timeout, ...(isolationLevel ? { isolationLevel } : {}) });
    } catch (error) {
      if (attempt >= maxAttempts || !isWriteConflict(error)) throw error;
    }
  }
}

/**
 * A serialization failure or deadlock (SQLSTATE 40001/40P01). Prisma reports one raised by a
 * query as P2034, but one raised by COMMIT reaches us as the driver adapter's own error.
 */
function isWriteConflict(error: unknown): boolean {
  if (isKnownError(error, 'P2034')) return true;
  return error instanceof Error && isDriverAdapterError(error) && error.cause.kind === 'TransactionWriteConflict';
}

function isKnownError(error: unknown, code: string): error is Prisma.PrismaClientKnownRequestError {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === code;
}

/**
 * True when `error` is a unique-constraint violation (P2002). Idempotent writers insert with a
 * business key and treat this as "already done"; inside a transaction, prefer `upsert` or
 * `createMany({ skipDuplicates: true })`, since the failed statement aborts the transaction.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (isKnownError(error, 'P2002')) return true;
  return error instanceof Error && isDriverAdapterError(error) && error.cause.kind === 'UniqueConstraintViolation';
}

/** The PostgreSQL SQLSTATE behind a failed query, when the driver reported one (`23514`, `22P02`, …). */
export function sqlStateOf(error: unknown): string | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  const cause = (error.meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined)?.driverAdapterError?.cause;
  return typeof cause?.originalCode === 'string' ? cause.originalCode : undefined;
}

/**
 * True when PostgreSQL refused the data itself (SQLSTATE class 22, data exception, or 23,
 * integrity constraint violation): sending the same data again cannot succeed.
 */
export function isRefusedData(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state !== undefined && (state.startsWith('22') || state.startsWith('23'));
}

/** True when `error` says the row to update or delete does not exist (P2025). */
export function isRecordNotFound(error: unknown): boolean {
  return isKnownError(error, 'P2025');
}

/** The engagement takes new work (it exists and is not cancelled): what a route asks before sending a workflow something new. */
export async function isEngagementRunning(db: DbClient, engagementId: string): Promise<boolean> {
  const row = await db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { status: true } });
  return row.status !== 'cancelled';
}

/**
 * Locks the engagement's row for the rest of the transaction and answers its status (null: no such
 * engagement): writers that check the engagement's state and then write take their turns.
 */
export async function lockEngagement(tx: DbTransaction, engagementId: string): Promise<string | null> {
  const [engagement] = await tx.$queryRaw<{ status: string }[]>`select status::text from engagement where id = ${engagementId}::uuid for update`;
  return engagement?.status ?? null;
}
