import pg from 'pg';
import { z } from 'zod';
import { CHANGE_TYPES } from '@gongzhi/domain';
import { type DbClient } from './client';

/** The channel the engine announces its writes on; the API relays them as server-sent events. */
export const CHANGE_CHANNEL = 'gongzhi_changes';

/** One announcement: what changed in which engagement (`key` names the stage or task). */
export const changeSchema = z.object({ engagementId: z.string(), type: z.enum(CHANGE_TYPES), key: z.string().optional() });
export type Change = z.infer<typeof changeSchema>;

/** Announces a change to every listener (every API process), through PostgreSQL. */
export async function publishChange(db: DbClient, change: Change): Promise<void> {
  await db.$executeRaw`select pg_notify(${CHANGE_CHANNEL}, ${JSON.stringify(change)})`;
}

/**
 * PostgreSQL LISTEN on one dedicated connection, for live updates (the API relays the workflow
 * activities' `pg_notify` calls to server-sent events). A pooled Prisma connection cannot
 * LISTEN: notifications arrive only on the session that listens, so it needs its own.
 */
export interface ChangeListener {
  /** Stops listening and closes the connection; idempotent. */
  close(): Promise<void>;
}

export interface ListenForChangesOptions {
  url: string;
  channel: string;
  /** The payload of each notification, as sent. */
  onMessage(payload: string): void;
  /** Lost connections and failed reconnects; the listener keeps retrying. */
  onError?(error: Error): void;
  /**
   * Called after a lost connection has been re-established: notifications sent in the gap are
   * gone, so receivers should treat everything as possibly changed.
   */
  onReconnect?(): void;
  /** First retry delay after a lost connection (doubles up to 30 s; default 500 ms). */
  retryDelayMs?: number;
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Connects and listens; rejects when the first connection fails, then reconnects on its own. */
export async function listenForChanges({ url, channel, onMessage, onError = () => {}, onReconnect = () => {}, retryDelayMs = 500 }: ListenForChangesOptions): Promise<ChangeListener> {
  let client: pg.Client | null = null;
  let isClosed = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let delay = retryDelayMs;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onMessage(message.payload);
    });
    const lost = (error?: Error) => {
      if (client !== next) return;
      client = null;
      next.removeAllListeners('notification');
      void next.end().catch(() => {});
      if (error) onError(error);
      scheduleReconnect();
    };
    next.on('error', (error) => lost(error));
    next.on('end', () => lost(new Error('change listener connection ended')));
    try {
      await next.connect();
      await next.query(`LISTEN ${quoteIdentifier(channel)}`);
    } catch (error) {
      next.removeAllListeners();
      next.on('error', () => {});
      await next.end().catch(() => {});
      throw error;
    }
    if (isClosed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    delay = retryDelayMs;
  };

  const scheduleReconnect = () => {
    if (isClosed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect().then(
        () => {
          if (!isClosed) onReconnect();
        },
        (error: unknown) => {
          onError(error instanceof Error ? error : new Error(String(error)));
          delay = Math.min(delay * 2, 30_000);
          scheduleReconnect();
        },
      );
    }, delay);
    // A pending reconnect must not keep a shutting-down process alive.
    retryTimer.unref();
  };

  await connect();
  return {
    async close() {
      isClosed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      const current = client;
      client = null;
      if (current) {
        current.removeAllListeners('notification');
        await current.end().catch(() => {});
      }
    },
  };
}
