import type { AreaKind, Locale, Role, UnitKind } from '@lianxin/common';
import type { Db } from '../../db/dialect';
import type { UserRow } from '../../db/schema';

export interface CallerRow {
  id: string;
  username: string;
  name: string;
  role: Role;
  areaCode: string;
  areaKind: AreaKind;
  unitId: string | null;
  locale: Locale | null;
  disabledAt: string | null;
}

function callerQuery(db: Db) {
  return db
    .selectFrom('users')
    .innerJoin('areas', 'areas.code', 'users.area_code')
    .select([
      'users.id',
      'users.username',
      'users.name',
      'users.role',
      'users.area_code as areaCode',
      'areas.kind as areaKind',
      'users.unit_id as unitId',
      'users.locale',
      'users.disabled_at as disabledAt',
    ]);
}

function toCaller(row: {
  id: string;
  username: string;
  name: string;
  role: string;
  areaCode: string;
  areaKind: AreaKind;
  unitId: string | null;
  locale: string | null;
  disabledAt: string | null;
}): CallerRow {
  return { ...row, role: row.role as Role, locale: row.locale as Locale | null };
}

export async function findCallerByUsername(db: Db, username: string) {
  const row = await callerQuery(db)
    .select('users.password_hash as passwordHash')
    .where('users.username', '=', username)
    .executeTakeFirst();
  return row ? { ...toCaller(row), passwordHash: row.passwordHash } : undefined;
}

export async function findSession(db: Db, sessionId: string) {
  const row = await callerQuery(db)
    .innerJoin('sessions', 'sessions.user_id', 'users.id')
    .select([
      'sessions.csrf_token as csrfToken',
      'sessions.last_seen_at as lastSeenAt',
      'sessions.expires_at as expiresAt',
    ])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
  return row
    ? {
        caller: toCaller(row),
        csrfToken: row.csrfToken,
        lastSeenAt: row.lastSeenAt,
        expiresAt: row.expiresAt,
      }
    : undefined;
}

export async function insertSession(
  db: Db,
  session: {
    id: string;
    userId: string;
    csrfToken: string;
    ip: string;
    userAgent: string | null;
    now: string;
    expiresAt: string;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      ip: session.ip,
      user_agent: session.userAgent,
      created_at: session.now,
      last_seen_at: session.now,
      expires_at: session.expiresAt,
    })
    .execute();
}

export async function touchSession(db: Db, sessionId: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(
  db: Db,
  userId: string,
  exceptId: string | null = null,
): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .$if(exceptId !== null, (qb) => qb.where('id', '!=', exceptId ?? ''))
    .execute();
}

export async function deleteExpiredSessions(db: Db, now: string, idleBefore: string): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', now), eb('last_seen_at', '<', idleBefore)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertFailure(
  db: Db,
  failure: { id: string; username: string; ip: string; at: string },
) {
  await db.insertInto('login_failures').values(failure).execute();
}

/** Forgets failed sign-ins and quiet counters older than `before`. */
export async function deleteOldFailures(db: Db, before: string): Promise<number> {
  const result = await db.deleteFrom('login_failures').where('at', '<', before).executeTakeFirst();
  await db
    .deleteFrom('login_throttle')
    .where('window_start', '<', before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', before)]))
    .execute();
  return Number(result.numDeletedRows);
}

export async function markLogin(db: Db, userId: string, now: string): Promise<void> {
  await db.updateTable('users').set({ last_login_at: now }).where('id', '=', userId).execute();
}

export async function findToken(db: Db, tokenHash: string) {
  const row = await callerQuery(db)
    .innerJoin('api_tokens', 'api_tokens.user_id', 'users.id')
    .select([
      'api_tokens.id as tokenId',
      'api_tokens.expires_at as expiresAt',
      'api_tokens.revoked_at as revokedAt',
      'api_tokens.last_used_at as lastUsedAt',
      'api_tokens.last_used_ip as lastUsedIp',
      'api_tokens.scope',
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row
    ? {
        caller: toCaller(row),
        tokenId: row.tokenId,
        expiresAt: row.expiresAt,
        revokedAt: row.revokedAt,
        lastUsedAt: row.lastUsedAt,
        lastUsedIp: row.lastUsedIp,
        scope: row.scope,
      }
    : undefined;
}

export async function touchToken(db: Db, tokenId: string, now: string, ip: string): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: now, last_used_ip: ip })
    .where('id', '=', tokenId)
    .execute();
}

/** Revokes every live token of the account (a new password, a reset, disabling); answers how many. */
export async function revokeUserTokens(db: Db, userId: string, now: string): Promise<number> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function listTokens(db: Db, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'scope', 'created_at', 'expires_at', 'last_used_at', 'last_used_ip'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function insertToken(
  db: Db,
  token: {
    id: string;
    userId: string;
    name: string;
    tokenHash: string;
    scope: string;
    now: string;
    expiresAt: string;
  },
): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({
      id: token.id,
      user_id: token.userId,
      name: token.name,
      token_hash: token.tokenHash,
      scope: token.scope,
      created_at: token.now,
      expires_at: token.expiresAt,
    })
    .execute();
}

export async function revokeToken(db: Db, userId: string, tokenId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateLocale(
  db: Db,
  userId: string,
  locale: string | null,
  now: string,
): Promise<void> {
  await db.updateTable('users').set({ locale, updated_at: now }).where('id', '=', userId).execute();
}

export async function updatePasswordHash(
  db: Db,
  userId: string,
  passwordHash: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ password_hash: passwordHash, version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', userId)
    .execute();
}

export type AccountRow = UserRow & {
  area_name: string;
  area_kind: 'district' | 'town' | 'village' | 'group';
  unit_name: string | null;
  unit_kind: UnitKind | null;
};

/** A signed-in caller's own account with its area. */
export async function findAccount(db: Db, id: string): Promise<AccountRow | undefined> {
  return db
    .selectFrom('users')
    .innerJoin('areas', 'areas.code', 'users.area_code')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .selectAll('users')
    .select([
      'areas.name as area_name',
      'areas.kind as area_kind',
      'units.name as unit_name',
      'units.kind as unit_kind',
    ])
    .where('users.id', '=', id)
    .executeTakeFirst();
}

/** The areas of the given codes (an area's lineage), whatever the caller's reach. */
export async function findLineage(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db.selectFrom('areas').select(['code', 'name', 'kind']).where('code', 'in', codes).execute();
}
