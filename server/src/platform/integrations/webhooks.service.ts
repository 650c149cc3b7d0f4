import type {
  Webhook,
  WebhookCreated,
  WebhookDeliveriesListQuery,
  WebhookDelivery,
  WebhookEvent,
  WebhooksCreateBody,
  WebhooksUpdateBody,
} from '@lianxin/common';
import type { Db } from '../../db/dialect';
import type { WebhookRow } from '../../db/schema';
import { recordAudit } from '../audit/audit.service';
import { AppError, notFound } from '../errors';
import { newId, newSecret } from '../ids';
import type { Secrets } from '../secrets';
import {
  type DeliveryWithUrl,
  deleteWebhook,
  findDelivery,
  findWebhook,
  insertWebhook,
  listDeliveries,
  listWebhooks,
  recordAttempt,
  updateWebhook,
} from './integrations.repository';
import { integrationInScope, type ManageContext } from './integrations.service';
import { scheduleDelivery } from './webhook-delivery';

/** Where webhooks may point: HTTPS, or outside production the local machine over plain HTTP. */
export function assertWebhookUrl(url: string, production: boolean): void {
  const parsed = new URL(url);
  if (parsed.protocol === 'https:') return;
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (!production && parsed.protocol === 'http:' && local) return;
  throw new AppError('WEBHOOK_URL_NOT_ALLOWED');
}

function toWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    integrationId: row.integration_id,
    url: row.url,
    events: JSON.parse(row.events) as WebhookEvent[],
    active: Boolean(row.active),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toDelivery(row: DeliveryWithUrl): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    url: row.url,
    event: row.event,
    areaCode: row.area_code,
    payload: JSON.parse(row.payload) as unknown,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
  };
}

export async function listWebhooksOf(db: Db, ctx: ManageContext, integrationId: string): Promise<Webhook[]> {
  await integrationInScope(db, ctx, integrationId);
  return (await listWebhooks(db, integrationId)).map(toWebhook);
}

async function webhookOf(db: Db, ctx: ManageContext, integrationId: string, webhookId: string) {
  const integration = await integrationInScope(db, ctx, integrationId);
  const row = await findWebhook(db, integrationId, webhookId);
  if (!row) throw notFound();
  return { integration, row };
}

export interface WebhookContext extends ManageContext {
  secrets: Secrets;
  production: boolean;
}

/** Adds a webhook with a new signing secret, shown once and kept encrypted (the server must sign with it). */
export async function createWebhook(
  db: Db,
  ctx: WebhookContext,
  integrationId: string,
  body: WebhooksCreateBody,
): Promise<WebhookCreated> {
  const integration = await integrationInScope(db, ctx, integrationId);
  assertWebhookUrl(body.url, ctx.production);
  const secret = `whsec_${newSecret()}`;
  const now = ctx.clock.now().toISOString();
  const row = {
    id: newId(),
    integration_id: integrationId,
    url: body.url,
    events: JSON.stringify([...new Set(body.events)]),
    secret_enc: ctx.secrets.encrypt(secret),
    active: body.active,
    created_at: now,
    created_by: ctx.caller.id,
    updated_at: now,
    version: 1,
  } satisfies WebhookRow;
  await insertWebhook(db, row);
  const webhook = toWebhook(row);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'integration.webhook_create',
    objectType: 'webhook',
    objectId: row.id,
    areaCode: integration.area_code,
    after: { url: webhook.url, events: webhook.events, active: webhook.active },
  });
  return { webhook, secret };
}

export async function updateWebhookOf(
  db: Db,
  ctx: WebhookContext,
  integrationId: string,
  webhookId: string,
  body: WebhooksUpdateBody,
): Promise<Webhook> {
  const { integration, row } = await webhookOf(db, ctx, integrationId, webhookId);
  if (body.url !== undefined) assertWebhookUrl(body.url, ctx.production);
  const ok = await updateWebhook(db, webhookId, body.version, {
    ...(body.url === undefined ? {} : { url: body.url }),
    ...(body.events === undefined ? {} : { events: JSON.stringify([...new Set(body.events)]) }),
    ...(body.active === undefined ? {} : { active: body.active }),
    updated_at: ctx.clock.now().toISOString(),
  });
  if (!ok) throw new AppError('VERSION_CONFLICT');
  const after = await findWebhook(db, integrationId, webhookId);
  if (!after) throw notFound();
  const [b, a] = [toWebhook(row), toWebhook(after)];
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'integration.webhook_update',
    objectType: 'webhook',
    objectId: webhookId,
    areaCode: integration.area_code,
    before: { url: b.url, events: b.events, active: b.active },
    after: { url: a.url, events: a.events, active: a.active },
  });
  return a;
}

/** Removes a webhook and its delivery log (the audit log keeps that it existed). */
export async function deleteWebhookOf(
  db: Db,
  ctx: ManageContext,
  integrationId: string,
  webhookId: string,
): Promise<void> {
  const { integration, row } = await webhookOf(db, ctx, integrationId, webhookId);
  await deleteWebhook(db, webhookId);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'integration.webhook_delete',
    objectType: 'webhook',
    objectId: webhookId,
    areaCode: integration.area_code,
    before: { url: row.url, events: JSON.parse(row.events) as unknown },
  });
}

export async function listDeliveriesOf(
  db: Db,
  ctx: ManageContext,
  integrationId: string,
  query: WebhookDeliveriesListQuery,
): Promise<{ items: WebhookDelivery[]; nextBefore: string | null }> {
  await integrationInScope(db, ctx, integrationId);
  const rows = await listDeliveries(db, integrationId, { ...query, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit).map(toDelivery);
  return { items, nextBefore: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
}

/** Sends a delivery again now: one attempt, whatever its state; its outcome is in the log. */
export async function redeliver(
  db: Db,
  ctx: ManageContext,
  integrationId: string,
  deliveryId: string,
): Promise<WebhookDelivery> {
  const integration = await integrationInScope(db, ctx, integrationId);
  const row = await findDelivery(db, integrationId, deliveryId);
  if (!row) throw notFound();
  const now = ctx.clock.now();
  await recordAttempt(db, row.id, row.attempts, { status: 'pending', next_attempt_at: now.toISOString() });
  await scheduleDelivery(db, now, now, { deliveryId: row.id, manual: true }, `${row.id}:manual:${newId()}`);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'integration.redeliver',
    objectType: 'webhook_delivery',
    objectId: row.id,
    areaCode: integration.area_code,
  });
  const after = await findDelivery(db, integrationId, deliveryId);
  if (!after) throw notFound();
  return toDelivery(after);
}
