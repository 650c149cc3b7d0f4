import { sql } from 'kysely';
import { chinaMonthOf, type Db } from '../../db/dialect';
import { type AreaScope, inScope } from '../../platform/scope';

// Grouped counts behind the dashboards. Each query groups by the child area a row falls in: the
// first `digits` digits of its area code (9 for towns, 12 for villages), padded like a code.

const count = (condition: ReturnType<typeof sql<boolean>>) =>
  sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;

function child(column: string, digits: number) {
  return sql<string>`substr(${sql.ref(column)}, 1, ${sql.lit(digits)})`;
}

/** Appeals received in [from, to) per child area, with the counts behind every rate. */
export async function appealCountsByChild(
  db: Db,
  scope: AreaScope,
  digits: number,
  from: string,
  to: string,
) {
  const rows = await db
    .selectFrom('appeals')
    .where((eb) => inScope(eb, 'appeals.village_code', scope))
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .where('status', '!=', 'merged')
    .select([
      child('village_code', digits).as('child'),
      sql<number>`count(*)`.as('received'),
      count(sql<boolean>`accepted_at is not null or status = 'returned'`).as('responded'),
      count(sql<boolean>`resolved_at is not null`).as('resolved'),
      count(sql<boolean>`resolved_at is not null and resolved_at <= resolution_due_at`).as('on_time'),
      count(sql<boolean>`rating is not null`).as('rated'),
      count(sql<boolean>`rating in ('satisfied', 'basically_satisfied')`).as('satisfied'),
      count(sql<boolean>`resolved_level = 'village'`).as('at_village'),
      count(sql<boolean>`resolved_level = 'town'`).as('at_town'),
      count(sql<boolean>`max_level = 'district'`).as('to_district'),
      count(sql<boolean>`max_level in ('town', 'district')`).as('to_town'),
    ])
    .groupBy(child('village_code', digits))
    .execute();
  return rows.map((r) => ({
    child: r.child,
    received: Number(r.received),
    responded: Number(r.responded),
    resolved: Number(r.resolved),
    onTime: Number(r.on_time),
    rated: Number(r.rated),
    satisfied: Number(r.satisfied),
    atVillage: Number(r.at_village),
    atTown: Number(r.at_town),
    toDistrict: Number(r.to_district),
    toTown: Number(r.to_town),
  }));
}

export async function appealsByMonth(db: Db, scope: AreaScope, from: string, to: string) {
  const month = chinaMonthOf(db, 'received_at');
  const rows = await db
    .selectFrom('appeals')
    .where((eb) => inScope(eb, 'appeals.village_code', scope))
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .where('status', '!=', 'merged')
    .select([
      month.as('month'),
      sql<number>`count(*)`.as('received'),
      count(sql<boolean>`resolved_at is not null`).as('resolved'),
      count(sql<boolean>`rating is not null`).as('rated'),
      count(sql<boolean>`rating in ('satisfied', 'basically_satisfied')`).as('satisfied'),
    ])
    .groupBy(month)
    .orderBy(month)
    .execute();
  return rows.map((r) => ({
    month: r.month,
    received: Number(r.received),
    resolved: Number(r.resolved),
    rated: Number(r.rated),
    satisfied: Number(r.satisfied),
  }));
}

export async function appealsByCategory(db: Db, scope: AreaScope, from: string, to: string) {
  const rows = await db
    .selectFrom('appeals')
    .where((eb) => inScope(eb, 'appeals.village_code', scope))
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .where('status', '!=', 'merged')
    .select(['category_code', sql<number>`count(*)`.as('received')])
    .groupBy('category_code')
    .orderBy(sql`count(*)`, 'desc')
    .execute();
  return rows.map((r) => ({ code: r.category_code, received: Number(r.received) }));
}

/** Active households per child area and tier, and how many of the priority ones have a helper. */
export async function householdsByChild(db: Db, scope: AreaScope, digits: number) {
  const rows = await db
    .selectFrom('households')
    .where((eb) => inScope(eb, 'households.area_code', scope))
    .where('households.status', '=', 'active')
    .select([
      child('households.area_code', digits).as('child'),
      sql<number>`count(*)`.as('households'),
      count(sql<boolean>`households.tier = 'stable'`).as('stable'),
      count(sql<boolean>`households.tier = 'watch'`).as('watch'),
      count(sql<boolean>`households.tier = 'priority'`).as('priority'),
      count(
        sql<boolean>`households.tier = 'priority' and exists (select 1 from pairings p where p.household_id = households.id and p.status = 'active')`,
      ).as('priority_paired'),
    ])
    .groupBy(child('households.area_code', digits))
    .execute();
  return rows.map((r) => ({
    child: r.child,
    households: Number(r.households),
    stable: Number(r.stable),
    watch: Number(r.watch),
    priority: Number(r.priority),
    priorityPaired: Number(r.priority_paired),
  }));
}

/** Active pairings per child area, and how many of their households were visited in the period. */
export async function pairedVisitedByChild(
  db: Db,
  scope: AreaScope,
  digits: number,
  from: string,
  to: string,
) {
  const rows = await db
    .selectFrom('pairings')
    .where((eb) => inScope(eb, 'pairings.area_code', scope))
    .where('pairings.status', '=', 'active')
    .select([
      child('pairings.area_code', digits).as('child'),
      sql<number>`count(*)`.as('paired'),
      count(
        sql<boolean>`exists (select 1 from visits v where v.household_id = pairings.household_id and v.date >= ${from} and v.date <= ${to})`,
      ).as('visited'),
    ])
    .groupBy(child('pairings.area_code', digits))
    .execute();
  return rows.map((r) => ({ child: r.child, paired: Number(r.paired), visited: Number(r.visited) }));
}

/** Households moved out of the priority tier in [from, to), per child area. */
export async function leftPriorityByChild(
  db: Db,
  scope: AreaScope,
  digits: number,
  from: string,
  to: string,
) {
  const rows = await db
    .selectFrom('tier_history')
    .innerJoin('households', 'households.id', 'tier_history.household_id')
    .where((eb) => inScope(eb, 'households.area_code', scope))
    .where('tier_history.from_tier', '=', 'priority')
    .where('tier_history.to_tier', '!=', 'priority')
    .where('tier_history.at', '>=', from)
    .where('tier_history.at', '<', to)
    .select([child('households.area_code', digits).as('child'), sql<number>`count(*)`.as('n')])
    .groupBy(child('households.area_code', digits))
    .execute();
  return rows.map((r) => ({ child: r.child, count: Number(r.n) }));
}
