import type { UnitKind, UnitsListQuery } from '@lianxin/common';
import type { Insertable, Updateable } from 'kysely';
import { type Db, ilikeOperator, likeContains } from '../../../db/dialect';
import type { AppealUnitsTable, UnitsTable } from '../../../db/schema';
import { type AreaScope, inScope, type Scope } from '../../../platform/scope';

// Units everyone in the district works with: the departments and the CPPCC office sit at the
// district, and a town or village caller still needs to find them.
const DISTRICT_WIDE: readonly UnitKind[] = ['department', 'cppcc_office'];

function unitsInReach(db: Db, scope: Scope) {
  return db.selectFrom('units').where((eb) => {
    switch (scope.reach) {
      case 'area':
        return eb.or([inScope(eb, 'units.area_code', scope), eb('units.kind', 'in', DISTRICT_WIDE)]);
      case 'unit':
        return eb('units.id', '=', scope.unitId);
      case 'station':
        return eb('units.id', '=', scope.stationId);
      case 'office':
        return eb('units.id', '=', scope.office);
      case 'own':
        return eb.val(false);
    }
  });
}

const UNIT_COLUMNS = [
  'units.id',
  'units.kind',
  'units.name',
  'units.area_code',
  'areas.name as area_name',
  'areas.kind as area_kind',
  'units.parent_id',
  'units.phone',
  'units.address',
  'units.working_hours',
  'units.active',
  'units.version',
  'units.created_at',
  'units.updated_at',
] as const;

/** Units in reach with their area and how many active accounts work for each. */
function unitRows(db: Db, scope: Scope) {
  return unitsInReach(db, scope)
    .innerJoin('areas', 'areas.code', 'units.area_code')
    .select(UNIT_COLUMNS)
    .select((eb) =>
      eb
        .selectFrom('users')
        .whereRef('users.unit_id', '=', 'units.id')
        .where('users.disabled_at', 'is', null)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('staff_count'),
    );
}

export type UnitRow = Awaited<ReturnType<typeof listUnits>>[number];

/** Units in the caller's reach, narrowed by the filters; each with its staff count. */
export async function listUnits(db: Db, scope: Scope, query: UnitsListQuery, within: AreaScope | null) {
  return unitRows(db, scope)
    .$if(within !== null, (qb) => qb.where((eb) => inScope(eb, 'units.area_code', within as AreaScope)))
    .$if(query.kind !== undefined, (qb) => qb.where('units.kind', '=', query.kind as UnitKind))
    .$if(query.active !== undefined, (qb) => qb.where('units.active', '=', query.active === 'true'))
    .$if(query.categoryCode !== undefined, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('unit_categories')
            .whereRef('unit_categories.unit_id', '=', 'units.id')
            .where('unit_categories.category_code', '=', query.categoryCode ?? '')
            .select('unit_categories.unit_id'),
        ),
      ),
    )
    .$if(Boolean(query.q), (qb) => qb.where('units.name', ilikeOperator(db), likeContains(query.q ?? '')))
    .orderBy('units.area_code')
    .orderBy('units.kind')
    .orderBy('units.name')
    .limit(1000)
    .execute();
}

export async function findUnitInReach(db: Db, scope: Scope, id: string): Promise<UnitRow | undefined> {
  return unitRows(db, scope).where('units.id', '=', id).executeTakeFirst();
}

/** A unit by id whatever the caller's reach: for the accounts' binding rules and routing. */
export async function findUnitById(db: Db, id: string) {
  return db
    .selectFrom('units')
    .select(['id', 'kind', 'name', 'area_code', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function unitCategories(db: Db, unitIds: string[]): Promise<Map<string, string[]>> {
  const byUnit = new Map<string, string[]>();
  if (unitIds.length === 0) return byUnit;
  const rows = await db
    .selectFrom('unit_categories')
    .select(['unit_id', 'category_code'])
    .where('unit_id', 'in', unitIds)
    .orderBy('category_code')
    .execute();
  for (const row of rows) byUnit.set(row.unit_id, [...(byUnit.get(row.unit_id) ?? []), row.category_code]);
  return byUnit;
}

export async function insertUnit(db: Db, row: Insertable<UnitsTable>): Promise<void> {
  await db.insertInto('units').values(row).execute();
}

export async function updateUnit(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<UnitsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('units')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceUnitCategories(db: Db, unitId: string, codes: string[]): Promise<void> {
  await db.deleteFrom('unit_categories').where('unit_id', '=', unitId).execute();
  if (codes.length === 0) return;
  await db
    .insertInto('unit_categories')
    .values(codes.map((code) => ({ unit_id: unitId, category_code: code })))
    .execute();
}

export async function unitStaff(db: Db, unitId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'disabled_at'])
    .where('unit_id', '=', unitId)
    .orderBy('name')
    .execute();
}

/** The units sitting exactly at an area, of a kind. */
export async function unitsAt(db: Db, areaCode: string, kind: UnitKind) {
  return db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('area_code', '=', areaCode)
    .where('kind', '=', kind)
    .where('active', '=', true)
    .execute();
}

/** Records that an appeal was routed to a unit; false when it already was. */
export async function insertAppealUnit(db: Db, row: Insertable<AppealUnitsTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('appeal_units')
    .values(row)
    .onConflict((oc) => oc.columns(['appeal_id', 'unit_id']).doNothing())
    .returning('unit_id')
    .executeTakeFirst();
  return inserted !== undefined;
}
