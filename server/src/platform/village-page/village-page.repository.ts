import type { Db } from '../../db/dialect';

/** A village and its town, or undefined when the code is not a village's. */
export async function findVillageOfPage(
  db: Db,
  code: string,
): Promise<{ code: string; name: string; townCode: string; townName: string } | undefined> {
  const row = await db
    .selectFrom('areas as village')
    .innerJoin('areas as town', 'town.code', 'village.parent_code')
    .select(['village.code', 'village.name', 'town.code as town_code', 'town.name as town_name'])
    .where('village.code', '=', code)
    .where('village.kind', '=', 'village')
    .executeTakeFirst();
  return row && { code: row.code, name: row.name, townCode: row.town_code, townName: row.town_name };
}
