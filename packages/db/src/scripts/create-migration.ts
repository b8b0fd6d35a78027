// `pnpm --filter @gongzhi/db migration:create <name>`: writes prisma/migrations/<timestamp>_<name>/
// migration.sql for the changes in prisma/schema.prisma that no migration holds yet; says so and
// writes nothing when there are none. It needs a PostgreSQL server for its shadow database: the
// server of DATABASE_URL when set (a temporary database is created and dropped there), otherwise
// a throw-away embedded one. Nothing is applied: review the SQL, add what Prisma cannot express,
// then run `migrate`.
import path from 'node:path';
import { createMigration, defaultMigrationsDir } from '../migrate';
import { startScratchServer } from '../scratch-server';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: pnpm --filter @gongzhi/db migration:create <name>   (lower-case letters, digits, underscores)');
  process.exit(2);
}

const scratch = process.env.DATABASE_URL ? null : await startScratchServer();
try {
  const created = await createMigration(process.env.DATABASE_URL ?? scratch!.url, name);
  if (created.file === null) {
    console.log('No changes: prisma/schema.prisma matches the committed migrations. Nothing written.');
  } else {
    console.log(`Created ${path.relative(process.cwd(), created.file)}\nReview it (and add raw SQL Prisma cannot express), then run \`pnpm --filter @gongzhi/db migrate\`.`);
  }
} finally {
  await scratch?.stop();
}
console.log(`Migrations folder: ${path.relative(process.cwd(), defaultMigrationsDir)}`);
