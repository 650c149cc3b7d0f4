import { type AppealLevel, openAppealStatuses } from '@lianxin/common';
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/dialect';
import type { AppealCallbacksTable, AppealEventsTable, AppealsTable } from '../../db/schema';
import { type AreaScope, inScope } from '../../platform/scope';

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

/** An appeal whose village is in the caller's subtree. */
export async function findAppeal(db: Db, scope: AreaScope, id: string) {
  return withNames(db)
    .where('appeals.id', '=', id)
    .where((eb) => inScope(eb, 'appeals.village_code', scope))
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
