import { hasPermission, type Role, roles } from '@lianxin/common';
import type { ExpressionBuilder } from 'kysely';
import { type Db, supportsRowLocks } from '../../db/dialect';
import type { DB, PairingsTable } from '../../db/schema';
import { type AreaScope, inScope } from '../../platform/scope';

// The helping cadres (accounts that may be paired and record visits), shared by the resources
// of the assistance module.

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

function cadres(db: Db) {
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

/** A helping cadre by id (enabled or not), within `scope` when one is given. */
export async function findCadre(db: Db, id: string, scope?: AreaScope): Promise<CadreRow | undefined> {
  return (await cadres(db)
    .where('users.id', '=', id)
    .$if(scope !== undefined, (qb) => qb.where((eb) => inScope(eb, 'users.area_code', scope as AreaScope)))
    .executeTakeFirst()) as CadreRow | undefined;
}

/** Helping cadres by id, enabled or not; ids that are not helpers are left out. */
export async function cadresByIds(db: Db, ids: string[]): Promise<CadreRow[]> {
  if (ids.length === 0) return [];
  return (await cadres(db).where('users.id', 'in', ids).execute()) as CadreRow[];
}

/** The enabled helping cadres whose account lies in `scope`, by area and name when `ordered`. */
export async function enabledCadresIn(db: Db, scope: AreaScope, ordered = false): Promise<CadreRow[]> {
  return (await cadres(db)
    .where('users.disabled_at', 'is', null)
    .where((eb) => inScope(eb, 'users.area_code', scope))
    .$if(ordered, (qb) => qb.orderBy('users.area_code').orderBy('users.name'))
    .execute()) as CadreRow[];
}

/** Holds a cadre's row until the transaction ends (where the engine has row locks). */
export async function lockCadre(db: Db, id: string): Promise<void> {
  if (!supportsRowLocks(db)) return;
  await db.selectFrom('users').select('id').where('id', '=', id).forUpdate().execute();
}

/** Whether an account (of any role) lies in `scope`. */
export async function accountInScope(db: Db, id: string, scope: AreaScope): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', id)
    .where((eb) => inScope(eb, 'area_code', scope))
    .executeTakeFirst();
  return row !== undefined;
}

/** How many active pairings each cadre has. */
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
