// `pnpm --filter @gongzhi/db migrate`: applies the committed migrations to DATABASE_URL (creating
// the database when missing), like `prisma migrate deploy`, through the WASM schema engine.
// `migrate --rolled-back <migration>`: after a failed migration has been fixed, lets `migrate`
// go on (like `prisma migrate resolve --rolled-back`).
import { applyMigrations, listAppliedMigrations, markMigrationRolledBack } from '../migrate';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set (postgres://user:password@host:port/database)');
  process.exit(2);
}

const args = process.argv.slice(2).filter((arg) => arg !== '--');
if (args[0] === '--rolled-back') {
  if (!args[1]) {
    console.error('usage: pnpm --filter @gongzhi/db migrate --rolled-back <migration folder name>');
    process.exit(2);
  }
  await markMigrationRolledBack(url, args[1]);
  console.log(`Marked ${args[1]} as rolled back; run migrate again to apply it.`);
} else {
  const { applied } = await applyMigrations(url);
  const all = await listAppliedMigrations(url);
  console.log(applied.length === 0 ? `Database is up to date (${all.length} migrations)` : `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}`);
}
