import type { Insertable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { ServiceDutiesTable } from '../../../db/schema';
import { type ItemReach, reachOf } from './catalogue.repository';

// The centres' and stations' SQL: a service_station unit with its profile (service_centres), the
// items handled there and the duty roster.

function centreRows(db: Db, reach: ItemReach | null) {
  return db
    .selectFrom('units as u')
    .innerJoin('areas as a', 'a.code', 'u.area_code')
    .leftJoin('service_centres as c', 'c.unit_id', 'u.id')
    .select([
      'u.id',
      'u.name',
      'u.area_code',
      'a.name as area_name',
      'a.kind as area_kind',
      'u.phone',
      'u.address',
      'u.active',
      'c.intro',
      'c.hours_text',
      'c.holiday_hours_text',
      'c.version',
    ])
    .select((eb) =>
      eb
        .selectFrom('service_centre_items as ci')
        .innerJoin('service_items as i', 'i.id', 'ci.item_id')
        .whereRef('ci.unit_id', '=', 'u.id')
        .where('i.active', '=', true)
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .as('item_count'),
    )
    .where('u.kind', '=', 'service_station')
    .$if(reach !== null, (qb) =>
      qb.where((eb) => {
        const r = reach as ItemReach;
        return reachOf(eb, 'u.area_code', r);
      }),
    );
}

export type CentreRow = NonNullable<Awaited<ReturnType<typeof findCentre>>>;

/** Centres and stations in reach (null: any), narrowed to a subtree and a level; towns first. */
export function listCentreRows(
  db: Db,
  reach: ItemReach | null,
  f: { within?: ItemReach; level?: 'town' | 'village'; activeOnly?: boolean },
) {
  return centreRows(db, reach)
    .$if(f.within !== undefined, (qb) =>
      qb.where((eb) => {
        const w = f.within as ItemReach;
        return reachOf(eb, 'u.area_code', w);
      }),
    )
    .$if(f.level !== undefined, (qb) => qb.where('a.kind', '=', f.level as 'town' | 'village'))
    .$if(f.activeOnly === true, (qb) => qb.where('u.active', '=', true))
    .orderBy('u.area_code')
    .orderBy('u.name')
    .limit(1000)
    .execute();
}

export function findCentre(db: Db, reach: ItemReach | null, id: string) {
  return centreRows(db, reach).where('u.id', '=', id).executeTakeFirst();
}

/** Active service stations at exactly these areas (a village's own, its town's centre). */
export function centresAt(db: Db, areaCodes: string[]) {
  return centreRows(db, null).where('u.area_code', 'in', areaCodes).where('u.active', '=', true).execute();
}

export function dutiesOf(db: Db, unitIds: string[], from: string, to: string) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('service_duties')
    .select(['id', 'unit_id', 'duty_date', 'user_id', 'name', 'phone', 'note'])
    .where('unit_id', 'in', unitIds)
    .where('duty_date', '>=', from)
    .where('duty_date', '<=', to)
    .orderBy('duty_date')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The items handled at a centre (active only when asked). */
export function centreItems(db: Db, unitId: string, activeOnly: boolean) {
  return db
    .selectFrom('service_centre_items as ci')
    .innerJoin('service_items as i', 'i.id', 'ci.item_id')
    .innerJoin('units as u', 'u.id', 'i.unit_id')
    .select(['i.id', 'i.name', 'i.category', 'i.proxy_allowed', 'i.promised_days', 'u.name as unit_name'])
    .where('ci.unit_id', '=', unitId)
    .$if(activeOnly, (qb) => qb.where('i.active', '=', true))
    .orderBy('i.category')
    .orderBy('i.name')
    .execute();
}

/** The active accounts bound to a station. */
export function stationStaff(db: Db, unitId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'role'])
    .where('unit_id', '=', unitId)
    .where('disabled_at', 'is', null)
    .orderBy('role')
    .orderBy('name')
    .execute();
}

/** Sets a centre's profile at the version read (0: none yet); false when it changed since. */
export async function saveProfile(
  db: Db,
  unitId: string,
  readVersion: number,
  fields: { intro: string | null; hours_text: string | null; holiday_hours_text: string | null },
  now: string,
): Promise<boolean> {
  if (readVersion === 0) {
    const existing = await db
      .selectFrom('service_centres')
      .select('version')
      .where('unit_id', '=', unitId)
      .executeTakeFirst();
    if (existing) return false;
    await db
      .insertInto('service_centres')
      .values({ unit_id: unitId, ...fields, updated_at: now, version: 1 })
      .execute();
    return true;
  }
  const result = await db
    .updateTable('service_centres')
    .set({ ...fields, updated_at: now })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('unit_id', '=', unitId)
    .where('version', '=', readVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceCentreItems(db: Db, unitId: string, itemIds: string[]): Promise<void> {
  await db.deleteFrom('service_centre_items').where('unit_id', '=', unitId).execute();
  if (itemIds.length === 0) return;
  await db
    .insertInto('service_centre_items')
    .values(itemIds.map((item_id) => ({ unit_id: unitId, item_id })))
    .execute();
}

/** Which of these ids are active items among those of `reach`. */
export async function activeItemIdsIn(db: Db, reach: ItemReach, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('service_items as i')
    .select('i.id')
    .where('i.id', 'in', ids)
    .where('i.active', '=', true)
    .where((eb) => reachOf(eb, 'i.area_code', reach))
    .execute();
  return rows.map((r) => r.id);
}

export async function replaceWeek(
  db: Db,
  unitId: string,
  from: string,
  to: string,
  rows: Insertable<ServiceDutiesTable>[],
): Promise<void> {
  await db
    .deleteFrom('service_duties')
    .where('unit_id', '=', unitId)
    .where('duty_date', '>=', from)
    .where('duty_date', '<=', to)
    .execute();
  if (rows.length > 0) await db.insertInto('service_duties').values(rows).execute();
}
