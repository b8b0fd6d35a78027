import { ApplicationFailure } from '@temporalio/common';
import { type Db, type DbTransaction, type InputJsonValue, isRefusedData, sqlStateOf } from '@gongzhi/db';

export type Tx = DbTransaction;

/** A civil date (`YYYY-MM-DD`, a day in Asia/Shanghai) as a `date` column value. */
export const civilDate = (date: string) => new Date(`${date}T00:00:00.000Z`);
export const json = (value: unknown) => value as InputJsonValue;

/** Records an audit event once per key: a retried activity or replayed workflow records it once. */
export async function audit(
  db: Db | Tx,
  event: { key: string; engagementId: string; actorId: string | null; action: string; entityType: string; entityId: string; before?: unknown; after?: unknown; at: string },
): Promise<void> {
  await db.auditEvent.createMany({
    data: [
      {
        ...event,
        // Absent before/after is SQL NULL, not a JSON null value.
        before: event.before === undefined ? undefined : json(event.before),
        after: event.after === undefined ? undefined : json(event.after),
        at: new Date(event.at),
      },
    ],
    skipDuplicates: true,
  });
}

export async function findTask(db: Db | Tx, engagementId: string, taskKey: string) {
  return db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId, key: taskKey } }, include: { deliverable: true } });
}

/**
 * Data the database refuses (a value it cannot store, a broken constraint) fails the same way on
 * every retry: say so at once, not after half an hour of retries, so the workflow raises an
 * incident people can act on. Outages (connections refused, timeouts) stay retryable.
 */
export function failFastOnRefusedData<A extends object>(activities: A): A {
  return Object.fromEntries(
    Object.entries(activities).map(([name, activity]) => [
      name,
      async (...args: unknown[]) => {
        try {
          return await (activity as (...input: unknown[]) => Promise<unknown>)(...args);
        } catch (error) {
          if (!isRefusedData(error)) throw error;
          throw ApplicationFailure.create({
            type: 'database_refused_data',
            message: `PostgreSQL refused the data (SQLSTATE ${sqlStateOf(error)}): ${error instanceof Error ? error.message.slice(0, 500) : String(error)}`,
            nonRetryable: true,
          });
        }
      },
    ]),
  ) as A;
}
