import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/dialect';
import type { DemocracyAuthorisationsTable, DemocracyMembersTable } from '../../db/schema';
import { type AreaScope, inScope } from '../../platform/scope';

// The SQL of a village's bodies: members, the households a representative stands for, the
// villagers' meeting's authorisations, and the adult villagers in the registry.

/** A village (not a town, not a group) in the caller's reach, or undefined. */
export function findVillage(db: Db, scope: AreaScope, code: string) {
  return db
    .selectFrom('areas')
    .select(['code', 'name'])
    .where('code', '=', code)
    .where('kind', '=', 'village')
    .where((eb) => inScope(eb, 'areas.code', scope))
    .executeTakeFirst();
}

/** An area in the caller's reach, with its kind (a list's filter), or undefined. */
export function areaInScope(db: Db, scope: AreaScope, code: string) {
  return db
    .selectFrom('areas')
    .select(['code', 'kind', 'name'])
    .where('code', '=', code)
    .where((eb) => inScope(eb, 'areas.code', scope))
    .executeTakeFirst();
}

/** A villagers' group of the village, or undefined. */
export function findGroup(db: Db, villageCode: string, code: string) {
  return db
    .selectFrom('areas')
    .select(['code', 'name'])
    .where('code', '=', code)
    .where('kind', '=', 'group')
    .where('parent_code', '=', villageCode)
    .executeTakeFirst();
}

function memberRows(db: Db) {
  return db
    .selectFrom('democracy_members')
    .leftJoin('areas as g', 'g.code', 'democracy_members.representative_group_code')
    .selectAll('democracy_members')
    .select('g.name as group_name');
}

export type MemberRow = Awaited<ReturnType<ReturnType<typeof memberRows>['execute']>>[number];

/** The active members of a village, in the order they were entered. */
export function activeMembers(db: Db, villageCode: string): Promise<MemberRow[]> {
  return memberRows(db)
    .where('democracy_members.village_code', '=', villageCode)
    .where('democracy_members.active', '=', true)
    .orderBy('democracy_members.created_at')
    .orderBy('democracy_members.id')
    .execute();
}

/** An active member of the caller's reach. */
export function findMember(db: Db, scope: AreaScope, id: string) {
  return memberRows(db)
    .where('democracy_members.id', '=', id)
    .where('democracy_members.active', '=', true)
    .where((eb) => inScope(eb, 'democracy_members.village_code', scope))
    .executeTakeFirst();
}

export async function insertMember(db: Db, row: Insertable<DemocracyMembersTable>): Promise<void> {
  await db.insertInto('democracy_members').values(row).execute();
}

export async function updateMember(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<DemocracyMembersTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('democracy_members')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The households each member of `memberIds` stands for. */
export async function representedHouseholds(db: Db, memberIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (memberIds.length === 0) return result;
  const rows = await db
    .selectFrom('democracy_member_households')
    .select(['member_id', 'household_id'])
    .where('member_id', 'in', memberIds)
    .orderBy('household_id')
    .execute();
  for (const row of rows) result.set(row.member_id, [...(result.get(row.member_id) ?? []), row.household_id]);
  return result;
}

export async function replaceRepresentedHouseholds(db: Db, memberId: string, householdIds: string[]) {
  await db.deleteFrom('democracy_member_households').where('member_id', '=', memberId).execute();
  if (householdIds.length === 0) return;
  await db
    .insertInto('democracy_member_households')
    .values(householdIds.map((household_id) => ({ member_id: memberId, household_id })))
    .execute();
}

/** How many of `ids` are active households of the village. */
export async function countVillageHouseholds(db: Db, villageCode: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const row = await db
    .selectFrom('households')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('village_code', '=', villageCode)
    .where('status', '=', 'active')
    .where('id', 'in', ids)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A resident of the village's registry, or undefined. */
export function findVillageResident(db: Db, villageCode: string, residentId: string) {
  return db
    .selectFrom('residents')
    .innerJoin('households', 'households.id', 'residents.household_id')
    .select(['residents.id', 'residents.household_id'])
    .where('residents.id', '=', residentId)
    .where('households.village_code', '=', villageCode)
    .executeTakeFirst();
}

/**
 * The villagers' meeting as the registry has it: active residents of active households of the
 * village, born on or before `bornBy` (18 years before the day counted), by household.
 */
export function adultResidents(db: Db, villageCode: string, bornBy: string) {
  return db
    .selectFrom('residents')
    .innerJoin('households', 'households.id', 'residents.household_id')
    .select(['residents.id', 'residents.name', 'residents.gender', 'residents.household_id'])
    .where('households.village_code', '=', villageCode)
    .where('households.status', '=', 'active')
    .where('residents.status', '=', 'active')
    .where('residents.birth_date', 'is not', null)
    .where('residents.birth_date', '<=', bornBy)
    .orderBy('households.number')
    .orderBy('residents.id')
    .execute();
}

export async function insertAuthorisation(db: Db, row: Insertable<DemocracyAuthorisationsTable>) {
  await db.insertInto('democracy_authorisations').values(row).execute();
}

export function listAuthorisations(db: Db, villageCode: string) {
  return db
    .selectFrom('democracy_authorisations')
    .selectAll()
    .where('village_code', '=', villageCode)
    .orderBy('granted_on', 'desc')
    .orderBy('id')
    .execute();
}

/** A villagers' meeting of the village, for an authorisation to point to. */
export function findVillagersMeeting(db: Db, villageCode: string, id: string) {
  return db
    .selectFrom('meetings')
    .select('id')
    .where('id', '=', id)
    .where('village_code', '=', villageCode)
    .where('body', '=', 'villagers')
    .executeTakeFirst();
}
