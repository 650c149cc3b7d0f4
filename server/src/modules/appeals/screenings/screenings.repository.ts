import type { Insertable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { ScreeningsTable } from '../../../db/schema';
import { type AreaScope, inScope } from '../../../platform/scope';

export async function insertScreening(db: Db, row: Insertable<ScreeningsTable>): Promise<void> {
  await db.insertInto('screenings').values(row).execute();
}

/** Marks an appeal as found by a screening sweep. */
export async function markFromScreening(db: Db, appealId: string, screeningId: string): Promise<void> {
  await db.updateTable('appeals').set({ screening_id: screeningId }).where('id', '=', appealId).execute();
}

/** The latest screenings of villages in the scope, with the village's and the creator's names. */
export async function screeningRows(db: Db, scope: AreaScope, limit: number) {
  return db
    .selectFrom('screenings')
    .innerJoin('areas', 'areas.code', 'screenings.village_code')
    .leftJoin('users', 'users.id', 'screenings.created_by')
    .selectAll('screenings')
    .select(['areas.name as village_name', 'users.name as creator'])
    .where((eb) => inScope(eb, 'screenings.village_code', scope))
    .orderBy('screenings.date', 'desc')
    .limit(limit)
    .execute();
}

/** The appeals each of these screenings found. */
export async function appealsOfScreenings(
  db: Db,
  screeningIds: string[],
): Promise<{ id: string; screening_id: string | null }[]> {
  if (screeningIds.length === 0) return [];
  return db
    .selectFrom('appeals')
    .select(['id', 'screening_id'])
    .where('screening_id', 'in', screeningIds)
    .execute();
}
