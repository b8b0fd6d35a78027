import fp from 'fastify-plugin';
import { type Db, createDb } from '@gongzhi/db';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

/** The database client (Prisma over node-postgres), closed with the app. */
export default fp<{ databaseUrl: string; poolSize?: number }>(
  async (fastify, { databaseUrl, poolSize = 10 }) => {
    const db = createDb({ url: databaseUrl, poolSize });
    fastify.decorate('db', db);
    fastify.addHook('onClose', async () => {
      await db.$disconnect();
    });
  },
  { name: 'db' },
);
