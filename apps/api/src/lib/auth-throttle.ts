import { type Db } from '@gongzhi/db';
import { type LocalizedText } from '@gongzhi/domain';
import { ApiError } from './api-error';

/**
 * How one kind of throttle key slows attempts down: the first `freeFailures` cost nothing; from
 * then on the n-th failure holds the key for 2^(n − freeFailures) seconds, up to `maxDelayMs`.
 * Growing delays rather than a lock: whoever holds the password still gets in once the (short,
 * at first) delay has passed, and a guesser gets ever fewer tries per hour.
 */
export interface ThrottlePolicy {
  freeFailures: number;
  maxDelayMs: number;
  /** A key with no failure for this long starts again from zero. */
  forgetAfterMs: number;
}

export interface AuthThrottleConfig {
  /** Failed sign-ins from one address, whatever the account. */
  address: ThrottlePolicy;
  /** Failed sign-ins to one account from one address. */
  accountAddress: ThrottlePolicy;
  /** Failed sign-ins to one account from anywhere; never applied to the account's known browsers. */
  account: ThrottlePolicy;
  /** Wrong current passwords when a signed-in user changes theirs. */
  passwordChange: ThrottlePolicy;
  /** Password resets by one administrator (each reset counts: a stolen admin session must not reset everyone). */
  passwordReset: ThrottlePolicy;
}

const DAY_MS = 86_400_000;

export const DEFAULT_AUTH_THROTTLE: AuthThrottleConfig = {
  address: { freeFailures: 5, maxDelayMs: 15 * 60_000, forgetAfterMs: DAY_MS },
  accountAddress: { freeFailures: 3, maxDelayMs: 15 * 60_000, forgetAfterMs: DAY_MS },
  // Capped low: it is the one limit an attacker can push onto an account from many addresses.
  account: { freeFailures: 10, maxDelayMs: 60_000, forgetAfterMs: DAY_MS },
  passwordChange: { freeFailures: 3, maxDelayMs: 15 * 60_000, forgetAfterMs: DAY_MS },
  passwordReset: { freeFailures: 10, maxDelayMs: 15 * 60_000, forgetAfterMs: 3_600_000 },
};

/** The wait after the `failures`-th failure under a policy, in milliseconds (0: none). */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  // 2^40 s is far beyond any cap; clamping the exponent keeps the arithmetic finite.
  return Math.min(1000 * 2 ** Math.min(failures - policy.freeFailures, 40), policy.maxDelayMs);
}

/** A throttle key: what the attempts came from, with the policy that applies to it. */
export interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

/** Rows untouched this long are deleted (the longest forget-after of any policy). */
const CLEANUP_EVERY_MS = 10 * 60_000;

export interface AuthThrottle {
  /**
   * The keys as the `auth_throttle` table documents them. Usernames are taken as typed: only the
   * exact spelling names an account, so other spellings cannot dodge its counter.
   */
  keys: {
    address(ip: string): ThrottleKey;
    account(username: string): ThrottleKey;
    accountAddress(username: string, ip: string): ThrottleKey;
    passwordChange(userId: string): ThrottleKey;
    passwordReset(adminId: string): ThrottleKey;
  };
  /** Milliseconds until every key allows another attempt; 0 when none holds it. */
  waitFor(keys: readonly ThrottleKey[]): Promise<number>;
  /** Counts one failure (or one counted action) against each key. */
  record(keys: readonly ThrottleKey[]): Promise<void>;
  /** Forgets the keys' failures (after a success). */
  clear(keys: readonly ThrottleKey[]): Promise<void>;
}

/**
 * Throttles kept in PostgreSQL (`auth_throttle`), so every API process applies the same delays:
 * a guesser gains nothing by spreading attempts over processes behind a load balancer.
 */
