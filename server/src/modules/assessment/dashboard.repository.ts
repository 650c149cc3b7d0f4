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

/**
 * Appeals received in [from, to), counted in one pass per child area, China calendar month and
 * category, with the counts behind every rate; the dashboard folds them by each of the three.
 */
export async function appealCounts(db: Db, scope: AreaScope, digits: number, from: string, to: string) {
  const month = chinaMonthOf(db, 'received_at');
  const rows = await db
    .selectFrom('appeals')
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .where((eb) => inScope(eb, 'appeals.village_code', scope))
    .where('status', '!=', 'merged')
    .select([
      child('village_code', digits).as('child'),
      month.as('month'),
      'category_code',
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
    .groupBy([child('village_code', digits), month, 'category_code'])
    .execute();
  return rows.map((r) => ({
    child: r.child,
    month: r.month,
    category: r.category_code,
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

/** Active households per child area and tier, and how many of the priority ones have a helper. */
export async function householdsByChild(db: Db, scope: AreaScope, digits: number) {
  // Two passes: the counts read a covering index of every household; the paired ones are few.
  const [tiers, paired] = await Promise.all([
    db
      .selectFrom('households')
      .where('households.status', '=', 'active')
      .where((eb) => inScope(eb, 'households.area_code', scope))
      .select([
        child('households.area_code', digits).as('child'),
        sql<number>`count(*)`.as('households'),
        count(sql<boolean>`households.tier = 'stable'`).as('stable'),
        count(sql<boolean>`households.tier = 'watch'`).as('watch'),
        count(sql<boolean>`households.tier = 'priority'`).as('priority'),
      ])
      .groupBy(child('households.area_code', digits))
      .execute(),
    db
      .selectFrom('pairings')
      .innerJoin('households', 'households.id', 'pairings.household_id')
      .where('pairings.status', '=', 'active')
      .where('households.tier', '=', 'priority')
      .where('households.status', '=', 'active')
      .where((eb) => inScope(eb, 'households.area_code', scope))
      .select([child('households.area_code', digits).as('child'), sql<number>`count(*)`.as('n')])
      .groupBy(child('households.area_code', digits))
      .execute(),
  ]);
  const pairedBy = new Map(paired.map((p) => [p.child, Number(p.n)]));
  return tiers.map((r) => ({
    child: r.child,
    households: Number(r.households),
    stable: Number(r.stable),
    watch: Number(r.watch),
    priority: Number(r.priority),
    priorityPaired: pairedBy.get(r.child) ?? 0,
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
    // A CROSS JOIN keeps SQLite reading the period's tier changes first (few) rather than every
    // household of the area; PostgreSQL plans it as the inner join it is.
    .crossJoin('households')
    .whereRef('households.id', '=', 'tier_history.household_id')
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
