import type { Db } from '../../../db/dialect';
import { type AreaScope, inScope } from '../../../platform/scope';

function contactPointRows(db: Db, scope: AreaScope) {
  return db
    .selectFrom('contact_points')
    .innerJoin('users', 'users.id', 'contact_points.leader_id')
    .innerJoin('areas', 'areas.code', 'contact_points.village_code')
    .select([
      'contact_points.id',
      'contact_points.leader_id',
      'users.name as leader_name',
      'contact_points.village_code',
      'areas.name as village_name',
      'contact_points.start_date',
      'contact_points.end_date',
    ])
    .where((eb) => inScope(eb, 'contact_points.village_code', scope));
}

export type ContactPointRow = Awaited<ReturnType<ReturnType<typeof contactPointRows>['execute']>>[number];

/** The latest contact points of villages in `scope`, the most recently begun first. */
export function latestContactPoints(db: Db, scope: AreaScope, limit: number): Promise<ContactPointRow[]> {
  return contactPointRows(db, scope).orderBy('contact_points.start_date', 'desc').limit(limit).execute();
}

export function contactPointRow(db: Db, scope: AreaScope, id: string): Promise<ContactPointRow | undefined> {
  return contactPointRows(db, scope).where('contact_points.id', '=', id).executeTakeFirst();
}

/** Which leader answers for which village of `scope` on a day. */
export function contactPointsOn(db: Db, scope: AreaScope, day: string) {
  return db
    .selectFrom('contact_points')
    .select(['leader_id', 'village_code'])
    .where((eb) => inScope(eb, 'contact_points.village_code', scope))
    .where('start_date', '<=', day)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', day)]))
    .execute();
}

export async function insertContactPoint(
  db: Db,
  row: {
    id: string;
    leader_id: string;
    village_code: string;
    start_date: string;
    end_date: string | null;
    created_by: string;
    created_at: string;
  },
): Promise<void> {
  await db.insertInto('contact_points').values(row).execute();
}

/** Sets the last day of a contact point; false when there is none by that id. */
export async function setContactPointEnd(db: Db, id: string, endDate: string): Promise<boolean> {
  const result = await db
    .updateTable('contact_points')
    .set({ end_date: endDate })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
