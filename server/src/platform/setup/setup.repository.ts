import type { Db } from '../../db/dialect';

/** The setting holding the one-time set-up token (its hash only), shared by every instance. */
const TOKEN_KEY = 'setup.token';

/** Failures are counted with the sign-in failures, under a name no account can have. */
const SETUP_FAILURE_NAME = '#setup';

export interface SetupTokenRow {
  hash: string;
  createdAt: string;
  usedAt: string | null;
}

export async function countAccounts(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function readSetupToken(db: Db): Promise<{ token: SetupTokenRow; stored: string } | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', TOKEN_KEY).executeTakeFirst();
  return row ? { token: JSON.parse(row.value) as SetupTokenRow, stored: row.value } : undefined;
}

/** A new token replaces the one before it, which then no longer works. */
export async function writeSetupToken(db: Db, token: SetupTokenRow): Promise<void> {
  const value = JSON.stringify(token);
  await db
    .insertInto('settings')
    .values({ key: TOKEN_KEY, value, updated_at: token.createdAt, updated_by: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value, updated_at: token.createdAt, updated_by: null }),
    )
    .execute();
}

/**
 * Marks the token used only if it is still the one read (`stored`): of two set-ups racing with it,
 * the second finds the row changed (PostgreSQL re-reads it after the first commits) and fails.
 */
export async function markSetupTokenUsed(db: Db, stored: string, usedAt: string): Promise<boolean> {
  const token = JSON.parse(stored) as SetupTokenRow;
  const result = await db
    .updateTable('settings')
    .set({ value: JSON.stringify({ ...token, usedAt }), updated_at: usedAt, updated_by: null })
    .where('key', '=', TOKEN_KEY)
    .where('value', '=', stored)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The district area, when one exists (created here or imported with an area tree). */
export async function findDistrict(db: Db): Promise<{ code: string; name: string } | undefined> {
  return db
    .selectFrom('areas')
    .select(['code', 'name'])
    .where('kind', '=', 'district')
    .orderBy('code')
    .limit(1)
    .executeTakeFirst();
}

export async function insertDistrict(db: Db, district: { code: string; name: string }, now: string) {
  await db
    .insertInto('areas')
    .values({
      code: district.code,
      name: district.name,
      kind: 'district',
      parent_code: null,
      extremely_poor: false,
      remote: false,
      hard_to_advance: false,
      disaster_hit: false,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function recentSetupFailures(
  db: Db,
  ip: string,
  since: string,
): Promise<{ count: number; oldest: string | null }> {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('at').as('oldest')])
    .where('username', '=', SETUP_FAILURE_NAME)
    .where('ip', '=', ip)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), oldest: row.oldest ?? null };
}

export async function insertSetupFailure(db: Db, failure: { id: string; ip: string; at: string }) {
  await db
    .insertInto('login_failures')
    .values({ id: failure.id, username: SETUP_FAILURE_NAME, ip: failure.ip, at: failure.at })
    .execute();
}
