import { chinaDayStart, daysOfMonth, shiftMonth } from '@lianxin/common';
import { sql, type Transaction } from 'kysely';
import { chinaDayOf, chinaMonthOf, type Db, engineOf } from '../../../db/dialect';
import type { DB } from '../../../db/schema';
import { chunks } from '../../../platform/collections';
import { type AreaScope, inScope, scopeOf } from '../../../platform/scope';

// Grouped counts behind the dashboards. Each query groups by the child area a row falls in: the
// first `digits` digits of its area code (9 for towns, 12 for villages), padded like a code.

/** How many of the grouped rows meet a condition (0, not null, when none). */
export const countWhere = (condition: ReturnType<typeof sql<boolean>>) =>
  sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;

function child(column: string, digits: number) {
  return sql<string>`substr(${sql.ref(column)}, 1, ${sql.lit(digits)})`;
}

/** The counts behind every appeal rate, each a sum over the rows it groups. */
function appealFigures() {
  return [
    sql<number>`count(*)`.as('received'),
    countWhere(sql<boolean>`accepted_at is not null or status = 'returned'`).as('responded'),
    countWhere(sql<boolean>`resolved_at is not null`).as('resolved'),
    countWhere(sql<boolean>`resolved_at is not null and resolved_at <= resolution_due_at`).as('on_time'),
    countWhere(sql<boolean>`rating is not null`).as('rated'),
    countWhere(sql<boolean>`rating in ('satisfied', 'basically_satisfied')`).as('satisfied'),
    countWhere(sql<boolean>`resolved_level = 'village'`).as('at_village'),
    countWhere(sql<boolean>`resolved_level = 'town'`).as('at_town'),
    countWhere(sql<boolean>`max_level = 'district'`).as('to_district'),
    countWhere(sql<boolean>`max_level in ('town', 'district')`).as('to_town'),
  ] as const;
}

const figureColumns = [
  'received',
  'responded',
  'resolved',
  'on_time',
  'rated',
  'satisfied',
  'at_village',
  'at_town',
  'to_district',
  'to_town',
] as const;

type FigureRow = Record<(typeof figureColumns)[number], number | string | bigint>;

function figures(r: FigureRow) {
  return {
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
  };
}

/**
 * Appeals received in [from, to), counted from the appeals themselves in one pass per child
 * area, China calendar month and category; the dashboard folds them by each of the three.
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
      ...appealFigures(),
    ])
    .groupBy([child('village_code', digits), month, 'category_code'])
    .execute();
  return rows.map((r) => ({ child: r.child, month: r.month, category: r.category_code, ...figures(r) }));
}

/** Whole months ('YYYY-MM') or days ('YYYY-MM-DD') of the counted appeals. */
export type Grain = 'monthly' | 'daily';

/** The same counts from the counted appeals, per child area and month or day in [first, last]. */
export async function countedAppeals(
  db: Db,
  grain: Grain,
  scope: AreaScope,
  digits: number,
  first: string,
  last: string,
) {
  const rows = await db
    .selectFrom(grain === 'monthly' ? 'appeal_counts_monthly' : 'appeal_counts_daily')
    .where('period', '>=', first)
    .where('period', '<=', last)
    .where((eb) => inScope(eb, 'village_code', scope))
    .select([
      child('village_code', digits).as('child'),
      'period',
      ...figureColumns.map((c) => sql<number>`sum(${sql.ref(c)})`.as(c)),
    ])
    .groupBy([child('village_code', digits), 'period'])
    .execute();
  return rows.map((r) => ({ child: r.child, month: r.period.slice(0, 7), ...figures(r) }));
}

/** Appeals received per category in the months or days [first, last], in a town or the district. */
export async function countedCategories(db: Db, grain: Grain, scope: AreaScope, first: string, last: string) {
  const rows = await db
    .selectFrom(grain === 'monthly' ? 'appeal_categories_monthly' : 'appeal_categories_daily')
    .where('period', '>=', first)
    .where('period', '<=', last)
    .where((eb) => inScope(eb, 'town_prefix', scope))
    .select(['category_code', sql<number>`sum(received)`.as('received')])
    .groupBy('category_code')
    .execute();
  return rows.map((r) => ({ category: r.category_code, received: Number(r.received) }));
}

