import fp from 'fastify-plugin';
import { type FileStore, type StoreConfig, createStore } from '@gongzhi/storage';

declare module 'fastify' {
  interface FastifyInstance {
    files: FileStore;
  }
}

/** Deliverable files, content-addressed: on local disk or in an S3 bucket, as configured (the worker writes to the same store). */
export default fp<StoreConfig>(
  async (fastify, config) => {
    const store = createStore(config);
    fastify.decorate('files', store);
    fastify.addHook('onClose', () => store.close());
  },
  { name: 'files' },
);
