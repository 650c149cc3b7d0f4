import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/schema';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import {
  clearAccountCounters,
  countAttempt,
  deleteCounter,
  isKnownAddress,
  lockCounter,
  releaseAttempt,
  rememberAddress,
  type ThrottleCount,
} from './throttle.repository';

const MINUTE = 60_000;

export interface ThrottleDeps {
  db: Kysely<DB>;
  clock: Clock;
  config: Config;
}

/** The counters one sign-in attempt took a place on; settled once the password is checked. */
export interface Admission {
  accountKey: string;
  ipKey: string;
  account: ThrottleCount;
  ip: ThrottleCount;
}

/**
 * An account gets `perAccount` tries, then is locked 1 minute; each further failure while the
 * counter is warm locks it again for twice as long, up to the throttle window (15 minutes). An
 * address it has signed in from before has a counter of its own, so a stranger's guesses do not
 * lock the holder out at their usual desk; an administrator may lift a lockout too.
 */
function allowance(config: Config, lockLevel: number): number {
  return lockLevel === 0 ? config.loginThrottle.perAccount : 1;
}

function lockMinutes(config: Config, level: number): number {
  return Math.min(2 ** (level - 1), config.loginThrottle.minutes);
}

function refuse(lockedUntil: string | null, now: Date, fallbackMinutes: number): never {
  const waitMs = lockedUntil ? new Date(lockedUntil).getTime() - now.getTime() : fallbackMinutes * MINUTE;
  throw new AppError('AUTH_THROTTLED', { minutes: Math.max(1, Math.ceil(waitMs / MINUTE)) });
}

const isLocked = (count: ThrottleCount, now: string) => count.lockedUntil !== null && count.lockedUntil > now;

/**
 * Takes this attempt's place on the address's and the account's counters before the password is
 * checked — each in one statement, so 40 concurrent guesses get 40 different numbers and only
 * those within the limit are checked. Refuses (429) when either counter is locked or full.
 */
export async function admitAttempt(
  deps: ThrottleDeps,
  username: string,
  userId: string | null,
  ip: string,
): Promise<Admission> {
  const { db, clock, config } = deps;
  const now = clock.now();
  const stamp = now.toISOString();
  const since = new Date(now.getTime() - config.loginThrottle.minutes * MINUTE).toISOString();
  const ipKey = `ip:${ip}`;
  const known = userId !== null && (await isKnownAddress(db, userId, ip));
  const accountKey = known ? `known:${username}:${ip}` : `account:${username}`;
  const ipCount = await countAttempt(db, ipKey, stamp, since);
  if (isLocked(ipCount, stamp) || ipCount.failures > config.loginThrottle.perIp) {
    refuse(ipCount.lockedUntil, now, config.loginThrottle.minutes);
  }
  const account = await countAttempt(db, accountKey, stamp, since);
  if (isLocked(account, stamp) || account.failures > allowance(config, account.lockLevel)) {
    // Refused without a check: the address is not charged for it.
    await releaseAttempt(db, ipKey);
    refuse(account.lockedUntil, now, lockMinutes(config, account.lockLevel + 1));
  }
  return { accountKey, ipKey, account, ip: ipCount };
}

/** A wrong password: the counter that reached its limit is locked (progressively for an account). */
export async function settleFailure(deps: ThrottleDeps, admission: Admission): Promise<void> {
  const { db, clock, config } = deps;
  const now = clock.now();
  const { account, ip } = admission;
  if (account.failures >= allowance(config, account.lockLevel)) {
    const level = account.lockLevel + 1;
    const until = new Date(now.getTime() + lockMinutes(config, level) * MINUTE).toISOString();
    await lockCounter(db, admission.accountKey, level, until, now.toISOString());
  }
  if (ip.failures >= config.loginThrottle.perIp) {
    const until = new Date(now.getTime() + config.loginThrottle.minutes * MINUTE).toISOString();
    await lockCounter(db, admission.ipKey, 1, until, now.toISOString());
  }
}

/**
 * A right password: the account's lockout is lifted (the attempt came from an address it signed in
 * from before, or it was not locked), the address is remembered, and the attempt is given back.
 */
export async function settleSuccess(
  db: Kysely<DB>,
  admission: Admission,
  user: { id: string; username: string },
  ip: string,
  now: string,
): Promise<void> {
  await clearAccountCounters(db, user.username);
  await deleteCounter(db, admission.accountKey);
  await releaseAttempt(db, admission.ipKey);
  await rememberAddress(db, user.id, ip, now);
}
