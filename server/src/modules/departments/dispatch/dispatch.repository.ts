import { activeDispatchStatuses, type DispatchListQuery, openAppealStatuses } from '@lianxin/common';
import type { ExpressionBuilder, Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { AppealDispatchesTable, DB } from '../../../db/schema';
import { inScope, type Scope } from '../../../platform/scope';

export type DispatchRow = Selectable<AppealDispatchesTable>;
const active = [...activeDispatchStatuses];

function withAppeal(db: Db) {
  return db
    .selectFrom('appeal_dispatches')
    .innerJoin('units', 'units.id', 'appeal_dispatches.unit_id')
    .innerJoin('appeals', 'appeals.id', 'appeal_dispatches.appeal_id')
    .innerJoin('areas', 'areas.code', 'appeals.village_code')
    .selectAll('appeal_dispatches')
    .select([
      'units.name as unit_name',
      'appeals.tracking_code',
      'appeals.title',
      'appeals.category_code',
      'appeals.urgency',
      'appeals.status as appeal_status',
      'appeals.village_code',
      'appeals.holder_area_code',
      'areas.name as village_name',
    ]);
}

/**
 * The dispatches a caller reaches: a unit's staff those given to their unit; an area caller those
 * of the appeals of its subtree; nobody else any.
 */
function dispatchInReach(eb: ExpressionBuilder<DB, 'appeal_dispatches'>, scope: Scope) {
  switch (scope.reach) {
    case 'unit':
      return eb('appeal_dispatches.unit_id', '=', scope.unitId);
    case 'area':
      return eb.exists(
        eb
          .selectFrom('appeals as reached')
          .select('reached.id')
          .whereRef('reached.id', '=', 'appeal_dispatches.appeal_id')
          .where((inner) => inScope(inner, 'reached.village_code', scope)),
      );
    default:
      return eb.val(false);
  }
}

export async function findDispatch(db: Db, scope: Scope, id: string) {
  return withAppeal(db)
    .where('appeal_dispatches.id', '=', id)
    .where((eb) => dispatchInReach(eb, scope))
    .executeTakeFirst();
}

/**
 * A unit's queue (active, earliest deadline first), or the dispatches of an area's appeals. The
 * page's ids are found on the dispatches alone, and only those rows are joined to their appeals.
 */
export async function listDispatches(db: Db, scope: Scope, query: DispatchListQuery, nowIso: string) {
  let page = db
    .selectFrom('appeal_dispatches')
    .select('appeal_dispatches.id')
    .where((eb) => dispatchInReach(eb, scope));
  if (query.appealId) page = page.where('appeal_dispatches.appeal_id', '=', query.appealId);
  if (query.role) page = page.where('appeal_dispatches.role', '=', query.role);
  const status = query.status ?? (query.appealId ? undefined : 'active');
  if (status === 'active') page = page.where('appeal_dispatches.status', 'in', active);
  else if (status && status !== 'all') page = page.where('appeal_dispatches.status', '=', status);
  if (query.overdue === 'true')
    page = page
      .where('appeal_dispatches.status', 'in', active)
      .where('appeal_dispatches.due_at', '<', nowIso);
  if (query.overdue === 'false') page = page.where('appeal_dispatches.due_at', '>=', nowIso);
  page = page.orderBy('appeal_dispatches.due_at').orderBy('appeal_dispatches.id').limit(query.limit);
  return withAppeal(db)
    .where('appeal_dispatches.id', 'in', page)
    .orderBy('appeal_dispatches.due_at')
    .orderBy('appeal_dispatches.id')
    .execute();
}

/** Every dispatch of an appeal, oldest first: for the appeal's page and the resident's. */
export async function dispatchesOfAppeal(db: Db, appealId: string) {
  return withAppeal(db)
    .where('appeal_dispatches.appeal_id', '=', appealId)
    .orderBy('appeal_dispatches.dispatched_at')
    .orderBy('appeal_dispatches.id')
    .execute();
}

/** The unit leading an appeal now (accepted, pending or returned and not yet decided on), if any. */
export async function currentLead(db: Db, appealId: string): Promise<DispatchRow | undefined> {
  return db
    .selectFrom('appeal_dispatches')
    .selectAll()
    .where('appeal_id', '=', appealId)
    .where('role', '=', 'lead')
    .where((eb) =>
      eb.or([
        eb('status', 'in', active),
        eb.and([eb('status', '=', 'returned'), eb('decision', 'is', null)]),
      ]),
    )
    .executeTakeFirst();
}

export async function insertDispatches(db: Db, rows: Insertable<AppealDispatchesTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('appeal_dispatches').values(rows).execute();
}

/** Writes a change only if nobody else changed the dispatch since `version` was read. */
export async function updateDispatch(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<AppealDispatchesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('appeal_dispatches')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The co-units still owing their part when the lead resolves: they are no longer needed. */
export async function withdrawOpenParts(db: Db, appealId: string): Promise<DispatchRow[]> {
  const rows = await db
    .selectFrom('appeal_dispatches')
    .selectAll()
    .where('appeal_id', '=', appealId)
    .where('role', '=', 'co')
    .where('status', 'in', active)
    .execute();
  if (rows.length > 0)
    await db
      .updateTable('appeal_dispatches')
      .set((eb) => ({ status: 'withdrawn', version: eb('version', '+', 1) }))
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
  return rows;
}

/**
 * Active dispatches whose warning time has come: their warning is taken (the mark cleared) in the
 * same statement's transaction, so two sweeps never warn twice.
 */
export async function takeDueWarnings(db: Db, nowIso: string, limit: number) {
  const rows = await withAppeal(db)
    .where('appeal_dispatches.status', 'in', active)
    .where('appeal_dispatches.warn_at', '<=', nowIso)
    .where('appeal_dispatches.due_at', '>', nowIso)
    .orderBy('appeal_dispatches.warn_at')
    .limit(limit)
    .execute();
  const taken = [];
  for (const row of rows) {
    const result = await db
      .updateTable('appeal_dispatches')
      .set({ warn_at: null })
      .where('id', '=', row.id)
      .where('warn_at', 'is not', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) taken.push(row);
  }
  return taken;
}

/** Active dispatches past due and not yet under supervision (督办): each is taken once. */
export async function takeOverdue(db: Db, nowIso: string, limit: number) {
  const rows = await withAppeal(db)
    .where('appeal_dispatches.status', 'in', active)
    .where('appeal_dispatches.due_at', '<=', nowIso)
    .where('appeal_dispatches.supervised_at', 'is', null)
    .orderBy('appeal_dispatches.due_at')
    .limit(limit)
    .execute();
  const taken = [];
  for (const row of rows) {
    const result = await db
      .updateTable('appeal_dispatches')
      .set({ supervised_at: nowIso, warn_at: null })
      .where('id', '=', row.id)
      .where('supervised_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) taken.push(row);
  }
  return taken;
}

/** The dispatches made in [from, to) in the caller's reach, with what the departments' figures need. */
export async function dispatchesForStats(db: Db, scope: Scope, fromIso: string, toIso: string) {
  return db
    .selectFrom('appeal_dispatches')
    .innerJoin('units', 'units.id', 'appeal_dispatches.unit_id')
    .innerJoin('appeals', 'appeals.id', 'appeal_dispatches.appeal_id')
    .select([
      'appeal_dispatches.unit_id',
      'units.name as unit_name',
      'appeal_dispatches.role',
      'appeal_dispatches.status',
      'appeal_dispatches.decisive',
      'appeal_dispatches.due_at',
      'appeal_dispatches.returnable_until',
      'appeal_dispatches.accepted_at',
      'appeal_dispatches.returned_at',
      'appeal_dispatches.part_at',
      'appeal_dispatches.supervised_at',
      'appeals.resolved_at',
      'appeals.rating',
    ])
    .where('appeal_dispatches.dispatched_at', '>=', fromIso)
    .where('appeal_dispatches.dispatched_at', '<', toIso)
    .where((eb) => dispatchInReach(eb, scope))
    .execute();
}

/**
 * Active dispatches of appeals that are no longer open — resolved by the level that holds them,
 * merged, closed — are withdrawn: nobody is left to work on them, so none is warned or supervised.
 */
export async function withdrawSettled(db: Db): Promise<number> {
  const result = await db
    .updateTable('appeal_dispatches')
    .set((eb) => ({ status: 'withdrawn', version: eb('version', '+', 1) }))
    .where('status', 'in', active)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('appeals')
          .select('appeals.id')
          .whereRef('appeals.id', '=', 'appeal_dispatches.appeal_id')
          .where('appeals.status', 'not in', [...openAppealStatuses]),
      ),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The units of accounts (a department's head: the unit assessed through the account). */
export async function unitsOfAccounts(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'unit_id'])
    .where('id', 'in', [...ids])
    .where('unit_id', 'is not', null)
    .execute();
  return new Map(rows.flatMap((r) => (r.unit_id ? [[r.id, r.unit_id] as const] : [])));
}
