import fp from 'fastify-plugin';
import multipart from '@fastify/multipart';
import { UPLOAD_LIMITS } from '@gongzhi/contracts';

/**
 * multipart/form-data for revision uploads: one file within the contract's size limit and a
 * few small fields. A file over the limit fails while streaming (413), before it is stored; more
 * parts than that is a malformed upload (400, see the upload route).
 */
export default fp(
  async (fastify) => {
    await fastify.register(multipart, {
      limits: { fileSize: UPLOAD_LIMITS.maxBytes, files: 1, fields: 4, parts: 5, fieldSize: 16 * 1024, fieldNameSize: 100, headerPairs: 50 },
    });
  },
  { name: 'multipart' },
);
