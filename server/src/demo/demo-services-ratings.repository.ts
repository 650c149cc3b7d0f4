import type { Insertable } from 'kysely';
import type { Db } from '../db/dialect';
import type { RatingFollowUpsTable, ServiceRatingsTable } from '../db/schema';
import { chunks } from '../platform/collections';

// The demo's 好差评 SQL: the delivered and closed requests to rate, who answers for them, the writes.

/** Delivered (or closed after delivery) requests without a rating, oldest first. */
export function demoRatableRequests(db: Db) {
  return db
    .selectFrom('proxy_requests')
    .select(['id', 'area_code', 'station_id', 'unit_id', 'agent_id', 'status', 'delivered_at', 'closed_at'])
    .where('status', 'in', ['delivered', 'closed'])
    .where('delivered_at', 'is not', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('service_ratings').select('id').whereRef('request_id', '=', 'proxy_requests.id'),
        ),
      ),
    )
    .orderBy('delivered_at')
    .orderBy('id')
    .execute();
}

/** The station heads and the units' staff, by unit: who answers a 差评 and asks for a review. */
export function demoAnswerers(db: Db) {
  return db
    .selectFrom('users')
    .select(['id', 'unit_id', 'role'])
    .where('role', 'in', ['station_head', 'department_staff', 'department_head'])
    .where('unit_id', 'is not', null)
    .orderBy('username')
    .execute();
}

/** A district account to decide the units' reviews. */
export function demoDistrictStaff(db: Db) {
  return db
    .selectFrom('users')
    .select('id')
    .where('role', 'in', ['district_staff', 'district_admin'])
    .orderBy('role', 'desc')
    .orderBy('username')
    .executeTakeFirst();
}

export async function insertDemoRatings(
  db: Db,
  ratings: Insertable<ServiceRatingsTable>[],
  followUps: Insertable<RatingFollowUpsTable>[],
): Promise<void> {
  for (const part of chunks(ratings, 200)) await db.insertInto('service_ratings').values(part).execute();
  for (const part of chunks(followUps, 200)) await db.insertInto('rating_follow_ups').values(part).execute();
}

/** Closes a delivered request rated in the demo (as rating closes it). */
export async function closeDemoRated(db: Db, id: string, at: string, purgeAfter: string): Promise<void> {
  await db
    .updateTable('proxy_requests')
    .set((eb) => ({
      status: 'closed',
      closed_at: at,
      papers_purge_after: purgeAfter,
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('status', '=', 'delivered')
    .execute();
}
