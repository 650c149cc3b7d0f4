import type { NotificationKind } from '@lianxin/common';
import type { Selectable } from 'kysely';
import type { Db } from '../../db/dialect';
import type { NotificationsTable } from '../../db/schema';
import { newId } from '../ids';
import { type AreaScope, inScope } from '../scope';

export type NotificationRow = Selectable<NotificationsTable>;

/** A notification as it enters the outbox. */
export interface NewNotification {
  kind: NotificationKind;
  areaCode: string | null;
  recipient: string;
  phoneEnc: string | null;
  message: string;
  /** The real text, encrypted, when `message` is a masked copy. */
  messageEnc: string | null;
  appealId: string | null;
}

/** Puts notifications in the outbox, pending and due at once. */
export async function insertPending(db: Db, items: NewNotification[], now: string): Promise<void> {
  await db
    .insertInto('notifications')
    .values(
      items.map((n) => ({
        id: newId(),
        kind: n.kind,
        area_code: n.areaCode,
        recipient: n.recipient,
        phone_enc: n.phoneEnc,
        message: n.message,
        message_enc: n.messageEnc,
        appeal_id: n.appealId,
        status: 'pending' as const,
        attempts: 0,
        next_attempt_at: now,
        created_at: now,
      })),
    )
    .execute();
}

/** The outbox within the caller's area: newest first. */
export function notificationsInScope(
  db: Db,
  scope: AreaScope,
  filter: { status?: NotificationRow['status']; appealId?: string },
  limit: number,
): Promise<NotificationRow[]> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where((eb) => inScope(eb, 'area_code', scope))
    .$if(filter.status !== undefined, (qb) => qb.where('status', '=', filter.status ?? 'pending'))
    .$if(filter.appealId !== undefined, (qb) => qb.where('appeal_id', '=', filter.appealId ?? ''))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The pending notifications whose next attempt is due, the longest waiting first. */
export function dueNotifications(db: Db, now: string, limit: number): Promise<NotificationRow[]> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
}

/** Records a delivery (only of a notification still pending). */
export async function markSent(db: Db, id: string, attempts: number, sentAt: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ status: 'sent', sent_at: sentAt, attempts, last_error: null })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** Records a failed attempt: retried at `nextAttemptAt`, or given up. */
export async function markAttemptFailed(
  db: Db,
  id: string,
  attempt: { attempts: number; lastError: string; givenUp: boolean; nextAttemptAt: string },
): Promise<void> {
  await db
    .updateTable('notifications')
    .set({
      attempts: attempt.attempts,
      last_error: attempt.lastError,
      status: attempt.givenUp ? 'failed' : 'pending',
      next_attempt_at: attempt.nextAttemptAt,
    })
    .where('id', '=', id)
    .execute();
}
