import { type AppealLevel, type AppealSourceKind, openAppealStatuses } from '@lianxin/common';
import type { ExpressionBuilder } from 'kysely';
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/dialect';
import type { AppealCallbacksTable, AppealEventsTable, AppealsTable, DB } from '../../db/schema';
import { inScope, type Scope } from '../../platform/scope';

export type AppealRow = Selectable<AppealsTable>;
export type EventRow = Selectable<AppealEventsTable>;
export type CallbackRow = Selectable<AppealCallbacksTable>;

const open = [...openAppealStatuses];

/** Open appeals, written with literal values so that the partial index of open appeals applies. */
export const isOpenAppeal = sql<boolean>`appeals.status in (${sql.join(open.map((s) => sql.lit(s)))})`;

/** The unit that holds an appeal of a village at a level: the village, its town, the district. */
export function holderOf(villageCode: string, level: AppealLevel): string {
  if (level === 'village') return villageCode;
  if (level === 'town') return `${villageCode.slice(0, 9)}000`;
  return `${villageCode.slice(0, 6)}000000`;
}

function withNames(db: Db) {
  return db
    .selectFrom('appeals')
    .innerJoin('areas as village', 'village.code', 'appeals.village_code')
    .leftJoin('users as handler', 'handler.id', 'appeals.handler_id')
    .selectAll('appeals')
    .select(['village.name as village_name', 'handler.name as handler_name']);
}

/**
 * The appeals a caller reaches: those of villages in their subtree; for a unit's staff, those
 * routed to their unit (or station); for the CPPCC office, its members' reports; for a member,
 * their own.
 */
export function appealInReach(eb: ExpressionBuilder<DB, 'appeals'>, scope: Scope) {
  const routedTo = (unitId: string) =>
    eb.exists(
      eb
        .selectFrom('appeal_units')
        .whereRef('appeal_units.appeal_id', '=', 'appeals.id')
        .where('appeal_units.unit_id', '=', unitId)
        .select('appeal_units.appeal_id'),
    );
  switch (scope.reach) {
    case 'area':
      return inScope(eb, 'appeals.village_code', scope);
    case 'unit':
      return routedTo(scope.unitId);
    case 'station':
      return routedTo(scope.stationId);
    case 'office':
      return eb(
        'appeals.created_by',
        'in',
        eb.selectFrom('users').where('users.role', '=', 'cppcc_member').select('users.id'),
      );
    case 'own':
      return eb('appeals.created_by', '=', scope.userId);
  }
}

/** An appeal in the caller's reach. */
export async function findAppeal(db: Db, scope: Scope, id: string) {
  return withNames(db)
    .where('appeals.id', '=', id)
    .where((eb) => appealInReach(eb, scope))
    .executeTakeFirst();
}

/** The appeal another module raised from one of its records, if it did. */
export async function findAppealBySource(db: Db, kind: AppealSourceKind, sourceId: string) {
  return db
    .selectFrom('appeals')
    .select(['id', 'tracking_code'])
    .where('source_kind', '=', kind)
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
}

export async function findAppealById(db: Db, id: string): Promise<AppealRow | undefined> {
  return db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findByTrackingCode(db: Db, code: string) {
  return withNames(db).where('appeals.tracking_code', '=', code).executeTakeFirst();
}

/** Writes a change only if nobody else changed the appeal since `version` was read. */
export async function updateAppeal(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<AppealsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('appeals')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertEvents(db: Db, rows: Insertable<AppealEventsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('appeal_events').values(rows).execute();
}

export async function appealEvents(db: Db, appealId: string): Promise<EventRow[]> {
  return db
    .selectFrom('appeal_events')
    .selectAll()
    .where('appeal_id', '=', appealId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
