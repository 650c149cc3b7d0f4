import { createHmac } from 'node:crypto';
import { areaPrefix, type WebhookEvent } from '@lianxin/common';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Db } from '../../db/dialect';
import type { DB } from '../../db/schema';
import type { Clock } from '../clock';
import { newId } from '../ids';
import { insertJob } from '../jobs/jobs.repository';
import type { JobWorker } from '../jobs/jobs.worker';
import type { Secrets } from '../secrets';
import {
  activeWebhooks,
  findDeliveryToSend,
  insertDeliveries,
  recordAttempt,
} from './integrations.repository';

export const DELIVER_JOB = 'webhooks.deliver';
/** Attempts before a delivery is given up (the console can send it again). */
export const MAX_DELIVERY_ATTEMPTS = 8;
const TIMEOUT_MS = 10_000;

/** The wait before attempt n + 1 after n failed: 30 s, 2 min, 8 min, 32 min, then every 2 h (8 attempts over about 6¾ h). */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(30_000 * 4 ** (failedAttempts - 1), 2 * 3_600_000);
}

export interface DomainEvent {
  type: WebhookEvent;
  /** The area the event happened in: integrations acting for an area that covers it are told. */
  areaCode: string;
  /** The event's data; the receiver gets it under `data`. Keep personal data out of it. */
  payload: Record<string, unknown>;
  /** Only this integration's webhooks are told (a work order answered to the hotline that sent it). */
  integrationId?: string;
}

/**
 * Work that follows an event in the same transaction: a domain that keeps its own link to the
 * record (a hotline's work order to its appeal) raises its own event from it. Keyed by name, so
 * registering again (one app per test) replaces rather than repeats.
 */
export type EventFollower = (db: Db, clock: Clock, event: DomainEvent) => Promise<void>;
const followers = new Map<string, { type: WebhookEvent; follow: EventFollower }>();

export function followEvent(name: string, type: WebhookEvent, follow: EventFollower): void {
  followers.set(name, { type, follow });
}

export interface DeliveryJob {
  deliveryId: string;
  /** A redelivery from the console: one attempt, no retries after it. */
  manual?: boolean;
}

/** Queues the job that sends a delivery, in the caller's transaction. */
export async function scheduleDelivery(
  db: Db,
  at: Date,
  now: Date,
  job: DeliveryJob,
  key: string,
): Promise<void> {
  await insertJob(db, now, { kind: DELIVER_JOB, payload: job, runAt: at, dedupeKey: `webhook:${key}` });
}

/**
 * Tells the integrations about a domain event. Call it inside the transaction of the write that
 * makes the event: a delivery is created for each active webhook subscribed to the event whose
 * integration's area covers `areaCode`, with a job that sends it after the commit — so a webhook
 * fires if and only if the change is committed, and never holds up the request.
 */
export async function emitEvent(db: Db, clock: Clock, event: DomainEvent): Promise<number> {
  const now = clock.now();
  const stamp = now.toISOString();
  const hooks = (await activeWebhooks(db)).filter(
    (w) =>
      (JSON.parse(w.events) as string[]).includes(event.type) &&
      event.areaCode.startsWith(areaPrefix(w.areaCode, w.areaKind)) &&
      (event.integrationId === undefined || w.integrationId === event.integrationId),
  );
  const rows = hooks.map((w) => ({
    id: newId(),
    webhook_id: w.id,
    integration_id: w.integrationId,
    event: event.type,
    area_code: event.areaCode,
    payload: JSON.stringify(event.payload),
    status: 'pending' as const,
    attempts: 0,
    next_attempt_at: stamp,
    last_status_code: null,
    last_error: null,
    delivered_at: null,
    created_at: stamp,
  }));
  await insertDeliveries(db, rows);
  for (const row of rows) await scheduleDelivery(db, now, now, { deliveryId: row.id }, `${row.id}:0`);
  for (const follower of followers.values()) {
    if (follower.type === event.type) await follower.follow(db, clock, event);
  }
  return rows.length;
}

/** The JSON body a receiver gets: the delivery's id, the event, when it happened, where, and its data. */
export function deliveryBody(row: {
  id: string;
  event: string;
  created_at: string;
  area_code: string;
  payload: string;
}): string {
  return JSON.stringify({
    id: row.id,
    event: row.event,
    createdAt: row.created_at,
    areaCode: row.area_code,
    data: JSON.parse(row.payload) as unknown,
  });
}

/** `sha256=` and the hex HMAC-SHA256 of `timestamp.body` under the webhook's secret (as Stripe signs). */
export function signatureOf(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

async function post(url: string, headers: Record<string, string>, body: string): Promise<Outcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Lianxin-Webhooks/1', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    // The answer's body is not read beyond what frees the connection.
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    return { ok: false, status: response.status, error: `answered ${response.status}` };
  } catch (err) {
    const cause =
      err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    return { ok: false, status: null, error: cause.slice(0, 500) };
  }
}

/**
 * Sends one delivery. No transaction is open during the HTTP call: the delivery is read, posted,
 * and the outcome written in one short statement guarded by the attempt count, so a second worker
 * that sent it meanwhile is not overwritten. Receivers must expect a delivery twice (its id is in
 * `X-Lianxin-Delivery`) when a worker dies between the post and the write.
 */
export async function sendDelivery(
  db: Kysely<DB>,
  clock: Clock,
  secrets: Secrets,
  job: DeliveryJob,
  logger?: FastifyBaseLogger,
): Promise<void> {
  const row = await findDeliveryToSend(db, job.deliveryId);
  if (row?.status !== 'pending') return;
  const attempts = row.attempts + 1;
  if (!row.webhookActive || !row.integrationActive) {
    await recordAttempt(db, row.id, row.attempts, {
      status: 'failed',
      next_attempt_at: null,
      last_error: 'webhook or integration disabled',
    });
    return;
  }
  const body = deliveryBody(row);
  const timestamp = String(Math.floor(clock.now().getTime() / 1000));
  const outcome = await post(
    row.url,
    {
      'x-lianxin-event': row.event,
      'x-lianxin-delivery': row.id,
      'x-lianxin-timestamp': timestamp,
      'x-lianxin-signature': signatureOf(secrets.decrypt(row.secretEnc), timestamp, body),
    },
    body,
  );
  const now = clock.now();
  if (outcome.ok) {
    await recordAttempt(db, row.id, row.attempts, {
      status: 'delivered',
      attempts,
      next_attempt_at: null,
      last_status_code: outcome.status,
      last_error: null,
      delivered_at: now.toISOString(),
    });
    return;
  }
  logger?.warn({ delivery: row.id, attempts, error: outcome.error }, 'webhook not delivered');
  const retry = !job.manual && attempts < MAX_DELIVERY_ATTEMPTS;
  const nextAt = retry ? new Date(now.getTime() + retryDelayMs(attempts)) : null;
  const recorded = await recordAttempt(db, row.id, row.attempts, {
    status: retry ? 'pending' : 'failed',
    attempts,
    next_attempt_at: nextAt?.toISOString() ?? null,
    last_status_code: outcome.status,
    last_error: outcome.error,
  });
  if (recorded && nextAt)
    await scheduleDelivery(db, nextAt, now, { deliveryId: row.id }, `${row.id}:${attempts}`);
}

export function registerWebhookJobs(jobs: JobWorker, secrets: Secrets, logger?: FastifyBaseLogger): void {
  jobs.handleLong(DELIVER_JOB, async ({ db, clock, payload }) => {
    await sendDelivery(db, clock, secrets, payload as DeliveryJob, logger);
  });
}