/** Active households per child area and tier, and how many of the priority ones have a helper. */
export async function householdsByChild(db: Db, scope: AreaScope, digits: number) {
  const rows = await db
    .selectFrom('household_counts')
    .where((eb) => inScope(eb, 'area_code', scope))
    .select([
      child('area_code', digits).as('child'),
      sql<number>`sum(stable)`.as('stable'),
      sql<number>`sum(watch)`.as('watch'),
      sql<number>`sum(priority)`.as('priority'),
      sql<number>`sum(priority_paired)`.as('priority_paired'),
    ])
    .groupBy(child('area_code', digits))
    .execute();
  return rows.map((r) => ({
    child: r.child,
    households: Number(r.stable) + Number(r.watch) + Number(r.priority),
    stable: Number(r.stable),
    watch: Number(r.watch),
    priority: Number(r.priority),
    priorityPaired: Number(r.priority_paired),
  }));
}

/** Notes recounted per transaction: a first count of a district's data takes several. */
const NOTES_PER_PASS = 20_000;
/** Keys per `in (…)` list. */
const KEYS_PER_STATEMENT = 500;
/** Serializes recounts across PostgreSQL connections (two would insert the same keys). */
const RECOUNT_LOCK = 72_041_122;

function monthBounds(month: string): [string, string] {
  return [
    chinaDayStart(`${month}-01`).toISOString(),
    chinaDayStart(`${shiftMonth(month, 1)}-01`).toISOString(),
  ];
}

/**
 * Counts again the appeals a month received in some villages, by month and by day, and the
 * categories of those villages' towns.
 */
async function recountAppealMonth(db: Db, month: string, villages: readonly string[]) {
  const [from, to] = monthBounds(month);
  const day = chinaDayOf(db, 'received_at');
  // The month's kept rows, and the periods to delete them by: the days are listed rather than a
  // range, so a delete seeks (day, key) instead of reading the whole month.
  const grains = [
    {
      counts: 'appeal_counts_monthly',
      categories: 'appeal_categories_monthly',
      periods: [month],
      period: null,
    },
    {
      counts: 'appeal_counts_daily',
      categories: 'appeal_categories_daily',
      periods: daysOfMonth(month),
      period: day,
    },
  ] as const;
  const ofMonth = appealsOf(db).where('received_at', '>=', from).where('received_at', '<', to);
  for (const part of chunks(villages, KEYS_PER_STATEMENT)) {
    const appeals = ofMonth.where('village_code', 'in', part);
    for (const grain of grains) {
      await db
        .deleteFrom(grain.counts)
        .where('period', 'in', grain.periods)
        .where('village_code', 'in', part)
        .execute();
      await db
        .insertInto(grain.counts)
        .columns(['period', 'village_code', ...figureColumns])
        .expression(
          appeals
            .select([(grain.period ?? sql.val(month)).as('period'), 'village_code', ...appealFigures()])
            .groupBy(grain.period ? [grain.period, 'village_code'] : ['village_code']),
        )
        .execute();
    }
  }
  for (const town of new Set(villages.map((v) => v.slice(0, 9)))) {
    // The town's appeals through its area codes: an index lookup per village, not the month's scan.
    const scope = scopeOf({ code: `${town}000`, kind: 'town' });
    const appeals = ofMonth.where('village_code', 'in', (eb) =>
      eb
        .selectFrom('areas')
        .select('code')
        .where((inner) => inScope(inner, 'code', scope)),
    );
    for (const grain of grains) {
      await db
        .deleteFrom(grain.categories)
        .where('period', 'in', grain.periods)
        .where('town_prefix', '=', town)
        .execute();
      await db
        .insertInto(grain.categories)
        .columns(['period', 'town_prefix', 'category_code', 'received'])
        .expression(
          appeals
            .select([
              (grain.period ?? sql.val(month)).as('period'),
              sql.val(town).as('town_prefix'),
              'category_code',
              sql<number>`count(*)`.as('n'),
            ])
            .groupBy(grain.period ? [grain.period, 'category_code'] : ['category_code']),
        )
        .execute();
    }
  }
}

/** Appeals as the dashboards count them: every one but those merged into another. */
function appealsOf(db: Db) {
  return db.selectFrom('appeals').where('status', '!=', 'merged');
}

