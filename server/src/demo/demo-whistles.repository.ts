import type { Insertable } from 'kysely';
import type { Db } from '../db/dialect';
import type {
  ReceptionDayAppealsTable,
  ReceptionDaysTable,
  WhistlesTable,
  WhistleUnitsTable,
} from '../db/schema';

/** The demo's departments by name. */
export async function demoDepartments(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('units').select(['id', 'name']).where('kind', '=', 'department').execute();
  return new Map(rows.map((r) => [r.name, r.id]));
}

/** A demo account's id and name. */
export async function demoUser(db: Db, username: string) {
  return db.selectFrom('users').select(['id', 'name']).where('username', '=', username).executeTakeFirst();
}

/** Appeals of a town's villages, oldest first, with what the demo needs of them. */
export async function demoTownAppeals(db: Db, townCode: string, categories: string[] | null) {
  return db
    .selectFrom('appeals')
    .select(['id', 'village_code', 'status', 'title'])
    .where('village_code', '>', townCode)
    .where('village_code', '<', `${townCode.slice(0, 9)}999`)
    .$if(categories !== null, (qb) => qb.where('category_code', 'in', categories ?? []))
    .orderBy('received_at')
    .orderBy('tracking_code')
    .execute();
}

export async function insertDemoWhistle(
  db: Db,
  whistle: Insertable<WhistlesTable>,
  units: Insertable<WhistleUnitsTable>[],
): Promise<void> {
  await db.insertInto('whistles').values(whistle).execute();
  await db.insertInto('whistle_units').values(units).execute();
}

export async function insertDemoReceptionDay(
  db: Db,
  day: Insertable<ReceptionDaysTable>,
  appeals: Insertable<ReceptionDayAppealsTable>[],
): Promise<void> {
  await db.insertInto('reception_days').values(day).execute();
  if (appeals.length > 0) await db.insertInto('reception_day_appeals').values(appeals).execute();
}
