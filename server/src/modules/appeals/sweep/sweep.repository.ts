import { type AppealLevel, type AppealStatus, openAppealStatuses } from '@lianxin/common';
import { sql, type Updateable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { AppealsTable } from '../../../db/schema';
import { isOpenAppeal } from '../appeals.repository';

const open = [...openAppealStatuses];

/** Open appeals at a level whose resolution deadline has passed: the next ones to move up. */
export async function overdueAt(db: Db, level: AppealLevel, now: string, limit: number) {
  return db
    .selectFrom('appeals')
    .select(['id', 'category_code', 'urgency', 'village_code', 'tracking_code', 'title'])
    .where(isOpenAppeal)
    .where('resolution_due_at', '<', now)
    .where('level', '=', level)
    .limit(limit)
    .execute();
}

/**
 * Moves these appeals from one level up to the next, with their new deadlines, the unit of that
 * level as holder and no handler — only those still open, overdue and at `from` (a sweep run twice
 * moves each once). Answers the appeals it moved.
 */
export async function moveUp(
  db: Db,
  ids: string[],
  move: {
    from: AppealLevel;
    to: 'town' | 'district';
    deadlines: Pick<
      Updateable<AppealsTable>,
      'response_due_at' | 'resolution_due_at' | 'response_warn_at' | 'resolution_warn_at'
    >;
    now: string;
  },
) {
  const { from, to, now } = move;
  const holderDigits = to === 'town' ? 9 : 6;
  return db
    .updateTable('appeals')
    .set((eb) => ({
      level: to,
      max_level:
        to === 'district'
          ? 'district'
          : sql<AppealLevel>`case when max_level = 'district' then 'district' else ${to} end`,
      holder_area_code: sql<string>`substr(village_code, 1, ${sql.lit(holderDigits)}) || ${sql.lit('0'.repeat(12 - holderDigits))}`,
      handler_id: null,
      status: 'received',
      deferral_reason: null,
      deferral_date: null,
      deferral_approved: false,
      ...move.deadlines,
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', 'in', ids)
    .where(isOpenAppeal)
    .where('resolution_due_at', '<', now)
    .where('level', '=', from)
    .returning(['id', 'village_code', 'tracking_code', 'title'])
    .execute();
}

/**
 * Takes the warnings (催办) of one kind that fall due by `now` on appeals in these statuses, at
 * most `limit`: each is disarmed as it is taken, so it goes out once. Answers the appeals warned.
 */
export async function takeDueWarnings(
  db: Db,
  kind: 'response' | 'resolution',
  statuses: readonly AppealStatus[],
  now: string,
  limit: number,
) {
  const column = kind === 'response' ? 'response_warn_at' : 'resolution_warn_at';
  return db
    .updateTable('appeals')
    .set({ [column]: null })
    .where(column, '<', now)
    .where('status', 'in', statuses)
    .where('id', 'in', db.selectFrom('appeals').select('id').where(column, '<', now).limit(limit))
    .returning([
      'id',
      'holder_area_code',
      'level',
      'tracking_code',
      'title',
      'response_due_at',
      'resolution_due_at',
    ])
    .execute();
}

/** Disarms, without a notice, warnings due by `now` that no longer apply (answered, closed). */
export async function disarmStaleWarnings(db: Db, now: string): Promise<void> {
  await db
    .updateTable('appeals')
    .set({ response_warn_at: null })
    .where('response_warn_at', '<', now)
    .where('status', '!=', 'received')
    .execute();
  await db
    .updateTable('appeals')
    .set({ resolution_warn_at: null })
    .where('resolution_warn_at', '<', now)
    .where('status', 'not in', open)
    .execute();
}

/** Marks open callbacks past their due date as reminded, once each; answers those marked. */
export async function takeOverdueCallbacks(db: Db, now: string) {
  return db
    .updateTable('appeal_callbacks')
    .set({ reminded_at: now })
    .where('done_at', 'is', null)
    .where('reminded_at', 'is', null)
    .where('due_at', '<', now)
    .returning(['id', 'area_code', 'appeal_id'])
    .execute();
}
