import type { WhistleStatus, WhistlesListQuery } from '@lianxin/common';
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { WhistlesTable, WhistleUnitsTable } from '../../../db/schema';
import { inScope, type Scope } from '../../../platform/scope';

// An area caller reaches the whistles of its villages; a department's staff those naming their unit.
function whistlesInReach(db: Db, scope: Scope) {
  return db.selectFrom('whistles').where((eb) => {
    switch (scope.reach) {
      case 'area':
        return inScope(eb, 'whistles.village_code', scope);
      case 'unit':
        return eb.exists(
          eb
            .selectFrom('whistle_units')
            .whereRef('whistle_units.whistle_id', '=', 'whistles.id')
            .where('whistle_units.unit_id', '=', scope.unitId)
            .select('whistle_units.unit_id'),
        );
      default:
        return eb.val(false);
    }
  });
}

function whistleRows(db: Db, scope: Scope) {
  return whistlesInReach(db, scope)
    .innerJoin('areas as village', 'village.code', 'whistles.village_code')
    .leftJoin('areas as town', 'town.code', 'whistles.town_code')
    .leftJoin('appeals', 'appeals.id', 'whistles.appeal_id')
    .leftJoin('users', 'users.id', 'whistles.raised_by')
    .select([
      'whistles.id',
      'whistles.town_code',
      'town.name as town_name',
      'whistles.village_code',
      'village.name as village_name',
      'whistles.appeal_id',
      'appeals.tracking_code',
      'appeals.title as appeal_title',
      'whistles.place',
      'whistles.description',
      'whistles.status',
      'whistles.outside_working_time',
      'whistles.raised_at',
      'users.name as raised_by_name',
      'whistles.closed_at',
      'whistles.closing_note',
      'whistles.version',
    ]);
}

export type WhistleRow = Awaited<ReturnType<typeof findWhistle>> & {};

/** Whistles in the caller's reach, newest first. */
export async function listWhistles(db: Db, scope: Scope, query: WhistlesListQuery, now: string) {
  return whistleRows(db, scope)
    .$if(query.status !== undefined, (qb) => qb.where('whistles.status', '=', query.status as WhistleStatus))
    .$if(query.appealId !== undefined, (qb) => qb.where('whistles.appeal_id', '=', query.appealId ?? ''))
    .$if(query.late !== undefined, (qb) =>
      qb.where((eb) => {
        const late = eb.exists(
          eb
            .selectFrom('whistle_units')
            .whereRef('whistle_units.whistle_id', '=', 'whistles.id')
            .where((w) =>
              w.or([
                w('whistle_units.late', '=', true),
                w.and([w('whistle_units.reported_at', 'is', null), w('whistle_units.due_at', '<', now)]),
              ]),
            )
            .select('whistle_units.unit_id'),
        );
        return query.late === 'true' ? late : eb.not(late);
      }),
    )
    .orderBy('whistles.raised_at', 'desc')
    .orderBy('whistles.id')
    .limit(500)
    .execute();
}

export async function findWhistle(db: Db, scope: Scope, id: string) {
  return whistleRows(db, scope).where('whistles.id', '=', id).executeTakeFirst();
}

/** The named departments of the whistles, with their reports. */
export async function whistleUnits(db: Db, whistleIds: string[]) {
  if (whistleIds.length === 0) return [];
  return db
    .selectFrom('whistle_units')
    .innerJoin('units', 'units.id', 'whistle_units.unit_id')
    .leftJoin('users', 'users.id', 'whistle_units.reported_by')
    .select([
      'whistle_units.whistle_id',
      'whistle_units.unit_id',
      'units.name as unit_name',
      'whistle_units.due_at',
      'whistle_units.reported_at',
      'users.name as reported_by_name',
      'whistle_units.action',
      'whistle_units.late',
    ])
    .where('whistle_units.whistle_id', 'in', whistleIds)
    .orderBy('whistle_units.due_at')
    .orderBy('units.name')
    .execute();
}

export async function insertWhistle(
  db: Db,
  whistle: Insertable<WhistlesTable>,
  units: Insertable<WhistleUnitsTable>[],
): Promise<void> {
  await db.insertInto('whistles').values(whistle).execute();
  await db.insertInto('whistle_units').values(units).execute();
}

/** Records a department's report; false when it had already reported. */
export async function recordReport(
  db: Db,
  whistleId: string,
  unitId: string,
  report: { reported_at: string; reported_by: string | null; action: string; late: boolean },
): Promise<boolean> {
  const result = await db
    .updateTable('whistle_units')
    .set(report)
    .where('whistle_id', '=', whistleId)
    .where('unit_id', '=', unitId)
    .where('reported_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnreported(db: Db, whistleId: string): Promise<number> {
  const row = await db
    .selectFrom('whistle_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('whistle_id', '=', whistleId)
    .where('reported_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Optimistic update: false when the version moved on. */
export async function updateWhistle(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<WhistlesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('whistles')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Moves a whistle on once every department reported (no version: the reports race each other). */
export async function markReported(db: Db, id: string): Promise<void> {
  await db
    .updateTable('whistles')
    .set((eb) => ({ status: 'reported', version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'open')
    .execute();
}

/** Every department named by a whistle blown in [from, to), with its report: for the statistics. */
export async function unitResponses(db: Db, from: string, to: string, unitIds: readonly string[] | null) {
  return db
    .selectFrom('whistle_units')
    .innerJoin('whistles', 'whistles.id', 'whistle_units.whistle_id')
    .select([
      'whistle_units.unit_id',
      'whistles.raised_at',
      'whistle_units.due_at',
      'whistle_units.reported_at',
      'whistle_units.late',
    ])
    .where('whistles.raised_at', '>=', from)
    .where('whistles.raised_at', '<', to)
    .$if(unitIds !== null, (qb) => qb.where('whistle_units.unit_id', 'in', [...(unitIds ?? []), '']))
    .execute();
}

/** How many open whistles still wait for the unit's report: the department's to-do. */
export async function countAwaitingReport(db: Db, unitId: string): Promise<number> {
  const row = await db
    .selectFrom('whistle_units')
    .innerJoin('whistles', 'whistles.id', 'whistle_units.whistle_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('whistle_units.unit_id', '=', unitId)
    .where('whistle_units.reported_at', 'is', null)
    .where('whistles.status', '!=', 'closed')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