async function recountHouseholds(db: Db, areas: readonly string[]) {
  for (const part of chunks(areas, KEYS_PER_STATEMENT)) {
    await db.deleteFrom('household_counts').where('area_code', 'in', part).execute();
    await db
      .insertInto('household_counts')
      .columns(['area_code', 'stable', 'watch', 'priority', 'priority_paired'])
      .expression(
        db
          .selectFrom('households')
          .leftJoin('pairings', (join) =>
            join.onRef('pairings.household_id', '=', 'households.id').on('pairings.status', '=', 'active'),
          )
          .where('households.status', '=', 'active')
          .where('households.area_code', 'in', part)
          .select([
            'households.area_code',
            countWhere(sql<boolean>`households.tier = 'stable'`).as('stable'),
            countWhere(sql<boolean>`households.tier = 'watch'`).as('watch'),
            countWhere(sql<boolean>`households.tier = 'priority'`).as('priority'),
            countWhere(sql<boolean>`households.tier = 'priority' and pairings.id is not null`).as(
              'priority_paired',
            ),
          ])
          .groupBy('households.area_code'),
      )
      .execute();
  }
}

/**
 * Recounts one pass of noted changes, in the caller's transaction (on PostgreSQL one recount at
 * a time); true when more notes may be waiting.
 */
export async function recountNotedChanges(trx: Transaction<DB>): Promise<boolean> {
  if (engineOf(trx) === 'postgres') await sql`select pg_advisory_xact_lock(${RECOUNT_LOCK})`.execute(trx);
  const notes = await trx
    .selectFrom('dashboard_changes')
    .select(['id', 'subject', 'area_code', 'month'])
    .orderBy('id')
    .limit(NOTES_PER_PASS)
    .execute();
  if (notes.length === 0) return false;
  const months = new Map<string, Set<string>>();
  const areas = new Set<string>();
  for (const note of notes) {
    if (note.subject === 'households') areas.add(note.area_code);
    else if (note.month) months.set(note.month, (months.get(note.month) ?? new Set()).add(note.area_code));
  }
  for (const [month, villages] of months) await recountAppealMonth(trx, month, [...villages]);
  await recountHouseholds(trx, [...areas]);
  // Only the notes read: one written meanwhile waits for the next recount.
  for (const part of chunks(notes, KEYS_PER_STATEMENT)) {
    const ids = part.map((note) => note.id);
    await trx.deleteFrom('dashboard_changes').where('id', 'in', ids).execute();
  }
  return notes.length === NOTES_PER_PASS;
}

/** Parts a district's or town's pairings are counted in at once on PostgreSQL (one per core and more). */
const PAIRING_PARTS = 4;

/**
 * Active pairings per child area, and how many of their households were visited in the period:
 * one visit lookup per pairing, the dashboard's costliest count. On PostgreSQL the area's codes
 * are cut at child boundaries (`childCodes`, in order) into a few ranges counted at once on
 * separate connections; every pairing of the area falls in exactly one range.
 */
export async function pairedVisitedByChild(
  db: Db,
  scope: AreaScope,
  digits: number,
  from: string,
  to: string,
  childCodes: readonly string[] = [],
) {
  const parts = engineOf(db) === 'postgres' ? Math.min(PAIRING_PARTS, childCodes.length) : 1;
  const cuts = Array.from({ length: parts - 1 }, (_, i) =>
    (childCodes[Math.floor(((i + 1) * childCodes.length) / parts)] ?? '').slice(0, digits),
  );
  const ranges = [null, ...cuts].map((lower, i) => [lower, cuts[i] ?? null] as const);
  const counted = await Promise.all(
    ranges.map(([lower, upper]) =>
      db
        .selectFrom('pairings')
        .where((eb) => inScope(eb, 'pairings.area_code', scope))
        .$if(lower !== null, (qb) => qb.where('pairings.area_code', '>=', lower ?? ''))
        .$if(upper !== null, (qb) => qb.where('pairings.area_code', '<', upper ?? ''))
        .where('pairings.status', '=', 'active')
        .select([
          child('pairings.area_code', digits).as('child'),
          sql<number>`count(*)`.as('paired'),
          countWhere(
            sql<boolean>`exists (select 1 from visits v where v.household_id = pairings.household_id and v.date >= ${from} and v.date <= ${to})`,
          ).as('visited'),
        ])
        .groupBy(child('pairings.area_code', digits))
        .execute(),
    ),
  );
  return counted
    .flat()
    .map((r) => ({ child: r.child, paired: Number(r.paired), visited: Number(r.visited) }));
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
    // Households, not tier changes: one that left twice in the period counts once, as it is listed.
    .select([
      child('households.area_code', digits).as('child'),
      sql<number>`count(distinct households.id)`.as('n'),
    ])
    .groupBy(child('households.area_code', digits))
    .execute();
  return rows.map((r) => ({ child: r.child, count: Number(r.n) }));
}
