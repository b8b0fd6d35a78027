import fp from 'fastify-plugin';
import { type FileStore, createFileStore } from '@gongzhi/storage';

declare module 'fastify' {
  interface FastifyInstance {
    files: FileStore;
  }
}

/** Deliverable files, content-addressed on local disk under the configured directory. */
export default fp<{ dir: string }>(
  async (fastify, { dir }) => {
    fastify.decorate('files', createFileStore({ dir }));
  },
  { name: 'files' },
);
