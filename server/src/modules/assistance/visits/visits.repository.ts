import type { Insertable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { VisitPhotosTable, VisitsTable } from '../../../db/schema';
import { type AreaScope, inScope } from '../../../platform/scope';

function visitRows(db: Db, scope: AreaScope) {
  return db
    .selectFrom('visits')
    .innerJoin('areas as village', 'village.code', 'visits.village_code')
    .leftJoin('households', 'households.id', 'visits.household_id')
    .select([
      'visits.id',
      'visits.household_id',
      'households.number as household_number',
      'visits.village_code',
      'village.name as village_name',
      'visits.date',
      'visits.kind',
      'visits.findings',
      'visits.needs',
      'visits.latitude',
      'visits.longitude',
      'visits.created_at',
    ])
    .where((eb) => inScope(eb, 'visits.area_code', scope));
}

export type VisitRow = Awaited<ReturnType<ReturnType<typeof visitRows>['execute']>>[number];

export function visitRow(db: Db, scope: AreaScope, id: string): Promise<VisitRow | undefined> {
  return visitRows(db, scope).where('visits.id', '=', id).executeTakeFirst();
}

export interface VisitFilter {
  householdId?: string | undefined;
  villageCode?: string | undefined;
  /** Only visits this cadre took part in. */
  cadreId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

/** The latest visits of `scope` that a filter selects, the most recent first. */
export function latestVisits(db: Db, scope: AreaScope, query: VisitFilter): Promise<VisitRow[]> {
  return visitRows(db, scope)
    .$if(query.householdId !== undefined, (qb) =>
      qb.where('visits.household_id', '=', query.householdId ?? ''),
    )
    .$if(query.villageCode !== undefined, (qb) =>
      qb.where('visits.village_code', '=', query.villageCode ?? ''),
    )
    .$if(query.cadreId !== undefined, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('visit_cadres')
            .select('visit_cadres.visit_id')
            .whereRef('visit_cadres.visit_id', '=', 'visits.id')
            .where('visit_cadres.cadre_id', '=', query.cadreId ?? ''),
        ),
      ),
    )
    .$if(query.from !== undefined, (qb) => qb.where('visits.date', '>=', query.from ?? ''))
    .$if(query.to !== undefined, (qb) => qb.where('visits.date', '<=', query.to ?? ''))
    .orderBy('visits.date', 'desc')
    .orderBy('visits.created_at', 'desc')
    .limit(query.limit)
    .execute();
}

/** The cadres on some visits, their photos (oldest first, without content) and the appeals they raised. */
export async function visitParts(db: Db, ids: string[]) {
  const [cadres, photos, appeals] = await Promise.all([
    db
      .selectFrom('visit_cadres')
      .innerJoin('users', 'users.id', 'visit_cadres.cadre_id')
      .select(['visit_cadres.visit_id', 'users.id', 'users.name'])
      .where('visit_cadres.visit_id', 'in', ids)
      .execute(),
    db
      .selectFrom('visit_photos')
      .select(['visit_id', 'id', 'size', 'content_type'])
      .where('visit_id', 'in', ids)
      .orderBy('created_at')
      .execute(),
    db.selectFrom('visit_appeals').select(['visit_id', 'appeal_id']).where('visit_id', 'in', ids).execute(),
  ]);
  return { cadres, photos, appeals };
}

/** What a visit id was first stored with, wherever it is: the client's UUID is its idempotency key. */
export function visitKey(db: Db, id: string) {
  return db
    .selectFrom('visits')
    .select(['id', 'created_by', 'household_id', 'date', 'findings'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Stores a visit and the cadres on it (the first of them the one who records it). */
export async function insertVisit(db: Db, row: Insertable<VisitsTable>, cadreIds: string[]): Promise<void> {
  await db.insertInto('visits').values(row).execute();
  await db
    .insertInto('visit_cadres')
    .values(
      cadreIds.map((cadre_id) => ({
        visit_id: row.id,
        cadre_id,
        date: row.date,
        village_code: row.village_code,
      })),
    )
    .execute();
}

export async function linkVisitAppeal(db: Db, visitId: string, appealId: string): Promise<void> {
  await db.insertInto('visit_appeals').values({ visit_id: visitId, appeal_id: appealId }).execute();
}

export async function insertVisitPhoto(db: Db, row: Insertable<VisitPhotosTable>): Promise<void> {
  await db.insertInto('visit_photos').values(row).execute();
}

export function visitPhoto(db: Db, visitId: string, photoId: string) {
  return db
    .selectFrom('visit_photos')
    .select(['content_type', 'content'])
    .where('visit_id', '=', visitId)
    .where('id', '=', photoId)
    .executeTakeFirst();
}
