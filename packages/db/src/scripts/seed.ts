// `pnpm --filter @gongzhi/db seed`: creates the demo accounts in DATABASE_URL (migrated already).
import { createDb } from '../client';
import { hashPassword } from '../password';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from '../seed';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set (postgres://user:password@host:port/database)');
  process.exit(2);
}

const db = createDb({ url, poolSize: 2 });
try {
  const { created } = await seedDemoUsers(db, { hashPassword });
  console.log(`Demo accounts (password ${DEMO_PASSWORD}); created now: ${created.length === 0 ? 'none' : created.join(', ')}`);
  for (const user of DEMO_USERS) console.log(`  ${user.username.padEnd(8)} ${user.roles.join(',').padEnd(8)} ${user.displayName}`);
} finally {
  await db.$disconnect();
}
