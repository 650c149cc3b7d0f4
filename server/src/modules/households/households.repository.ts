import type { HouseholdsListQuery, Tier } from '@lianxin/common';
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/dialect';
import { likeContains } from '../../db/dialect';
import type { HouseholdIndicatorsTable, HouseholdsTable, ResidentsTable } from '../../db/schema';
import { type AreaScope, inScope } from '../../platform/scope';

export type HouseholdRow = Selectable<HouseholdsTable>;
export type ResidentRow = Selectable<ResidentsTable>;

export interface ListFilter extends Omit<HouseholdsListQuery, 'cursor' | 'limit' | 'areaCode'> {
  /** Set when the free text is a valid ID number: exact match through the keyed hash. */
  idNumberHash?: string;
}

export type Cursor = [areaCode: string, number: string, id: string];

function filtered(db: Db, scope: AreaScope, filter: ListFilter) {
  return db
    .selectFrom('households')
    .where((eb) => inScope(eb, 'households.area_code', scope))
    .$if(filter.tier !== undefined, (qb) => qb.where('households.tier', '=', filter.tier as Tier))
    .$if(filter.status !== undefined, (qb) => qb.where('households.status', '=', filter.status ?? 'active'))
    .$if(filter.tag !== undefined, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('household_tags')
            .select('household_tags.household_id')
            .whereRef('household_tags.household_id', '=', 'households.id')
            .where('household_tags.tag_code', '=', filter.tag ?? ''),
        ),
      ),
    )
    .$if(filter.idNumberHash !== undefined, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('residents')
            .select('residents.id')
            .whereRef('residents.household_id', '=', 'households.id')
            .where('residents.id_number_hash', '=', filter.idNumberHash ?? ''),
        ),
      ),
    )
    .$if(filter.q !== undefined && filter.idNumberHash === undefined && filter.q !== '', (qb) =>
      qb.where((eb) => eb('households.search_text', 'like', likeContains((filter.q ?? '').toLowerCase()))),
    );
}

export async function listHouseholds(
  db: Db,
  scope: AreaScope,
  filter: ListFilter,
  cursor: Cursor | null,
  limit: number,
) {
  return filtered(db, scope, filter)
    .innerJoin('areas', 'areas.code', 'households.area_code')
    .leftJoin('residents as head', 'head.id', 'households.head_resident_id')
    .selectAll('households')
    .select(['areas.name as area_name', 'head.name as head_name'])
    .$if(cursor !== null, (qb) =>
      qb.where((eb) =>
        eb(
          eb.refTuple('households.area_code', 'households.number', 'households.id'),
          '>',
          eb.tuple(cursor?.[0] ?? '', cursor?.[1] ?? '', cursor?.[2] ?? ''),
        ),
      ),
    )
    .orderBy('households.area_code')
    .orderBy('households.number')
    .orderBy('households.id')
    .limit(limit + 1)
    .execute();
}

export async function countByTier(db: Db, scope: AreaScope, filter: ListFilter) {
  return filtered(db, scope, filter)
    .select(['households.tier', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('households.tier')
    .execute();
}

export async function findHousehold(db: Db, scope: AreaScope, id: string) {
  return db
    .selectFrom('households')
    .innerJoin('areas', 'areas.code', 'households.area_code')
    .leftJoin('residents as head', 'head.id', 'households.head_resident_id')
    .selectAll('households')
    .select(['areas.name as area_name', 'head.name as head_name'])
    .where('households.id', '=', id)
    .where((eb) => inScope(eb, 'households.area_code', scope))
    .executeTakeFirst();
}

export async function householdDetails(db: Db, householdId: string) {
  const [members, memberTags, tags, indicators, history] = await Promise.all([
    db
      .selectFrom('residents')
      .selectAll()
      .where('household_id', '=', householdId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('resident_tags')
      .innerJoin('residents', 'residents.id', 'resident_tags.resident_id')
      .select(['resident_tags.resident_id', 'resident_tags.tag_code'])
      .where('residents.household_id', '=', householdId)
      .execute(),
    db
      .selectFrom('household_tags')
      .select('tag_code')
      .where('household_id', '=', householdId)
      .orderBy('tag_code')
      .execute(),
    db
      .selectFrom('household_indicators')
      .selectAll()
      .where('household_id', '=', householdId)
      .orderBy('year', 'desc')
      .execute(),
    db
      .selectFrom('tier_history')
      .selectAll()
      .where('household_id', '=', householdId)
      .orderBy('at', 'desc')
      .limit(100)
      .execute(),
  ]);
  return { members, memberTags, tags: tags.map((t) => t.tag_code), indicators, history };
}

export async function findHouseholdByNumber(db: Db, villageCode: string, number: string) {
  return db
    .selectFrom('households')
    .select('id')
    .where('village_code', '=', villageCode)
    .where('number', '=', number)
    .executeTakeFirst();
}

/** Where an ID number is registered, whatever the caller's area: duplicates are checked district-wide. */
export async function findIdNumberOwner(db: Db, idNumberHash: string) {
  return db
    .selectFrom('residents')
    .innerJoin('households', 'households.id', 'residents.household_id')
    .innerJoin('areas', 'areas.code', 'households.area_code')
    .select(['households.number', 'areas.name as area_name', 'residents.name'])
    .where('residents.id_number_hash', '=', idNumberHash)
    .executeTakeFirst();
}

export async function knownTags(db: Db, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom('tag_definitions').select('code').where('code', 'in', codes).execute();
  return rows.map((r) => r.code);
}

export async function insertHousehold(db: Db, row: Insertable<HouseholdsTable>) {
  await db.insertInto('households').values(row).execute();
}

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

export async function insertResidentTags(db: Db, residentId: string, tags: string[]): Promise<void> {
  if (tags.length === 0) return;
  await db
    .insertInto('resident_tags')
    .values(tags.map((tag) => ({ resident_id: residentId, tag_code: tag })))
    .execute();
}

export async function insertHouseholdTags(db: Db, householdId: string, tags: string[]): Promise<void> {
  if (tags.length === 0) return;
  await db
    .insertInto('household_tags')
    .values(tags.map((tag) => ({ household_id: householdId, tag_code: tag })))
    .execute();
}

export async function insertIndicators(db: Db, row: Insertable<HouseholdIndicatorsTable>): Promise<void> {
  await db.insertInto('household_indicators').values(row).execute();
}
