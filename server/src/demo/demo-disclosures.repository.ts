import type { Db } from '../db/dialect';

/** The villages' names by code. */
export async function villageNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('areas').select(['code', 'name']).where('kind', '=', 'village').execute();
  return new Map(rows.map((a) => [a.code, a.name]));
}
