import { sql } from 'kysely';
import type { Db } from '../../db/dialect';
import { type AreaScope, inScope } from '../../platform/scope';

// Counts of village democracy per child area (the first `digits` digits of a village's code): matters
// closed through the full 4+2, open and stuck matters, meetings held and adjourned for want of a quorum.

const childOf = (column: string, digits: number) =>
  sql<string>`substr(${sql.ref(column)}, 1, ${sql.lit(digits)})`;

/**
 * Matters closed in [from, to) per child, and of them those through the full 4+2: no deliberation
 * skipped (a decided meeting took each step) and both publicities made (a matter closes only then).
 */
export async function closedMattersByChild(
  db: Db,
  scope: AreaScope,
  digits: number,
  from: string,
  to: string,
) {
  const rows = await db
    .selectFrom('matters')
    .where((eb) => inScope(eb, 'matters.village_code', scope))
    .where('matters.status', '=', 'closed')
    .where('matters.closed_at', '>=', from)
    .where('matters.closed_at', '<', to)
    .select([
      childOf('matters.village_code', digits).as('child'),
      sql<number>`count(*)`.as('closed'),
      sql<number>`sum(case when matters.skipped_steps = '[]' then 1 else 0 end)`.as('full'),
    ])
    .groupBy(childOf('matters.village_code', digits))
    .execute();
  return rows.map((r) => ({ child: r.child, closed: Number(r.closed), full: Number(r.full ?? 0) }));
}

/** Matters open now per child, and of them those unchanged since `stuckBefore`. */
export async function openMattersByChild(db: Db, scope: AreaScope, digits: number, stuckBefore: string) {
  const rows = await db
    .selectFrom('matters')
    .where((eb) => inScope(eb, 'matters.village_code', scope))
    .where('matters.status', 'not in', ['closed', 'rejected', 'withdrawn'])
    .select([
      childOf('matters.village_code', digits).as('child'),
      sql<number>`count(*)`.as('open'),
      sql<number>`sum(case when matters.updated_at < ${stuckBefore} then 1 else 0 end)`.as('stuck'),
    ])
    .groupBy(childOf('matters.village_code', digits))
    .execute();
  return rows.map((r) => ({ child: r.child, open: Number(r.open), stuck: Number(r.stuck ?? 0) }));
}

/** Meetings whose outcome was recorded in [from, to) per child, and of them adjourned (流会). */
export async function meetingsByChild(db: Db, scope: AreaScope, digits: number, from: string, to: string) {
  const rows = await db
    .selectFrom('meetings')
    .where((eb) => inScope(eb, 'meetings.village_code', scope))
    .where('meetings.status', '=', 'decided')
    .where('meetings.decided_at', '>=', from)
    .where('meetings.decided_at', '<', to)
    .select([
      childOf('meetings.village_code', digits).as('child'),
      sql<number>`count(*)`.as('held'),
      sql<number>`sum(case when meetings.outcome = 'adjourned' then 1 else 0 end)`.as('adjourned'),
    ])
    .groupBy(childOf('meetings.village_code', digits))
    .execute();
  return rows.map((r) => ({ child: r.child, held: Number(r.held), adjourned: Number(r.adjourned ?? 0) }));
}

/** The child areas of an area (towns of the district, villages of a town), in code order. */
export function childAreas(db: Db, parentCode: string) {
  return db
    .selectFrom('areas')
    .select(['code', 'name'])
    .where('parent_code', '=', parentCode)
    .orderBy('code')
    .execute();
}