export function createAuthThrottle(db: Db, config: AuthThrottleConfig, now: () => Date): AuthThrottle {
  let lastCleanup = 0;
  const forgetAllAfterMs = Math.max(...Object.values(config).map((policy: ThrottlePolicy) => policy.forgetAfterMs));

  return {
    keys: {
      address: (ip) => ({ key: `ip:${ip}`, policy: config.address }),
      account: (username) => ({ key: `user:${username}`, policy: config.account }),
      accountAddress: (username, ip) => ({ key: `user-ip:${username}|${ip}`, policy: config.accountAddress }),
      passwordChange: (userId) => ({ key: `password:${userId}`, policy: config.passwordChange }),
      passwordReset: (adminId) => ({ key: `reset:${adminId}`, policy: config.passwordReset }),
    },

    async waitFor(keys) {
      if (keys.length === 0) return 0;
      const at = now().getTime();
      const rows = await db.authThrottle.findMany({ where: { key: { in: keys.map((key) => key.key) } }, select: { key: true, blockedUntil: true, updatedAt: true } });
      let wait = 0;
      for (const row of rows) {
        const policy = keys.find((key) => key.key === row.key)!.policy;
        if (at - row.updatedAt.getTime() > policy.forgetAfterMs || !row.blockedUntil) continue;
        wait = Math.max(wait, row.blockedUntil.getTime() - at);
      }
      return wait;
    },

    async record(keys) {
      const current = now();
      const at = current.getTime();
      for (const { key, policy } of keys) {
        // A key quiet for long enough starts over; a concurrent failure at worst counts once less.
        await db.authThrottle.deleteMany({ where: { key, updatedAt: { lt: new Date(at - policy.forgetAfterMs) } } });
        // Native upsert (INSERT … ON CONFLICT): concurrent failures from several processes all count.
        const { failures } = await db.authThrottle.upsert({
          where: { key },
          create: { key, failures: 1, blockedUntil: new Date(at + delayAfter(1, policy)), updatedAt: current },
          update: { failures: { increment: 1 }, updatedAt: current },
          select: { failures: true },
        });
        const blockedUntil = new Date(at + delayAfter(failures, policy));
        // Never shortens a wait another process has just set.
        await db.authThrottle.updateMany({ where: { key, OR: [{ blockedUntil: null }, { blockedUntil: { lt: blockedUntil } }] }, data: { blockedUntil, updatedAt: current } });
      }
      if (at - lastCleanup > CLEANUP_EVERY_MS) {
        lastCleanup = at;
        // Bounded under a spray of made-up usernames: forgotten keys go.
        await db.authThrottle.deleteMany({ where: { updatedAt: { lt: new Date(at - forgetAllAfterMs) } } });
      }
    },

    async clear(keys) {
      if (keys.length > 0) await db.authThrottle.deleteMany({ where: { key: { in: keys.map((key) => key.key) } } });
    },
  };
}

/** "30 秒" / "30 seconds", "15 分钟" / "15 minutes": when the caller may try again. */
function waitText(ms: number): LocalizedText {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return { zh: `${seconds} 秒`, en: seconds === 1 ? '1 second' : `${seconds} seconds` };
  const minutes = Math.ceil(seconds / 60);
  return { zh: `${minutes} 分钟`, en: minutes === 1 ? '1 minute' : `${minutes} minutes` };
}

/** The 429 of a throttled attempt, saying when to try again, with the same wait as `Retry-After`. */
export function throttledError(waitMs: number, what: 'login' | 'passwordChange' | 'passwordReset'): ApiError {
  const wait = waitText(waitMs);
  const message: LocalizedText =
    what === 'login'
      ? { zh: `登录失败次数过多，请在 ${wait.zh}后再试`, en: `Too many failed sign-ins; try again in ${wait.en}` }
      : what === 'passwordChange'
        ? { zh: `当前密码输错次数过多，请在 ${wait.zh}后再试`, en: `Too many wrong current passwords; try again in ${wait.en}` }
        : { zh: `重置密码过于频繁，请在 ${wait.zh}后再试`, en: `Too many password resets in a row; try again in ${wait.en}` };
  return new ApiError('rate_limited', { message, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) });
}
