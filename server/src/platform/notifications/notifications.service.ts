import type { Notification, NotificationKind } from '@lianxin/common';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { Db } from '../../db/dialect';
import type { DB } from '../../db/schema';
import type { Clock } from '../clock';
import type { JobWorker } from '../jobs/jobs.worker';
import type { AreaScope } from '../scope';
import type { Secrets } from '../secrets';
import {
  dueNotifications,
  insertPending,
  markAttemptFailed,
  markSent,
  type NotificationRow,
  notificationsInScope,
} from './notifications.repository';

const MAX_ATTEMPTS = 8;
const BATCH = 100;

export interface OutgoingNotification {
  kind: NotificationKind;
  /** The unit it concerns; the console shows it to callers whose area covers it. */
  areaCode: string | null;
  /** As shown in the console: a unit name, an account, or a masked phone. */
  recipient: string;
  /** Encrypted phone of a resident to text, if any. */
  phoneEnc?: string | null;
  /** As the console shows it: a masked copy when the real text is secret (see `messageEnc`). */
  message: string;
  /** The real text, encrypted (secrets.encrypt), when it must not sit readable in the outbox. */
  messageEnc?: string | null;
  appealId?: string | null;
}

/**
 * Puts a notification in the outbox, in the caller's transaction: it is sent if and only if the
 * change it reports is committed, and sending never holds up the request.
 */
export async function enqueueNotifications(
  db: Db,
  clock: Clock,
  items: OutgoingNotification[],
): Promise<void> {
  if (items.length === 0) return;
  await insertPending(
    db,
    items.map((n) => ({
      kind: n.kind,
      areaCode: n.areaCode,
      recipient: n.recipient,
      phoneEnc: n.phoneEnc ?? null,
      message: n.message,
      messageEnc: n.messageEnc ?? null,
      appealId: n.appealId ?? null,
    })),
    clock.now().toISOString(),
  );
}

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    areaCode: row.area_code,
    recipient: row.recipient,
    message: row.message,
    appealId: row.appeal_id,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    lastError: row.last_error,
  };
}

/** The outbox as the console shows it: newest first, within the caller's area. */
export async function listNotifications(
  db: Db,
  scope: AreaScope,
  filter: { status?: NotificationRow['status']; appealId?: string },
  limit: number,
): Promise<Notification[]> {
  const rows = await notificationsInScope(db, scope, filter, limit);
  return rows.map(toNotification);
}

/** How one notification leaves the system. */
export type Deliver = (row: NotificationRow) => Promise<void>;

/** The webhook driver: POSTs the notification as JSON (e.g. to an SMS gateway), 5 s timeout. */
export function webhookDriver(url: string, secrets: Secrets): Deliver {
  return async (row) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: row.id,
        kind: row.kind,
        recipient: row.recipient,
        phone: row.phone_enc ? secrets.decrypt(row.phone_enc) : null,
        // The real text of a masked message (a verification code) is decrypted only here, to send it.
        message: row.message_enc ? secrets.decrypt(row.message_enc) : row.message,
        appealId: row.appeal_id,
        createdAt: row.created_at,
      }),
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  };
}

function backoffMs(attempts: number): number {
  return Math.min(2 ** attempts * 30_000, 6 * 3_600_000);
}

/** Sends what is due; failures are retried with backoff, and given up after 8 attempts. */
export async function deliverDue(
  db: Kysely<DB>,
  clock: Clock,
  deliver: Deliver,
  logger?: FastifyBaseLogger,
): Promise<number> {
  const rows = await dueNotifications(db, clock.now().toISOString(), BATCH);
  for (const row of rows) {
    try {
      await deliver(row);
      await markSent(db, row.id, row.attempts + 1, clock.now().toISOString());
    } catch (err) {
      const attempts = row.attempts + 1;
      const message = err instanceof Error ? err.message : String(err);
      logger?.warn({ notification: row.id, attempts, err: message }, 'notification not delivered');
      await markAttemptFailed(db, row.id, {
        attempts,
        lastError: message.slice(0, 500),
        givenUp: attempts >= MAX_ATTEMPTS,
        nextAttemptAt: new Date(clock.now().getTime() + backoffMs(attempts)).toISOString(),
      });
    }
  }
  return rows.length;
}

/** Whether notifications leave by the webhook (the SMS gateway) rather than only the console's log. */
export function sendsBySms(config: Config): boolean {
  return config.notify.driver === 'webhook' && Boolean(config.notify.webhookUrl);
}

export function registerNotificationJobs(
  jobs: JobWorker,
  config: Config,
  secrets: Secrets,
  logger?: FastifyBaseLogger,
): void {
  const webhook =
    sendsBySms(config) && config.notify.webhookUrl ? webhookDriver(config.notify.webhookUrl, secrets) : null;
  // The log driver: the outbox itself is the log the console shows.
  const deliver: Deliver =
    webhook ??
    (async (row) => {
      logger?.info({ notification: row.id, kind: row.kind, recipient: row.recipient }, row.message);
    });
  jobs
    .handleLong('notifications.deliver', async ({ db, clock }) => {
      while ((await deliverDue(db, clock, deliver, logger)) === BATCH) {
        // keep going while full batches come back
      }
    })
    .every('notifications.deliver', 30_000);
}
