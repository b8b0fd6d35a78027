import fp from 'fastify-plugin';
import { Client, Connection } from '@temporalio/client';
import { type Tracing, temporalClientTracing } from '@gongzhi/telemetry';
import { type EngagementClient, createEngagementClient } from '@gongzhi/workflows/client';

declare module 'fastify' {
  interface FastifyInstance {
    temporal: {
      client: Client;
      connection: Connection;
      /** Asks the frontend for its system info within `timeoutMs`; rejects when it does not answer. */
      probe(timeoutMs: number): Promise<void>;
    };
    /** Commands and queries into running engagements (Temporal updates and signals). */
    engagements: EngagementClient;
  }
}

export interface TemporalPluginOptions {
  address: string;
  namespace: string;
  /** The engagement task queue; tests run their worker on a private one. */
  taskQueue?: string;
  /** Deadline of one command into Temporal (see GONGZHI_COMMAND_TIMEOUT_SECONDS). */
  commandTimeoutMs?: number;
  /** When tracing is on, the request's trace goes with every command into Temporal. */
  tracing?: Tracing;
}

/**
 * The Temporal client. The connection is lazy: the API starts (and answers /api/health) while
 * Temporal is still coming up; /api/ready says when commands can go through.
 */
export default fp<TemporalPluginOptions>(
  async (fastify, { address, namespace, taskQueue, commandTimeoutMs, tracing }) => {
    const connection = Connection.lazy({ address });
    const interceptors = temporalClientTracing(tracing);
    const client = new Client({ connection, namespace, ...(interceptors ? { interceptors } : {}) });
    // Readiness probes get a connection of their own without the SDK's retry interceptor: a probe
    // must fail fast, and must not leave retry timers behind that outlive the connection.
    const probeConnection = Connection.lazy({ address, interceptors: [] });
    fastify.decorate('temporal', {
      client,
      connection,
      async probe(timeoutMs) {
        await probeConnection.withDeadline(Date.now() + timeoutMs, () => probeConnection.workflowService.getSystemInfo({}));
      },
    });
    fastify.decorate('engagements', createEngagementClient({ db: fastify.db, temporal: client, ...(taskQueue ? { taskQueue } : {}), ...(commandTimeoutMs ? { commandTimeoutMs } : {}) }));
    fastify.addHook('onClose', async () => {
      await Promise.all([connection.close(), probeConnection.close()]);
    });
  },
  { name: 'temporal', dependencies: ['db'] },
);
