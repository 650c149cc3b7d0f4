// Integration accounts, their keys, their outgoing webhooks and the delivery log.
import type { WebhookDeliveryStatus, WebhookEvent } from '@lianxin/common';
import type { Selectable } from 'kysely';
import type { Bool, Timestamp } from './columns';

export interface IntegrationsTable {
  id: string;
  /** The system account (role `integration`) the integration acts as. */
  user_id: string;
  name: string;
  description: string;
  area_code: string;
  /** JSON array of permissions. */
  scopes: string;
  rate_limit_per_minute: number;
  active: Bool;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
  version: number;
}

export interface IntegrationKeysTable {
  id: string;
  integration_id: string;
  key_hash: string;
  prefix: string;
  created_at: Timestamp;
  created_by: string | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface WebhooksTable {
  id: string;
  integration_id: string;
  url: string;
  /** JSON array of event names. */
  events: string;
  secret_enc: string;
  active: Bool;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  version: number;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  integration_id: string;
  event: WebhookEvent;
  area_code: string;
  payload: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: Timestamp | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Timestamp | null;
  created_at: Timestamp;
}

export type IntegrationRow = Selectable<IntegrationsTable>;
export type IntegrationKeyRow = Selectable<IntegrationKeysTable>;
export type WebhookRow = Selectable<WebhooksTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
