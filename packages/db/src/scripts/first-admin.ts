// `gongzhi first-admin` in the images (or `pnpm --filter @gongzhi/db first-admin`): on a database
// without any account, creates the administrator `admin` with a random password and prints it,
// once, to whoever ran the command; on any other database changes nothing and says so.
import { createDb } from '../client';
import { hashPassword } from '../password';
import { ensureFirstAdministrator } from '../seed';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set (postgres://user:password@host:port/database)');
  process.exit(2);
}

const db = createDb({ url, poolSize: 1 });
try {
  const admin = await ensureFirstAdministrator(db, { hashPassword });
  if (admin === null) {
    console.log('This database already has accounts: nothing created. An administrator resets passwords in the dashboard.');
  } else {
    console.log(`Created the first administrator: username ${admin.username}, password ${admin.password}`);
    console.log('Sign in, change the password (账号与安全 → 修改密码), then create the team\'s accounts.');
  }
} finally {
  await db.$disconnect();
}
