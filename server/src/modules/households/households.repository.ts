import type { HouseholdSort, HouseholdsFilter, Tier } from '@lianxin/common';
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/dialect';
import { likeContains } from '../../db/dialect';
import type { HouseholdsTable } from '../../db/schema';
import { type AreaScope, inScope } from '../../platform/scope';

export type HouseholdRow = Selectable<HouseholdsTable>;

export interface ListFilter
  extends Omit<HouseholdsFilter, 'areaCode' | 'leftPriorityFrom' | 'leftPriorityTo' | 'paired'> {
  /** Set when the free text is a valid ID number: exact match through the keyed hash. */
  idNumberHash?: string;
  /** Moved out of the priority tier in [since, before) (instants; either may be open). */
  leftPriority?: { since?: string; before?: string };
  /** With or without an active pairing. */
  paired?: boolean;
}

/** Where the previous page ended: the sort key of its last row. */
export type Cursor = [string, string, string] | [string, string];

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
    )
    .$if(filter.perCapitaMin !== undefined, (qb) =>
      qb.where('households.per_capita_income', '>=', filter.perCapitaMin ?? 0),
    )
    .$if(filter.perCapitaMax !== undefined, (qb) =>
      qb.where('households.per_capita_income', '<=', filter.perCapitaMax ?? 0),
    )
    .$if(filter.hardshipsMin !== undefined, (qb) =>
      qb.where('households.hardship_count', '>=', filter.hardshipsMin ?? 0),
    )
    .$if(filter.leftPriority !== undefined, (qb) =>
      // The period's tier changes are few: an IN list read from them by time (as the dashboard
      // counts them), rather than a probe into every household's history.
      qb.where('households.id', 'in', (eb) =>
        eb
          .selectFrom('tier_history')
          .select('tier_history.household_id')
          .where('tier_history.from_tier', '=', 'priority')
          .where('tier_history.to_tier', '!=', 'priority')
          .$if(filter.leftPriority?.since !== undefined, (sub) =>
            sub.where('tier_history.at', '>=', filter.leftPriority?.since ?? ''),
          )
          .$if(filter.leftPriority?.before !== undefined, (sub) =>
            sub.where('tier_history.at', '<', filter.leftPriority?.before ?? ''),
          ),
      ),
    )
    .$if(filter.paired !== undefined, (qb) =>
      qb.where((eb) => {
        // Written with the literal status, so that the partial index of active pairings applies.
        const active = eb.exists(
          eb
            .selectFrom('pairings')
            .select('pairings.id')
            .whereRef('pairings.household_id', '=', 'households.id')
            .where(sql<boolean>`pairings.status = 'active'`),
        );
        return filter.paired ? active : eb.not(active);
      }),
    );
}

/** One page in either order; keyset pagination keeps page 10,000 as fast as page 1. */
export async function listHouseholds(
  db: Db,
  scope: AreaScope,
  filter: ListFilter,
  sort: HouseholdSort,
  cursor: Cursor | null,
  limit: number,
) {
  const base = filtered(db, scope, filter)
    .innerJoin('areas', 'areas.code', 'households.area_code')
    .leftJoin('residents as head', 'head.id', 'households.head_resident_id')
    .selectAll('households')
    .select(['areas.name as area_name', 'head.name as head_name'])
    .limit(limit + 1);
  if (sort === 'recent') {
    return base
      .$if(cursor?.length === 2, (qb) =>
        qb.where((eb) =>
          eb(
            eb.refTuple('households.updated_at', 'households.id'),
            '<',
            eb.tuple(cursor?.[0] ?? '', cursor?.[1] ?? ''),
          ),
        ),
      )
      .orderBy('households.updated_at', 'desc')
      .orderBy('households.id', 'desc')
      .execute();
  }
  return base
    .$if(cursor?.length === 3, (qb) =>
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
      // Ids are time-ordered: entries of the same instant keep the order they were written in.
      .orderBy('id', 'desc')
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

export async function knownTags(db: Db, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom('tag_definitions').select('code').where('code', 'in', codes).execute();
  return rows.map((r) => r.code);
}

export async function insertHousehold(db: Db, row: Insertable<HouseholdsTable>) {
  await db.insertInto('households').values(row).execute();
}

export async function insertHouseholdTags(db: Db, householdId: string, tags: string[]): Promise<void> {
  if (tags.length === 0) return;
  await db
    .insertInto('household_tags')
    .values(tags.map((tag) => ({ household_id: householdId, tag_code: tag })))
    .execute();
}

export async function updateHouseholdRow(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<HouseholdsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('households')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The member count, head and search text follow the members; called after any member change. */
export async function refreshHouseholdMembers(db: Db, householdId: string, now: string): Promise<void> {
  const household = await db
    .selectFrom('households')
    .select(['number', 'address'])
    .where('id', '=', householdId)
    .executeTakeFirstOrThrow();
  const members = await db
    .selectFrom('residents')
    .select(['id', 'name', 'relation', 'status'])
    .where('household_id', '=', householdId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const active = members.filter((m) => m.status === 'active');
  await db
    .updateTable('households')
    .set({
      member_count: active.length,
      head_resident_id: active.find((m) => m.relation === 'head')?.id ?? null,
      search_text: householdSearchText(
        household.number,
        household.address,
        members.map((m) => m.name),
      ),
      updated_at: now,
    })
    .where('id', '=', householdId)
    .execute();
}

/** Lower-cased number, address and member names: what free-text search matches. */
export function householdSearchText(number: string, address: string, names: readonly string[]): string {
  return [number, address, ...names].join(' ').toLowerCase();
}

export async function replaceHouseholdTags(db: Db, householdId: string, tags: string[]): Promise<void> {
  await db.deleteFrom('household_tags').where('household_id', '=', householdId).execute();
  await insertHouseholdTags(db, householdId, tags);
}
