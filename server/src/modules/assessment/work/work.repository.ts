import { chinaDayStart, type Tier } from '@lianxin/common';
import { sql } from 'kysely';
import type { Db } from '../../../db/dialect';
import { chunks } from '../../../platform/collections';
import { type AreaScope, inScope } from '../../../platform/scope';
import { countWhere } from '../dashboard/dashboard.repository';

// The records behind each cadre's figures for a period, counted per cadre in one pass each: the
// dashboards' table of cadres and the annual assessment read the same counts.

const DAY = 86_400_000;
const IDS_PER_STATEMENT = 500;

/** China calendar days, inclusive. */
export interface Period {
  from: string;
  to: string;
}

export interface CadreCounts {
  handled: number;
  resolved: number;
  onTime: number;
  rated: number;
  satisfied: number;
  paired: number;
  pairedVisited: number;
  visits: number;
  villageDays: number;
  helperRated: number;
  helperSatisfied: number;
}

export const noCounts = (): CadreCounts => ({
  handled: 0,
  resolved: 0,
  onTime: 0,
  rated: 0,
  satisfied: 0,
  paired: 0,
  pairedVisited: 0,
  visits: 0,
  villageDays: 0,
  helperRated: 0,
  helperSatisfied: 0,
});

/** Accounts that may be paired with households, inside an area, with their area's name. */
export function pairableCadres(db: Db, scope: AreaScope) {
  return db
    .selectFrom('users')
    .innerJoin('areas', 'areas.code', 'users.area_code')
    .where('users.disabled_at', 'is', null)
    .where('users.role', 'in', [
      'district_admin',
      'district_staff',
      'town_head',
      'town_staff',
      'village_cadre',
    ])
    .where((eb) => inScope(eb, 'users.area_code', scope))
    .select([
      'users.id',
      'users.name',
      'users.role',
      'users.rank',
      'users.area_code',
      'areas.name as area_name',
    ])
    .orderBy('users.area_code')
    .orderBy('users.name')
    .execute();
}

/**
 * Each cadre's counts for a period: appeals received in it that they handle, their active
 * pairings and those visited in it, their visits and village days in it, and the ratings
 * households gave them in it. `cadreIds` null counts every cadre.
 */
export async function cadreCounts(
  db: Db,
  period: Period,
  cadreIds: readonly string[] | null,
): Promise<Map<string, CadreCounts>> {
  const fromTs = chinaDayStart(period.from).toISOString();
  const toTs = new Date(chinaDayStart(period.to).getTime() + DAY).toISOString();
  const parts: (readonly string[] | null)[] =
    cadreIds === null ? [null] : chunks(cadreIds, IDS_PER_STATEMENT);
  const counts = new Map<string, CadreCounts>();
  const add = (id: string | null, values: Partial<CadreCounts>) => {
    if (id === null) return;
    const c = counts.get(id) ?? noCounts();
    for (const [k, v] of Object.entries(values)) c[k as keyof CadreCounts] += Number(v);
    counts.set(id, c);
  };
  for (const ids of parts) {
    if (ids !== null && ids.length === 0) continue;
    const [appeals, pairings, visits, ratings] = await Promise.all([
      db
        .selectFrom('appeals')
        .where('received_at', '>=', fromTs)
        .where('received_at', '<', toTs)
        .where('status', '!=', 'merged')
        .$if(ids === null, (qb) => qb.where('handler_id', 'is not', null))
        .$if(ids !== null, (qb) => qb.where('handler_id', 'in', ids ?? []))
        .select([
          'handler_id as cadre',
          sql<number>`count(*)`.as('handled'),
          countWhere(sql<boolean>`resolved_at is not null`).as('resolved'),
          countWhere(sql<boolean>`resolved_at is not null and resolved_at <= resolution_due_at`).as('onTime'),
          countWhere(sql<boolean>`rating is not null`).as('rated'),
          countWhere(sql<boolean>`rating in ('satisfied', 'basically_satisfied')`).as('satisfied'),
        ])
        .groupBy('handler_id')
        .execute(),
      db
        .selectFrom('pairings')
        .where('status', '=', 'active')
        .$if(ids !== null, (qb) => qb.where('cadre_id', 'in', ids ?? []))
        .select([
          'cadre_id as cadre',
          sql<number>`count(*)`.as('paired'),
          countWhere(
            sql<boolean>`exists (select 1 from visits v where v.household_id = pairings.household_id and v.date >= ${period.from} and v.date <= ${period.to})`,
          ).as('pairedVisited'),
        ])
        .groupBy('cadre_id')
        .execute(),
      db
        .selectFrom('visit_cadres')
        .where('date', '>=', period.from)
        .where('date', '<=', period.to)
        .$if(ids !== null, (qb) => qb.where('cadre_id', 'in', ids ?? []))
        .select((eb) => [
          'cadre_id as cadre',
          eb.fn.count<number>('visit_id').distinct().as('visits'),
          eb.fn.count<number>('date').distinct().as('villageDays'),
        ])
        .groupBy('cadre_id')
        .execute(),
      db
        .selectFrom('helper_ratings')
        .where('created_at', '>=', fromTs)
        .where('created_at', '<', toTs)
        .$if(ids !== null, (qb) => qb.where('cadre_id', 'in', ids ?? []))
        .select([
          'cadre_id as cadre',
          sql<number>`count(*)`.as('helperRated'),
          countWhere(sql<boolean>`rating in ('satisfied', 'basically_satisfied')`).as('helperSatisfied'),
        ])
        .groupBy('cadre_id')
        .execute(),
    ]);
    for (const { cadre, ...values } of [...appeals, ...pairings, ...visits, ...ratings]) add(cadre, values);
  }
  return counts;
}

/** Per-cadre minimum quotas set by hand (the rest follow the settings of their group). */
export async function quotaMinimums(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('cadre_quotas').select(['user_id', 'min']).execute();
  return new Map(rows.map((q) => [q.user_id, q.min]));
}

/**
 * Active households of an area per tier, and how many had a visit within their tier's interval
 * before the end of `to` (the interval's days counted back from `to`, both ends included).
 */
export async function visitCoverageByTier(
  db: Db,
  scope: AreaScope,
  to: string,
  everyDays: Record<Tier, number>,
) {
  const since = (tier: Tier) =>
    new Date(Date.parse(`${to}T00:00:00.000Z`) - (everyDays[tier] - 1) * DAY).toISOString().slice(0, 10);
  const visitedWithin = (tier: Tier) =>
    countWhere(
      sql<boolean>`households.tier = ${tier} and exists (select 1 from visits v where v.household_id = households.id and v.date >= ${since(tier)} and v.date <= ${to})`,
    );
  const rows = await db
    .selectFrom('households')
    .where('households.status', '=', 'active')
    .where((eb) => inScope(eb, 'households.area_code', scope))
    .select([
      'households.tier',
      sql<number>`count(*)`.as('households'),
      visitedWithin('priority').as('priority'),
      visitedWithin('watch').as('watch'),
      visitedWithin('stable').as('stable'),
    ])
    .groupBy('households.tier')
    .execute();
  return rows.map((r) => ({
    tier: r.tier,
    households: Number(r.households),
    visited: Number(r.priority) + Number(r.watch) + Number(r.stable),
  }));
}
