import fp from 'fastify-plugin';

/**
 * Cross-origin access for the one configured dashboard origin, with credentials. Unneeded when
 * the dashboard is served through the same origin (the Vite dev proxy, or a reverse proxy in
 * production), which is the default: then no CORS header is ever sent.
 */
export default fp<{ origin: string | null }>(
  async (fastify, { origin }) => {
    if (!origin) return;
    fastify.addHook('onRequest', async (request, reply) => {
      if (request.headers.origin !== origin) return;
      reply.header('access-control-allow-origin', origin);
      reply.header('access-control-allow-credentials', 'true');
      reply.header('vary', 'Origin');
      if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
        reply.header('access-control-allow-methods', 'GET, POST, PATCH, PUT, DELETE');
        reply.header('access-control-allow-headers', 'content-type, x-csrf-token, authorization, accept-language, last-event-id');
        reply.header('access-control-max-age', '600');
        return reply.code(204).send();
      }
    });
  },
  { name: 'cors' },
);
