import type { Db } from '../../db/dialect';
import { newId } from '../../platform/ids';
import { type AreaScope, inScope } from '../../platform/scope';

// The look-ups that answered "registered outside your area" (one per request or import file),
// counted per account and China day, and the verification cases raised past the daily limit.

/**
 * Notes a look-up once per account and source (a request, an import file checked again at its
 * commit counts once); answers its place among the account's look-ups of the day and whether it
 * was noted now.
 */
export async function noteLookup(
  db: Db,
  lookup: { userId: string; day: string; source: string; hits: number; now: string },
): Promise<{ position: number; fresh: boolean }> {
  const existing = await db
    .selectFrom('id_number_lookups')
    .select(['id', 'day'])
    .where('user_id', '=', lookup.userId)
    .where('source', '=', lookup.source)
    .executeTakeFirst();
  const id = existing?.id ?? newId();
  const day = existing?.day ?? lookup.day;
  if (!existing) {
    await db
      .insertInto('id_number_lookups')
      .values({
        id,
        user_id: lookup.userId,
        day: lookup.day,
        source: lookup.source,
        hits: lookup.hits,
        created_at: lookup.now,
      })
      .execute();
  }
  // Ids are time-ordered: the look-ups of the day up to this one.
  const row = await db
    .selectFrom('id_number_lookups')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', lookup.userId)
    .where('day', '=', day)
    .where('id', '<=', id)
    .executeTakeFirstOrThrow();
  return { position: Number(row.n), fresh: !existing };
}

export async function insertIdNumberCheck(
  db: Db,
  check: { townCode: string; areaCode: string; userId: string; source: string; numbers: number; now: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('id_number_checks')
    .values({
      id,
      town_code: check.townCode,
      area_code: check.areaCode,
      user_id: check.userId,
      source: check.source,
      numbers: check.numbers,
      created_at: check.now,
      closed_at: null,
      closed_by: null,
    })
    .execute();
  return id;
}

/** Open verification cases of the towns in the caller's area (a village sees none: the town verifies). */
export async function countOpenIdNumberChecks(db: Db, scope: AreaScope): Promise<number> {
  const row = await db
    .selectFrom('id_number_checks')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('closed_at', 'is', null)
    .where((eb) => inScope(eb, 'id_number_checks.town_code', scope))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Open verification cases of the towns in the caller's area, newest first. */
export async function listIdNumberChecks(db: Db, scope: AreaScope, limit: number) {
  return db
    .selectFrom('id_number_checks')
    .leftJoin('users', 'users.id', 'id_number_checks.user_id')
    .leftJoin('areas', 'areas.code', 'id_number_checks.area_code')
    .select([
      'id_number_checks.id',
      'id_number_checks.town_code',
      'id_number_checks.area_code',
      'areas.name as area_name',
      'users.name as user_name',
      'users.username',
      'id_number_checks.source',
      'id_number_checks.numbers',
      'id_number_checks.created_at',
      'id_number_checks.closed_at',
    ])
    .where('id_number_checks.closed_at', 'is', null)
    .where((eb) => inScope(eb, 'id_number_checks.town_code', scope))
    .orderBy('id_number_checks.created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function closeIdNumberCheck(
  db: Db,
  scope: AreaScope,
  id: string,
  by: string,
  now: string,
): Promise<{ area_code: string } | undefined> {
  const found = await db
    .selectFrom('id_number_checks')
    .select(['area_code', 'closed_at'])
    .where('id', '=', id)
    .where((eb) => inScope(eb, 'id_number_checks.town_code', scope))
    .executeTakeFirst();
  if (!found) return undefined;
  if (found.closed_at === null) {
    await db
      .updateTable('id_number_checks')
      .set({ closed_at: now, closed_by: by })
      .where('id', '=', id)
      .execute();
  }
  return { area_code: found.area_code };
}

/** The district's administrators, told when an account passes its daily look-up limit. */
export async function districtAdmins(db: Db) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'area_code'])
    .where('disabled_at', 'is', null)
    .where('role', '=', 'district_admin')
    .orderBy('name')
    .limit(20)
    .execute();
}
