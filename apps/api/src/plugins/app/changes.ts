import fp from 'fastify-plugin';
import { CHANGE_CHANNEL, type Change, type ChangeListener, changeSchema, listenForChanges, publishChange } from '@gongzhi/db';

/** `resync`: the listener lost its connection for a while, so anything may have changed. */
export type ChangeSignal = { kind: 'change'; change: Change } | { kind: 'resync' };

export interface ChangeHub {
  /** Calls `listener` for every change of the engagement until the returned function is called. */
  subscribe(engagementId: string, listener: (signal: ChangeSignal) => void): () => void;
  /** Announces a change the API made itself, to every API process (through PostgreSQL). */
  publish(change: Change): Promise<void>;
  /** Open subscriptions (SSE streams), for the metrics. */
  subscriberCount(): number;
}

declare module 'fastify' {
  interface FastifyInstance {
    changes: ChangeHub;
  }
}

/**
 * One LISTEN connection per process, fanned out to the server-sent-event streams by engagement.
 * Notifications go through PostgreSQL rather than memory so that every API process sees the
 * worker's writes and each other's.
 */
export default fp<{ databaseUrl: string }>(
  async (fastify, { databaseUrl }) => {
    const subscribers = new Map<string, Set<(signal: ChangeSignal) => void>>();
    const deliver = (engagementId: string, signal: ChangeSignal) => {
      for (const listener of subscribers.get(engagementId) ?? []) listener(signal);
    };
    const listener: ChangeListener = await listenForChanges({
      url: databaseUrl,
      channel: CHANGE_CHANNEL,
      onMessage: (payload) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(payload);
        } catch {
          parsed = undefined;
        }
        const change = changeSchema.safeParse(parsed);
        if (!change.success) {
          fastify.log.warn({ payload }, 'ignored a malformed change notification');
          return;
        }
        deliver(change.data.engagementId, { kind: 'change', change: change.data });
      },
      onError: (error) => fastify.log.warn({ err: error }, 'change listener connection lost; reconnecting'),
      onReconnect: () => {
        for (const engagementId of subscribers.keys()) deliver(engagementId, { kind: 'resync' });
      },
    });

    fastify.decorate('changes', {
      subscribe(engagementId, callback) {
        let set = subscribers.get(engagementId);
        if (!set) subscribers.set(engagementId, (set = new Set()));
        set.add(callback);
        return () => {
          set.delete(callback);
          if (set.size === 0) subscribers.delete(engagementId);
        };
      },
      async publish(change) {
        await publishChange(fastify.db, change);
      },
      subscriberCount: () => [...subscribers.values()].reduce((sum, set) => sum + set.size, 0),
    } satisfies ChangeHub);

    fastify.addHook('onClose', async () => {
      await listener.close();
    });
  },
  { name: 'changes', dependencies: ['db'] },
);
