// Read by the Prisma CLI (`prisma generate`). Migrations do not go through the CLI: they run on
// the WASM schema engine in src/migrate.ts, so no datasource URL is configured here.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
