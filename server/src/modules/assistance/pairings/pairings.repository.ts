import type { Expression, ExpressionBuilder, Insertable, SqlBool } from 'kysely';
import { type Db, isUniqueViolation } from '../../../db/dialect';
import type { DB, PairingsTable } from '../../../db/schema';
import { type AreaScope, inScope } from '../../../platform/scope';
import { lastVisit } from '../cadres.repository';

function pairingRows(db: Db, scope: AreaScope) {
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

export type PairingRow = Awaited<ReturnType<ReturnType<typeof pairingRows>['execute']>>[number];

/** A pairing of `scope` by id, with its household, village, cadre and last visit. */
export function pairingRow(db: Db, scope: AreaScope, id: string): Promise<PairingRow | undefined> {
  return pairingRows(db, scope).where('pairings.id', '=', id).executeTakeFirst();
}

/** Every active pairing of `scope`. */
export function activePairings(db: Db, scope: AreaScope): Promise<PairingRow[]> {
  return pairingRows(db, scope).where('pairings.status', '=', 'active').execute();
}

export interface PairingFilter {
  status: 'active' | 'ended';
  cadreId?: string | undefined;
  householdId?: string | undefined;
  /** Only pairings whose household has left the priority tier since the last review. */
  needsReview?: boolean;
  /** Whose household was (or was not) visited between two China calendar days, inclusive. */
  visited?: { yes: boolean; from?: string | undefined; to?: string | undefined };
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

/** Active priority households in scope with no active pairing, by village and number. */
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
    )
    .orderBy('households.village_code')
    .orderBy('households.number')
    .execute();
}

/** Stores a pairing; false when the household already has an active one. */
export async function insertPairing(db: Db, row: Insertable<PairingsTable>): Promise<boolean> {
  try {
    await db.insertInto('pairings').values(row).execute();
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

/** Changes a pairing at the version the caller read; false when it has moved on since. */
export async function updatePairing(
  db: Db,
  id: string,
  version: number,
  patch: {
    status?: 'ended';
    end_date?: string;
    end_reason?: string;
    reviewed_tier?: 'stable' | 'watch' | 'priority' | null;
  },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('pairings')
    .set({ ...patch, version: version + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
