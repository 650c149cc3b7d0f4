import type { DisclosureCategory } from '@lianxin/common';
import type { Insertable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { DisclosuresTable } from '../../../db/schema';
import { type AreaScope, inScope } from '../../../platform/scope';

// Village affairs disclosure's SQL: the villages' schedules and what they published, filtered by
// the caller's area subtree.

/** A village in `scope`, with its name; undefined for any other area or outside. */
export function villageInScope(db: Db, scope: AreaScope, code: string) {
  return db
    .selectFrom('areas')
    .select(['code', 'name'])
    .where('code', '=', code)
    .where('kind', '=', 'village')
    .where((eb) => inScope(eb, 'code', scope))
    .executeTakeFirst();
}

/** The villages of `scope` with their schedule (cadence and start; null before anyone set it). */
export function villagesWithSchedules(db: Db, scope: AreaScope) {
  return db
    .selectFrom('areas')
    .leftJoin('disclosure_schedules as s', 's.village_code', 'areas.code')
    .select(['areas.code', 'areas.name', 's.finance_cadence', 's.starts_on', 's.version'])
    .where('areas.kind', '=', 'village')
    .where((eb) => inScope(eb, 'areas.code', scope))
    .orderBy('areas.code')
    .execute();
}

export type VillageScheduleRow = Awaited<ReturnType<typeof villagesWithSchedules>>[number];

/** Sets a village's schedule at the version read (0: never set); false when it changed since. */
export async function saveSchedule(
  db: Db,
  row: { village_code: string; finance_cadence: 'monthly' | 'quarterly'; starts_on: string | null },
  version: number,
  by: string | null,
  now: string,
): Promise<boolean> {
  if (version === 0) {
    const existing = await db
      .selectFrom('disclosure_schedules')
      .select('version')
      .where('village_code', '=', row.village_code)
      .executeTakeFirst();
    if (existing) return false;
    await db
      .insertInto('disclosure_schedules')
      .values({ ...row, updated_by: by, updated_at: now, version: 1 })
      .execute();
    return true;
  }
  const result = await db
    .updateTable('disclosure_schedules')
    .set({ finance_cadence: row.finance_cadence, starts_on: row.starts_on, updated_by: by, updated_at: now })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('village_code', '=', row.village_code)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function disclosureRows(db: Db) {
  return db
    .selectFrom('disclosures')
    .innerJoin('areas', 'areas.code', 'disclosures.village_code')
    .leftJoin('users', 'users.id', 'disclosures.published_by')
    .selectAll('disclosures')
    .select(['areas.name as village_name', 'users.name as published_by_name']);
}

export type DisclosureRow = Awaited<ReturnType<ReturnType<typeof disclosureRows>['execute']>>[number];

export interface DisclosureFilter {
  villageCode?: string | undefined;
  category?: DisclosureCategory | undefined;
  year?: number | undefined;
}

function filtered(db: Db, scope: AreaScope, filter: DisclosureFilter) {
  let query = disclosureRows(db).where((eb) => inScope(eb, 'disclosures.village_code', scope));
  if (filter.villageCode) query = query.where('disclosures.village_code', '=', filter.villageCode);
  if (filter.category) query = query.where('disclosures.category', '=', filter.category);
  if (filter.year !== undefined) {
    // Every period of a year begins with it: 2026-11, 2026-Q4, 2026-11-03.
    query = query
      .where('disclosures.period', '>=', `${filter.year}`)
      .where('disclosures.period', '<', `${filter.year + 1}`);
  }
  return query;
}

/** A page of the disclosures in `scope`, the latest published first, and how many match. */
export async function listDisclosureRows(
  db: Db,
  scope: AreaScope,
  filter: DisclosureFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: DisclosureRow[]; total: number }> {
  const rows = await filtered(db, scope, filter)
    .orderBy('disclosures.published_at', 'desc')
    .orderBy('disclosures.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await filtered(db, scope, filter)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** A disclosure in `scope`; undefined when there is none or it is outside. */
export function findDisclosure(db: Db, scope: AreaScope, id: string): Promise<DisclosureRow | undefined> {
  return disclosureRows(db)
    .where('disclosures.id', '=', id)
    .where((eb) => inScope(eb, 'disclosures.village_code', scope))
    .executeTakeFirst();
}

export async function insertDisclosure(db: Db, row: Insertable<DisclosuresTable>): Promise<void> {
  await db.insertInto('disclosures').values(row).execute();
}

/** What the villages of `scope` published for periods of the years `from`–`to`: enough to lay out their schedules. */
export function publishedInYears(db: Db, scope: AreaScope, from: number, to: number) {
  return db
    .selectFrom('disclosures')
    .select(['id', 'village_code', 'category', 'period', 'published_at', 'due_at', 'on_time'])
    .where((eb) => inScope(eb, 'village_code', scope))
    .where('period', '>=', `${from}`)
    .where('period', '<', `${to + 1}`)
    .orderBy('published_at')
    .execute();
}

export type PublishedRow = Awaited<ReturnType<typeof publishedInYears>>[number];

/** The latest disclosures of a village, for its public page. */
export function latestOfVillage(db: Db, villageCode: string, limit: number) {
  return db
    .selectFrom('disclosures')
    .select(['id', 'category', 'period', 'title', 'content', 'published_at'])
    .where('village_code', '=', villageCode)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
