import type { ReceptionDaysListQuery } from '@lianxin/common';
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/dialect';
import type { ReceptionDaysTable } from '../../db/schema';
import { inScope, type Scope } from '../../platform/scope';

// Reception days are held by an area (the district or a town): an area caller reaches those of
// its subtree; no other reach holds any.
function receptionDaysInReach(db: Db, scope: Scope) {
  return db
    .selectFrom('reception_days')
    .where((eb) => (scope.reach === 'area' ? inScope(eb, 'reception_days.area_code', scope) : eb.val(false)));
}

const COLUMNS = [
  'reception_days.id',
  'reception_days.area_code',
  'areas.name as area_name',
  'areas.kind as area_kind',
  'reception_days.leader_name',
  'reception_days.leader_post',
  'reception_days.place',
  'reception_days.starts_at',
  'reception_days.ends_at',
  'reception_days.topics',
  'reception_days.note',
  'reception_days.status',
  'reception_days.summary',
  'reception_days.version',
  'reception_days.created_at',
] as const;

export type ReceptionDayRow = Awaited<ReturnType<typeof listReceptionDays>>[number];

/** Reception days in reach, the latest first. */
export async function listReceptionDays(db: Db, scope: Scope, query: ReceptionDaysListQuery) {
  return receptionDaysInReach(db, scope)
    .innerJoin('areas', 'areas.code', 'reception_days.area_code')
    .select(COLUMNS)
    .$if(query.status !== undefined, (qb) =>
      qb.where('reception_days.status', '=', query.status ?? 'planned'),
    )
    .$if(query.from !== undefined, (qb) => qb.where('reception_days.starts_at', '>=', query.from ?? ''))
    .$if(query.to !== undefined, (qb) => qb.where('reception_days.starts_at', '<', query.to ?? ''))
    .orderBy('reception_days.starts_at', 'desc')
    .orderBy('reception_days.id')
    .limit(500)
    .execute();
}

export async function findReceptionDay(
  db: Db,
  scope: Scope,
  id: string,
): Promise<ReceptionDayRow | undefined> {
  return receptionDaysInReach(db, scope)
    .innerJoin('areas', 'areas.code', 'reception_days.area_code')
    .select(COLUMNS)
    .where('reception_days.id', '=', id)
    .executeTakeFirst();
}

/** The events residents see: those of the given areas ending after `since`, soonest first. */
export async function publicReceptionDays(db: Db, areaCodes: readonly string[] | null, since: string) {
  return db
    .selectFrom('reception_days')
    .innerJoin('areas', 'areas.code', 'reception_days.area_code')
    .select(COLUMNS)
    .where('reception_days.ends_at', '>=', since)
    .$if(areaCodes !== null, (qb) => qb.where('reception_days.area_code', 'in', [...(areaCodes ?? []), '']))
    .orderBy('reception_days.starts_at')
    .orderBy('reception_days.id')
    .limit(100)
    .execute();
}

/** The appeals linked to the events, each with whether it went to a handling unit. */
export async function linkedAppeals(db: Db, receptionDayIds: string[]) {
  if (receptionDayIds.length === 0) return [];
  return db
    .selectFrom('reception_day_appeals')
    .innerJoin('appeals', 'appeals.id', 'reception_day_appeals.appeal_id')
    .innerJoin('areas', 'areas.code', 'appeals.village_code')
    .select((eb) => [
      'reception_day_appeals.reception_day_id',
      'reception_day_appeals.linked_at',
      'appeals.id',
      'appeals.tracking_code',
      'appeals.title',
      'appeals.status',
      'appeals.resolved_at',
      'areas.name as village_name',
      eb
        .or([
          eb.exists(
            eb
              .selectFrom('appeal_units')
              .whereRef('appeal_units.appeal_id', '=', 'appeals.id')
              .select('appeal_units.unit_id'),
          ),
          eb.exists(
            eb
              .selectFrom('appeal_dispatches')
              .whereRef('appeal_dispatches.appeal_id', '=', 'appeals.id')
              .select('appeal_dispatches.id'),
          ),
        ])
        .as('dispatched'),
    ])
    .where('reception_day_appeals.reception_day_id', 'in', receptionDayIds)
    .orderBy('reception_day_appeals.linked_at')
    .execute();
}

export async function insertReceptionDay(db: Db, row: Insertable<ReceptionDaysTable>): Promise<void> {
  await db.insertInto('reception_days').values(row).execute();
}

/** Optimistic update: false when the version moved on. */
export async function updateReceptionDay(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<ReceptionDaysTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('reception_days')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Links an appeal to an event; false when it is already linked (to this one or another). */
export async function insertLink(
  db: Db,
  row: { reception_day_id: string; appeal_id: string; linked_at: string; linked_by: string | null },
): Promise<boolean> {
  const inserted = await db
    .insertInto('reception_day_appeals')
    .values(row)
    .onConflict((oc) => oc.column('appeal_id').doNothing())
    .returning('appeal_id')
    .executeTakeFirst();
  return inserted !== undefined;
}
