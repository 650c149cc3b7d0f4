import type { Insertable } from 'kysely';
import type { Db } from '../db/dialect';
import type { AppealUnitsTable, UnitsTable } from '../db/schema';

// The demo's handling units, written straight into the tables as the rest of the demo district is.

export async function insertDemoUnit(
  db: Db,
  row: Insertable<UnitsTable>,
  categories: string[],
): Promise<void> {
  await db.insertInto('units').values(row).execute();
  if (categories.length === 0) return;
  await db
    .insertInto('unit_categories')
    .values(categories.map((code) => ({ unit_id: row.id, category_code: code })))
    .execute();
}

export async function insertDemoAppealUnit(db: Db, row: Insertable<AppealUnitsTable>): Promise<void> {
  await db.insertInto('appeal_units').values(row).execute();
}

/** The towns and villages, in code order. */
export async function demoAreasOfKind(db: Db, kind: 'town' | 'village') {
  return db
    .selectFrom('areas')
    .select(['code', 'name', 'parent_code'])
    .where('kind', '=', kind)
    .orderBy('code')
    .execute();
}

export async function demoUserByUsername(db: Db, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
}

/** The open appeals of some categories, the oldest first (the demo routes a few of them). */
export async function openAppealsOfCategories(db: Db, categories: string[]) {
  return db
    .selectFrom('appeals')
    .select(['id', 'village_code', 'received_at'])
    .where('category_code', 'in', categories)
    .where('status', 'in', ['received', 'accepted', 'in_progress'])
    .orderBy('received_at')
    .orderBy('tracking_code')
    .execute();
}

/** A demo account with its unit, for acting as a department's staff or the district's. */
export async function demoAccount(db: Db, username: string) {
  return db
    .selectFrom('users')
    .innerJoin('areas', 'areas.code', 'users.area_code')
    .select(['users.id', 'users.name', 'users.role', 'users.area_code', 'areas.kind', 'users.unit_id'])
    .where('users.username', '=', username)
    .executeTakeFirstOrThrow();
}

/** The demo's units by name. */
export async function demoUnitsByName(db: Db) {
  const rows = await db.selectFrom('units').select(['id', 'name']).execute();
  return new Map(rows.map((r) => [r.name, r.id]));
}

/** A village of each town, in code order: where the dispatched sample appeals come from. */
export async function demoVillageCodes(db: Db) {
  return (
    await db.selectFrom('areas').select('code').where('kind', '=', 'village').orderBy('code').execute()
  ).map((r) => r.code);
}
