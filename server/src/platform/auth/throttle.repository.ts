// The sign-in counters (`login_throttle`) and the addresses accounts signed in from.
import type { Db } from '../../db/dialect';

export interface ThrottleCount {
  failures: number;
  lockLevel: number;
  lockedUntil: string | null;
}

/**
 * Counts an attempt on one counter and answers the count, in one statement (an upsert), so that
 * concurrent attempts each get their own number on both engines. A counter whose window began
 * before `since` starts again at one (and forgets its lock level); a locked counter is not counted.
 */
export async function countAttempt(db: Db, key: string, now: string, since: string): Promise<ThrottleCount> {
  const row = await db
    .insertInto('login_throttle')
    .values({ key, failures: 1, window_start: now, lock_level: 0, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        const locked = eb('login_throttle.locked_until', '>', now);
        const stale = eb('login_throttle.window_start', '<', since);
        return {
          failures: eb
            .case()
            .when(locked)
            .then(eb.ref('login_throttle.failures'))
            .when(stale)
            .then(1)
            .else(eb('login_throttle.failures', '+', 1))
            .end(),
          window_start: eb
            .case()
            .when(locked)
            .then(eb.ref('login_throttle.window_start'))
            .when(stale)
            .then(now)
            .else(eb.ref('login_throttle.window_start'))
            .end(),
          lock_level: eb
            .case()
            .when(locked)
            .then(eb.ref('login_throttle.lock_level'))
            .when(stale)
            .then(0)
            .else(eb.ref('login_throttle.lock_level'))
            .end(),
        };
      }),
    )
    .returning(['failures', 'lock_level', 'locked_until'])
    .executeTakeFirstOrThrow();
  return {
    failures: Number(row.failures),
    lockLevel: Number(row.lock_level),
    lockedUntil: row.locked_until === null ? null : new Date(row.locked_until).toISOString(),
  };
}

/** Locks a counter until `until` at `level`; its count starts again when the lock ends. */
export async function lockCounter(db: Db, key: string, level: number, until: string, now: string) {
  await db
    .updateTable('login_throttle')
    .set({ failures: 0, lock_level: level, locked_until: until, window_start: now })
    .where('key', '=', key)
    .execute();
}

/** Gives back an attempt that turned out not to be a failure (a successful sign-in, a refusal). */
export async function releaseAttempt(db: Db, key: string): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set((eb) => ({
      failures: eb
        .case()
        .when('failures', '>', 0)
        .then(eb('failures', '-', 1))
        .else(0)
        .end(),
    }))
    .where('key', '=', key)
    .execute();
}

/** Lifts an account's lockout: its own counter and those of the addresses it signed in from. */
export async function clearAccountCounters(db: Db, username: string): Promise<void> {
  const known = `known:${username}:`;
  // `;` follows `:`: the range holds every `known:<username>:<address>` key and no other.
  await db
    .deleteFrom('login_throttle')
    .where((eb) =>
      eb.or([
        eb('key', '=', `account:${username}`),
        eb.and([eb('key', '>=', known), eb('key', '<', `known:${username};`)]),
      ]),
    )
    .execute();
}

export async function deleteCounter(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** When the account's sign-in lockout ends, if it is locked out now. */
export async function accountLockedUntil(db: Db, username: string, now: string): Promise<string | null> {
  const row = await db
    .selectFrom('login_throttle')
    .select('locked_until')
    .where('key', '=', `account:${username}`)
    .where('locked_until', '>', now)
    .executeTakeFirst();
  return row?.locked_until ? new Date(row.locked_until).toISOString() : null;
}

export async function isKnownAddress(db: Db, userId: string, ip: string): Promise<boolean> {
  const row = await db
    .selectFrom('login_addresses')
    .select('ip')
    .where('user_id', '=', userId)
    .where('ip', '=', ip)
    .executeTakeFirst();
  return row !== undefined;
}

export async function rememberAddress(db: Db, userId: string, ip: string, now: string): Promise<void> {
  await db
    .insertInto('login_addresses')
    .values({ user_id: userId, ip, last_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'ip']).doUpdateSet({ last_at: now }))
    .execute();
}
