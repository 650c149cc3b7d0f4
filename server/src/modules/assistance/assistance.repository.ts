import { hasPermission, type Role, roles } from '@lianxin/common';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Db } from '../../db/dialect';
import type { DB, PairingsTable } from '../../db/schema';
import { type AreaScope, inScope } from '../../platform/scope';

/** Roles whose accounts help households: they may be paired and record visits. */
export const helperRoles: Role[] = roles.filter((role) => hasPermission(role, 'assistance.visit'));

export interface CadreRow {
  id: string;
  name: string;
  role: string;
  rank: string | null;
  area_code: string;
  area_name: string;
  area_kind: 'district' | 'town' | 'village' | 'group';
  disabled_at: string | null;
  quota_min: number | null;
  quota_max: number | null;
}

export function cadres(db: Db) {
  return db
    .selectFrom('users')
    .innerJoin('areas', 'areas.code', 'users.area_code')
    .leftJoin('cadre_quotas', 'cadre_quotas.user_id', 'users.id')
    .select([
      'users.id',
      'users.name',
      'users.role',
      'users.rank',
      'users.area_code',
      'areas.name as area_name',
      'areas.kind as area_kind',
      'users.disabled_at',
      'cadre_quotas.min as quota_min',
      'cadre_quotas.max as quota_max',
    ])
    .where('users.role', 'in', helperRoles);
}

export async function activeCounts(db: Db, cadreIds: string[]): Promise<Map<string, number>> {
  if (cadreIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('pairings')
    .select(['cadre_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'active')
    .where('cadre_id', 'in', cadreIds)
    .groupBy('cadre_id')
    .execute();
  return new Map(rows.map((r) => [r.cadre_id, Number(r.n)]));
}

/** The date of the latest visit to a pairing's household, as a column of a pairings query. */
export const lastVisit = (eb: ExpressionBuilder<DB & { pairings: PairingsTable }, 'pairings'>) =>
  eb
    .selectFrom('visits')
    .select((v) => v.fn.max('visits.date').as('d'))
    .whereRef('visits.household_id', '=', 'pairings.household_id')
    .as('last_visit');

export type PairingRow = Awaited<ReturnType<ReturnType<typeof pairingRows>['execute']>>[number];

export function pairingRows(db: Db, scope: AreaScope) {
  return db
    .selectFrom('pairings')
    .innerJoin('households', 'households.id', 'pairings.household_id')
    .innerJoin('areas as village', 'village.code', 'pairings.village_code')
    .innerJoin('users as cadre', 'cadre.id', 'pairings.cadre_id')
    .leftJoin('residents as head', 'head.id', 'households.head_resident_id')
    .select([
      'pairings.id',
      'pairings.household_id',
      'pairings.cadre_id',
      'pairings.village_code',
      'pairings.start_date',
      'pairings.end_date',
      'pairings.reason',
      'pairings.status',
      'pairings.reviewed_tier',
      'pairings.version',
      'households.number',
      'households.tier',
      'head.name as head_name',
      'village.name as village_name',
      'cadre.name as cadre_name',
      lastVisit,
    ])
    .where((eb) => inScope(eb, 'pairings.area_code', scope));
}

export interface PairingFilter {
  status: 'active' | 'ended';
  cadreId?: string;
  householdId?: string;
  /** Only pairings whose household has left the priority tier since the last review. */
  needsReview?: boolean;
  /** Whose household was (or was not) visited between two China calendar days, inclusive. */
  visited?: { yes: boolean; from?: string; to?: string };
}

/** The conditions of a filter on a pairing and its household. */
function pairingMatches(filter: PairingFilter) {
  const { visited } = filter;
  return (eb: ExpressionBuilder<DB, 'pairings' | 'households'>) => {
    const conditions: Expression<SqlBool>[] = [eb('pairings.status', '=', filter.status)];
    if (filter.cadreId !== undefined) conditions.push(eb('pairings.cadre_id', '=', filter.cadreId));
    if (filter.householdId !== undefined)
      conditions.push(eb('pairings.household_id', '=', filter.householdId));
    if (filter.needsReview)
      conditions.push(eb('pairings.reviewed_tier', '=', 'priority'), eb('households.tier', '!=', 'priority'));
    if (visited !== undefined) {
      // Any visit to the household, by anyone, as the dashboard counts it.
      const any = eb.exists(
        eb
          .selectFrom('visits')
          .select('visits.id')
          .whereRef('visits.household_id', '=', 'pairings.household_id')
          .$if(visited.from !== undefined, (sub) => sub.where('visits.date', '>=', visited.from ?? ''))
          .$if(visited.to !== undefined, (sub) => sub.where('visits.date', '<=', visited.to ?? '')),
      );
      conditions.push(visited.yes ? any : eb.not(any));
    }
    return eb.and(conditions);
  };
}

function matching(db: Db, scope: AreaScope, filter: PairingFilter) {
  return db
    .selectFrom('pairings')
    .innerJoin('households', 'households.id', 'pairings.household_id')
    .where((eb) => inScope(eb, 'pairings.area_code', scope))
    .where(pairingMatches(filter));
}

/**
 * A page of the pairings of a subtree that a filter selects, by village and household number,
 * with what the list shows of each. The page is chosen first, so that names and the last visit
 * are read for its rows only (a district has tens of thousands of pairings).
 */
export async function listMatchingPairings(db: Db, scope: AreaScope, filter: PairingFilter, limit: number) {
  const page = matching(db, scope, filter)
    .select('pairings.id')
    .orderBy('pairings.village_code')
    .orderBy('households.number')
    .orderBy('pairings.id')
    .limit(limit);
  return pairingRows(db, scope)
    .where('pairings.id', 'in', page)
    .orderBy('pairings.village_code')
    .orderBy('households.number')
    .orderBy('pairings.id')
    .execute();
}

/** How many pairings a filter selects. */
export async function countPairings(db: Db, scope: AreaScope, filter: PairingFilter): Promise<number> {
  const row = await matching(db, scope, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Active priority households in scope with no active pairing. */
export function unpairedPriority(db: Db, scope: AreaScope) {
  return db
    .selectFrom('households')
    .innerJoin('areas as village', 'village.code', 'households.village_code')
    .leftJoin('residents as head', 'head.id', 'households.head_resident_id')
    .select([
      'households.id',
      'households.number',
      'households.village_code',
      'village.name as village_name',
      'head.name as head_name',
    ])
    .where('households.status', '=', 'active')
    .where('households.tier', '=', 'priority')
    .where((eb) => inScope(eb, 'households.area_code', scope))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('pairings')
            .select('pairings.id')
            .whereRef('pairings.household_id', '=', 'households.id')
            .where('pairings.status', '=', 'active'),
        ),
      ),
    );
}

export function visitRows(db: Db, scope: AreaScope) {
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

export function measureRows(db: Db, scope: AreaScope) {
  return db
    .selectFrom('help_measures')
    .innerJoin('households', 'households.id', 'help_measures.household_id')
    .innerJoin('users', 'users.id', 'help_measures.cadre_id')
    .selectAll('help_measures')
    .select(['households.number as household_number', 'users.name as cadre_name'])
    .where((eb) => inScope(eb, 'help_measures.area_code', scope));
}
