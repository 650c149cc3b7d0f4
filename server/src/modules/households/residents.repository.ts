import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/dialect';
import type { ResidentsTable } from '../../db/schema';
import { type AreaScope, inScope } from '../../platform/scope';

// The SQL of a household's members (residents) and their tags.

export type ResidentRow = Selectable<ResidentsTable>;

export async function insertResident(db: Db, row: Insertable<ResidentsTable>) {
  await db.insertInto('residents').values(row).execute();
}

export async function findResident(db: Db, scope: AreaScope, id: string) {
  return db
    .selectFrom('residents')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => inScope(eb, 'residents.area_code', scope))
    .executeTakeFirst();
}

/** Where an ID number is registered, whatever the caller's area: duplicates are checked district-wide. */
export async function findIdNumberOwner(db: Db, idNumberHash: string) {
  return db
    .selectFrom('residents')
    .innerJoin('households', 'households.id', 'residents.household_id')
    .innerJoin('areas', 'areas.code', 'households.area_code')
    .select([
      'residents.id',
      'households.number',
      'households.area_code',
      'areas.name as area_name',
      'residents.name',
    ])
    .where('residents.id_number_hash', '=', idNumberHash)
    .executeTakeFirst();
}

export async function insertResidentTags(db: Db, residentId: string, tags: string[]): Promise<void> {
  if (tags.length === 0) return;
  await db
    .insertInto('resident_tags')
    .values(tags.map((tag) => ({ resident_id: residentId, tag_code: tag })))
    .execute();
}

export async function updateResidentRow(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<ResidentsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('residents')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function moveResidents(db: Db, householdId: string, areaCode: string): Promise<void> {
  await db
    .updateTable('residents')
    .set({ area_code: areaCode })
    .where('household_id', '=', householdId)
    .execute();
}

export async function activeHeadCount(db: Db, householdId: string): Promise<number> {
  const row = await db
    .selectFrom('residents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('household_id', '=', householdId)
    .where('relation', '=', 'head')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function replaceResidentTags(db: Db, residentId: string, tags: string[]): Promise<void> {
  await db.deleteFrom('resident_tags').where('resident_id', '=', residentId).execute();
  await insertResidentTags(db, residentId, tags);
}

export async function residentTags(db: Db, residentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('resident_tags')
    .select('tag_code')
    .where('resident_id', '=', residentId)
    .orderBy('tag_code')
    .execute();
  return rows.map((r) => r.tag_code);
}
