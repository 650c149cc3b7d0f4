import { z } from 'zod';
import { AreaSummary } from './areas';
import type { rolePermissions } from './roles';
import { RecordVersion } from './versions';

/**
 * What an integration account may be allowed to do: at most what the `integration` role may.
 * Each account narrows it further with its own scopes.
 */
export const integrationScopes = ['areas.read', 'appeals.read', 'appeals.create'] as const satisfies Readonly<
  typeof rolePermissions.integration
>;
export type IntegrationScope = (typeof integrationScopes)[number];

/** The events an outgoing webhook may subscribe to. */
export const webhookEvents = [
  'appeal.created',
  'appeal.status_changed',
  'audit.checkpoint',
  'work_order.status_changed',
] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

export const webhookDeliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/** The visible start of every integration key, so a leaked one is recognised (by scanners too). */
export const INTEGRATION_KEY_PREFIX = 'lxi_';

/** Days an old key keeps working after a rotation, unless the rotation says otherwise. */
export const DEFAULT_ROTATION_GRACE_DAYS = 7;

const areaCode = z.string().regex(/^\d{12}(\d{3})?$/);
const name = z.string().trim().min(1).max(60);
const description = z.string().trim().max(500);
const scopes = z.array(z.enum(integrationScopes)).min(1).max(integrationScopes.length);
const rateLimit = z.number().int().min(1).max(10_000);
const events = z.array(z.enum(webhookEvents)).min(1).max(webhookEvents.length);
const url = z.url({ protocol: /^https?$/ }).max(500);

export const IntegrationKey = z.object({
  id: z.string(),
  /** The first characters of the key, to recognise it (`lxi_ab12cd34`). */
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  /** Usable now: neither revoked nor expired. */
  active: z.boolean(),
});
export type IntegrationKey = z.infer<typeof IntegrationKey>;

export const Integration = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  areaCode: z.string(),
  area: AreaSummary,
  scopes: z.array(z.enum(integrationScopes)),
  rateLimitPerMinute: z.number().int(),
  active: z.boolean(),
  /** The system account the integration acts as (audit log, created-by columns). */
  userId: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type Integration = z.infer<typeof Integration>;

export const IntegrationDetail = Integration.extend({ keys: z.array(IntegrationKey) });
export type IntegrationDetail = z.infer<typeof IntegrationDetail>;

export const IntegrationsListResponse = z.object({ items: z.array(Integration) });

export const IntegrationIdParams = z.strictObject({ id: z.uuid() });
export const IntegrationKeyParams = z.strictObject({ id: z.uuid(), keyId: z.uuid() });
export const WebhookParams = z.strictObject({ id: z.uuid(), webhookId: z.uuid() });
export const DeliveryParams = z.strictObject({ id: z.uuid(), deliveryId: z.uuid() });

export const IntegrationsCreateBody = z.strictObject({
  name,
  description: description.default(''),
  areaCode,
  scopes,
  rateLimitPerMinute: rateLimit.default(60),
});
export type IntegrationsCreateBody = z.infer<typeof IntegrationsCreateBody>;

export const IntegrationsUpdateBody = z.strictObject({
  name: name.optional(),
  description: description.optional(),
  scopes: scopes.optional(),
  rateLimitPerMinute: rateLimit.optional(),
  active: z.boolean().optional(),
  version: RecordVersion,
});
export type IntegrationsUpdateBody = z.infer<typeof IntegrationsUpdateBody>;

export const IntegrationKeysCreateBody = z.strictObject({
  /** Null: the key works until it is rotated or revoked. */
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(null),
});
export type IntegrationKeysCreateBody = z.infer<typeof IntegrationKeysCreateBody>;

export const IntegrationKeysRotateBody = z.strictObject({
  /** How long the old key keeps working, so the partner can switch without an outage. */
  graceDays: z.number().int().min(0).max(30).default(DEFAULT_ROTATION_GRACE_DAYS),
});
export type IntegrationKeysRotateBody = z.infer<typeof IntegrationKeysRotateBody>;

/** A new key: the only answer that carries the key itself; only its hash is kept. */
export const IntegrationKeyIssued = z.object({ key: IntegrationKey, secret: z.string() });
export type IntegrationKeyIssued = z.infer<typeof IntegrationKeyIssued>;

export const Webhook = z.object({
  id: z.string(),
  integrationId: z.string(),
  url: z.string(),
  events: z.array(z.enum(webhookEvents)),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Webhook = z.infer<typeof Webhook>;

export const WebhooksListResponse = z.object({ items: z.array(Webhook) });

export const WebhooksCreateBody = z.strictObject({ url, events, active: z.boolean().default(true) });
export type WebhooksCreateBody = z.infer<typeof WebhooksCreateBody>;

export const WebhooksUpdateBody = z.strictObject({
  url: url.optional(),
  events: events.optional(),
  active: z.boolean().optional(),
  version: RecordVersion,
});
export type WebhooksUpdateBody = z.infer<typeof WebhooksUpdateBody>;

/** A new webhook with its signing secret: shown once, kept encrypted so the server can sign. */
export const WebhookCreated = z.object({ webhook: Webhook, secret: z.string() });
export type WebhookCreated = z.infer<typeof WebhookCreated>;

export const WebhookDelivery = z.object({
  id: z.string(),
  webhookId: z.string(),
  url: z.string(),
  event: z.enum(webhookEvents),
  areaCode: z.string(),
  payload: z.unknown(),
  status: z.enum(webhookDeliveryStatuses),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveriesListQuery = z.strictObject({
  status: z.enum(webhookDeliveryStatuses).optional(),
  webhookId: z.uuid().optional(),
  /** Keyset: deliveries older than this one (ids are time-ordered). */
  before: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type WebhookDeliveriesListQuery = z.infer<typeof WebhookDeliveriesListQuery>;

export const WebhookDeliveriesListResponse = z.object({
  items: z.array(WebhookDelivery),
  /** Pass as `before` for the next page; null on the last. */
  nextBefore: z.string().nullable(),
});
