import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { AppealCallbacksTable } from '../../../db/schema';
import { type AreaScope, inScope } from '../../../platform/scope';

export async function insertCallback(db: Db, row: Insertable<AppealCallbacksTable>): Promise<void> {
  await db.insertInto('appeal_callbacks').values(row).execute();
}

export async function latestCallback(db: Db, appealId: string) {
  return db
    .selectFrom('appeal_callbacks')
    .leftJoin('users', 'users.id', 'appeal_callbacks.done_by')
    .selectAll('appeal_callbacks')
    .select('users.name as done_by_name')
    .where('appeal_id', '=', appealId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function updateCallback(db: Db, id: string, patch: Updateable<AppealCallbacksTable>) {
  await db.updateTable('appeal_callbacks').set(patch).where('id', '=', id).execute();
}

/** Open callbacks in the caller's area, the most urgent first; never the caller's own cases. */
export async function openCallbacks(db: Db, scope: AreaScope, callerId: string, limit: number) {
  return db
    .selectFrom('appeal_callbacks')
    .innerJoin('appeals', 'appeals.id', 'appeal_callbacks.appeal_id')
    .innerJoin('areas as village', 'village.code', 'appeals.village_code')
    .leftJoin('users as handler', 'handler.id', 'appeals.handler_id')
    .select([
      'appeal_callbacks.id',
      'appeal_callbacks.appeal_id',
      'appeal_callbacks.due_at',
      'appeal_callbacks.attempts',
      'appeals.tracking_code',
      'appeals.title',
      'appeals.resolved_at',
      'village.name as village_name',
      'handler.name as handler_name',
    ])
    .where('appeal_callbacks.done_at', 'is', null)
    .where((eb) => inScope(eb, 'appeal_callbacks.area_code', scope))
    .where((eb) =>
      eb.or([
        eb('appeal_callbacks.handler_id', 'is', null),
        eb('appeal_callbacks.handler_id', '!=', callerId),
      ]),
    )
    .orderBy('appeal_callbacks.due_at')
    .limit(limit)
    .execute();
}

/** How many open callbacks in the caller's area are due by `now`; never the caller's own cases (the bell). */
export async function countDueCallbacks(db: Db, scope: AreaScope, callerId: string, now: string) {
  const row = await db
    .selectFrom('appeal_callbacks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('appeal_callbacks.done_at', 'is', null)
    .where((eb) => inScope(eb, 'appeal_callbacks.area_code', scope))
    .where('appeal_callbacks.due_at', '<=', now)
    .where((eb) =>
      eb.or([
        eb('appeal_callbacks.handler_id', 'is', null),
        eb('appeal_callbacks.handler_id', '!=', callerId),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
