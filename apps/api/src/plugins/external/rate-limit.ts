import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import { ApiError } from '../../lib/api-error';

/**
 * Rate limiting, per route (only login opts in: see routes/auth.ts). Refusals go through the
 * error handler as `rate_limited`, in the one error shape.
 */
export default fp(
  async (fastify) => {
    await fastify.register(rateLimit, {
      global: false,
      errorResponseBuilder: () => new ApiError('rate_limited'),
    });
  },
  { name: 'rate-limit' },
);
