import { type FastifyInstance } from 'fastify';
import { operations } from '@gongzhi/contracts';
import { ApiError } from '../lib/api-error';
import { registerOperation } from '../lib/operation-route';

/** How long a dependency may take to answer the readiness probe. */
const CHECK_TIMEOUT_MS = 2_000;

async function timed(check: () => Promise<unknown>): Promise<{ ok: boolean; latencyMs: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([check(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS)))]);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch {
    return { ok: false, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } finally {
    clearTimeout(timer);
  }
}

export default async function systemRoutes(fastify: FastifyInstance): Promise<void> {
  registerOperation(fastify, operations.getHealth, async () => ({ status: 'ok' as const }));

  registerOperation(fastify, operations.getReadiness, async () => {
    const [database, temporal, files] = await Promise.all([
      timed(() => fastify.db.$queryRaw`select 1`),
      timed(() => fastify.temporal.probe(CHECK_TIMEOUT_MS)),
      timed(() => fastify.files.probe()),
    ]);
    if (!database.ok || !temporal.ok || !files.ok) {
      const failing = [!database.ok && ['PostgreSQL', 'PostgreSQL'], !temporal.ok && ['Temporal', 'Temporal'], !files.ok && ['文件存储', 'the file store']].filter((names) => names !== false);
      const zh = failing.map(([name]) => name).join('、');
      const en = failing.map(([, name]) => name).join(', ');
      throw new ApiError('not_ready', { message: { zh: `服务暂不可用：无法连接 ${zh}`, en: `Service unavailable: cannot reach ${en}` } });
    }
    return { status: 'ready' as const, checks: { database, temporal, files }, at: fastify.clock.now().toISOString() };
  });

  registerOperation(fastify, operations.getMetrics, async (_request, reply) =>
    reply.type('text/plain; version=0.0.4; charset=utf-8').send(await fastify.metrics.render()),
  );
}
