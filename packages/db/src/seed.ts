import { randomBytes } from 'node:crypto';
import { type Db } from './client';
import { type Role } from './generated/prisma/enums';

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  email: string;
}

/** The one password of every demo account. Demo data only: never seed it into a real firm's database. */
export const DEMO_PASSWORD = 'gongzhi-demo';

/** One account per role (two lawyers, so work can be split), for the README and the demo. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: '陈立群', roles: ['admin'], email: 'admin@gongzhi.example' },
  { username: 'partner', displayName: '张振华', roles: ['partner'], email: 'partner@gongzhi.example' },
  { username: 'pm', displayName: '李婧', roles: ['pm'], email: 'pm@gongzhi.example' },
  { username: 'lawyer', displayName: '王浩然', roles: ['lawyer'], email: 'lawyer@gongzhi.example' },
  { username: 'lawyer2', displayName: '刘思远', roles: ['lawyer'], email: 'lawyer2@gongzhi.example' },
  { username: 'client', displayName: '赵建华（和平里街道办事处）', roles: ['client'], email: 'client@gongzhi.example' },
];

/**
 * Creates the demo accounts that are missing; existing accounts are left exactly as they are.
 * An administrator may have disabled a demo account, demoted it or changed its password on
 * purpose, and a restart must not undo that (a re-enabled `admin` with the published password
 * would be an open door). Idempotent and safe to run concurrently.
 */
export async function seedDemoUsers(
  db: Db,
  { hashPassword }: { hashPassword(password: string): Promise<string> },
): Promise<{ created: string[]; existing: string[] }> {
  const existing = new Set(
    (await db.user.findMany({ where: { username: { in: DEMO_USERS.map((user) => user.username) } }, select: { username: true } })).map(
      (user) => user.username,
    ),
  );
  const missing = DEMO_USERS.filter((user) => !existing.has(user.username));
  const rows = await Promise.all(missing.map(async (user) => ({ ...user, passwordHash: await hashPassword(DEMO_PASSWORD) })));
  // skipDuplicates: a concurrent seed may have created some of them since we looked.
  await db.user.createMany({ data: rows, skipDuplicates: true });
  return { created: missing.map((user) => user.username), existing: DEMO_USERS.filter((user) => existing.has(user.username)).map((user) => user.username) };
}

/** The account a firm's own installation starts with (no demo data): the one administrator. */
export const FIRST_ADMIN = { username: 'admin', displayName: '系统管理员' } as const;

/**
 * On a database without a single account, creates the administrator with a fresh random password
 * and returns it (to be shown once, to whoever started the installation); on any other database
 * does nothing and returns null. The administrator then creates everyone else, in the dashboard.
 */
export async function ensureFirstAdministrator(
  db: Db,
  { hashPassword }: { hashPassword(password: string): Promise<string> },
): Promise<{ username: string; password: string } | null> {
  if ((await db.user.count()) > 0) return null;
  // 24 characters of base64url: 144 random bits, typeable from a terminal.
  const password = randomBytes(18).toString('base64url');
  const created = await db.user.createMany({
    data: [{ ...FIRST_ADMIN, roles: ['admin'], passwordHash: await hashPassword(password) }],
    // A racing start (or an account made meanwhile under that name) wins; nothing is overwritten.
    skipDuplicates: true,
  });
  return created.count === 1 ? { username: FIRST_ADMIN.username, password } : null;
}
