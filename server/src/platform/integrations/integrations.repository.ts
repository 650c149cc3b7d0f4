import type { AreaKind } from '@lianxin/common';
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/dialect';
import type {
  IntegrationKeysTable,
  IntegrationsTable,
  UsersTable,
  WebhookDeliveriesTable,
  WebhookDeliveryRow,
  WebhooksTable,
} from '../../db/schema';
import { type AreaScope, inScope } from '../scope';

export interface AreaRef {
  code: string;
  name: string;
  kind: AreaKind;
}

/** An area inside the caller's subtree, or undefined. */
export async function findAreaInScope(db: Db, scope: AreaScope, code: string): Promise<AreaRef | undefined> {
  return db
    .selectFrom('areas')
    .select(['code', 'name', 'kind'])
    .where('code', '=', code)
    .where((eb) => inScope(eb, 'code', scope))
    .executeTakeFirst();
}

export async function insertSystemUser(db: Db, row: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateSystemUser(
  db: Db,
  id: string,
  changes: { name: string; disabled_at: string | null; updated_at: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('role', '=', 'integration')
    .execute();
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  return (
    (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) !==
    undefined
  );
}

function integrationQuery(db: Db, scope: AreaScope) {
  return db
    .selectFrom('integrations')
    .innerJoin('areas', 'areas.code', 'integrations.area_code')
    .selectAll('integrations')
    .select(['areas.name as area_name', 'areas.kind as area_kind'])
    .where((eb) => inScope(eb, 'integrations.area_code', scope));
}

export type IntegrationWithArea = NonNullable<Awaited<ReturnType<typeof findIntegration>>>;

export async function listIntegrations(db: Db, scope: AreaScope) {
  return integrationQuery(db, scope).orderBy('integrations.name').execute();
}

export async function findIntegration(db: Db, scope: AreaScope, id: string) {
  return integrationQuery(db, scope).where('integrations.id', '=', id).executeTakeFirst();
}

export async function integrationNameTaken(db: Db, name: string, exceptId: string | null): Promise<boolean> {
  const row = await db
    .selectFrom('integrations')
    .select('id')
    .where('name', '=', name)
    .$if(exceptId !== null, (qb) => qb.where('id', '!=', exceptId as string))
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertIntegration(db: Db, row: Insertable<IntegrationsTable>): Promise<void> {
  await db.insertInto('integrations').values(row).execute();
}

/** Applies the change when the version still matches; false on a stale write. */
export async function updateIntegration(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<IntegrationsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('integrations')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listKeys(db: Db, integrationId: string) {
  return db
    .selectFrom('integration_keys')
    .selectAll()
    .where('integration_id', '=', integrationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function findKey(db: Db, integrationId: string, keyId: string) {
  return db
    .selectFrom('integration_keys')
    .selectAll()
    .where('integration_id', '=', integrationId)
    .where('id', '=', keyId)
    .executeTakeFirst();
}

export async function insertKey(db: Db, row: Insertable<IntegrationKeysTable>): Promise<void> {
  await db.insertInto('integration_keys').values(row).execute();
}

export async function updateKey(
  db: Db,
  keyId: string,
  changes: { expires_at?: string | null; revoked_at?: string | null },
): Promise<void> {
  await db.updateTable('integration_keys').set(changes).where('id', '=', keyId).execute();
}

/** The key with its integration and the integration's account, for authenticating a request. */
export async function findKeyByHash(db: Db, keyHash: string) {
  return db
    .selectFrom('integration_keys')
    .innerJoin('integrations', 'integrations.id', 'integration_keys.integration_id')
    .innerJoin('users', 'users.id', 'integrations.user_id')
    .innerJoin('areas', 'areas.code', 'users.area_code')
    .select([
      'integration_keys.id as keyId',
      'integration_keys.expires_at as expiresAt',
      'integration_keys.revoked_at as revokedAt',
      'integration_keys.last_used_at as lastUsedAt',
      'integrations.id as integrationId',
      'integrations.scopes',
      'integrations.rate_limit_per_minute as rateLimitPerMinute',
      'integrations.active',
      'users.id as userId',
      'users.username',
      'users.name',
      'users.role',
      'users.area_code as areaCode',
      'areas.kind as areaKind',
      'users.disabled_at as disabledAt',
    ])
    .where('integration_keys.key_hash', '=', keyHash)
    .executeTakeFirst();
}

export async function touchKey(db: Db, keyId: string, now: string): Promise<void> {
  await db.updateTable('integration_keys').set({ last_used_at: now }).where('id', '=', keyId).execute();
}

export async function listWebhooks(db: Db, integrationId: string) {
  return db
    .selectFrom('webhooks')
    .selectAll()
    .where('integration_id', '=', integrationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findWebhook(db: Db, integrationId: string, webhookId: string) {
  return db
    .selectFrom('webhooks')
    .selectAll()
    .where('integration_id', '=', integrationId)
    .where('id', '=', webhookId)
    .executeTakeFirst();
}

export async function insertWebhook(db: Db, row: Insertable<WebhooksTable>): Promise<void> {
  await db.insertInto('webhooks').values(row).execute();
}

export async function updateWebhook(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<WebhooksTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('webhooks')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteWebhook(db: Db, id: string): Promise<void> {
  await db.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).execute();
  await db.deleteFrom('webhooks').where('id', '=', id).execute();
}

/** Active webhooks of active integrations, with the area each integration acts for. */
export async function activeWebhooks(db: Db) {
  return db
    .selectFrom('webhooks')
    .innerJoin('integrations', 'integrations.id', 'webhooks.integration_id')
    .innerJoin('areas', 'areas.code', 'integrations.area_code')
    .select([
      'webhooks.id',
      'webhooks.integration_id as integrationId',
      'webhooks.events',
      'integrations.area_code as areaCode',
      'areas.kind as areaKind',
    ])
    .where('webhooks.active', '=', true)
    .where('integrations.active', '=', true)
    .execute();
}

export async function insertDeliveries(db: Db, rows: Insertable<WebhookDeliveriesTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('webhook_deliveries').values(rows).execute();
}

const deliveryColumns = [
  'webhook_deliveries.id',
  'webhook_deliveries.webhook_id',
  'webhook_deliveries.integration_id',
  'webhook_deliveries.event',
  'webhook_deliveries.area_code',
  'webhook_deliveries.payload',
  'webhook_deliveries.status',
  'webhook_deliveries.attempts',
  'webhook_deliveries.next_attempt_at',
  'webhook_deliveries.last_status_code',
  'webhook_deliveries.last_error',
  'webhook_deliveries.delivered_at',
  'webhook_deliveries.created_at',
  'webhooks.url',
] as const;

export type DeliveryWithUrl = WebhookDeliveryRow & { url: string };

/** The log of an integration, newest first; `before` pages by id (ids are time-ordered). */
export async function listDeliveries(
  db: Db,
  integrationId: string,
  filter: { status?: WebhookDeliveryRow['status']; webhookId?: string; before?: string; limit: number },
): Promise<DeliveryWithUrl[]> {
  return db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
    .select(deliveryColumns)
    .where('webhook_deliveries.integration_id', '=', integrationId)
    .$if(filter.status !== undefined, (qb) =>
      qb.where('webhook_deliveries.status', '=', filter.status as WebhookDeliveryRow['status']),
    )
    .$if(filter.webhookId !== undefined, (qb) =>
      qb.where('webhook_deliveries.webhook_id', '=', filter.webhookId as string),
    )
    .$if(filter.before !== undefined, (qb) => qb.where('webhook_deliveries.id', '<', filter.before as string))
    .orderBy('webhook_deliveries.id', 'desc')
    .limit(filter.limit)
    .execute();
}

export async function findDelivery(db: Db, integrationId: string, deliveryId: string) {
  return db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
    .select(deliveryColumns)
    .where('webhook_deliveries.integration_id', '=', integrationId)
    .where('webhook_deliveries.id', '=', deliveryId)
    .executeTakeFirst();
}

/** A delivery with what sending it needs: its webhook's URL, secret and state. */
export async function findDeliveryToSend(db: Db, deliveryId: string) {
  return db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
    .innerJoin('integrations', 'integrations.id', 'webhooks.integration_id')
    .select([
      ...deliveryColumns,
      'webhooks.secret_enc as secretEnc',
      'webhooks.active as webhookActive',
      'integrations.active as integrationActive',
    ])
    .where('webhook_deliveries.id', '=', deliveryId)
    .executeTakeFirst();
}

/** Records an attempt's outcome, unless the delivery changed meanwhile (another attempt). */
export async function recordAttempt(
  db: Db,
  deliveryId: string,
  attemptsBefore: number,
  changes: Updateable<WebhookDeliveriesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set(changes)
    .where('id', '=', deliveryId)
    .where('attempts', '=', attemptsBefore)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
