import type { Insertable } from 'kysely';
import type { Db } from '../db/dialect';
import type {
  ServiceCentresTable,
  ServiceDutiesTable,
  ServiceItemsTable,
  ServiceItemVersionsTable,
  UnitsTable,
} from '../db/schema';

// The demo catalogue's rows, written straight into the tables as the rest of the demo district is.

export async function insertDemoServiceUnit(db: Db, row: Insertable<UnitsTable>): Promise<void> {
  await db.insertInto('units').values(row).execute();
}

/** The demo's units by name (the departments demo-units.ts made) and its service stations. */
export function demoUnitsForServices(db: Db) {
  return db
    .selectFrom('units')
    .select(['id', 'kind', 'name', 'area_code', 'phone'])
    .where('kind', 'in', ['department', 'service_station'])
    .orderBy('area_code')
    .orderBy('name')
    .execute();
}

/** The active accounts bound to a unit (a station's head and agents). */
export function demoStaffOf(db: Db, unitId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('unit_id', '=', unitId)
    .orderBy('username')
    .execute();
}

export async function insertDemoServiceItem(
  db: Db,
  item: Insertable<ServiceItemsTable>,
  versions: Insertable<ServiceItemVersionsTable>[],
): Promise<void> {
  await db.insertInto('service_items').values(item).execute();
  await db.insertInto('service_item_versions').values(versions).execute();
}

export async function insertDemoCentre(
  db: Db,
  profile: Insertable<ServiceCentresTable>,
  itemIds: string[],
  duties: Insertable<ServiceDutiesTable>[],
): Promise<void> {
  await db.insertInto('service_centres').values(profile).execute();
  if (itemIds.length > 0) {
    await db
      .insertInto('service_centre_items')
      .values(itemIds.map((item_id) => ({ unit_id: profile.unit_id, item_id })))
      .execute();
  }
  if (duties.length > 0) await db.insertInto('service_duties').values(duties).execute();
}
